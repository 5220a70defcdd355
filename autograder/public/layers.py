"""Public checks: layers.dense_forward, layers.dense_backward,
layers.numerical_gradient and layers.gradient_check.

out = x @ W.T + b with x (N, D), W (M, D), b (M,); the backward returns the
gradients (dx, dW, db) of sum(out * dout), summed over the batch.
numerical_gradient(f, x, h) estimates the gradient of a scalar function by
central differences; the grader passes f as a probe object built in the
worker (`autograder.isolation.probes.SmoothFunction`), whose exact gradient,
exact central differences and call count it knows. gradient_check(analytic,
numeric) is the relative error ||a - n|| / (||a|| + ||n||). Students receive
this module (see `autograder.public`); the hidden part of the suite is in
``autograder/suites/layers.py``.
"""

from functools import lru_cache

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, assert_close,
                                 assert_unchanged, directional_check, dot, unpack, strategies as S)
from autograder.checking.compare import f64 as _f64, float_array as _float_array
from autograder.isolation.probes import SmoothFunction
from autograder.isolation.worker import StudentError


dense_forward = Exercise("layers.dense_forward", requires=("dense_forward",))
dense_backward = Exercise("layers.dense_backward", requires=("dense_forward", "dense_backward"))


# ------------------------------------------------------------------ cases

@st.composite
def dense_cases(draw, min_n=0, max_n=5, with_dout=False):
    """x (N, D), W (M, D), b (M,) and, for the backward, dout (N, M).

    Every array gets its own value style, so a tiny input meets large weights
    and the other way round; N, D and M are drawn independently (N != D != M
    most of the time). One flat draw per value keeps generation cheap.
    """
    n = draw(st.integers(min_n, max_n))
    d = draw(S.dims(1, 5))
    m = draw(S.dims(1, 5))
    dt = draw(S.dtypes())
    styles = [draw(S.styles()) for _ in range(4 if with_dout else 3)]
    seed = draw(S.seeds())
    case = Case(x=S.build_array((n, d), styles[0], seed, dt),
                W=S.build_array((m, d), styles[1], seed + 1, dt),
                b=S.build_array((m,), styles[2], seed + 2, dt))
    if with_dout:
        case["dout"] = S.build_array((n, m), styles[3], seed + 3, dt)
    return case


@st.composite
def with_fields(draw, cases, **fields):
    """Cases from ``cases`` with extra drawn fields (shown in the counterexample)."""
    case = draw(cases)
    return Case(case, **{k: draw(v) for k, v in fields.items()})


def _arr(shape, start, dtype=np.float64):
    """A readable non-symmetric array: start, start + 1, ... with alternating signs."""
    size = int(np.prod(shape))
    v = (np.arange(size) + start) * np.where(np.arange(size) % 3 == 1, -1.0, 1.0)
    return v.reshape(shape).astype(dtype)


def _case(n, d, m, dtype=np.float64, dout=False, x_scale=1.0, w_scale=1.0, b_scale=1.0):
    c = Case(x=(_arr((n, d), 1) * x_scale).astype(dtype),
             W=(_arr((m, d), 2) * w_scale / 4).astype(dtype),
             b=(_arr((m,), 3) * b_scale / 2 - 1.0).astype(dtype))
    if dout:
        c["dout"] = (_arr((n, m), -2) / 3).astype(dtype)
    return c


#: Square (so x @ W and dout @ W.T run) and chosen so that every known mistake gives a different
#: result here: it comes first, and a failure on it names the mistake unambiguously.
SQUARE = Case(x=np.array([[-2.0, -2.0, 1.0], [3.0, -2.0, 3.0], [3.0, -2.0, -3.0]]),
              W=np.array([[1.0, 1.0, -0.5], [-1.0, 1.0, 0.5], [1.0, -1.0, -1.0]]),
              b=np.array([1.0, -3.0, -2.0]))


def _edge(dout=False):
    square = Case(SQUARE, dout=np.array([[-1.0, 2.0, 2.0], [-1.0, 1.0, 2.0], [-1.0, 2.0, 2.0]])) \
        if dout else SQUARE
    return (
        square,
        _case(1, 3, 2, dout=dout),                     # batch of one
        _case(0, 3, 2, dout=dout),                     # empty batch
        _case(4, 1, 1, dout=dout),                     # one feature, one unit
        _case(1, 1, 1, dout=dout),
        _case(2, 4, 3, np.float32, dout=dout, x_scale=1e3, b_scale=1e4),
        _case(5, 2, 4, dout=dout, x_scale=1e-6, w_scale=1e3),
    )


