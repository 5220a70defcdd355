"""Check the float64 optimiser steps and schedules of reference/optim.py against torch.optim.

Every update step is run over 60 steps with random gradients, starting from a
non-zero optimiser state injected into torch's optimizer (velocity, running
average, moments and step count), and compared at every step. The schedules
are compared with torch.optim.lr_scheduler over a range of epochs.
"""

import math

import numpy as np
import pytest

torch = pytest.importorskip(
    "torch",
    reason="torch is not installed: install the 'torch' extra "
    "(pip install torch==2.13.0) to check the references against PyTorch",
)

from reference import optim  # noqa: E402

SEEDS = [0, 1, 2]
STEPS = 60
SHAPE = (3, 4)


def t64(a):
    return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64)


def close(actual, expected, rtol=1e-9, atol=1e-13):
    if torch.is_tensor(expected):
        expected = expected.detach().numpy()
    assert np.asarray(actual).dtype == np.float64
    np.testing.assert_allclose(actual, expected, rtol=rtol, atol=atol)


def _gradients(rng, k):
    """Random gradients whose size changes from step to step (and one all-zero step)."""
    if k == 17:
        return np.zeros(SHAPE)
    return rng.normal(size=SHAPE) * (0.1, 1.0, 5.0)[k % 3]


def _run(rng, param, opt, p, step):
    """Apply ``STEPS`` gradients to torch's parameter ``p`` and through ``step``; compare each step."""
    for k in range(STEPS):
        grad = _gradients(rng, k)
        p.grad = t64(grad)
        opt.step()
        param = step(param, grad, k)
        close(param, p)
    return param


# ------------------------------------------------------------------------ SGD

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lr", [0.01, 0.3, 1.0])
def test_sgd_trajectory(seed, lr):
    rng = np.random.default_rng(seed)
    param = rng.normal(size=SHAPE)
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.SGD([p], lr=lr)
    _run(rng, param, opt, p, lambda q, g, k: optim.sgd_step(q, g, lr=lr))


# ------------------------------------------------------------------- momentum

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lr,beta", [(0.01, 0.9), (0.1, 0.5), (0.05, 0.99), (0.2, 0.0)])
def test_momentum_trajectory_from_nonzero_velocity(seed, lr, beta):
    """torch's SGD(momentum=beta, dampening=beta) matches once its buffer exists: seed it."""
    rng = np.random.default_rng(seed)
    param = rng.normal(size=SHAPE)
    velocity = rng.normal(scale=0.5, size=SHAPE)
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.SGD([p], lr=lr, momentum=beta, dampening=beta)
    opt.state[p]["momentum_buffer"] = t64(velocity)
    state = {"v": velocity}

    def step(q, g, k):
        q, state["v"] = optim.momentum_step(q, g, state["v"], lr=lr, beta=beta)
        state["g"] = g
        return q

    _run(rng, param, opt, p, step)
    if beta > 0:  # with momentum=0 torch never touches its buffer (and our velocity is the gradient)
        close(state["v"], opt.state[p]["momentum_buffer"])
    else:  # beta = 0: the velocity is the last gradient
        np.testing.assert_array_equal(state["v"], state["g"])


def test_momentum_buffer_seeding_matters():
    """Without a seeded buffer torch's first step uses the raw gradient: the convention differs."""
    param, grad = np.ones(3), np.array([1.0, -2.0, 3.0])
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.9)
    p.grad = t64(grad)
    opt.step()
    ours, _ = optim.momentum_step(param, grad, np.zeros(3), lr=0.1, beta=0.9)
    assert not np.allclose(ours, p.detach().numpy())
    close(param - 0.1 * grad, p)


