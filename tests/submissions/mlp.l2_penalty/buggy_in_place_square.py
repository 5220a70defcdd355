"""Squares the weights in place (w **= 2)."""
import numpy as np


def l2_penalty(weights, lam):
    total = 0.0
    for w in weights:
        w **= 2
        total += float(w.sum())
    return lam * total