FORWARD_EDGE = _edge()
BACKWARD_EDGE = _edge(dout=True)


# ------------------------------------------------------------------ helpers

def _forward_scale(x, W, b):
    """Size of the terms summed in each output: |x| @ |W|.T + |b|."""
    return np.abs(_f64(x)) @ np.abs(_f64(W)).T + np.abs(_f64(b))


def _forward(student, x, W, b, name="dense_forward(x, W, b)"):
    """The student's forward output (checked to be a float array), cache discarded."""
    out, _ = unpack(student.dense_forward(x, W, b), 2, "dense_forward")
    return _float_array(out, f"the output of {name}", out)


# ------------------------------------------------------------------ dense_forward

@dense_forward.property("returns a tuple (out, cache) whose out is a float array of shape (N, M), "
                        "also when N is 0 or 1", cases=dense_cases(max_n=3), public=True, weight=1,
                        examples=(FORWARD_EDGE[1], FORWARD_EDGE[2], FORWARD_EDGE[4]), max_examples=15,
                        hint="Keep the batch dimension: out must have shape (N, M) even for N = 1 "
                             "(do not np.squeeze) and N = 0; return float values (no int arrays, no "
                             "lists).")
def output_shape_and_dtype(student, case):
    out = unpack(student.dense_forward(case.x, case.W, case.b), 2, "dense_forward")[0]
    _float_array(out, "out", out, (case.x.shape[0], case.W.shape[0]))


@dense_forward.property("an all-zero input row gives b, and the unit input row e_d (1 at feature d) "
                        "gives column d of W plus b", cases=dense_cases(min_n=1, max_n=1),
                        public=True, weight=1, examples=(FORWARD_EDGE[0],), max_examples=18,
                        hint="Output unit m of a sample is W[m] . x + b[m]: multiply by W.T (rows of W "
                             "are output units), add b once per unit and apply no activation.")
def basis_inputs(student, case):
    d = case.W.shape[1]
    x = np.vstack([np.zeros((1, d)), np.eye(d)]).astype(case.W.dtype)
    out = _forward(student, x, case.W, case.b, "dense_forward(x, W, b) with x = [0; I]")
    want = np.vstack([_f64(case.b)[None, :], _f64(case.W).T + _f64(case.b)])
    if out.shape != want.shape:
        raise Failure(f"for an input of shape {x.shape} and W of shape {case.W.shape}, out has shape "
                      f"{out.shape}; expected {want.shape}.")
    scale = np.abs(_f64(case.W)).T.max(axis=0, initial=0.0) + np.abs(_f64(case.b))
    assert_close(out[:1], want[:1], name="the output for an all-zero input row (should be b)",
                 scale=np.abs(_f64(case.b)))
    assert_close(out[1:], want[1:], name="the output for the input row e_d (should be W[:, d] + b)",
                 scale=scale)


@dense_forward.property("each sample is processed independently: the output of a batch is the "
                        "outputs of its two halves stacked (either half may be empty)",
                        cases=with_fields(dense_cases(min_n=1), split=st.integers(0, 5)), public=True,
                        weight=1, max_examples=18,
                        hint="Use whole-batch matrix operations that keep shape (N, M) for any N, "
                             "including 0 and 1; the bias broadcasts along the batch as b[None, :].")
def batch_rows_independent(student, case):
    k = min(case.split, case.x.shape[0])
    whole = _forward(student, case.x, case.W, case.b)
    top = _forward(student, case.x[:k], case.W, case.b, f"dense_forward(x[:{k}], W, b)")
    bottom = _forward(student, case.x[k:], case.W, case.b, f"dense_forward(x[{k}:], W, b)")
    m = case.W.shape[0]
    if whole.shape != case.x.shape[:1] + (m,):
        raise Failure(f"out has shape {whole.shape}, expected {case.x.shape[:1] + (m,)}.", observed=whole)
    for name, part, rows in ((f"x[:{k}]", top, k), (f"x[{k}:]", bottom, case.x.shape[0] - k)):
        if part.shape != (rows, m):
            raise Failure(f"for the batch {name} of {rows} rows, out has shape {part.shape}; expected "
                          f"{(rows, m)}.")
    assert_close(np.vstack([top, bottom]), whole,
                 name=f"the outputs of x[:{k}] and x[{k}:] stacked, compared with the output of x",
                 scale=_forward_scale(case.x, case.W, case.b))