# -------------------------------------------------------------------- RMSprop

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lr,alpha,eps", [(0.01, 0.99, 1e-8), (0.001, 0.9, 1e-6), (0.1, 0.5, 1e-3)])
def test_rmsprop_trajectory_from_nonzero_average(seed, lr, alpha, eps):
    rng = np.random.default_rng(seed)
    param = rng.normal(size=SHAPE)
    sq_avg = rng.uniform(0.01, 2.0, size=SHAPE)
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.RMSprop([p], lr=lr, alpha=alpha, eps=eps)
    opt.state[p]["step"] = torch.tensor(5.0)
    opt.state[p]["square_avg"] = t64(sq_avg)
    state = {"s": sq_avg}

    def step(q, g, k):
        q, state["s"] = optim.rmsprop_step(q, g, state["s"], lr=lr, alpha=alpha, eps=eps)
        return q

    _run(rng, param, opt, p, step)
    close(state["s"], opt.state[p]["square_avg"])


def test_rmsprop_first_step_from_zero():
    rng = np.random.default_rng(7)
    param, grad = rng.normal(size=SHAPE), rng.normal(size=SHAPE)
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.RMSprop([p], lr=0.01, alpha=0.99, eps=1e-8)
    p.grad = t64(grad)
    opt.step()
    new, s = optim.rmsprop_step(param, grad, np.zeros(SHAPE))
    close(new, p)
    close(s, opt.state[p]["square_avg"])


# ---------------------------------------------------------------------- AdamW

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("start_t", [1, 4, 30])
@pytest.mark.parametrize("hyper", [
    dict(lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2),
    dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.3),
    dict(lr=0.01, betas=(0.5, 0.9), eps=1e-3, weight_decay=0.0),
])
def test_adamw_trajectory(seed, start_t, hyper):
    rng = np.random.default_rng(seed)
    param = rng.normal(size=SHAPE)
    if start_t == 1:
        m, v = np.zeros(SHAPE), np.zeros(SHAPE)
    else:  # non-zero optimiser state, as if start_t - 1 steps had been taken
        m = rng.normal(scale=0.3, size=SHAPE)
        v = rng.uniform(0.01, 1.0, size=SHAPE)
    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.AdamW([p], **hyper)
    if start_t > 1:
        # torch keeps 'step' as a 0-d float tensor and increments it before using it.
        opt.state[p]["step"] = torch.tensor(float(start_t - 1))
        opt.state[p]["exp_avg"] = t64(m)
        opt.state[p]["exp_avg_sq"] = t64(v)
    b1, b2 = hyper["betas"]
    state = {"m": m, "v": v}

    def step(q, g, k):
        q, state["m"], state["v"] = optim.adamw_step(
            q, g, state["m"], state["v"], start_t + k, lr=hyper["lr"], beta1=b1, beta2=b2,
            eps=hyper["eps"], weight_decay=hyper["weight_decay"])
        return q

    _run(rng, param, opt, p, step)
    st = opt.state[p]
    assert float(st["step"]) == start_t + STEPS - 1
    close(state["m"], st["exp_avg"], atol=1e-14)
    close(state["v"], st["exp_avg_sq"], atol=1e-14)


def test_adamw_without_decay_is_adam():
    rng = np.random.default_rng(3)
    param, grad = rng.normal(size=SHAPE), rng.normal(size=SHAPE)
    m, v = rng.normal(size=SHAPE), rng.uniform(0.1, 1, size=SHAPE)
    got = optim.adamw_step(param, grad, m, v, 3, lr=0.01, weight_decay=0.0)
    for a, b in zip(got, optim.adam_step(param, grad, m, v, 3, lr=0.01)):
        np.testing.assert_allclose(a, b, rtol=1e-13, atol=1e-15)


# ------------------------------------------------------------------ schedules

def _scheduled(make, epochs, lr0=1.0):
    """The learning rates a torch scheduler gives at epochs 0 .. epochs - 1."""
    p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    opt = torch.optim.SGD([p], lr=lr0)
    sched = make(opt)
    rates = []
    for _ in range(epochs):
        rates.append(sched.get_last_lr()[0])
        opt.step()
        sched.step()
    return rates


def _compare(ours, theirs, rtol=1e-10):
    assert all(isinstance(r, float) for r in ours)
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=0)


