"""Hidden suites: layers.dense_forward, layers.dense_backward,
layers.numerical_gradient and layers.gradient_check.

The exercises, their strategies and their public properties are in
``autograder/public/layers.py``; this module adds the hidden properties and
the mistakes recognised by value.
"""


import numpy as np

from autograder.checking import assert_close, unpack
from autograder.public.layers import (BACKWARD_EDGE, CHECK_EDGE, DEFAULT_H, FORWARD_EDGE,
                                      NUMGRAD_EDGE, _backward_scales, _f64, _float_array, _forward,
                                      _forward_scale, _function, _grad_array, _gradient_terms, _h,
                                      _numerical_gradient, _relative_error, _rounding_bound,
                                      dense_backward, dense_cases, dense_forward, numerical_gradient,
                                      pair_cases, relative_error, smooth_cases)
from reference import layers as ref


# ------------------------------------------------------------------ dense_forward

@dense_forward.property("agrees with the reference dense layer on generated inputs", cases=dense_cases(),
                        public=False, weight=3, examples=FORWARD_EDGE, max_examples=70)
def matches_reference(student, case):
    out = _forward(student, case.x, case.W, case.b)
    assert_close(out, ref.dense_forward(case.x, case.W, case.b), name="out",
                 scale=_forward_scale(case.x, case.W, case.b))


# ------------------------------------------------------------ known mistakes (forward)

@dense_forward.mistake("missing_bias", "the bias is not added",
                       "Add b after the matrix product: out = x @ W.T + b.")
def _missing_bias(case):
    return _f64(case.x) @ _f64(case.W).T


@dense_forward.mistake("activation_applied", "an activation function is applied to the output",
                       "A dense layer is only the affine map x @ W.T + b; the activation (ReLU, "
                       "sigmoid, ...) is a separate layer. Remove it.")
def _relu(case):
    return np.maximum(ref.dense_forward(case.x, case.W, case.b), 0.0)


@dense_forward.mistake("activation_applied", "", "")
def _sigmoid(case):
    with np.errstate(over="ignore"):
        return 1.0 / (1.0 + np.exp(-ref.dense_forward(case.x, case.W, case.b)))


@dense_forward.mistake("activation_applied", "", "")
def _tanh(case):
    return np.tanh(ref.dense_forward(case.x, case.W, case.b))


@dense_forward.mistake("bias_subtracted", "the bias is subtracted instead of added",
                       "The layer computes x @ W.T + b: add the bias.")
def _bias_subtracted(case):
    return _f64(case.x) @ _f64(case.W).T - _f64(case.b)


@dense_forward.mistake("weight_not_transposed", "multiplying by W instead of W.T",
                       "W has shape (M, D), one row per output unit, so the product is x @ W.T "
                       "(x @ W only runs when M == D, and then gives the wrong values).")
def _not_transposed(case):
    return _f64(case.x) @ _f64(case.W) + _f64(case.b)


@dense_forward.mistake("batch_squeezed", "the batch dimension is squeezed away",
                       "np.squeeze drops every size-1 dimension, including the batch at N = 1 (and "
                       "the units at M = 1); return out with shape (N, M) always.")
def _squeezed(case):
    return np.squeeze(ref.dense_forward(case.x, case.W, case.b))


@dense_forward.mistake("bias_summed", "the sum of all biases is added to every unit",
                       "Each output unit m gets its own bias b[m]: add the vector b (it broadcasts "
                       "over the batch), not b.sum().")
def _bias_summed(case):
    return _f64(case.x) @ _f64(case.W).T + _f64(case.b).sum()


# ------------------------------------------------------------------ dense_backward

@dense_backward.property("agrees with the reference gradients on generated inputs",
                         cases=dense_cases(with_dout=True), public=False, weight=3,
                         examples=BACKWARD_EDGE, max_examples=70)
def backward_matches_reference(student, case):
    raw = unpack(student.call("dense_backward", case.dout,
                              student.call("dense_forward", case.x, case.W, case.b, keep=(1,))[1]),
                 3, "dense_backward")
    want = ref.dense_backward(case.dout, case.x, case.W, case.b)
    for name, g, w, s in zip(("dx", "dW", "db"), raw, want, _backward_scales(case)):
        assert_close(_float_array(g, name, raw), w, name=name, scale=s, observed=raw)


