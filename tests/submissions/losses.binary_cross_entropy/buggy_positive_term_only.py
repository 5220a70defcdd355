"""Keeps only -t log p (the negative class costs nothing)."""
import numpy as np

EXPECTED_MISTAKE = "missing_negative_class_term"


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore"):
        return float(-np.mean(targets * np.maximum(np.log(probs), -100.0)))
