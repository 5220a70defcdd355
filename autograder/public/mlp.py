"""Public checks: the mlp unit (multilayer perceptron and training tools).

mlp_forward / mlp_backward (a ReLU network with a softmax output and the
gradients of its mean cross-entropy), he_init / xavier_init, dropout_forward /
dropout_backward (inverted dropout), l1 / l2 penalties and their gradients,
clip_grad_norm, minibatches and the EarlyStopping class.

The random functions receive a numpy Generator built inside the worker
(``student.probe("default_rng", seed)``). Their checks are exact where the
result is determined (every dropout entry is 0 or x / (1 - p), every sample
in exactly one batch) and statistical otherwise; each statistical test states
its false-failure probability, and the seeds are fixed, so a grade never
changes from one run to the next. Students receive this module (see
`autograder.public`); the hidden part of the suite is in
``autograder/suites/mlp.py``.
"""

import math

import numpy as np
from hypothesis import assume
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, assert_close,
                                 assert_draws_from_rng, assert_unchanged, describe_value,
                                 directional_check, dot, unpack, strategies as S)
from autograder.checking.compare import f64 as _f64, float_array as _float_array


mlp_forward = Exercise("mlp.mlp_forward", requires=("mlp_forward",))
mlp_backward = Exercise("mlp.mlp_backward", requires=("mlp_forward", "mlp_backward"))
he_init = Exercise("mlp.he_init")
xavier_init = Exercise("mlp.xavier_init")
dropout_forward = Exercise("mlp.dropout_forward")
dropout_backward = Exercise("mlp.dropout_backward", requires=("dropout_forward", "dropout_backward"))
l1_penalty = Exercise("mlp.l1_penalty")
l1_grad = Exercise("mlp.l1_grad", requires=("l1_penalty", "l1_grad"))
l2_penalty = Exercise("mlp.l2_penalty")
l2_grad = Exercise("mlp.l2_grad", requires=("l2_penalty", "l2_grad"))
clip_grad_norm = Exercise("mlp.clip_grad_norm")
minibatches = Exercise("mlp.minibatches")
EarlyStopping = Exercise("mlp.EarlyStopping")

#: Statistical tests reject beyond Z standard deviations: a two-sided normal tail of 2e-9.
Z = 6.0


# ------------------------------------------------------------------ helpers

def _finite(a, name, observed, why=""):
    if not np.all(np.isfinite(a)):
        raise Failure(f"{name} contains non-finite values (nan or inf) although every input is "
                      f"finite{why}.", observed=observed)


def _first_bad(mask):
    idx = tuple(int(i) for i in np.argwhere(mask)[0])
    return idx, "[" + ", ".join(map(str, idx)) + "]"


# ================================================================== the network

def depth(params):
    """The number L of layers of a params dict W1, b1, ..., WL, bL."""
    L = 0
    while f"W{L + 1}" in params:
        L += 1
    return L


FLOAT32_STYLES = ("small_int", "normal", "ties")
FLOAT64_STYLES = ("small_int", "normal", "ties", "wide", "large")


def build_net(n, sizes, dtype=np.float64, style_x="normal", style_w="normal", seed=0, labels=False,
              last_bias_offset=None):
    """x (n, sizes[0]) and params of a network with layer widths ``sizes`` (and labels)."""
    x = S.build_array((n, sizes[0]), style_x, seed, dtype)
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = S.build_array((sizes[l], sizes[l - 1]), style_w, seed + 2 * l - 1, dtype)
        params[f"b{l}"] = S.build_array((sizes[l],), style_w, seed + 2 * l, dtype)
    if last_bias_offset is not None:
        key = f"b{len(sizes) - 1}"
        params[key] = (_f64(params[key]) + np.asarray(last_bias_offset)).astype(dtype)
    case = Case(x=x, params=params)
    if labels:
        case["labels"] = np.random.default_rng(seed).integers(0, sizes[-1], size=n)
    return case


@st.composite
def mlp_cases(draw, min_n=0, max_n=5, min_depth=1, max_depth=4, labels=False, dtype=None, styles=None):
    """x (N, D), params of a network of 1-4 layers of 1-5 units and, optionally, labels.

    float32 cases use small integers, normal values and ties (so that float32
    rounding stays far below the tolerance); float64 ones also wide and large
    values, whose logits reach 1e6 and more.
    """
    n_layers = draw(st.integers(min_depth, max_depth))
    n = draw(st.integers(min_n, max_n))
    sizes = [draw(S.dims(1, 5)) for _ in range(n_layers + 1)]
    dt = draw(S.dtypes()) if dtype is None else dtype
    allowed = styles or (FLOAT32_STYLES if dt == np.float32 else FLOAT64_STYLES)
    sx, sw = draw(S.styles(allowed)), draw(S.styles(allowed))
    return build_net(n, sizes, dt, sx, sw, draw(S.seeds()), labels)


def _hand_net(b1_first=0.5):
    """Square layers (so that x @ W runs), negative hidden pre-activations and negative logits;
    with the default b1 one hidden pre-activation is exactly 0 (ReLU's kink)."""
    x = np.array([[1.0, -2.0, 0.5], [2.0, 1.0, -1.0], [-1.0, 0.5, 2.0]])
    params = {"W1": np.array([[1.0, -1.0, 0.5], [0.5, 1.0, -1.0], [-1.0, 0.5, 1.0]]),
              "b1": np.array([b1_first, -0.5, 0.25]),
              "W2": np.array([[1.0, 0.5, -1.0], [-0.5, 1.0, 1.5], [0.25, -1.0, 0.5]]),
              "b2": np.array([-1.0, 0.5, -2.0])}
    return Case(x=x, params=params, labels=np.array([2, 0, 1]))


def _edge_nets():
    return (
        _hand_net(),
        build_net(1, [3, 4], seed=1, labels=True),                                  # N = 1, one layer
        build_net(2, [2, 3, 1], seed=2, labels=True),                               # one class
        build_net(3, [2, 3, 3], np.float64, "small_int", "small_int", seed=3, labels=True,  # 1e4
                  last_bias_offset=[1e4, -1e4, 1e4 - 2]),
        build_net(4, [3, 2, 4], np.float32, "small_int", "small_int", seed=4,       # float32, 3e3
                  labels=True, last_bias_offset=[3000.0, 3001.0, -3000.0, 2998.0]),
        build_net(5, [4, 5, 3, 5, 2], np.float64, "ties", "ties", seed=5, labels=True),  # ties, zeros
        build_net(3, [5, 4, 4, 3], np.float64, "large", "wide", seed=6, labels=True),
        build_net(2, [3, 2, 2], np.float32, "normal", "normal", seed=7, labels=True),
    )


NET_EDGE = _edge_nets()
#: The hand-made network without its exact zero pre-activation, for finite differences.
SMOOTH_NET = _hand_net(0.625)
FORWARD_EDGE = NET_EDGE + (build_net(0, [3, 4, 2], seed=8),)                  # empty batch
BACKWARD_EDGE = NET_EDGE


def _probs(student, x, params, name="mlp_forward(x, params)"):
    """The student's probs (a float array), cache discarded."""
    probs = unpack(student.mlp_forward(x, params), 2, "mlp_forward")[0]
    return _float_array(probs, f"probs returned by {name}", probs)


def _check_distribution(probs, n, c, name):
    if probs.shape != (n, c):
        raise Failure(f"{name} has shape {probs.shape}, expected {(n, c)} (N samples, C = out_L "
                      "classes).", observed=probs)
    if not np.all(np.isfinite(probs)):
        raise Failure(f"{name} contains non-finite values (nan or inf): exp overflows for large "
                      "logits. Subtract each row's maximum logit before exponentiating.",
                      observed=probs)
    if probs.size and (probs.min() < -1e-6 or probs.max() > 1 + 1e-6):
        raise Failure(f"{name} has entries outside [0, 1] (min {probs.min():.4g}, max "
                      f"{probs.max():.4g}).", observed=probs)
    sums = _f64(probs).sum(axis=1)
    assert_close(sums, np.ones_like(sums), name=f"the row sums of {name}", scale=1.0, observed=probs)


# ------------------------------------------------------------------ mlp_forward

@mlp_forward.property("returns (probs, cache) where probs is a float array of shape (N, C) whose "
                      "rows are probability distributions, also for N = 0 or 1, one class, and "
                      "logits of 1e4 or more", cases=mlp_cases(max_n=3), public=True, weight=1.5,
                      examples=(NET_EDGE[1], NET_EDGE[2], NET_EDGE[3], FORWARD_EDGE[-1]),
                      max_examples=10,
                      hint="Apply the softmax to the last layer's logits row by row, after "
                           "subtracting each row's maximum (np.max(z, axis=1, keepdims=True)); keep "
                           "the batch dimension for N = 1 and N = 0.")
def probabilities(student, case):
    n, c = case.x.shape[0], case.params[f"b{depth(case.params)}"].shape[0]
    _check_distribution(_probs(student, case.x, case.params), n, c, "probs")


SHIFTS = (-1e4, 1e4, -700.0, 800.0, -5.0)


@st.composite
def shift_cases(draw):
    case = draw(mlp_cases(min_n=1, dtype=np.float64, styles=FLOAT32_STYLES))
    return Case(case, shift=draw(st.sampled_from(SHIFTS)))


@mlp_forward.property("adding the same constant (up to 1e4 in size) to every bias of the last "
                      "layer leaves probs unchanged: the logits get no ReLU and the softmax is "
                      "shift invariant", cases=shift_cases(), public=True, weight=1,
                      examples=(Case(NET_EDGE[0], shift=-1e4), Case(NET_EDGE[0], shift=1e4)),
                      max_examples=8,
                      hint="The last layer's outputs go straight into the softmax (no ReLU on "
                           "them), and the softmax must subtract the row maximum so that it does "
                           "not overflow.")
def output_shift_invariant(student, case):
    L = depth(case.params)
    base = _probs(student, case.x, case.params)
    moved_params = dict(case.params)
    moved_params[f"b{L}"] = case.params[f"b{L}"] + case.shift
    moved = _probs(student, case.x, moved_params, f"mlp_forward with b{L} + {case.shift:g}")
    c = case.params[f"b{L}"].shape[0]
    _check_distribution(base, case.x.shape[0], c, "probs")
    _check_distribution(moved, case.x.shape[0], c, f"probs with {case.shift:g} added to b{L}")
    assert_close(moved, base, name=f"probs with {case.shift:g} added to every entry of b{L}, "
                 "compared with probs", scale=1.0, observed=base)


@st.composite
def split_cases(draw):
    case = draw(mlp_cases(min_n=1))
    return Case(case, split=draw(st.integers(0, 5)))


@mlp_forward.property("each sample is processed independently: the probs of a batch are the "
                      "probs of its two halves stacked (either half may be empty)",
                      cases=split_cases(), public=True, weight=1, max_examples=8,
                      hint="Use whole-batch matrix products (a @ W.T + b) and normalise each row "
                           "of the softmax on its own (axis=1, keepdims=True).")
def batch_rows_independent(student, case):
    k = min(case.split, case.x.shape[0])
    whole = _probs(student, case.x, case.params)
    top = _probs(student, case.x[:k], case.params, f"mlp_forward(x[:{k}], params)")
    bottom = _probs(student, case.x[k:], case.params, f"mlp_forward(x[{k}:], params)")
    c = case.params[f"b{depth(case.params)}"].shape[0]
    for name, part, rows in (("probs", whole, case.x.shape[0]), (f"probs of x[:{k}]", top, k),
                             (f"probs of x[{k}:]", bottom, case.x.shape[0] - k)):
        if part.shape != (rows, c):
            raise Failure(f"{name} has shape {part.shape}, expected {(rows, c)}.", observed=whole)
    assert_close(np.vstack([top, bottom]), whole, name=f"the probs of x[:{k}] and x[{k}:] stacked, "
                 "compared with the probs of x", scale=1.0, observed=whole)


HIDDEN_VALUES = (-2.5, 7.0, -1e3, 2.5)


@st.composite
def hidden_unit_cases(draw):
    case = draw(mlp_cases(min_n=1, min_depth=2, dtype=np.float64, styles=("normal", "small_int")))
    return Case(case, layer=draw(st.integers(0, 9)), unit=draw(st.integers(0, 9)),
                value=draw(st.sampled_from(HIDDEN_VALUES)))


