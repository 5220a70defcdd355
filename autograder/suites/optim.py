"""Hidden suites: the optimiser steps and learning-rate schedules of unit optim.

The exercises, their single-step strategies and their public properties are in
``autograder/public/optim.py``; this module adds the hidden properties and the
mistakes recognised by value. A trajectory case holds the starting parameter
(and, except for Adam, a non-zero starting state) and a sequence of gradients.
The catalog of known mistakes computes both kinds of case, so whichever
property fails, the report can say what the submission probably did. Results
are compared with the catalog as (param_new - param, new state...): the update
itself, not the parameter it is added to, so that mistakes are told apart even
when the step is small next to the parameter. Schedules are compared as the
array of rates at the case's epochs.
"""

import math

import numpy as np
from hypothesis import strategies as st

from autograder.checking import Case, assert_close, close, strategies as S
from autograder.public.optim import (ADAMW_DEFAULTS, ADAMW_EDGE, COSINE, EDGE, EXPONENTIAL,
                                     MAX_EPOCH, MOMENTUM, RMSPROP, SGD, STEP, WARMUP, _adamw_call,
                                     _adamw_hyper, _call, _draw_hyper, _f64, _hyper, _hyper_kwargs,
                                     _observed, _rate_scale, _shape, _state, adam_cases, adam_step,
                                     adamw_cases, adamw_step, cosine_annealing, exponential_decay,
                                     linear_warmup, momentum_step, rates, rmsprop_step,
                                     schedule_cases, sgd_step, step_cases, step_decay, step_example,
                                     step_observed, step_result)
from reference import optim as ref


# ------------------------------------------------------------ cases

