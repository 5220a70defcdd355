"""Hidden suite: the mlp unit.

The exercises, their strategies and their public properties are in
``autograder/public/mlp.py``; this module adds the hidden properties (agreement
with the float64 reference across the whole domain, and the random functions'
checks on harder inputs) and the mistakes recognised by value. The random
exercises' mistakes are recognised by their properties (declared in the public
module), since a student may draw random numbers in any order.
"""

import math

import numpy as np
from hypothesis import strategies as st

from autograder.checking import Case, Failure, as_float, assert_close, strategies as S
from autograder.public.mlp import (BACKWARD_EDGE, BATCH_EDGE, CLIP_EDGE, DELTAS, FIRST_LOSSES,
                                   FORWARD_EDGE, P_VALUES, PENALTY_EDGE, WRONG_STDS, EarlyStopping,
                                   Z, _eval_check, _f64, _probs, batch_cases, batch_cases_from,
                                   check_backward_mask, check_drop_fraction, check_dropout_values,
                                   check_grad_list, check_grads, check_normal_statistics,
                                   check_partition, clip_cases, clip_grad_norm, clip_result, depth,
                                   dropout_backward, dropout_dx, dropout_forward, dropout_out, es_case,
                                   he_init, he_std, init_matrix, l1_grad, l1_penalty, l2_grad,
                                   l2_penalty, minibatches, mlp_backward, mlp_cases, mlp_forward,
                                   nonzero_array, run_early_stopping, run_minibatches, weight_lists,
                                   xavier_init, xavier_std)
from reference import mlp as ref


# ================================================================== mlp_forward

@mlp_forward.property("agrees with the reference network on generated inputs (1 to 4 layers, "
                      "N = 0 and 1, one class, float32 and float64, ties and zeros, logits up to "
                      "1e6 and more)", cases=mlp_cases(), public=False, weight=3,
                      examples=FORWARD_EDGE, max_examples=26)
def matches_reference(student, case):
    probs = _probs(student, case.x, case.params)
    assert_close(probs, ref.mlp_forward(case.x, case.params), name="probs", scale=1.0)


def _layers(x, params, hidden="relu", transpose=False):
    """Pre-activations of a network whose hidden activation (or weight layout) is wrong."""
    a = _f64(x)
    L = depth(params)
    for l in range(1, L + 1):
        W = _f64(params[f"W{l}"])
        z = (a @ W if transpose else a @ W.T) + _f64(params[f"b{l}"])
        if l < L:
            with np.errstate(all="ignore"):
                a = {"relu": lambda v: np.maximum(v, 0.0), "none": lambda v: v,
                     "sigmoid": lambda v: 1.0 / (1.0 + np.exp(-v)), "tanh": np.tanh}[hidden](z)
    return z


def _softmax(z, axis=1):
    z = _f64(z)
    if z.size == 0:
        return z.copy()
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


@mlp_forward.mistake("relu_on_output_layer", "ReLU applied to the last layer's logits too",
                     "The ReLU goes after the hidden layers only; the logits of the last layer go "
                     "straight into the softmax (negative logits are meaningful).")
def _relu_on_output(case):
    return _softmax(np.maximum(_layers(case.x, case.params), 0.0))


@mlp_forward.mistake("softmax_without_shift", "softmax computed without subtracting the maximum",
                     "exp overflows for logits above about 709 (88 in float32): subtract each "
                     "row's maximum logit first.")
def _no_shift(case):
    e = np.exp(_layers(case.x, case.params))
    return e / e.sum(axis=1, keepdims=True)


@mlp_forward.mistake("no_hidden_relu", "no activation between the layers",
                     "Without ReLU the layers collapse into one linear map: apply "
                     "a = np.maximum(z, 0) after every layer but the last.")
def _no_relu(case):
    return _softmax(_layers(case.x, case.params, "none"))


@mlp_forward.mistake("wrong_hidden_activation", "sigmoid or tanh instead of ReLU in the hidden layers",
                     "This network uses ReLU, max(z, 0), after every hidden layer.")
def _sigmoid_hidden(case):
    return _softmax(_layers(case.x, case.params, "sigmoid"))


@mlp_forward.mistake("wrong_hidden_activation", "", "")
def _tanh_hidden(case):
    return _softmax(_layers(case.x, case.params, "tanh"))


@mlp_forward.mistake("weight_not_transposed", "multiplying by W instead of W.T",
                     "W has shape (out, in), one row per unit: z = a @ W.T + b (a @ W only runs "
                     "when W is square, and gives the wrong values).")
def _not_transposed(case):
    return _softmax(_layers(case.x, case.params, transpose=True))


@mlp_forward.mistake("logits_returned", "the logits returned instead of probabilities",
                     "Apply the softmax to the last layer's output.")
def _logits(case):
    return _layers(case.x, case.params)


@mlp_forward.mistake("log_probs_returned", "log-probabilities returned",
                     "Return the softmax itself, not its logarithm.")
def _log_probs(case):
    return ref.log_softmax(_layers(case.x, case.params))


@mlp_forward.mistake("softmax_over_batch", "softmax taken over the batch axis",
                     "Normalise each sample's row: axis=1 (the classes), not axis=0.")
