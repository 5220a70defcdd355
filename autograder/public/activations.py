"""Public checks: the activations unit.

``softmax`` and ``log_softmax`` normalise along one axis. The six elementwise
activations (sigmoid, tanh, ReLU, leaky ReLU, GELU, softplus) are each a pair
of exercises ``<name>_forward(x, ...) -> (out, cache)`` and
``<name>_backward(dout, cache) -> dx``, with dx the gradient of
sum(out * dout). Their common properties (shapes and dtypes for any shape,
finite results for |x| up to 1e4, inputs left unchanged, the backward pass
against central differences of the student's own forward pass, linearity in
dout) are registered for every pair by one factory, `activation_pair`; each
function then adds its own invariants (symmetries, ranges, exact values at
0, the slope's symmetry and range).

Students receive this module (see `autograder.public`); the hidden part of the
suite is in ``autograder/suites/activations.py``.
"""

import math
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (RTOL, Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, unpack)
from autograder.checking.compare import f64 as _f64
from autograder.checking import strategies as S

softmax = Exercise("activations.softmax")


@st.composite
def softmax_cases(draw, max_ndim=3):
    ndim = draw(st.integers(1, max_ndim))
    shape = tuple(draw(S.dims(1, 5)) for _ in range(ndim))
    x = draw(S.arrays(shape))
    if draw(st.booleans()):  # push some slices far from the others (1e3 to 1e4 apart)
        rng = np.random.default_rng(draw(S.seeds()))
        offsets = rng.choice([0.0, -1e4, 1e4, 3e3, -700.0], size=shape[:1] + (1,) * (ndim - 1))
        x = (x.astype(np.float64) + offsets).astype(x.dtype)
    axis = draw(st.integers(-ndim, ndim - 1))
    return Case(x=x, axis=axis)


@st.composite
def shifted_cases(draw):
    """A case plus ``shift``: one constant per slice along the axis."""
    case = draw(softmax_cases(max_ndim=2))
    shape = list(case.x.shape)
    shape[case.axis] = 1
    rng = np.random.default_rng(draw(S.seeds()))
    case["shift"] = rng.choice([-1e4, -50.0, 3.0, 800.0, 1e4], size=shape)
    return case


def _case(x, axis=-1, dtype=np.float64):
    return Case(x=np.array(x, dtype=dtype), axis=axis)


EDGE = (
    _case([[1.0, 2.0, 3.0]]),
    _case([[1000.0, 1001.0], [-1000.0, -1002.0]]),
    _case([[1e4, -1e4, 0.0], [5.0, 5.0, 5.0]], dtype=np.float32),
    _case([[0.5, 0.5, 0.5, 0.5]], axis=0),
    _case([[1.0, 2.0], [3.0, 5.0]], axis=0),
    _case(np.zeros((2, 0, 3)), axis=-1),  # empty batch; the softmax axis itself is never empty
    _case([7.0]),
)


def _call(student, case, **kw):
    return student.softmax(case.x, axis=case.axis, **kw)


@softmax.property("returns an array of x's shape whose slices along axis are probability "
                  "distributions (entries in [0, 1], summing to 1)", cases=softmax_cases(),
                  public=True, weight=1, examples=EDGE[:3], max_examples=25,
                  hint="Normalise along the given axis, keeping its dimension (keepdims=True) so "
                       "the division broadcasts correctly.")
def is_distribution(student, case):
    out = as_float_array(_call(student, case), "softmax(x)", case.x.shape)
    if not np.all(np.isfinite(out)):
        raise Failure("softmax(x) contains non-finite values (nan or inf). Subtract the maximum "
                      "along the axis before exponentiating.", observed=out)
    if out.size and (out.min() < -1e-6 or out.max() > 1 + 1e-6):
        raise Failure(f"softmax(x) has entries outside [0, 1] (min {out.min():.4g}, max {out.max():.4g}).",
                      observed=out)
    sums = out.astype(np.float64).sum(axis=case.axis)
    assert_close(sums, np.ones_like(sums), name="the sums along axis", scale=1.0, observed=out)


@softmax.property("is unchanged when a constant is added to every entry of a slice along axis "
                  "(even a constant of 1e4)", cases=shifted_cases(), public=True, weight=1,
                  max_examples=20, hint="softmax(x) = softmax(x - c) for any c constant along the "
                  "axis: use c = max along the axis to avoid overflow in exp.")
def shift_invariant(student, case):
    x = case.x.astype(np.float64)
    base = as_float_array(_call(student, case), "softmax(x)", x.shape)
    moved = as_float_array(student.softmax((x + case.shift).astype(case.x.dtype), axis=case.axis),
                           "softmax(x + shift)", x.shape)
    if case.x.dtype == np.float32:  # x + c rounds in float32: compare against itself only
        return
    assert_close(moved, base, name="softmax(x + shift) compared with softmax(x)", scale=1.0)


@softmax.property("does not modify its input", cases=softmax_cases(max_ndim=2), public=True,
                  weight=0.5, max_examples=15, standalone=False)
def input_unchanged(student, case):
    _, args, kwargs = student.call("softmax", case.x, axis=case.axis, echo=True)
    assert_unchanged([case.x], args, ["x"])


# ================================================================== log_softmax

log_softmax = Exercise("activations.log_softmax")

#: The first example discriminates the catalog of mistakes: square (so a log-sum-exp without
#: keepdims still broadcasts), one slice 2e4 wide (the log of an underflowed probability is -inf)
#: and far from 0 (a max not added back shows).
LOG_EDGE = (
    _case([[1e4, -1e4], [1.0, 3.0]]),
    _case([[1e4, -1e4], [1.0, 3.0], [-800.0, -801.0]]),
    _case([[1.0, 2.0, 3.0]]),
    _case([[1000.0, 1001.0], [-1000.0, -1002.0]], axis=0),
    _case([[1e4, -1e4, 0.0], [5.0, 5.0, 5.0]], dtype=np.float32),
    _case([[0.5, 0.5, 0.5, 0.5]], axis=0),
    _case(np.zeros((2, 0, 3)), axis=-1),
    _case([7.0]),
)