@mlp_forward.property("hidden layers use ReLU: a hidden unit whose pre-activation is the constant "
                      "v on every sample passes max(v, 0) to the next layer (the probs equal "
                      "those of the network where that unit is 0 and max(v, 0) times its outgoing "
                      "weights is added to the next bias)", cases=hidden_unit_cases(),
                      public=True, weight=1.5, max_examples=10,
                      examples=(Case(NET_EDGE[0], layer=0, unit=1, value=-2.5),
                                Case(NET_EDGE[0], layer=0, unit=0, value=7.0)),
                      hint="After every layer but the last, apply a = max(z, 0) (ReLU: not "
                           "sigmoid, not tanh, not nothing).")
def hidden_relu(student, case):
    L = depth(case.params)
    l = 1 + case.layer % (L - 1)
    p64 = {k: _f64(v).copy() for k, v in case.params.items()}
    j = case.unit % p64[f"W{l}"].shape[0]
    v = case.value
    with_v = {k: a.copy() for k, a in p64.items()}
    with_v[f"W{l}"][j] = 0.0
    with_v[f"b{l}"][j] = v
    moved = {k: a.copy() for k, a in with_v.items()}
    moved[f"b{l}"][j] = 0.0
    moved[f"b{l + 1}"] = moved[f"b{l + 1}"] + p64[f"W{l + 1}"][:, j] * max(v, 0.0)
    a = _probs(student, case.x, with_v, f"mlp_forward with hidden unit {j} of layer {l} at {v:g}")
    b = _probs(student, case.x, moved, f"mlp_forward with that unit at 0 and max({v:g}, 0) moved "
               f"into b{l + 1}")
    if a.shape != b.shape:
        raise Failure(f"probs have shapes {a.shape} and {b.shape} for the same x.")
    assert_close(a, b, name=f"probs when unit {j} of hidden layer {l} has the constant "
                 f"pre-activation {v:g}, compared with probs when it is 0 and max({v:g}, 0) times "
                 f"its outgoing weights W{l + 1}[:, {j}] is added to b{l + 1}", scale=1.0)


@mlp_forward.property("does not modify its inputs (x and the arrays of params)", cases=mlp_cases(),
                      public=True, weight=0.5, max_examples=5, standalone=False)
def forward_inputs_unchanged(student, case):
    _, args, _ = student.call("mlp_forward", case.x, case.params, echo=True)
    assert_unchanged([case.x, case.params], args, ["x", "params"])


# ------------------------------------------------------------------ mlp_backward

def check_grads(raw, params):
    """The student's grads dict, checked: the keys of params, float arrays of their shapes, finite."""
    if not isinstance(raw, dict):
        raise Failure(f"mlp_backward should return a dict of gradients with the keys of params, "
                      f"but it returned {describe_value(raw)}.", received=raw)
    if set(raw) != set(params):
        missing = sorted(set(params) - set(raw))
        extra = sorted(set(raw) - set(params))
        raise Failure(f"the grads dict should have exactly the keys of params {sorted(params)}"
                      + (f"; missing {missing}" if missing else "")
                      + (f"; unexpected {extra}" if extra else "") + ".", received=raw, observed=raw)
    for k in params:
        g = _float_array(raw[k], f"grads[{k!r}]", raw, params[k].shape)
        _finite(g, f"grads[{k!r}]", raw)
    return raw


def _grads(student, x, params, labels):
    _, cache = unpack(student.call("mlp_forward", x, params, keep=(1,)), 2, "mlp_forward")
    return check_grads(student.call("mlp_backward", labels, cache), params)


@mlp_backward.property("returns a dict with the keys of params whose values are finite float "
                       "arrays shaped like the parameters (also for N = 1 and one class)",
                       cases=mlp_cases(min_n=1, max_n=3, labels=True), public=True, weight=1,
                       max_examples=8, examples=(BACKWARD_EDGE[1], BACKWARD_EDGE[2]),
                       hint="grads['W1'] has the shape of W1 (out_1, in_1): dW = dz.T @ a_prev; "
                            "grads['b1'] = dz.sum(axis=0). Return a dict with one entry per "
                            "parameter.")
def gradient_shapes(student, case):
    _grads(student, case.x, case.params, case.labels)


#: Central-difference steps: for a forward pass computed in float64, and in float32 (whose
#: rounding, divided by 2h, needs a larger step). Cases keep every ReLU away from its kink within
#: the larger one.
FD_STEP = 1e-6
FD_STEP_FLOAT32 = 1e-3

def hidden_signs(x, params):
    """The sign (+1, -1 or 0) of every hidden pre-activation, all layers in one flat array."""
    a = _f64(x)
    signs = [np.zeros(0)]
    for l in range(1, depth(params)):
        z = a @ _f64(params[f"W{l}"]).T + _f64(params[f"b{l}"])
        signs.append(np.sign(z).ravel())
        a = np.maximum(z, 0.0)
    return np.concatenate(signs)


def largest_pre_activation(x, params):
    """The largest |z| of any layer on any sample (the size of what the forward pass rounds)."""
    a = _f64(x)
    top = 0.0
    for l in range(1, depth(params) + 1):
        z = a @ _f64(params[f"W{l}"]).T + _f64(params[f"b{l}"])
        top = max(top, float(np.abs(z).max(initial=0.0)))
        a = np.maximum(z, 0.0)
    return top


def fd_direction(params, perturb, seed):
    """A random direction in parameter space (only layer 1, only layer L, or all layers)."""
    L = depth(params)
    chosen = {"all": range(1, L + 1), "first": (1,), "last": (L,)}[perturb]
    rng = np.random.default_rng(seed)
    direction = {}
    for k, p in params.items():
        p = _f64(p)
        if int(k[1:]) in chosen:
            size = np.abs(p).max(initial=0.0)
            direction[k] = rng.standard_normal(p.shape) * (size if size > 0 else 1.0)
        else:
            direction[k] = np.zeros(p.shape)
    return direction


def kink_free(case):
    """True when no hidden pre-activation is 0 or changes sign between t = -h and t = +h."""
    signs = hidden_signs(case.x, case.params)
    if (signs == 0).any():
        return False
    v = fd_direction(case.params, case.perturb, case.direction_seed)
    for t in (-FD_STEP_FLOAT32, -FD_STEP, FD_STEP, FD_STEP_FLOAT32):
        moved = {k: _f64(p) + t * v[k] for k, p in case.params.items()}
        if not np.array_equal(hidden_signs(case.x, moved), signs):
            return False
    return True


@st.composite
def fd_cases(draw):
    """Float64 networks and a direction along which no ReLU kink lies within the step."""
    case = draw(mlp_cases(min_n=1, labels=True, dtype=np.float64, styles=("normal",)))
    case = Case(case, perturb=draw(st.sampled_from(("all", "first", "last"))),
                direction_seed=draw(S.seeds()))
    assume(kink_free(case))
    return case


def mean_cross_entropy(probs, labels):
    p = _f64(probs)
    with np.errstate(divide="ignore"):
        return float(-np.mean(np.log(p[np.arange(p.shape[0]), labels])))


@mlp_backward.property("the gradients agree with central finite differences of the mean "
                       "cross-entropy of your own mlp_forward along a random direction",
                       cases=fd_cases(), public=True, weight=2, max_examples=14,
                       examples=(Case(SMOOTH_NET, perturb="all", direction_seed=0),
                                 Case(SMOOTH_NET, perturb="first", direction_seed=1)),
                       hint="dz_L = (probs - onehot(labels)) / N; for each layer dW = dz.T @ a_prev, "
                            "db = dz.sum(axis=0), and dz_prev = (dz @ W) * (z_prev > 0).")
def gradient_check(student, case):
    grads = _grads(student, case.x, case.params, case.labels)
    L = depth(case.params)
    base = {k: _f64(v) for k, v in case.params.items()}
    direction = fd_direction(case.params, case.perturb, case.direction_seed)

    def loss(t):
        moved = {k: base[k] + t * direction[k] for k in base}
        return mean_cross_entropy(_probs(student, case.x, moved), case.labels)

    keys = list(base)
    analytic = dot([grads[k] for k in keys], [direction[k] for k in keys])
    scale = dot([np.abs(_f64(grads[k])) for k in keys], [np.abs(direction[k]) for k in keys])
    # Rounding of the loss (some units in the last place of its size and of the logits' size) is
    # divided by 2h in the central difference: allow for it, so that a nearly saturated network
    # (tiny gradients) and a forward pass computed in float32 are judged fairly.
    probs = _probs(student, case.x, base)
    eps = np.finfo(probs.dtype).eps
    h, rtol = (FD_STEP_FLOAT32, 1e-3) if probs.dtype == np.float32 else (FD_STEP, 1e-4)
    size = 1.0 + abs(mean_cross_entropy(probs, case.labels)) + largest_pre_activation(case.x, base)
    rounding = 64 * eps * size / h
    try:
        directional_check(loss, analytic, h, what="the gradients (direction changes "
                          + {"all": "every parameter", "first": "W1 and b1",
                             "last": f"W{L} and b{L}"}[case.perturb] + ")",
                          scale=scale + rounding / rtol, rtol=rtol)
    except Failure as f:
        f.observed = grads
        raise


@st.composite
def repeat_cases(draw):
    return draw(mlp_cases(min_n=1, max_n=4, labels=True))


@mlp_backward.property("the gradients are those of the MEAN loss over the batch: the batch "
                       "repeated twice (x and labels stacked twice) gives the same gradients",
                       cases=repeat_cases(), public=True, weight=1, max_examples=8,
                       hint="Divide by the batch size N once, in dz_L = (probs - onehot) / N; the "
                            "later sums over the batch (dz.T @ a_prev, dz.sum(axis=0)) then "
                            "average automatically.")
def mean_over_batch(student, case):
    once = _grads(student, case.x, case.params, case.labels)
    twice = _grads(student, np.concatenate([case.x, case.x]), case.params,
                   np.concatenate([case.labels, case.labels]))
    for k in case.params:
        assert_close(twice[k], _f64(once[k]), name=f"grads[{k!r}] for the batch repeated twice, "
                     f"compared with grads[{k!r}] for the batch", observed=once)


@mlp_backward.property("the output layer's gradients sum to zero over the classes (probs and the "
                       "one-hot labels both sum to 1 in each row): sum of grads['bL'] is 0 and "
                       "grads['WL'].sum(axis=0) is 0", cases=mlp_cases(min_n=1, labels=True),
                       public=True, weight=1, max_examples=6, examples=(BACKWARD_EDGE[0],),
                       hint="The gradient of the loss with respect to the logits is (probs - "
                            "onehot) / N, with no ReLU derivative on the output layer.")
def output_gradients_sum_to_zero(student, case):
    grads = _grads(student, case.x, case.params, case.labels)
    L = depth(case.params)
    db, dW = _f64(grads[f"b{L}"]), _f64(grads[f"W{L}"])
    assert_close(np.array([db.sum()]), np.zeros(1), name=f"the sum of grads['b{L}']",
                 scale=np.array([np.abs(db).sum() + 1.0]), observed=grads)
    assert_close(dW.sum(axis=0), np.zeros(dW.shape[1]), name=f"grads['W{L}'].sum(axis=0)",
                 scale=np.abs(dW).sum(axis=0) + np.abs(dW).max(initial=0.0), observed=grads)


@mlp_backward.property("does not modify labels or the cache: a second backward call on the same "
                       "cache gives the same gradients", cases=mlp_cases(min_n=1, labels=True),
                       public=True, weight=0.5, max_examples=5, standalone=False)
def backward_inputs_unchanged(student, case):
    _, cache = unpack(student.call("mlp_forward", case.x, case.params, keep=(1,)), 2, "mlp_forward")
    first, args, _ = student.call("mlp_backward", case.labels, cache, echo=True)
    assert_unchanged([case.labels], args[:1], ["labels"])
    first = check_grads(first, case.params)
    second = check_grads(student.call("mlp_backward", case.labels, cache), case.params)
    for k in case.params:
        if not np.array_equal(first[k], second[k], equal_nan=True):
            raise Failure(f"a second call of mlp_backward on the same cache returned a different "
                          f"grads[{k!r}]: your backward modifies the cache in place (e.g. probs "
                          "-= onehot on the cached probs). Work on a copy.")


# ================================================================== initialisation

#: P(|N(0, 1)| > 2): the fraction of the entries of a normal matrix beyond two standard deviations.
TAIL_P = math.erfc(2.0 / math.sqrt(2.0))

#: (fan_in, fan_out) of the statistical checks: 10^4 to 6 * 10^4 entries, never square, with fans
#: far enough apart that every variance in the catalogue differs from the right one by more than
#: the tests' bounds.
STAT_FANS = ((300, 100), (64, 256), (400, 150), (120, 480), (200, 50), (90, 360))


def he_std(fan_in, fan_out):
    return math.sqrt(2.0 / fan_in)


def xavier_std(fan_in, fan_out):
    return math.sqrt(2.0 / (fan_in + fan_out))