@st.composite
def trajectory_cases(draw):
    """A parameter and 3-6 gradients, applied one after the other from zero moments (t = 1, 2...)."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    steps = draw(st.integers(3, 6))
    style, seed = draw(S.styles(("normal", "small_int", "wide", "tiny", "ties"))), draw(S.seeds())
    return Case(param=S.build_array(shape, "normal", seed, dt),
                grads=S.build_array((steps,) + shape, style, seed + 1, dt), **_hyper(draw))


def _scales(case, expected):
    """Size of the terms each result is computed from."""
    g, m, v = _f64(case.grad), _f64(case.m), _f64(case.v)
    b1, b2 = case.beta1, case.beta2
    step = np.abs(_f64(case.param) - expected[0])
    return (np.abs(_f64(case.param)) + step, b1 * np.abs(m) + (1 - b1) * np.abs(g), b2 * v + (1 - b2) * g * g)


def _reference(case):
    if "grads" in case:
        return _run(case, ref.adam_step)
    return ref.adam_step(case.param, case.grad, case.m, case.v, case.t, case.lr, case.beta1,
                         case.beta2, case.eps)


# ------------------------------------------------------------ properties

@adam_step.property("agrees with the reference Adam step on generated inputs (any shape, first "
                    "and later steps, t up to 1e5, non-default hyperparameters, zero, tiny and "
                    "huge gradients, float32 and float64)", cases=adam_cases(), public=False,
                    weight=3, examples=EDGE, max_examples=70)
def matches_reference(student, case):
    got = _state(_call(student, case), case.param.shape)
    expected = _reference(case)
    for name, g, e, sc in zip(("the new param", "the new m", "the new v"), got, expected,
                              _scales(case, expected)):
        assert_close(g, e, name=name, scale=sc, observed=_observed(case, got))


@adam_step.property("follows the reference trajectory over 3-6 steps when its own (param, m, v) "
                    "are fed back with t = 1, 2, 3...", cases=trajectory_cases(), public=False,
                    weight=1, max_examples=12,
                    hint="Return the updated raw moments m and v (not the bias-corrected ones): "
                         "they are the state the next step starts from.")
def trajectory(student, case):
    p = case.param
    m = v = np.zeros_like(case.param)
    for k, g in enumerate(case.grads, start=1):
        p, m, v = _state(student.adam_step(p, g, m, v, k, **_hyper_kwargs(case)), case.param.shape)
    got = (p, m, v)
    expected = _reference(case)
    big = np.abs(_f64(case.grads)).max(axis=0)
    scales = (np.abs(_f64(case.param)) + np.abs(expected[0] - _f64(case.param)), big, big * big)
    for name, g, e, sc in zip(("param", "m", "v"), got, expected, scales):
        assert_close(g, e, name=f"{name} after {len(case.grads)} steps", scale=sc,
                     observed=_observed(case, got))


# ------------------------------------------------------------ known mistakes


def _step(param, grad, m, v, t, lr, beta1, beta2, eps, *, correct_m=True, correct_v=True,
          eps_inside=False, t_shift=0, v_of_grad=False, return_hat=False, swap_moments=False,
          swap_corrections=False):
    """Adam with one or more known mistakes switched on."""
    g, m, v = _f64(grad), _f64(m), _f64(v)
    b1m, b2m = (beta2, beta1) if swap_moments else (beta1, beta2)
    b1c, b2c = (beta2, beta1) if swap_corrections else (beta1, beta2)
    m = b1m * m + (1 - b1m) * g
    v = b2m * v + (1 - b2m) * (g if v_of_grad else g * g)
    with np.errstate(all="ignore"):
        tc = t + t_shift
        m_hat = m / (1 - b1c ** tc) if correct_m else m
        v_hat = v / (1 - b2c ** tc) if correct_v else v
        denom = np.sqrt(v_hat + eps) if eps_inside else np.sqrt(v_hat) + eps
        new_param = _f64(param) - lr * m_hat / denom
    if return_hat:
        return new_param, m_hat, v_hat
    return new_param, m, v


def _run(case, step, **mistake):
    hyper = (case.lr, case.beta1, case.beta2, case.eps)
    if "grads" in case:  # a trajectory: the function's own state is fed back
        p = case.param
        m = v = np.zeros(case.param.shape)
        for k, g in enumerate(case.grads, start=1):
            p, m, v = step(p, g, m, v, k, *hyper, **mistake)
        return p, m, v
    return step(case.param, case.grad, case.m, case.v, case.t, *hyper, **mistake)


def _mistake(id, title="", hint="", **flags):
    """Register one way of making mistake ``id``; it never applies where it gives the right answer."""

    def compute(case):
        wrong = _observed(case, _run(case, _step, **flags))
        if close(wrong, _observed(case, _reference(case)), nan_equal=True):
            raise ValueError("the mistake gives the right answer on this case")
        return wrong

    compute.__name__ = f"_{id}"
    adam_step.mistake(id, title, hint)(compute)


_mistake("no_bias_correction", "skipping the bias correction",
         "Divide m by 1 - beta1**t and v by 1 - beta2**t before the update: both moments start "
         "at zero and are far too small in the first steps otherwise.",
         correct_m=False, correct_v=False)
_mistake("no_bias_correction", correct_m=False)
_mistake("no_bias_correction", correct_v=False)
_mistake("eps_inside_sqrt", "adding eps inside the square root",
         "The standard update (Adam paper, torch.optim.Adam) is m_hat / (sqrt(v_hat) + eps): "
         "eps goes after the square root.", eps_inside=True)
_mistake("t_off_by_one", "using the wrong power t in the bias correction",
         "t counts steps from 1 and is passed to you as it is: use beta1**t and beta2**t, "
         "not t + 1 or t - 1.", t_shift=1)
_mistake("t_off_by_one", t_shift=-1)
_mistake("v_not_squared", "averaging the gradient instead of its square in v",
         "The second moment is v = beta2 * v + (1 - beta2) * grad**2.", v_of_grad=True)
_mistake("returns_corrected_moments", "returning the bias-corrected moments as the new state",
         "Return the raw moments m and v; m_hat and v_hat are only used for this step's update "
         "(the next call corrects again with its own t).", return_hat=True)
_mistake("betas_swapped", "using beta2 for the first moment and beta1 for the second",
         "beta1 (0.9 by default) weighs the gradient average m, beta2 (0.999) the squared-"
         "gradient average v, in the moving averages and in the bias corrections.",
         swap_moments=True, swap_corrections=True)
_mistake("betas_swapped", swap_moments=True)


# ================================================================== SGD, momentum, RMSprop, AdamW
#
# A "rule" runs one exercise's update (the reference, or a known mistake written with the
# reference's signature and returning the tuple (param, *state)) on a case: a single step, or
# a trajectory whose state is fed back from step to step.


class Rule:
    """An update's state names, hyperparameter defaults, and whether it takes the step number t."""

    def __init__(self, state, defaults, has_t=False):
        self.state, self.defaults, self.has_t = state, defaults, has_t

    def step(self, fn, case, param, grad, state, t):
        extra = (t,) if self.has_t else ()
        return fn(param, grad, *state, *extra, **{h: case[h] for h in self.defaults})

    def run(self, fn, case, trace=None):
        """(param, *state) after the case's step(s); ``trace`` collects every intermediate result."""
        state = tuple(case[n] for n in self.state)
        t = case.get("t", 1)
        if "grads" not in case:
            return tuple(self.step(fn, case, case.param, case.grad, state, t))
        p = case.param
        for k, g in enumerate(case.grads):
            p, *state = self.step(fn, case, p, g, state, t + k)
            if trace is not None:
                trace.append((p, *state))
        return (p, *state)


def _sgd_ref(param, grad, lr):
    return (ref.sgd_step(param, grad, lr),)


SGD_RULE = Rule((), SGD.defaults)
MOMENTUM_RULE = Rule(("velocity",), MOMENTUM.defaults)
RMSPROP_RULE = Rule(("sq_avg",), RMSPROP.defaults)
ADAMW_RULE = Rule(("m", "v"), ADAMW_DEFAULTS, has_t=True)


def _rule_scales(rule, case, expected, trace=None):
    """Size of the terms each result is computed from (per coordinate)."""
    g = np.abs(_f64(case.grads if "grads" in case else case.grad[None]))
    p0 = _f64(case.param)
    if trace:
        moves = [np.abs(_f64(a[0]) - _f64(b[0])) for a, b in zip(trace, [(p0,)] + trace[:-1])]
        p_scale = np.abs(p0) + sum(moves)
    else:
        p_scale = np.abs(p0) + np.abs(_f64(expected[0]) - p0)
    history = [np.abs(_f64(case[n])) for n in rule.state]
    out = [p_scale]
    for k, name in enumerate(rule.state):
        seen = np.maximum(history[k], np.max([np.abs(_f64(r[k + 1])) for r in (trace or [expected])], axis=0))
        squared = name in ("sq_avg", "v")
        out.append(seen + (g * g if squared else g).max(axis=0))
    return tuple(out)