def _softmax_axis0(case):
    return _softmax(_layers(case.x, case.params), axis=0)


mlp_forward.reference = lambda case: ref.mlp_forward(case.x, case.params)


# ================================================================== mlp_backward

def _grad_scales(case):
    """Size of the terms summed in each gradient (absolute values pushed through the network)."""
    zs = ref._pre_activations(case.x, case.params)
    n = zs[0].shape[0]
    L = len(zs) - 1
    onehot = np.zeros_like(zs[-1])
    onehot[np.arange(n), case.labels] = 1.0
    delta = (ref.mlp_forward(case.x, case.params) + onehot) / n
    scales = {}
    for l in range(L, 0, -1):
        a_prev = np.abs(zs[0]) if l == 1 else np.maximum(zs[l - 1], 0.0)
        scales[f"W{l}"] = delta.T @ a_prev
        scales[f"b{l}"] = delta.sum(axis=0)
        if l > 1:
            delta = (delta @ np.abs(_f64(case.params[f"W{l}"]))) * (zs[l - 1] >= 0)
    return scales


@mlp_backward.property("agrees with the reference gradients on generated inputs (1 to 4 layers, "
                       "N = 1, one class, float32 and float64, exact zeros in the hidden "
                       "pre-activations, saturated softmax)",
                       cases=mlp_cases(min_n=1, labels=True), public=False, weight=3,
                       examples=BACKWARD_EDGE, max_examples=26)
def backward_matches_reference(student, case):
    _, cache = student.call("mlp_forward", case.x, case.params, keep=(1,))
    raw = student.call("mlp_backward", case.labels, cache)
    grads = check_grads(raw, case.params)
    want = ref.mlp_backward(case.x, case.params, case.labels)
    scales = _grad_scales(case)
    for k in case.params:
        assert_close(grads[k], want[k], name=f"grads[{k!r}]", scale=scales[k], observed=raw)


def _backward_variant(case, *, mean=True, transpose_dW=False, mask="gt", output_mask=False,
                      subtract_onehot=True, back_W_T=False, extra_div=False):
    """The gradients of an implementation with one or more known mistakes switched on."""
    zs = ref._pre_activations(case.x, case.params)
    n = zs[0].shape[0]
    L = len(zs) - 1
    probs = np.exp(ref.log_softmax(zs[-1]))
    delta = probs.copy()
    if subtract_onehot:
        delta[np.arange(n), case.labels] -= 1.0
    if mean:
        delta = delta / n
    if output_mask:
        delta = delta * (zs[-1] > 0)
    grads = {}
    for l in range(L, 0, -1):
        a_prev = zs[0] if l == 1 else np.maximum(zs[l - 1], 0.0)
        dW = delta.T @ a_prev
        db = delta.sum(axis=0)
        if extra_div:
            dW, db = dW / n, db / n
        grads[f"W{l}"] = dW.T if transpose_dW else dW
        grads[f"b{l}"] = db
        if l > 1:
            W = _f64(case.params[f"W{l}"])
            da = delta @ W.T if back_W_T else delta @ W
            z = zs[l - 1]
            delta = da * {"gt": z > 0, "ge": z >= 0, "none": np.ones_like(z)}[mask]
    return grads


def _variant(id, title="", hint="", **flags):
    def compute(case):
        return _backward_variant(case, **flags)

    compute.__name__ = f"_{id}"
    mlp_backward.mistake(id, title, hint)(compute)


_variant("grads_not_divided_by_n", "the gradients of the SUM of the losses (no division by N)",
         "The loss is the mean over the batch: dz_L = (probs - onehot) / N.", mean=False)
_variant("divided_by_n_twice", "dividing by N twice",
         "Divide by N once, in dz_L; dW = dz.T @ a_prev and db = dz.sum(axis=0) then need no "
         "further division.", extra_div=True)
_variant("dW_transposed", "dW computed as a_prev.T @ dz (shape (in, out))",
         "Each dW must have the shape of its W, (out, in): dW = dz.T @ a_prev.", transpose_dW=True)
_variant("missing_relu_derivative", "the ReLU derivative is left out in the hidden layers",
         "Going back through a hidden ReLU, multiply by its derivative: dz = da * (z > 0).",
         mask="none")
_variant("relu_derivative_one_at_zero", "ReLU's derivative taken as 1 at z == 0",
         "Use the mask z > 0 (derivative 0 at exactly 0, as torch); z >= 0 passes the gradient "
         "through units that output 0.", mask="ge")
_variant("output_relu_derivative", "a ReLU derivative applied to the output layer",
         "The logits have no ReLU: the gradient at the logits is (probs - onehot) / N as it is.",
         output_mask=True)
_variant("onehot_not_subtracted", "probs / N used as the gradient of the logits",
         "The gradient of the cross-entropy with respect to the logits is (probs - onehot(labels)) "
         "/ N: subtract 1 at each sample's label.", subtract_onehot=False)
_variant("backprop_with_W_transposed", "da = dz @ W.T instead of dz @ W",
         "z = a @ W.T + b, so the gradient flowing to a is dz @ W (shape (N, in)); dz @ W.T only "
         "runs when W is square.", back_W_T=True)

