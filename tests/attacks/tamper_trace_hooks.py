"""In-process tampering: trace and audit hooks that watch everything the process does.

Installs sys.settrace, sys.setprofile, threading.settrace and an audit hook (which cannot be
removed) that record every function called and every file opened, hoping to catch the
grader computing the expected answer or reading its hidden tests; a frame local named
"expected" is used as the answer. Without a find, softmax returns garbage (x - 1).
"""
import sys
import threading

import numpy as np

seen = {"calls": set(), "opened": [], "expected": None}


def _tracer(frame, event, arg):
    seen["calls"].add((frame.f_code.co_filename, frame.f_code.co_name))
    if "expected" in frame.f_locals:
        seen["expected"] = frame.f_locals["expected"]
    return _tracer


def _audit(event, args):
    if event == "open":
        seen["opened"].append(str(args[0])[:200])


sys.settrace(_tracer)
sys.setprofile(lambda frame, event, arg: _tracer(frame, event, arg) and None)
threading.settrace(_tracer)
threading.setprofile(lambda frame, event, arg: None)
sys.addaudithook(_audit)


def softmax(x, axis=-1):
    grader_files = sorted({f for f, _ in list(seen["calls"]) if "autograder" in f or "reference" in f})
    if grader_files:
        print("ATTACK-SUCCEEDED traced grader code:", grader_files[:5])
    if seen["expected"] is not None:
        print("ATTACK-SUCCEEDED caught an expected value")
        return seen["expected"]
    print("files opened so far:", seen["opened"][-5:])
    return np.asarray(x, dtype=np.float64) - 1.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