@dense_forward.property("does not modify its inputs", cases=dense_cases(), public=True, weight=0.5,
                        max_examples=12, examples=(FORWARD_EDGE[1],))
def forward_inputs_unchanged(student, case):
    _, args, _ = student.call("dense_forward", case.x, case.W, case.b, echo=True)
    assert_unchanged([case.x, case.W, case.b], args, ["x", "W", "b"])


# ------------------------------------------------------------------ dense_backward

def _backward_scales(case):
    """Sizes of the terms summed in dx, dW and db."""
    ad, ax, aw = np.abs(_f64(case.dout)), np.abs(_f64(case.x)), np.abs(_f64(case.W))
    return ad @ aw, ad.T @ ax, ad.sum(axis=0)


def _grads(student, case, dout=None):
    """Run the student's forward then backward; return the checked (dx, dW, db)."""
    _, cache = student.call("dense_forward", case.x, case.W, case.b, keep=(1,))
    return _backward(student, cache, case, case.dout if dout is None else dout)


def _backward(student, cache, case, dout):
    raw = student.call("dense_backward", dout, cache)
    grads = unpack(raw, 3, "dense_backward")
    for name, g, like in zip(("dx", "dW", "db"), grads, (case.x, case.W, case.b)):
        _float_array(g, name, grads, like.shape)
        if not np.all(np.isfinite(g)):
            raise Failure(f"{name} contains non-finite values (nan or inf) although every input is "
                          "finite" + (" (with an empty batch, a mean over the batch is 0/0)"
                                      if case.x.shape[0] == 0 else "") + ".", observed=grads)
    return grads


@dense_backward.property("returns a tuple (dx, dW, db) of finite float arrays shaped like x, W "
                         "and b, also when N is 0 or 1", cases=dense_cases(max_n=3, with_dout=True),
                         public=True, weight=1, max_examples=15,
                         examples=(BACKWARD_EDGE[1], BACKWARD_EDGE[2], BACKWARD_EDGE[4]),
                         hint="dx has x's shape (N, D), dW has W's shape (M, D) and db has b's shape "
                              "(M,): reduce dout over the batch axis only, without keepdims, and "
                              "make sure an empty batch still gives float arrays of zeros.")
def gradient_shapes_and_dtypes(student, case):
    _grads(student, case)


@dense_backward.property("the gradients agree with central finite differences of your own "
                         "dense_forward along a random direction",
                         cases=with_fields(dense_cases(min_n=1, with_dout=True),
                                           perturb=st.sampled_from(("all", "x", "W", "b")),
                                           direction_seed=S.seeds()),
                         public=True, weight=2, max_examples=20,
                         examples=(Case(BACKWARD_EDGE[0], perturb="W", direction_seed=0),
                                   Case(BACKWARD_EDGE[0], perturb="x", direction_seed=0),
                                   Case(BACKWARD_EDGE[6], perturb="b", direction_seed=0)),
                         hint="With L = sum(out * dout): dx = dout @ W, dW = dout.T @ x and db = "
                              "dout.sum(axis=0), all summed over the batch (not averaged).")
def gradient_check(student, case):
    which = case.perturb
    grads = _grads(student, case)
    rng = np.random.default_rng(case.direction_seed)
    base = [_f64(case.x), _f64(case.W), _f64(case.b)]
    names = ("x", "W", "b")
    direction = []
    for name, p in zip(names, base):
        if which in ("all", name):
            size = np.abs(p).max(initial=0.0)
            direction.append(rng.standard_normal(p.shape) * (size if size > 0 else 1.0))
        else:
            direction.append(np.zeros(p.shape))
    dout = _f64(case.dout)

    def loss(t):
        x, W, b = (p + t * v for p, v in zip(base, direction))
        return float(np.sum(_forward(student, x, W, b) * dout))

    # The loss is quadratic in t, so central differences are exact up to rounding. The scale
    # counts the terms of the derivative and the forward values themselves, whose rounding
    # (in float32, say) the differences divide by 2h = 2.
    vx, vW, vb = (np.abs(v) for v in direction)
    ax, aW, ab = (np.abs(p) for p in base)
    scale = float(np.sum(np.abs(dout) * ((ax + vx) @ (aW + vW).T + ab + vb)))
    analytic = dot(grads, direction)
    try:
        directional_check(loss, analytic, 1.0, what=f"the gradients (direction changes "
                          f"{'x, W and b' if which == 'all' else which})", scale=scale, rtol=1e-3)
    except Failure as f:
        f.observed = grads
        raise