def _log_call(student, case, x=None):
    x = case.x if x is None else x
    out = student.log_softmax(x, axis=case.axis)
    return _checked(out, "log_softmax(x)", x.shape)


def _checked(v, name, shape):
    """as_float_array, with the student's value kept as ``observed`` for the mistake catalog."""
    try:
        return as_float_array(v, name, shape)
    except Failure as f:
        f.observed = v
        raise


def _log_scale(x, axis):
    """Size of the terms each log-softmax entry is computed from: |x| and the slice's max."""
    x = np.abs(np.asarray(x, dtype=np.float64))
    if x.size == 0:
        return x
    return x + np.max(x, axis=axis, keepdims=True)


@log_softmax.property("returns an array of x's shape whose entries are <= 0 and whose exponentials "
                      "sum to 1 along axis, also for logits up to 1e4 (slices 2e4 wide included)",
                      cases=softmax_cases(), public=True, weight=1, examples=LOG_EDGE[:4],
                      max_examples=20,
                      hint="Subtract the log-sum-exp of each slice, computed as m + log(sum(exp(x - m))) "
                           "with m the slice's maximum (keepdims=True); never take the log of a "
                           "probability that may have underflowed to 0.")
def log_probabilities(student, case):
    out = _log_call(student, case)
    if not np.all(np.isfinite(out)):
        raise Failure("log_softmax(x) contains non-finite values (nan or -inf) although every logit "
                      "is finite: log(softmax(x)) gives -inf where a probability underflows; use "
                      "x - m - log(sum(exp(x - m))) with m the max along the axis.", observed=out)
    o = out.astype(np.float64)
    if o.size and o.max() > RTOL * _log_scale(case.x, case.axis).max():
        raise Failure(f"log_softmax(x) has a positive entry ({o.max():.6g}); log-probabilities are "
                      "<= 0.", observed=out)
    if o.size:
        m = np.max(o, axis=case.axis, keepdims=True)  # logsumexp of the output itself
        total = m + np.log(np.sum(np.exp(o - m), axis=case.axis, keepdims=True))
        assert_close(total, np.zeros_like(total), name="log(sum(exp(log_softmax(x)))) along axis "
                     "(should be 0)", scale=1.0, observed=out)


@log_softmax.property("x - log_softmax(x) is the same number all along each slice (the slice's "
                      "log-sum-exp), so adding a constant to a slice leaves log_softmax unchanged",
                      cases=shifted_cases(), public=True, weight=1, max_examples=15,
                      examples=(Case(LOG_EDGE[0], shift=np.array([[3.0], [-1e4]])),),
                      hint="Every entry of a slice loses the same amount, log(sum(exp(slice))); "
                           "normalise along the given axis only.")
def constant_offset(student, case):
    x = case.x.astype(np.float64)
    out = _log_call(student, case)
    offset = x - out
    scale = _log_scale(case.x, case.axis)
    ref = np.take(offset, [0], axis=case.axis)  # the first entry of every slice
    assert_close(offset, np.broadcast_to(ref, offset.shape), observed=out, scale=scale,
                 name="x - log_softmax(x) along each slice (should be constant)")
    if case.x.dtype == np.float32:  # x + shift rounds in float32: the first check is enough
        return
    moved = _log_call(student, case, (x + case.shift).astype(case.x.dtype))
    assert_close(moved, out, name="log_softmax(x + shift) compared with log_softmax(x)",
                 scale=scale + _log_scale(x + case.shift, case.axis))


log_softmax.behavioural_mistake("modifies_input", "the input array is modified in place",
                                "x -= x.max(...) writes into the caller's array; compute "
                                "x - x.max(axis=axis, keepdims=True) as a new array.")


@log_softmax.property("does not modify its input", cases=softmax_cases(max_ndim=2), public=True,
                      weight=0.5, max_examples=10, standalone=False, mistake="modifies_input")
def log_input_unchanged(student, case):
    _, args, _ = student.call("log_softmax", case.x, axis=case.axis, echo=True)
    assert_unchanged([case.x], args, ["x"], mistake="modifies_input")


# ================================================================== elementwise activations
#
# Every activation is a pair <name>_forward(x, ...) -> (out, cache), <name>_backward(dout, cache)
# -> dx. `activation_pair` creates both exercises and registers the properties they share; each
# function's own invariants follow it.

#: Values mixed into generated inputs: both overflow thresholds of exp (88.7 in float32, 709.8 in
#: float64), the tails where 1 + exp(x) rounds to 1 (x < -17 in float32, < -37 in float64), exact
#: zeros and |x| = 1e4.
EXTREMES = np.array([-1e4, -800.0, -745.0, -100.0, -89.0, -60.0, -40.0, -20.0, 0.0, 20.0, 40.0, 60.0,
                     89.0, 100.0, 745.0, 800.0, 1e4])


def _eps(dtype):
    return float(np.finfo(dtype).eps)


def _shape(draw, lo=1, max_ndim=3):
    """1 to max_ndim dimensions of 1 to 4; with lo=0, now and then one of them is 0 (empty x)."""
    shape = [draw(S.dims(1, 4)) for _ in range(draw(st.integers(1, max_ndim)))]
    if lo == 0 and draw(st.integers(0, 7)) == 0:
        shape[draw(st.integers(0, len(shape) - 1))] = 0
    return tuple(shape)


def _values(shape, style, seed, dtype, extreme):
    """An array in ``style``; with ``extreme``, about half its entries replaced by EXTREMES."""
    a = S.build_array(shape, style, seed, np.float64)
    if extreme and a.size:
        rng = np.random.default_rng(seed + 7)
        pick = rng.random(a.shape) < 0.5
        a[pick] = rng.choice(EXTREMES, size=a.shape)[pick]
    return a.astype(dtype)


