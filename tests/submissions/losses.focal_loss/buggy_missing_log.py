"""-(1 - p_t) ** gamma * p_t: the log is missing."""
import numpy as np

EXPECTED_MISTAKE = "missing_log"


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(s).sum(axis=1)) - s[np.arange(n), labels]))


def _log_pt(logits, labels):
    z = logits.astype(np.float64)
    s = z - z.max(axis=1, keepdims=True)
    return (s - np.log(np.exp(s).sum(axis=1, keepdims=True)))[np.arange(z.shape[0]), labels]


def focal_loss(logits, labels, gamma=2.0):
    p = np.exp(_log_pt(logits, labels))
    return float(np.mean(-(1 - p) ** gamma * p))