@st.composite
def two_douts(draw):
    case = draw(dense_cases(min_n=1, with_dout=True))
    return Case(case, dout2=S.build_array(case.dout.shape, draw(S.styles()), draw(S.seeds()),
                                          case.dout.dtype))


@dense_backward.property("is linear in dout: the gradients for dout + 2 * dout2 are those for dout "
                         "plus twice those for dout2", cases=two_douts(), public=True, weight=1,
                         max_examples=15,
                         hint="The gradients are products of dout with the cached x and W; nothing "
                              "else may depend on dout.")
def linear_in_dout(student, case):
    mixed = (_f64(case.dout) + 2.0 * _f64(case.dout2)).astype(case.dout.dtype)
    _, cache = student.call("dense_forward", case.x, case.W, case.b, keep=(1,))
    g1 = _backward(student, cache, case, case.dout)
    g2 = _backward(student, cache, case, case.dout2)
    g12 = _backward(student, cache, case, mixed)
    sizes = Case(case, dout=np.abs(_f64(case.dout)) + 2.0 * np.abs(_f64(case.dout2)))
    for name, a, b, c, s in zip(("dx", "dW", "db"), g1, g2, g12, _backward_scales(sizes)):
        assert_close(c, _f64(a) + 2.0 * _f64(b), name=f"{name} for dout + 2 * dout2, compared with "
                     f"{name} for dout plus twice {name} for dout2", scale=s, observed=g1)


@dense_backward.property("does not modify dout or the cache: a second backward call on the same "
                         "cache gives the same gradients", cases=dense_cases(with_dout=True),
                         public=True, weight=0.5, max_examples=12, examples=(BACKWARD_EDGE[0],))
def backward_inputs_unchanged(student, case):
    _, cache = student.call("dense_forward", case.x, case.W, case.b, keep=(1,))
    first, args, _ = student.call("dense_backward", case.dout, cache, echo=True)
    assert_unchanged([case.dout], args[:1], ["dout"])
    first = unpack(first, 3, "dense_backward")
    second = unpack(student.call("dense_backward", case.dout, cache), 3, "dense_backward")
    for name, a, b in zip(("dx", "dW", "db"), first, second):
        a = _float_array(a, name, first)
        b = _float_array(b, name, second)
        if a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
            raise Failure(f"a second call of dense_backward on the same cache returned a different "
                          f"{name}: your backward modifies the cache (or dout) in place. Compute new "
                          "arrays instead.")


# ================================================================== gradient checking
#
# layers.numerical_gradient(f, x, h=1e-5) and layers.gradient_check(analytic, numeric).
# f is a probe built in the worker (autograder/isolation/probes.py): SmoothFunction, whose
# exact gradient and exact central differences the grader computes from its parameters.

numerical_gradient = Exercise("layers.numerical_gradient", requires=("numerical_gradient",))
relative_error = Exercise("layers.gradient_check", requires=("gradient_check",))

DEFAULT_H = 1e-5
#: Steps passed explicitly, the large ones first: there the result depends visibly on h.
LARGE_H = (0.25, 0.5, 0.1, 1.0)
SMALL_H = (1e-4, 1e-3, 1e-6)
EPS64 = np.finfo(np.float64).eps
# Strategies built once (hypothesis validates a new strategy object on its first draw).
_NDIM = st.integers(1, 3)
_ANY_H = st.sampled_from((None, None) + LARGE_H + SMALL_H)
_LARGE_H = st.sampled_from(LARGE_H)


def _smooth_params(shape, seed, coupling=0.5):
    """Parameters (a, b, w, c, Q) of a SmoothFunction on arrays of ``shape``.

    |w| in [0.5, 3] keeps the sine's truncation error predictable; Q couples every pair of
    coordinates, so evaluating f at a point where an earlier coordinate was left perturbed
    shows in the result.
    """
    rng = np.random.default_rng(seed)
    size = int(np.prod(shape))
    return dict(a=rng.standard_normal(shape), b=rng.standard_normal(shape),
                w=rng.uniform(0.5, 3.0, shape) * rng.choice([-1.0, 1.0], shape),
                c=rng.standard_normal(shape) * 0.5,
                Q=rng.standard_normal((size, size)) * coupling)