@st.composite
def activation_cases(draw, params=st.just({}), lo=1, extreme=None, symmetric=False, dout=False,
                     dout2=False, max_ndim=3):
    """x (any shape, float32 or float64, every value style, sometimes with extreme values), the
    pair's keyword arguments, and for the backward dout (and dout2) of x's shape.

    With ``symmetric``, x is [v; -v] stacked along axis 0, so one call shows f at v and at -v.
    """
    shape = _shape(draw, lo, max_ndim)
    dt = draw(S.dtypes())
    seed = draw(S.seeds())
    ext = draw(st.booleans()) if extreme is None else extreme
    x = _values(shape, draw(S.styles()), seed, dt, ext)
    if symmetric:
        x = np.concatenate([x, -x], axis=0)
    case = Case(x=x, **draw(params))
    if dout:
        d = S.build_array(x.shape, draw(S.styles()), seed + 1, dt)
        case["dout"] = np.concatenate([d[: len(d) // 2]] * 2, axis=0) if symmetric else d
    if dout2:
        case["dout2"] = S.build_array(x.shape, draw(S.styles()), seed + 2, dt)
    return case


def _example(values, dtype=np.float64, dout=None, **params):
    x = np.array(values, dtype=dtype)
    case = Case(x=x, **params)
    if dout is not None:
        case["dout"] = np.array(dout, dtype=dtype)
    return case


#: Readable first example, then every shape and value edge: empty, size-1, zeros and ties,
#: float32 and float64 values up to 1e4, tiny values. The first discriminates the mistakes.
_BASE = [-3.0, -1.5, -0.5, 0.0, 0.5, 2.0]
_DOUT = [1.5, -2.0, 0.5, 3.0, -1.0, 2.5]


def pair_examples(backward=False, **params):
    dout = (lambda v: v) if backward else (lambda v: None)
    big = [-1e4, -800.0, -100.0, -40.0, 0.0, 40.0, 100.0, 800.0, 1e4]
    big32 = [-1e4, -100.0, -89.0, -20.0, 0.0, 20.0, 89.0, 100.0, 1e4]
    d9 = [0.5, -1.0, 2.0, 1.0, 3.0, -2.0, 1.5, -0.5, 1.0]
    return (
        _example(_BASE, dout=dout(_DOUT), **params),
        _example(np.zeros((0,)), dout=dout(np.zeros((0,))), **params),
        _example(np.zeros((2, 0, 3)), np.float32, dout=dout(np.zeros((2, 0, 3))), **params),
        _example([[0.75]], dout=dout([[-2.0]]), **params),
        _example(big, dout=dout(d9), **params),
        _example(big32, np.float32, dout=dout(d9), **params),
        _example([[2.0, 0.0, -1.0], [0.0, 2.0, 2.0]], dout=dout([[1.0, 2.0, -1.0], [0.5, 0.5, 0.5]]),
                 **params),
        _example([3e-7, -1e-6, 2e-6, -5e-7], np.float32, dout=dout([1.0, 2.0, -1.0, 0.5]), **params),
        _example([-50.0, -38.0, -20.0, -2.5, 800.0], dout=dout([1.0, -1.0, 2.0, 0.5, 1.5]), **params),
    )


def _forward(student, pair, case, x=None):
    """The student's forward output on x (default case.x), a float array of x's shape."""
    own = x is None
    x = case.x if own else x
    res = student.call(f"{pair.name}_forward", x, keep=(1,), **pair.kwargs(case))
    out, _ = unpack(res, 2, f"{pair.name}_forward")
    try:
        return as_float_array(out, f"the output of {pair.name}_forward", x.shape)
    except Failure as f:
        f.observed = pair.f_form(case, out) if own else None
        raise


def _backward(student, pair, case, dout=None):
    """Forward on case.x (cache kept in the worker), then backward with dout (default case.dout)."""
    res = student.call(f"{pair.name}_forward", case.x, keep=(1,), **pair.kwargs(case))
    _, cache = unpack(res, 2, f"{pair.name}_forward")
    return _backward_from(student, pair, case, cache, dout)


def _backward_from(student, pair, case, cache, dout=None):
    own = dout is None
    dx = student.call(f"{pair.name}_backward", case.dout if own else dout, cache)
    try:
        return as_float_array(dx, f"dx from {pair.name}_backward", case.x.shape)
    except Failure as f:
        f.observed = pair.b_form(case, dx) if own else None
        raise


def _first_bad(mask):
    return tuple(int(i) for i in np.argwhere(mask)[0])


def _at(i):
    return f"[{', '.join(map(str, i))}]"


def per_entry(values, floors):
    """The form in which an activation's result is compared with its catalog of mistakes.

    compare.close judges a whole array with one scale, its largest value, so next to
    softplus(1e4) = 1e4 it would take softplus(-50) = 0 for the right 1.9e-22, and a mistake
    that only shows in the tails would look harmless. Turned into one small array
    [value, floor] per entry, every entry is judged on its own, with a tolerance between one
    and two times the properties' RTOL * (|value| + floor). Results of another shape (or not
    arrays at all) are left as they are.
    """
    if not isinstance(values, np.ndarray) or values.dtype.kind not in "fiub":
        return values
    floors = np.asarray(floors, dtype=np.float64)
    try:
        floors = np.broadcast_to(floors, values.shape)
    except ValueError:
        return values
    return tuple(np.array([v, f]) for v, f in zip(_f64(values).ravel(), floors.ravel()))


@dataclass
class Activation:
    """One elementwise activation: its two exercises and what the shared properties need.

    ``forward_scale(case)`` and ``backward_scale(case)`` are the tolerance scales of out and dx,
    entry by entry (see compare.py: |received - expected| <= RTOL * (|expected| + scale)): what a
    careful float32 computation may be off by, over RTOL.
    """

    name: str
    forward: Exercise
    backward: Exercise
    params: st.SearchStrategy = field(default_factory=lambda: st.just({}))
    kink: bool = False  # piecewise linear with a kink at 0 (ReLU, leaky ReLU)
    forward_scale: Callable = None
    backward_scale: Callable = None

    def kwargs(self, case):
        return {k: case[k] for k in ("alpha",) if k in case}

    def f_form(self, case, out):
        """The student's (or a mistake's) forward result as the catalog compares it."""
        if not isinstance(out, np.ndarray) or out.shape != case.x.shape:
            return out
        return per_entry(out, self.forward_scale(case))

    def b_form(self, case, dx):
        if not isinstance(dx, np.ndarray) or dx.shape != case.x.shape:
            return dx
        return per_entry(dx, self.backward_scale(case))


def absolute_scale(case):
    """Values in [-1, 1] (sigmoid, tanh): about 2e-7 absolute plus RTOL relative."""
    return 1e-3


def x_scale(case):
    """Piecewise-linear functions: relative to |x| (alpha * x rounds relative to x)."""
    return np.abs(_f64(case.x))


def dout_scale(case):
    """dx = dout * slope with |slope| <= 1.13: about 2e-7 * |dout| absolute plus RTOL relative."""
    return 1e-3 * np.abs(_f64(case.dout))


def abs_dout_scale(case):
    return np.abs(_f64(case.dout))


def activation_pair(name, *, forward_scale, backward_scale=dout_scale, params=None, kink=False,
                    forward_hint="", backward_hint=""):
    """The two exercises of activation ``name`` with the properties every activation shares.

    Forward: float array of x's shape for any shape (empty included), finite for |x| up to
    1e4, input unchanged. Backward: float array of x's shape, finite for |x| up to 1e4, equal
    entry by entry to dout times central differences of the student's own forward (steps
    proportional to |x| for piecewise-linear functions, so no step crosses the kink; x == 0 is
    then checked by the function's own property), linear in dout, dout and cache unchanged.
    """
    pair = Activation(name, Exercise(f"activations.{name}_forward"),
                      Exercise(f"activations.{name}_backward",
                               requires=(f"{name}_forward", f"{name}_backward")),
                      params if params is not None else st.just({}), kink, forward_scale,
                      backward_scale)
    fwd, bwd = pair.forward, pair.backward
    f_edge = pair_examples()
    b_edge = pair_examples(backward=True)

    # ------------------------------------------------------------ forward

    @fwd.property("returns a tuple (out, cache) whose out is a float array of x's shape, for any "
                  "shape (empty arrays and size-1 dimensions included)",
                  cases=activation_cases(pair.params, lo=0), public=True, weight=0.5,
                  examples=(f_edge[1], f_edge[2], f_edge[3]), max_examples=8,
                  hint="Apply the function entry by entry (numpy ufuncs, np.where) so the shape is "
                       "kept; return (out, cache) even when x is empty.")
    def shape_and_dtype(student, case):
        _forward(student, pair, case)

    @fwd.property("out is finite (no nan, no inf) for inputs up to 1e4 in magnitude, in float32 "
                  "and float64", cases=activation_cases(pair.params, extreme=True), public=True,
                  weight=1, examples=(f_edge[4], f_edge[5]), max_examples=8,
                  hint=forward_hint or "Rewrite the formula so that no exp ever gets a large "
                       "positive argument (exp(710) overflows in float64, exp(89) in float32).")
    def finite_for_large_inputs(student, case):
        out = _forward(student, pair, case)
        bad = ~np.isfinite(out)
        if bad.any():
            i = _first_bad(bad)
            raise Failure(f"{name}_forward(x){_at(i)} is {out[i]} for x{_at(i)} = {float(case.x[i]):g} "
                          f"({bad.sum()} non-finite values).", observed=pair.f_form(case, out))

    fwd.behavioural_mistake("modifies_input", "the input array is modified in place",
                            "Writing into x (x[x < 0] = 0, x *= ...) changes the caller's array; "
                            "compute a new array (np.maximum, np.where, or work on x.copy()).")

    @fwd.property("does not modify its input", cases=activation_cases(pair.params), public=True,
                  weight=0.5, max_examples=6, examples=(f_edge[0],), standalone=False,
                  mistake="modifies_input")
    def input_unchanged(student, case):
        _, args, _ = student.call(f"{name}_forward", case.x, keep=(1,), echo=True, **pair.kwargs(case))
        assert_unchanged([case.x], args, ["x"], mistake="modifies_input")

    # ------------------------------------------------------------ backward

    @bwd.property("returns dx, a float array of x's shape, for any shape (empty arrays and size-1 "
                  "dimensions included)", cases=activation_cases(pair.params, lo=0, dout=True),
                  public=True, weight=0.5, examples=(b_edge[1], b_edge[2], b_edge[3]),
                  max_examples=8,
                  hint="dx = dout * (the derivative at x), entry by entry: the same shape as dout.")
    def gradient_shape_and_dtype(student, case):
        _backward(student, pair, case)

    @bwd.property("dx is finite for inputs up to 1e4 in magnitude, in float32 and float64",
                  cases=activation_cases(pair.params, extreme=True, dout=True), public=True,
                  weight=0.5, examples=(b_edge[4], b_edge[5]), max_examples=8,
                  hint=backward_hint or "Compute the derivative from quantities that cannot "
                       "overflow (the cached output, or exp of a non-positive number).")
    def gradient_finite_for_large_inputs(student, case):
        dx = _backward(student, pair, case)
        bad = ~np.isfinite(dx)
        if bad.any():
            i = _first_bad(bad)
            raise Failure(f"dx{_at(i)} is {dx[i]} for x{_at(i)} = {float(case.x[i]):g} ({bad.sum()} "
                          "non-finite values).", observed=pair.b_form(case, dx))

    @bwd.property("dx equals dout times the slope of your own forward pass, estimated entry by "
                  "entry by central differences (f(x + h) - f(x - h)) / 2h",
                  cases=activation_cases(pair.params, dout=True), public=True, weight=2,
                  examples=(b_edge[0], b_edge[6], b_edge[8]), max_examples=12,
                  hint="dx = dout * f'(x) entry by entry, with f' the derivative of the forward "
                       "function (use the cache, and multiply by dout).")
    def matches_finite_differences(student, case):
        dx = _backward(student, pair, case)
        x, dout = _f64(case.x), _f64(case.dout)
        if pair.kink:  # steps proportional to |x| never cross the kink at 0
            h, use = 1e-3 * np.abs(x), x != 0
        else:
            h, use = 1e-3 * np.maximum(np.abs(x), 1.0), np.ones(x.shape, bool)
        h = np.where(use, h, 1.0)
        up = _forward(student, pair, case, x + h)
        down = _forward(student, pair, case, x - h)
        slope = (_f64(up) - _f64(down)) / (2 * h)
        with np.errstate(invalid="ignore", over="ignore"):
            err = np.abs(_f64(dx) - dout * slope)
            # truncation and the rounding of a float32 forward pass (eps * |f| / h) stay far below
            bad = use & ~(err <= 1e-2 * np.abs(dout) * (np.abs(slope) + 3e-3))
        if bad.any():
            i = _first_bad(bad)
            raise Failure(f"at x{_at(i)} = {x[i]:.6g} with dout{_at(i)} = {dout[i]:.6g}, dx is "
                          f"{float(dx[i]):.6g}, but central differences of your {name}_forward "
                          f"(step {h[i]:.3g}) give a slope of {slope[i]:.6g}, so dx should be "
                          f"{dout[i] * slope[i]:.6g} ({bad.sum()} entries disagree).",
                          observed=pair.b_form(case, dx))

    @bwd.property("is linear in dout: dx for dout + 2 * dout2 is dx for dout plus twice dx for "
                  "dout2", cases=activation_cases(pair.params, dout=True, dout2=True),
                  public=True, weight=1, max_examples=8,
                  examples=(Case(b_edge[0], dout2=np.array([-1.0, 0.5, 2.0, -0.5, 1.0, 0.25])),),
                  hint="dx = dout * f'(x): multiply the local derivative by dout, and let nothing "
                       "else depend on dout (no mask built from dout).")
    def linear_in_dout(student, case):
        d1, d2 = _f64(case.dout), _f64(case.dout2)
        mixed = (d1 + 2.0 * d2).astype(case.dout.dtype)
        res = student.call(f"{name}_forward", case.x, keep=(1,), **pair.kwargs(case))
        cache = unpack(res, 2, f"{name}_forward")[1]
        g1 = _backward_from(student, pair, case, cache)
        g2 = _backward_from(student, pair, case, cache, case.dout2)
        g12 = _backward_from(student, pair, case, cache, mixed)
        assert_close(g12, _f64(g1) + 2.0 * _f64(g2), observed=pair.b_form(case, g1),
                     scale=1.2 * (np.abs(d1) + 2.0 * np.abs(d2)),
                     name="dx for dout + 2 * dout2, compared with dx for dout plus twice dx for dout2")

    bwd.behavioural_mistake("modifies_dout_or_cache", "dout or the cache is modified in place",
                            "dout[x <= 0] = 0 (or dout *= ...) writes into the caller's gradient, "
                            "and changing the cache breaks a second backward call; compute a new "
                            "array (np.where, dout * mask).")

    @bwd.property("does not modify dout or the cache: a second backward call on the same cache "
                  "gives the same dx", cases=activation_cases(pair.params, dout=True), public=True,
                  weight=0.5, max_examples=6, examples=(b_edge[0],), standalone=False,
                  mistake="modifies_dout_or_cache")
    def dout_and_cache_unchanged(student, case):
        res = student.call(f"{name}_forward", case.x, keep=(1,), **pair.kwargs(case))
        cache = unpack(res, 2, f"{name}_forward")[1]
        first, args, _ = student.call(f"{name}_backward", case.dout, cache, echo=True)
        assert_unchanged([case.dout], args[:1], ["dout"], mistake="modifies_dout_or_cache")
        first = _checked(first, "dx", case.x.shape)
        second = _backward_from(student, pair, case, cache)
        if not np.array_equal(first, second, equal_nan=True):
            raise Failure(f"a second call of {name}_backward on the same cache returned a different "
                          "dx: your backward modifies the cache in place.",
                          mistake="modifies_dout_or_cache")

    return pair


# ------------------------------------------------------------ function-specific checks, shared forms

def _halves(a):
    n = a.shape[0] // 2
    return a[:n], a[n:]


def symmetric_forward_check(pair, student, case, check):
    """Run the forward on case.x = [v; -v] and hand (v, f(v), f(-v), out) to ``check``."""
    out = _forward(student, pair, case)
    v = _halves(_f64(case.x))[0]
    a, b = _halves(_f64(out))
    try:
        check(v, a, b, out)
    except Failure as f:
        if f.observed is out:
            f.observed = pair.f_form(case, out)
        raise


def slope_check(pair, student, case, *, total, sign, lo, hi, at_zero, zero_tol=1e-4):
    """On x = [v; -v] with dout = [d; d]: slope(v) + sign * slope(-v) == total (x != 0), every
    slope dx/dout in [lo, hi], and the slope at x == 0 equal to ``at_zero`` (within ``zero_tol``
    relative to dout; 0 means exactly)."""
    dx = _backward(student, pair, case)
    x, dout, g = _f64(case.x), _f64(case.dout), _f64(dx)
    v, d = _halves(x)[0], _halves(dout)[0]
    g1, g2 = _halves(g)
    nonzero = v != 0
    scale = np.abs(d) * (1e-3 if not pair.kink else 1.0)
    assert_close(np.where(nonzero, g1 + sign * g2, total * d), total * d, scale=scale,
                 observed=pair.b_form(case, dx),
                 name=f"dx at x {'plus' if sign > 0 else 'minus'} dx at -x (same dout), which "
                      f"should be {total:g} * dout")
    with np.errstate(invalid="ignore", divide="ignore"):
        slope = np.where(dout != 0, g / np.where(dout != 0, dout, 1.0), lo)
    bad = (dout != 0) & ~((slope >= lo - 1e-5) & (slope <= hi + 1e-5))
    if bad.any():
        i = _first_bad(bad)
        raise Failure(f"at x{_at(i)} = {x[i]:.6g} the slope dx/dout is {slope[i]:.6g}, outside "
                      f"[{lo:g}, {hi:g}], the range of the derivative.", observed=pair.b_form(case, dx))
    zero = x == 0
    if zero.any():
        want = at_zero * dout
        wrong = zero & ~(np.abs(g - want) <= zero_tol * np.abs(dout))
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"at x{_at(i)} = 0 with dout{_at(i)} = {dout[i]:.6g}, dx is {g[i]:.6g}; "
                          f"the slope at 0 is {at_zero:g}, so dx should be {want[i]:.6g}"
                          + (" exactly." if zero_tol == 0 else "."), observed=pair.b_form(case, dx))


def _symmetric_examples(edge, **params):
    """Edge examples turned into [v; -v] (and dout [d; d]) for the symmetry properties."""
    out = []
    for c in edge:
        if c.x.size == 0:
            continue
        v = c.x
        case = Case(x=np.concatenate([v, -v], axis=0), **params)
        if "dout" in c:
            case["dout"] = np.concatenate([c.dout, c.dout], axis=0)
        out.append(case)
    return tuple(out)


def _sym_cases(pair, dout=False):
    return activation_cases(pair.params, symmetric=True, dout=dout)


# ================================================================== sigmoid

sigmoid = activation_pair(
    "sigmoid", forward_scale=absolute_scale,
    forward_hint="1 / (1 + exp(-x)) overflows for x < -709 and exp(x) / (1 + exp(x)) is nan for "
                 "x > 709: use z = exp(-|x|), then 1 / (1 + z) where x >= 0 and z / (1 + z) where x < 0.",
    backward_hint="Use the cached output s: dx = dout * s * (1 - s); exp(-x) / (1 + exp(-x))**2 is "
                  "inf / inf = nan for x < -709.")
sigmoid_forward, sigmoid_backward = sigmoid.forward, sigmoid.backward


@sigmoid_forward.property("sigmoid(-x) = 1 - sigmoid(x), every value is in [0, 1], and sigmoid(x) "
                          "is >= 1/2 where x >= 0 and <= 1/2 where x <= 0",
                          cases=_sym_cases(sigmoid), public=True, weight=1, max_examples=12,
                          examples=_symmetric_examples(pair_examples()[:1] + pair_examples()[4:6]),
                          hint="sigmoid(x) = 1 / (1 + exp(-x)): note the minus sign, and apply the "
                               "same formula to negative and positive entries (the two branches "
                               "of the stable form are equal mathematically).")
def sigmoid_symmetry(student, case):
    def check(v, a, b, out):
        if out.size and (np.min(out) < 0 or np.max(out) > 1):
            raise Failure(f"sigmoid values must lie in [0, 1]; got values from {np.min(out):.6g} to "
                          f"{np.max(out):.6g}.", observed=out)
        assert_close(b, 1.0 - a, name="sigmoid(-x) compared with 1 - sigmoid(x)", scale=1e-3,
                     observed=out)
        wrong = ((v > 0) & (a < 0.5)) | ((v < 0) & (a > 0.5))
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"sigmoid(x) = {a[i]:.6g} at x = {v[i]:.6g}: sigmoid is above 1/2 for "
                          "positive x and below 1/2 for negative x.", observed=out)
    symmetric_forward_check(sigmoid, student, case, check)


@sigmoid_backward.property("the slope dx/dout is even (the same at x and -x), lies in [0, 1/4] "
                           "and is 1/4 at x = 0", cases=_sym_cases(sigmoid, dout=True), public=True,
                           weight=1, max_examples=10,
                           examples=_symmetric_examples(pair_examples(True)[:1]),
                           hint="The derivative is s * (1 - s) with s = sigmoid(x), the cached "
                                "output (not x itself).")
def sigmoid_slope(student, case):
    slope_check(sigmoid, student, case, total=0.0, sign=-1, lo=0.0, hi=0.25, at_zero=0.25)


# ================================================================== tanh

tanh = activation_pair(
    "tanh", forward_scale=absolute_scale,
    forward_hint="np.tanh is accurate everywhere; (exp(x) - exp(-x)) / (exp(x) + exp(-x)) is "
                 "inf / inf = nan for |x| > 710 (89 in float32).",
    backward_hint="Use the cached output: dx = dout * (1 - out**2).")
tanh_forward, tanh_backward = tanh.forward, tanh.backward


@tanh_forward.property("tanh is odd (tanh(-x) = -tanh(x)), lies in [-1, 1], has the sign of x, and "
                       "tanh(x) is about x for |x| < 0.01 (within x**3 / 3)",
                       cases=_sym_cases(tanh), public=True, weight=1, max_examples=12,
                       examples=_symmetric_examples(pair_examples()[:1] + pair_examples()[7:8]),
                       hint="tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)) = 2 sigmoid(2x) - 1 "
                            "(note the 2x); np.tanh computes it.")
def tanh_symmetry(student, case):
    def check(v, a, b, out):
        if out.size and (np.min(out) < -1 or np.max(out) > 1):
            raise Failure(f"tanh values must lie in [-1, 1]; got values from {np.min(out):.6g} to "
                          f"{np.max(out):.6g}.", observed=out)
        assert_close(b, -a, name="tanh(-x) compared with -tanh(x)", scale=1e-3, observed=out)
        wrong = a * v < 0
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"tanh(x) = {a[i]:.6g} at x = {v[i]:.6g}: tanh has the sign of x.",
                          observed=out)
        small = np.abs(v) < 1e-2
        tol = np.abs(v) ** 3 / 3 + RTOL * np.abs(v) + 2 * _eps(out.dtype)
        wrong = small & ~(np.abs(a - v) <= tol)
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"tanh(x) = {a[i]:.6g} at x = {v[i]:.6g}; near 0, tanh(x) = x - x**3/3 + "
                          "..., so it should be about x (the slope of tanh at 0 is 1).", observed=out)
    symmetric_forward_check(tanh, student, case, check)