# ------------------------------------------------------------ known mistakes (backward)

def _ref_grads(case):
    return ref.dense_backward(case.dout, case.x, case.W, case.b)


@dense_backward.mistake("dW_transposed", "dW computed as x.T @ dout (shape (D, M))",
                        "dW must have W's shape (M, D): dW = dout.T @ x.")
def _dW_transposed(case):
    dx, dW, db = _ref_grads(case)
    return dx, dW.T, db


@dense_backward.mistake("db_mean", "db averaged over the batch",
                        "The loss is sum(out * dout), so every sample adds its dout to db: "
                        "db = dout.sum(axis=0), not the mean.")
def _db_mean(case):
    dx, dW, _ = _ref_grads(case)
    return dx, dW, _f64(case.dout).mean(axis=0)


@dense_backward.mistake("db_not_reduced", "db returned as dout itself (one row per sample)",
                        "b is shared by every sample: sum dout over the batch axis, "
                        "db = dout.sum(axis=0), shape (M,).")
def _db_not_reduced(case):
    if case.x.shape[0] == 1:  # dout equals dout.sum(axis=0, keepdims=True): ambiguous, name nothing
        raise ValueError("ambiguous at N = 1")
    dx, dW, _ = _ref_grads(case)
    return dx, dW, _f64(case.dout)


@dense_backward.mistake("dW_averaged", "dW divided by the batch size",
                        "The gradients are of sum(out * dout): dW = dout.T @ x, summed over the "
                        "batch, with no division by N.")
def _dW_averaged(case):
    dx, dW, db = _ref_grads(case)
    return dx, dW / case.x.shape[0], db


@dense_backward.mistake("dW_averaged", "", "")
def _all_averaged(case):
    n = case.x.shape[0]
    return tuple(g / n for g in _ref_grads(case))


@dense_backward.mistake("dx_wrong_weight", "dx computed with W.T instead of W",
                        "out = x @ W.T, so dx = dout @ W (shape (N, D)); dout @ W.T only runs when "
                        "M == D and then gives the wrong values.")
def _dx_wrong_weight(case):
    _, dW, db = _ref_grads(case)
    return _f64(case.dout) @ _f64(case.W).T, dW, db


@dense_backward.mistake("dx_zero", "dx is zero",
                        "The input also receives a gradient: dx = dout @ W. It is needed to "
                        "backpropagate into earlier layers.")
def _dx_zero(case):
    _, dW, db = _ref_grads(case)
    return np.zeros(case.x.shape), dW, db


# ------------------------------------------------------------ reference result, for the diagnosis


def _forward_reference(case):
    return ref.dense_forward(case.x, case.W, case.b)


dense_forward.reference = _forward_reference
dense_backward.reference = _ref_grads


# ================================================================== numerical_gradient

def _numgrad_reference(case):
    return ref.numerical_gradient(_function(case), _f64(case.x), _h(case))


@numerical_gradient.property("agrees with reference central differences of the same f on "
                             "generated inputs (any shape, float32 and float64 x, default and "
                             "explicit steps h from 1e-6 to 1)", cases=smooth_cases(),
                             public=False, weight=3, examples=NUMGRAD_EDGE, max_examples=20)
def numgrad_matches_reference(student, case):
    got = _grad_array(_numerical_gradient(student, case)[1], case)
    assert_close(got, _numgrad_reference(case), name="numerical_gradient(f, x)",
                 scale=_gradient_terms(case) + _rounding_bound(case, _h(case)), observed=got)


# ------------------------------------------------------------ known mistakes

def _differences(case, quotient):
    """quotient(f, x, i, h) for every flat index i of a float64 copy of x, reshaped like x."""
    f, x, h = _function(case), _f64(case.x), _h(case)
    flat = x.ravel()
    return np.array([quotient(f, flat, i, h, x.shape) for i in range(flat.size)]).reshape(x.shape)


