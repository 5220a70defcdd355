"""Leak: talk to a service on the grading machine over the network.

Reads the port of a service the grader runs (grader_port.txt, next to this module) and
tries TCP to 127.0.0.1 and ::1, UDP, an HTTP request with urllib, a unix socket in /run
and /tmp and an abstract unix socket, sending a forged score. The service must receive
nothing. The softmax returns garbage.
"""
import os
import socket

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MESSAGE = b"POST /grades HTTP/1.0\r\n\r\nstudent=attacker&score=74\r\n"


def _ports():
    try:
        with open(os.path.join(HERE, "grader_port.txt")) as f:
            return [int(p) for p in f.read().split()]
    except (OSError, ValueError):
        return [8000, 8080]


def _attempt(what, fn):
    try:
        fn()
        print("ATTACK-SUCCEEDED", what)
    except Exception as exc:  # noqa: BLE001
        print("refused:", what, type(exc).__name__, exc)


def _tcp(host, port):
    def go():
        with socket.create_connection((host, port), timeout=1) as s:
            s.sendall(MESSAGE)
    return go


def _udp(port):
    def go():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.sendto(MESSAGE, ("127.0.0.1", port))
    return go


def _unix(path):
    def go():
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(1)
            s.connect(path)
            s.sendall(MESSAGE)
    return go


def _http(port):
    def go():
        import urllib.request
        urllib.request.urlopen(f"http://127.0.0.1:{port}/grades", data=MESSAGE, timeout=1)
    return go


def softmax(x, axis=-1):
    for port in _ports():
        _attempt(f"tcp 127.0.0.1:{port}", _tcp("127.0.0.1", port))
        _attempt(f"tcp [::1]:{port}", _tcp("::1", port))
        _attempt(f"udp 127.0.0.1:{port}", _udp(port))
        _attempt(f"http 127.0.0.1:{port}", _http(port))
    for path in ("/run/dbus/system_bus_socket", "/tmp/.X11-unix/X0", "\0dlgrade-grader"):
        _attempt(f"unix {path!r}", _unix(path))
    return np.asarray(x, dtype=np.float64) * 4.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
