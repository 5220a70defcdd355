"""Forgets to divide by N."""
import numpy as np

EXPECTED_MISTAKE = "grad_not_divided_by_n"


def focal_loss(logits, labels, gamma=2.0):
    z = np.asarray(logits, dtype=np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    logp = (s - np.log(np.exp(s).sum(axis=1, keepdims=True)))[np.arange(n), labels]
    return float(np.mean(-(-np.expm1(logp)) ** gamma * logp))


def _parts(logits, labels):
    z = logits.astype(np.float64)
    n = z.shape[0]
    s = z - z.max(axis=1, keepdims=True)
    logs = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    soft = np.exp(logs)
    lp = logs[np.arange(n), labels]
    onehot = np.zeros_like(soft)
    onehot[np.arange(n), labels] = 1.0
    return n, soft, onehot, np.exp(lp), -np.expm1(lp), lp


def _factor(p, q, lp, gamma):
    ratio = np.where(q > 0, lp / np.where(q > 0, q, 1.0), -1.0)   # log p / (1 - p)
    return q ** gamma - gamma * p * q ** gamma * ratio


def focal_loss_grad(logits, labels, gamma=2.0):
    n, soft, onehot, p, q, lp = _parts(logits, labels)
    return (soft - onehot) * _factor(p, q, lp, gamma)[:, None]
