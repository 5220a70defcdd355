"""Hidden suite: activations.softmax.

The exercise, its strategies and its public properties are in
``autograder/public/activations.py``; this module adds the hidden properties
and the mistakes recognised by value.
"""

import numpy as np

from autograder.checking import as_float_array, assert_close
from autograder.public.activations import EDGE, _call, softmax, softmax_cases
from reference import activations as ref


@softmax.property("agrees with the reference softmax on generated inputs", cases=softmax_cases(),
                  public=False, weight=3, examples=EDGE, max_examples=50)
def matches_reference(student, case):
    out = as_float_array(_call(student, case), "softmax(x)", case.x.shape)
    assert_close(out, ref.softmax(case.x, axis=case.axis), name="softmax(x)", scale=1.0)


# ------------------------------------------------------------ known mistakes

def _exp(x):
    with np.errstate(over="ignore", invalid="ignore", divide="ignore", under="ignore"):
        return np.exp(x)


@softmax.mistake("no_max_shift", "exponentiating without subtracting the maximum",
                 "exp overflows for logits above about 709 (88 in float32); subtract the "
                 "maximum along the axis first (softmax is shift invariant).")
def _no_max_shift(case):
    e = _exp(case.x.astype(np.float64))
    with np.errstate(invalid="ignore"):
        return e / e.sum(axis=case.axis, keepdims=True)


@softmax.mistake("axis_ignored", "normalising along the last axis whatever axis is asked for",
                 "Use the axis argument in both the max and the sum.")
def _axis_ignored(case):
    return ref.softmax(case.x, axis=-1)


@softmax.mistake("global_normalisation", "dividing by the sum over the whole array",
                 "Sum along the axis only (axis=axis, keepdims=True), not over every entry.")
def _global(case):
    x = case.x.astype(np.float64)
    e = _exp(x - x.max())
    with np.errstate(invalid="ignore"):
        return e / e.sum()


@softmax.mistake("global_normalisation", "", "")
def _global_after_row_shift(case):
    x = case.x.astype(np.float64)
    e = _exp(x - x.max(axis=case.axis, keepdims=True))
    return e / e.sum()


@softmax.mistake("global_max_shift", "subtracting the maximum of the whole array instead of each slice's",
                 "A slice far below the global maximum underflows to 0/0; subtract the maximum "
                 "along the axis (keepdims=True).")
def _global_max(case):
    x = case.x.astype(np.float64)
    e = _exp(x - x.max())
    with np.errstate(invalid="ignore"):
        return e / e.sum(axis=case.axis, keepdims=True)


@softmax.mistake("sum_without_keepdims", "dividing by a sum taken without keepdims",
                 "e / e.sum(axis) broadcasts the sums along the wrong axis (and only runs when the "
                 "shape happens to allow it); pass keepdims=True.")
def _no_keepdims(case):
    x = case.x.astype(np.float64)
    e = _exp(x - x.max(axis=case.axis, keepdims=True))
    return e / e.sum(axis=case.axis)


@softmax.mistake("log_softmax_returned", "returning log-probabilities",
                 "Return exp(x - max) / sum(exp(x - max)), not its logarithm.")
def _log_softmax(case):
    return ref.log_softmax(case.x, axis=case.axis)
