"""Reference cross-entropy from logits and integer labels."""

import numpy as np


def _prepare(logits, labels):
    logits = np.asarray(logits, dtype=np.float64)
    labels = np.asarray(labels).astype(np.intp, copy=False).reshape(-1)
    shifted = logits - logits.max(axis=1, keepdims=True)
    return logits, labels, shifted


def cross_entropy(logits, labels):
    """Mean over the batch of -log softmax(logits)[i, labels[i]].

    logits (N, C) with N, C >= 1; labels (N,) integers in [0, C).
    Returns a Python float; finite for any finite logits (log-sum-exp).
    """
    logits, labels, shifted = _prepare(logits, labels)
    lse = np.log(np.sum(np.exp(shifted), axis=1))
    picked = shifted[np.arange(labels.shape[0]), labels]
    return float(np.mean(lse - picked))


def cross_entropy_grad(logits, labels):
    """Gradient of cross_entropy (the batch mean) w.r.t. logits.

    logits (N, C), labels (N,) -> dlogits (N, C) = (softmax - onehot) / N.
    """
    logits, labels, shifted = _prepare(logits, labels)
    e = np.exp(shifted)
    grad = e / e.sum(axis=1, keepdims=True)
    n = labels.shape[0]
    grad[np.arange(n), labels] -= 1.0
    grad /= n
    return grad


# ------------------------------------------------------------------ regression

def _residual(pred, target):
    return np.subtract(np.asarray(pred, dtype=np.float64), np.asarray(target, dtype=np.float64))


def mse(pred, target):
    """mean((pred - target)**2) over all entries (size >= 1), as a Python float."""
    r = _residual(pred, target).ravel()
    return float(np.dot(r, r) / r.size)


def mse_grad(pred, target):
    """2 (pred - target) / size, pred's shape."""
    r = _residual(pred, target)
    return r * (2.0 / r.size)


def mae(pred, target):
    """mean(|pred - target|) over all entries."""
    return float(np.abs(_residual(pred, target)).mean())


def mae_grad(pred, target):
    """sign(pred - target) / size, exactly 0 where pred == target."""
    r = _residual(pred, target)
    out = np.zeros(r.shape)
    out[r > 0] = 1.0
    out[r < 0] = -1.0
    return out / r.size


def huber_elementwise(pred, target, delta=1.0):
    """Per-entry Huber cost (torch huber_loss with reduction='none')."""
    r = _residual(pred, target)
    a = np.abs(r)
    return np.where(a <= delta, 0.5 * r * r, delta * a - 0.5 * delta * delta)


def huber(pred, target, delta=1.0):
    """Mean over all entries of 0.5 r^2 (|r| <= delta) or delta (|r| - delta / 2)."""
    return float(huber_elementwise(pred, target, delta).mean())


def huber_grad(pred, target, delta=1.0):
    """r (|r| <= delta) or delta sign(r), divided by size."""
    r = _residual(pred, target)
    g = np.where(np.abs(r) <= delta, r, delta * np.sign(r))
    return g / r.size


# ------------------------------------------------------------- binary cross-entropy

def _clamped_log(x):
    """log(x) for x in [0, 1], clamped below at -100 (torch's binary_cross_entropy)."""
    x = np.asarray(x, dtype=np.float64)
    out = np.full(x.shape, -100.0)
    pos = x > 0
    out[pos] = np.maximum(np.log(x[pos]), -100.0)
    return out


def binary_cross_entropy(probs, targets):
    """Mean of -(t log p + (1 - t) log(1 - p)), each log clamped below at -100."""
    p = np.asarray(probs, dtype=np.float64)
    t = np.asarray(targets, dtype=np.float64)
    # 1 - p is exact in float64 for p in [0.5, 1]; below 0.5, log1p keeps the precision.
    log_q = np.where(p < 0.5, np.log1p(-np.minimum(p, 0.5)), _clamped_log(1.0 - p))
    log_q = np.maximum(log_q, -100.0)
    terms = t * _clamped_log(p) + (1.0 - t) * log_q
    return float(-terms.mean())


def binary_cross_entropy_grad(probs, targets):
    """-t / p + (1 - t) / (1 - p), divided by size; probs strictly inside (0, 1)."""
    p = np.asarray(probs, dtype=np.float64)
    t = np.asarray(targets, dtype=np.float64)
    return (-t / p + (1.0 - t) / (1.0 - p)) / p.size


def _softplus(x):
    """log(1 + exp(x)) without overflow."""
    return np.logaddexp(0.0, x)


def binary_cross_entropy_with_logits(logits, targets):
    """Mean of t softplus(-z) + (1 - t) softplus(z) (= -t log sigmoid(z) - (1-t) log sigmoid(-z))."""
    z = np.asarray(logits, dtype=np.float64)
    t = np.asarray(targets, dtype=np.float64)
    return float((t * _softplus(-z) + (1.0 - t) * _softplus(z)).mean())


def sigmoid(z):
    """1 / (1 + exp(-z)) via tanh (no overflow for any finite z)."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(z, dtype=np.float64)))


def binary_cross_entropy_with_logits_grad(logits, targets):
    """(sigmoid(z) - t) / size."""
    z = np.asarray(logits, dtype=np.float64)
    return (sigmoid(z) - np.asarray(targets, dtype=np.float64)) / z.size


# ------------------------------------------------------------------ focal loss

def _log_softmax_picked(logits, labels):
    logits, labels, shifted = _prepare(logits, labels)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return log_probs, labels


def focal_loss(logits, labels, gamma=2.0):
    """Mean over the batch of -(1 - p_t)^gamma log p_t, p_t = softmax(logits)[i, labels[i]]."""
    log_probs, labels = _log_softmax_picked(logits, labels)
    log_pt = log_probs[np.arange(labels.shape[0]), labels]
    one_minus = -np.expm1(log_pt)
    weight = np.power(one_minus, gamma) if gamma != 0 else np.ones_like(one_minus)
    return float(np.mean(-weight * log_pt))


def focal_loss_grad(logits, labels, gamma=2.0):
    """Gradient of focal_loss w.r.t. logits, (N, C).

    dL_i/dz_k = dL_i/dp * dp/dz_k with p = p_t, dp/dz_k = p (delta_ky - s_k) and
    dL_i/dp = gamma (1-p)^(gamma-1) log p - (1-p)^gamma / p. The product is
    (delta_ky - s_k) * (gamma p (1-p)^(gamma-1) log p - (1-p)^gamma); near p = 1,
    (1-p)^(gamma-1) log p = -(1-p)^gamma * (-log p / (1-p)) with -log p / (1-p) -> 1.
    """
    log_probs, labels = _log_softmax_picked(logits, labels)
    n = labels.shape[0]
    rows = np.arange(n)
    s = np.exp(log_probs)
    log_p = log_probs[rows, labels]
    p = np.exp(log_p)
    q = -np.expm1(log_p)
    # -log(p) / (1 - p) in a form that is exact for tiny 1 - p: for q < 1e-4 use its series
    # 1 + q/2 + q^2/3 + q^3/4.
    small = q < 1e-4
    q_safe = np.where(small, 1.0, q)
    neg_log_over_q = np.where(small, 1.0 + q / 2 + q * q / 3 + q ** 3 / 4, -log_p / q_safe)
    qg = np.power(q, gamma) if gamma != 0 else np.ones_like(q)
    dl_dp_times_p = -gamma * p * qg * neg_log_over_q - qg   # p * dL/dp
    onehot = np.zeros_like(s)
    onehot[rows, labels] = 1.0
    return (onehot - s) * dl_dp_times_p[:, None] / n
