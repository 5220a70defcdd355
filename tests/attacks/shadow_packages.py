"""Hijack: shadow the grader's own modules with files in the submission folder.

The test installs this file as activations.py and, next to it, as reference/activations.py,
autograder/__init__.py, hypothesis.py, numpy.py, wire.py, json.py and sitecustomize.py, then
runs the grader with the submission folder as its working directory. Imported under any
name but "activations", the module leaves a marker file in /tmp and prints
ATTACK-SUCCEEDED; if the grader took it for its reference, the wrong softmax below would
match itself and get full marks.
"""
import os
import sys

if __name__.split(".")[-1] != "activations" or __name__.startswith("reference"):
    try:
        with open("/tmp/dlgrade-attack-shadow-imported", "w") as f:
            f.write(f"{__name__} {sys.executable} {os.getpid()}\n")
    except OSError:
        pass
    print("ATTACK-SUCCEEDED shadow module imported as", __name__, file=sys.stderr)


def softmax(x, axis=-1):
    import numpy as np
    x = np.asarray(x, dtype=np.float64)
    return np.abs(x) / max(float(np.abs(x).sum()), 1.0)


def log_softmax(x, axis=-1):
    return softmax(x, axis)