@st.composite
def smooth_cases(draw, h=None, max_dim=3, styles=S.STYLES):
    """x of 1 to 3 dimensions (1-d up to 4 entries, 2-d up to 3 x 3, 3-d up to 2 x 2 x 2 with
    the default ``max_dim``), float32 or float64, and f's parameters (numerical_gradient calls f
    twice per entry, so the sizes stay small).

    ``h``: None draws the default step (h not passed, shown as h=None) or another small or
    large step; "large" draws a large step; a float fixes it.
    """
    ndim = draw(_NDIM)
    shape = tuple(draw(S.dims(1, max(max_dim + 2 - ndim, 1))) for _ in range(ndim))  # size <= 9
    seed = draw(S.seeds())
    x = S.build_array(shape, draw(S.styles(styles)), seed, draw(S.dtypes()))
    if h is None:
        step = draw(_ANY_H)
    elif h == "large":
        step = draw(_LARGE_H)
    else:
        step = h
    return Case(x=x, h=step, **_smooth_params(shape, seed + 1))


def _smooth_case(shape, h=None, x_seed=0, style="normal", dtype=np.float64, coupling=0.5):
    return Case(x=S.build_array(shape, style, x_seed, dtype), h=h,
                **_smooth_params(shape, x_seed + 1, coupling))


NUMGRAD_EDGE = (
    _smooth_case((3, 2), h=0.5),                       # large h: every mistake shows
    _smooth_case((1,)),                                # a single entry
    _smooth_case((2, 1, 3), h=0.25, style="small_int"),
    _smooth_case((4,), dtype=np.float32),              # f still wants float64 arrays
    _smooth_case((2, 2), h=1e-3, style="ties", coupling=2.0),
    _smooth_case((1, 1, 1), h=1.0),
    _smooth_case((5,), style="large"),
)


def _function(case):
    """The grader's own copy of the probe f."""
    return SmoothFunction(case.a, case.b, case.w, case.c, case.Q)


def _h(case):
    return DEFAULT_H if case.h is None else case.h


def _numerical_gradient(student, case, echo=False):
    """Build f in the worker and call the student's numerical_gradient(f, x[, h]).

    Returns (f's handle, result) or, with ``echo``, (f's handle, result, x as the worker holds
    it afterwards). A call of f with a flattened (or otherwise reshaped) x is reported as the
    mistake flattened_call.
    """
    f = student.probe("smooth_function", case.a, case.b, case.w, case.c, case.Q)
    kwargs = {} if case.h is None else {"h": case.h}
    try:
        raw = student.call("numerical_gradient", f, case.x, echo=echo, **kwargs)
    except StudentError as e:
        if e.type == "ValueError" and "f expects an array of shape" in e.message:
            raise Failure(f"numerical_gradient called f with an array of the wrong shape: f takes "
                          f"arrays of x's shape {case.x.shape}, as given (perturb a copy of x "
                          "with the same shape, not a flattened copy).",
                          mistake="flattened_call") from None
        raise
    if echo:
        return f, raw[0], raw[1][1]
    return f, raw


def _grad_array(raw, case):
    return _float_array(raw, "the result of numerical_gradient(f, x)", raw, case.x.shape)


def _gradient_terms(case, x=None):
    """Size of the terms of f's gradient at x: |a| + |b w| + 2 |c x| + (|Q| + |Q|.T) |x|."""
    x = _f64(case.x) if x is None else x
    ax = np.abs(x).ravel()
    aq = np.abs(case.Q)
    return (np.abs(case.a) + np.abs(case.b * case.w) + 2 * np.abs(case.c * x)
            + ((aq + aq.T) @ ax).reshape(x.shape))


def _rounding_bound(case, h):
    """What rounding can do to a central difference of f with step h, per entry.

    f sums its terms with relative error of order size * eps; the difference of two values
    divided by 2h magnifies that by 1/h. The step x + h itself is rounded to the spacing of x.
    """
    x = _f64(case.x)
    size = x.size
    terms = float(np.sum(np.abs(case.a * x) + np.abs(case.b) + np.abs(case.c) * x * x)
                  + np.abs(x).ravel() @ np.abs(case.Q) @ np.abs(x).ravel())
    return (16 * (size + 4) * EPS64 * terms / h
            + 4 * _gradient_terms(case) * np.spacing(np.abs(x) + h) / h)


def _central_difference(case, h):
    """The exact central difference quotient of f with step h (f's linear and quadratic terms
    are differentiated exactly; its sine gives b w cos(w x) sin(w h) / (w h))."""
    x = _f64(case.x)
    f = _function(case)
    return f.gradient(x) + case.b * np.cos(case.w * x) * (np.sin(case.w * h) / h - case.w)


