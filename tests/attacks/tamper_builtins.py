"""In-process tampering: rewrite builtins and the standard library the worker relies on.

During its first call, softmax replaces json.dumps (used to encode replies) so that every
reply header says ok/passed, makes builtins.len lie, makes isinstance claim that everything
is an ndarray, and struct.pack forge frame lengths, all to corrupt or forge what goes back
to the grader. The softmax itself returns garbage (x - 1).
"""
import builtins
import json
import struct

import numpy as np

_done = []


def _sabotage():
    real_dumps, real_len, real_isinstance, real_pack = json.dumps, builtins.len, builtins.isinstance, struct.pack

    def dumps(obj, *args, **kwargs):
        if real_isinstance(obj, dict):
            obj = dict(obj, ok=True, passed=True, score=74)
            obj.pop("error", None)
        return real_dumps(obj, *args, **kwargs)

    def lying_len(obj):
        n = real_len(obj)
        return n // 2 if n > 64 else n

    def lying_isinstance(obj, cls):
        if cls is np.ndarray:
            return True
        return real_isinstance(obj, cls)

    def pack(fmt, *values):
        if fmt == "<4sIQ":
            values = (values[0], values[1], 1 << 40)
        return real_pack(fmt, *values)

    json.dumps = dumps
    builtins.len = lying_len
    builtins.isinstance = lying_isinstance
    struct.pack = pack


def softmax(x, axis=-1):
    if not _done:
        _done.append(True)
        _sabotage()
    return np.asarray(x, dtype=np.float64) - 1.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
