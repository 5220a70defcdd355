"""Reference dense (fully connected) layer, torch.nn.Linear layout."""

import numpy as np


def dense_forward(x, W, b):
    """out = x @ W.T + b.

    x (N, D), W (M, D), b (M,) -> out (N, M), float64. N may be 0.
    """
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    return x @ W.T + b


def dense_backward(dout, x, W, b):
    """Gradients of sum(out * dout) for out = x @ W.T + b.

    dout (N, M), x (N, D), W (M, D), b (M,) ->
    dx (N, D), dW (M, D), db (M,); summed over the batch, not averaged.
    """
    dout = np.asarray(dout, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    dx = dout @ W
    dW = dout.T @ x
    db = dout.sum(axis=0)
    return dx, dW, db


def numerical_gradient(f, x, h=1e-5):
    """Central differences (f(x + h e_i) - f(x - h e_i)) / (2h) for every flat index i.

    f is called with float64 arrays of x's shape, exactly 2 * x.size times; x itself is never
    touched (each evaluation gets a fresh perturbed copy). Returns float64 of x's shape.
    """
    base = np.asarray(x, dtype=np.float64)
    flat = base.reshape(-1)
    grad = np.empty(flat.size, dtype=np.float64)
    for i in range(flat.size):
        up = flat.copy()
        down = flat.copy()
        up[i] = flat[i] + h
        down[i] = flat[i] - h
        grad[i] = (f(up.reshape(base.shape)) - f(down.reshape(base.shape))) / (2 * h)
    return grad.reshape(base.shape)


def _l2(v):
    """Euclidean norm of all entries, scaled by the largest magnitude (no overflow or underflow)."""
    v = np.abs(np.asarray(v, dtype=np.float64)).ravel()
    top = v.max(initial=0.0)
    if top == 0.0:
        return 0.0
    return float(top * np.sqrt(np.sum((v / top) ** 2)))


def gradient_check(analytic, numeric):
    """||analytic - numeric||_2 / (||analytic||_2 + ||numeric||_2); 0.0 when both are zero."""
    a = np.asarray(analytic, dtype=np.float64)
    n = np.asarray(numeric, dtype=np.float64)
    total = _l2(a) + _l2(n)
    return 0.0 if total == 0.0 else _l2(a - n) / total
