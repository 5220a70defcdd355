"""Updates sq_avg and param in place."""
import numpy as np

EXPECTED_MISTAKE = "in_place_update"


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    sq_avg *= alpha
    sq_avg += (1 - alpha) * grad * grad
    param -= lr * grad / (np.sqrt(sq_avg) + eps)
    return param, sq_avg
