"""Public checks: activations.softmax.

Students receive this module (see `autograder.public`); the hidden part of the
suite is in ``autograder/suites/activations.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import Case, Exercise, Failure, as_float_array, assert_close, assert_unchanged
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