@tanh_backward.property("the slope dx/dout is even (the same at x and -x), lies in [0, 1] and is 1 "
                        "at x = 0", cases=_sym_cases(tanh, dout=True), public=True, weight=1,
                        max_examples=10, examples=_symmetric_examples(pair_examples(True)[:1]),
                        hint="The derivative is 1 - tanh(x)**2 = 1 - out**2, a function of the "
                             "cached OUTPUT (1 - x**2 is not the derivative).")
def tanh_slope(student, case):
    slope_check(tanh, student, case, total=0.0, sign=-1, lo=0.0, hi=1.0, at_zero=1.0)


# ================================================================== relu and leaky_relu

relu = activation_pair(
    "relu", kink=True, forward_scale=x_scale, backward_scale=abs_dout_scale,
    forward_hint="np.maximum(x, 0) (elementwise), not np.max(x, 0) (a reduction along axis 0).",
    backward_hint="dx = dout where x > 0, 0 elsewhere.")
relu_forward, relu_backward = relu.forward, relu.backward

#: alpha values: the default first (not passed at all), 0 (plain ReLU) and several others
ALPHAS = (None, 0.1, 0.0, 0.01, 0.2, 0.5, 0.05, 0.9)


@st.composite
def _alpha(draw):
    a = draw(st.sampled_from(ALPHAS))
    return {} if a is None else {"alpha": a}


