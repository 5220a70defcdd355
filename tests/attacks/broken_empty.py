"""Honest but broken: a module that holds nothing but this docstring (the student never saved).

Graded as a folder: this is activations.py, next to a correct layers.py that must still pass.
The report must say that softmax is missing.
"""
