"""Check the activation references against PyTorch (float64, autograd for the backward passes)."""

import numpy as np
import pytest

from torch_support import F, t64, torch  # skips this module without torch

from reference import activations  # noqa: E402

SEEDS = [0, 1, 2]
SHAPES = [(7,), (3, 5), (2, 3, 4), (1, 1), (0,), (2, 0, 3)]
#: Values across the domain: the float32 and float64 overflow thresholds of exp, the tails where
#: 1 + exp(x) rounds to 1, exact zeros, and |x| up to 1e4.
EXTREMES = np.array([-1e4, -1e3, -745.0, -709.0, -100.0, -88.5, -40.0, -20.0, -5.0, -1.0, -1e-8, 0.0,
                     1e-8, 1.0, 5.0, 20.0, 40.0, 88.5, 100.0, 709.0, 745.0, 1e3, 1e4])

# name -> (torch function, keyword arguments for the reference and torch)
PAIRS = {
    "sigmoid": (torch.sigmoid, {}),
    "tanh": (torch.tanh, {}),
    "relu": (torch.relu, {}),
    "leaky_relu": (F.leaky_relu, {}),
    "leaky_relu_0.2": (F.leaky_relu, {"alpha": 0.2}),
    "leaky_relu_0": (F.leaky_relu, {"alpha": 0.0}),
    "gelu": (F.gelu, {}),  # exact (erf) GELU, torch's default approximate="none"
    "softplus": (F.softplus, {}),
}


def _inputs(seed, shape):
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=3.0, size=shape)
    if x.size:
        flat = x.reshape(-1)
        flat[rng.random(flat.size) < 0.3] = 0.0
        k = min(flat.size, EXTREMES.size)
        flat[:k] = rng.choice(EXTREMES, size=k, replace=False)
    return x, rng.normal(size=shape)


def _torch(name, tx):
    fn, kw = PAIRS[name]
    if "alpha" in kw:
        return fn(tx, negative_slope=kw["alpha"])
    if fn is F.leaky_relu:
        return fn(tx)  # torch's default slope 0.01 is the reference's default alpha
    return fn(tx)


def _close(actual, expected):
    """Equal to 1e-12 relative, or 1e-15 absolute where torch itself loses the tails (it computes
    tanh' as 1 - tanh**2 and sigmoid' as s (1 - s), which round to 0 where the true value is 1e-20)."""
    actual, expected = np.asarray(actual), np.asarray(expected)
    assert actual.dtype == np.float64 and actual.shape == expected.shape
    np.testing.assert_allclose(actual, expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("name", sorted(PAIRS))
def test_pair_against_torch_autograd(name, shape, seed):
    x, dout = _inputs(seed, shape)
    base = name.split("_0")[0]
    kw = PAIRS[name][1]
    tx = t64(x, grad=True)
    out = _torch(name, tx)
    (out * t64(dout)).sum().backward()
    _close(getattr(activations, f"{base}_forward")(x, **kw), out.detach().numpy())
    _close(getattr(activations, f"{base}_backward")(dout, x, **kw), tx.grad.numpy())


def _mp_pairs(mp):
    """Forward and derivative of each smooth activation at 40 significant digits."""
    phi = lambda v: mp.exp(-v * v / 2) / mp.sqrt(2 * mp.pi)  # noqa: E731
    cdf = lambda v: mp.erfc(-v / mp.sqrt(2)) / 2  # noqa: E731
    sig = lambda v: 1 / (1 + mp.exp(-v))  # noqa: E731
    return {
        "sigmoid": (sig, lambda v: sig(v) * sig(-v)),
        "tanh": (mp.tanh, lambda v: mp.sech(v) ** 2),
        "gelu": (lambda v: v * cdf(v), lambda v: cdf(v) + v * phi(v)),
        "softplus": (lambda v: mp.log1p(mp.exp(v)), sig),
    }


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "gelu", "softplus"])
def test_tails_relative_accuracy(name):
    """In the tails the reference keeps full RELATIVE accuracy (softplus(-40) is 4.2e-18, not 0;
    sigmoid'(40) is 4.2e-18, not 0), checked against 40-digit arithmetic (mpmath, a dependency of
    torch): the suites compare softplus relatively, so the reference must be right there."""
    mpmath = pytest.importorskip("mpmath")
    mp = mpmath.mp
    mp.dps = 40
    fwd, der = _mp_pairs(mp)[name]
    x = np.concatenate([-np.logspace(-12, 4, 120), [0.0], np.logspace(-12, 4, 120)])
    want_f = np.array([float(fwd(mp.mpf(float(v)))) for v in x])
    want_d = np.array([float(der(mp.mpf(float(v)))) for v in x])
    np.testing.assert_allclose(getattr(activations, f"{name}_forward")(x), want_f, rtol=1e-13, atol=1e-300)
    np.testing.assert_allclose(getattr(activations, f"{name}_backward")(np.ones_like(x), x), want_d,
                               rtol=1e-12, atol=1e-300)


def test_kinks_match_torch():
    """The slope at exactly 0: relu'(0) = 0, leaky_relu'(0) = alpha (torch's subgradient)."""
    x = np.zeros(3)
    for alpha in (0.01, 0.3):
        tx = t64(x, grad=True)
        F.leaky_relu(tx, negative_slope=alpha).sum().backward()
        np.testing.assert_array_equal(activations.leaky_relu_backward(np.ones(3), x, alpha), tx.grad.numpy())
    tx = t64(x, grad=True)
    torch.relu(tx).sum().backward()
    np.testing.assert_array_equal(activations.relu_backward(np.ones(3), x), tx.grad.numpy())


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape,axis", [((5,), -1), ((3, 7), -1), ((3, 7), 0), ((2, 3, 4), 1),
                                        ((2, 3, 4), -3), ((4, 1), 1), ((1, 1), 0), ((0, 3), -1)])
def test_log_softmax_against_torch(seed, shape, axis):
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=5.0, size=shape)
    if x.size:
        x.reshape(-1)[rng.random(x.size) < 0.3] = rng.choice([-1e4, 1e4, 800.0, -800.0])
    expected = F.log_softmax(t64(x), dim=axis).numpy()
    got = activations.log_softmax(x, axis=axis)
    assert got.dtype == np.float64 and got.shape == x.shape
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(activations.softmax(x, axis=axis), torch.softmax(t64(x), dim=axis).numpy(),
                               rtol=1e-10, atol=1e-300)
