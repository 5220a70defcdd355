"""Folds the bias correction into the step size: lr_t = lr*sqrt(1-b2^t)/(1-b1^t), with eps scaled by sqrt(1-b2^t)."""
import numpy as np


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    new_m = beta1 * m + (1.0 - beta1) * grad
    new_v = beta2 * v + (1.0 - beta2) * np.square(grad)
    c2 = np.sqrt(1.0 - beta2 ** t)
    lr_t = lr * c2 / (1.0 - beta1 ** t)
    new_param = param - lr_t * new_m / (np.sqrt(new_v) + eps * c2)
    return new_param, new_m, new_v