#: Standard deviations that known mistakes produce, for naming them from the measured variance.
WRONG_STDS = {
    "mlp.he_init": {
        "he_uses_fan_out": lambda i, o: math.sqrt(2.0 / o),
        "variance_used_as_std": lambda i, o: 2.0 / i,
        "missing_factor_2": lambda i, o: math.sqrt(1.0 / i),
        "xavier_std_used": lambda i, o: math.sqrt(2.0 / (i + o)),
    },
    "mlp.xavier_init": {
        "lecun_variance": lambda i, o: math.sqrt(1.0 / i),
        "he_variance": lambda i, o: math.sqrt(2.0 / i),
        "missing_factor_2": lambda i, o: math.sqrt(1.0 / (i + o)),
        "uniform_bound_as_std": lambda i, o: math.sqrt(6.0 / (i + o)),
        "variance_used_as_std": lambda i, o: 2.0 / (i + o),
    },
}


def init_matrix(student, fn, fan_in, fan_out, seed):
    """The student's matrix for a fresh generator seeded with ``seed``, checked for shape and dtype."""
    rng = student.probe("default_rng", seed)
    W = student.call(fn, fan_in, fan_out, rng)
    name = f"{fn}({fan_in}, {fan_out}, rng)"
    W = _float_array(W, name, W)
    if W.shape == (fan_in, fan_out) and fan_in != fan_out:
        raise Failure(f"{name} has shape {W.shape}; the dense layout is (fan_out, fan_in) = "
                      f"{(fan_out, fan_in)}, one row per output unit.", mistake="shape_transposed")
    if W.shape != (fan_out, fan_in):
        raise Failure(f"{name} has shape {W.shape}, expected (fan_out, fan_in) = {(fan_out, fan_in)}.")
    _finite(W, name, W)
    return W


def check_normal_statistics(W, std, fan_in, fan_out, fn, wrong):
    """Mean 0, a normal shape, standard deviation ``std``, normal tails.

    For n entries drawn from N(0, std**2): the sample mean has standard error
    std / sqrt(n); the sample excess kurtosis m4 / m2**2 - 3 is about N(0, 24 / n)
    (-1.2 for a uniform distribution, about -0.6 for a normal truncated at 2
    std), tested at 8 standard errors because its distribution is skewed;
    n * mean(W**2) / std**2 is chi-square with n degrees of freedom, so
    mean(W**2) / std**2 - 1 has standard error sqrt(2 / n); the fraction of
    entries beyond 2 std is binomial with p = 0.0455. With n >= 10^4 (normal
    approximations) a correct implementation fails one of the four tests with
    probability below 1e-8 per matrix.
    """
    w = _f64(W).ravel()
    n = w.size
    name = f"{fn}({fan_in}, {fan_out}, rng)"
    mean = float(w.mean())
    if abs(mean) > Z * std / math.sqrt(n):
        raise Failure(f"the {n} entries of {name} have mean {mean:.4g}; entries drawn from "
                      f"N(0, {std:.4g}**2) have a mean within {Z * std / math.sqrt(n):.2g} of 0 "
                      "(6 standard errors). The distribution must be centred on 0.")
    m2 = float(np.mean(w * w))
    if m2 > 0:
        kurtosis = float(np.mean(w ** 4)) / m2 ** 2 - 3.0
        bound = 8.0 * math.sqrt(24.0 / n)
        if abs(kurtosis) > bound:
            raise Failure(f"the entries of {name} do not look normal: their excess kurtosis is "
                          f"{kurtosis:.3f}, while a normal distribution gives 0 (within +-{bound:.2g} "
                          f"for {n} entries), a uniform one -1.2 and a normal cut at 2 standard "
                          "deviations about -0.6. Draw from a normal distribution.",
                          mistake="uniform_distribution" if kurtosis < -0.9 else None)
    ratio = m2 / std ** 2
    bound = Z * math.sqrt(2.0 / n)
    if abs(ratio - 1.0) > bound:
        named = [m for m, f in wrong.items() if abs(m2 / f(fan_in, fan_out) ** 2 - 1.0) <= bound]
        raise Failure(f"the entries of {name} have standard deviation {math.sqrt(ratio) * std:.4g} "
                      f"(root mean square), expected {std:.4g}: the measured variance is "
                      f"{ratio:.4g} times the right one, beyond the statistical bound 1 +- "
                      f"{bound:.2g} for {n} entries.", mistake=named[0] if named else None)
    tail = float(np.mean(np.abs(w) > 2.0 * std))
    sd = math.sqrt(TAIL_P * (1.0 - TAIL_P) / n)
    if abs(tail - TAIL_P) > Z * sd:
        raise Failure(f"{100 * tail:.2f}% of the entries of {name} are more than 2 standard "
                      f"deviations ({2 * std:.4g}) from 0; for a normal distribution it is "
                      f"{100 * TAIL_P:.2f}% (within +-{100 * Z * sd:.2f}% for {n} entries), for a "
                      "uniform one with the same variance 0%. Draw from a normal distribution.",
                      mistake="uniform_distribution" if tail < TAIL_P / 2 else None)


@st.composite
def stat_fan_cases(draw, fans=STAT_FANS):
    fan_in, fan_out = draw(st.sampled_from(fans))
    return Case(fan_in=fan_in, fan_out=fan_out, seed=draw(S.seeds()))


@st.composite
def small_fan_cases(draw):
    return Case(fan_in=draw(S.dims(1, 8)), fan_out=draw(S.dims(1, 8)), seed=draw(S.seeds()))


def _init_properties(ex, fn, std_of, rule, hint):
    """The public properties shared by the two initialisers."""

    @ex.property("returns a float array of shape (fan_out, fan_in) for any fans, 1 included",
                 cases=small_fan_cases(), public=True, weight=0.5, max_examples=8,
                 examples=(Case(fan_in=1, fan_out=1, seed=0), Case(fan_in=3, fan_out=1, seed=1)),
                 hint="W has one row per output unit: shape (fan_out, fan_in), like "
                      "torch.nn.Linear's weight.")
    def shape_and_dtype(student, case):
        init_matrix(student, fn, case.fan_in, case.fan_out, case.seed)

    @ex.property(f"its entries look like independent draws from {rule}: sample mean, sample "
                 "variance and the fraction of entries beyond 2 standard deviations (4.55% for a "
                 "normal distribution) within 6 standard errors, and the kurtosis of a normal "
                 "distribution within 8, on 10^4-6*10^4 entries (a correct implementation fails "
                 "with probability below 1e-8 per case)",
                 cases=stat_fan_cases(), public=True, weight=2, max_examples=6, hint=hint)
    def normal_statistics(student, case):
        W = init_matrix(student, fn, case.fan_in, case.fan_out, case.seed)
        check_normal_statistics(W, std_of(case.fan_in, case.fan_out), case.fan_in, case.fan_out,
                                fn, WRONG_STDS[ex.id])

    @ex.property("draws from the rng argument: the same seeded generator gives the same matrix, "
                 "generators with different seeds give different matrices", cases=small_fan_cases(),
                 public=True, weight=1, max_examples=5,
                 hint="Use rng.normal(...) or rng.standard_normal(...), never np.random.randn / "
                      "np.random.normal (the global generator) or a generator of your own.")
    def uses_rng(student, case):
        assert_draws_from_rng(lambda seed: init_matrix(student, fn, case.fan_in, case.fan_out, seed),
                              case.seed, function=f"{fn}({case.fan_in}, {case.fan_out}, rng)",
                              results="matrices", source="the random numbers")

    return shape_and_dtype, normal_statistics, uses_rng


_init_properties(he_init, "he_init", he_std, "N(0, 2 / fan_in)",
                 "He initialisation: W = rng.standard_normal((fan_out, fan_in)) * sqrt(2 / fan_in) "
                 "(the standard deviation is the square root of 2 / fan_in).")
_init_properties(xavier_init, "xavier_init", xavier_std, "N(0, 2 / (fan_in + fan_out))",
                 "Glorot (Xavier) normal: standard deviation sqrt(2 / (fan_in + fan_out)), a "
                 "normal distribution (not the uniform variant, not the course's 1 / fan_in).")

for _ex in (he_init, xavier_init):
    _ex.behavioural_mistake("shape_transposed", "returning a (fan_in, fan_out) matrix",
                            "The dense layout has one row per output unit: shape (fan_out, fan_in).")
    _ex.behavioural_mistake("global_numpy_random", "drawing from np.random instead of rng",
                            "np.random.randn / np.random.normal use numpy's global generator, so "
                            "the same seeded rng does not give the same matrix; call rng.normal(...) "
                            "or rng.standard_normal(...).")
    _ex.behavioural_mistake("rng_ignored", "the rng argument is not used",
                            "Draw the entries from the generator you are given (a generator of your "
                            "own, or a fixed seed, gives the same matrix for every rng).")
    _ex.behavioural_mistake("uniform_distribution", "a uniform distribution instead of a normal one",
                            "kaiming_uniform_ / xavier_uniform_ have the right variance but no entry "
                            "beyond sqrt(3) standard deviations; draw from a normal distribution.")
    _ex.behavioural_mistake("rows_repeated", "the same random row (or column) repeated",
                            "Draw a full (fan_out, fan_in) matrix of independent entries, not one "
                            "row or column broadcast to the others.")
he_init.behavioural_mistake("he_uses_fan_out", "dividing by fan_out instead of fan_in",
                            "He's variance is 2 / fan_in (torch's default fan_in mode): fan_in is "
                            "the number of inputs of the layer, W.shape[1].")
he_init.behavioural_mistake("variance_used_as_std", "using 2 / fan_in as the standard deviation",
                            "2 / fan_in is the variance; numpy's normal takes the standard "
                            "deviation sqrt(2 / fan_in).")
he_init.behavioural_mistake("missing_factor_2", "variance 1 / fan_in (no factor 2)",
                            "He initialisation doubles the variance to make up for ReLU zeroing "
                            "half of the units: std = sqrt(2 / fan_in).")
he_init.behavioural_mistake("xavier_std_used", "Glorot's standard deviation instead of He's",
                            "He uses sqrt(2 / fan_in); sqrt(2 / (fan_in + fan_out)) is Xavier/Glorot.")
xavier_init.behavioural_mistake("lecun_variance", "variance 1 / fan_in (the course's formula)",
                                "N(0, 1 / n_in) is LeCun's initialisation; Glorot's (torch "
                                "xavier_normal_) has variance 2 / (fan_in + fan_out).")
xavier_init.behavioural_mistake("he_variance", "He's variance 2 / fan_in",
                                "Glorot averages both fans: variance 2 / (fan_in + fan_out).")
xavier_init.behavioural_mistake("missing_factor_2", "variance 1 / (fan_in + fan_out)",
                                "Glorot's variance is 2 / (fan_in + fan_out), the inverse of the "
                                "mean of the two fans.")
xavier_init.behavioural_mistake("uniform_bound_as_std", "the uniform bound sqrt(6 / (fan_in + "
                                "fan_out)) used as the normal's standard deviation",
                                "sqrt(6 / (fan_in + fan_out)) is the bound a of Glorot's uniform "
                                "U(-a, a); the normal variant's standard deviation is "
                                "sqrt(2 / (fan_in + fan_out)).")
xavier_init.behavioural_mistake("variance_used_as_std", "using 2 / (fan_in + fan_out) as the "
                                "standard deviation",
                                "That is the variance; take its square root.")


# ================================================================== dropout

#: Drop probabilities; 0.25 first, so that a shrunk counterexample can tell p from 1 - p.
P_VALUES = (0.25, 0.1, 0.5, 0.8, 0.9, 0.3, 0.6)
BIG_SHAPES = ((100, 120), (120, 100), (24, 500), (12000,), (20, 25, 24))


def nonzero_array(shape, seed, dtype=np.float64):
    """Entries of both signs with magnitudes in [0.5, 2]: never 0, so a 0 in out means dropped.

    Drawn from a stream independent of np.random.default_rng(seed), the generator the student's
    code receives, so that the data and the mask are not correlated."""
    rng = np.random.default_rng((seed, 1))
    return (rng.choice([-1.0, 1.0], size=shape) * rng.uniform(0.5, 2.0, size=shape)).astype(dtype)


@st.composite
def dropout_cases(draw, shapes=BIG_SHAPES, p_values=P_VALUES):
    shape = draw(st.sampled_from(shapes))
    seed = draw(S.seeds())
    return Case(x=nonzero_array(shape, seed, draw(S.dtypes())), p=draw(st.sampled_from(p_values)),
                seed=seed)


