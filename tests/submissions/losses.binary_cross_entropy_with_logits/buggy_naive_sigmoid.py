"""Sigmoid first, then the logs: inf or nan for large |z|."""
import numpy as np

EXPECTED_MISTAKE = "naive_sigmoid_then_log"


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        p = 1 / (1 + np.exp(-logits))
        return float(-np.mean(targets * np.log(p) + (1 - targets) * np.log(1 - p)))