mlp_backward.reference = lambda case: ref.mlp_backward(case.x, case.params, case.labels)


# ================================================================== initialisers

#: Very unequal fans: fan 1 and matrices of one row or one column (2 * 10^4 entries at most).
EXTREME_FANS = ((1, 20000), (20000, 2), (3, 8000), (5000, 4), (1000, 30))


@st.composite
def extreme_fan_cases(draw):
    fan_in, fan_out = draw(st.sampled_from(EXTREME_FANS))
    return Case(fan_in=fan_in, fan_out=fan_out, seed=draw(S.seeds()))


@st.composite
def independence_fan_cases(draw):
    fan_in, fan_out = draw(st.sampled_from(((80, 100), (100, 80), (50, 200))))
    return Case(fan_in=fan_in, fan_out=fan_out, seed=draw(S.seeds()))


def _check_independent(W, fn, fan_in, fan_out):
    """No repeated rows or columns; lag-1 correlations along each axis within 6 standard errors of
    0 (each is about N(0, 1/n) for independent entries: false failure below 1e-8 per matrix)."""
    w = _f64(W)
    if len({r.tobytes() for r in w}) < w.shape[0] or len({c.tobytes() for c in w.T}) < w.shape[1]:
        raise Failure(f"{fn}({fan_in}, {fan_out}, rng) has repeated rows or columns: the entries "
                      "must be independent draws.", mistake="rows_repeated")
    ss = float(np.sum(w * w))
    for axis, name in ((1, "along a row"), (0, "down a column")):
        a = np.moveaxis(w, axis, -1)
        pairs = a[..., :-1] * a[..., 1:]
        r = float(pairs.sum()) / ss
        bound = Z / math.sqrt(pairs.size)
        if abs(r) > bound:
            raise Failure(f"neighbouring entries of {fn}({fan_in}, {fan_out}, rng) {name} have "
                          f"correlation {r:.4g}; independent entries give a value within +-{bound:.2g}.",
                          mistake="rows_repeated")


def _hidden_init_properties(ex, fn, std_of):

    @ex.property("the statistics (mean, variance, normal tails) hold for very unequal fans, fan 1 "
                 "included, on 2*10^4 entries (a correct implementation fails with probability "
                 "below 1e-8 per case)", cases=extreme_fan_cases(), public=False, weight=1.5,
                 max_examples=5)
    def statistics_for_unequal_fans(student, case):
        W = init_matrix(student, fn, case.fan_in, case.fan_out, case.seed)
        check_normal_statistics(W, std_of(case.fan_in, case.fan_out), case.fan_in, case.fan_out,
                                fn, WRONG_STDS[ex.id])

    @ex.property("the entries are independent: no repeated rows or columns, no correlation "
                 "between neighbours", cases=independence_fan_cases(), public=False, weight=1,
                 max_examples=3)
    def uncorrelated_entries(student, case):
        W = init_matrix(student, fn, case.fan_in, case.fan_out, case.seed)
        _check_independent(W, fn, case.fan_in, case.fan_out)


_hidden_init_properties(he_init, "he_init", he_std)
_hidden_init_properties(xavier_init, "xavier_init", xavier_std)


# ================================================================== dropout

def _hard_x(shape, seed, dtype, style):
    """Inputs with magnitudes over six decades (never 0), or with exact zeros."""
    if style == "wide":
        return S.build_array(shape, "wide", seed + 1, dtype)  # not the student's stream
    x = nonzero_array(shape, seed, dtype)
    x[np.random.default_rng((seed, 2)).random(shape) < 0.2] = 0  # 0 whether dropped or kept
    return x


DROPOUT_EDGE = (
    Case(x=nonzero_array((160, 100), 1), p=0.99, seed=1),          # n p (1 - p) = 158
    Case(x=nonzero_array((16000,), 2), p=0.01, seed=2),
    Case(x=nonzero_array((10, 30, 40), 3, np.float32), p=0.6, seed=3),
    Case(x=_hard_x((100, 120), 4, np.float64, "wide"), p=0.3, seed=4),
    Case(x=_hard_x((120, 120), 5, np.float32, "zeros"), p=0.75, seed=5),
)


@st.composite
def hard_dropout_cases(draw):
    shape = draw(st.sampled_from(((120, 100), (12000,), (20, 24, 25))))
    seed = draw(S.seeds())
    return Case(x=_hard_x(shape, seed, draw(S.dtypes()), draw(st.sampled_from(("wide", "zeros")))),
                p=draw(st.sampled_from(P_VALUES + (0.95, 0.05))), seed=seed)


@dropout_forward.property("in training mode the entries are 0 or x / (1 - p) and the dropped "
                          "fraction is p within 6 standard errors also for p = 0.01 and 0.99, "
                          "3-d inputs, magnitudes over six decades and inputs with zeros "
                          "(a correct implementation fails with probability below 1e-8 per case)",
                          cases=hard_dropout_cases(), public=False, weight=2, max_examples=4,
                          examples=DROPOUT_EDGE)