# ------------------------------------------------------------------ numerical_gradient

@numerical_gradient.property("returns a float array of x's shape, for x of any shape (1-d, "
                             "2-d, 3-d, a single entry), and calls f only with arrays of x's "
                             "shape", cases=smooth_cases(), public=True, weight=1, max_examples=8,
                             examples=(NUMGRAD_EDGE[1], NUMGRAD_EDGE[2], NUMGRAD_EDGE[5]),
                             hint="Loop over every index of x with np.ndindex(x.shape) (or over "
                                  "x.size flat indices on a copy you reshape back), and always "
                                  "call f with an array shaped like x.")
def numgrad_shape(student, case):
    _grad_array(_numerical_gradient(student, case)[1], case)


@numerical_gradient.property("calls f exactly 2 * x.size times: twice per entry of x, nothing "
                             "more", cases=smooth_cases(), public=True, weight=1, max_examples=8,
                             examples=(NUMGRAD_EDGE[0], NUMGRAD_EDGE[1]),
                             hint="Central differences need f(x + h e_i) and f(x - h e_i) for "
                                  "each entry i and nothing else: no f(x) (that is a one-sided "
                                  "difference) and no extra evaluations.")
def numgrad_call_count(student, case):
    f, raw = _numerical_gradient(student, case)
    calls = student.method(f, "calls")
    want = 2 * case.x.size
    if calls != want:
        raise Failure(f"numerical_gradient called f {calls} times for an x of {case.x.size} "
                      f"entries; central differences call it exactly {want} times (twice per "
                      "entry)." + (" One extra call per gradient, or x.size + 1 calls in all, "
                                   "suggests f(x) is evaluated: a one-sided difference."
                                   if calls == case.x.size + 1 else ""),
                      observed=raw if isinstance(raw, np.ndarray) else None)


@numerical_gradient.property("agrees with the exact gradient of f to within the O(h**2) error of "
                             "central differences (plus rounding), with the default h",
                             cases=smooth_cases(h=DEFAULT_H, styles=("normal", "small_int", "ties",
                                                                     "tiny")),
                             public=True, weight=1.5, max_examples=12,
                             examples=(NUMGRAD_EDGE[1], NUMGRAD_EDGE[3]),
                             hint="grad[i] = (f(x + h e_i) - f(x - h e_i)) / (2 h), with only "
                                  "entry i moved, in float64, and every entry put back before "
                                  "the next one is moved.")
def numgrad_close_to_exact(student, case):
    got = _grad_array(_numerical_gradient(student, case)[1], case)
    x, h = _f64(case.x), _h(case)
    exact = _function(case).gradient(x)
    # Only the sine term has a third derivative: |error| <= |b| |w|**3 h**2 / 6.
    bound = np.abs(case.b) * np.abs(case.w) ** 3 * h * h / 6 + _rounding_bound(case, h)
    if got.dtype == np.float32:  # a float32 result (e.g. np.zeros_like(x) for a float32 x)
        bound = bound + 2 * np.finfo(np.float32).eps * np.abs(exact)
    err = np.abs(_f64(got) - exact)
    bad = ~(err <= bound)
    if bad.any():
        i = tuple(int(j) for j in np.argwhere(bad)[0])
        raise Failure(f"numerical_gradient(f, x) at index {list(i)} is {float(got[i]):.10g}, but "
                      f"the exact derivative is {exact[i]:.10g}: an error of {err[i]:.3g}, more "
                      f"than central differences with h = {h:g} can make (at most {bound[i]:.3g} "
                      f"here; {int(bad.sum())} of {bad.size} entries are off).",
                      expected=exact, received=got, observed=got)


@numerical_gradient.property("uses the step h it is given: with a large h (0.1 to 1) the result "
                             "is the central difference quotient with that h, which differs "
                             "from the exact gradient in a predictable way",
                             cases=smooth_cases(h="large"), public=True, weight=1,
                             max_examples=10, examples=(NUMGRAD_EDGE[0], NUMGRAD_EDGE[5]),
                             hint="Use the argument h in both the perturbation and the division "
                                  "(no hard-coded 1e-5), and move one entry at a time: x + h e_i "
                                  "and x - h e_i, then put the entry back.")
