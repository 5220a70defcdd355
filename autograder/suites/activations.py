"""Hidden suites: the activations unit.

The exercises, their strategies and their public properties are in
``autograder/public/activations.py``; this module adds the hidden properties
and the mistakes recognised by value. For the six elementwise pairs one
factory, `reference_pair`, registers agreement with the reference on
generated inputs for the forward and the backward exercise (within the
pair's tolerance scales, `Activation.forward_scale` and `backward_scale`) and
sets the reference results the diagnosis judges mistakes against; each
function's catalog of known mistakes follows it. Mistakes that overflow are
computed both in the input's dtype and in float64, as a student's code may do
either. Every result of a pair is compared with its catalog entry by entry
(`per_entry`, applied to the computes by `_in_forms` at the end), so a mistake
that only shows in the tails (softplus(-50) returned as 0) is still named.
"""

import math

import numpy as np

from autograder.checking import as_float_array, assert_close
from autograder.public.activations import (EDGE, LOG_EDGE, _backward, _call, _f64, _forward,
                                           _log_call, _log_scale, activation_cases, gelu, leaky_relu,
                                           log_softmax, pair_examples, relu, sigmoid, softmax,
                                           softmax_cases, softplus, tanh)
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


# ================================================================== log_softmax

@log_softmax.property("agrees with the reference log-softmax on generated inputs (any shape and "
                      "axis, float32 and float64, logits up to 1e4)", cases=softmax_cases(),
                      public=False, weight=3, examples=LOG_EDGE, max_examples=45)
def log_matches_reference(student, case):
    out = _log_call(student, case)
    assert_close(out, ref.log_softmax(case.x, axis=case.axis), name="log_softmax(x)",
                 scale=_log_scale(case.x, case.axis))


def _lse(x, axis):
    """log(sum(exp(x))) along axis, stable, keepdims."""
    m = np.max(x, axis=axis, keepdims=True)
    return m + np.log(np.sum(_exp(x - m), axis=axis, keepdims=True))


@log_softmax.mistake("no_max_shift", "log-sum-exp computed without subtracting the maximum",
                     "exp(x) overflows for logits above about 709 (88 in float32), and log(sum) "
                     "is then inf: use m + log(sum(exp(x - m))) with m the max along the axis.")
def _log_no_shift(case):
    x = _f64(case.x)
    with np.errstate(divide="ignore", invalid="ignore"):
        return x - np.log(np.sum(_exp(x), axis=case.axis, keepdims=True))


@log_softmax.mistake("no_max_shift", "", "")
def _log_no_shift_in_dtype(case):
    x = case.x
    with np.errstate(divide="ignore", invalid="ignore"):
        return _f64(x - np.log(np.sum(_exp(x), axis=case.axis, keepdims=True)))


@log_softmax.mistake("log_of_softmax", "the log of a softmax computed first",
                     "Probabilities below about 1e-308 underflow to 0 and their log is -inf; "
                     "subtract the log-sum-exp instead: x - m - log(sum(exp(x - m))).")
def _log_of_softmax(case):
    with np.errstate(divide="ignore"):
        return np.log(ref.softmax(case.x, axis=case.axis))


@log_softmax.mistake("log_of_softmax", "", "")
def _log_of_softmax_in_dtype(case):
    x = case.x
    e = _exp(x - np.max(x, axis=case.axis, keepdims=True))
    with np.errstate(divide="ignore"):
        return _f64(np.log(e / np.sum(e, axis=case.axis, keepdims=True)))


@log_softmax.mistake("max_not_added_back", "the maximum is not added back to the log-sum-exp",
                     "log(sum(exp(x))) = m + log(sum(exp(x - m))): after shifting by m, add it "
                     "back (or subtract it from x too).")
def _max_not_added_back(case):
    x = _f64(case.x)
    m = np.max(x, axis=case.axis, keepdims=True)
    return x - np.log(np.sum(np.exp(x - m), axis=case.axis, keepdims=True))


@log_softmax.mistake("axis_ignored", "normalising along the last axis whatever axis is asked for",
                     "Use the axis argument in both the max and the sum.")
