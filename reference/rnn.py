"""Reference LSTM cell; gate weights (H, H + D) act on [h_prev, x]."""

import numpy as np

_GATES = ("f", "i", "c", "o")


def _sigmoid(z):
    # 1 / (1 + exp(-z)) written so that no exp overflows for any finite z.
    return np.exp(-np.logaddexp(0.0, -z))


def _params(params):
    W = {g: np.asarray(params["W" + g], dtype=np.float64) for g in _GATES}
    b = {g: np.asarray(params["b" + g], dtype=np.float64) for g in _GATES}
    return W, b


def _gates(x, h_prev, c_prev, params):
    x = np.asarray(x, dtype=np.float64)
    h_prev = np.asarray(h_prev, dtype=np.float64)
    c_prev = np.asarray(c_prev, dtype=np.float64)
    W, b = _params(params)
    z = np.concatenate([h_prev, x], axis=1)
    f = _sigmoid(z @ W["f"].T + b["f"])
    i = _sigmoid(z @ W["i"].T + b["i"])
    ct = np.tanh(z @ W["c"].T + b["c"])
    o = _sigmoid(z @ W["o"].T + b["o"])
    c = f * c_prev + i * ct
    return z, c_prev, W, f, i, ct, o, c


def lstm_cell_forward(x, h_prev, c_prev, params):
    """One LSTM step.

    x (N, D), h_prev (N, H), c_prev (N, H); params: Wf, Wi, Wc, Wo (H, H + D)
    and bf, bi, bc, bo (H,). Returns h (N, H), c (N, H):
    c = f*c_prev + i*tanh(Wc z + bc), h = o*tanh(c), z = [h_prev, x].
    """
    _, _, _, _, _, _, o, c = _gates(x, h_prev, c_prev, params)
    return o * np.tanh(c), c


def lstm_cell_backward(dh, dc, x, h_prev, c_prev, params):
    """Gradients of sum(h*dh) + sum(c*dc) for one LSTM step.

    dh, dc (N, H) (None counts as zeros). Returns a dict with dx (N, D),
    dh_prev (N, H), dc_prev (N, H), dWf..dWo (H, H + D), dbf..dbo (H,).
    """
    z, c_prev, W, f, i, ct, o, c = _gates(x, h_prev, c_prev, params)
    H = c.shape[1]
    dh = np.zeros_like(c) if dh is None else np.asarray(dh, dtype=np.float64)
    dc = np.zeros_like(c) if dc is None else np.asarray(dc, dtype=np.float64)

    tc = np.tanh(c)
    dc_total = dc + dh * o * (1.0 - tc * tc)
    da = {
        "f": dc_total * c_prev * f * (1.0 - f),
        "i": dc_total * ct * i * (1.0 - i),
        "c": dc_total * i * (1.0 - ct * ct),
        "o": dh * tc * o * (1.0 - o),
    }
    dz = sum(da[g] @ W[g] for g in _GATES)
    grads = {"dx": dz[:, H:], "dh_prev": dz[:, :H], "dc_prev": dc_total * f}
    for g in _GATES:
        grads["dW" + g] = da[g].T @ z
        grads["db" + g] = da[g].sum(axis=0)
    return grads