leaky_relu = activation_pair(
    "leaky_relu", kink=True, params=_alpha(), forward_scale=x_scale, backward_scale=abs_dout_scale,
    forward_hint="np.where(x > 0, x, alpha * x) with the alpha passed in.",
    backward_hint="dx = dout where x > 0, alpha * dout elsewhere: keep alpha in the cache.")
leaky_relu_forward, leaky_relu_backward = leaky_relu.forward, leaky_relu.backward


def _piecewise_linear_check(pair, alpha, v, a, b, out):
    """f(x) - f(-x) = (1 + alpha) x, f(x) + f(-x) = (1 - alpha) |x|, f(0) = 0 exactly."""
    scale = np.abs(v)
    assert_close(a - b, (1.0 + alpha) * v, name=f"f(x) - f(-x) (should be {1 + alpha:g} * x)",
                 scale=scale, observed=out)
    assert_close(a + b, (1.0 - alpha) * np.abs(v), scale=scale, observed=out,
                 name=f"f(x) + f(-x) (should be {1 - alpha:g} * |x|)")
    wrong = (v == 0) & (a != 0)
    if wrong.any():
        i = _first_bad(wrong)
        raise Failure(f"f(0) = {a[i]:.6g}; it must be exactly 0.", observed=out)


@relu_forward.property("relu(x) and relu(-x) are >= 0, at most one of them is non-zero, and "
                       "relu(x) - relu(-x) = x; relu(0) = 0 exactly",
                       cases=_sym_cases(relu), public=True, weight=1, max_examples=10,
                       examples=_symmetric_examples(pair_examples()[:1] + pair_examples()[6:7]),
                       hint="relu(x) = np.maximum(x, 0): positive entries unchanged, every other "
                            "entry 0.")