def _log_axis_ignored(case):
    return ref.log_softmax(case.x, axis=-1)


@log_softmax.mistake("global_normalisation", "subtracting the log-sum-exp of the whole array",
                     "Take the log-sum-exp along the axis only (axis=axis, keepdims=True).")
def _log_global(case):
    x = _f64(case.x)
    return x - _lse(x.reshape(-1), 0)


@log_softmax.mistake("sum_without_keepdims", "a log-sum-exp taken without keepdims",
                     "x - lse broadcasts the slice totals along the wrong axis (it only runs when "
                     "the shape allows it); pass keepdims=True.")
def _log_no_keepdims(case):
    x = _f64(case.x)
    return x - np.squeeze(_lse(x, case.axis), axis=case.axis)


@log_softmax.mistake("softmax_returned", "returning the probabilities instead of their log",
                     "Return x - logsumexp(x) along the axis (the log of softmax).")
def _log_softmax_probabilities(case):
    return ref.softmax(case.x, axis=case.axis)


log_softmax.reference = lambda case: ref.log_softmax(case.x, axis=case.axis)


# ================================================================== elementwise pairs

def reference_pair(pair, n_forward=36, n_backward=34):
    """Agreement of both exercises of ``pair`` with the reference, within the pair's own
    tolerance scales, and the reference results the diagnosis judges mistakes against."""
    name = pair.name
    ref_fwd = getattr(ref, f"{name}_forward")
    ref_bwd = getattr(ref, f"{name}_backward")

    def forward_reference(case):
        return ref_fwd(case.x, **pair.kwargs(case))

    def backward_reference(case):
        return ref_bwd(case.dout, case.x, **pair.kwargs(case))

    @pair.forward.property(f"agrees with the reference {name} on generated inputs (any shape, float32 "
                           "and float64, zeros, ties, tiny values and |x| up to 1e4)",
                           cases=activation_cases(pair.params, lo=0), public=False, weight=3,
                           examples=pair_examples(**_first_params(pair)), max_examples=n_forward)
    def matches_reference(student, case):
        out = _forward(student, pair, case)
        assert_close(out, forward_reference(case), name=f"{name}_forward(x)",
                     scale=pair.forward_scale(case), observed=pair.f_form(case, out))

    @pair.backward.property(f"agrees with the reference gradient of {name} on generated inputs (any "
                            "shape, float32 and float64, zeros, ties, tiny values and |x| up to 1e4)",
                            cases=activation_cases(pair.params, lo=0, dout=True), public=False,
                            weight=3, examples=pair_examples(backward=True, **_first_params(pair)),
                            max_examples=n_backward)
    def backward_matches_reference(student, case):
        dx = _backward(student, pair, case)
        assert_close(dx, backward_reference(case), name="dx", scale=pair.backward_scale(case),
                     observed=pair.b_form(case, dx))

    pair.forward.reference = lambda case: pair.f_form(case, forward_reference(case))
    pair.backward.reference = lambda case: pair.b_form(case, backward_reference(case))


def _first_params(pair):
    return {"alpha": 0.2} if pair is leaky_relu else {}


def _in_forms(pair):
    """Make every mistake of the pair compute its result in the form the catalog compares
    (`per_entry`), like the observed results and the reference; called once per pair, after its
    catalog is complete."""
    for ex, form in ((pair.forward, pair.f_form), (pair.backward, pair.b_form)):
        for m in ex.mistakes.values():
            m.computes = [(lambda case, c=c, form=form: form(case, c(case))) for c in m.computes]


def _in_dtype_and_f64(ex, mistake_id, title, hint):
    """Register ``compute(x)`` twice: evaluated in the input's dtype and in float64."""

    def register(compute):
        ex.mistake(mistake_id, title, hint)(lambda case: _f64(compute(case, case.x)))
        ex.mistake(mistake_id, "", "")(lambda case: compute(case, _f64(case.x)))
        return compute

    return register


def _sig(x):
    return ref.sigmoid_forward(x)


# ------------------------------------------------------------------ sigmoid

reference_pair(sigmoid)
F, B = sigmoid.forward, sigmoid.backward