def train_mode_hard_inputs(student, case):
    out = dropout_out(student, case.x, case.p, case.seed)
    dropped = check_dropout_values(case.x, out, case.p)
    nonzero = _f64(case.x) != 0
    check_drop_fraction(dropped[nonzero], case.p, out, case.x)


@st.composite
def count_cases(draw):
    seed = draw(S.seeds())
    return Case(x=nonzero_array((10, 10), seed, draw(S.dtypes())), p=0.3, seed=seed)


@dropout_forward.property("each entry is dropped independently, so the NUMBER dropped is random: "
                          "over 10 generators, 100 entries with p = 0.3 do not always lose the "
                          "same number (for a binomial count that happens with probability "
                          "below 1e-9)", cases=count_cases(), public=False, weight=1, max_examples=2)
def drop_count_varies(student, case):
    counts = set()
    for k in range(10):
        out = dropout_out(student, case.x, case.p, case.seed + k)
        counts.add(int(np.sum((_f64(out) == 0) & (_f64(case.x) != 0))))
    if len(counts) == 1:
        raise Failure(f"over 10 generators with different seeds exactly {counts.pop()} of the 100 "
                      "entries were dropped every time: the entries must be dropped independently "
                      "(so the count varies), not a fixed number of them.",
                      mistake="fixed_number_dropped")


@st.composite
def hard_eval_cases(draw):
    shape = tuple(draw(S.dims(0, 6)) for _ in range(draw(st.integers(1, 4))))
    seed = draw(S.seeds())
    mode = draw(st.sampled_from(("eval", "p0")))
    x = S.build_array(shape, draw(S.styles(("wide", "large", "tiny", "ties"))), seed, draw(S.dtypes()))
    return Case(x=x, p=0.0 if mode == "p0" else draw(st.sampled_from(P_VALUES + (0.99,))),
                seed=seed, train=mode == "p0")


@dropout_forward.property("in evaluation mode and with p = 0 the output equals x for any shape, "
                          "size 0 and 4-d included, and any magnitudes", cases=hard_eval_cases(),
                          public=False, weight=1, max_examples=10,
                          examples=(Case(x=np.zeros((0, 4)), p=0.5, seed=0, train=False),
                                    Case(x=np.array([1e30, -1e-30], np.float32), p=0.99, seed=1,
                                         train=False)))
def eval_mode_hard_inputs(student, case):
    _eval_check(student, case, "with train=False" if not case.train else "with p = 0")


@st.composite
def hard_backward_cases(draw):
    shape = draw(st.sampled_from(((60, 70), (3000,), (8, 9, 10), (0, 5), (1,))))
    seed = draw(S.seeds())
    dt = draw(S.dtypes())
    mode = draw(st.sampled_from(("train", "train", "eval", "p0")))
    p = 0.0 if mode == "p0" else draw(st.sampled_from(P_VALUES + (0.99, 0.02)))
    return Case(x=nonzero_array(shape, seed, dt), p=p, seed=seed, train=mode != "eval",
                dout=S.build_array(shape, draw(S.styles(("normal", "wide", "large", "ties"))),
                                   seed + 1, dt))


BACKWARD_DROPOUT_EDGE = (
    Case(x=nonzero_array((50, 60), 1, np.float32), p=0.99, seed=1, train=True,
         dout=S.build_array((50, 60), "large", 2, np.float32)),
    Case(x=nonzero_array((0, 3), 3), p=0.5, seed=3, train=True, dout=np.zeros((0, 3))),
    Case(x=nonzero_array((4, 5, 6), 4), p=0.3, seed=4, train=False,
         dout=S.build_array((4, 5, 6), "wide", 5)),
)


@dropout_backward.property("agrees with the reference backward pass for the forward pass's mask on "
                           "generated inputs (p up to 0.99, p = 0, evaluation mode, empty, 1-d and "
                           "3-d inputs, float32)", cases=hard_backward_cases(), public=False,
                           weight=3, max_examples=12, examples=BACKWARD_DROPOUT_EDGE)
def dropout_backward_matches_reference(student, case):
    out, cache = dropout_out(student, case.x, case.p, case.seed, train=case.train, keep=True)
    dx = dropout_dx(student, cache, case.dout, case.x.shape, case.p)
    keep = (_f64(out) != 0) | (_f64(case.x) == 0)
    if case.train and case.p > 0:
        check_backward_mask(dx, out, case.x, case.dout, case.p)
    want = ref.dropout_backward(case.dout, keep, case.p, case.train)
    assert_close(dx, want, name="dx", scale=np.abs(want), observed=dx)


# ================================================================== penalties

def _entries(weights):
    return [_f64(w) for w in weights]


def _penalty_reference(ex, fn):
    @ex.property("agrees with the reference penalty on generated inputs (empty lists, arrays of "
                 "size 0, float32, tiny and huge weights, lam = 0)", cases=weight_lists(),
                 public=False, weight=3, examples=PENALTY_EDGE, max_examples=22)
    def penalty_matches_reference(student, case):
        value = as_float(student.call(fn, case.weights, case.lam), f"{fn}(weights, lam)")
        want = getattr(ref, fn)(case.weights, case.lam)
        assert_close(np.array([value]), np.array([want]), name=f"{fn}(weights, lam={case.lam:g})",
                     observed=value)

    ex.reference = lambda case: getattr(ref, fn)(case.weights, case.lam)