def _moved(flat, i, step, shape):
    v = flat.copy()
    v[i] += step
    return v.reshape(shape)


@numerical_gradient.mistake("forward_difference", "a one-sided (forward) difference",
                            "Central differences evaluate f on both sides: (f(x + h e_i) - "
                            "f(x - h e_i)) / (2 h). The one-sided (f(x + h e_i) - f(x)) / h is "
                            "only accurate to order h, and calls f x.size + 1 times.")
def _forward_difference(case):
    x = _f64(case.x)
    f0 = _function(case)(x)
    return _differences(case, lambda f, v, i, h, s: (f(_moved(v, i, h, s)) - f0) / h)


@numerical_gradient.mistake("forward_difference", "", "")
def _backward_difference(case):
    x = _f64(case.x)
    f0 = _function(case)(x)
    return _differences(case, lambda f, v, i, h, s: (f0 - f(_moved(v, i, -h, s))) / h)


@numerical_gradient.mistake("missing_factor_two", "dividing by h instead of 2 h",
                            "The two evaluation points x + h e_i and x - h e_i are 2 h apart: "
                            "divide their difference by 2 * h.")
def _missing_factor_two(case):
    return 2.0 * _numgrad_reference(case)


@numerical_gradient.mistake("perturbs_all_coordinates", "adding h to every entry of x at once",
                            "Move ONE entry at a time: x + h e_i has h added at index i only "
                            "(x_plus = x.copy(); x_plus[idx] += h), not x + h.")
def _perturbs_all(case):
    f, x, h = _function(case), _f64(case.x), _h(case)
    return np.full(x.shape, (f(x + h) - f(x - h)) / (2 * h))


def _not_restored(case, reset_copies):
    """Entries are moved in place and never put back: later entries see the earlier ones moved.

    With ``reset_copies`` False, one copy x - h e_i ... is kept for the minus side as well
    (copies made once before the loop)."""
    f, x, h = _function(case), _f64(case.x), _h(case)
    shape = x.shape
    if reset_copies:  # x[i] += h; f; x[i] -= 2h; f; (no restore): x[i] stays at x_i - h
        v = x.ravel().copy()
        out = []
        for i in range(v.size):
            v[i] += h
            fp = f(v.reshape(shape))
            v[i] -= 2 * h
            out.append((fp - f(v.reshape(shape))) / (2 * h))
        return np.array(out).reshape(shape)
    plus, minus = x.ravel().copy(), x.ravel().copy()
    out = []
    for i in range(plus.size):
        plus[i] += h
        minus[i] -= h
        out.append((f(plus.reshape(shape)) - f(minus.reshape(shape))) / (2 * h))
    return np.array(out).reshape(shape)


@numerical_gradient.mistake("not_restored", "entries are not put back after being perturbed",
                            "After evaluating f(x + h e_i) and f(x - h e_i), restore x[idx] to "
                            "its original value (or start every evaluation from a fresh copy of "
                            "x): otherwise f is evaluated at points where earlier entries are "
                            "still moved, and x itself may come back modified.")
def _not_restored_in_place(case):
    return _not_restored(case, True)


@numerical_gradient.mistake("not_restored", "", "")
def _not_restored_copies(case):
    return _not_restored(case, False)


@numerical_gradient.mistake("h_hardcoded", "ignoring the argument h (a hard-coded step)",
                            "Use the h passed in, in the perturbation and in the division; its "
                            "default value 1e-5 belongs in the signature, not in the body.")
def _h_hardcoded(case):
    if case.h is None or case.h == DEFAULT_H:
        raise ValueError("the default step: a hard-coded one is harmless")
    return ref.numerical_gradient(_function(case), _f64(case.x), DEFAULT_H)


numerical_gradient.reference = _numgrad_reference


# ================================================================== gradient_check

@relative_error.property("agrees with the reference relative error on generated inputs (any "
                         "shape, single entries, zeros, float32 and float64, magnitudes from "
                         "1e-6 to 1e3)", cases=pair_cases(), public=False, weight=3,
                         examples=CHECK_EDGE, max_examples=30)