def relu_symmetry(student, case):
    def check(v, a, b, out):
        if out.size and np.min(out) < 0:
            raise Failure(f"relu values must be >= 0; got {np.min(out):.6g}.", observed=out)
        _piecewise_linear_check(relu, 0.0, v, a, b, out)
    symmetric_forward_check(relu, student, case, check)


POWERS_OF_TWO = (2.0, 0.5, 1024.0, 2.0 ** -10, 8.0)


@st.composite
def _scaled(draw, pair):
    case = draw(activation_cases(pair.params))
    return Case(case, c=draw(st.sampled_from(POWERS_OF_TWO)))


def _homogeneity(pair, student, case):
    out = _forward(student, pair, case)
    cx = (_f64(case.x) * case.c).astype(case.x.dtype)  # exact: c is a power of two
    scaled = _forward(student, pair, case, cx)
    assert_close(scaled, case.c * _f64(out), name=f"f(c x) compared with c f(x) for c = {case.c:g}",
                 scale=np.abs(_f64(cx)), observed=pair.f_form(case, out))


@relu_forward.property("is positively homogeneous: relu(c x) = c relu(x) for every c > 0",
                       cases=_scaled(relu), public=True, weight=0.5, max_examples=8,
                       hint="Compare with 0 (not with a threshold or a fixed value) and apply no "
                            "other transformation.")