_penalty_reference(l1_penalty, "l1_penalty")
_penalty_reference(l2_penalty, "l2_penalty")


def _penalty_mistakes(ex, power):
    def term(w):
        return np.abs(w) ** power

    @ex.mistake("first_array_only", "only the first array of the list is penalised",
                "Loop over (or sum over) every array of the list, not weights[0].")
    def _first(case):
        return case.lam * float(term(_f64(case.weights[0])).sum())

    @ex.mistake("mean_not_sum", "averaging instead of summing",
                "The penalty sums over every entry (np.sum), it does not average (np.mean).")
    def _mean_per_array(case):
        return case.lam * sum(float(term(w).mean()) for w in _entries(case.weights) if w.size)

    @ex.mistake("mean_not_sum", "", "")
    def _mean_all(case):
        flat = np.concatenate([w.ravel() for w in _entries(case.weights)])
        return case.lam * float(term(flat).mean())

    @ex.mistake("lam_ignored", "lam is not applied",
                "Multiply the sum by the regularisation strength lam.")
    def _no_lam(case):
        return sum(float(term(w).sum()) for w in _entries(case.weights))


_penalty_mistakes(l1_penalty, 1)
_penalty_mistakes(l2_penalty, 2)


@l1_penalty.mistake("missing_abs", "the signed sum of the weights instead of their absolute values",
                    "|w|: use np.abs(w).sum(); positive and negative weights must not cancel.")
def _l1_signed(case):
    return case.lam * sum(float(w.sum()) for w in _entries(case.weights))


@l1_penalty.mistake("l2_instead", "squares instead of absolute values",
                    "L1 uses |w|; squares belong to L2.")
def _l1_squares(case):
    return case.lam * sum(float((w * w).sum()) for w in _entries(case.weights))


@l2_penalty.mistake("half_factor", "lam / 2 * sum w**2",
                    "This course's L2 penalty has no 1/2: lam * sum of w**2.")
def _l2_half(case):
    return 0.5 * ref.l2_penalty(case.weights, case.lam)


@l2_penalty.mistake("norm_not_squared", "lam times the L2 norm (square root of the sum of squares)",
                    "The penalty is the sum of squares itself, without a square root.")
def _l2_norm(case):
    return case.lam * math.sqrt(sum(float((w * w).sum()) for w in _entries(case.weights)))


@l2_penalty.mistake("norm_not_squared", "", "")
def _l2_norms_per_array(case):
    return case.lam * sum(math.sqrt(float((w * w).sum())) for w in _entries(case.weights))


@l2_penalty.mistake("l1_instead", "absolute values instead of squares",
                    "L2 sums w**2; absolute values belong to L1.")
def _l2_abs(case):
    return ref.l1_penalty(case.weights, case.lam)


def _grad_reference(ex, fn):
    @ex.property("agrees with the reference gradient on generated inputs (empty lists, arrays of "
                 "size 0, zeros, float32, lam = 0)", cases=weight_lists(), public=False, weight=3,
                 examples=PENALTY_EDGE, max_examples=22)
    def grad_matches_reference(student, case):
        raw = student.call(fn, case.weights, case.lam)
        grads = check_grad_list(raw, case.weights, fn)
        want = getattr(ref, fn)(case.weights, case.lam)
        for i, (g, w) in enumerate(zip(grads, want)):
            assert_close(g, w, name=f"the gradient [{i}]", observed=grads)

    ex.reference = lambda case: getattr(ref, fn)(case.weights, case.lam)


_grad_reference(l1_grad, "l1_grad")
_grad_reference(l2_grad, "l2_grad")


def _grad_mistakes(ex, right):
    @ex.mistake("first_array_only", "only the first array gets a gradient",
                "Return one gradient per weight array: [... for w in weights].")
    def _first_only(case):
        return [right(_f64(case.weights[0]), case.lam)]

    @ex.mistake("first_array_only", "", "")
    def _first_then_zeros(case):
        ws = _entries(case.weights)
        return [right(ws[0], case.lam)] + [np.zeros(w.shape) for w in ws[1:]]

    @ex.mistake("lam_missing", "the gradient without lam",
                "The penalty is multiplied by lam, so is its gradient.")
    def _no_lam(case):
        return [right(w, 1.0) for w in _entries(case.weights)]

    @ex.mistake("divided_by_size", "the gradient divided by the number of entries",
                "The penalty is a sum, not a mean: no division by w.size.")
    def _by_size(case):
        return [right(w, case.lam) / max(w.size, 1) for w in _entries(case.weights)]


_grad_mistakes(l1_grad, lambda w, lam: lam * np.sign(w))
_grad_mistakes(l2_grad, lambda w, lam: 2.0 * lam * w)


@l1_grad.mistake("sign_at_zero_one", "gradient lam (or -lam) at w == 0",
                 "np.where(w >= 0, lam, -lam) gives lam at 0; the subgradient used here is "
                 "np.sign(0) = 0.")
def _sign_ge(case):
    return [np.where(w >= 0, case.lam, -case.lam) for w in _entries(case.weights)]


