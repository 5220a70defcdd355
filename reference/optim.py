"""Reference optimiser steps and learning-rate schedules (float64).

The update steps follow the order of operations of torch.optim (moving
averages updated as ``s + (1 - alpha) * (g**2 - s)``-style interpolations
where torch does the same, decay applied to the parameter before the Adam
step in AdamW); the schedules use the closed forms of
torch.optim.lr_scheduler. Every function returns new float64 arrays (or a
Python float) and leaves its inputs untouched.
"""

import math

import numpy as np


def _f64(*arrays):
    return tuple(np.asarray(a, dtype=np.float64) for a in arrays)


def sgd_step(param, grad, lr=0.01):
    """param - lr * grad."""
    param, grad = _f64(param, grad)
    return np.subtract(param, np.multiply(grad, lr))


def momentum_step(param, grad, velocity, lr=0.01, beta=0.9):
    """The damped momentum update v <- beta v + (1 - beta) g; param <- param - lr v."""
    param, grad, velocity = _f64(param, grad, velocity)
    v_new = velocity * beta
    v_new += grad * (1.0 - beta)
    return param - v_new * lr, v_new


def rmsprop_step(param, grad, sq_avg, lr=0.01, alpha=0.99, eps=1e-8):
    """torch.optim.RMSprop (no momentum, not centered): eps added after the root."""
    param, grad, sq_avg = _f64(param, grad, sq_avg)
    s_new = sq_avg * alpha
    s_new += (1.0 - alpha) * np.square(grad)
    denom = np.sqrt(s_new)
    denom += eps
    return param - lr * (grad / denom), s_new


def adam_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update at step t (counted from 1).

    param, grad, m, v: arrays of one shape (possibly empty). Returns new
    float64 arrays (param, m, v); the inputs are left untouched.
    """
    param = np.asarray(param, dtype=np.float64)
    grad = np.asarray(grad, dtype=np.float64)
    m = np.asarray(m, dtype=np.float64)
    v = np.asarray(v, dtype=np.float64)
    m_new = beta1 * m + (1.0 - beta1) * grad
    v_new = beta2 * v + (1.0 - beta2) * grad * grad
    m_hat = m_new / (1.0 - beta1 ** t)
    v_hat = v_new / (1.0 - beta2 ** t)
    param_new = param - lr * m_hat / (np.sqrt(v_hat) + eps)
    return param_new, m_new, v_new


def adamw_step(param, grad, m, v, t, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8,
               weight_decay=1e-2):
    """torch.optim.AdamW: param * (1 - lr * weight_decay), then the Adam step.

    Written as torch orders it: step size lr / (1 - beta1**t) and denominator
    sqrt(v) / sqrt(1 - beta2**t) + eps.
    """
    param, grad, m, v = _f64(param, grad, m, v)
    decayed = param * (1.0 - lr * weight_decay)
    m_new = m + (1.0 - beta1) * (grad - m)
    v_new = v * beta2 + (1.0 - beta2) * grad * grad
    step_size = lr / (1.0 - beta1 ** t)
    denom = np.sqrt(v_new) / math.sqrt(1.0 - beta2 ** t) + eps
    return decayed - step_size * (m_new / denom), m_new, v_new


def step_decay(lr0, epoch, step_size, gamma=0.1):
    """StepLR: one factor gamma per completed block of step_size epochs."""
    drops, _ = divmod(int(epoch), int(step_size))
    return float(lr0) * math.pow(gamma, drops)


def exponential_decay(lr0, epoch, gamma):
    """ExponentialLR: lr0 * gamma ** epoch."""
    return float(lr0) * math.pow(gamma, int(epoch))


def cosine_annealing(lr0, epoch, t_max, eta_min=0.0):
    """CosineAnnealingLR's closed form (continued past t_max, period 2 * t_max)."""
    angle = math.pi * float(epoch) / float(t_max)
    weight = 0.5 * (1.0 + math.cos(angle))  # 1 at epoch 0, 0 at t_max
    return float(eta_min) * (1.0 - weight) + float(lr0) * weight


def linear_warmup(lr0, epoch, warmup_epochs, start_factor=0.1):
    """LinearLR(start_factor, end_factor=1, total_iters=warmup_epochs)."""
    if epoch >= warmup_epochs:
        return float(lr0)
    factor = start_factor + (1.0 - start_factor) * (float(epoch) / float(warmup_epochs))
    return float(lr0) * factor
