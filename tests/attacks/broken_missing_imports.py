"""Honest but broken: imports frameworks the grader does not have (tensorflow, torch).

A top-level `from tensorflow import keras` fails at import; the report must name the
missing module. Graded as a folder: this is activations.py, next to a correct layers.py
that must still pass.
"""
import numpy as np
import torch
from tensorflow import keras


def softmax(x, axis=-1):
    return keras.activations.softmax(torch.tensor(x), axis=axis).numpy()
