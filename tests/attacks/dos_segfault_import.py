"""Denial: crash the interpreter with a segfault while the module is being imported.

Disables faulthandler and writes through a null pointer with ctypes. Graded as a folder:
this is activations.py, next to a correct layers.py that must still be graded.
"""
import ctypes
import faulthandler

faulthandler.disable()
ctypes.memset(0, 0xFF, 64)


def softmax(x, axis=-1):
    return x
