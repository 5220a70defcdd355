"""Reference activations: softmax, log-softmax and the elementwise pairs.

Every function casts its inputs to float64, never writes into them and keeps
no cache: each ``*_backward(dout, x, ...)`` takes the forward input again and
returns dL/dx for L = sum(f(x) * dout). The formulas are chosen to be accurate
relative to the result over the whole float64 range (no overflow for |x| up to
1e4, no cancellation in the tails), written independently of the solutions.
"""

import math

import numpy as np

_SQRT2 = math.sqrt(2.0)
_INV_SQRT_2PI = 1.0 / math.sqrt(2.0 * math.pi)
_erfc = np.vectorize(math.erfc, otypes=[np.float64])


def _f64(a):
    return np.array(a, dtype=np.float64)  # a copy: nothing below can write into the caller's array


def softmax(x, axis=-1):
    """Softmax of x along `axis` (negative axes allowed).

    Any shape, including empty; returns a float64 array of x's shape. Each
    slice is shifted by its own max, so logits of 1e4 do not overflow.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.empty(x.shape, dtype=np.float64)
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    """log(softmax(x)) along `axis`, computed as x - logsumexp(x).

    Any shape, including empty; returns a float64 array of x's shape.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.size == 0:
        return np.empty(x.shape, dtype=np.float64)
    shifted = x - np.max(x, axis=axis, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=axis, keepdims=True))


# ---------------------------------------------------------------- elementwise pairs

def sigmoid_forward(x):
    """1 / (1 + exp(-x)) as exp(-log(1 + exp(-x))), accurate relative to the result."""
    return np.exp(-np.logaddexp(0.0, -_f64(x)))


def sigmoid_backward(dout, x):
    """dout * s(1 - s), written s(x) s(-x) so that neither tail cancels."""
    x = _f64(x)
    return _f64(dout) * sigmoid_forward(x) * sigmoid_forward(-x)


def tanh_forward(x):
    return np.tanh(_f64(x))


def tanh_backward(dout, x):
    """dout * (1 - tanh(x)**2) = dout * sech(x)**2, sech(x) = 2 e^-|x| / (1 + e^-2|x|)."""
    a = np.abs(_f64(x))
    sech = 2.0 * np.exp(-a) / (1.0 + np.exp(-2.0 * a))
    return _f64(dout) * sech * sech


def relu_forward(x):
    x = _f64(x)
    return np.where(x > 0.0, x, 0.0)


def relu_backward(dout, x):
    """dout where x > 0, 0 elsewhere (0 at the kink, as torch)."""
    return _f64(dout) * (_f64(x) > 0.0)


def leaky_relu_forward(x, alpha=0.01):
    x = _f64(x)
    return np.where(x > 0.0, x, float(alpha) * x)


def leaky_relu_backward(dout, x, alpha=0.01):
    """dout where x > 0, alpha * dout where x <= 0 (torch's slope at the kink)."""
    slope = np.where(_f64(x) > 0.0, 1.0, float(alpha))
    return _f64(dout) * slope


def _normal_cdf(x):
    """Phi(x) = erfc(-x / sqrt 2) / 2: no cancellation in the left tail."""
    return 0.5 * _erfc(-x / _SQRT2)


def gelu_forward(x):
    """Exact GELU x * Phi(x)."""
    x = _f64(x)
    return x * _normal_cdf(x)


def gelu_backward(dout, x):
    """dout * (Phi(x) + x phi(x))."""
    x = _f64(x)
    return _f64(dout) * (_normal_cdf(x) + x * np.exp(-0.5 * x * x) * _INV_SQRT_2PI)


def softplus_forward(x):
    """log(1 + exp(x)) as np.logaddexp(0, x)."""
    return np.logaddexp(0.0, _f64(x))


def softplus_backward(dout, x):
    """dout * sigmoid(x)."""
    return _f64(dout) * sigmoid_forward(x)