@st.composite
def small_dropout_cases(draw, p_values=P_VALUES):
    shape = tuple(draw(S.dims(0, 4)) for _ in range(draw(st.integers(1, 3))))
    seed = draw(S.seeds())
    return Case(x=nonzero_array(shape, seed, draw(S.dtypes())), p=draw(st.sampled_from(p_values)),
                seed=seed)


def dropout_out(student, x, p, seed, train=True, keep=False):
    """The student's dropout output for a generator seeded with ``seed`` (and the cache handle)."""
    rng = student.probe("default_rng", seed)
    args = (x, p, rng) if train else (x, p, rng, False)
    res = unpack(student.call("dropout_forward", *args, keep=(1,) if keep else ()), 2,
                 "dropout_forward")
    name = f"the output of dropout_forward(x, p={p:g}, rng{'' if train else ', train=False'})"
    out = _float_array(res[0], name, res[0], x.shape)
    _finite(out, name, out)
    return (out, res[1]) if keep else out


def _scale_mistake(kept_out, kept_x, p, names):
    """Which known wrong scale of the kept entries ``kept_out`` shows (None: none of them)."""
    scales = {names[0]: 1.0, names[1]: 1.0 / p if p > 0 else None, names[2]: 1.0 - p}
    for mistake, s in scales.items():
        if s is not None and kept_out.size and np.allclose(kept_out, kept_x * s, rtol=1e-5, atol=0):
            return mistake
    return None


def check_dropout_values(x, out, p, what="out"):
    """In training mode every entry is 0 or x / (1 - p); returns the boolean mask of dropped entries."""
    x64, o = _f64(x), _f64(out)
    want = x64 / (1.0 - p)
    dropped = (o == 0) & (x64 != 0)
    bad = ~dropped & (np.abs(o - want) > 1e-6 * np.abs(want))
    if bad.any():
        kept = ~dropped & (x64 != 0)
        mistake = _scale_mistake(o[kept], x64[kept], p,
                                 ("no_rescale", "rescale_by_p", "multiplied_by_keep_prob"))
        idx, where = _first_bad(bad)
        raise Failure(f"{what}{where} = {o[idx]:.6g} for x{where} = {x64[idx]:.6g} and p = {p:g}: in "
                      f"training mode every entry must be 0 (dropped) or x / (1 - p) = "
                      f"{want[idx]:.6g} (kept).", observed=out, mistake=mistake)
    return dropped


def check_drop_fraction(dropped, p, out, x):
    """The number of dropped entries is binomial(n, p): a two-sided 6-sigma test (normal
    approximation, n p (1 - p) >= 150 here), false failure below 1e-8 per case."""
    n = dropped.size
    frac = float(dropped.mean())
    sd = math.sqrt(p * (1.0 - p) / n)
    if abs(frac - p) <= Z * sd:
        return
    swapped = abs(frac - (1.0 - p)) <= Z * sd
    raise Failure(f"{100 * frac:.2f}% of the {n} entries were dropped with p = {p:g}; each entry "
                  f"must be dropped with probability p, so about {100 * p:.1f}% (within "
                  f"+-{100 * Z * sd:.2f}%, 6 standard errors)"
                  + (" - your fraction is close to 1 - p: p is the probability of DROPPING an "
                     "entry." if swapped else "."), observed=out,
                  mistake="keep_and_drop_swapped" if swapped else None)


@dropout_forward.property("in training mode every output entry is 0 or x / (1 - p), and the "
                          "fraction of dropped entries is p within 6 standard errors of the "
                          "binomial (1.2*10^4 entries: a correct implementation fails with "
                          "probability below 1e-8 per case)", cases=dropout_cases(), public=True,
                          weight=2, max_examples=7,
                          hint="Keep each entry with probability 1 - p (e.g. mask = rng.random("
                               "x.shape) >= p) and divide the kept ones by 1 - p (inverted "
                               "dropout).")
def train_mode(student, case):
    out = dropout_out(student, case.x, case.p, case.seed)
    try:
        dropped = check_dropout_values(case.x, out, case.p)
    except Failure as f:
        if f.mistake == "rescale_by_p":  # with p read as the keep probability the fraction is off too
            dropped = (_f64(out) == 0) & (_f64(case.x) != 0)
            sd = math.sqrt(case.p * (1.0 - case.p) / dropped.size)
            if abs(float(dropped.mean()) - (1.0 - case.p)) <= Z * sd < abs(float(dropped.mean()) - case.p):
                f.mistake = "p_is_keep_probability"
        raise
    check_drop_fraction(dropped, case.p, out, case.x)


@st.composite
def eval_cases(draw):
    case = draw(small_dropout_cases())
    mode = draw(st.sampled_from(("eval", "p0")))
    if mode == "p0":
        case["p"] = 0.0
    return Case(case, train=mode == "p0")


def _eval_check(student, case, what):
    train = case.get("train", False)
    out = dropout_out(student, case.x, case.p, case.seed, train=train)
    x64, o = _f64(case.x), _f64(out)
    if np.array_equal(o, x64):
        return
    mistake = None
    if ((o == 0) & (x64 != 0)).any():
        mistake = "eval_still_drops"
    elif case.p > 0 and (np.allclose(o, x64 / (1 - case.p), rtol=1e-6, atol=0)
                         or np.allclose(o, x64 * (1 - case.p), rtol=1e-6, atol=0)):
        mistake = "scale_in_eval"
    idx, where = _first_bad(o != x64)
    raise Failure(f"{what}: out{where} = {o[idx]:.6g} but x{where} = {x64[idx]:.6g}; with nothing "
                  "to drop, out must equal x (inverted dropout needs no rescaling at test time).",
                  observed=out, mistake=mistake)


@dropout_forward.property("in evaluation mode (train=False) and with p = 0 the output equals x",
                          cases=eval_cases(), public=True, weight=1, max_examples=10,
                          hint="if not train or p == 0: return a copy of x, with no mask and no "
                               "scaling.")
def eval_mode(student, case):
    what = (f"with train=False and p = {case.p:g}" if case.p > 0 else "with p = 0 in training mode")
    _eval_check(student, case, what)


@dropout_forward.property("returns a float array of x's shape (any shape, size 0 included) whose "
                          "entries are 0 or x / (1 - p)", cases=small_dropout_cases(), public=True,
                          weight=0.5, max_examples=10,
                          examples=(Case(x=np.zeros((0, 3)), p=0.25, seed=0),
                                    Case(x=nonzero_array((5,), 1, np.float32), p=0.5, seed=1)))
def small_shapes(student, case):
    out = dropout_out(student, case.x, case.p, case.seed)
    check_dropout_values(case.x, out, case.p)


@st.composite
def rng_cases(draw):
    case = draw(dropout_cases(shapes=((20, 20), (400,), (5, 8, 10))))
    return case


@dropout_forward.property("draws from the rng argument: the same seeded generator gives the same "
                          "output, generators with different seeds give different masks (400 "
                          "entries: equal masks have probability below 1e-30)", cases=rng_cases(),
                          public=True, weight=1, max_examples=6,
                          hint="Use rng.random(x.shape) (or rng.uniform / rng.binomial), never "
                               "np.random.rand or a generator of your own.")
def mask_uses_rng(student, case):
    assert_draws_from_rng(lambda seed: dropout_out(student, case.x, case.p, seed), case.seed,
                          function="dropout_forward", results="outputs", source="the mask")


@st.composite
def independence_cases(draw):
    return draw(dropout_cases(shapes=((40, 50), (50, 40)), p_values=(0.25, 0.5, 0.75, 0.3)))


@dropout_forward.property("draws one decision per entry: the rows do not all share one mask and "
                          "the columns do not all share one mask (40 x 50 entries: a correct "
                          "implementation fails with probability below 1e-100)",
                          cases=independence_cases(), public=True, weight=1, max_examples=5,
                          hint="Draw the mask with x's full shape, rng.random(x.shape), not "
                               "rng.random(x.shape[1:]) or rng.random((N, 1)) broadcast.")
def independent_entries(student, case):
    out = dropout_out(student, case.x, case.p, case.seed)
    dropped = _f64(out) == 0
    if (dropped == dropped[:1]).all():
        raise Failure(f"every row of x ({case.x.shape[0]} samples) has the same entries dropped: "
                      "one mask is shared by the whole batch.", observed=out,
                      mistake="mask_shared_across_batch")
    if (dropped == dropped[:, :1]).all():
        raise Failure("each row is either dropped whole or kept whole: one decision per sample "
                      "instead of one per entry.", observed=out, mistake="mask_shared_across_batch")


@dropout_forward.property("does not modify its input", cases=small_dropout_cases(), public=True,
                          weight=0.5, max_examples=8, standalone=False, mistake="in_place",
                          hint="x *= mask changes the caller's array; compute out = x * mask / (1 - "
                               "p) as a new array.")
def forward_input_unchanged(student, case):
    rng = student.probe("default_rng", case.seed)
    _, args, _ = student.call("dropout_forward", case.x, case.p, rng, echo=True)
    assert_unchanged([case.x], args[:1], ["x"], mistake="in_place")


for _ex in (dropout_forward, dropout_backward):
    _ex.behavioural_mistake("no_rescale", "kept entries are not divided by 1 - p",
                            "Inverted dropout divides the kept entries by 1 - p so that the "
                            "expected output equals the input (and the backward pass scales dout "
                            "the same way).")
    _ex.behavioural_mistake("rescale_by_p", "kept entries divided by p instead of 1 - p",
                            "p is the drop probability; the kept fraction is 1 - p, so divide by "
                            "1 - p.")
    _ex.behavioural_mistake("multiplied_by_keep_prob", "kept entries multiplied by 1 - p",
                            "Inverted dropout divides by the keep probability 1 - p at training "
                            "time (multiplying by it is the test-time rule of non-inverted "
                            "dropout).")
dropout_forward.behavioural_mistake("keep_and_drop_swapped", "dropping with probability 1 - p",
                                    "p is the probability of DROPPING an entry (torch convention): "
                                    "keep where rng.random(shape) >= p, i.e. with probability 1 - p.")
dropout_forward.behavioural_mistake("p_is_keep_probability", "p treated as the keep probability",
                                    "Here p is the drop probability (torch.nn.Dropout): keep with "
                                    "probability 1 - p and divide by 1 - p, not by p.")
dropout_forward.behavioural_mistake("eval_still_drops", "entries dropped in evaluation mode",
                                    "With train=False (or p = 0) return x unchanged: no mask.")
dropout_forward.behavioural_mistake("scale_in_eval", "x rescaled in evaluation mode",
                                    "Inverted dropout rescales during training only; with "
                                    "train=False the output is x itself.")
dropout_forward.behavioural_mistake("global_numpy_random", "drawing the mask from np.random",
                                    "np.random.rand / np.random.binomial use numpy's global "
                                    "generator; draw from the rng argument (rng.random(x.shape)).")
dropout_forward.behavioural_mistake("rng_ignored", "the rng argument is not used",
                                    "Draw the mask from the generator you are given.")
dropout_forward.behavioural_mistake("mask_shared_across_batch", "one mask shared by all samples "
                                    "(or one decision per sample)",
                                    "Draw an independent decision for every entry: a mask of x's "
                                    "full shape.")
dropout_forward.behavioural_mistake("fixed_number_dropped", "exactly round(p * n) entries dropped "
                                    "every time",
                                    "Decide for each entry independently (rng.random(x.shape) >= p): "
                                    "the number of dropped entries is random (binomial), not fixed.")
dropout_forward.behavioural_mistake("in_place", "x modified in place",
                                    "Compute a new array instead of x *= mask.")


# ------------------------------------------------------------------ dropout_backward

def _backward_case(draw, shapes):
    shape = draw(st.sampled_from(shapes))
    seed = draw(S.seeds())
    dt = draw(S.dtypes())
    return Case(x=nonzero_array(shape, seed, dt), p=draw(st.sampled_from(P_VALUES)), seed=seed,
                dout=S.build_array(shape, draw(S.styles(("normal", "small_int", "wide"))), seed + 1, dt))


@st.composite
def dropout_backward_cases(draw, shapes=((40, 50), (2000,), (10, 6, 8))):
    return _backward_case(draw, shapes)


def dropout_dx(student, cache, dout, x_shape, p):
    raw = student.call("dropout_backward", dout, cache)
    name = f"dx returned by dropout_backward (p = {p:g})"
    dx = _float_array(raw, name, raw, x_shape)
    _finite(dx, name, raw)
    return dx


