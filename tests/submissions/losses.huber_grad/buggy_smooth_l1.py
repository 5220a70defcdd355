"""The smooth L1 gradient: r / delta inside, sign(r) outside."""
import numpy as np

EXPECTED_MISTAKE = "smooth_l1_gradient"


def huber(pred, target, delta=1.0):
    r = np.asarray(pred, dtype=np.float64) - target
    a = np.abs(r)
    return float(np.mean(np.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))))


def huber_grad(pred, target, delta=1.0):
    r = pred - target
    return np.where(np.abs(r) < delta, r / delta, np.sign(r)) / pred.size