@l1_grad.mistake("sign_at_zero_one", "", "")
def _sign_gt(case):
    return [np.where(w > 0, case.lam, -case.lam) for w in _entries(case.weights)]


@l1_grad.mistake("weights_instead_of_sign", "lam * w (the L2 form) instead of lam * sign(w)",
                 "The derivative of |w| is sign(w), not w.")
def _l1_w(case):
    return [case.lam * w for w in _entries(case.weights)]


@l1_grad.mistake("weights_instead_of_sign", "", "")
def _l1_2w(case):
    return [2 * case.lam * w for w in _entries(case.weights)]


@l2_grad.mistake("missing_factor_2", "lam * w instead of 2 * lam * w",
                 "d(lam * w**2)/dw = 2 * lam * w: the penalty has no 1/2 to cancel the 2.")
def _l2_no_2(case):
    return [case.lam * w for w in _entries(case.weights)]


@l2_grad.mistake("sign_instead_of_weights", "lam * sign(w) (the L1 form)",
                 "The derivative of w**2 is 2 * w.")
def _l2_sign(case):
    return [case.lam * np.sign(w) for w in _entries(case.weights)]


@l2_grad.mistake("squared_weights", "2 * lam * w**2",
                 "Differentiate w**2: the gradient is 2 * lam * w, linear in w.")
def _l2_squared(case):
    return [2 * case.lam * w * w for w in _entries(case.weights)]


# ================================================================== clip_grad_norm

@clip_grad_norm.property("agrees with the reference clipping on generated inputs (empty lists, "
                         "arrays of size 0, all-zero gradients, norms far below, at and above "
                         "max_norm, float32, tiny and huge entries)", cases=clip_cases(),
                         public=False, weight=3, examples=CLIP_EDGE, max_examples=25)
def clip_matches_reference(student, case):
    clipped, total, observed = clip_result(student, case.grads, case.max_norm)
    want, want_total = ref.clip_grad_norm(case.grads, case.max_norm)
    assert_close(np.array([total]), np.array([want_total]), name="total_norm", observed=observed)
    for i, (c, w) in enumerate(zip(clipped, want)):
        assert_close(c, w, name=f"clipped[{i}]", observed=observed)


def _norms(case):
    return [ref.global_norm([g]) for g in case.grads]


def _scaled(case, factors):
    return [_f64(g) * f for g, f in zip(case.grads, factors)]


@clip_grad_norm.mistake("per_array_clipping", "clipping each array by its own norm",
                        "Clipping by the global norm uses one norm over all arrays together and "
                        "one common factor, so the direction of the whole gradient is kept.")
def _per_array(case):
    total = ref.global_norm(case.grads)
    factors = [case.max_norm / n if n > case.max_norm else 1.0 for n in _norms(case)]
    return _scaled(case, factors), total


@clip_grad_norm.mistake("norm_without_sqrt", "the sum of squares used as the norm",
                        "total_norm = sqrt(sum of g**2 over every entry): take the square root.")
def _no_sqrt(case):
    sq = sum(float(np.sum(_f64(g) ** 2)) for g in case.grads)
    f = case.max_norm / sq if sq > case.max_norm else 1.0
    return _scaled(case, [f] * len(case.grads)), sq


@clip_grad_norm.mistake("clips_when_below", "scaling the gradients up to max_norm when their norm "
                        "is smaller",
                        "Clipping only ever shrinks: scale when total_norm > max_norm, otherwise "
                        "return the gradients unchanged.")
def _always(case):
    total = ref.global_norm(case.grads)
    f = case.max_norm / total if total > 0 else 1.0
    return _scaled(case, [f] * len(case.grads)), total


@clip_grad_norm.mistake("returns_clipped_norm", "returning the norm after clipping",
                        "Return the total norm of the gradients BEFORE clipping (as torch does): "
                        "it is what tells you how large the gradients were.")
def _clipped_norm(case):
    clipped, total = ref.clip_grad_norm(case.grads, case.max_norm)
    return clipped, min(total, case.max_norm)


@clip_grad_norm.mistake("sum_of_array_norms", "the sum of the per-array norms used as total_norm",
                        "The global norm is sqrt(sum of every squared entry), not the sum of the "
                        "norms of the arrays.")
def _sum_norms(case):
    total = sum(_norms(case))
    f = case.max_norm / total if total > case.max_norm else 1.0
    return _scaled(case, [f] * len(case.grads)), total


@clip_grad_norm.mistake("clips_values_not_norm", "clipping every entry to [-max_norm, max_norm]",
                        "That is clip_grad_value_; clip_grad_norm_ rescales whole gradients by "
                        "max_norm / total_norm.")
def _clip_values(case):
    return ([np.clip(_f64(g), -case.max_norm, case.max_norm) for g in case.grads],
            ref.global_norm(case.grads))


clip_grad_norm.reference = lambda case: ref.clip_grad_norm(case.grads, case.max_norm)


# ================================================================== minibatches

def _same_batches(raw, want):
    return len(raw) == len(want) and all(
        np.asarray(xb).shape == w[0].shape and np.array_equal(_f64(xb), _f64(w[0]))
        and np.asarray(yb).shape == w[1].shape and np.array_equal(_f64(yb), _f64(w[1]))
        for (xb, yb), w in zip(raw, want))


