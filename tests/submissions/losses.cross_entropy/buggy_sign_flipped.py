"""Returns +mean(log p) instead of -mean(log p): the loss is negative."""
import numpy as np

EXPECTED_MISTAKE = "sign_flipped"


def cross_entropy(logits, labels):
    shifted = logits - np.max(logits, axis=1, keepdims=True)
    log_p = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    N = logits.shape[0]
    return float(np.mean(log_p[np.arange(N), labels]))
