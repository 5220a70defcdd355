"""Check the gradient-checking references without torch: reference numerical_gradient against
exact gradients (the grader's probe SmoothFunction, quadratic forms) and reference
gradient_check against its closed form written out with plain loops."""

import math

import numpy as np
import pytest

from autograder.isolation.probes import SmoothFunction
from reference import layers

SHAPES = [(1,), (5,), (2, 3), (2, 1, 3), (1, 1)]


def _smooth(rng, shape):
    size = int(np.prod(shape))
    return SmoothFunction(rng.normal(size=shape), rng.normal(size=shape),
                          rng.uniform(0.5, 3.0, size=shape), rng.normal(size=shape),
                          rng.normal(size=(size, size)) / size)


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("shape", SHAPES)
def test_numerical_gradient_of_the_probe_function(seed, shape):
    """Within the O(h^2) truncation bound |b| |w|^3 h^2 / 6 (only the sine term is not
    quadratic) plus rounding; exactly 2 * x.size calls; x untouched; float64 of x's shape."""
    rng = np.random.default_rng(seed)
    f = _smooth(rng, shape)
    x = rng.normal(size=shape)
    before = x.copy()
    for h in (1e-5, 1e-3):
        calls = f.calls()
        g = layers.numerical_gradient(f, x, h)
        assert f.calls() - calls == 2 * x.size
        assert g.shape == x.shape and g.dtype == np.float64
        bound = np.abs(f.b) * np.abs(f.w) ** 3 * h * h / 6 + 1e-8
        assert np.all(np.abs(g - f.gradient(x)) <= bound)
    np.testing.assert_array_equal(x, before)


@pytest.mark.parametrize("h", [1e-5, 0.1, 0.5])
def test_numerical_gradient_exact_central_difference_of_the_sine(h):
    """Central differences of b sin(w x) are b w cos(w x) sin(w h) / (w h): a large h changes
    the result in exactly this way (the linear and quadratic terms are differentiated exactly)."""
    rng = np.random.default_rng(4)
    f = _smooth(rng, (2, 3))
    x = rng.normal(size=(2, 3))
    want = f.gradient(x) + f.b * np.cos(f.w * x) * (np.sin(f.w * h) / h - f.w)
    np.testing.assert_allclose(layers.numerical_gradient(f, x, h), want, rtol=1e-7, atol=1e-7)


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
def test_numerical_gradient_of_quadratic_forms_is_exact(seed):
    """For f(x) = x.A.x + c.x the central difference is exact: (A + A.T) x + c up to rounding."""
    rng = np.random.default_rng(seed)
    shape = (3, 2)
    A = rng.normal(size=(6, 6))
    c = rng.normal(size=6)

    def f(v):
        assert v.shape == shape and v.dtype == np.float64
        flat = v.ravel()
        return float(flat @ A @ flat + c @ flat)

    x = rng.normal(size=shape).astype(np.float32)  # float32 input: f still gets float64
    g = layers.numerical_gradient(f, x, 1e-4)
    flat = x.astype(np.float64).ravel()
    np.testing.assert_allclose(g, ((A + A.T) @ flat + c).reshape(shape), rtol=1e-8, atol=1e-8)


def _loop_relative_error(a, n):
    diff = sum((float(p) - float(q)) ** 2 for p, q in zip(np.ravel(a), np.ravel(n)))
    na = sum(float(p) ** 2 for p in np.ravel(a))
    nn = sum(float(q) ** 2 for q in np.ravel(n))
    den = math.sqrt(na) + math.sqrt(nn)
    return 0.0 if den == 0 else math.sqrt(diff) / den


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
@pytest.mark.parametrize("shape", SHAPES + [(4, 4)])
def test_gradient_check_closed_form(seed, shape):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=shape)
    for n in (a + rng.normal(size=shape) * 1e-6, rng.normal(size=shape), -a, np.zeros(shape), a):
        got = layers.gradient_check(a, n)
        assert isinstance(got, float)
        assert got == pytest.approx(_loop_relative_error(a, n), rel=1e-12, abs=1e-300)
        assert 0.0 <= got <= 1.0 + 1e-15


def test_gradient_check_special_values():
    z = np.zeros((2, 3))
    x = np.arange(6.0).reshape(2, 3) - 2.5
    assert layers.gradient_check(z, z) == 0.0          # 0 / 0 is defined as 0
    assert layers.gradient_check(x, z) == pytest.approx(1.0)
    assert layers.gradient_check(z, x) == pytest.approx(1.0)
    assert layers.gradient_check(x, -x) == pytest.approx(1.0)
    assert layers.gradient_check(x, x) == 0.0
    assert layers.gradient_check(np.array([3.0]), np.array([1.0])) == pytest.approx(0.5)
    # no overflow or underflow in the norms
    assert layers.gradient_check(x * 1e200, 2 * x * 1e200) == pytest.approx(1 / 3)
    assert layers.gradient_check(x * 1e-200, 2 * x * 1e-200) == pytest.approx(1 / 3)
