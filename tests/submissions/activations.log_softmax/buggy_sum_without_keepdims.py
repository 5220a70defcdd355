"""Takes the log-sum-exp without keepdims: broadcasting fails, or is silently wrong on square inputs."""
import numpy as np

EXPECTED_MISTAKE = "sum_without_keepdims"


def log_softmax(x, axis=-1):
    m = np.max(x, axis=axis, keepdims=True)
    lse = np.squeeze(m, axis=axis) + np.log(np.sum(np.exp(x - m), axis=axis))
    return x - lse
