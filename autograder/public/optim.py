"""Public checks: the optimiser steps and learning-rate schedules of unit optim.

Update steps (sgd_step, momentum_step, rmsprop_step, adam_step, adamw_step):
every single-step case holds the call's actual inputs (param, grad, the
optimiser state, t for the Adam family, and the hyperparameters); results are
compared with the catalog of known mistakes as (param_new - param, new
state...). Schedules (step_decay, exponential_decay, cosine_annealing,
linear_warmup): every case holds lr0, the schedule's hyperparameters and the
epochs it is evaluated at; results are compared as the array of rates at
those epochs. Students receive this module (see `autograder.public`); the
hidden part of the suite is in ``autograder/suites/optim.py``.
"""

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (RTOL, Case, Exercise, Failure, as_float, as_float_array, assert_close,
                                 assert_unchanged, unpack, strategies as S)
from autograder.checking.compare import f64 as _f64


adam_step = Exercise("optim.adam_step")

DEFAULTS = {"lr": 1e-3, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
#: Hyperparameter values, the default first (hypothesis shrinks towards it).
CHOICES = {"lr": (1e-3, 0.1, 1.0, 1e-2), "beta1": (0.9, 0.5, 0.99, 0.8),
           "beta2": (0.999, 0.9, 0.5, 0.99), "eps": (1e-8, 1e-3, 0.1, 1e-6)}
#: Step numbers: the bias corrections matter most for small t.
T_VALUES = (1, 2, 3, 5, 10, 100, 1000, 100000)
NAMES = ("param", "grad", "m", "v")


# ------------------------------------------------------------ cases

def _draw_hyper(draw, defaults, choices):
    if not draw(st.booleans()):  # shrinks towards the default hyperparameters
        return dict(defaults)
    return {k: draw(st.sampled_from(v)) for k, v in choices.items()}


def _hyper(draw):
    return _draw_hyper(draw, DEFAULTS, CHOICES)


def _shape(draw, lo=1):
    return tuple(draw(S.dims(lo, 4)) for _ in range(draw(st.integers(1, 3))))


@st.composite
def adam_cases(draw, state=None, lo=1, dtype=None, hyper=None):
    """One step from a zero, random or decaying (zero-gradient) state.

    ``hyper(draw)`` draws the hyperparameters (default: Adam's); AdamW's cases
    are these with its own.
    """
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
    return Case(param=param, grad=grad, m=m, v=v, t=t, **(_hyper(draw) if hyper is None else hyper(draw)))


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


def _hyper_kwargs(case, defaults=DEFAULTS):
    """The hyperparameters as keywords, leaving out those at their defaults (so defaults are used)."""
    return {k: case[k] for k in defaults if case[k] != defaults[k]}


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


@st.composite
def with_c(draw, cases):
    """Cases with a scale factor ``c``, a power of two (so scaling is exact)."""
    case = draw(cases)
    case["c"] = draw(st.sampled_from(POWERS_OF_TWO))
    return case


@adam_step.property("is invariant to the scale of the gradient: multiplying grad and m by c, v by "
                    "c**2 and eps by c leaves the new param unchanged and scales the new m by c "
                    "and the new v by c**2", cases=adam_cases(), public=True, weight=1,
                    max_examples=15,
                    hint="v averages the SQUARED gradient, and eps is added after the square "
                         "root: param - lr * m_hat / (sqrt(v_hat) + eps).")
def scale_invariant(student, case):
    _check_scale_invariance(lambda **over: _state(_call(student, case, **over), case.param.shape), case)


def _check_scale_invariance(step, case):
    """``step(**override)`` runs the case's step with some inputs replaced; see scale_invariant."""
    c = POWERS_OF_TWO[case.t % len(POWERS_OF_TWO)]
    base = step()
    scaled = step(grad=case.grad * c, m=case.m * c, v=case.v * c * c, eps=case.eps * c)
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
    check_inputs_unchanged(student, "adam_step", NAMES, case, DEFAULTS, case.t)


def check_inputs_unchanged(student, function, names, case, defaults, *more):
    """Call ``function`` with the case's arrays ``names`` (then ``more``) and non-default
    hyperparameters; fail, naming `in_place_update`, when it changed any of those arrays."""
    _, args, _ = student.call(function, *(case[k] for k in names), *more, echo=True,
                              **_hyper_kwargs(case, defaults))
    assert_unchanged([case[k] for k in names], args, list(names), mistake="in_place_update")


# ------------------------------------------------------------ mistakes recognised by a property

adam_step.behavioural_mistake(
    "in_place_update", "updating param, m or v in place",
    "Operators such as param -= ..., m *= beta1 or m += ... change the caller's arrays; compute "
    "new arrays and return them.")


# ================================================================== AdamW

adamw_step = Exercise("optim.adamw_step")

ADAMW_DEFAULTS = {**DEFAULTS, "weight_decay": 1e-2}
#: As Adam's, with learning rates and decays large enough for lr * weight_decay to show.
ADAMW_CHOICES = {**CHOICES, "lr": (1e-3, 0.1, 1.0, 0.3), "weight_decay": (1e-2, 0.5, 0.1, 0.0, 0.9)}
ADAMW_NAMES = NAMES


def _adamw_hyper(draw):
    return _draw_hyper(draw, ADAMW_DEFAULTS, ADAMW_CHOICES)


@st.composite
def adamw_cases(draw, state=None, lo=1, dtype=None, zero_grad=False):
    """Adam's single-step cases with AdamW's hyperparameters; ``zero_grad`` zeroes the gradient."""
    case = draw(adam_cases(state, lo, dtype, hyper=_adamw_hyper))
    if zero_grad:
        case["grad"] = np.zeros_like(case.param)
    return case


def _adamw_example(*args, weight_decay=1e-2, **kwargs):
    return Case(_example(*args, **kwargs), weight_decay=weight_decay)


ADAMW_EDGE = (
    _adamw_example((3,), lr=0.1, weight_decay=0.5),                            # first step, decay shows
    _adamw_example((0,)),                                                      # empty
    _adamw_example((2, 0, 3), state="random", t=4),                            # empty, 3-d
    _adamw_example((1,), state="random", t=2, lr=1.0, beta1=0.5, beta2=0.9, eps=1e-3, weight_decay=0.5),
    _adamw_example((2, 3), style="large", dtype=np.float32, lr=0.3, weight_decay=0.1),
    _adamw_example((4,), style="tiny", lr=0.1, weight_decay=0.9),              # decay dominates the step
    _adamw_example((3,), state="zero_grad", t=5, lr=0.3, weight_decay=0.5),    # moments decay, param decays
    _adamw_example((2, 2), state="random", t=3, weight_decay=0.0),             # plain Adam
    _adamw_example((2, 3), state="random", t=100000, dtype=np.float32, lr=1.0, weight_decay=0.1),
    _adamw_example((3,), style="wide", state="random", t=2, lr=1.0, beta1=0.99, beta2=0.5,
                   weight_decay=0.9),
    _adamw_example((3,), state="zero_grad", t=2, lr=1.0),                      # the DEFAULT decay shows
)


def _adamw_call(student, case, **override):
    args = {**{k: case[k] for k in ADAMW_NAMES}, "t": case.t, **_hyper_kwargs(case, ADAMW_DEFAULTS),
            **override}
    return student.adamw_step(args.pop("param"), args.pop("grad"), args.pop("m"), args.pop("v"),
                              args.pop("t"), **args)


@adamw_step.property("first step (t = 1, m = v = 0): m = (1 - beta1) g, v = (1 - beta2) g**2, and "
                     "param becomes param * (1 - lr * weight_decay) - lr * g / (|g| + eps): the "
                     "decay, then Adam's first step of about lr against the gradient's sign; three "
                     "float arrays of param's shape are returned, for any shape (empty included)",
                     cases=adamw_cases(state="zero", lo=0), public=True, weight=1.5, max_examples=8,
                     examples=ADAMW_EDGE[1:2],
                     hint="Shrink param by the factor (1 - lr * weight_decay), then take the Adam "
                          "step computed from the gradient alone (do not add weight_decay * param "
                          "to the gradient), with bias-corrected moments.")
def adamw_first_step(student, case):
    got = _state(_adamw_call(student, case), case.param.shape, "adamw_step")
    g, p = _f64(case.grad), _f64(case.param)
    step = case.lr * g / (np.abs(g) + case.eps)
    decayed = p * (1 - case.lr * case.weight_decay)
    expected = (decayed - step, (1 - case.beta1) * g, (1 - case.beta2) * g * g)
    scales = (np.abs(p) + np.abs(step), np.abs(expected[1]), expected[2])
    for name, a, e, sc in zip(("the new param", "the new m", "the new v"), got, expected, scales):
        assert_close(a, e, name=f"{name} after the first step", scale=sc,
                     observed=_observed(case, got))


@adamw_step.property("with a zero gradient and zero moments the parameter is only decayed, "
                     "param * (1 - lr * weight_decay), and m and v stay zero (any t)",
                     cases=adamw_cases(state="zero", zero_grad=True), public=True, weight=1,
                     max_examples=6,
                     hint="The decay is separate from the gradient step: multiply param by "
                          "(1 - lr * weight_decay), including when the gradient is zero.")
def adamw_zero_gradient(student, case):
    got = _state(_adamw_call(student, case), case.param.shape, "adamw_step")
    p = _f64(case.param)
    obs = _observed(case, got)
    assert_close(got[0], p * (1 - case.lr * case.weight_decay),
                 name="the new param (zero gradient, zero moments)", scale=np.abs(p), observed=obs)
    zero = np.zeros(p.shape)
    assert_close(got[1], zero, name="the new m (zero gradient, zero moments)", scale=1.0, observed=obs)
    assert_close(got[2], zero, name="the new v (zero gradient, zero moments)", scale=1.0, observed=obs)


@adamw_step.property("the decay does not depend on the gradient: multiplying grad and m by c, v "
                     "by c**2 and eps by c leaves the new param unchanged and scales the new m "
                     "by c and the new v by c**2", cases=adamw_cases(), public=True, weight=1,
                     max_examples=8,
                     hint="Decoupled weight decay multiplies param by (1 - lr * weight_decay); "
                          "adding weight_decay * param to the gradient (an L2 penalty) is "
                          "another optimiser.")
def adamw_scale_invariant(student, case):
    _check_scale_invariance(
        lambda **over: _state(_adamw_call(student, case, **over), case.param.shape, "adamw_step"), case)


@adamw_step.property("does not modify its inputs (param, grad, m, v)", cases=adamw_cases(),
                     public=True, weight=0.5, max_examples=5, mistake="in_place_update",
                     standalone=False,
                     hint="Compute new arrays (param * (1 - lr * weight_decay), m_new = ...) "
                          "instead of updating in place with -=, *= or +=.")
def adamw_inputs_unchanged(student, case):
    check_inputs_unchanged(student, "adamw_step", ADAMW_NAMES, case, ADAMW_DEFAULTS, case.t)


adamw_step.behavioural_mistake(
    "in_place_update", "updating param, m or v in place",
    "Operators such as param *= 1 - lr * weight_decay, m *= beta1 or param -= ... change the "
    "caller's arrays; compute new arrays and return them.")


# ================================================================== SGD, momentum, RMSprop

sgd_step = Exercise("optim.sgd_step")
momentum_step = Exercise("optim.momentum_step")
rmsprop_step = Exercise("optim.rmsprop_step")


@dataclass(eq=False)
class Stepper:
    """What the single-step machinery needs to know about an update step.

    ``state`` names the state arrays, passed after grad and returned after
    param; ``squares`` those that average squared gradients (non-negative).
    """

    exercise: Exercise
    state: tuple
    defaults: dict
    choices: dict
    squares: tuple = ()

    @property
    def function(self):
        return self.exercise.function

    @property
    def names(self):
        return ("param", "grad") + self.state


SGD = Stepper(sgd_step, (), {"lr": 0.01}, {"lr": (0.01, 0.1, 1.0, 1e-3, 0.5)})
MOMENTUM = Stepper(momentum_step, ("velocity",), {"lr": 0.01, "beta": 0.9},
                   {"lr": (0.01, 0.1, 1.0, 1e-3), "beta": (0.9, 0.0, 0.7, 0.99, 0.3)})
RMSPROP = Stepper(rmsprop_step, ("sq_avg",), {"lr": 0.01, "alpha": 0.99, "eps": 1e-8},
                  {"lr": (0.01, 0.1, 1e-3, 1.0), "alpha": (0.99, 0.9, 0.7, 0.999, 0.0),
                   "eps": (1e-8, 1e-3, 0.1, 1e-6)}, squares=("sq_avg",))


def _state_array(spec, name, shape, style, seed, dt):
    """A non-zero state array: squares of a style's values for averages of squared gradients."""
    if name in spec.squares:
        return (S.build_array(shape, style, seed, np.float64) ** 2).astype(dt)
    return S.build_array(shape, style, seed, dt)


#: Parameter values without exact zeros, where returning the step and adding it look alike.
PARAM_STYLES = ("normal", "wide", "large", "tiny")


@st.composite
def step_cases(draw, spec, state=None, lo=1, dtype=None, fix=()):
    """One step of ``spec`` from a zero, random or decaying (zero-gradient) state.

    ``fix``: (name, value) pairs that replace drawn hyperparameters.
    """
    shape = _shape(draw, lo)
    dt = draw(S.dtypes()) if dtype is None else dtype
    kind = draw(st.sampled_from(("random", "zero", "zero_grad"))) if state is None else state
    g_style, p_style = draw(S.styles()), draw(S.styles(PARAM_STYLES))
    seed = draw(S.seeds())
    case = Case(param=S.build_array(shape, p_style, seed, dt),
                grad=np.zeros(shape, dt) if kind == "zero_grad" else S.build_array(shape, g_style, seed + 1, dt))
    for k, name in enumerate(spec.state):
        case[name] = (np.zeros(shape, dt) if kind == "zero"
                      else _state_array(spec, name, shape, g_style, seed + 2 + k, dt))
    case.update(_draw_hyper(draw, spec.defaults, spec.choices))
    case.update(dict(fix))
    return case


def step_example(spec, shape, style="normal", state="random", dtype=np.float64, seed=0, **hyper):
    """A hand-picked single-step case (the hidden suite's edge examples)."""
    case = Case(param=S.build_array(shape, "normal", seed, dtype),
                grad=np.zeros(shape, dtype) if state == "zero_grad" else S.build_array(shape, style, seed + 1, dtype))
    for k, name in enumerate(spec.state):
        case[name] = (np.zeros(shape, dtype) if state == "zero"
                      else _state_array(spec, name, shape, style, seed + 2 + k, dtype))
    case.update({**spec.defaults, **hyper})
    return case


def step_call(student, spec, case, **override):
    """Call the student's step on the case; ``override`` replaces inputs or hyperparameters."""
    args = {**{k: case[k] for k in spec.names}, **_hyper_kwargs(case, spec.defaults), **override}
    arrays = [args.pop(k) for k in spec.names]
    return student.call(spec.function, *arrays, **args)


def step_result(res, spec, shape):
    """Check the result is param (sgd) or (param, *state), float arrays of param's shape."""
    if not spec.state:
        return (as_float_array(res, "the new param", shape),)
    got = unpack(res, 1 + len(spec.state), spec.function)
    names = [f"the new {n}" for n in ("param",) + spec.state]
    got = tuple(as_float_array(a, name) for a, name in zip(got, names))
    for a, name in zip(got, names):
        if a.shape != tuple(shape):
            raise Failure(f"{name} has shape {a.shape}, expected {tuple(shape)} (the shape of "
                          "param).", received=a, observed=got)
    return got


def step_observed(case, got):
    """The form results are compared in with the catalog: (change of param, new state...)."""
    return (_f64(got[0]) - _f64(case.param),) + tuple(got[1:])


def _step(student, spec, case, **override):
    return step_result(step_call(student, spec, case, **override), spec, case.param.shape)


def _param_scale(case, *steps):
    return np.abs(_f64(case.param)) + sum(np.abs(_f64(s)) for s in steps)


def _inputs_property(spec, hint):
    @spec.exercise.property(f"does not modify its inputs ({', '.join(spec.names)})",
                            cases=step_cases(spec), public=True, weight=0.5, max_examples=5,
                            mistake="in_place_update", standalone=False, hint=hint)
    def inputs_unchanged(student, case):
        check_inputs_unchanged(student, spec.function, spec.names, case, spec.defaults)

    spec.exercise.behavioural_mistake(
        "in_place_update", f"updating {' or '.join(n for n in spec.names if n != 'grad')} in place",
        "Operators such as -=, *= or += change the caller's arrays; compute new arrays and return "
        "them.")
    return inputs_unchanged


# ------------------------------------------------------------ sgd_step

@sgd_step.property("each coordinate moves against its gradient by lr times the gradient: the new "
                   "param is a float array param - lr * grad of param's shape, for any shape "
                   "(empty included)", cases=step_cases(SGD, lo=0), public=True, weight=1.5,
                   max_examples=8, examples=(step_example(SGD, (2, 0, 3)),),
                   hint="Subtract the step lr * grad from param (gradient DEScent): "
                        "return param - lr * grad.")
def sgd_moves_against_gradient(student, case):
    (got,) = _step(student, SGD, case)
    step = case.lr * _f64(case.grad)
    assert_close(got, _f64(case.param) - step, name="the new param", scale=_param_scale(case, step),
                 observed=step_observed(case, (got,)))


@sgd_step.property("the step is linear in lr and in grad: multiplying lr or grad by c multiplies "
                   "the change of param by c, and a zero gradient leaves param unchanged",
                   cases=with_c(step_cases(SGD)), public=True, weight=1, max_examples=6,
                   hint="The change of param is -lr * grad: use the lr you are given (do not "
                        "normalise or clip the gradient).")
def sgd_linear(student, case):
    p = _f64(case.param)
    (base,) = _step(student, SGD, case)
    change = _f64(base) - p
    obs = step_observed(case, (base,))
    (by_lr,) = _step(student, SGD, case, lr=case.lr * case.c)
    (by_grad,) = _step(student, SGD, case, grad=case.grad * case.c)
    (zero,) = _step(student, SGD, case, grad=np.zeros_like(case.grad))
    scale = np.abs(p) + abs(case.c) * np.abs(change)
    assert_close(_f64(by_lr) - p, case.c * change, name=f"the change of param with lr * {case.c:g}, "
                 f"compared with {case.c:g} times the change with lr", scale=scale, observed=obs)
    assert_close(_f64(by_grad) - p, case.c * change, name=f"the change of param with grad * "
                 f"{case.c:g}, compared with {case.c:g} times the change with grad", scale=scale,
                 observed=obs)
    assert_close(zero, p, name="the new param with a zero gradient", scale=np.abs(p), observed=obs)


sgd_inputs = _inputs_property(SGD, "Return param - lr * grad (a new array) instead of writing "
                                   "param -= lr * grad, which changes the caller's array.")


# ------------------------------------------------------------ momentum_step

@momentum_step.property("with beta = 0 it is plain SGD: the new velocity is grad and the new "
                        "param is param - lr * grad, whatever the old velocity",
                        cases=step_cases(MOMENTUM, fix=(("beta", 0.0),)), public=True, weight=1,
                        max_examples=6,
                        hint="v = beta * v + (1 - beta) * grad: at beta = 0 the old velocity "
                             "drops out and the new one is the gradient itself.")
def momentum_beta_zero(student, case):
    got = _step(student, MOMENTUM, case)
    g, p = _f64(case.grad), _f64(case.param)
    obs = step_observed(case, got)
    assert_close(got[1], g, name="the new velocity (beta = 0)", observed=obs)
    assert_close(got[0], p - case.lr * g, name="the new param (beta = 0)",
                 scale=_param_scale(case, case.lr * g), observed=obs)


@momentum_step.property("the velocity is a moving average: the new velocity lies between the old "
                        "velocity and the gradient, and a gradient equal to the velocity leaves "
                        "the velocity unchanged", cases=step_cases(MOMENTUM, state="random"),
                        public=True, weight=1, max_examples=8,
                        hint="Weigh the old velocity by beta and the gradient by 1 - beta (the "
                             "course's form), v = beta * v + (1 - beta) * grad; v = beta * v + "
                             "grad is another convention.")
def momentum_moving_average(student, case):
    got = _step(student, MOMENTUM, case)
    obs = step_observed(case, got)
    v, g, new = _f64(case.velocity), _f64(case.grad), _f64(got[1])
    lo, hi = np.minimum(v, g), np.maximum(v, g)
    slack = 2e-4 * (np.abs(v) + np.abs(g))
    outside = (new < lo - slack) | (new > hi + slack)
    if outside.any():
        i = tuple(int(j) for j in np.argwhere(outside)[0])
        raise Failure(f"the new velocity at index {list(i)} is {new[i]:.6g}, outside the interval "
                      f"between the old velocity {v[i]:.6g} and the gradient {g[i]:.6g}: a moving "
                      "average always lies between them.", observed=obs)
    fixed = _step(student, MOMENTUM, case, grad=case.velocity)
    assert_close(fixed[1], v, name="the new velocity when grad equals the old velocity",
                 observed=step_observed(case, got))


@momentum_step.property("returns float arrays (param, velocity) of param's shape, for any shape "
                        "(empty included), and the parameter moves by -lr times the NEW velocity "
                        "(the one returned)", cases=step_cases(MOMENTUM, lo=0), public=True,
                        weight=1, max_examples=6, examples=(step_example(MOMENTUM, (2, 0, 3)),),
                        hint="Update the velocity first, then param - lr * v with the new v.")
def momentum_uses_new_velocity(student, case):
    got = _step(student, MOMENTUM, case)
    step = case.lr * _f64(got[1])
    assert_close(got[0], _f64(case.param) - step, name="the new param, compared with param - lr * "
                 "(the new velocity you returned)", scale=_param_scale(case, step, case.lr * _f64(case.velocity)),
                 observed=step_observed(case, got))


@momentum_step.property("with a zero gradient the velocity only decays (v -> beta * v) and param "
                        "keeps moving along it: param - lr * beta * v",
                        cases=step_cases(MOMENTUM, state="zero_grad"), public=True, weight=1,
                        max_examples=6,
                        hint="The old velocity is weighted by beta (not 1 - beta), and the "
                             "parameter moves AGAINST the velocity: param - lr * v.")
def momentum_zero_gradient(student, case):
    got = _step(student, MOMENTUM, case)
    obs = step_observed(case, got)
    v = case.beta * _f64(case.velocity)
    assert_close(got[1], v, name="the new velocity (zero gradient)", observed=obs)
    assert_close(got[0], _f64(case.param) - case.lr * v, name="the new param (zero gradient)",
                 scale=_param_scale(case, case.lr * v), observed=obs)


momentum_inputs = _inputs_property(MOMENTUM, "Compute v_new = beta * velocity + (1 - beta) * grad "
                                             "and param - lr * v_new as new arrays; velocity *= "
                                             "beta changes the caller's array.")


# ------------------------------------------------------------ rmsprop_step

@rmsprop_step.property("with a zero gradient the parameter stays and the average only decays: "
                       "sq_avg -> alpha * sq_avg", cases=step_cases(RMSPROP, state="zero_grad"),
                       public=True, weight=1, max_examples=6,
                       hint="s = alpha * s + (1 - alpha) * grad**2: alpha weighs the OLD average.")
def rmsprop_zero_gradient(student, case):
    got = _step(student, RMSPROP, case)
    obs = step_observed(case, got)
    assert_close(got[1], case.alpha * _f64(case.sq_avg), name="the new sq_avg (zero gradient)",
                 observed=obs)
    assert_close(got[0], case.param, name="the new param (zero gradient)",
                 scale=np.abs(_f64(case.param)), observed=obs)


@rmsprop_step.property("is invariant to the scale of the gradient: multiplying grad by c, sq_avg "
                       "by c**2 and eps by c leaves the new param unchanged and scales the new "
                       "sq_avg by c**2", cases=with_c(step_cases(RMSPROP)), public=True, weight=1,
                       max_examples=8,
                       hint="Average the SQUARED gradient and divide by its square root, adding "
                            "eps after the root: grad / (sqrt(s) + eps).")
def rmsprop_scale_invariant(student, case):
    c = case.c
    base = _step(student, RMSPROP, case)
    scaled = _step(student, RMSPROP, case, grad=case.grad * c, sq_avg=case.sq_avg * c * c, eps=case.eps * c)
    p = _f64(case.param)
    assert_close(scaled[0], base[0], name=f"the new param with grad, sq_avg, eps scaled by c = {c:g}, "
                 "c**2, c, compared with the new param unscaled", scale=np.abs(p) + np.abs(p - base[0]),
                 observed=step_observed(case, base))
    assert_close(_f64(scaled[1]) / (c * c), base[1], name=f"the new sq_avg with everything scaled "
                 f"(c = {c:g}), divided by c**2, compared with the new sq_avg unscaled",
                 observed=step_observed(case, base))


@rmsprop_step.property("returns float arrays (param, sq_avg) of param's shape, for any shape "
                       "(empty included); the new sq_avg lies between the old one and grad**2 (a "
                       "moving average), and param moves by -lr * grad / (sqrt(new sq_avg) + eps) "
                       "with the sq_avg returned", cases=step_cases(RMSPROP, lo=0), public=True,
                       weight=1.5, max_examples=8, examples=(step_example(RMSPROP, (2, 0, 3)),),
                       hint="Update the average first, s = alpha * s + (1 - alpha) * grad**2, "
                            "then divide the step by sqrt(s) + eps (eps outside the root).")
def rmsprop_step_uses_new_average(student, case):
    got = _step(student, RMSPROP, case)
    obs = step_observed(case, got)
    s, g2, new = _f64(case.sq_avg), _f64(case.grad) ** 2, _f64(got[1])
    slack = 2e-4 * (s + g2)
    outside = (new < np.minimum(s, g2) - slack) | (new > np.maximum(s, g2) + slack)
    if outside.any():
        i = tuple(int(j) for j in np.argwhere(outside)[0])
        raise Failure(f"the new sq_avg at index {list(i)} is {new[i]:.6g}, outside the interval "
                      f"between the old sq_avg {s[i]:.6g} and grad**2 = {g2[i]:.6g}: a moving "
                      "average always lies between them.", observed=obs)
    with np.errstate(divide="ignore", invalid="ignore"):
        step = case.lr * _f64(case.grad) / (np.sqrt(np.maximum(new, 0)) + case.eps)
    assert_close(got[0], _f64(case.param) - step, name="the new param, compared with param - lr * "
                 "grad / (sqrt(the new sq_avg you returned) + eps)", scale=_param_scale(case, step),
                 observed=obs)


rmsprop_inputs = _inputs_property(RMSPROP, "Compute s_new = alpha * sq_avg + (1 - alpha) * grad**2 "
                                            "and the new param as new arrays; sq_avg *= alpha "
                                            "changes the caller's array.")


# ================================================================== schedules

step_decay = Exercise("optim.step_decay")
exponential_decay = Exercise("optim.exponential_decay")
cosine_annealing = Exercise("optim.cosine_annealing")
linear_warmup = Exercise("optim.linear_warmup")


@dataclass(eq=False)
class Schedule:
    """A schedule's call: ``function(lr0, epoch, *required, **keywords)``."""

    exercise: Exercise
    required: tuple      # positional parameters after epoch
    keywords: dict       # keyword parameters and their defaults

    @property
    def function(self):
        return self.exercise.function


STEP = Schedule(step_decay, ("step_size",), {"gamma": 0.1})
EXPONENTIAL = Schedule(exponential_decay, ("gamma",), {})
COSINE = Schedule(cosine_annealing, ("t_max",), {"eta_min": 0.0})
WARMUP = Schedule(linear_warmup, ("warmup_epochs",), {"start_factor": 0.1})

#: Initial learning rates across decades, the simplest first.
LR0 = (1.0, 0.1, 0.01, 3e-4, 2.5, 1e-5, 0.05)
GAMMAS = (0.1, 0.5, 0.9, 0.99, 1.0, 0.3, 0.95)
START_FACTORS = (0.1, 0.5, 0.01, 1.0, 0.25, 1 / 3)
ETA_MIN_FRACTIONS = (0.0, 0.1, 0.01, 0.5)
MAX_EPOCH = 200


def rate_call(student, spec, case, epoch):
    """The student's rate at ``epoch``, checked to be a single float."""
    kw = {k: case[k] for k, default in spec.keywords.items() if case[k] != default}
    args = ", ".join([f"lr0={case.lr0:g}", f"epoch={epoch}"] + [f"{k}={case[k]:g}" for k in spec.required]
                     + [f"{k}={v:g}" for k, v in kw.items()])
    res = student.call(spec.function, case.lr0, epoch, *(case[k] for k in spec.required), **kw)
    return as_float(res, f"{spec.function}({args})")


def rates(student, spec, case):
    """The student's rates at the case's epochs, as an array (the form mistakes compute)."""
    return np.array([rate_call(student, spec, case, e) for e in case.epochs], dtype=np.float64)


def assert_rate(got, expected, epoch, observed, what="", scale=0.0):
    """One rate against its expected value, relative to it (plus ``scale``)."""
    assert_close(np.float64(got), np.float64(expected), scale=scale, observed=observed,
                 name=f"the rate at epoch {epoch}{what}")


def _rate_scale(spec, case):
    """Absolute slack: cosine rates near eta_min = 0 are differences of nearly equal terms."""
    return 1e-3 * case.lr0 if spec is COSINE else 1e-9 * case.lr0


@st.composite
def schedule_hyper(draw, spec):
    """lr0 and the schedule's parameters.

    Values shrink towards defaults, and integer parameters towards 3 or 4 rather
    than 1, where the known mistakes give results different from each other.
    """
    case = Case(lr0=draw(st.sampled_from(LR0)))
    if spec is STEP:
        case["step_size"] = draw(st.one_of(st.integers(3, 12), st.sampled_from((1, 2, 30, 50, 100))))
        case["gamma"] = draw(st.sampled_from(GAMMAS))
    elif spec is EXPONENTIAL:
        case["gamma"] = draw(st.sampled_from(GAMMAS[1:] + GAMMAS[:1]))
    elif spec is COSINE:
        case["t_max"] = draw(st.one_of(st.integers(4, 20), st.sampled_from((1, 2, 3, 50, 100, 200, 37))))
        case["eta_min"] = case.lr0 * draw(st.sampled_from(ETA_MIN_FRACTIONS))
    else:
        case["warmup_epochs"] = draw(st.one_of(st.integers(3, 12), st.sampled_from((1, 2, 20, 50, 100))))
        case["start_factor"] = draw(st.sampled_from(START_FACTORS))
    return case


@st.composite
def schedule_cases(draw, spec, epochs):
    """The hyperparameters and ``epochs(draw, case)``, a sorted tuple of distinct epochs."""
    case = draw(schedule_hyper(spec))
    case["epochs"] = tuple(sorted(set(epochs(draw, case))))
    return case




# ------------------------------------------------------------ step_decay

def _first_block(draw, case):
    s = case.step_size
    return list(range(min(s, 3))) + [s - 1, s]


def _one_block(draw, case):
    s = case.step_size
    k = draw(st.integers(0, max(0, MAX_EPOCH // s - 1)))
    return [k * s, k * s + 1, k * s + s - 1, (k + 1) * s]


@step_decay.property("the rate is lr0 at epoch 0 and through the whole first block of step_size "
                     "epochs (epochs 0 .. step_size - 1), and first drops to gamma * lr0 at epoch "
                     "step_size", cases=schedule_cases(STEP, _first_block),
                     public=True, weight=1, max_examples=6,
                     hint="The exponent is the number of COMPLETED blocks, epoch // step_size: "
                          "0 for the first step_size epochs.")
def step_decay_first_block(student, case):
    got = rates(student, STEP, case)
    for e, r in zip(case.epochs, got):
        if e < case.step_size:
            assert_rate(r, case.lr0, e, got, " (first block: lr0)", scale=_rate_scale(STEP, case))
        else:
            assert_rate(r, case.gamma * case.lr0, e, got, " (epoch step_size: gamma * lr0)",
                        scale=_rate_scale(STEP, case))


@step_decay.property("the rate is constant within each block of step_size epochs and is "
                     "multiplied by gamma from one block to the next",
                     cases=schedule_cases(STEP, _one_block), public=True, weight=1.5,
                     max_examples=8,
                     hint="Use integer division, epoch // step_size, so the rate only drops at "
                          "epochs step_size, 2 * step_size, ...")
def step_decay_blocks(student, case):
    got = rates(student, STEP, case)
    s = case.step_size
    first = {}  # block number -> (its first epoch listed, the rate there)
    for e, r in zip(case.epochs, got):
        block = e // s
        if block in first:
            e0, r0 = first[block]
            assert_rate(r, r0, e, got, f" (same block of step_size = {s} epochs as epoch {e0}, whose "
                        f"rate is {r0:.6g})", scale=_rate_scale(STEP, case))
            continue
        if block - 1 in first:
            e0, r0 = first[block - 1]
            assert_rate(r, case.gamma * r0, e, got, f" (first epoch of the next block: gamma times "
                        f"the rate {r0:.6g} at epoch {e0})", scale=_rate_scale(STEP, case))
        first[block] = (e, r)


# ------------------------------------------------------------ exponential_decay

def _consecutive(draw, case):
    e = draw(st.integers(0, MAX_EPOCH - 2))
    return [e, e + 1, e + 2]


@exponential_decay.property("the rate at epoch 0 is lr0", cases=schedule_cases(EXPONENTIAL, lambda d, c: [0]),
                            public=True, weight=1, max_examples=4,
                            hint="gamma ** 0 = 1: the first epoch uses lr0 itself.")
def exponential_starts_at_lr0(student, case):
    got = rates(student, EXPONENTIAL, case)
    assert_rate(got[0], case.lr0, 0, got, scale=_rate_scale(EXPONENTIAL, case))


@exponential_decay.property("each epoch multiplies the rate by gamma: rate(e + 1) = gamma * rate(e)",
                            cases=schedule_cases(EXPONENTIAL, _consecutive), public=True, weight=1.5,
                            max_examples=8,
                            hint="lr0 * gamma ** epoch: gamma is the factor kept per epoch (not the "
                                 "fraction removed), and the exponent is the epoch itself.")
def exponential_ratio(student, case):
    got = rates(student, EXPONENTIAL, case)
    for k in (1, 2):
        assert_rate(got[k], case.gamma * got[k - 1], case.epochs[k], got,
                    f" (gamma times the rate {got[k - 1]:.6g} at epoch {case.epochs[k - 1]})",
                    scale=_rate_scale(EXPONENTIAL, case))




# ------------------------------------------------------------ cosine_annealing

def _endpoints(draw, case):
    return [0, case.t_max]


def _symmetric(draw, case):
    e = draw(st.integers(0, case.t_max - 1))
    return [e, e + 1, case.t_max - e - 1, case.t_max - e]


def _mirrored(draw, case):
    e = draw(st.integers(1, case.t_max))
    return [case.t_max - e, case.t_max + e]


@cosine_annealing.property("the rate is lr0 at epoch 0 and eta_min at epoch t_max",
                           cases=schedule_cases(COSINE, _endpoints), public=True, weight=1,
                           max_examples=6,
                           hint="At epoch 0 the angle is 0 (cos = 1), at t_max it is pi radians "
                                "(cos = -1): eta_min + (lr0 - eta_min) * (1 + cos) / 2.")
def cosine_endpoints(student, case):
    got = rates(student, COSINE, case)
    sc = _rate_scale(COSINE, case)
    assert_rate(got[0], case.lr0, 0, got, " (lr0)", scale=sc)
    assert_rate(got[1], case.eta_min, case.t_max, got, " (t_max: eta_min)", scale=sc)


@cosine_annealing.property("between epoch 0 and t_max the rate decreases and is symmetric about "
                           "the midpoint: rate(e) + rate(t_max - e) = lr0 + eta_min",
                           cases=schedule_cases(COSINE, _symmetric), public=True, weight=1.5,
                           max_examples=8,
                           hint="Half a cosine period over t_max epochs: cos(pi * epoch / t_max) "
                                "in radians, weighted by (lr0 - eta_min) / 2 around the middle "
                                "value (lr0 + eta_min) / 2.")
def cosine_symmetric_decreasing(student, case):
    got = rates(student, COSINE, case)
    rate = dict(zip(case.epochs, got))
    sc = _rate_scale(COSINE, case)
    e = case.epochs[0]
    for a in (e, e + 1):
        b = case.t_max - a
        assert_close(np.float64(rate[a] + rate[b]), np.float64(case.lr0 + case.eta_min), scale=sc,
                     observed=got, name=f"rate({a}) + rate({b}) (t_max = {case.t_max}), compared "
                     "with lr0 + eta_min")
    if rate[e + 1] > rate[e] + 2e-4 * (abs(rate[e]) + sc):
        raise Failure(f"the rate increases from epoch {e} ({rate[e]:.6g}) to epoch {e + 1} "
                      f"({rate[e + 1]:.6g}); before t_max = {case.t_max} it must decrease.",
                      observed=got)


@cosine_annealing.property("after t_max the formula continues (no clamping): the rate at t_max + e "
                           "equals the rate at t_max - e", cases=schedule_cases(COSINE, _mirrored),
                           public=True, weight=1, max_examples=6,
                           hint="Use the same formula for every epoch; the cosine rises again after "
                                "t_max (as torch's CosineAnnealingLR): do not clamp the epoch.")
def cosine_mirrored(student, case):
    got = rates(student, COSINE, case)
    assert_rate(got[1], got[0], case.epochs[1], got,
                f" (mirror of epoch {case.epochs[0]} about t_max = {case.t_max}, rate {got[0]:.6g})",
                scale=_rate_scale(COSINE, case))




# ------------------------------------------------------------ linear_warmup

def _after(draw, case):
    w = case.warmup_epochs
    return [w, w + draw(st.integers(1, MAX_EPOCH))]


def _during(draw, case):
    w = case.warmup_epochs
    if w == 1:
        return [0, 1]
    e = draw(st.integers(0, w - 2))
    return [e, e + 1, e + 2]


@linear_warmup.property("the rate at epoch 0 is lr0 * start_factor",
                        cases=schedule_cases(WARMUP, lambda d, c: [0]), public=True, weight=1,
                        max_examples=5,
                        hint="The factor starts at start_factor (not 0) and grows to 1: "
                             "start_factor + (1 - start_factor) * epoch / warmup_epochs.")
def warmup_start(student, case):
    got = rates(student, WARMUP, case)
    assert_rate(got[0], case.lr0 * case.start_factor, 0, got, " (lr0 * start_factor)",
                scale=_rate_scale(WARMUP, case))


@linear_warmup.property("the rate reaches lr0 at epoch warmup_epochs and stays lr0 afterwards",
                        cases=schedule_cases(WARMUP, _after), public=True, weight=1, max_examples=6,
                        hint="Clamp the progress: min(epoch, warmup_epochs) / warmup_epochs.")
def warmup_reaches_lr0(student, case):
    got = rates(student, WARMUP, case)
    for e, r in zip(case.epochs, got):
        assert_rate(r, case.lr0, e, got, " (lr0 after the warm-up)", scale=_rate_scale(WARMUP, case))


@linear_warmup.property("during the warm-up the rate grows linearly: consecutive epochs differ "
                        "by the same amount lr0 * (1 - start_factor) / warmup_epochs",
                        cases=schedule_cases(WARMUP, _during), public=True, weight=1,
                        max_examples=8,
                        hint="The factor goes from start_factor to 1 in warmup_epochs equal steps: "
                             "use epoch / warmup_epochs, not (epoch + 1) / warmup_epochs.")
def warmup_linear(student, case):
    got = rates(student, WARMUP, case)
    inc = case.lr0 * (1 - case.start_factor) / case.warmup_epochs
    for k in range(1, len(got)):
        assert_close(np.float64(got[k] - got[k - 1]), np.float64(inc), scale=case.lr0, observed=got,
                     name=f"rate({case.epochs[k]}) - rate({case.epochs[k - 1]}) (warmup_epochs = "
                     f"{case.warmup_epochs}, start_factor = {case.start_factor:g})")


