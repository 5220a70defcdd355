"""Uses the raw moments in the update (no bias correction)."""
import numpy as np

EXPECTED_MISTAKE = "no_bias_correction"


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    m = beta1 * m + (1 - beta1) * grad
    v = beta2 * v + (1 - beta2) * grad ** 2
    return param * (1 - lr * weight_decay) - lr * m / (np.sqrt(v) + eps), m, v
