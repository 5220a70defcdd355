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