@_in_dtype_and_f64(F, "naive_exp_overflow", "exp(x) / (1 + exp(x)) evaluated directly",
                   "exp(x) overflows for x > 709 (88 in float32) and inf / inf is nan: use "
                   "z = exp(-|x|), 1 / (1 + z) for x >= 0 and z / (1 + z) for x < 0.")
def _sigmoid_naive(case, x):
    e = _exp(x)
    with np.errstate(invalid="ignore"):
        return e / (1 + e)


@F.mistake("sign_flipped", "1 / (1 + exp(x)) (the minus sign is missing)",
           "sigmoid(x) = 1 / (1 + exp(-x)): it tends to 1 for large positive x.")
def _sigmoid_sign(case):
    return _sig(-_f64(case.x))


@F.mistake("abs_without_branch", "1 / (1 + exp(-|x|)) for every entry",
           "exp(-|x|) avoids overflow, but negative entries need the other branch: "
           "z / (1 + z) where x < 0 (with z = exp(-|x|)).")
def _sigmoid_abs(case):
    return _sig(np.abs(_f64(case.x)))


@F.mistake("tanh_returned", "tanh(x) instead of the sigmoid",
           "The sigmoid maps to (0, 1): 1 / (1 + exp(-x)); tanh maps to (-1, 1) and equals "
           "2 * sigmoid(2x) - 1.")
def _sigmoid_tanh(case):
    return np.tanh(_f64(case.x))


@F.mistake("one_missing_in_denominator", "1 / exp(-x), without the 1 + in the denominator",
           "sigmoid(x) = 1 / (1 + exp(-x)): without the 1 it is exp(x), which is not bounded by 1.")
def _sigmoid_no_one(case):
    return _exp(_f64(case.x))


@B.mistake("derivative_s_only", "dx = dout * s instead of dout * s * (1 - s)",
           "The derivative of the sigmoid is s * (1 - s), with s the cached output.")
def _sig_s_only(case):
    return _f64(case.dout) * _sig(case.x)


@B.mistake("derivative_of_input", "dx = dout * x * (1 - x): the input x used in place of s",
           "The derivative is s * (1 - s) with s = sigmoid(x), the OUTPUT of the forward pass; "
           "cache the output (or recompute it from x).")
def _sig_of_input(case):
    x = _f64(case.x)
    with np.errstate(over="ignore", invalid="ignore"):
        return _f64(case.dout) * x * (1 - x)


@_in_dtype_and_f64(B, "derivative_exp_overflow", "dx = dout * exp(-x) / (1 + exp(-x))**2",
                   "exp(-x) overflows for x < -709 (-88 in float32) and inf / inf is nan: compute "
                   "the derivative as s * (1 - s) from the (stable) cached output.")
def _sig_exp_derivative(case, x):
    e = _exp(-x)
    with np.errstate(over="ignore", invalid="ignore"):
        return _f64(case.dout) * _f64(e / (1 + e) ** 2)


@B.mistake("dout_ignored", "the local derivative s * (1 - s) returned without multiplying by dout",
           "The backward pass returns dL/dx = dout * s * (1 - s): multiply by the upstream "
           "gradient.")
def _sig_no_dout(case):
    return ref.sigmoid_backward(np.ones(case.x.shape), case.x)


@B.mistake("sigmoid_applied_to_cache", "the sigmoid applied again to the cached output",
           "The cache already holds s = sigmoid(x); use it directly: dout * s * (1 - s).")
def _sig_twice(case):
    return ref.sigmoid_backward(case.dout, _sig(case.x))


@B.mistake("tanh_derivative_used", "dx = dout * (1 - s**2), the tanh formula",
           "1 - out**2 is the derivative of tanh; for the sigmoid it is s * (1 - s).")
def _sig_tanh_formula(case):
    s = _sig(case.x)
    return _f64(case.dout) * (1 - s * s)


# ------------------------------------------------------------------ tanh

reference_pair(tanh)
F, B = tanh.forward, tanh.backward


@_in_dtype_and_f64(F, "naive_exp_overflow", "(exp(x) - exp(-x)) / (exp(x) + exp(-x)) evaluated directly",
                   "exp(|x|) overflows for |x| > 710 (89 in float32) and inf / inf is nan: use "
                   "np.tanh (or exp(-2|x|) only).")
