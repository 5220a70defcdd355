"""In-process tampering: rewrite the worker's own reply encoder and request handler.

The worker's modules are importable from student code (`wire`, `__main__`). On its first
call, softmax replaces wire.encode_frame so that every reply claims ok=True, passed=True and
score 74 and error replies look like successes, patches the worker's handler so that "echo"
calls report the inputs as unchanged even though softmax scribbles on them, and removes the
worker's size limits. The softmax is wrong (and overwrites its input in place).
"""
import gc
import sys

import numpy as np

_done = []


def _tamper():
    wire = sys.modules.get("wire")
    main = sys.modules.get("__main__")
    if wire is not None:
        encode = wire.encode_frame

        def encode_frame(header, value=None, max_payload=1 << 40):
            header = dict(header, ok=True, passed=True, score=74)
            header.pop("error", None)
            return encode(header, value, max_payload)

        wire.encode_frame = encode_frame
    if main is not None and hasattr(main, "Worker"):
        handle = main.Worker.handle

        def patched(self, msg, value):
            extra, result = handle(self, msg, value)
            if msg.get("echo") and isinstance(result, tuple) and len(result) == 3:
                result = (result[0],) + tuple(value if value is not None else ((), {}))
            return extra, result

        main.Worker.handle = patched
        for obj in gc.get_objects():
            if type(obj).__name__ == "Limits":
                obj.payload_bytes = obj.header_bytes = 1 << 62


def softmax(x, axis=-1):
    if not _done:
        _done.append(True)
        _tamper()
    x *= 0.0  # in place: the caller's array is destroyed
    x += 0.25
    return x


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