def _check_against(rule, got, case, fn, what=""):
    trace = [] if "grads" in case else None
    expected = rule.run(fn, case, trace)
    names = ("param",) + rule.state
    obs = step_observed(case, got)
    for name, a, e, sc in zip(names, got, expected, _rule_scales(rule, case, expected, trace)):
        assert_close(a, e, name=f"the new {name}{what}", scale=sc, observed=obs)


@st.composite
def trajectory_from_state(draw, spec_state, squares, hyper, t=False):
    """A parameter, a NON-ZERO starting state and 3-6 gradients applied one after the other."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    steps = draw(st.integers(3, 6))
    style, seed = draw(S.styles(("normal", "small_int", "wide", "tiny", "ties"))), draw(S.seeds())
    case = Case(param=S.build_array(shape, "normal", seed, dt))
    for k, name in enumerate(spec_state):
        a = S.build_array(shape, style, seed + 2 + k, np.float64)
        case[name] = (a * a if name in squares else a).astype(dt)
    if t:
        case["t"] = draw(st.sampled_from((2, 3, 10, 100)))
    case["grads"] = S.build_array((steps,) + shape, style, seed + 1, dt)
    case.update(hyper(draw))
    return case


def _trajectory(student, function, rule, case, result):
    """Run the student's ``function`` over the case's gradients, feeding its own state back."""
    state = tuple(case[n] for n in rule.state)
    p = case.param
    t = case.get("t", 1)
    for k, g in enumerate(case.grads):
        extra = (t + k,) if rule.has_t else ()
        p, *state = result(student.call(function, p, g, *state, *extra,
                                        **_hyper_kwargs(case, rule.defaults)))
    return (p, *state)


def _hyper_of(spec):
    return lambda draw: _draw_hyper(draw, spec.defaults, spec.choices)


def _mistakes(ex, rule, right):
    """``add(id, title, hint, fn)``: register ``fn`` (the reference's signature) as a mistake."""

    def add(id, title, hint, fn):
        def compute(case):
            with np.errstate(all="ignore"):
                wrong = step_observed(case, rule.run(fn, case))
            if close(wrong, step_observed(case, rule.run(right, case)), nan_equal=True):
                raise ValueError("the mistake gives the right answer on this case")
            return wrong

        compute.__name__ = f"_{id}"
        ex.mistake(id, title, hint)(compute)

    ex.reference = lambda case: step_observed(case, rule.run(right, case))
    return add


# ------------------------------------------------------------ sgd_step

SGD_EDGE = (
    step_example(SGD, (3,)),
    step_example(SGD, (0,)),
    step_example(SGD, (2, 0, 3)),
    step_example(SGD, (1,), style="small_int", lr=0.1),
    step_example(SGD, (2, 3), style="large", dtype=np.float32, lr=1e-3),
    step_example(SGD, (4,), style="tiny", lr=1.0),
    step_example(SGD, (5,), style="ties", lr=0.5),
    step_example(SGD, (2, 2), state="zero_grad"),
)


def _sgd_call(student, case):
    return student.sgd_step(case.param, case.grad, **_hyper_kwargs(case, SGD.defaults))


@sgd_step.property("agrees with the reference SGD step on generated inputs (any shape, learning "
                   "rates from 1e-3 to 1, tiny and huge gradients, float32 and float64)",
                   cases=step_cases(SGD), public=False, weight=3, examples=SGD_EDGE, max_examples=14)
def sgd_matches_reference(student, case):
    _check_against(SGD_RULE, step_result(_sgd_call(student, case), SGD, case.param.shape), case, _sgd_ref)


@sgd_step.property("follows the reference trajectory over 3-6 steps when its own param is fed back",
                   cases=trajectory_from_state((), (), _hyper_of(SGD)),
                   public=False, weight=1, max_examples=5)
def sgd_trajectory(student, case):
    got = _trajectory(student, "sgd_step", SGD_RULE, case,
                      lambda res: step_result(res, SGD, case.param.shape))
    _check_against(SGD_RULE, got, case, _sgd_ref, f" after {len(case.grads)} steps")


_sgd = _mistakes(sgd_step, SGD_RULE, _sgd_ref)
_sgd("plus_instead_of_minus", "adding the step instead of subtracting it",
     "Gradient descent moves AGAINST the gradient: param - lr * grad.",
     lambda p, g, lr: (_f64(p) + lr * _f64(g),))
_sgd("lr_ignored", "not multiplying the gradient by the learning rate",
     "The step is lr * grad: use the lr argument (and its default 0.01).",
     lambda p, g, lr: (_f64(p) - _f64(g),))
_sgd("lr_ignored", "", "", lambda p, g, lr: (_f64(p) - 0.01 * _f64(g),))
_sgd("returns_update", "returning the step lr * grad instead of the new parameter",
     "Return the updated parameter param - lr * grad, not the step.",
     lambda p, g, lr: (lr * _f64(g),))
_sgd("returns_update", "", "", lambda p, g, lr: (-lr * _f64(g),))
_sgd("sign_of_gradient", "stepping by lr times the sign of the gradient",
     "Plain SGD scales the step by the gradient itself: param - lr * grad (steep directions take "
     "bigger steps).", lambda p, g, lr: (_f64(p) - lr * np.sign(_f64(g)),))
_sgd("grad_averaged", "subtracting lr times the MEAN of the gradient from every entry",
     "Each coordinate moves by its own gradient: param - lr * grad, element by element.",
     lambda p, g, lr: (_f64(p) - lr * _f64(g).mean(),))


# ------------------------------------------------------------ momentum_step

MOMENTUM_EDGE = (
    step_example(MOMENTUM, (3,)),                                           # random velocity
    step_example(MOMENTUM, (0,)),
    step_example(MOMENTUM, (2, 0, 3)),
    step_example(MOMENTUM, (3,), state="zero"),                             # first step
    step_example(MOMENTUM, (1,), style="small_int", lr=0.1, beta=0.0),      # plain SGD
    step_example(MOMENTUM, (2, 2), state="zero_grad", lr=1.0),              # only decays
    step_example(MOMENTUM, (2, 3), style="large", dtype=np.float32, beta=0.99),
    step_example(MOMENTUM, (4,), style="wide", lr=1.0, beta=0.3),
)


def _momentum_call(student, case, **over):
    return student.momentum_step(case.param, case.grad, case.velocity,
                                 **{**_hyper_kwargs(case, MOMENTUM.defaults), **over})


@momentum_step.property("agrees with the reference momentum step on generated inputs (zero and "
                        "non-zero velocity, beta from 0 to 0.99, float32 and float64)",
                        cases=step_cases(MOMENTUM), public=False, weight=3, examples=MOMENTUM_EDGE,
                        max_examples=14)
def momentum_matches_reference(student, case):
    got = step_result(_momentum_call(student, case), MOMENTUM, case.param.shape)
    _check_against(MOMENTUM_RULE, got, case, ref.momentum_step)


@momentum_step.property("follows the reference trajectory over 3-6 steps from a non-zero velocity "
                        "when its own (param, velocity) are fed back",
                        cases=trajectory_from_state(("velocity",), (), _hyper_of(MOMENTUM)),
                        public=False, weight=1.5, max_examples=6,
                        hint="Return the new velocity (beta * v + (1 - beta) * grad): it is the "
                             "state the next step starts from.")
def momentum_trajectory(student, case):
    got = _trajectory(student, "momentum_step", MOMENTUM_RULE, case,
                      lambda res: step_result(res, MOMENTUM, case.param.shape))
    _check_against(MOMENTUM_RULE, got, case, ref.momentum_step, f" after {len(case.grads)} steps")


def _momentum_wrong(velocity_rule, use_old=False, sign=-1.0, lr_in_velocity=False):
    def step(p, g, v, lr, beta):
        p, g, v = _f64(p), _f64(g), _f64(v)
        new = velocity_rule(v, g, lr, beta)
        if lr_in_velocity:
            return p + new, new
        return p + sign * lr * (v if use_old else new), new
    return step


_momentum = _mistakes(momentum_step, MOMENTUM_RULE, ref.momentum_step)
_momentum("torch_style_undamped", "adding the whole gradient to the velocity (v = beta * v + grad)",
          "This exercise uses the course's damped form v = beta * v + (1 - beta) * grad (torch's "
          "SGD with dampening=beta); without the factor 1 - beta the steps are about "
          "1 / (1 - beta) times too long.",
          _momentum_wrong(lambda v, g, lr, b: b * v + g))
_momentum("velocity_sign", "mixing the form v = beta * v - lr * grad, param + v with the course's form",
          "In this exercise the velocity averages the gradients, v = beta * v + (1 - beta) * "
          "grad, and the parameter moves against it: param - lr * v.",
          _momentum_wrong(lambda v, g, lr, b: b * v - lr * g, lr_in_velocity=True))
_momentum("velocity_sign", "", "", _momentum_wrong(lambda v, g, lr, b: b * v - (1 - b) * g, sign=1.0))
_momentum("beta_on_gradient", "weighting the gradient by beta and the old velocity by 1 - beta",
          "beta weighs the OLD velocity: v = beta * v + (1 - beta) * grad (beta = 0.9 keeps 90% "
          "of the velocity).",
          _momentum_wrong(lambda v, g, lr, b: (1 - b) * v + b * g))
_momentum("update_uses_old_velocity", "moving param with the old velocity",
          "Update the velocity first, then move param with the NEW velocity: param - lr * v_new.",
          _momentum_wrong(lambda v, g, lr, b: b * v + (1 - b) * g, use_old=True))
_momentum("returns_old_velocity", "returning the velocity it was given instead of the new one",
          "Return (new param, NEW velocity): the next call starts from the velocity you return.",
          lambda p, g, v, lr, beta: (_f64(p) - lr * (beta * _f64(v) + (1 - beta) * _f64(g)), _f64(v)))


# ------------------------------------------------------------ rmsprop_step

RMSPROP_EDGE = (
    step_example(RMSPROP, (3,), state="zero"),                               # first step
    step_example(RMSPROP, (0,)),
    step_example(RMSPROP, (2, 0, 3)),
    step_example(RMSPROP, (3,), lr=0.1, alpha=0.9, eps=1e-3),
    step_example(RMSPROP, (2, 2), style="tiny", eps=0.1),                    # eps dominates
    step_example(RMSPROP, (4,), style="tiny", state="zero", eps=1e-8),       # |g| ~ 1e-6
    step_example(RMSPROP, (3,), state="zero_grad"),
    step_example(RMSPROP, (5,), style="ties", state="zero"),                 # zero gradients, zero average
    step_example(RMSPROP, (2, 3), style="large", dtype=np.float32, alpha=0.0),
)


def _rmsprop_call(student, case, **over):
    return student.rmsprop_step(case.param, case.grad, case.sq_avg,
                                **{**_hyper_kwargs(case, RMSPROP.defaults), **over})


@rmsprop_step.property("agrees with the reference RMSprop step on generated inputs (zero and "
                       "non-zero averages, alpha from 0 to 0.999, eps from 1e-8 to 0.1, tiny and "
                       "huge gradients, float32 and float64)", cases=step_cases(RMSPROP),
                       public=False, weight=3, examples=RMSPROP_EDGE, max_examples=14)
def rmsprop_matches_reference(student, case):
    got = step_result(_rmsprop_call(student, case), RMSPROP, case.param.shape)
    _check_against(RMSPROP_RULE, got, case, ref.rmsprop_step)


@rmsprop_step.property("follows the reference trajectory over 3-6 steps from a non-zero average "
                       "when its own (param, sq_avg) are fed back",
                       cases=trajectory_from_state(("sq_avg",), ("sq_avg",), _hyper_of(RMSPROP)),
                       public=False, weight=1.5, max_examples=6,
                       hint="Return the new average alpha * sq_avg + (1 - alpha) * grad**2: it "
                            "is the state the next step starts from.")
def rmsprop_trajectory(student, case):
    got = _trajectory(student, "rmsprop_step", RMSPROP_RULE, case,
                      lambda res: step_result(res, RMSPROP, case.param.shape))
    _check_against(RMSPROP_RULE, got, case, ref.rmsprop_step, f" after {len(case.grads)} steps")


def _rmsprop_wrong(average, denominator=lambda s, eps: np.sqrt(s) + eps, use_old=False):
    def step(p, g, s, lr, alpha, eps):
        p, g, s = _f64(p), _f64(g), _f64(s)
        new = average(s, g, alpha)
        return p - lr * g / denominator(s if use_old else new, eps), new
    return step


def _ema(s, g, a):
    return a * s + (1 - a) * g * g


_rmsprop = _mistakes(rmsprop_step, RMSPROP_RULE, ref.rmsprop_step)
_rmsprop("eps_inside_sqrt", "adding eps inside the square root",
         "torch.optim.RMSprop divides by sqrt(s) + eps: eps goes after the square root (one line "
         "of the course text puts it inside; this exercise follows torch).",
         _rmsprop_wrong(_ema, lambda s, eps: np.sqrt(s + eps)))
_rmsprop("alpha_swapped", "weighting the old average by 1 - alpha and the new square by alpha",
         "alpha weighs the OLD average: s = alpha * s + (1 - alpha) * grad**2 (alpha = 0.99 keeps "
         "99% of it).", _rmsprop_wrong(lambda s, g, a: (1 - a) * s + a * g * g))
_rmsprop("squares_not_averaged", "summing the squared gradients instead of averaging them",
         "A running sum (AdaGrad) only grows; RMSprop keeps a moving average, s = alpha * s + "
         "(1 - alpha) * grad**2.", _rmsprop_wrong(lambda s, g, a: s + g * g))
_rmsprop("squares_not_averaged", "", "", _rmsprop_wrong(lambda s, g, a: s + (1 - a) * g * g))
_rmsprop("sqrt_missing", "dividing by the average itself instead of its square root",
         "Divide by the ROOT mean square: grad / (sqrt(s) + eps).",
         _rmsprop_wrong(_ema, lambda s, eps: s + eps))
_rmsprop("update_uses_old_sq_avg", "dividing by the old average",
         "Update the average with this step's gradient first, then divide by sqrt of the NEW "
         "average.", _rmsprop_wrong(_ema, use_old=True))
_rmsprop("grad_not_squared", "averaging the gradient instead of its square",
         "s averages grad**2 (always >= 0); the average of the gradient itself can be negative "
         "and its root nan.", _rmsprop_wrong(lambda s, g, a: a * s + (1 - a) * g))


# ------------------------------------------------------------ adamw_step

def _adamw_ref(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
    return ref.adamw_step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay)


@adamw_step.property("agrees with the reference AdamW step on generated inputs (any shape, first "
                     "and later steps, t up to 1e5, weight decay from 0 to 0.9, zero, tiny and "
                     "huge gradients, float32 and float64)", cases=adamw_cases(), public=False,
                     weight=3, examples=ADAMW_EDGE, max_examples=15)
def adamw_matches_reference(student, case):
    got = _state(_adamw_call(student, case), case.param.shape, "adamw_step")
    _check_against(ADAMW_RULE, got, case, _adamw_ref)


@adamw_step.property("follows the reference trajectory over 3-6 steps from non-zero moments (t "
                     "starting at 2 to 100) when its own (param, m, v) are fed back with t, t + 1...",
                     cases=trajectory_from_state(("m", "v"), ("v",), _adamw_hyper, t=True),
                     public=False, weight=1.5, max_examples=6,
                     hint="Return the raw moments m and v (not the bias-corrected ones), and "
                          "decay the parameter at every step.")
def adamw_trajectory(student, case):
    got = _trajectory(student, "adamw_step", ADAMW_RULE, case,
                      lambda res: _state(res, case.param.shape, "adamw_step"))
    _check_against(ADAMW_RULE, got, case, _adamw_ref, f" after {len(case.grads)} steps")


def _adamw_wrong(decay="before", **flags):
    """Adam's known-mistake step (``_step``) with the weight decay applied in one of several ways."""

    def step(param, grad, m, v, t, lr, beta1, beta2, eps, weight_decay):
        p, g = _f64(param), _f64(grad)
        if decay == "l2":
            return _step(p, g + weight_decay * p, m, v, t, lr, beta1, beta2, eps, **flags)
        if decay == "after":
            new, m, v = _step(p, g, m, v, t, lr, beta1, beta2, eps, **flags)
            return new * (1 - lr * weight_decay), m, v
        factor = 1 - weight_decay if decay == "no_lr" else 1 - lr * weight_decay
        return _step(p * factor, g, m, v, t, lr, beta1, beta2, eps, **flags)

    return step


_adamw = _mistakes(adamw_step, ADAMW_RULE, _adamw_ref)
_adamw("l2_coupled", "adding weight_decay * param to the gradient (Adam with an L2 penalty)",
       "AdamW decouples the decay from the gradient: multiply param by (1 - lr * weight_decay) "
       "and compute m and v from the gradient alone.", _adamw_wrong("l2"))
_adamw("decay_after_update", "decaying the updated parameter",
       "Decay the parameter you were given, then subtract the Adam step: param * (1 - lr * "
       "weight_decay) - lr * m_hat / (sqrt(v_hat) + eps).", _adamw_wrong("after"))
_adamw("decay_missing_lr", "decaying by (1 - weight_decay) instead of (1 - lr * weight_decay)",
       "The decay is scaled by the learning rate: param * (1 - lr * weight_decay).",
       _adamw_wrong("no_lr"))
_adamw("no_bias_correction", "skipping the bias correction",
       "Divide m by 1 - beta1**t and v by 1 - beta2**t before the update, as in adam_step.",
       _adamw_wrong(correct_m=False, correct_v=False))
_adamw("no_bias_correction", "", "", _adamw_wrong(correct_m=False))
_adamw("no_bias_correction", "", "", _adamw_wrong(correct_v=False))
_adamw("eps_inside_sqrt", "adding eps inside the square root",
       "torch.optim.AdamW divides by sqrt(v_hat) + eps: eps goes after the square root.",
       _adamw_wrong(eps_inside=True))


# ================================================================== schedules

def _schedule_reference(spec, fn):
    def rates_of(case):
        params = [case[k] for k in spec.required] + [case[k] for k in spec.keywords]
        return np.array([fn(case.lr0, e, *params) for e in case.epochs], dtype=np.float64)
    return rates_of


def _interesting_epochs(spec):
    """0, two random epochs up to MAX_EPOCH, and epochs at the schedule's landmarks.

    Step decay: the last epoch of the first block, the first of the second and
    of a later one; cosine: t_max - 1, t_max and an epoch past t_max; warm-up:
    its middle, last epoch and end.
    """

    def epochs(draw, case):
        rng = np.random.default_rng(draw(S.seeds()))
        out = [0] + [int(e) for e in rng.integers(1, MAX_EPOCH + 1, size=2 if spec is not EXPONENTIAL else 3)]
        if spec is STEP:
            n = case.step_size
            out += [n - 1, n, n * int(rng.integers(2, max(3, MAX_EPOCH // n + 1)))]
        elif spec is COSINE:
            n = case.t_max
            out += [n - 1, n, n + int(rng.integers(1, n + 1))]
        elif spec is WARMUP:
            n = case.warmup_epochs
            out += [n // 2, n - 1, n]
        return out

    return epochs


def _schedule_matches(spec, ex, fn, examples, max_examples):
    reference = _schedule_reference(spec, fn)

    @ex.property("agrees with the reference schedule on generated inputs (epochs 0 to 200 and "
                 "around the schedule's landmarks, lr0 from 1e-5 to 2.5, the parameters over "
                 "their whole range)", cases=schedule_cases(spec, _interesting_epochs(spec)),
                 public=False, weight=3, examples=examples, max_examples=max_examples)
    def matches_reference(student, case):
        got = rates(student, spec, case)
        want = reference(case)
        assert_close(got, want, name=f"the rates at epochs {list(case.epochs)}",
                     scale=_rate_scale(spec, case), observed=got)

    ex.reference = reference
    return matches_reference


def _schedule_mistakes(spec, ex):
    right = _schedule_reference(spec, getattr(ref, ex.function))

    def add(id, title, hint, fn):
        wrong_rates = _schedule_reference(spec, fn)

        def compute(case):
            with np.errstate(all="ignore"):
                wrong = wrong_rates(case)
            if close(wrong, right(case), nan_equal=True):
                raise ValueError("the mistake gives the right answer on this case")
            return wrong

        compute.__name__ = f"_{id}"
        ex.mistake(id, title, hint)(compute)

    return add


def _sched_case(spec, lr0, epochs, **params):
    return Case(lr0=lr0, **{k: params[k] for k in spec.required},
                **{k: params.get(k, d) for k, d in spec.keywords.items()}, epochs=tuple(epochs))


# ------------------------------------------------------------ step_decay

STEP_EDGE = (
    _sched_case(STEP, 1.0, range(4), step_size=1, gamma=0.1),
    _sched_case(STEP, 0.5, (0, 1, 2, 3, 5, 6, 100), step_size=3, gamma=0.5),
    _sched_case(STEP, 0.1, (0, 9, 10, 19, 20, 200), step_size=10),           # default gamma
    _sched_case(STEP, 3e-4, (0, 99, 100, 199, 200), step_size=100, gamma=0.3),
    _sched_case(STEP, 2.5, (0, 1, 7, 50), step_size=2, gamma=1.0),
)
step_decay_matches = _schedule_matches(STEP, step_decay, ref.step_decay, STEP_EDGE, 8)
_decay = _schedule_mistakes(STEP, step_decay)
_decay("no_floor", "using epoch / step_size without rounding down",
      "The rate drops once per completed block: use integer division, epoch // step_size.",
      lambda lr0, e, s, gamma: lr0 * gamma ** (e / s))
_decay("epoch_off_by_one", "counting epochs from 1 (epoch + 1)",
      "Epochs count from 0 and epoch 0 uses lr0: gamma ** (epoch // step_size).",
      lambda lr0, e, s, gamma: lr0 * gamma ** ((e + 1) // s))
_decay("epoch_off_by_one", "", "", lambda lr0, e, s, gamma: lr0 * gamma ** max(0, (e - 1) // s))
_decay("decays_every_epoch", "multiplying by gamma every epoch instead of every step_size epochs",
      "That is exponential decay; step decay keeps the rate constant for step_size epochs: "
      "gamma ** (epoch // step_size).", lambda lr0, e, s, gamma: lr0 * gamma ** e)
_decay("ceil_instead_of_floor", "rounding epoch / step_size up",
      "Round DOWN (epoch // step_size): the first drop happens at epoch step_size, not at epoch 1.",
      lambda lr0, e, s, gamma: lr0 * gamma ** math.ceil(e / s))
_decay("gamma_times_drops", "multiplying by gamma * (epoch // step_size) instead of a power",
      "Each drop multiplies the rate by gamma again: lr0 * gamma ** (epoch // step_size).",
      lambda lr0, e, s, gamma: lr0 * gamma * (e // s))
_decay("modulo_instead_of_division", "using epoch % step_size instead of epoch // step_size",
      "The exponent counts completed blocks (integer division //); % gives the position inside "
      "the block and makes the rate jump back to lr0 at every block.",
      lambda lr0, e, s, gamma: lr0 * gamma ** (e % s))


# ------------------------------------------------------------ exponential_decay

EXPONENTIAL_EDGE = (
    _sched_case(EXPONENTIAL, 1.0, range(5), gamma=0.5),
    _sched_case(EXPONENTIAL, 0.1, (0, 1, 100, 200), gamma=0.1),                # down to 1e-201
    _sched_case(EXPONENTIAL, 2.5, (0, 3, 200), gamma=1.0),
    _sched_case(EXPONENTIAL, 3e-4, (0, 1, 2, 50, 150), gamma=0.99),
)
exponential_matches = _schedule_matches(EXPONENTIAL, exponential_decay, ref.exponential_decay,
                                        EXPONENTIAL_EDGE, 10)
_exp = _schedule_mistakes(EXPONENTIAL, exponential_decay)
_exp("gamma_times_epoch", "multiplying by gamma * epoch instead of raising gamma to the epoch",
     "The factor compounds: lr0 * gamma ** epoch.", lambda lr0, e, gamma: lr0 * gamma * e)
_exp("epoch_off_by_one", "raising gamma to epoch + 1 (or epoch - 1)",
     "Epoch e uses exactly e factors gamma: lr0 * gamma ** epoch (lr0 itself at epoch 0).", lambda lr0, e, gamma: lr0 * gamma ** (e + 1))
_exp("epoch_off_by_one", "", "", lambda lr0, e, gamma: lr0 * gamma ** max(0, e - 1))
_exp("one_minus_gamma", "using (1 - gamma) as the factor per epoch",
     "gamma is the fraction KEPT each epoch (0.95 keeps 95%): lr0 * gamma ** epoch.",
     lambda lr0, e, gamma: lr0 * (1 - gamma) ** e)
_exp("inverse_time_decay", "using lr0 / (1 + gamma * epoch)",
     "That is inverse-time decay, another schedule; exponential decay multiplies by gamma every "
     "epoch: lr0 * gamma ** epoch.", lambda lr0, e, gamma: lr0 / (1 + gamma * e))
_exp("continuous_exp", "using lr0 * exp(-gamma * epoch)",
     "This schedule multiplies by gamma every epoch: lr0 * gamma ** epoch (torch's "
     "ExponentialLR), not exp(-gamma * epoch).", lambda lr0, e, gamma: lr0 * math.exp(-gamma * e))


# ------------------------------------------------------------ cosine_annealing

COSINE_EDGE = (
    _sched_case(COSINE, 1.0, (0, 1, 2, 3, 5), t_max=4),
    _sched_case(COSINE, 1.0, (0, 1, 2, 3), t_max=1, eta_min=0.1),
    _sched_case(COSINE, 0.1, (0, 1, 5, 9, 10, 11), t_max=10, eta_min=0.001),
    _sched_case(COSINE, 3e-4, (0, 100, 199, 200), t_max=200, eta_min=3e-5),
    _sched_case(COSINE, 2.5, (0, 1, 2, 3, 4, 6), t_max=3),
)
cosine_matches = _schedule_matches(COSINE, cosine_annealing, ref.cosine_annealing, COSINE_EDGE, 8)
_cos = _schedule_mistakes(COSINE, cosine_annealing)


def _cosine(angle, half=True, lo=None, cos=math.cos):
    def rate(lr0, e, t_max, eta_min):
        low = eta_min if lo is None else lo(eta_min)
        w = (1 + cos(angle(e, t_max)))
        return low + (lr0 - (eta_min if lo is None else 0.0)) * (w / 2 if half else w)
    return rate


_radians = lambda e, t: math.pi * e / t  # noqa: E731
_cos("degrees", "measuring the angle in degrees",
     "math.cos takes radians: the angle is pi * epoch / t_max (pi, not 180, at t_max).",
     _cosine(lambda e, t: 180.0 * e / t))
_cos("degrees", "", "", _cosine(lambda e, t: math.radians(math.pi * e / t)))
_cos("missing_half", "forgetting the factor 1/2",
     "(1 + cos) runs from 2 to 0: halve it so the rate goes from lr0 to eta_min.",
     _cosine(_radians, half=False))
_cos("eta_min_wrong", "adding eta_min to the full cosine term",
     "Anneal the DIFFERENCE: eta_min + (lr0 - eta_min) * (1 + cos) / 2, so epoch 0 gives lr0.",
     _cosine(_radians, lo=lambda m: m))
_cos("eta_min_wrong", "", "", _cosine(_radians, lo=lambda m: 0.0))
_cos("t_max_ignored", "leaving t_max out of the angle (cos(pi * epoch))",
     "The angle grows from 0 to pi over t_max epochs: pi * epoch / t_max.",
     _cosine(lambda e, t: math.pi * e))
_cos("sin_instead", "using sin instead of cos",
     "The rate starts at lr0 because cos(0) = 1: use cos(pi * epoch / t_max).",
     _cosine(_radians, cos=math.sin))
_cos("clamped_after_t_max", "stopping at eta_min after t_max",
     "This exercise follows torch's closed form for every epoch: after t_max the cosine rises "
     "again (do not clamp the epoch to t_max).",
     lambda lr0, e, t, m: ref.cosine_annealing(lr0, min(e, t), t, m))
_cos("integer_division", "computing the angle with integer division",
     "epoch // t_max is 0 for every epoch before t_max: use true division, pi * epoch / t_max.",
     _cosine(lambda e, t: math.pi * (e // t)))


# ------------------------------------------------------------ linear_warmup

WARMUP_EDGE = (
    _sched_case(WARMUP, 1.0, range(7), warmup_epochs=5),                       # default start_factor
    _sched_case(WARMUP, 0.1, (0, 1, 2, 10), warmup_epochs=1, start_factor=0.5),
    _sched_case(WARMUP, 2.5, (0, 3, 10), warmup_epochs=4, start_factor=1.0),
    _sched_case(WARMUP, 3e-4, (0, 1, 50, 99, 100, 200), warmup_epochs=100, start_factor=0.01),
    _sched_case(WARMUP, 0.05, (0, 1, 2, 3, 4), warmup_epochs=3, start_factor=1 / 3),
)
warmup_matches = _schedule_matches(WARMUP, linear_warmup, ref.linear_warmup, WARMUP_EDGE, 8)
_warm = _schedule_mistakes(WARMUP, linear_warmup)
_warm("ignores_start_factor", "starting the warm-up at 0",
      "Epoch 0 uses lr0 * start_factor: the factor is start_factor + (1 - start_factor) * "
      "progress.", lambda lr0, e, w, sf: lr0 * min(e, w) / w)
_warm("no_clamp", "not stopping at lr0 after the warm-up",
      "After warmup_epochs the rate stays lr0: clamp the progress, min(epoch, warmup_epochs) / "
      "warmup_epochs.", lambda lr0, e, w, sf: lr0 * (sf + (1 - sf) * e / w))
_warm("epoch_plus_one", "using (epoch + 1) / warmup_epochs",
      "Epoch 0 must give lr0 * start_factor: the progress is epoch / warmup_epochs.",
      lambda lr0, e, w, sf: lr0 * (sf + (1 - sf) * min(e + 1, w) / w))
_warm("epoch_plus_one", "", "", lambda lr0, e, w, sf: lr0 * (sf + (1 - sf) * (e + 1) / w))
_warm("missing_one_minus_start_factor", "adding the full progress to start_factor",
      "The factor goes from start_factor to exactly 1: start_factor + (1 - start_factor) * "
      "min(epoch, warmup_epochs) / warmup_epochs.",
      lambda lr0, e, w, sf: lr0 * min(1.0, sf + e / w))
_warm("missing_one_minus_start_factor", "", "", lambda lr0, e, w, sf: lr0 * (sf + min(e, w) / w))
_warm("linspace_off_by_one", "reaching lr0 one epoch early (np.linspace(start_factor, 1, "
      "warmup_epochs))", "warmup_epochs equal steps lead from start_factor (epoch 0) to 1 (epoch "
      "warmup_epochs): a table of warmup_epochs values ends one epoch early; use epoch / "
      "warmup_epochs.", lambda lr0, e, w, sf: lr0 * np.linspace(sf, 1.0, w)[min(e, w - 1)])
_warm("returns_factor", "returning the factor instead of the rate",
      "Multiply the factor by lr0: the function returns a learning rate.",
      lambda lr0, e, w, sf: sf + (1 - sf) * min(e, w) / w)
