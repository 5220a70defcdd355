"""Uses the residual everywhere, as if the loss were 0.5 r**2."""
import numpy as np

EXPECTED_MISTAKE = "linear_branch_not_clipped"


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))


def huber_grad(pred, target, delta=1.0):
    return (pred - target) / pred.size