def _tanh_naive(case, x):
    a, b = _exp(x), _exp(-x)
    with np.errstate(invalid="ignore"):
        return (a - b) / (a + b)


@F.mistake("half_argument", "2 * sigmoid(x) - 1, which is tanh(x / 2)",
           "tanh(x) = 2 * sigmoid(2x) - 1: the sigmoid takes 2x. np.tanh does it for you.")
def _tanh_half(case):
    return np.tanh(_f64(case.x) / 2)


@F.mistake("sigmoid_returned", "the sigmoid instead of tanh",
           "tanh(x) = (exp(x) - exp(-x)) / (exp(x) + exp(-x)), with values in [-1, 1]; use np.tanh.")
def _tanh_sigmoid(case):
    return _sig(case.x)


@F.mistake("sign_flipped", "(exp(-x) - exp(x)) / (exp(x) + exp(-x)) = -tanh(x)",
           "The numerator is exp(x) - exp(-x): tanh has the sign of x.")
def _tanh_sign(case):
    return -np.tanh(_f64(case.x))


@B.mistake("derivative_of_input", "dx = dout * (1 - x**2): the input used in place of tanh(x)",
           "The derivative is 1 - tanh(x)**2 = 1 - out**2: cache the OUTPUT of the forward pass.")
def _tanh_of_input(case):
    x = _f64(case.x)
    with np.errstate(over="ignore"):
        return _f64(case.dout) * (1 - x * x)


@B.mistake("derivative_not_squared", "dx = dout * (1 - tanh(x)), the square is missing",
           "The derivative of tanh is 1 - tanh(x)**2.")
def _tanh_unsquared(case):
    return _f64(case.dout) * (1 - np.tanh(_f64(case.x)))


@B.mistake("tanh_applied_to_cache", "tanh applied again to the cached output",
           "The cache already holds out = tanh(x): dx = dout * (1 - out**2).")
def _tanh_twice(case):
    t = np.tanh(np.tanh(_f64(case.x)))
    return _f64(case.dout) * (1 - t * t)


@B.mistake("dout_ignored", "the local derivative 1 - out**2 returned without multiplying by dout",
           "dx = dout * (1 - out**2): multiply by the upstream gradient.")
def _tanh_no_dout(case):
    return ref.tanh_backward(np.ones(case.x.shape), case.x)


@B.mistake("sigmoid_derivative_used", "dx = dout * out * (1 - out), the sigmoid's formula",
           "out * (1 - out) is the sigmoid's derivative; tanh's is 1 - out**2.")
def _tanh_sigmoid_formula(case):
    t = np.tanh(_f64(case.x))
    return _f64(case.dout) * t * (1 - t)


# ------------------------------------------------------------------ relu

reference_pair(relu)
F, B = relu.forward, relu.backward


@F.mistake("min_instead_of_max", "np.minimum(x, 0): the negative part",
           "ReLU keeps the positive entries: np.maximum(x, 0).")
def _relu_min(case):
    return np.minimum(_f64(case.x), 0.0)


@F.mistake("np_max_reduces", "np.max(x, 0): a maximum along axis 0 instead of elementwise",
           "np.max(x, 0) reduces along axis 0 (0 is the axis argument); the elementwise maximum is "
           "np.maximum(x, 0).")
def _relu_reduce(case):
    if case.x.shape[0] == 1:  # then np.max(x, 0) is x[0], as np.squeeze would give: ambiguous
        raise ValueError("ambiguous with a squeezed result")
    return np.max(_f64(case.x), 0)


@F.mistake("mask_returned", "the mask (x > 0) returned instead of the values",
           "The forward pass returns max(x, 0); the 0/1 mask is the derivative, for the backward.")
def _relu_mask(case):
    return (_f64(case.x) > 0).astype(np.float64)


@F.mistake("leaky_slope_applied", "negative entries multiplied by 0.01 (leaky ReLU) instead of set to 0",
           "Plain ReLU sets every non-positive entry to 0: np.maximum(x, 0).")
def _relu_leaky(case):
    return ref.leaky_relu_forward(case.x, 0.01)