def check_backward_mask(dx, out, x, dout, p):
    """dx must be dout / (1 - p) where the forward kept the entry (out != 0) and 0 where it dropped it."""
    kept = (_f64(out) != 0) | (_f64(x) == 0)
    d, g = _f64(dout), _f64(dx)
    want = np.where(kept, d / (1.0 - p), 0.0)
    bad = np.abs(g - want) > 1e-6 * np.abs(want) + 1e-300
    if not bad.any():
        return
    nonzero_d = d != 0
    mistake = None
    if np.allclose(g, d / (1.0 - p), rtol=1e-6, atol=0) and (~kept & nonzero_d).any():
        mistake = "mask_ignored"
    elif ((g == 0) & nonzero_d)[kept].any() or ((g != 0) & ~kept).any():
        mistake = "mask_not_reused"
    else:
        mistake = _scale_mistake(g[kept & nonzero_d], d[kept & nonzero_d], p,
                                 ("no_rescale", "rescale_by_p", "multiplied_by_keep_prob"))
    idx, where = _first_bad(bad)
    state = "kept" if kept[idx] else "dropped"
    raise Failure(f"dx{where} = {g[idx]:.6g}, but the forward pass {state} entry {where} (out = "
                  f"{_f64(out)[idx]:.6g}) and dout{where} = {d[idx]:.6g}, so dx{where} should be "
                  f"{want[idx]:.6g}: dx = dout * mask / (1 - p) with the mask of the forward pass.",
                  observed=dx, mistake=mistake)


@dropout_backward.property("dx is dout / (1 - p) where the forward pass kept the entry and 0 where "
                           "it dropped it (the same mask, read from the forward output)",
                           cases=dropout_backward_cases(), public=True, weight=2, max_examples=8,
                           hint="Store the mask (already divided by 1 - p) in the cache and return "
                                "dout * mask; never draw a new mask in the backward pass.")
def same_mask_as_forward(student, case):
    out, cache = dropout_out(student, case.x, case.p, case.seed, keep=True)
    dx = dropout_dx(student, cache, case.dout, case.x.shape, case.p)
    check_backward_mask(dx, out, case.x, case.dout, case.p)


@st.composite
def two_douts(draw):
    case = _backward_case(draw, ((20, 30), (600,)))
    return Case(case, dout2=S.build_array(case.x.shape, "normal", case.seed + 2, case.x.dtype))


@dropout_backward.property("is linear in dout: on one cache, dx for dout + 2 * dout2 is dx for "
                           "dout plus twice dx for dout2", cases=two_douts(), public=True, weight=1,
                           max_examples=6,
                           hint="dx depends on dout only through dout * mask, with the mask fixed "
                                "by the forward pass.")
def linear_in_dout(student, case):
    _, cache = dropout_out(student, case.x, case.p, case.seed, keep=True)
    g1 = dropout_dx(student, cache, case.dout, case.x.shape, case.p)
    g2 = dropout_dx(student, cache, case.dout2, case.x.shape, case.p)
    mixed = (_f64(case.dout) + 2.0 * _f64(case.dout2)).astype(case.dout.dtype)
    g12 = dropout_dx(student, cache, mixed, case.x.shape, case.p)
    scale = (np.abs(_f64(case.dout)) + 2 * np.abs(_f64(case.dout2))) / (1 - case.p)
    try:
        assert_close(g12, _f64(g1) + 2.0 * _f64(g2), name="dx for dout + 2 * dout2, compared with dx "
                     "for dout plus twice dx for dout2", scale=scale, observed=g1)
    except Failure as f:
        f.mistake = "mask_not_reused"
        raise


@st.composite
def eval_backward_cases(draw):
    case = _backward_case(draw, ((4, 5), (7,), (2, 3, 2), (0, 3)))
    if draw(st.booleans()):
        return Case(case, p=0.0, train=True)
    return Case(case, train=False)


@dropout_backward.property("after an evaluation-mode forward pass (train=False) or with p = 0, dx "
                           "equals dout", cases=eval_backward_cases(), public=True, weight=1,
                           max_examples=8,
                           hint="With nothing dropped the layer is the identity, so its gradient "
                                "passes dout through unchanged.")
def eval_mode_backward(student, case):
    _, cache = dropout_out(student, case.x, case.p, case.seed, train=case.train, keep=True)
    dx = dropout_dx(student, cache, case.dout, case.x.shape, case.p)
    if not np.allclose(_f64(dx), _f64(case.dout), rtol=1e-6, atol=0):
        idx, where = _first_bad(~np.isclose(_f64(dx), _f64(case.dout), rtol=1e-6, atol=0))
        raise Failure(f"dx{where} = {_f64(dx)[idx]:.6g} but dout{where} = {_f64(case.dout)[idx]:.6g}"
                      + (" after a forward pass with train=False" if not case.train else
                         " with p = 0") + ": nothing was dropped, so dx must equal dout.",
                      observed=dx, mistake="eval_mode_scaled")


@dropout_backward.property("does not modify dout or the cache: a second call gives the same dx",
                           cases=dropout_backward_cases(shapes=((6, 7), (30,))), public=True,
                           weight=0.5, max_examples=6, standalone=False)
def dropout_backward_unchanged(student, case):
    _, cache = dropout_out(student, case.x, case.p, case.seed, keep=True)
    first, args, _ = student.call("dropout_backward", case.dout, cache, echo=True)
    assert_unchanged([case.dout], args[:1], ["dout"])
    second = student.call("dropout_backward", case.dout, cache)
    if not (isinstance(first, np.ndarray) and isinstance(second, np.ndarray)
            and np.array_equal(first, second)):
        raise Failure("a second call of dropout_backward on the same cache returned a different dx: "
                      "the backward pass changes its cache (or draws a new mask).",
                      mistake="mask_not_reused")


dropout_backward.behavioural_mistake("mask_not_reused", "a new mask drawn in the backward pass",
                                     "The gradient flows only through the entries the forward pass "
                                     "kept: keep its mask in the cache and reuse it.")
dropout_backward.behavioural_mistake("mask_ignored", "dx = dout / (1 - p) everywhere",
                                     "Dropped entries did not reach the output, so their gradient "
                                     "is 0: multiply dout by the forward mask.")
dropout_backward.behavioural_mistake("eval_mode_scaled", "dout masked or scaled after an "
                                     "evaluation-mode forward pass",
                                     "After train=False (or p = 0) the layer is the identity: "
                                     "dx = dout.")


# ================================================================== penalties

LAMS = (0.1, 1e-3, 0.3, 2.0, 1.0, 0.0, 5e-4)


@st.composite
def weight_lists(draw, min_count=0, max_count=4, min_dim=0, styles=S.STYLES, dtype=None):
    """A list of 0-4 arrays of 1-3 dimensions (sizes 0 allowed) and a strength lam."""
    count = draw(st.integers(min_count, max_count))
    dt = draw(S.dtypes()) if dtype is None else dtype
    seed = draw(S.seeds())
    weights = []
    for i in range(count):
        shape = tuple(draw(S.dims(min_dim, 4)) for _ in range(draw(st.integers(1, 3))))
        weights.append(S.build_array(shape, draw(S.styles(styles)), seed + i, dt))
    return Case(weights=weights, lam=draw(st.sampled_from(LAMS)))


def _w(v, dtype=np.float64):
    return np.array(v, dtype=dtype)


PENALTY_EDGE = (
    Case(weights=[_w([[1.0, -2.0], [0.5, -3.0]]), _w([-1.0, 4.0, 0.0])], lam=0.1),
    Case(weights=[], lam=0.3),
    Case(weights=[np.zeros((0, 3)), _w([2.0, -1.0])], lam=2.0),
    Case(weights=[_w([-1.5, 2.5, -0.5])], lam=1.0),
    Case(weights=[_w([[3.0, -1.0]], np.float32), _w([[-2.0], [0.5]], np.float32)], lam=0.3),
    Case(weights=[S.build_array((3, 4), "large", 1, np.float32), S.build_array((5,), "tiny", 2)],
         lam=1e-3),
    Case(weights=[_w([0.0, 0.0, 1.0, -1.0]), _w([[0.0, 2.0]])], lam=0.1),
)


def _penalty(student, fn, weights, lam, name=None):
    return as_float(student.call(fn, weights, lam), name or f"{fn}(weights, lam={lam:g})")


