"""Float products of the 0/1 arrays, and a float32 0-d result."""
import numpy as np


def precision(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float32)
    p = np.asarray(y_pred, dtype=np.float32)
    predicted = p.sum()
    if predicted == 0:
        return np.array(0.0, dtype=np.float32)
    return np.array((t * p).sum() / predicted, dtype=np.float32)
