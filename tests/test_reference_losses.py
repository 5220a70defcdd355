"""Torch-free properties of the loss references (reference/losses.py): purity and dtypes,
every gradient against central differences of its loss in float64, and the edge cases the
conventions fix (the -100 clamp, |z| up to 1e4, p_t rounding to 1, |r| == delta)."""

import numpy as np
import pytest

from reference import losses

RNG = np.random.default_rng(0)


def _regression(shape=(3, 4), dtype=np.float64):
    return RNG.normal(size=shape).astype(dtype), RNG.normal(size=shape).astype(dtype)


def _classification(n=4, c=3, dtype=np.float64, scale=2.0):
    return (RNG.normal(scale=scale, size=(n, c)).astype(dtype), RNG.integers(0, c, size=n))


def _cases(dtype):
    """(loss, grad, args, kwargs) for every pair, inputs of ``dtype``."""
    p, t = _regression(dtype=dtype)
    probs = RNG.uniform(0.01, 0.99, size=(2, 3)).astype(dtype)
    soft = RNG.uniform(size=(2, 3)).astype(dtype)
    z, y = _classification(dtype=dtype)
    return [
        (losses.mse, losses.mse_grad, (p, t), {}),
        (losses.mae, losses.mae_grad, (p, t), {}),
        (losses.huber, losses.huber_grad, (p, t), {"delta": 0.7}),
        (losses.binary_cross_entropy, losses.binary_cross_entropy_grad, (probs, soft), {}),
        (losses.binary_cross_entropy_with_logits, losses.binary_cross_entropy_with_logits_grad,
         (3 * p, (t > 0).astype(dtype)), {}),
        (losses.cross_entropy, losses.cross_entropy_grad, (z, y), {}),
        (losses.focal_loss, losses.focal_loss_grad, (z, y), {"gamma": 1.5}),
    ]


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_pure_and_float64(dtype):
    for loss, grad, args, kwargs in _cases(dtype):
        frozen = [np.array(a) for a in args]
        for a in frozen:
            a.flags.writeable = False
        value = loss(*frozen, **kwargs)
        g = grad(*frozen, **kwargs)
        assert isinstance(value, float) and np.isfinite(value) and value >= 0
        assert g.dtype == np.float64 and g.shape == np.shape(args[0])
        for a, b in zip(frozen, args):
            np.testing.assert_array_equal(a, b)


@pytest.mark.parametrize("which", range(7))
def test_gradients_against_central_differences(which):
    loss, grad, args, kwargs = _cases(np.float64)[which]
    x = np.array(args[0], dtype=np.float64)
    if loss is losses.mae:  # |r| has kinks at 0: keep every residual away from it
        x = args[1] + np.where(x - args[1] >= 0, 1.0, -1.0) * (0.1 + np.abs(x - args[1]))
    g = grad(x, *args[1:], **kwargs)
    h = 1e-6
    num = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        e = np.zeros_like(x)
        e[idx] = h
        num[idx] = (loss(x + e, *args[1:], **kwargs) - loss(x - e, *args[1:], **kwargs)) / (2 * h)
    np.testing.assert_allclose(g, num, rtol=1e-6, atol=1e-9)


def test_means_not_sums():
    for loss, _, args, kwargs in _cases(np.float64):
        twice = [np.concatenate([a, a]) for a in args]
        np.testing.assert_allclose(loss(*twice, **kwargs), loss(*args, **kwargs), rtol=1e-12)


def test_huber_pieces_meet_at_delta():
    r = np.array([-2.0, -0.5, 0.5, 2.0])
    zero = np.zeros(4)
    assert losses.huber(r, zero, delta=0.5) == pytest.approx(np.mean([0.875, 0.125, 0.125, 0.875]))
    np.testing.assert_array_equal(losses.huber_grad(r, zero, delta=0.5), np.array([-0.5, -0.5, 0.5, 0.5]) / 4)
    p, t = _regression()
    assert losses.huber(p, t, delta=1e6) == pytest.approx(losses.mse(p, t) / 2, rel=1e-12)


def test_binary_cross_entropy_clamp_and_logits_agree():
    assert losses.binary_cross_entropy(np.array([0.0, 1.0, 0.0, 1.0]), np.array([0.0, 1.0, 1.0, 0.0])) == 50.0
    z = np.array([1e4, -1e4, 40.0, -40.0, 0.3])
    t = np.array([0.0, 1.0, 0.25, 0.5, 0.9])
    want = np.mean([1e4, 1e4, 30.0, 20.0, 0.0]) + np.log1p(np.exp(-0.3)) / 5 + (0.3 - 0.27) / 5
    assert losses.binary_cross_entropy_with_logits(z, t) == pytest.approx(want, rel=1e-12)
    moderate = RNG.normal(scale=3, size=6)
    soft = RNG.uniform(size=6)
    assert losses.binary_cross_entropy_with_logits(moderate, soft) == pytest.approx(
        losses.binary_cross_entropy(losses.sigmoid(moderate), soft), rel=1e-12)


def test_focal_edges():
    z, y = _classification(n=5, c=4)
    assert losses.focal_loss(z, y, 0.0) == pytest.approx(losses.cross_entropy(z, y), rel=1e-13)
    values = [losses.focal_loss(z, y, g) for g in (0.0, 0.5, 1.0, 2.0, 5.0)]
    assert values == sorted(values, reverse=True)
    certain = np.array([[1e4, 0.0, 0.0], [0.0, 0.0, 0.0]])
    for gamma in (0.0, 0.3, 2.0):
        g = losses.focal_loss_grad(certain, np.array([0, 1]), gamma)
        assert np.all(np.isfinite(g)) and np.all(g[0] == 0.0)
    big = np.array([[-1e4, 1e4, 0.0]])
    assert losses.focal_loss(big, np.array([0]), 2.0) == pytest.approx(2e4)
