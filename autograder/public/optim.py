"""Public checks: optim.adam_step.

Every single-step case holds the call's actual inputs (param, grad, m, v, t
and the four hyperparameters). Students receive this module (see
`autograder.public`); the hidden part of the suite is in
``autograder/suites/optim.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (RTOL, Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, unpack, strategies as S)


adam_step = Exercise("optim.adam_step")

DEFAULTS = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
#: Hyperparameter values, the default first (hypothesis shrinks towards it).
CHOICES = {"lr": (1e-3, 0.1, 1.0, 1e-2), "beta1": (0.9, 0.5, 0.99, 0.8),
           "beta2": (0.999, 0.9, 0.5, 0.99), "eps": (1e-8, 1e-3, 0.1, 1e-6)}
#: Step numbers: the bias corrections matter most for small t.
T_VALUES = (1, 2, 3, 5, 10, 100, 1000, 100000)
NAMES = ("param", "grad", "m", "v")


# ------------------------------------------------------------ cases

def _hyper(draw):
    if not draw(st.booleans()):  # shrinks towards the default hyperparameters
        return dict(DEFAULTS)
    return {k: draw(st.sampled_from(v)) for k, v in CHOICES.items()}


def _shape(draw, lo=1):
    return tuple(draw(S.dims(lo, 4)) for _ in range(draw(st.integers(1, 3))))


@st.composite
def adam_cases(draw, state=None, lo=1, dtype=None):
    """One step from a zero, random or decaying (zero-gradient) state."""
    shape = _shape(draw, lo)
    dt = draw(S.dtypes()) if dtype is None else dtype
    kind = draw(st.sampled_from(("zero", "random", "zero_grad"))) if state is None else state
    g_style, p_style = draw(S.styles()), draw(S.styles())
    seed = draw(S.seeds())
    param = S.build_array(shape, p_style, seed, dt)
    grad = S.build_array(shape, g_style, seed + 1, dt)
    if kind == "zero":
        m, v = np.zeros(shape, dt), np.zeros(shape, dt)
        t = 1 if state == "zero" else draw(st.sampled_from(T_VALUES))
    else:
        m = S.build_array(shape, g_style, seed + 2, dt)
        v = (S.build_array(shape, g_style, seed + 3, np.float64) ** 2).astype(dt)
        t = draw(st.sampled_from(T_VALUES[1:]))
    if kind == "zero_grad":
        grad = np.zeros(shape, dt)
        if draw(st.booleans()):  # some coordinates without momentum either
            rng = np.random.default_rng(seed)
            m[rng.random(shape) < 0.4] = 0
    return Case(param=param, grad=grad, m=m, v=v, t=t, **_hyper(draw))


def _example(shape, style="normal", state="zero", t=1, dtype=np.float64, seed=0, **hyper):
    param = S.build_array(shape, "normal", seed, dtype)
    grad = S.build_array(shape, style, seed + 1, dtype)
    if state == "zero":
        m, v = np.zeros(shape, dtype), np.zeros(shape, dtype)
    else:
        m = S.build_array(shape, style, seed + 2, dtype)
        v = (S.build_array(shape, style, seed + 3, np.float64) ** 2).astype(dtype)
    if state == "zero_grad":
        grad = np.zeros(shape, dtype)
    return Case(param=param, grad=grad, m=m, v=v, t=t, **{**DEFAULTS, **hyper})


EDGE = (
    _example((3,)),                                                   # first step, defaults
    _example((0,)),                                                   # empty
    _example((2, 0, 3), state="random", t=4),                         # empty, 3-d
    _example((1,), state="random", t=2, lr=0.1, beta1=0.5, beta2=0.9, eps=1e-3),
    _example((2, 3), style="large", dtype=np.float32),                # big gradients, float32
    _example((4,), style="tiny"),                                     # |g| ~ 1e-6: eps matters
    _example((2, 2), style="tiny", state="random", t=3, eps=0.1),     # eps dominates
    _example((3,), state="zero_grad", t=5),                           # only the moments decay
    _example((5,), style="ties", t=1),                                # zeros and ties in grad
    _example((2, 3), state="random", t=100000, dtype=np.float32),     # corrections ~ 1
    _example((3,), style="wide", state="random", t=2, lr=1.0, beta1=0.99, beta2=0.5),
)


def _f64(a):
    return np.asarray(a, dtype=np.float64)


def _hyper_kwargs(case):
    """The hyperparameters as keywords, leaving out those at their defaults (so defaults are used)."""
    return {k: case[k] for k in DEFAULTS if case[k] != DEFAULTS[k]}


def _call(student, case, **override):
    args = {**{k: case[k] for k in NAMES}, "t": case.t, **_hyper_kwargs(case), **override}
    return student.adam_step(args.pop("param"), args.pop("grad"), args.pop("m"), args.pop("v"),
                             args.pop("t"), **args)


def _state(res, shape, what="adam_step"):
    """Check (param, m, v) are float arrays of the parameter's shape."""
    got = unpack(res, 3, what)
    got = tuple(as_float_array(a, name) for a, name in zip(got, ("the new param", "the new m", "the new v")))
    for a, name in zip(got, ("param", "m", "v")):
        if a.shape != tuple(shape):
            raise Failure(f"the new {name} has shape {a.shape}, expected {tuple(shape)} (the shape "
                          "of param).", received=a, observed=got)
    return got


