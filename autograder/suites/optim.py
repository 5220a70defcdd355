"""Hidden suite: optim.adam_step.

The exercise, its single-step strategies and its public properties are in
``autograder/public/optim.py``; this module adds the hidden properties and the
mistakes recognised by value. A trajectory case holds the starting parameter
and a sequence of gradients. The catalog of known mistakes computes both kinds
of case, so whichever property fails, the report can say what the submission
probably did. Results are compared with the catalog as (param_new - param, m,
v): the update itself, not the parameter it is added to, so that mistakes are
told apart even when the step is small next to the parameter.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import Case, assert_close, close, strategies as S
from autograder.public.optim import (EDGE, _call, _f64, _hyper, _hyper_kwargs, _observed, _shape,
                                     _state, adam_cases, adam_step)
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