@B.mistake("derivative_one_at_zero", "mask x >= 0: the slope at x == 0 taken as 1",
           "At the kink use slope 0 (as torch): the mask is x > 0, strictly.")
def _relu_ge(case):
    return _f64(case.dout) * (_f64(case.x) >= 0)


@B.mistake("mask_from_dout", "the mask built from dout (dout > 0) instead of from x",
           "Which entries pass the gradient depends on the forward input: dx = dout where x > 0.")
def _relu_dout_mask(case):
    d = _f64(case.dout)
    return np.where(d > 0, d, 0.0)


@B.mistake("no_mask", "dout returned unchanged",
           "ReLU passes the gradient only where x > 0: zero it elsewhere.")
def _relu_no_mask(case):
    return _f64(case.dout).copy()


@B.mistake("dout_ignored", "the mask (x > 0) returned without multiplying by dout",
           "dx = dout * (x > 0): multiply the mask by the upstream gradient.")
def _relu_no_dout(case):
    return (_f64(case.x) > 0).astype(np.float64)


@B.mistake("multiplied_by_output", "dx = dout * out: multiplied by the cached output instead of the mask",
           "The slope of ReLU is 1 or 0, not relu(x): dx = dout * (x > 0).")
def _relu_times_out(case):
    return _f64(case.dout) * ref.relu_forward(case.x)


# ------------------------------------------------------------------ leaky_relu

reference_pair(leaky_relu)
F, B = leaky_relu.forward, leaky_relu.backward


def _alpha(case):
    return case.get("alpha", 0.01)


def _given_alpha(case):
    """The alpha of a case that passes one different from the default (else the mistake is moot)."""
    if "alpha" not in case:
        raise ValueError("default alpha")
    return case["alpha"]


@F.mistake("alpha_ignored", "negative entries set to 0 (plain ReLU): alpha is not used",
           "Leaky ReLU keeps alpha * x for x <= 0: np.where(x > 0, x, alpha * x).")
def _leaky_relu(case):
    return ref.relu_forward(case.x)


@F.mistake("alpha_hardcoded", "0.01 used whatever alpha is passed",
           "Use the alpha argument; 0.01 is only its default.")
def _leaky_hard(case):
    _given_alpha(case)
    return ref.leaky_relu_forward(case.x, 0.01)


for _wrong_default in (0.1, 0.2, 0.02, 0.05, 0.001, 0.3):
    @F.mistake("default_alpha_wrong", "the default alpha is not 0.01",
               "The signature is leaky_relu_forward(x, alpha=0.01).")
    def _leaky_default(case, _a=_wrong_default):
        if "alpha" in case:
            raise ValueError("alpha given")
        return ref.leaky_relu_forward(case.x, _a)


@F.mistake("branches_swapped", "alpha * x kept for positive entries and x for negative ones",
           "x where x > 0, alpha * x where x <= 0.")
def _leaky_swapped(case):
    x = _f64(case.x)
    return np.where(x > 0, _alpha(case) * x, x)


@B.mistake("alpha_ignored_in_backward", "dx = 0 where x <= 0 (ReLU's backward): alpha is not used",
           "The slope for x <= 0 is alpha, not 0: dx = np.where(x > 0, dout, alpha * dout).")
def _leaky_b_relu(case):
    return ref.relu_backward(case.dout, case.x)


@B.mistake("alpha_on_positives", "alpha * dout where x > 0 and dout elsewhere (branches swapped)",
           "The slope is 1 for x > 0 and alpha for x <= 0.")
def _leaky_b_swapped(case):
    x, d = _f64(case.x), _f64(case.dout)
    return np.where(x > 0, _alpha(case) * d, d)


@B.mistake("slope_one_at_zero", "mask x >= 0: the slope at x == 0 taken as 1 instead of alpha",
           "At the kink use slope alpha (as torch): the mask is x > 0, strictly.")
def _leaky_b_ge(case):
    x, d = _f64(case.x), _f64(case.dout)
    return np.where(x >= 0, d, _alpha(case) * d)