def relu_homogeneous(student, case):
    _homogeneity(relu, student, case)


@relu_backward.property("the slope dx/dout is 1 where x > 0 and 0 where x < 0 (slope(x) + "
                        "slope(-x) = 1), and dx is exactly 0 where x == 0 (as torch)",
                        cases=_sym_cases(relu, dout=True), public=True, weight=1, max_examples=10,
                        examples=_symmetric_examples(pair_examples(True)[:1] + pair_examples(True)[6:7]),
                        hint="Build the mask from x (x > 0, strictly), not from dout, and multiply "
                             "dout by it.")
def relu_slope(student, case):
    slope_check(relu, student, case, total=1.0, sign=1, lo=0.0, hi=1.0, at_zero=0.0, zero_tol=0.0)


def _alpha_of(case):
    return case.get("alpha", 0.01)


@leaky_relu_forward.property("leaky_relu(x) - leaky_relu(-x) = (1 + alpha) x and leaky_relu(x) + "
                             "leaky_relu(-x) = (1 - alpha) |x|, with the alpha passed (default "
                             "0.01); leaky_relu(0) = 0 exactly",
                             cases=_sym_cases(leaky_relu), public=True, weight=1, max_examples=12,
                             examples=_symmetric_examples(pair_examples()[:1])
                             + _symmetric_examples(pair_examples()[:1], alpha=0.2),
                             hint="x where x > 0, alpha * x elsewhere, with the alpha argument "
                                  "(default 0.01).")
def leaky_relu_symmetry(student, case):
    def check(v, a, b, out):
        _piecewise_linear_check(leaky_relu, _alpha_of(case), v, a, b, out)
    symmetric_forward_check(leaky_relu, student, case, check)


@leaky_relu_forward.property("is positively homogeneous: leaky_relu(c x) = c leaky_relu(x) for "
                             "every c > 0", cases=_scaled(leaky_relu), public=True, weight=0.5,
                             max_examples=8,
                             hint="Compare with 0 (not with a threshold) and multiply the "
                                  "non-positive entries by alpha, nothing else.")
def leaky_relu_homogeneous(student, case):
    _homogeneity(leaky_relu, student, case)


@leaky_relu_backward.property("the slope dx/dout is 1 where x > 0 and alpha where x < 0 (slope(x) + "
                              "slope(-x) = 1 + alpha), and exactly alpha where x == 0 (as torch)",
                              cases=_sym_cases(leaky_relu, dout=True), public=True, weight=1,
                              max_examples=12,
                              examples=_symmetric_examples(pair_examples(True)[:1], alpha=0.2)
                              + _symmetric_examples(pair_examples(True)[6:7]),
                              hint="dx = np.where(x > 0, dout, alpha * dout), with the alpha the "
                                   "forward pass got (keep it in the cache).")
