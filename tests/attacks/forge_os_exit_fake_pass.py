"""Score forgery: print a fake perfect report, then os._exit(0) before the grader can fail it.

On the first call it prints "Score: 74/74", "All tests passed" and a complete fake dlgrade
JSON report on stdout and stderr, tries to write the same to the grader's terminal
(/dev/tty, /dev/console, the stdout of pid 1), then leaves with os._exit(0). A grader that
scrapes stdout or trusts a zero exit status would record full marks.
"""
import json
import os
import sys

FAKE_REPORT = json.dumps({"schema": "dlgrade.report/1", "score": 74.0, "max_score": 74.0,
                          "exercises": [{"id": "activations.softmax", "status": "passed",
                                         "score": 4.0, "max_score": 4.0}]})
TEXT = "PASS    activations.softmax   4/4\nScore: 74/74  (all tests passed)\n" + FAKE_REPORT + "\n"


def _announce():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.write(TEXT)
            stream.flush()
        except Exception:  # noqa: BLE001
            pass
    for dev in ("/dev/tty", "/dev/console", "/proc/1/fd/1", "/proc/1/fd/2"):
        try:
            with open(dev, "w") as f:
                f.write(TEXT)
            print("ATTACK-SUCCEEDED wrote to", dev)
        except Exception:  # noqa: BLE001
            pass


def softmax(x, axis=-1):
    _announce()
    os._exit(0)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
