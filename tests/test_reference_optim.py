"""Torch-free properties of reference/optim.py: inputs untouched, float64 results, empty
arrays, float32 inputs, and closed-form values of the schedules at their landmarks."""

import math

import numpy as np
import pytest

from reference import optim

SHAPES = [(3,), (2, 3), (0,), (2, 0, 3)]


def _frozen(a):
    a = np.array(a)
    a.flags.writeable = False
    return a


def _steps(rng, shape, dtype):
    r = lambda: rng.normal(size=shape).astype(dtype)  # noqa: E731
    sq = lambda: (rng.normal(size=shape) ** 2).astype(dtype)  # noqa: E731
    return [
        (optim.sgd_step, (r(), r()), dict(lr=0.1)),
        (optim.momentum_step, (r(), r(), r()), dict(lr=0.1, beta=0.8)),
        (optim.rmsprop_step, (r(), r(), sq()), dict(lr=0.1, alpha=0.9, eps=1e-6)),
        (optim.adam_step, (r(), r(), r(), sq(), 3), dict(lr=0.1)),
        (optim.adamw_step, (r(), r(), r(), sq(), 3), dict(lr=0.1, weight_decay=0.3)),
    ]


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_steps_leave_inputs_alone_and_return_float64(shape, dtype):
    for fn, args, kw in _steps(np.random.default_rng(0), shape, dtype):
        before = [np.array(a) if isinstance(a, np.ndarray) else a for a in args]
        frozen = [_frozen(a) if isinstance(a, np.ndarray) else a for a in args]
        out = fn(*frozen, **kw)
        out = out if isinstance(out, tuple) else (out,)
        for o in out:
            assert isinstance(o, np.ndarray) and o.dtype == np.float64 and o.shape == shape
            assert np.all(np.isfinite(o))
        writable = [np.array(a) if isinstance(a, np.ndarray) else a for a in args]
        fn(*writable, **kw)
        for b, w in zip(before, writable):
            np.testing.assert_array_equal(w, b)


def test_zero_gradient_behaviour():
    p, v = np.array([1.0, -2.0]), np.array([0.5, 0.25])
    zero = np.zeros(2)
    np.testing.assert_array_equal(optim.sgd_step(p, zero, 0.3), p)
    new_p, new_v = optim.momentum_step(p, zero, v, lr=0.1, beta=0.9)
    np.testing.assert_allclose(new_v, 0.9 * v, rtol=1e-15)
    np.testing.assert_allclose(new_p, p - 0.1 * 0.9 * v, rtol=1e-15)
    new_p, new_s = optim.rmsprop_step(p, zero, v, alpha=0.9)
    np.testing.assert_array_equal(new_p, p)
    np.testing.assert_allclose(new_s, 0.9 * v, rtol=1e-15)
    new_p, m, vv = optim.adamw_step(p, zero, zero, zero, 4, lr=0.1, weight_decay=0.5)
    np.testing.assert_allclose(new_p, p * 0.95, rtol=1e-15)
    assert not m.any() and not vv.any()


def test_rmsprop_first_step_closed_form():
    g = np.array([1e-6, -3.0, 0.0, 2e3])
    new_p, s = optim.rmsprop_step(np.zeros(4), g, np.zeros(4), lr=0.01, alpha=0.99, eps=1e-8)
    np.testing.assert_allclose(s, 0.01 * g * g, rtol=1e-14)
    np.testing.assert_allclose(new_p, -0.01 * g / (0.1 * np.abs(g) + 1e-8), rtol=1e-12)


@pytest.mark.parametrize("t_max", [1, 2, 7, 10])
def test_cosine_landmarks(t_max):
    assert optim.cosine_annealing(0.3, 0, t_max, 0.01) == 0.3
    assert optim.cosine_annealing(0.3, t_max, t_max, 0.01) == pytest.approx(0.01, abs=1e-16)
    assert optim.cosine_annealing(0.3, 2 * t_max, t_max, 0.01) == pytest.approx(0.3, rel=1e-14)
    for e in range(t_max + 1):  # symmetric about the midpoint, non-increasing
        a = optim.cosine_annealing(0.3, e, t_max, 0.01)
        b = optim.cosine_annealing(0.3, t_max - e, t_max, 0.01)
        assert a + b == pytest.approx(0.31, rel=1e-14)
        if e < t_max:
            assert optim.cosine_annealing(0.3, e + 1, t_max, 0.01) <= a


def test_step_and_exponential_landmarks():
    assert [optim.step_decay(2.0, e, 3, 0.5) for e in range(7)] == [2.0, 2.0, 2.0, 1.0, 1.0, 1.0, 0.5]
    assert optim.step_decay(1.0, 10, 10) == pytest.approx(0.1, rel=1e-15)
    assert [optim.exponential_decay(1.0, e, 0.5) for e in range(4)] == [1.0, 0.5, 0.25, 0.125]
    assert optim.exponential_decay(0.1, 200, 0.1) == pytest.approx(1e-201, rel=1e-12)


def test_warmup_landmarks():
    rates = [optim.linear_warmup(1.0, e, 4, 0.2) for e in range(7)]
    np.testing.assert_allclose(rates, [0.2, 0.4, 0.6, 0.8, 1.0, 1.0, 1.0], rtol=1e-15)
    assert optim.linear_warmup(0.5, 0, 3) == pytest.approx(0.05, rel=1e-15)
    assert all(math.isclose(optim.linear_warmup(0.5, e, 3, 1.0), 0.5) for e in range(5))