def _penalty_properties(ex, fn, power, formula, single, hint):
    """Public properties of l1_penalty (power 1) and l2_penalty (power 2)."""

    @ex.property("returns a single float, >= 0; 0.0 for an empty list, for arrays of size 0 and "
                 "for lam = 0", cases=weight_lists(), public=True, weight=1, max_examples=6,
                 examples=(PENALTY_EDGE[1], PENALTY_EDGE[2], Case(weights=[np.zeros((0,))], lam=1.0)),
                 hint="Return lam times a sum over every array of the list: a Python float (or a "
                      "0-d array), not one value per array.")
    def returns_nonnegative_float(student, case):
        value = _penalty(student, fn, case.weights, case.lam)
        if not math.isfinite(value) or value < 0:
            raise Failure(f"{fn}(weights, lam={case.lam:g}) returned {value:.6g}; a penalty is a "
                          "finite number >= 0.", observed=value)
        if (case.lam == 0 or sum(w.size for w in case.weights) == 0) and value != 0:
            raise Failure(f"{fn} returned {value:.6g} with "
                          + ("lam = 0" if case.lam == 0 else "no weight entries at all")
                          + "; the penalty is 0 there.", observed=value)

    @ex.property("adds up over arrays and entries: the penalty of two lists together is the sum "
                 "of their penalties, and splitting an array in two does not change it",
                 cases=weight_lists(min_count=1), public=True, weight=1, max_examples=8,
                 examples=(PENALTY_EDGE[0],),
                 hint="Sum over every array of the list and every entry of each array (np.sum, "
                      "not np.mean; all the arrays, not only the first).")
    def adds_up(student, case):
        whole = _penalty(student, fn, case.weights, case.lam)
        k = len(case.weights) // 2
        first = _penalty(student, fn, case.weights[:k], case.lam)
        second = _penalty(student, fn, case.weights[k:], case.lam)
        scale = np.array([abs(first) + abs(second)])
        assert_close(np.array([first + second]), np.array([whole]), name=f"{fn} of weights[:{k}] "
                     f"plus {fn} of weights[{k}:], compared with {fn} of weights", scale=scale,
                     observed=whole)
        flat = [w.ravel() for w in case.weights]
        split = [part for w in flat for part in (w[: w.size // 2], w[w.size // 2:])]
        again = _penalty(student, fn, split, case.lam)
        assert_close(np.array([again]), np.array([whole]), name=f"{fn} with every array cut in two "
                     f"halves, compared with {fn} of weights", scale=np.array([abs(whole)]),
                     observed=whole)

    @ex.property(f"scales like {formula}: flipping every sign does not change it, doubling the "
                 f"weights multiplies it by {2 ** power}, tripling lam multiplies it by 3",
                 cases=weight_lists(min_count=1, styles=("small_int", "normal", "ties", "wide")),
                 public=True, weight=1, max_examples=8, examples=(PENALTY_EDGE[3],), hint=hint)
    def sign_and_scale(student, case):
        base = _penalty(student, fn, case.weights, case.lam)
        scale = np.array([abs(base)])
        flipped = _penalty(student, fn, [-w for w in case.weights], case.lam)
        assert_close(np.array([flipped]), np.array([base]), name=f"{fn}(-weights) compared with "
                     f"{fn}(weights)", scale=scale, observed=base)
        doubled = _penalty(student, fn, [2 * w for w in case.weights], case.lam)
        assert_close(np.array([doubled]), np.array([base * 2 ** power]), name=f"{fn}(2 * weights) "
                     f"compared with {2 ** power} * {fn}(weights)", scale=scale * 2 ** power,
                     observed=base)
        tripled = _penalty(student, fn, case.weights, 3 * case.lam)
        assert_close(np.array([tripled]), np.array([3 * base]), name=f"{fn} with 3 * lam compared "
                     f"with 3 * {fn} with lam", scale=3 * scale, observed=base)

    @st.composite
    def single_entries(draw):
        v = float(S.build_array((1,), draw(S.styles(("small_int", "normal", "wide"))),
                                draw(S.seeds()))[0])
        return Case(weights=[np.array([v])], lam=draw(st.sampled_from(LAMS[:5])))

    @ex.property(f"one weight v gives {single}", cases=single_entries(),
                 public=True, weight=1, max_examples=6,
                 examples=(Case(weights=[np.array([-3.0])], lam=0.1),), hint=hint)
    def single_entry(student, case):
        v = float(case.weights[0][0])
        value = _penalty(student, fn, case.weights, case.lam)
        want = case.lam * abs(v) ** power
        assert_close(np.array([value]), np.array([want]), name=f"{fn}([array([{v:g}])], "
                     f"lam={case.lam:g})", observed=value)

    @ex.property("does not modify its inputs", cases=weight_lists(min_count=1), public=True,
                 weight=0.5, max_examples=5, standalone=False)
    def inputs_unchanged(student, case):
        _, args, _ = student.call(fn, case.weights, case.lam, echo=True)
        got = args[0] if isinstance(args[0], list) else [None] * len(case.weights)
        assert_unchanged(case.weights, got, [f"weights[{i}]" for i in range(len(case.weights))])


_penalty_properties(l1_penalty, "l1_penalty", 1, "lam * sum |w|", "lam * |v|",
                    "L1: lam * sum over all arrays of np.abs(w).sum() (the absolute values, not "
                    "the signed sum).")
_penalty_properties(l2_penalty, "l2_penalty", 2, "lam * sum w**2", "lam * v**2",
                    "L2 (course form): lam * sum over all arrays of (w ** 2).sum(), with no 1/2 "
                    "and no square root.")


# ------------------------------------------------------------------ penalty gradients

def check_grad_list(raw, weights, fn):
    """A list of float arrays shaped like the weights."""
    if not isinstance(raw, (list, tuple)):
        raise Failure(f"{fn} should return a list of arrays (one per weight array), but it returned "
                      f"{describe_value(raw)}.", received=raw)
    if len(raw) != len(weights):
        raise Failure(f"{fn} returned {len(raw)} arrays for {len(weights)} weight arrays.",
                      received=raw, observed=list(raw))
    for i, (g, w) in enumerate(zip(raw, weights)):
        _float_array(g, f"the gradient [{i}]", list(raw), w.shape)
        _finite(g, f"the gradient [{i}]", list(raw))
    return list(raw)


def _grad_properties(ex, penalty_fn, fn, power, hint):

    @ex.property("returns a list of finite float arrays, one per weight array, of the same shapes "
                 "(an empty list for an empty list)", cases=weight_lists(), public=True, weight=1,
                 max_examples=6, examples=(PENALTY_EDGE[1], PENALTY_EDGE[2]),
                 hint="Return [gradient of each array] in the same order: a list comprehension "
                      "over weights.")
    def returns_list_of_arrays(student, case):
        check_grad_list(student.call(fn, case.weights, case.lam), case.weights, fn)

    @st.composite
    def fd_cases(draw):
        case = draw(weight_lists(min_count=1, min_dim=1, styles=("normal", "small_int", "wide", "tiny")))
        return Case(case, direction_seed=draw(S.seeds()))

    @ex.property(f"agrees with central finite differences of your own {penalty_fn} along a random "
                 "direction (one that changes no sign, away from the kink of |w| at 0)",
                 cases=fd_cases(), public=True, weight=2, max_examples=10,
                 examples=(Case(PENALTY_EDGE[0], direction_seed=0),), hint=hint)
    def gradient_check(student, case):
        grads = check_grad_list(student.call(fn, case.weights, case.lam), case.weights, fn)
        rng = np.random.default_rng(case.direction_seed)
        base = [_f64(w) for w in case.weights]
        u = [rng.standard_normal(w.shape) for w in base]
        direction = [w * v for w, v in zip(base, u)]  # zero where w == 0: no kink is crossed
        top = max((np.abs(v).max(initial=0.0) for v in u), default=0.0)
        h = 0.5 / top if top > 0 else 1.0

        def loss(t):
            return _penalty(student, penalty_fn, [w + t * v for w, v in zip(base, direction)],
                            case.lam)

        analytic = dot(grads, direction)
        scale = power * case.lam * dot([np.abs(w) ** (power - 1) for w in base],
                                       [np.abs(v) for v in direction])
        try:
            directional_check(loss, analytic, h, what=f"the gradients from {fn}", scale=scale,
                              rtol=1e-6)
        except Failure as f:
            f.observed = grads
            raise

    return returns_list_of_arrays, gradient_check


_grad_properties(l1_grad, "l1_penalty", "l1_grad", 1,
                 "The derivative of lam * |w| is lam * sign(w): lam where w > 0, -lam where w < 0.")
_grad_properties(l2_grad, "l2_penalty", "l2_grad", 2,
                 "The derivative of lam * w**2 is 2 * lam * w (the penalty has no 1/2).")


@st.composite
def ties_lists(draw):
    return draw(weight_lists(min_count=1, styles=("ties", "small_int")))


@l1_grad.property("at w == 0 the gradient is 0, elsewhere it is lam * sign(w): it does not change "
                  "when the weights are doubled and flips with their sign",
                  cases=ties_lists(), public=True, weight=1, max_examples=8,
                  examples=(PENALTY_EDGE[6],),
                  hint="np.sign(0) is 0: use lam * np.sign(w), not np.where(w >= 0, lam, -lam).")
def l1_sign_structure(student, case):
    grads = check_grad_list(student.call("l1_grad", case.weights, case.lam), case.weights, "l1_grad")
    for i, (g, w) in enumerate(zip(grads, case.weights)):
        zero = _f64(w) == 0
        if (_f64(g)[zero] != 0).any():
            idx, where = _first_bad(zero & (_f64(g) != 0))
            raise Failure(f"weights[{i}]{where} is 0 but its gradient is {_f64(g)[idx]:.6g}; the "
                          "gradient of lam * |w| at w = 0 is taken as 0 (np.sign(0) = 0).",
                          observed=grads)
    doubled = check_grad_list(student.call("l1_grad", [2 * w for w in case.weights], case.lam),
                              case.weights, "l1_grad")
    flipped = check_grad_list(student.call("l1_grad", [-w for w in case.weights], case.lam),
                              case.weights, "l1_grad")
    for i, (g, d, f) in enumerate(zip(grads, doubled, flipped)):
        assert_close(d, _f64(g), name=f"l1_grad of 2 * weights, array [{i}], compared with l1_grad "
                     "of weights", scale=np.full(g.shape, case.lam), observed=grads)
        assert_close(f, -_f64(g), name=f"l1_grad of -weights, array [{i}], compared with minus "
                     "l1_grad of weights", scale=np.full(g.shape, case.lam), observed=grads)


@st.composite
def single_weight(draw):
    v = float(S.build_array((1,), draw(S.styles(("small_int", "normal", "wide"))), draw(S.seeds()))[0])
    return Case(weights=[np.array([v])], lam=draw(st.sampled_from(LAMS[:5])))


@l2_grad.property("one weight v gets the gradient 2 * lam * v, and tripling lam triples the "
                  "gradients", cases=single_weight(), public=True, weight=1, max_examples=6,
                  examples=(Case(weights=[np.array([-3.0])], lam=0.1),),
                  hint="d(lam * v**2)/dv = 2 * lam * v.")
def l2_single_entry(student, case):
    v = float(case.weights[0][0])
    g = check_grad_list(student.call("l2_grad", case.weights, case.lam), case.weights, "l2_grad")
    assert_close(g[0], np.array([2 * case.lam * v]), name=f"l2_grad([array([{v:g}])], "
                 f"lam={case.lam:g})", observed=g)
    g3 = check_grad_list(student.call("l2_grad", case.weights, 3 * case.lam), case.weights, "l2_grad")
    assert_close(g3[0], 3 * _f64(g[0]), name="l2_grad with 3 * lam compared with 3 * l2_grad with "
                 "lam", observed=g)


for _fn, _ex in (("l1_grad", l1_grad), ("l2_grad", l2_grad)):
    def _make(fn):
        @st.composite
        def cases(draw):
            return draw(weight_lists(min_count=1))

        def grads_inputs_unchanged(student, case):
            _, args, _ = student.call(fn, case.weights, case.lam, echo=True)
            got = args[0] if isinstance(args[0], list) else [None] * len(case.weights)
            assert_unchanged(case.weights, got, [f"weights[{i}]" for i in range(len(case.weights))])
        return cases, grads_inputs_unchanged

    _cases, _check = _make(_fn)
    _ex.property("does not modify its inputs", cases=_cases(), public=True, weight=0.5,
                 max_examples=6, standalone=False)(_check)


# ================================================================== clip_grad_norm

RATIOS = (0.5, 2.0, 0.1, 1e-3, 10.0, 0.9, 1.0)


def global_norm(arrays):
    """The L2 norm of all entries together (float64, scaled against overflow)."""
    flat = [np.abs(_f64(a)).ravel() for a in arrays]
    big = max((f.max(initial=0.0) for f in flat), default=0.0)
    if big == 0:
        return 0.0
    return float(big * math.sqrt(sum(float(np.sum((f / big) ** 2)) for f in flat)))


@st.composite
def clip_cases(draw, ratios=RATIOS, min_count=0, positive_norm=False):
    """Gradients and a max_norm that is ``ratio`` times their norm (or ``ratio`` when it is 0)."""
    case = draw(weight_lists(min_count=min_count))
    ratio = draw(st.sampled_from(ratios))
    norm = global_norm(case.weights)
    assume(norm > 0 or not positive_norm)
    return Case(grads=case.weights, max_norm=ratio * norm if norm > 0 else ratio)


CLIP_EDGE = (
    Case(grads=[_w([[3.0, 0.0], [0.0, 4.0]]), _w([12.0])], max_norm=6.5),    # norm 13: clipped by 1/2
    Case(grads=[_w([3.0, 4.0])], max_norm=5.0),                              # exactly at max_norm
    Case(grads=[], max_norm=1.0),
    Case(grads=[np.zeros((2, 0)), np.zeros(3)], max_norm=0.5),
    Case(grads=[_w([[0.6, -0.8]], np.float32), _w([0.0], np.float32)], max_norm=10.0),
    Case(grads=[S.build_array((3, 4), "large", 1, np.float32), S.build_array((6,), "wide", 2)],
         max_norm=1.0),
    Case(grads=[_w([1e-3, -2e-3]), _w([[5.0, -1.0], [2.0, 0.5]]), _w([0.25])], max_norm=2.0),
    Case(grads=[_w([3e-6, 0.0]), _w([[-4e-6]])], max_norm=1e-6),            # tiny: no epsilon added
)


def clip_result(student, grads, max_norm, name=None):
    name = name or f"clip_grad_norm(grads, max_norm={max_norm:.6g})"
    raw = student.call("clip_grad_norm", grads, max_norm)
    clipped, total = unpack(raw, 2, "clip_grad_norm")
    observed = (list(clipped) if isinstance(clipped, (list, tuple)) else clipped, total)
    if not isinstance(clipped, (list, tuple)):
        raise Failure(f"the clipped gradients returned by {name} should be a list of arrays, but "
                      f"they are {describe_value(clipped)}.", received=clipped)
    if len(clipped) != len(grads):
        raise Failure(f"{name} returned {len(clipped)} clipped arrays for {len(grads)} gradients.",
                      observed=observed)
    for i, (c, g) in enumerate(zip(clipped, grads)):
        _float_array(c, f"clipped[{i}]", observed, g.shape)
        _finite(c, f"clipped[{i}]", observed)
    try:
        total = as_float(total, f"the total_norm returned by {name}")
    except Failure as f:
        f.observed = observed
        raise
    return list(clipped), total, (list(clipped), total)


@clip_grad_norm.property("returns (clipped, total_norm): a list of float arrays shaped like the "
                         "gradients and a float >= 0 (also for an empty list and arrays of size 0)",
                         cases=clip_cases(), public=True, weight=1, max_examples=8,
                         examples=(CLIP_EDGE[2], CLIP_EDGE[3]),
                         hint="Return a tuple: the list of (possibly scaled) arrays, then the norm "
                              "as a float.")
def returns_list_and_norm(student, case):
    _, total, observed = clip_result(student, case.grads, case.max_norm)
    if not math.isfinite(total) or total < 0:
        raise Failure(f"total_norm is {total:.6g}; a norm is a finite number >= 0.", observed=observed)


@clip_grad_norm.property("when the total norm is at most max_norm the gradients come back unchanged",
                         cases=clip_cases(ratios=(2.0, 10.0, 1.0, 1e3), min_count=1), public=True,
                         weight=1, max_examples=8, examples=(CLIP_EDGE[1], CLIP_EDGE[4]),
                         hint="Scale only when total_norm > max_norm; otherwise return copies of "
                              "the gradients as they are.")
def unchanged_below_max_norm(student, case):
    clipped, _, observed = clip_result(student, case.grads, case.max_norm)
    for i, (c, g) in enumerate(zip(clipped, case.grads)):
        assert_close(c, _f64(g), name=f"clipped[{i}] (the total norm {global_norm(case.grads):.6g} "
                     f"is at most max_norm = {case.max_norm:.6g}, so nothing is clipped)",
                     observed=observed)


@clip_grad_norm.property("when the total norm exceeds max_norm every array is multiplied by one "
                         "common factor, and the clipped gradients have total norm max_norm",
                         cases=clip_cases(ratios=(0.5, 0.1, 1e-3, 0.9), min_count=1,
                                          positive_norm=True), public=True,
                         weight=2, max_examples=10, examples=(CLIP_EDGE[0], CLIP_EDGE[6]),
                         hint="total_norm = sqrt(sum over ALL arrays of (g**2).sum()); then every "
                              "array gets the same factor max_norm / total_norm.")
def clipped_to_max_norm(student, case):
    clipped, _, observed = clip_result(student, case.grads, case.max_norm)
    factors = []
    for i, (c, g) in enumerate(zip(clipped, case.grads)):
        g64, c64 = _f64(g), _f64(c)
        gg = float(np.sum(g64 * g64))
        if gg == 0:
            assert_close(c64, g64, name=f"clipped[{i}] (an all-zero gradient stays zero)",
                         scale=np.full(g64.shape, case.max_norm), observed=observed)
            continue
        f = float(np.sum(c64 * g64)) / gg
        assert_close(c64, f * g64, name=f"clipped[{i}] compared with a multiple of grads[{i}] (its "
                     "direction must not change)", observed=observed)
        factors.append((i, f))
    if factors:
        i0, f0 = factors[0]
        for i, f in factors[1:]:
            if abs(f - f0) > 1e-6 * abs(f0):
                raise Failure(f"grads[{i0}] was multiplied by {f0:.6g} but grads[{i}] by {f:.6g}: "
                              "every array must be scaled by the same factor max_norm / "
                              "total_norm, with total_norm the norm of ALL entries together.",
                              observed=observed, mistake="per_array_clipping")
    norm = global_norm(clipped)
    assert_close(np.array([norm]), np.array([case.max_norm]), name="the total norm of the clipped "
                 "gradients, compared with max_norm", observed=observed)


@st.composite
def norm_cases(draw):
    case = draw(clip_cases(min_count=1))
    return Case(case, c=draw(st.sampled_from((2.0, 0.5, 8.0))))


@clip_grad_norm.property("total_norm is the norm of all entries together BEFORE clipping: it "
                         "does not depend on how the entries are split into arrays, and scaling "
                         "the gradients by c > 0 scales it by c", cases=norm_cases(), public=True,
                         weight=1.5, max_examples=8, examples=(Case(CLIP_EDGE[0], c=2.0),),
                         hint="sqrt of the sum of squares of every entry of every array; return "
                              "it as computed before the scaling.")
def total_norm_is_global(student, case):
    _, total, observed = clip_result(student, case.grads, case.max_norm)
    flat = [np.concatenate([_f64(g).ravel() for g in case.grads]).astype(case.grads[0].dtype)]
    _, total_flat, _ = clip_result(student, flat, case.max_norm,
                                   "clip_grad_norm([all entries in one array], max_norm)")
    assert_close(np.array([total_flat]), np.array([total]), name="total_norm for every entry in one "
                 "array, compared with total_norm for the list", observed=observed)
    scaled = [(_f64(g) * case.c).astype(g.dtype) for g in case.grads]
    _, total_c, _ = clip_result(student, scaled, case.max_norm,
                                f"clip_grad_norm({case.c:g} * grads, max_norm)")
    assert_close(np.array([total_c]), np.array([case.c * total]), name=f"total_norm for "
                 f"{case.c:g} * grads, compared with {case.c:g} times total_norm for grads",
                 observed=observed)


@clip_grad_norm.property("does not modify its inputs", cases=clip_cases(ratios=(0.1, 0.5), min_count=1),
                         public=True, weight=0.5, max_examples=5, standalone=False,
                         mistake="in_place_clipping",
                         hint="g *= factor changes the caller's gradients; compute g * factor.")
def clip_inputs_unchanged(student, case):
    _, args, _ = student.call("clip_grad_norm", case.grads, case.max_norm, echo=True)
    got = args[0] if isinstance(args[0], list) else [None] * len(case.grads)
    assert_unchanged(case.grads, got, [f"grads[{i}]" for i in range(len(case.grads))],
                     mistake="in_place_clipping")


clip_grad_norm.behavioural_mistake("per_array_clipping", "clipping each array by its own norm",
                                   "Clipping by the global norm uses ONE norm over all arrays "
                                   "together and one common factor, so the direction of the whole "
                                   "gradient is kept.")
clip_grad_norm.behavioural_mistake("in_place_clipping", "scaling the caller's arrays in place",
                                   "Return new arrays (g * factor) instead of g *= factor.")


# ================================================================== minibatches

def dataset(n, tail=(2,), dtype=np.float64, ykind="int"):
    """x[i] = 100 * i + (0, 1, 2, ...) over its trailing shape: each row names its sample;
    y[i] = 1000 + i (integer labels) or [-(i + 1), i / 2] (float targets)."""
    ids = np.arange(n)
    width = int(np.prod(tail))
    x = (100.0 * ids[:, None] + np.arange(width)[None, :]).reshape((n,) + tuple(tail)).astype(dtype)
    if ykind == "int":
        y = 1000 + ids
    else:
        y = np.stack([-(ids + 1.0), ids / 2.0], axis=1)
    return x, y


def batch_cases_from(n, batch_size, shuffle, seed, tail=(2,), dtype=np.float64, ykind="int"):
    x, y = dataset(n, tail, dtype, ykind)
    return Case(x=x, y=y, batch_size=batch_size, shuffle=shuffle, seed=seed)


@st.composite
def batch_cases(draw, min_n=0, max_n=30, shuffle=None):
    n = draw(st.integers(min_n, max_n))
    tail = draw(st.sampled_from(((2,), (), (2, 3))))
    return batch_cases_from(n, draw(st.integers(1, 12)),
                            draw(st.booleans()) if shuffle is None else shuffle, draw(S.seeds()),
                            tail, draw(S.dtypes()), draw(st.sampled_from(("int", "float"))))


BATCH_EDGE = (
    batch_cases_from(10, 4, True, 0),                       # 4 + 4 + 2
    batch_cases_from(12, 4, True, 1),                       # divides N: no empty batch
    batch_cases_from(0, 3, True, 2),                        # no samples
    batch_cases_from(5, 8, True, 3),                        # one batch of everything
    batch_cases_from(1, 1, True, 4, (3,), np.float32, "float"),
    batch_cases_from(7, 1, False, 5, (2, 2)),
    batch_cases_from(13, 5, False, 6, (), np.float32, "float"),
)


def _sample_id(row):
    return int(round(float(_f64(row).ravel()[0]) / 100.0)) if np.size(row) else -1


def _label_id(entry, ykind_int):
    e = _f64(entry).ravel()
    return int(round(e[0])) - 1000 if ykind_int else int(round(-e[0])) - 1


def run_minibatches(student, case, seed=None):
    """The student's batches for a fresh generator, checked: list of (xb, yb) of arrays."""
    rng = student.probe("default_rng", case.seed if seed is None else seed)
    if case.shuffle:
        raw = student.call("minibatches", case.x, case.y, case.batch_size, rng)
    else:
        raw = student.call("minibatches", case.x, case.y, case.batch_size, rng, shuffle=False)
    if not isinstance(raw, (list, tuple)):
        raise Failure(f"minibatches should return a list of (xb, yb) pairs, but it returned "
                      f"{describe_value(raw)}.", received=raw)
    for k, pair in enumerate(raw):
        if not isinstance(pair, (list, tuple)) or len(pair) != 2 \
                or not all(isinstance(a, np.ndarray) for a in pair):
            raise Failure(f"batch {k} should be a pair (xb, yb) of arrays, but it is "
                          f"{describe_value(pair)}.", received=pair, observed=raw)
    return raw


def batch_ids(raw, case):
    """[(x ids, y ids), ...] per batch, checking that every row is an exact row of x (or y)."""
    n = case.x.shape[0]
    ykind_int = case.y.ndim == 1
    out = []
    for k, (xb, yb) in enumerate(raw):
        if xb.shape[1:] != case.x.shape[1:] or yb.shape[1:] != case.y.shape[1:]:
            raise Failure(f"batch {k} has xb of shape {xb.shape} and yb of shape {yb.shape}; with x "
                          f"of shape {case.x.shape} and y of shape {case.y.shape} they should be "
                          f"(B,) + {case.x.shape[1:]} and (B,) + {case.y.shape[1:]}.", observed=raw)
        xs = [_sample_id(r) for r in xb]
        ys = [_label_id(e, ykind_int) for e in yb]
        for r, i in zip(xb, xs):
            if not (0 <= i < n) or not np.array_equal(_f64(r), _f64(case.x[i])):
                raise Failure(f"batch {k} holds a row of xb that is not a row of x: take whole rows "
                              "of x (x[indices]) without changing them.", observed=raw)
        for e, i in zip(yb, ys):
            if not (0 <= i < n) or not np.array_equal(_f64(e), _f64(case.y[i])):
                raise Failure(f"batch {k} holds an entry of yb that is not an entry of y.", observed=raw)
        out.append((xs, ys))
    return out


def check_partition(raw, case):
    """Batch sizes, every sample exactly once, x and y paired. Returns the order of the samples."""
    n, bs = case.x.shape[0], case.batch_size
    sizes = [len(xb) for xb, _ in raw]
    want = [bs] * (n // bs) + ([n % bs] if n % bs else [])
    ids = batch_ids(raw, case)
    if sizes != want:
        mistake = None
        if n % bs and sizes == want[:-1]:
            mistake = "drops_last_batch"
        elif sizes == want + [0]:
            mistake = "empty_last_batch"
        elif any(len(xb) != len(yb) for xb, yb in raw):
            mistake = None
        text = (f"with N = {n} samples and batch_size = {bs}, the batch sizes are {sizes[:12]}"
                f"{' ...' if len(sizes) > 12 else ''}; expected {want[:12]}"
                f"{' ...' if len(want) > 12 else ''} (consecutive full batches, then the rest; "
                "never an empty batch, never a dropped one).")
        raise Failure(text, observed=raw, mistake=mistake)
    for k, (xs, ys) in enumerate(ids):
        if len(ys) != len(xs):
            raise Failure(f"batch {k} has {len(xs)} rows of x but {len(ys)} entries of y.", observed=raw)
    order = [i for xs, _ in ids for i in xs]
    if sorted(order) != list(range(n)):
        dupes = len(order) - len(set(order))
        raise Failure(f"the batches should hold every one of the {n} samples exactly once, but "
                      f"{dupes} samples appear twice or more and {n - len(set(order))} never: draw "
                      "one permutation of the samples (rng.permutation(N)), not indices with "
                      "replacement.", observed=raw, mistake="sampled_with_replacement" if dupes else None)
    for k, (xs, ys) in enumerate(ids):
        if xs != ys:
            j = next(t for t in range(len(xs)) if xs[t] != ys[t])
            raise Failure(f"in batch {k}, row {j} of xb is sample {xs[j]} of x but entry {j} of yb "
                          f"is y[{ys[j]}]: x and y must be indexed with the same permutation.",
                          observed=raw, mistake="misaligned_pairs")
    return order


@minibatches.property("every sample is in exactly one batch, batches are consecutive and full but "
                      "the last (never empty, never dropped), and each xb row stays paired with "
                      "its yb entry", cases=batch_cases(), public=True, weight=2, max_examples=12,
                      examples=BATCH_EDGE[:5],
                      hint="order = rng.permutation(N); then for start in range(0, N, batch_size): "
                           "idx = order[start:start + batch_size] and yield (x[idx], y[idx]).")
def partition(student, case):
    check_partition(run_minibatches(student, case), case)


@minibatches.property("with shuffle=False the batches keep the original order of the samples",
                      cases=batch_cases(min_n=1, shuffle=False), public=True, weight=1,
                      max_examples=6, examples=BATCH_EDGE[5:],
                      hint="Shuffle only when shuffle is True: use np.arange(N) as the order "
                           "otherwise.")
def unshuffled_keeps_order(student, case):
    raw = run_minibatches(student, case)
    order = check_partition(raw, case)
    if order != list(range(case.x.shape[0])):
        raise Failure(f"with shuffle=False the samples came out in the order {order[:15]}"
                      f"{' ...' if len(order) > 15 else ''}; expected 0, 1, 2, ...", observed=raw,
                      mistake="shuffles_when_told_not_to")


@minibatches.property("shuffles with the rng argument: the same seeded generator gives the same "
                      "batches, generators with different seeds give different orders (N >= 12: "
                      "two uniform permutations coincide with probability at most 1/12! < 3e-9)",
                      cases=batch_cases(min_n=12, max_n=30, shuffle=True), public=True, weight=1,
                      max_examples=6,
                      hint="Draw the permutation from rng (rng.permutation(N) or rng.shuffle on an "
                           "index array), never from np.random.")
def shuffle_uses_rng(student, case):
    # the same order for both seeds, and that order the original one: no shuffling at all
    assert_draws_from_rng(
        lambda seed: check_partition(run_minibatches(student, case, seed=seed), case), case.seed,
        function="minibatches", results="orders", source="the permutation",
        equal=lambda a, b: a == b,
        same_mistake=lambda order: "shuffle_ignored" if order == list(range(len(order))) else "rng_ignored")


def successions(order):
    """How often sample i + 1 comes right after sample i."""
    return sum(1 for a, b in zip(order, order[1:]) if b == a + 1)


def pairs_together(order, batch_size):
    """How many of the pairs (0, 1), (2, 3), ... end up in one batch."""
    batch_of = {s: k // batch_size for k, s in enumerate(order)}
    return sum(1 for i in range(0, len(order) - 1, 2) if batch_of[i] == batch_of[i + 1])


@st.composite
def order_cases(draw):
    return batch_cases_from(60, 4, True, draw(S.seeds()), (2,), draw(S.dtypes()), "int")


@minibatches.property("the shuffled order looks like a uniformly random permutation: out of 60 "
                      "samples in batches of 4, fewer than 15 samples directly follow their "
                      "original predecessor and fewer than 15 of the pairs (0, 1), (2, 3), ... "
                      "share a batch (about 1 and 1.5 expected; a correct implementation fails "
                      "with probability below 1e-10)", cases=order_cases(), public=True, weight=1,
                      max_examples=4,
                      hint="Shuffle the samples, not the batches: permute the N indices with "
                           "rng.permutation(N) before cutting them into batches.")
def random_order(student, case):
    order = check_partition(run_minibatches(student, case), case)
    if order == list(range(len(order))):
        raise Failure("with shuffle=True the samples came out in their original order.",
                      mistake="shuffle_ignored")
    runs, together = successions(order), pairs_together(order, case.batch_size)
    if runs >= 15 or together >= 15:
        raise Failure(f"in the shuffled order {runs} of the 59 samples directly follow their "
                      f"original predecessor and {together} of the 30 pairs (0, 1), (2, 3), ... "
                      "share a batch; a uniformly random permutation gives about 1 and 1.5: the "
                      "order is not a uniform shuffle of the samples (are whole batches shuffled, "
                      "or is the data rotated?).", mistake="batch_order_only")


@minibatches.property("does not modify x or y", cases=batch_cases(min_n=2, shuffle=True),
                      public=True, weight=0.5, max_examples=5, standalone=False,
                      mistake="in_place_shuffle",
                      hint="rng.shuffle(x) shuffles the caller's array; shuffle an index array "
                           "(or use rng.permutation) and index x and y with it.")
def inputs_unchanged(student, case):
    rng = student.probe("default_rng", case.seed)
    _, args, _ = student.call("minibatches", case.x, case.y, case.batch_size, rng, echo=True)
    assert_unchanged([case.x, case.y], args[:2], ["x", "y"], mistake="in_place_shuffle")


minibatches.behavioural_mistake("drops_last_batch", "the last, smaller batch is dropped",
                                "range(0, N, batch_size) gives the start of every batch, the last "
                                "partial one included; do not stop at N - batch_size or use "
                                "N // batch_size batches.")
minibatches.behavioural_mistake("empty_last_batch", "an empty batch at the end",
                                "When batch_size divides N there are exactly N // batch_size "
                                "batches: use ceil(N / batch_size) batches, or range(0, N, "
                                "batch_size).")
minibatches.behavioural_mistake("sampled_with_replacement", "samples drawn with replacement",
                                "rng.integers / rng.choice(N, N) repeat some samples and miss "
                                "others; one epoch uses every sample once: rng.permutation(N).")
minibatches.behavioural_mistake("misaligned_pairs", "x and y shuffled with different permutations",
                                "Draw ONE permutation and index both x and y with it.")
minibatches.behavioural_mistake("shuffles_when_told_not_to", "shuffling although shuffle=False",
                                "Honour the shuffle argument: with shuffle=False keep the order.")
minibatches.behavioural_mistake("shuffle_ignored", "never shuffling",
                                "With shuffle=True draw a permutation from rng first.")
minibatches.behavioural_mistake("global_numpy_random", "shuffling with np.random",
                                "np.random.permutation / np.random.shuffle use the global "
                                "generator; use the rng argument.")
minibatches.behavioural_mistake("rng_ignored", "the rng argument is not used",
                                "Draw the permutation from the generator you are given.")
minibatches.behavioural_mistake("batch_order_only", "shuffling whole batches (or rotating the "
                                "data) instead of the samples",
                                "Permute the N samples, then cut the permuted order into batches.")
minibatches.behavioural_mistake("some_samples_never_move", "some samples never change position",
                                "Permute all N indices (rng.permutation(N)); a permutation of "
                                "range(N - 1), or of part of the data, leaves samples in place.")
minibatches.behavioural_mistake("in_place_shuffle", "x or y shuffled in place",
                                "rng.shuffle(x) reorders the caller's data; use an index "
                                "permutation.")


# ================================================================== EarlyStopping

#: min_delta values, and loss grids, are multiples of 1/8: every comparison is exact in binary
#: floating point, so best - loss > min_delta and loss < best - min_delta always agree.
DELTAS = (0.0, 0.25, 0.5, 0.125)
FIRST_LOSSES = (1.0, 8.0, 0.5, 1e300)


def run_early_stopping(student, patience, min_delta, losses):
    """What the student's EarlyStopping(patience, min_delta).step returns for each loss."""
    kwargs = {"min_delta": min_delta} if min_delta != 0.0 else {}
    obj = student.call("EarlyStopping", patience, keep_whole=True, **kwargs)
    out = []
    for k, loss in enumerate(losses):
        r = student.method(obj, "step", float(loss))
        if not isinstance(r, bool):
            raise Failure(f"step (call {k + 1}) returned {describe_value(r)}; it should return True "
                          "or False.", received=r)
        out.append(r)
    return out


def _show_losses(losses):
    return "[" + ", ".join(f"{v:g}" for v in losses) + "]"


def check_stops(student, case, expected, story):
    got = run_early_stopping(student, case.patience, case.min_delta, case.losses)
    if got == expected:
        return
    k = next(i for i in range(len(got)) if got[i] != expected[i])
    raise Failure(f"EarlyStopping(patience={case.patience}, min_delta={case.min_delta:g}) with the "
                  f"losses {_show_losses(case.losses)}: step returned {got[k]} at call {k + 1}, "
                  f"expected {expected[k]} ({story}). All returns: {got}.",
                  observed=np.array(got, dtype=np.float64))


def es_case(patience, min_delta, losses):
    return Case(patience=patience, min_delta=min_delta, losses=[float(v) for v in losses])


@st.composite
def plateau_cases(draw):
    patience = draw(st.integers(1, 5))
    first = draw(st.sampled_from(FIRST_LOSSES))
    extra = draw(st.integers(0, 3))
    return es_case(patience, draw(st.sampled_from(DELTAS)), [first] * (1 + patience + extra))


@EarlyStopping.property("a loss that never improves after the first epoch (every later loss "
                        "equal to it) stops training exactly at call patience + 1",
                        cases=plateau_cases(), public=True, weight=1.5, max_examples=8,
                        examples=(es_case(3, 0.0, [1.0] * 6), es_case(1, 0.25, [2.0] * 3)),
                        hint="A loss equal to the best is not an improvement (use <, not <=); "
                             "count it as a bad epoch and return True once the count reaches "
                             "patience (>=, not >).")
def plateau(student, case):
    expected = [k >= case.patience for k in range(len(case.losses))]
    check_stops(student, case, expected, "the first call sets the best, each later call is a bad "
                "epoch, and the count reaches patience at call patience + 1")


@st.composite
def decreasing_cases(draw):
    delta = draw(st.sampled_from(DELTAS))
    steps = draw(st.lists(st.integers(1, 8), min_size=4, max_size=10))
    losses = [draw(st.sampled_from((8.0, 20.0, 1e300)))]
    for s in steps:
        losses.append((losses[-1] if losses[-1] < 1e6 else 12.0) - delta - s / 8.0)
    return es_case(draw(st.integers(1, 4)), delta, losses)


@EarlyStopping.property("a loss that improves by more than min_delta at every epoch never stops "
                        "training", cases=decreasing_cases(), public=True, weight=1, max_examples=6,
                        examples=(es_case(1, 0.25, [3.0, 2.5, 2.0, 1.5, 1.0]),),
                        hint="An improvement is val_loss < best - min_delta: set best = val_loss "
                             "and reset the bad-epoch count to 0.")
def steady_improvement(student, case):
    check_stops(student, case, [False] * len(case.losses),
                "every loss is below the best by more than min_delta")


@st.composite
def small_improvement_cases(draw):
    delta = draw(st.sampled_from(DELTAS[1:]))
    patience = draw(st.integers(1, 5))
    first = draw(st.sampled_from(FIRST_LOSSES[:3]))
    later = [first - delta] + [first - delta * draw(st.sampled_from((1.0, 0.5, 0.25, 0.0)))
                               for _ in range(patience + 1)]
    return es_case(patience, delta, [first] + later)


@EarlyStopping.property("decreases of at most min_delta below the best are not improvements (a "
                        "decrease of exactly min_delta included): they count as bad epochs",
                        cases=small_improvement_cases(), public=True, weight=1.5, max_examples=8,
                        examples=(es_case(2, 0.25, [1.0, 0.75, 0.875, 0.75]),),
                        hint="Compare with the BEST loss minus min_delta, strictly: "
                             "val_loss < best - min_delta.")
def small_improvements(student, case):
    expected = [k >= case.patience for k in range(len(case.losses))]
    check_stops(student, case, expected, f"no loss is below the first one by more than "
                f"min_delta = {case.min_delta:g}, so every call after the first is a bad epoch")


@st.composite
def reset_cases(draw):
    patience = draw(st.integers(2, 4))
    delta = draw(st.sampled_from(DELTAS))
    losses = [20.0]
    for _ in range(draw(st.integers(2, 3))):
        best = losses[-1] if len(losses) == 1 else min(losses)
        losses += [best + draw(st.integers(0, 8)) / 8.0 for _ in range(patience - 1)]
        losses.append(best - delta - draw(st.integers(1, 8)) / 8.0)
    return es_case(patience, delta, losses)


@EarlyStopping.property("an improvement resets the count of bad epochs: patience - 1 bad epochs "
                        "followed by an improvement, over and over, never stops training",
                        cases=reset_cases(), public=True, weight=1, max_examples=6,
                        examples=(es_case(2, 0.0, [5.0, 6.0, 4.0, 4.0, 3.0, 7.0, 2.0]),),
                        hint="On an improvement set the bad-epoch count back to 0.")
def counter_resets(student, case):
    check_stops(student, case, [False] * len(case.losses),
                f"there are never {case.patience} bad epochs in a row")


@st.composite
def best_cases(draw):
    patience = draw(st.integers(2, 5))  # with patience 1 comparing with the previous loss agrees
    delta = draw(st.sampled_from((0.0, 0.25, 0.125)))
    return es_case(patience, delta, [8.0, 4.0] + [7.5 - 0.5 * k for k in range(patience + 1)])


@EarlyStopping.property("losses are compared with the best loss so far, not with the previous "
                        "one: after 8, 4, a run 7.5, 7, 6.5, ... (each better than the previous, "
                        "all worse than 4) stops at call patience + 2", cases=best_cases(),
                        public=True, weight=1, max_examples=5,
                        hint="Keep the best loss in an attribute and update it on every "
                             "improvement; compare each new loss with it.")
def compares_with_best(student, case):
    expected = [k >= case.patience + 1 for k in range(len(case.losses))]
    check_stops(student, case, expected, "4 is the best loss and every later loss is worse than it")


@st.composite
def sticky_cases(draw):
    patience = draw(st.integers(1, 4))
    return es_case(patience, draw(st.sampled_from(DELTAS)),
                   [2.0] * (1 + patience) + [1.0, 0.5, -3.0])


@EarlyStopping.property("once step has returned True it keeps returning True, even if the loss "
                        "improves afterwards", cases=sticky_cases(), public=True, weight=1,
                        max_examples=4,
                        hint="Remember that training should stop (e.g. self.stopped = True) and "
                             "return it on every later call.")
def keeps_stopping(student, case):
    expected = [k >= case.patience for k in range(len(case.losses))]
    check_stops(student, case, expected, "after the first True every call returns True")
