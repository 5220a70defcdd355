"""t / p - (1 - t) / (1 - p): the gradient of the log-likelihood."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_grad(probs, targets):
    return (targets / probs - (1 - targets) / (1 - probs)) / probs.size
