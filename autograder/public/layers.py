"""Public checks: layers.dense_forward and layers.dense_backward.

out = x @ W.T + b with x (N, D), W (M, D), b (M,); the backward returns the
gradients (dx, dW, db) of sum(out * dout), summed over the batch. Students
receive this module (see `autograder.public`); the hidden part of the suite
is in ``autograder/suites/layers.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, directional_check, dot, unpack, strategies as S)


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

def _f64(a):
    return np.asarray(a, dtype=np.float64)


def _forward_scale(x, W, b):
    """Size of the terms summed in each output: |x| @ |W|.T + |b|."""
    return np.abs(_f64(x)) @ np.abs(_f64(W)).T + np.abs(_f64(b))


def _float_array(v, name, observed, shape=None):
    """as_float_array, but the failure carries ``observed`` for the mistake catalog."""
    try:
        out = as_float_array(v, name)
    except Failure as f:
        f.observed = observed
        raise
    if shape is not None and tuple(out.shape) != tuple(shape):
        raise Failure(f"{name} has shape {tuple(out.shape)}, expected {tuple(shape)}.",
                      received=out, observed=observed)
    return out


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
