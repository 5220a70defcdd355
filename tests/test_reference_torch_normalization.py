"""Check the float64 normalisation references against PyTorch: F.batch_norm in training and
evaluation mode (running statistics over several calls from non-zero values), F.layer_norm,
and both backward references against autograd."""

import numpy as np
import pytest

from torch_support import F, close, t64  # skips this module without torch

from reference import normalization as ref  # noqa: E402

SEEDS = [0, 1, 2, 3]


def _batch(rng, n, d, kind):
    """Features with different means and spreads; "small" puts some variances near eps."""
    scale = rng.uniform(0.1, 5.0, size=d)
    if kind == "small":
        scale[::2] = rng.uniform(1e-4, 3e-3, size=scale[::2].shape)
    return rng.normal(size=(n, d)) * scale + rng.normal(scale=3.0, size=d)


# ---------------------------------------------------------------- batch normalisation

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n,d,momentum,eps,kind", [
    (5, 3, 0.1, 1e-5, "normal"),
    (2, 4, 0.3, 1e-5, "normal"),     # N = 2: unbiased variance = twice the biased one
    (8, 1, 0.9, 1e-3, "small"),
    (6, 5, 0.0, 1e-5, "small"),      # momentum 0: running statistics frozen
    (3, 2, 1.0, 0.1, "normal"),      # momentum 1: running statistics = this batch's
])
def test_batchnorm_training_sequence_against_torch(seed, n, d, momentum, eps, kind):
    """Several training calls in a row, from non-zero running statistics, each fed the
    statistics the previous call returned; then evaluation mode with the final ones."""
    rng = np.random.default_rng(seed)
    gamma, beta = rng.normal(size=d), rng.normal(size=d)
    rm, rv = rng.normal(size=d), rng.uniform(0.2, 3.0, size=d)
    t_rm, t_rv = t64(rm), t64(rv)  # torch updates these in place
    for _ in range(4):
        x = _batch(rng, n, d, kind)
        out, rm, rv = ref.batchnorm_forward(x, gamma, beta, rm, rv, train=True, momentum=momentum,
                                            eps=eps)
        want = F.batch_norm(t64(x), t_rm, t_rv, t64(gamma), t64(beta), training=True,
                            momentum=momentum, eps=eps)
        close(out, want)
        close(rm, t_rm)
        close(rv, t_rv)
    x = _batch(rng, n + 1, d, kind)
    out, rm2, rv2 = ref.batchnorm_forward(x, gamma, beta, rm, rv, train=False, momentum=momentum,
                                          eps=eps)
    want = F.batch_norm(t64(x), t_rm, t_rv, t64(gamma), t64(beta), training=False,
                        momentum=momentum, eps=eps)
    close(out, want)
    close(rm2, t_rm)  # evaluation leaves the statistics as they are, in both
    close(rv2, t_rv)
    np.testing.assert_array_equal(rm2, rm)
    np.testing.assert_array_equal(rv2, rv)


@pytest.mark.parametrize("seed", SEEDS)
def test_batchnorm_eval_single_sample_against_torch(seed):
    rng = np.random.default_rng(seed)
    d = 4
    x = rng.normal(size=(1, d)) * 10
    gamma, beta, rm, rv = rng.normal(size=d), rng.normal(size=d), rng.normal(size=d), rng.uniform(0.1, 2, d)
    out, _, _ = ref.batchnorm_forward(x, gamma, beta, rm, rv, train=False)
    close(out, F.batch_norm(t64(x), t64(rm), t64(rv), t64(gamma), t64(beta), training=False))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n,d,eps,kind", [(4, 3, 1e-5, "normal"), (2, 5, 1e-5, "normal"),
                                          (7, 2, 1e-3, "small"), (3, 1, 0.5, "small")])
def test_batchnorm_backward_against_autograd(seed, n, d, eps, kind):
    rng = np.random.default_rng(seed)
    x = _batch(rng, n, d, kind)
    gamma, beta, dout = rng.normal(size=d), rng.normal(size=d), rng.normal(size=(n, d))
    tx, tg, tb = t64(x, True), t64(gamma, True), t64(beta, True)
    out = F.batch_norm(tx, None, None, tg, tb, training=True, eps=eps)
    (out * t64(dout)).sum().backward()
    dx, dgamma, dbeta = ref.batchnorm_backward(dout, x, gamma, eps)
    close(dx, tx.grad, rtol=1e-8, atol=1e-10)
    close(dgamma, tg.grad)
    close(dbeta, tb.grad)


# ---------------------------------------------------------------- layer normalisation

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("n,d,eps,kind", [(4, 3, 1e-5, "normal"), (1, 6, 1e-5, "normal"),
                                          (0, 3, 1e-5, "normal"), (5, 1, 1e-5, "normal"),
                                          (3, 4, 1e-3, "small"), (2, 2, 0.5, "small")])
def test_layernorm_against_torch(seed, n, d, eps, kind):
    rng = np.random.default_rng(seed)
    x = _batch(rng, d, n, kind).T if kind == "small" else _batch(rng, n, d, kind)
    gamma, beta, dout = rng.normal(size=d), rng.normal(size=d), rng.normal(size=(n, d))
    tx, tg, tb = t64(x, True), t64(gamma, True), t64(beta, True)
    out = F.layer_norm(tx, (d,), tg, tb, eps=eps)
    close(ref.layernorm_forward(x, gamma, beta, eps), out)
    if n == 0:
        np.testing.assert_array_equal(ref.layernorm_backward(dout, x, gamma, eps)[1], np.zeros(d))
        return
    (out * t64(dout)).sum().backward()
    dx, dgamma, dbeta = ref.layernorm_backward(dout, x, gamma, eps)
    close(dx, tx.grad, rtol=1e-8, atol=1e-10)
    close(dgamma, tg.grad)
    close(dbeta, tb.grad)


def test_references_do_not_modify_inputs():
    rng = np.random.default_rng(0)
    arrays = [rng.normal(size=(4, 3)), rng.normal(size=3), rng.normal(size=3), rng.normal(size=3),
              rng.uniform(0.5, 2, size=3), rng.normal(size=(4, 3))]
    for a in arrays:
        a.flags.writeable = False
    x, gamma, beta, rm, rv, dout = arrays
    for train in (True, False):
        ref.batchnorm_forward(x, gamma, beta, rm, rv, train=train)
    ref.batchnorm_backward(dout, x, gamma)
    ref.layernorm_forward(x, gamma, beta)
    ref.layernorm_backward(dout, x, gamma)
