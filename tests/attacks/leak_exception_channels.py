"""Leak: smuggle hidden inputs out through the parts of an error the report keeps.

For hidden properties the report withholds the exception message but keeps the exception
type and the line of the student's code that raised. This raises an exception whose class
is created on the fly with the input values in its name, from a function whose code object
is renamed after the input, after planting the input in linecache as the text of its own
source line. "HID" followed by the values must not appear in the student's report for a
hidden property.
"""
import linecache
import os

import numpy as np

HERE = os.path.abspath(__file__)


def _tag(x):
    vals = np.asarray(x, dtype=np.float64).ravel()[:4]
    return "HID" + "_".join(f"{v:.4g}".replace("-", "m").replace(".", "p").replace("+", "") for v in vals)


def _raiser():
    raise ValueError("placeholder")


def softmax(x, axis=-1):
    tag = _tag(x)
    print("NOW", tag)
    kind = type(tag, (Exception,), {})
    try:
        with open(HERE) as f:
            lines = f.read().splitlines(True)
    except OSError:
        lines = ["\n"] * 200
    lines = [f"{tag} = {tag}\n"] * len(lines)
    linecache.cache[HERE] = (sum(map(len, lines)), None, lines, HERE)

    def boom():
        raise kind(tag)

    boom.__code__ = boom.__code__.replace(co_name=tag)
    boom()


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