@minibatches.property("with shuffle=False the batches equal the reference ones exactly",
                      cases=batch_cases(shuffle=False, max_n=40), public=False, weight=2,
                      examples=BATCH_EDGE[5:] + (batch_cases_from(12, 3, False, 0),
                                                 batch_cases_from(1, 5, False, 0, (2, 2)),
                                                 batch_cases_from(0, 2, False, 0)),
                      max_examples=14)
def unshuffled_matches_reference(student, case):
    raw = run_minibatches(student, case)
    check_partition(raw, case)
    want = ref.minibatches(case.x, case.y, case.batch_size)
    if not _same_batches(raw, want):
        raise Failure("with shuffle=False the batches differ from x[0:B], x[B:2B], ... (with the "
                      "matching entries of y).", observed=raw)


def _unshuffled_only(case):
    if case.shuffle:
        raise ValueError("a shuffled result cannot be recomputed")
    return ref.minibatches(case.x, case.y, case.batch_size)


@minibatches.mistake("drops_last_batch", "the last, smaller batch is dropped", "")
def _drop_last(case):
    batches = _unshuffled_only(case)
    return batches[:-1] if case.x.shape[0] % case.batch_size else batches


@minibatches.mistake("empty_last_batch", "an empty batch at the end", "")
def _empty_last(case):
    batches = _unshuffled_only(case)
    return batches + [(case.x[:0], case.y[:0])]


@minibatches.mistake("batches_overlap", "batches of batch_size + 1 samples that overlap",
                     "Batch k is x[k * batch_size:(k + 1) * batch_size]: the slice end is "
                     "excluded, so no + 1.")
def _overlap(case):
    _unshuffled_only(case)
    n, bs = case.x.shape[0], case.batch_size
    return [(case.x[s:s + bs + 1], case.y[s:s + bs + 1]) for s in range(0, n, bs)]


minibatches.reference = lambda case: _unshuffled_only(case)


@minibatches.property("with shuffle=True the partition holds on edge cases and larger data sets "
                      "(N = 1, batch_size 1, batch_size = N or larger, N up to 100, 1-d and 3-d x, "
                      "float targets)", cases=batch_cases(min_n=30, max_n=100, shuffle=True),
                      public=False, weight=2, max_examples=4,
                      examples=BATCH_EDGE[:5] + (batch_cases_from(9, 9, True, 7, (), np.float32),
                                                 batch_cases_from(17, 1, True, 8, (2, 3), ykind="float")))
def shuffled_partition_hard_inputs(student, case):
    check_partition(run_minibatches(student, case), case)


@st.composite
def moving_cases(draw):
    return batch_cases_from(20, 5, True, draw(S.seeds()))


@minibatches.property("every sample can end up anywhere: over 8 generators no sample of 20 keeps "
                      "the same position (for a uniform shuffle a sample does so with probability "
                      "20^-7: a correct implementation fails with probability below 2e-8)",
                      cases=moving_cases(), public=False, weight=1, max_examples=2)
def every_sample_moves(student, case):
    orders = [check_partition(run_minibatches(student, case, seed=case.seed + k), case)
              for k in range(8)]
    fixed = [pos for pos in range(20) if len({o[pos] for o in orders}) == 1]
    if fixed:
        raise Failure(f"over 8 generators with different seeds, position {fixed[0]} always held "
                      f"sample {orders[0][fixed[0]]}: the permutation must move every sample "
                      "(rng.permutation(N), not a shuffle of only part of the indices).",
                      mistake="some_samples_never_move")


# ================================================================== EarlyStopping

def simulate(losses, patience, min_delta, *, strict=True, use_delta=True, delta_sign=1.0,
             reset=True, shift=0, update_best=True, vs_previous=False, sticky=True, first_free=True):
    """What step returns for each loss, with known mistakes switched on (the defaults are right)."""
    best = prev = None
    count = 0
    stopped = False
    out = []
    for loss in losses:
        if best is None and first_free:
            improved = True
        else:
            target = prev if vs_previous else best
            target = math.inf if target is None else target
            d = delta_sign * min_delta if use_delta else 0.0
            with np.errstate(invalid="ignore"):
                gap = target - loss
            improved = gap >= d if not strict else gap > d
        if improved:
            if update_best or best is None:
                best = loss
            if reset:
                count = 0
        else:
            count += 1
        prev = loss
        hit = count >= patience + shift
        stopped = (stopped or hit) if sticky else hit
        out.append(stopped)
    return np.array(out, dtype=np.float64)