@B.mistake("alpha_hardcoded", "0.01 used in the backward pass whatever alpha the forward got",
           "Keep the alpha of the forward pass in the cache and use it in the backward pass.")
def _leaky_b_hard(case):
    _given_alpha(case)
    return ref.leaky_relu_backward(case.dout, case.x, 0.01)


@B.mistake("dout_ignored", "the slope (1 or alpha) returned without multiplying by dout",
           "dx = dout * slope: multiply by the upstream gradient.")
def _leaky_b_no_dout(case):
    return ref.leaky_relu_backward(np.ones(case.x.shape), case.x, _alpha(case))


# ------------------------------------------------------------------ gelu

reference_pair(gelu)
F, B = gelu.forward, gelu.backward

_erf = np.vectorize(math.erf, otypes=[np.float64])
_C = math.sqrt(2.0 / math.pi)


def _phi(x):
    return np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)


def _cdf(x):
    return 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))


@F.mistake("tanh_approximation", "the tanh approximation 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x**3)))",
           "The exercise asks for the exact GELU x * Phi(x) with Phi(x) = (1 + erf(x / sqrt(2))) / 2 "
           "(torch's default); the tanh form differs by up to 5e-4.")
def _gelu_tanh(case):
    x = _f64(case.x)
    with np.errstate(over="ignore"):
        return 0.5 * x * (1 + np.tanh(_C * (x + 0.044715 * x ** 3)))


@F.mistake("sigmoid_approximation", "the approximation x * sigmoid(1.702 x)",
           "Use the exact GELU x * Phi(x), Phi(x) = (1 + erf(x / sqrt(2))) / 2.")
def _gelu_sig(case):
    x = _f64(case.x)
    return x * _sig(1.702 * x)


@F.mistake("erf_argument_unscaled", "Phi(x) computed as (1 + erf(x)) / 2, without dividing x by sqrt(2)",
           "The standard normal CDF is (1 + erf(x / sqrt(2))) / 2.")
def _gelu_erf_x(case):
    x = _f64(case.x)
    return x * 0.5 * (1 + _erf(x))


@F.mistake("cdf_not_halved", "Phi(x) computed as 1 + erf(x / sqrt(2)), without the factor 1/2",
           "Phi(x) = (1 + erf(x / sqrt(2))) / 2 is a probability, between 0 and 1.")
def _gelu_unhalved(case):
    x = _f64(case.x)
    return x * (1 + _erf(x / math.sqrt(2.0)))


@F.mistake("density_instead_of_cdf", "x times the normal density phi(x) instead of the CDF Phi(x)",
           "GELU multiplies x by the cumulative distribution Phi(x) = (1 + erf(x / sqrt(2))) / 2.")
def _gelu_density(case):
    x = _f64(case.x)
    return x * _phi(x)


@B.mistake("missing_x_phi_term", "dx = dout * Phi(x): the product rule's x * phi(x) term is missing",
           "d/dx [x Phi(x)] = Phi(x) + x phi(x), with phi(x) = exp(-x**2 / 2) / sqrt(2 pi).")
def _gelu_b_phi_only(case):
    return _f64(case.dout) * _cdf(_f64(case.x))


@B.mistake("tanh_approximation", "the derivative of the tanh approximation",
           "Differentiate the exact GELU: dx = dout * (Phi(x) + x phi(x)).")
def _gelu_b_tanh(case):
    x = _f64(case.x)
    with np.errstate(over="ignore", invalid="ignore"):
        t = np.tanh(_C * (x + 0.044715 * x ** 3))
        local = 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * _C * (1 + 3 * 0.044715 * x * x)
    return _f64(case.dout) * np.where(np.isfinite(local), local, (x > 0).astype(float))


@B.mistake("density_not_normalised", "phi(x) taken as exp(-x**2 / 2), without 1 / sqrt(2 pi)",
           "The standard normal density is exp(-x**2 / 2) / sqrt(2 pi).")
def _gelu_b_unnormalised(case):
    x = _f64(case.x)
    return _f64(case.dout) * (_cdf(x) + x * np.exp(-0.5 * x * x))


@B.mistake("x_phi_term_subtracted", "dx = dout * (Phi(x) - x phi(x)): the sign of the second term",
           "By the product rule both terms are added: Phi(x) + x phi(x).")
