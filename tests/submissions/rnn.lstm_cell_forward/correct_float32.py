"""Casts all inputs and weights to float32, computes in float32 and returns float32."""
import numpy as np


def lstm_cell_forward(x, h_prev, c_prev, params):
    f32 = np.float32
    p = {k: np.asarray(v, dtype=f32) for k, v in params.items()}
    z = np.concatenate([np.asarray(h_prev, dtype=f32), np.asarray(x, dtype=f32)], axis=1)
    one = f32(1.0)

    def sigmoid(a):
        return one / (one + np.exp(-np.clip(a, f32(-80), f32(80))))

    f = sigmoid(z @ p["Wf"].T + p["bf"])
    i = sigmoid(z @ p["Wi"].T + p["bi"])
    c_tilde = np.tanh(z @ p["Wc"].T + p["bc"])
    o = sigmoid(z @ p["Wo"].T + p["bo"])
    c = f * np.asarray(c_prev, dtype=f32) + i * c_tilde
    h = o * np.tanh(c)
    return h.astype(f32), c.astype(f32), (z, f, i, c_tilde, o, c)
