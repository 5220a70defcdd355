"""Check the float64 loss references (reference/losses.py) against PyTorch.

Values against torch.nn.functional (mse_loss, l1_loss, huber_loss,
binary_cross_entropy, binary_cross_entropy_with_logits, cross_entropy; the
focal loss written with torch ops from its definition) and every gradient
against torch autograd of the same loss.
"""

import numpy as np
import pytest

from torch_support import ATOL, RTOL, F, t64, torch, close  # skips this module without torch

from reference import losses  # noqa: E402

SEEDS = [0, 1, 2]
SHAPES = [(1,), (7,), (3, 4), (2, 3, 2), (1, 1, 1)]


def check_loss_and_grad(value, grad, torch_loss, *inputs):
    """``value``/``grad`` from the reference; ``torch_loss(*tensors)`` the torch scalar.

    The gradient is with respect to the first input only.
    """
    first = t64(inputs[0], True)
    rest = [t64(a) for a in inputs[1:]]
    loss = torch_loss(first, *rest)
    loss.backward()
    assert isinstance(value, float)
    np.testing.assert_allclose(value, loss.item(), rtol=RTOL, atol=ATOL)
    if grad is not None:
        close(grad, first.grad)


def _regression(seed, shape, scale):
    rng = np.random.default_rng(seed)
    pred = rng.normal(scale=scale, size=shape)
    target = rng.normal(scale=scale, size=shape)
    if pred.size > 2:  # some exact ties: mae/huber gradients are 0 there (torch's sign(0) = 0)
        target.flat[::3] = pred.flat[::3]
    return pred, target


# ---------------------------------------------------------------------- regression

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale", [1.0, 1e3])
def test_mse_against_torch(seed, shape, scale):
    pred, target = _regression(seed, shape, scale)
    check_loss_and_grad(losses.mse(pred, target), losses.mse_grad(pred, target), F.mse_loss,
                        pred, target)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
def test_mae_against_torch(seed, shape):
    pred, target = _regression(seed, shape, 2.0)
    check_loss_and_grad(losses.mae(pred, target), losses.mae_grad(pred, target), F.l1_loss,
                        pred, target)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("delta", [1.0, 0.3, 2.5, 1e6])
def test_huber_against_torch(seed, shape, delta):
    pred, target = _regression(seed, shape, 2.0)
    check_loss_and_grad(losses.huber(pred, target, delta), losses.huber_grad(pred, target, delta),
                        lambda p, t: F.huber_loss(p, t, delta=delta), pred, target)


def test_huber_at_the_boundary():
    """Residuals of exactly +-delta: both branches agree in value and in slope."""
    pred = np.array([1.5, -0.5, 0.0, 3.0])
    target = np.array([0.0, 1.0, 0.0, 1.5])
    check_loss_and_grad(losses.huber(pred, target, 1.5), losses.huber_grad(pred, target, 1.5),
                        lambda p, t: F.huber_loss(p, t, delta=1.5), pred, target)


# ------------------------------------------------------------ binary cross-entropy

def _probs_targets(seed, shape, soft):
    rng = np.random.default_rng(seed)
    p = rng.uniform(0.001, 0.999, size=shape)
    t = rng.uniform(size=shape) if soft else rng.integers(0, 2, size=shape).astype(np.float64)
    return p, t


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("soft", [False, True])
def test_binary_cross_entropy_against_torch(seed, shape, soft):
    p, t = _probs_targets(seed, shape, soft)
    check_loss_and_grad(losses.binary_cross_entropy(p, t), losses.binary_cross_entropy_grad(p, t),
                        F.binary_cross_entropy, p, t)


def test_binary_cross_entropy_extreme_probabilities():
    """Exactly 0 and 1 (torch clamps each log at -100), and probabilities within 1e-300 of them."""
    p = np.array([0.0, 1.0, 0.0, 1.0, 1e-300, 1e-50, 1.0 - 1e-16, 0.5, 1e-44, 0.3])
    for t in (np.array([0.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.5, 1.0, 0.7]),
              np.array([0.2, 0.9, 0.5, 0.5, 0.0, 0.3, 1.0, 1.0, 0.0, 0.0])):
        want = F.binary_cross_entropy(t64(p), t64(t)).item()
        np.testing.assert_allclose(losses.binary_cross_entropy(p, t), want, rtol=RTOL, atol=ATOL)
    # the clamp in numbers: a completely wrong prediction costs 100, a perfect one 0
    assert losses.binary_cross_entropy(np.array([0.0, 1.0]), np.array([1.0, 0.0])) == 100.0
    assert losses.binary_cross_entropy(np.array([0.0, 1.0]), np.array([0.0, 1.0])) == 0.0


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("scale", [1.0, 30.0, 1e4])
@pytest.mark.parametrize("soft", [False, True])
def test_bce_with_logits_against_torch(seed, shape, scale, soft):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=scale, size=shape)
    t = rng.uniform(size=shape) if soft else rng.integers(0, 2, size=shape).astype(np.float64)
    check_loss_and_grad(losses.binary_cross_entropy_with_logits(z, t),
                        losses.binary_cross_entropy_with_logits_grad(z, t),
                        F.binary_cross_entropy_with_logits, z, t)