@pytest.mark.parametrize("lr0", [0.1, 3e-4, 2.5])
@pytest.mark.parametrize("step_size,gamma", [(1, 0.1), (3, 0.5), (7, 0.9), (10, 1.0), (25, 0.3)])
def test_step_decay_against_steplr(lr0, step_size, gamma):
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.StepLR(o, step_size, gamma=gamma), 120, lr0)
    _compare([optim.step_decay(lr0, e, step_size, gamma) for e in range(120)], theirs)


def test_step_decay_default_gamma():
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.StepLR(o, 4), 30, 0.5)
    _compare([optim.step_decay(0.5, e, 4) for e in range(30)], theirs)


@pytest.mark.parametrize("lr0", [0.1, 3e-4, 2.5])
@pytest.mark.parametrize("gamma", [0.1, 0.5, 0.9, 0.99, 1.0])
def test_exponential_decay_against_exponentiallr(lr0, gamma):
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.ExponentialLR(o, gamma), 150, lr0)
    _compare([optim.exponential_decay(lr0, e, gamma) for e in range(150)], theirs, rtol=1e-9)


@pytest.mark.parametrize("lr0,eta_min", [(0.1, 0.0), (1.0, 0.01), (3e-4, 1e-5), (2.5, 1.0)])
@pytest.mark.parametrize("t_max", [1, 2, 7, 50, 200])
def test_cosine_annealing_against_cosineannealinglr(lr0, eta_min, t_max):
    """torch's recursive form, for epochs 0 .. t_max (the descent)."""
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, t_max, eta_min=eta_min),
                        t_max + 1, lr0)
    ours = [optim.cosine_annealing(lr0, e, t_max, eta_min) for e in range(t_max + 1)]
    # The recursion accumulates rounding; near eta_min compare against the rate's range.
    np.testing.assert_allclose(ours, theirs, rtol=1e-9, atol=1e-11 * lr0)
    assert ours[0] == lr0 and ours[-1] == pytest.approx(eta_min, abs=1e-15)


@pytest.mark.parametrize("t_max", [1, 5, 12])
def test_cosine_annealing_continues_past_t_max(t_max):
    """Past t_max the closed form continues along the cosine: torch's closed form does too."""
    p = torch.nn.Parameter(torch.zeros(1, dtype=torch.float64))
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(torch.optim.SGD([p], lr=0.4), t_max, eta_min=0.1)
    for e in range(4 * t_max + 1):
        sched.last_epoch = e
        np.testing.assert_allclose(optim.cosine_annealing(0.4, e, t_max, 0.1),
                                   sched._get_closed_form_lr()[0], rtol=1e-12)
    assert optim.cosine_annealing(0.4, 2 * t_max, t_max, 0.1) == pytest.approx(0.4, rel=1e-14)


@pytest.mark.parametrize("lr0", [0.1, 3e-4, 2.5])
@pytest.mark.parametrize("warmup,start_factor", [(1, 0.1), (5, 0.1), (10, 0.5), (20, 1 / 3), (7, 1.0), (50, 0.01)])
def test_linear_warmup_against_linearlr(lr0, warmup, start_factor):
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.LinearLR(
        o, start_factor=start_factor, end_factor=1.0, total_iters=warmup), 2 * warmup + 10, lr0)
    ours = [optim.linear_warmup(lr0, e, warmup, start_factor) for e in range(2 * warmup + 10)]
    _compare(ours, theirs, rtol=1e-10)
    assert ours[warmup:] == [lr0] * (warmup + 10)


def test_linear_warmup_default_start_factor():
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.LinearLR(o, total_iters=4), 8, 0.2)
    # LinearLR's default start_factor is 1/3; ours is 0.1: pass it explicitly to torch
    assert theirs[0] == pytest.approx(0.2 / 3)
    theirs = _scheduled(lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.1, total_iters=4), 8, 0.2)
    _compare([optim.linear_warmup(0.2, e, 4) for e in range(8)], theirs)


def test_schedules_return_python_floats():
    for value in (optim.step_decay(1, 3, 2), optim.exponential_decay(1, 2, 0.5),
                  optim.cosine_annealing(1, 1, 2), optim.linear_warmup(1, 0, 3)):
        assert type(value) is float and math.isfinite(value)