def check_matches_reference(student, case):
    got = _relative_error(student, case.analytic, case.numeric)
    want = ref.gradient_check(case.analytic, case.numeric)
    assert_close(got, want, name="gradient_check(analytic, numeric)", scale=1e-4, observed=got)


# ------------------------------------------------------------ known mistakes

def _norm(v):
    return np.sqrt(np.sum(_f64(v) ** 2))


def _ab(case):
    return _f64(case.analytic), _f64(case.numeric)


def _ratio(num, den):
    """num / den, 0.0 when den is 0: the mistakes below guard the zero case like the exercise."""
    return 0.0 if den == 0 else num / den


@relative_error.mistake("absolute_error", "returning ||analytic - numeric|| without dividing",
                        "The RELATIVE error divides the distance by the size of the gradients: "
                        "||a - n|| / (||a|| + ||n||).")
def _absolute(case):
    a, n = _ab(case)
    return _norm(a - n)


@relative_error.mistake("missing_denominator_sum", "dividing by the norm of one array only",
                        "Divide by the SUM of both norms, ||analytic|| + ||numeric||: that "
                        "makes the error symmetric and keeps it in [0, 1].")
def _by_numeric(case):
    a, n = _ab(case)
    return _ratio(_norm(a - n), _norm(n))


@relative_error.mistake("missing_denominator_sum", "", "")
def _by_analytic(case):
    a, n = _ab(case)
    return _ratio(_norm(a - n), _norm(a))


@relative_error.mistake("max_instead_of_norm", "a maximum instead of the L2 norms",
                        "Use Euclidean norms of all entries (np.linalg.norm, or the square "
                        "root of the sum of squares), in the numerator and the denominator, and "
                        "add the two norms in the denominator rather than taking the larger.")
def _max_entries(case):
    a, n = _ab(case)
    return _ratio(np.max(np.abs(a - n)), np.max(np.abs(a)) + np.max(np.abs(n)))


@relative_error.mistake("squared_norms", "squared norms (no square root)",
                        "The norms are square roots of sums of squares: np.sqrt(np.sum(d**2)), "
                        "or np.linalg.norm(d).")
def _squared(case):
    a, n = _ab(case)
    return _ratio(np.sum((a - n) ** 2), np.sum(a ** 2) + np.sum(n ** 2))


@relative_error.mistake("squared_norms", "", "")
def _squared_numerator(case):
    a, n = _ab(case)
    return _ratio(np.sum((a - n) ** 2), _norm(a) + _norm(n))


@relative_error.mistake("norm_of_sum_denominator", "dividing by ||analytic + numeric||",
                        "The denominator is the sum of the two norms, ||a|| + ||n||, not the "
                        "norm of the sum (which is 0 for opposite gradients).")
def _norm_of_sum(case):
    a, n = _ab(case)
    return _ratio(_norm(a - n), _norm(a + n))


@relative_error.mistake("l1_norms", "sums of absolute values instead of L2 norms",
                        "Use the Euclidean (L2) norm, the square root of the sum of squares, "
                        "not the sum of absolute values.")
def _l1(case):
    a, n = _ab(case)
    return _ratio(np.sum(np.abs(a - n)), np.sum(np.abs(a)) + np.sum(np.abs(n)))


@relative_error.mistake("elementwise_relative_error", "an array of per-entry relative errors",
                        "Return ONE number for the whole gradient: take the norms over all "
                        "entries together, not |a - n| / (|a| + |n|) entry by entry.")
def _elementwise(case):
    a, n = _ab(case)
    den = np.abs(a) + np.abs(n)
    return np.abs(a - n) / np.where(den == 0, 1.0, den)


@relative_error.mistake("zero_division_nan", "0 / 0 = nan when both gradients are zero",
                        "When ||analytic|| + ||numeric|| is 0 both gradients are zero and agree: "
                        "return 0.0 instead of dividing.")
def _zero_nan(case):
    a, n = _ab(case)
    if np.any(a) or np.any(n):
        raise ValueError("only when both are zero")
    return float("nan")


relative_error.reference = lambda case: ref.gradient_check(case.analytic, case.numeric)
