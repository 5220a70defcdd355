"""Makes only N // batch_size batches, dropping the smaller last one."""
import numpy as np

EXPECTED_MISTAKE = "drops_last_batch"


def minibatches(x, y, batch_size, rng, shuffle=True):
    n = len(x)
    idx = rng.permutation(n) if shuffle else np.arange(n)
    out = []
    for k in range(n // batch_size):
        b = idx[k * batch_size:(k + 1) * batch_size]
        out.append((x[b], y[b]))
    return out
