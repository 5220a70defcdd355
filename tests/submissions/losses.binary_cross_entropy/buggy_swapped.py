"""Takes the logs of the targets instead of the probabilities."""
import numpy as np

EXPECTED_MISTAKE = "targets_probs_swapped"


def binary_cross_entropy(probs, targets):
    with np.errstate(divide="ignore"):
        lt = np.maximum(np.log(targets), -100.0)
        lq = np.maximum(np.log(1 - targets), -100.0)
    return float(-np.mean(probs * lt + (1 - probs) * lq))
