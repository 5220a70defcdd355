"""max(z, 0) + z t + log1p(exp(-|z|)): the z t term added."""
import numpy as np

EXPECTED_MISTAKE = "target_term_sign_flipped"


def binary_cross_entropy(probs, targets):
    p = np.asarray(probs, dtype=np.float64)
    with np.errstate(divide="ignore"):
        lp = np.maximum(np.log(p), -100.0)
        lq = np.maximum(np.log(1.0 - p), -100.0)
    return float(-np.mean(targets * lp + (1.0 - targets) * lq))


def binary_cross_entropy_with_logits(logits, targets):
    z = logits.astype(np.float64)
    return float(np.mean(np.maximum(z, 0) + z * targets + np.log1p(np.exp(-np.abs(z)))))