def _observed(case, got):
    """The form in which results are compared with the catalog: (change of param, m, v)."""
    return (_f64(got[0]) - _f64(case.param), got[1], got[2])


# ------------------------------------------------------------ properties

@adam_step.property("first step (t = 1, m = v = 0): m = (1 - beta1) g, v = (1 - beta2) g**2, and "
                    "every coordinate moves by lr * g / (|g| + eps), i.e. by about lr against the "
                    "sign of its gradient", cases=adam_cases(state="zero"), public=True, weight=1.5,
                    max_examples=18,
                    hint="After bias correction the first step has m_hat = g and v_hat = g**2: "
                         "divide m by 1 - beta1**t and v by 1 - beta2**t (t counted from 1), and "
                         "add eps after the square root.")
def first_step(student, case):
    got = _state(_call(student, case), case.param.shape)
    g, p = _f64(case.grad), _f64(case.param)
    step = case.lr * g / (np.abs(g) + case.eps)
    expected = (p - step, (1 - case.beta1) * g, (1 - case.beta2) * g * g)
    scales = (np.abs(p) + np.abs(step), np.abs(expected[1]), expected[2])
    for name, a, e, sc in zip(("the new param", "the new m", "the new v"), got, expected, scales):
        assert_close(a, e, name=f"{name} after the first step", scale=sc,
                     observed=_observed(case, got))


POWERS_OF_TWO = (2.0 ** -10, 0.125, 8.0, 2.0 ** 10)


@adam_step.property("is invariant to the scale of the gradient: multiplying grad and m by c, v by "
                    "c**2 and eps by c leaves the new param unchanged and scales the new m by c "
                    "and the new v by c**2", cases=adam_cases(), public=True, weight=1,
                    max_examples=15,
                    hint="v averages the SQUARED gradient, and eps is added after the square "
                         "root: param - lr * m_hat / (sqrt(v_hat) + eps).")
def scale_invariant(student, case):
    c = POWERS_OF_TWO[case.t % len(POWERS_OF_TWO)]
    base = _state(_call(student, case), case.param.shape)
    scaled = _state(_call(student, case, grad=case.grad * c, m=case.m * c, v=case.v * c * c,
                          eps=case.eps * c), case.param.shape)
    p = _f64(case.param)
    assert_close(scaled[0], base[0], name=f"the new param with everything scaled by c = {c:g}, "
                 "compared with the new param unscaled", scale=np.abs(p) + np.abs(p - base[0]),
                 observed=_observed(case, base))
    for name, k, a, b in (("m", c, scaled[1], base[1]), ("v", c * c, scaled[2], base[2])):
        assert_close(_f64(a) / k, b, name=f"the new {name} with everything scaled by c = {c:g}, "
                     f"divided by {'c' if name == 'm' else 'c**2'}, compared with the new {name} unscaled",
                     observed=_observed(case, base))


@adam_step.property("with a zero gradient the moments only decay (m -> beta1*m, v -> beta2*v); "
                    "param stays where m = 0 and never moves in the direction of m",
                    cases=adam_cases(state="zero_grad"), public=True, weight=1, max_examples=15,
                    hint="Apply the update even when the gradient is zero: the moments still "
                         "decay, and a non-zero m still moves the parameter.")
def zero_gradient(student, case):
    got = _state(_call(student, case), case.param.shape)
    obs = _observed(case, got)
    p, m, v = _f64(case.param), _f64(case.m), _f64(case.v)
    assert_close(got[1], case.beta1 * m, name="the new m (zero gradient)", observed=obs)
    assert_close(got[2], case.beta2 * v, name="the new v (zero gradient)", observed=obs)
    moved = _f64(got[0]) - p
    still = m == 0
    assert_close(got[0][still], p[still], name="the new param where m = 0 (zero gradient)",
                 observed=obs)
    wrong = moved * np.sign(m) > RTOL * np.abs(p)  # beyond the rounding of a float32 param
    if wrong.any():
        i = tuple(int(j) for j in np.argwhere(wrong)[0])
        raise Failure(f"with a zero gradient, param[{', '.join(map(str, i))}] moved from {p[i]:.6g} "
                      f"to {float(got[0][i]):.6g}, in the direction of m = {m[i]:.6g}; Adam moves "
                      "against m.", observed=obs)


@adam_step.property("returns three float arrays (param, m, v) of param's shape, for any shape "
                    "(empty arrays included)", cases=adam_cases(lo=0), public=True, weight=0.5,
                    max_examples=12, examples=EDGE[1:3])
def shapes_and_dtypes(student, case):
    _state(_call(student, case), case.param.shape)


@adam_step.property("does not modify its inputs (param, grad, m, v)", cases=adam_cases(),
                    public=True, weight=0.5, max_examples=10, mistake="in_place_update",
                    hint="Compute new arrays (m_new = beta1 * m + ...) instead of updating in "
                         "place with -=, *= or +=; the caller keeps the old values.")
def inputs_unchanged(student, case):
    _, args, _ = student.call("adam_step", *(case[k] for k in NAMES), case.t, echo=True,
                              **_hyper_kwargs(case))
    assert_unchanged([case[k] for k in NAMES], args, list(NAMES), mistake="in_place_update")


# ------------------------------------------------------------ mistakes recognised by a property

adam_step.behavioural_mistake(
    "in_place_update", "updating param, m or v in place",
    "Operators such as param -= ..., m *= beta1 or m += ... change the caller's arrays; compute "
    "new arrays and return them.")
