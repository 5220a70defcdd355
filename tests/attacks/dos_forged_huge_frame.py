"""Denial: forged DLG1 frames that declare gigantic sizes, to make the grader allocate terabytes.

Writes to the reply pipe a prefix declaring a 4 GB header and a 16 EB payload, then a small
header describing an array of shape (10**6, 10**6) with a few bytes of payload, and a
header claiming an "object" dtype. A reader that allocates what the prefix declares, or
rebuilds arrays with np.frombuffer before checking sizes, runs out of memory.
"""
import json
import os
import struct
import sys

import numpy as np

FD_OUT = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 4


def _frame(header, payload=b""):
    head = json.dumps(header).encode()
    return struct.pack("<4sIQ", b"DLG1", len(head), len(payload)) + head + payload


def softmax(x, axis=-1):
    flat = np.asarray(x, dtype=np.float64).ravel()
    k = int(abs(flat[0]) * 1000) % 3 if flat.size else 1
    if k == 1:
        data = struct.pack("<4sIQ", b"DLG1", 0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF)
    elif k == 2:
        data = _frame({"id": 1, "ok": True, "value": {"t": "a", "dtype": "<f8", "shape": [10 ** 6, 10 ** 6],
                                                      "off": 0, "n": 8 * 10 ** 12}}, b"\0" * 64)
    else:
        data = _frame({"id": 1, "ok": True, "value": {"t": "a", "dtype": "|O", "shape": [2], "off": 0, "n": 16}},
                      b"\0" * 16)
    os.write(FD_OUT, data)
    os.close(FD_OUT)
    while True:
        pass


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