def _gelu_b_minus(case):
    x = _f64(case.x)
    return _f64(case.dout) * (_cdf(x) - x * _phi(x))


@B.mistake("dout_ignored", "the local derivative returned without multiplying by dout",
           "dx = dout * (Phi(x) + x phi(x)): multiply by the upstream gradient.")
def _gelu_b_no_dout(case):
    return ref.gelu_backward(np.ones(case.x.shape), case.x)


# ------------------------------------------------------------------ softplus

reference_pair(softplus)
F, B = softplus.forward, softplus.backward


@_in_dtype_and_f64(F, "naive_overflow", "log(1 + exp(x)) evaluated directly",
                   "exp(x) overflows to inf for x > 709 (88 in float32), and for x < -37 (-17 in "
                   "float32) 1 + exp(x) rounds to 1: use max(x, 0) + log1p(exp(-|x|)).")
def _softplus_naive(case, x):
    with np.errstate(divide="ignore"):
        return np.log(1 + _exp(x))


@_in_dtype_and_f64(F, "log_without_log1p", "max(x, 0) + log(1 + exp(-|x|)): log instead of log1p",
                   "For very negative x, 1 + exp(-|x|) rounds to 1 and log gives 0 instead of about "
                   "exp(x); np.log1p(z) keeps a tiny z.")
def _softplus_log(case, x):
    return np.maximum(x, 0) + np.log(1 + _exp(-np.abs(x)))


@F.mistake("max_term_missing", "log1p(exp(-|x|)) without the max(x, 0) term",
           "softplus(x) = max(x, 0) + log1p(exp(-|x|)); the second term alone is at most log 2.")
def _softplus_no_max(case):
    return np.log1p(np.exp(-np.abs(_f64(case.x))))


@F.mistake("abs_instead_of_max", "|x| + log1p(exp(-|x|)), which is softplus(|x|)",
           "The first term is max(x, 0), not |x|.")
def _softplus_abs(case):
    return ref.softplus_forward(np.abs(_f64(case.x)))


@B.mistake("derivative_tanh", "dx = dout * tanh(x)",
           "The derivative of log(1 + exp(x)) is the sigmoid exp(x) / (1 + exp(x)).")
def _softplus_b_tanh(case):
    return _f64(case.dout) * np.tanh(_f64(case.x))


@B.mistake("derivative_relu_step", "dx = dout * (x > 0), the ReLU's slope",
           "Softplus is smooth: its slope is sigmoid(x), between 0 and 1 (1/2 at x = 0).")
def _softplus_b_step(case):
    return _f64(case.dout) * (_f64(case.x) > 0)


@_in_dtype_and_f64(B, "derivative_exp_overflow", "dx = dout * exp(x) / (1 + exp(x))",
                   "exp(x) overflows for x > 709 (88 in float32) and inf / inf is nan: compute the "
                   "sigmoid stably (z = exp(-|x|), two branches).")
def _softplus_b_naive(case, x):
    e = _exp(x)
    with np.errstate(invalid="ignore"):
        return _f64(case.dout) * _f64(e / (1 + e))


@B.mistake("dout_ignored", "sigmoid(x) returned without multiplying by dout",
           "dx = dout * sigmoid(x): multiply by the upstream gradient.")
def _softplus_b_no_dout(case):
    return _sig(case.x)


@B.mistake("sigmoid_of_output", "the sigmoid of the cached OUTPUT softplus(x) instead of x",
           "The slope is sigmoid(x) of the input: cache x (or recover it from the output).")
def _softplus_b_of_out(case):
    return _f64(case.dout) * _sig(ref.softplus_forward(case.x))


@B.mistake("derivative_sign_flipped", "dx = dout * sigmoid(-x)",
           "The derivative of log(1 + exp(x)) is exp(x) / (1 + exp(x)) = sigmoid(x), which tends "
           "to 1 for large x.")
def _softplus_b_flip(case):
    return _f64(case.dout) * _sig(-_f64(case.x))


for _pair in (sigmoid, tanh, relu, leaky_relu, gelu, softplus):
    _in_forms(_pair)