def leaky_relu_slope(student, case):
    alpha = _alpha_of(case)
    slope_check(leaky_relu, student, case, total=1.0 + alpha, sign=1, lo=min(alpha, 1.0), hi=1.0,
                at_zero=alpha, zero_tol=1e-6)


# ================================================================== gelu

def gelu_scale(case):
    """1e-3 |x|: (1 + erf(x / sqrt 2)) / 2 cancels for x < -5, leaving an error of about
    eps * |x| (float32: 6e-8 |x|), while the tanh approximation is 5e-4 away near x = -2.7."""
    return 1e-3 * np.abs(_f64(case.x))


gelu = activation_pair(
    "gelu", forward_scale=gelu_scale,
    forward_hint="gelu(x) = x * (1 + erf(x / sqrt(2))) / 2 needs no exp at all; "
                 "np.vectorize(math.erf) is fine.",
    backward_hint="dx = dout * (Phi(x) + x * phi(x)); exp(-x**2 / 2) underflows harmlessly to 0.")
gelu_forward, gelu_backward = gelu.forward, gelu.backward


@gelu_forward.property("gelu(x) - gelu(-x) = x, and gelu(x) = x Phi(x) lies between 0 and x",
                       cases=_sym_cases(gelu), public=True, weight=1, max_examples=12,
                       examples=_symmetric_examples(pair_examples()[:1] + pair_examples()[4:5]),
                       hint="gelu(x) = x * Phi(x) with Phi(x) = (1 + erf(x / sqrt(2))) / 2, a "
                            "probability: Phi(x) + Phi(-x) = 1.")
def gelu_symmetry(student, case):
    def check(v, a, b, out):
        scale = np.abs(v) + np.abs(a) + np.abs(b)  # the sizes of the terms subtracted
        assert_close(a - b, v, name="gelu(x) - gelu(-x) (should be x)", scale=scale, observed=out)
        lo, hi = np.minimum(v, 0.0), np.maximum(v, 0.0)
        wrong = ~((a >= lo - RTOL * scale) & (a <= hi + RTOL * scale))
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"gelu(x) = {a[i]:.6g} at x = {v[i]:.6g}, not between 0 and x (x times a "
                          "probability).", observed=out)
    symmetric_forward_check(gelu, student, case, check)


@gelu_backward.property("the slope dx/dout satisfies slope(x) + slope(-x) = 1, lies in "
                        "[-0.129, 1.129] and is 1/2 at x = 0", cases=_sym_cases(gelu, dout=True),
                        public=True, weight=1, max_examples=10,
                        examples=_symmetric_examples(pair_examples(True)[:1]),
                        hint="By the product rule the derivative of x Phi(x) is Phi(x) + x phi(x), "
                             "phi(x) = exp(-x**2 / 2) / sqrt(2 pi) the standard normal density.")
def gelu_slope(student, case):
    slope_check(gelu, student, case, total=1.0, sign=1, lo=-0.1290, hi=1.1290, at_zero=0.5)


# ================================================================== softplus

def softplus_scale(case):
    """Relative comparison: softplus(-50) = 1.9e-22 must not come back as 0. Below the smallest
    normal float of the input's dtype (1.2e-38 in float32) values may round freely."""
    floor = 1e-37 if case.x.dtype == np.float32 else 1e-300
    return floor / RTOL


softplus = activation_pair(
    "softplus", forward_scale=softplus_scale,
    forward_hint="log(1 + exp(x)) overflows to inf for x > 709 (88 in float32): compute "
                 "max(x, 0) + log1p(exp(-|x|)).",
    backward_hint="The derivative is sigmoid(x): compute it without overflow (exp(x) / (1 + exp(x)) "
                  "is nan for x > 709).")
softplus_forward, softplus_backward = softplus.forward, softplus.backward

LOG2 = math.log(2.0)


@softplus_forward.property("softplus(x) - softplus(-x) = x, max(x, 0) <= softplus(x) <= max(x, 0) "
                           "+ log 2, and softplus(x) > 0 wherever exp(x) is a normal float (x > "
                           "-700 in float64, x > -80 in float32)",
                           cases=_sym_cases(softplus), public=True, weight=1.5, max_examples=14,
                           examples=_symmetric_examples(pair_examples()[8:9] + pair_examples()[:1]
                                                        + pair_examples()[5:6]),
                           hint="For very negative x, 1 + exp(x) rounds to 1 and log gives 0: use "
                                "np.log1p(exp(-|x|)), accurate for tiny arguments.")
def softplus_bounds(student, case):
    def check(v, a, b, out):
        scale = np.abs(v) + np.abs(a) + np.abs(b)  # the sizes of the terms subtracted
        assert_close(a - b, v, name="softplus(x) - softplus(-x) (should be x)", scale=scale,
                     observed=out)
        relu = np.maximum(v, 0.0)
        wrong = ~((a >= relu * (1 - 4 * _eps(out.dtype))) & (a <= relu + LOG2 * (1 + RTOL) + RTOL * scale))
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"softplus(x) = {a[i]:.6g} at x = {v[i]:.6g}, outside [max(x, 0), max(x, 0) "
                          "+ log 2].", observed=out)
        floor = -80.0 if case.x.dtype == np.float32 else -700.0
        wrong = (v > floor) & ~(a > 0)
        if wrong.any():
            i = _first_bad(wrong)
            raise Failure(f"softplus(x) = {a[i]:.6g} at x = {v[i]:.6g}, but softplus is positive (about "
                          f"exp(x) = {math.exp(v[i]):.3g} there): 1 + exp(x) rounded to 1.",
                          observed=out)
    symmetric_forward_check(softplus, student, case, check)


@softplus_backward.property("the slope dx/dout satisfies slope(x) + slope(-x) = 1, lies in [0, 1] "
                            "and is 1/2 at x = 0", cases=_sym_cases(softplus, dout=True),
                            public=True, weight=1, max_examples=10,
                            examples=_symmetric_examples(pair_examples(True)[:1]),
                            hint="The derivative of log(1 + exp(x)) is exp(x) / (1 + exp(x)) = "
                                 "sigmoid(x).")
def softplus_slope(student, case):
    slope_check(softplus, student, case, total=1.0, sign=1, lo=0.0, hi=1.0, at_zero=0.5)
