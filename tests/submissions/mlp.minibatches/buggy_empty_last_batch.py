"""Makes N // batch_size + 1 batches, the last one empty when batch_size divides N."""
import numpy as np

EXPECTED_MISTAKE = "empty_last_batch"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = rng.permutation(n) if shuffle else np.arange(n)
    return [(x[idx[k * batch_size:(k + 1) * batch_size]], y[idx[k * batch_size:(k + 1) * batch_size]])
            for k in range(n // batch_size + 1)]
