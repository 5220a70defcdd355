"""Standard formulation: mean over the batch of logsumexp(row) - row[label], with a max-shifted log-sum-exp."""
import numpy as np


def cross_entropy(logits, labels):
    z = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels)
    m = np.max(z, axis=1, keepdims=True)
    lse = m[:, 0] + np.log(np.sum(np.exp(z - m), axis=1))
    return float(np.mean(lse - z[np.arange(z.shape[0]), labels]))
