"""In-process tampering: find dlgrade itself and patch its comparison to always pass.

Tries `import autograder`, then adds every plausible location of the grader to sys.path
(the parents of this file and of the working directory, /work/main, /autograder/source,
/opt, /srv, the grader's $PWD from /proc) and tries again; if found, it sets RTOL to 1e9 and
replaces assert_close and as_float_array with no-ops. It also plants a fake "autograder"
package in sys.modules. The softmax is wrong (it returns x squared).
"""
import importlib
import os
import sys
import types

import numpy as np

CANDIDATES = ["/work/main", "/autograder/source", "/autograder", "/opt", "/srv", "/app",
              "/usr/src/app", "/root", "/home"]
here = os.path.dirname(os.path.abspath(__file__))
for base in (here, os.getcwd()):
    while True:
        CANDIDATES.append(base)
        parent = os.path.dirname(base)
        if parent == base:
            break
        base = parent
for pid in ("1", "self"):
    try:
        with open(f"/proc/{pid}/environ", "rb") as f:
            for entry in f.read().split(b"\0"):
                if entry.startswith(b"PWD="):
                    CANDIDATES.append(entry[4:].decode(errors="replace"))
    except OSError:
        pass

found = None
for path in [None] + CANDIDATES:
    if path is not None:
        sys.path.insert(0, path)
    try:
        found = importlib.import_module("autograder.checking.compare")
        break
    except Exception:  # noqa: BLE001
        continue

if found is not None:
    print("ATTACK-SUCCEEDED imported the grader from", found.__file__)
    found.RTOL = 1e9
    found.assert_close = lambda *a, **k: None
    found.as_float_array = lambda v, *a, **k: v
else:
    fake = types.ModuleType("autograder")
    fake.__path__ = []
    sys.modules["autograder"] = fake


def softmax(x, axis=-1):
    return np.asarray(x, dtype=np.float64) ** 2


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
