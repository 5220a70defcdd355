"""Leak: print the environment, hoping for the grader's tokens, paths and settings.

Prints os.environ, /proc/self/environ and the environment of pid 1 and of the parent. The
grader's own variables (the test sets a secret canary in the grader's environment) must
not be visible to the worker at all. The softmax returns garbage.
"""
import os

import numpy as np


def _read(path):
    try:
        with open(path, "rb") as f:
            return f.read(4000).replace(b"\0", b"\n").decode("utf-8", "replace")
    except Exception as exc:  # noqa: BLE001
        return f"<{type(exc).__name__}>"


def softmax(x, axis=-1):
    for key, value in sorted(os.environ.items()):
        print(f"ENV {key}={value}")
        if "CANARY" in key or "DLGRADE" in key:
            print("ATTACK-SUCCEEDED grader variable", key)
    for path in ("/proc/self/environ", "/proc/1/environ", f"/proc/{os.getppid()}/environ"):
        print(path, _read(path))
    return np.asarray(x, dtype=np.float64) * 5.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
