"""Takes the log of a naive softmax (no max shift): inf/nan for big logits."""
import numpy as np

EXPECTED_MISTAKE = "no_logsumexp"


def cross_entropy(logits, labels):
    e = np.exp(logits)
    p = e / np.sum(e, axis=1, keepdims=True)
    N = logits.shape[0]
    return float(-np.mean(np.log(p[np.arange(N), labels])))
