"""Denial: recurse without bound after raising the recursion limit, to smash the C stack.

Sets sys.setrecursionlimit(10**8) and recurses through f.__call__ (a method wrapper, so
every level also uses C stack), which overflows the C stack long before the limit is
reached and kills the process with SIGSEGV instead of raising RecursionError.
"""
import sys


def _down(n):
    return _down.__call__(n + 1)


def softmax(x, axis=-1):
    sys.setrecursionlimit(10 ** 8)
    return _down(0)


def dense_forward(x, W, b):
    return x @ W.T + b, (x, W)