@st.composite
def loss_sequences(draw):
    """Validation curves on a grid of 1/8 (exact comparisons), 5-20 epochs long."""
    patience = draw(st.integers(1, 5))
    delta = draw(st.sampled_from(DELTAS))
    kind = draw(st.sampled_from(("walk", "u_shape", "noisy_down", "plateau_dips")))
    length = draw(st.integers(5, 20))
    rng = np.random.default_rng(draw(S.seeds()))
    if kind == "walk":
        losses = 10 + np.cumsum(rng.integers(-3, 4, size=length)) / 8
    elif kind == "u_shape":
        turn = int(rng.integers(1, length))
        steps = np.where(np.arange(length) < turn, -rng.integers(0, 4, size=length),
                         rng.integers(0, 4, size=length))
        losses = 10 + np.cumsum(steps) / 8
    elif kind == "noisy_down":
        losses = 10 + np.cumsum(-1 + rng.integers(-2, 3, size=length)) / 8
    else:
        choices = np.array([0.0, -delta, -delta / 2, -delta - 0.125, 0.25])
        losses = 5 + choices[rng.integers(0, len(choices), size=length)]
    losses = [float(v) for v in losses]
    if draw(st.integers(0, 4)) == 0:
        losses[0] = draw(st.sampled_from(FIRST_LOSSES[3:] + (math.inf,)))
    return es_case(patience, delta, losses)


ES_EDGE = (
    es_case(1, 0.0, [math.inf, 5.0, 6.0]),                           # a first loss of inf improves
    es_case(2, 0.25, [math.inf, math.inf, math.inf, 1.0]),
    es_case(1, 0.0, [3.0, 3.0, 1.0]),                                # patience 1: stop at call 2
    es_case(3, 0.5, [1.0, 0.5, 0.25, 0.0, -0.5, -0.25, -1.0, -1.0, -1.0, -1.0, -2.0]),
    es_case(2, 0.25, [4.0, 3.75, 3.5, 3.25, 3.0, 2.75]),             # steps of exactly min_delta
    es_case(4, 0.0, [5.0, 5.5, 5.25, 4.875, 6.0, 5.0, 4.875, 4.75, 4.75, 4.75, 4.75, 4.75]),
    es_case(2, 0.125, [1e300, 7.0, 7.0, 6.875, 6.75, 6.5, 9.0, 9.0]),
)


@EarlyStopping.property("agrees with the reference early stopping on generated validation curves "
                        "(random walks, U shapes, noisy descents, plateaus with dips of about "
                        "min_delta, a first loss of 1e300 or inf)", cases=loss_sequences(),
                        public=False, weight=3, examples=ES_EDGE, max_examples=20)
def sequence_matches_reference(student, case):
    got = run_early_stopping(student, case.patience, case.min_delta, case.losses)
    want = ref.early_stopping(case.losses, case.patience, case.min_delta)
    if got != want:
        k = next(i for i in range(len(got)) if got[i] != want[i])
        raise Failure(f"EarlyStopping(patience={case.patience}, min_delta={case.min_delta:g}) with "
                      f"the losses {[float(v) for v in case.losses]}: step returned {got[k]} at call "
                      f"{k + 1}, expected {want[k]}. All returns: {got}; expected {want}.",
                      observed=np.array(got, dtype=np.float64))


def _es_mistake(id, title, hint, **flags):
    def compute(case):
        return simulate(case.losses, case.patience, case.min_delta, **flags)

    compute.__name__ = f"_{id}"
    EarlyStopping.mistake(id, title, hint)(compute)


_es_mistake("improvement_not_strict", "a loss equal to best - min_delta counted as an improvement",
            "An improvement must beat the best by MORE than min_delta: val_loss < best - min_delta "
            "(strict), so an unchanged loss (min_delta = 0) is a bad epoch.", strict=False)
_es_mistake("min_delta_ignored", "min_delta not used",
            "Only decreases larger than min_delta count: compare with best - min_delta.",
            use_delta=False)
_es_mistake("min_delta_wrong_sign", "comparing with best + min_delta",
            "min_delta makes improving harder, not easier: val_loss < best - min_delta.",
            delta_sign=-1.0)
_es_mistake("counter_not_reset", "the count of bad epochs is not reset by an improvement",
            "Set the count back to 0 whenever the loss improves: patience counts bad epochs IN A "
            "ROW.", reset=False)
_es_mistake("stops_at_patience_plus_one", "stopping one epoch late",
            "Return True as soon as the count of bad epochs reaches patience (count >= patience).",
            shift=1)
_es_mistake("stops_one_epoch_early", "stopping one epoch early",
            "patience bad epochs are allowed before stopping... and the call that makes the count "
            "reach patience returns True: count >= patience, not count >= patience - 1.", shift=-1)
_es_mistake("best_not_updated", "the best loss is never updated after the first epoch",
            "On every improvement store the new loss as the best.", update_best=False)
_es_mistake("compares_with_previous", "comparing with the previous loss instead of the best",
            "A loss that beats the previous epoch but not the best one is not an improvement: keep "
            "and compare with the best loss so far.", vs_previous=True)
_es_mistake("not_sticky", "step returns False again after an improvement once it has said stop",
            "Once step has returned True, keep returning True (remember it in an attribute).",
            sticky=False)
_es_mistake("first_loss_inf_not_improvement", "a first loss of inf is not treated as an improvement",
            "Start with no best loss (None) and treat the first call as an improvement whatever "
            "its value; starting from best = inf makes a first loss of inf a bad epoch.",
            first_free=False)

EarlyStopping.reference = lambda case: np.array(
    ref.early_stopping(case.losses, case.patience, case.min_delta), dtype=np.float64)
