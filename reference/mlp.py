"""Reference multilayer perceptron and training tools, float64.

The random exercises (initialisers, dropout, mini-batches) cannot be compared
value by value with a student's code, which may draw its random numbers in
another order: their references here are what the grader needs to judge them,
the distribution parameters of the initialisers, dropout's backward pass for
a known mask and the deterministic (unshuffled) mini-batches. Nothing here
writes into its inputs.
"""

import math

import numpy as np


# ---------------------------------------------------------------- the network

def n_layers(params):
    """The number L of layers of a params dict W1, b1, ..., WL, bL."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    return L


def _pre_activations(x, params):
    """[a_0, z_1, z_2, ..., z_L] in float64 (a_0 = x)."""
    a = np.asarray(x, dtype=np.float64)
    out = [a]
    L = n_layers(params)
    for l in range(1, L + 1):
        W = np.asarray(params[f"W{l}"], dtype=np.float64)
        b = np.asarray(params[f"b{l}"], dtype=np.float64)
        z = np.einsum("nd,md->nm", a, W) + b
        out.append(z)
        a = np.where(z > 0, z, 0.0)
    return out


def log_softmax(z):
    """Row-wise log-softmax via log-sum-exp (finite for any finite logits)."""
    z = np.asarray(z, dtype=np.float64)
    if z.shape[0] == 0:
        return z.copy()
    m = z.max(axis=1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=1, keepdims=True))


def mlp_forward(x, params):
    """probs (N, C) of the ReLU network with a softmax output."""
    return np.exp(log_softmax(_pre_activations(x, params)[-1]))


def mlp_loss(x, params, labels):
    """Mean cross-entropy of the network's output (float)."""
    lp = log_softmax(_pre_activations(x, params)[-1])
    labels = np.asarray(labels, dtype=np.int64)
    return float(-lp[np.arange(lp.shape[0]), labels].mean())


def mlp_backward(x, params, labels):
    """Gradients of the mean cross-entropy, a dict with the keys of params.

    ReLU's derivative at 0 is 0 (torch).
    """
    zs = _pre_activations(x, params)
    L = len(zs) - 1
    n = zs[0].shape[0]
    labels = np.asarray(labels, dtype=np.int64)
    onehot = np.zeros_like(zs[-1])
    onehot[np.arange(n), labels] = 1.0
    delta = (np.exp(log_softmax(zs[-1])) - onehot) / n
    grads = {}
    for l in range(L, 0, -1):
        a_prev = zs[0] if l == 1 else np.where(zs[l - 1] > 0, zs[l - 1], 0.0)
        grads[f"W{l}"] = np.einsum("nm,nd->md", delta, a_prev)
        grads[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            W = np.asarray(params[f"W{l}"], dtype=np.float64)
            delta = np.einsum("nm,md->nd", delta, W) * (zs[l - 1] > 0)
    return grads


# ---------------------------------------------------------------- initialisation

def he_std(fan_in, fan_out):
    """Standard deviation of He (kaiming_normal_, fan_in mode) initialisation."""
    return math.sqrt(2.0 / fan_in)


def xavier_std(fan_in, fan_out):
    """Standard deviation of Glorot (xavier_normal_) initialisation."""
    return math.sqrt(2.0 / (fan_in + fan_out))


def he_init(fan_in, fan_out, rng):
    """A He-initialised (fan_out, fan_in) matrix drawn from ``rng``."""
    return rng.normal(0.0, he_std(fan_in, fan_out), size=(fan_out, fan_in))


def xavier_init(fan_in, fan_out, rng):
    """A Glorot-normal (fan_out, fan_in) matrix drawn from ``rng``."""
    return rng.normal(0.0, xavier_std(fan_in, fan_out), size=(fan_out, fan_in))


# ---------------------------------------------------------------- dropout

def dropout_apply(x, keep, p):
    """Inverted dropout with a given boolean keep mask: x / (1 - p) where kept, else 0."""
    x = np.asarray(x, dtype=np.float64)
    return np.where(np.asarray(keep, dtype=bool), x / (1.0 - p), 0.0)


def dropout_forward(x, p, rng, train=True):
    """Inverted dropout; returns (out, keep) where keep is the boolean mask used."""
    x = np.asarray(x, dtype=np.float64)
    if not train or p == 0:
        return x.copy(), np.ones(x.shape, dtype=bool)
    keep = rng.uniform(size=x.shape) >= p
    return dropout_apply(x, keep, p), keep


def dropout_backward(dout, keep, p, train=True):
    """dx for a forward pass that used the boolean mask ``keep``."""
    dout = np.asarray(dout, dtype=np.float64)
    if not train or p == 0:
        return dout.copy()
    return dropout_apply(dout, keep, p)


# ---------------------------------------------------------------- penalties

def _entries(weights):
    """Every entry of a list of arrays, as one float64 vector."""
    if not weights:
        return np.zeros(0)
    return np.concatenate([np.asarray(w, dtype=np.float64).ravel() for w in weights])


def l1_penalty(weights, lam):
    return float(lam) * float(np.abs(_entries(weights)).sum())


def l1_grad(weights, lam):
    return [float(lam) * np.sign(np.asarray(w, dtype=np.float64)) for w in weights]


def l2_penalty(weights, lam):
    v = _entries(weights)
    return float(lam) * float(v @ v)


def l2_grad(weights, lam):
    return [2.0 * float(lam) * np.asarray(w, dtype=np.float64) for w in weights]


# ---------------------------------------------------------------- training tools

def global_norm(grads):
    """L2 norm of all entries together, without overflow for large entries."""
    v = _entries(grads)
    if v.size == 0:
        return 0.0
    big = np.abs(v).max()
    if big == 0:
        return 0.0
    return float(big * np.sqrt(np.sum((v / big) ** 2)))


def clip_grad_norm(grads, max_norm):
    """(clipped list, total norm before clipping)."""
    total = global_norm(grads)
    arrays = [np.asarray(g, dtype=np.float64) for g in grads]
    if total > max_norm:
        arrays = [g * (max_norm / total) for g in arrays]
    else:
        arrays = [g.copy() for g in arrays]
    return arrays, total


def batch_bounds(n, batch_size):
    """[(start, stop), ...] of the consecutive batches of one epoch."""
    count = -(-n // batch_size)  # ceiling division
    return [(k * batch_size, min(n, (k + 1) * batch_size)) for k in range(count)]


def minibatches(x, y, batch_size, order=None):
    """The batches of one epoch for a given order of the samples (None: unshuffled)."""
    x, y = np.asarray(x), np.asarray(y)
    idx = np.arange(x.shape[0]) if order is None else np.asarray(order)
    return [(x[idx[s:e]], y[idx[s:e]]) for s, e in batch_bounds(x.shape[0], batch_size)]


# ---------------------------------------------------------------- early stopping

def early_stopping(losses, patience, min_delta=0.0):
    """What EarlyStopping(patience, min_delta).step returns for each loss, as a list of bools."""
    out = []
    best = None
    waited = 0
    for loss in losses:
        improved = best is None or best - loss > min_delta  # inf - x is inf: fine
        if improved:
            best, waited = loss, 0
        else:
            waited += 1
        out.append(bool(out and out[-1]) or waited >= patience)
    return out