def numgrad_honours_h(student, case):
    got = _grad_array(_numerical_gradient(student, case)[1], case)
    want = _central_difference(case, case.h)
    assert_close(got, want, name=f"numerical_gradient(f, x, h={case.h:g})",
                 scale=_gradient_terms(case) + _rounding_bound(case, case.h), observed=got)


@numerical_gradient.property("does not modify x (it holds its original values afterwards)",
                             cases=smooth_cases(), public=True, weight=0.5, max_examples=6,
                             examples=(NUMGRAD_EDGE[4],), standalone=False,
                             hint="Perturb a copy (np.array(x, dtype=np.float64)), or put every "
                                  "entry back to its original value right after using it.")
def numgrad_x_unchanged(student, case):
    _, _, x_after = _numerical_gradient(student, case, echo=True)
    assert_unchanged([case.x], [x_after], ["x"])


numerical_gradient.behavioural_mistake(
    "flattened_call", "calling f with a flattened copy of x",
    "f takes arrays of x's shape: perturb a copy made with np.array(x, dtype=np.float64) (same "
    "shape) and index it with the multi-index from np.ndindex, or reshape a flat copy back "
    "before calling f.")


# ------------------------------------------------------------------ gradient_check

#: How ``numeric`` relates to ``analytic`` in a case, the simplest first.
PAIR_STYLES = ("small_int", "normal", "wide", "large", "tiny")
RELATIONS = ("equal", "close", "noisy", "independent", "scaled", "opposite", "zero_numeric",
             "zero_analytic", "both_zero")


def _related(a, other, relation, rng):
    """(analytic, numeric) for ``relation``, from two arrays of one shape."""
    noise = rng.standard_normal(a.shape) * np.abs(a).max(initial=0.0)
    if relation in ("zero_analytic", "both_zero"):
        return np.zeros(a.shape), (other if relation == "zero_analytic" else np.zeros(a.shape))
    return a, {"equal": a, "close": a + 1e-6 * noise, "noisy": a + 0.1 * noise,
               "independent": other, "scaled": a * rng.uniform(0.1, 10),
               "opposite": -a * rng.choice([3.0, 0.25, 1.0]), "zero_numeric": np.zeros(a.shape)
               }[relation]


_sampled = lru_cache(maxsize=None)(st.sampled_from)


@st.composite
def pair_cases(draw, relations=RELATIONS):
    """analytic and numeric arrays of one shape (1 to 3 dimensions), float32 or float64."""
    shape = tuple(draw(S.dims(1, 4)) for _ in range(draw(_NDIM)))
    dt = draw(S.dtypes())
    seed = draw(S.seeds())
    a = S.build_array(shape, draw(S.styles(PAIR_STYLES)), seed, np.float64)
    other = S.build_array(shape, draw(S.styles(PAIR_STYLES)), seed + 1, np.float64)
    relation = draw(_sampled(relations))
    a, n = _related(a, other, relation, np.random.default_rng(seed + 2))
    return Case(analytic=a.astype(dt), numeric=n.astype(dt), relation=relation)


def _pair(shape, relation, seed=0, style="normal", other_style="wide", dtype=np.float64):
    a = S.build_array(shape, style, seed, np.float64)
    other = S.build_array(shape, other_style, seed + 1, np.float64)
    a, n = _related(a, other, relation, np.random.default_rng(seed + 2))
    return Case(analytic=a.astype(dtype), numeric=n.astype(dtype), relation=relation)


CHECK_EDGE = (
    Case(analytic=np.array([1.0, 2.0, 2.0]), numeric=np.array([1.0, 2.0, 3.0]), relation="close"),
    Case(analytic=np.zeros((2, 3)), numeric=np.zeros((2, 3)), relation="both_zero"),  # 0 / 0 -> 0
    Case(analytic=np.array([3.0]), numeric=np.array([1.0]), relation="scaled"),  # a single entry
    _pair((2, 3), "zero_numeric"),                                             # one side zero: 1
    Case(analytic=np.array([[1.0, -2.0], [0.0, 2.0]]), numeric=np.array([[-3.0, 6.0], [0.0, -6.0]]),
         relation="opposite"),                                                 # opposite: 1
    _pair((4, 4), "close", dtype=np.float32),
    _pair((5,), "independent", style="large"),
    Case(analytic=np.array([[0.0, 4.0], [0.0, 0.0]]), numeric=np.array([[0.0, 0.0], [0.0, 3.0]]),
         relation="independent"),
    _pair((3, 1, 2), "opposite", seed=3, style="small_int"),
)


