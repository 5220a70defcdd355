"""Squares the weights instead of taking absolute values."""
import numpy as np

EXPECTED_MISTAKE = "l2_instead"


def l1_penalty(weights, lam):
    return float(lam * sum((w ** 2).sum() for w in weights))