def test_bce_with_logits_extreme_logits():
    z = np.array([1e4, -1e4, 1e4, -1e4, 40.0, -40.0, 0.0, 745.0, -745.0])
    t = np.array([1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.5, 0.25, 0.75])
    check_loss_and_grad(losses.binary_cross_entropy_with_logits(z, t),
                        losses.binary_cross_entropy_with_logits_grad(z, t),
                        F.binary_cross_entropy_with_logits, z, t)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape", SHAPES)
def test_bce_with_logits_equals_bce_of_sigmoid(seed, shape):
    rng = np.random.default_rng(seed)
    z = rng.normal(scale=4.0, size=shape)
    t = rng.uniform(size=shape)
    p = losses.sigmoid(z)
    close(p, torch.sigmoid(t64(z)))
    np.testing.assert_allclose(losses.binary_cross_entropy_with_logits(z, t),
                               losses.binary_cross_entropy(p, t), rtol=1e-12)


# ------------------------------------------------------------- cross-entropy grad

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("N,C,scale", [(5, 3, 1.0), (1, 1, 1.0), (1, 4, 3.0), (8, 10, 30.0),
                                       (3, 4, 1e4), (6, 1, 1e4)])
def test_cross_entropy_and_grad_against_torch(seed, N, C, scale):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=scale, size=(N, C))
    labels = rng.integers(0, C, size=N)
    check_loss_and_grad(losses.cross_entropy(logits, labels), losses.cross_entropy_grad(logits, labels),
                        lambda z: F.cross_entropy(z, torch.tensor(labels, dtype=torch.long)), logits)


# ---------------------------------------------------------------------- focal loss

def torch_focal(z, labels, gamma):
    """The focal loss from its definition, with torch ops (torch has no multi-class one)."""
    log_p = torch.log_softmax(z, dim=1)[torch.arange(z.shape[0]), torch.tensor(labels, dtype=torch.long)]
    p = torch.exp(log_p)
    return torch.mean(-((1.0 - p) ** gamma) * log_p)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("gamma", [0.0, 0.5, 1.0, 2.0, 3.7])
@pytest.mark.parametrize("N,C,scale", [(5, 3, 1.0), (1, 1, 1.0), (1, 4, 3.0), (8, 10, 10.0),
                                       (4, 3, 1e4)])
def test_focal_against_torch(seed, gamma, N, C, scale):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=scale, size=(N, C))
    labels = rng.integers(0, C, size=N)
    z = t64(logits, True)
    loss = torch_focal(z, labels, gamma)
    loss.backward()
    np.testing.assert_allclose(losses.focal_loss(logits, labels, gamma), loss.item(), rtol=RTOL, atol=ATOL)
    grad = losses.focal_loss_grad(logits, labels, gamma)
    assert np.all(np.isfinite(grad))
    # Where p_t rounds to 1 (C = 1, or a row far ahead), torch's derivative of (1 - p)**gamma is
    # infinite for 0 < gamma < 1 and autograd gives nan * 0 = nan for the whole row; those rows are
    # checked by test_focal_grad_where_p_rounds_to_one instead. Every other row must agree.
    rows = ~torch.isnan(z.grad).any(dim=1).numpy()
    assert rows.any() or (0 < gamma < 1)
    close(grad[rows], z.grad[rows])


@pytest.mark.parametrize("gamma", [0.0, 0.25, 0.5, 2.0])
def test_focal_grad_where_p_rounds_to_one(gamma):
    """Rows whose p_t is exactly 1 (gradient exactly 0, where torch gives nan for 0 < gamma < 1)
    or within 1e-13 of 1 (torch autograd, and central differences of the loss in float64)."""
    logits = np.array([[30.0, 0.0, -1.0], [1e4, 0.0, 0.0], [0.0, -1e4, 5.0]])
    labels = np.array([0, 0, 2])
    g = losses.focal_loss_grad(logits, labels, gamma)
    assert np.all(np.isfinite(g))
    np.testing.assert_allclose(g.sum(axis=1), 0.0, atol=1e-15)
    assert np.all(g[1] == 0.0)  # softmax (1, 0, 0) and label 0: nothing to change
    z = t64(logits, True)
    torch_focal(z, labels, gamma).backward()
    close(g[[0, 2]], z.grad[[0, 2]], rtol=1e-8, atol=1e-15)
    h = 1e-6
    for i, j in [(0, 0), (0, 1), (2, 2), (2, 0)]:
        e = np.zeros_like(logits)
        e[i, j] = h
        fd = (losses.focal_loss(logits + e, labels, gamma) - losses.focal_loss(logits - e, labels, gamma)) / (2 * h)
        np.testing.assert_allclose(g[i, j], fd, rtol=1e-4, atol=1e-13)


@pytest.mark.parametrize("seed", SEEDS)
def test_focal_at_gamma_zero_is_cross_entropy(seed):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=5.0, size=(6, 4))
    labels = rng.integers(0, 4, size=6)
    np.testing.assert_allclose(losses.focal_loss(logits, labels, 0.0), losses.cross_entropy(logits, labels),
                               rtol=1e-13)
    close(losses.focal_loss_grad(logits, labels, 0.0), losses.cross_entropy_grad(logits, labels), rtol=1e-12,
          atol=1e-15)
