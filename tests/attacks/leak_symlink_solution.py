"""Leak: submit symbolic links to the instructor's solution and reference next to the module.

The submission folder also holds solution_link.py (an absolute link to the course's
solutions/activations.py), relative_link.py (a relative link to the same file) and
reference_link (a link to the reference folder), as a zip with links would. The module
imports softmax from whichever link resolves; otherwise it returns garbage.
"""
import importlib.util
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def _borrow():
    for name in ("solution_link.py", "relative_link.py", os.path.join("reference_link", "activations.py")):
        path = os.path.join(HERE, name)
        try:
            spec = importlib.util.spec_from_file_location("borrowed_" + str(abs(hash(name))), path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            print("ATTACK-SUCCEEDED loaded", name)
            return module.softmax
        except Exception as exc:  # noqa: BLE001
            print("could not load", name, type(exc).__name__)
    return None


_borrowed = _borrow()


def softmax(x, axis=-1):
    if _borrowed is not None:
        return _borrowed(x, axis=axis)
    return np.asarray(x, dtype=np.float64) * 6.0