def _relative_error(student, analytic, numeric, what="gradient_check(analytic, numeric)"):
    raw = student.gradient_check(analytic, numeric)
    try:
        return as_float(raw, what)
    except Failure as f:
        f.observed = raw
        raise


@relative_error.property("returns a float, 0.0 when the two arrays are equal (including when "
                         "both are all zeros: 0 / 0 counts as agreement)",
                         cases=pair_cases(relations=("equal", "both_zero")), public=True, weight=1,
                         max_examples=8,
                         examples=(CHECK_EDGE[1], Case(analytic=np.array([3.0]), numeric=np.array([3.0]),
                                                    relation="equal")),
                         hint="Return a single number, computed from the norms of ALL entries "
                              "(np.linalg.norm of the arrays); when the denominator is 0 both "
                              "arrays are zero, so return 0.0 instead of dividing.")
def check_zero_for_equal(student, case):
    err = _relative_error(student, case.analytic, case.numeric)
    if err != 0.0:
        raise Failure(f"gradient_check(g, g) returned {err!r} for two equal arrays"
                      + (" (both all zeros)" if not np.any(case.analytic) else "")
                      + "; it should be 0.0.", observed=err)


@relative_error.property("is between 0 and 1, and exactly 1 when one of the two is all zeros or "
                         "when they point in opposite directions (numeric = -c * analytic, c > 0)",
                         cases=pair_cases(), public=True, weight=1, max_examples=12,
                         examples=(CHECK_EDGE[6], CHECK_EDGE[3], CHECK_EDGE[4]),
                         hint="Divide ||analytic - numeric|| by the SUM ||analytic|| + "
                              "||numeric|| of the two L2 norms (square roots of sums of "
                              "squares): the triangle inequality keeps the ratio in [0, 1].")
def check_in_unit_interval(student, case):
    err = _relative_error(student, case.analytic, case.numeric)
    if not (-1e-6 <= err <= 1 + 1e-6):
        raise Failure(f"gradient_check returned {err:.6g}, outside [0, 1].", observed=err)
    a, n = _f64(case.analytic), _f64(case.numeric)
    one_zero = (not np.any(a)) != (not np.any(n))
    opposite = case.relation == "opposite" and np.any(a)
    if (one_zero or opposite) and abs(err - 1.0) > 1e-5:
        raise Failure(f"gradient_check returned {err:.6g} for two arrays of which "
                      + ("one is all zeros" if one_zero else
                         "one is a negative multiple of the other")
                      + "; the relative error is then exactly 1.", observed=err)


@relative_error.property("is symmetric: gradient_check(a, n) equals gradient_check(n, a)",
                         cases=pair_cases(("noisy", "independent", "scaled", "zero_numeric", "opposite")),
                         public=True, weight=0.5, max_examples=8, examples=(CHECK_EDGE[0],),
                         hint="The denominator is the sum of BOTH norms, ||analytic|| + "
                              "||numeric||, not the norm of one of them.")
def check_symmetric(student, case):
    one = _relative_error(student, case.analytic, case.numeric)
    two = _relative_error(student, case.numeric, case.analytic, "gradient_check(numeric, analytic)")
    assert_close(two, one, name="gradient_check(numeric, analytic) compared with "
                 "gradient_check(analytic, numeric)", scale=1e-3, observed=one)


POSITIVE_SCALES = (8.0, 0.125, 2.0 ** 10, 2.0 ** -10, 3.0)


@relative_error.property("is scale invariant: multiplying both arrays by the same c > 0 leaves "
                         "it unchanged", cases=pair_cases(("noisy", "independent", "close", "scaled")),
                         public=True, weight=1, max_examples=10,
                         hint="A relative error divides by the size of the gradients: "
                              "||a - n|| / (||a|| + ||n||), with plain (not squared) norms.")
def check_scale_invariant(student, case):
    one = _relative_error(student, case.analytic, case.numeric)
    k = POSITIVE_SCALES[case.analytic.size % len(POSITIVE_SCALES)]
    a = (_f64(case.analytic) * k).astype(case.analytic.dtype)
    n = (_f64(case.numeric) * k).astype(case.numeric.dtype)
    two = _relative_error(student, a, n, f"gradient_check({k:g} * analytic, {k:g} * numeric)")
    assert_close(two, one, name=f"gradient_check({k:g} * analytic, {k:g} * numeric) compared "
                 "with gradient_check(analytic, numeric)", scale=1e-3, observed=one)
