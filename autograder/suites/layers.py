"""Hidden suites: layers.dense_forward and layers.dense_backward.

The exercises, their strategies and their public properties are in
``autograder/public/layers.py``; this module adds the hidden properties and
the mistakes recognised by value.
"""


import numpy as np

from autograder.checking import assert_close, unpack
from autograder.public.layers import (BACKWARD_EDGE, FORWARD_EDGE, _backward_scales, _f64,
                                      _float_array, _forward, _forward_scale, dense_backward,
                                      dense_cases, dense_forward)
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
