"""Public checks: cnn.conv_forward and cnn.conv_backward.

Every generated case holds the layer's actual inputs (x, w, b, stride, pad
and, for the backward pass, dout). Students receive this module (see
`autograder.public`); the hidden part of the suite is in
``autograder/suites/cnn.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, directional_check, dot, unpack, strategies as S)
from autograder.checking.compare import f64 as _f64


conv_forward = Exercise("cnn.conv_forward", requires=("conv_forward",))
conv_backward = Exercise("cnn.conv_backward", requires=("conv_forward", "conv_backward"))


# ------------------------------------------------------------ cases

def _out_size(size, k, stride, pad):
    return (size + 2 * pad - k) // stride + 1


def _size(draw, k, pad, lo=0):
    """An input length with size + 2*pad >= k (at least 1), shrinking towards the smallest."""
    return max(1, k - 2 * pad + draw(st.integers(lo, 4)))


@st.composite
def conv_cases(draw, with_dout=False, kernel=None, allowed_styles=S.STYLES, dtype=None,
               pad=None, min_extra=0):
    """Random geometry (non-square, floor division, padding wider than the kernel...) and values."""
    N, C, F = draw(S.dims(1, 3)), draw(S.dims(1, 3)), draw(S.dims(1, 3))
    KH, KW = kernel if kernel else (draw(S.dims(1, 4)), draw(S.dims(1, 4)))
    stride = draw(st.integers(1, 3))
    p = draw(st.integers(0, 2)) if pad is None else pad
    H, W = _size(draw, KH, p, min_extra), _size(draw, KW, p, min_extra)
    dt = draw(S.dtypes()) if dtype is None else dtype
    sx, sw = draw(S.styles(allowed_styles)), draw(S.styles(allowed_styles))  # x and w may differ in size
    seed = draw(S.seeds())
    case = Case(x=S.build_array((N, C, H, W), sx, seed, dt),
                w=S.build_array((F, C, KH, KW), sw, seed + 1, dt),
                b=S.build_array((F,), sw, seed + 2, dt), stride=stride, pad=p)
    if with_dout:
        shape = (N, F, _out_size(H, KH, stride, p), _out_size(W, KW, stride, p))
        case["dout"] = S.build_array(shape, sx, seed + 3, dt)
    return case


def _geometry_kwargs(case):
    """stride and pad as keywords, left out when they are the defaults (so defaults are used)."""
    if case.stride == 1 and case.pad == 0:
        return {}
    return {"stride": case.stride, "pad": case.pad}


def _expected_shape(case):
    N, _, H, W = case.x.shape
    F, _, KH, KW = case.w.shape
    return (N, F, _out_size(H, KH, case.stride, case.pad), _out_size(W, KW, case.stride, case.pad))


def _padded(x, pad):
    x = _f64(x)
    return np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))) if pad else x


# ------------------------------------------------------------ conv_forward: calls

def _forward_out(student, case, x=None):
    """The student's output for the case (or for another x), checked to be a float array."""
    res = student.conv_forward(case.x if x is None else x, case.w, case.b, **_geometry_kwargs(case))
    out, _ = unpack(res, 2, "conv_forward")
    return as_float_array(out, "out")


def _check_shape(out, case, name="out"):
    want = _expected_shape(case)
    if out.shape != want:
        raise Failure(f"{name} has shape {out.shape}, expected {want} = (N, F, Ho, Wo) with "
                      f"Ho = (H + 2*pad - KH) // stride + 1 and Wo = (W + 2*pad - KW) // stride + 1 "
                      f"(here H={case.x.shape[2]}, W={case.x.shape[3]}, KH={case.w.shape[2]}, "
                      f"KW={case.w.shape[3]}, stride={case.stride}, pad={case.pad}).",
                      received=out, observed=out)


# ------------------------------------------------------------ conv_forward: properties

@conv_forward.property("returns (out, cache) with out a float array of shape (N, F, Ho, Wo), "
                       "Ho = (H + 2*pad - KH) // stride + 1 and Wo likewise",
                       cases=conv_cases(), public=True, weight=1, max_examples=15,
                       hint="Compute Ho from H and KH and Wo from W and KW, with the padding "
                            "added on both sides and the division rounded down (//).")
def output_shape(student, case):
    _check_shape(_forward_out(student, case), case)


@st.composite
def one_hot_cases(draw):
    """Each filter f has a single 1 at (channel c_f, row u_f, column v_f); small integer bias."""
    case = draw(conv_cases(allowed_styles=("small_int", "normal")))
    F, C, KH, KW = case.w.shape
    rng = np.random.default_rng(draw(S.seeds()))
    w = np.zeros((F, C, KH, KW), dtype=case.w.dtype)
    w[np.arange(F), rng.integers(0, C, F), rng.integers(0, KH, F), rng.integers(0, KW, F)] = 1
    case["w"] = w
    case["b"] = rng.integers(-3, 4, F).astype(case.b.dtype)
    return case


@conv_forward.property("is a cross-correlation (no kernel flip) over the zero-padded input: a filter "
                       "whose only non-zero weight is a 1 at (c, u, v) outputs, at (i, j), the padded "
                       "input pixel (c, i*stride + u, j*stride + v) plus the bias",
                       cases=one_hot_cases(), public=True, weight=1.5, max_examples=18,
                       examples=(Case(x=np.arange(20.0).reshape(1, 1, 4, 5), w=np.array(
                           [[[[0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]]]), b=np.array([0.5]),
                           stride=2, pad=1),),
                       hint="Window (i, j) starts at row i*stride and column j*stride of the input "
                            "padded with pad zeros on all four sides; multiply it elementwise by "
                            "w[f] as it is (not flipped), sum, and add b[f].")
def one_hot_filter(student, case):
    out = _forward_out(student, case)
    _check_shape(out, case)
    xp = _padded(case.x, case.pad)
    N, F, Ho, Wo = out.shape
    f, c, u, v = np.nonzero(case.w)
    s = case.stride
    rows = u[:, None] + s * np.arange(Ho)  # (F, Ho)
    cols = v[:, None] + s * np.arange(Wo)  # (F, Wo)
    picked = xp[:, c[:, None, None], rows[:, :, None], cols[:, None, :]]  # (N, F, Ho, Wo)
    expected = picked + _f64(case.b)[None, :, None, None]
    assert_close(out, expected, name="out for one-hot filters", observed=out,
                 scale=np.abs(picked) + np.abs(_f64(case.b))[None, :, None, None])


@conv_forward.property("with 1x1 filters, equals a dense layer over the channels applied at every "
                       "strided position of the padded input (positions in the padding give b)",
                       cases=conv_cases(kernel=(1, 1)), public=True, weight=1, max_examples=15,
                       hint="Each output pixel is sum over c of w[f, c] * x[n, c, ...] + b[f]; with "
                            "padding, the border positions see only zeros and output the bias.")
def pointwise_is_dense(student, case):
    out = _forward_out(student, case)
    _check_shape(out, case)
    N, F, Ho, Wo = out.shape
    s = case.stride
    xs = _padded(case.x, case.pad)[:, :, :s * (Ho - 1) + 1:s, :s * (Wo - 1) + 1:s]
    w2 = _f64(case.w)[:, :, 0, 0]
    b = _f64(case.b)[None, :, None, None]
    expected = np.einsum("nchw,fc->nfhw", xs, w2) + b
    scale = np.einsum("nchw,fc->nfhw", np.abs(xs), np.abs(w2)) + np.abs(b)
    assert_close(out, expected, name="out for 1x1 filters", scale=scale, observed=out)


@conv_forward.property("is translation equivariant (pad 0): removing the first `stride` rows (or "
                       "columns) of x removes the first row (or column) of the output",
                       cases=conv_cases(pad=0, min_extra=1, allowed_styles=("small_int", "normal", "ties")),
                       public=True, weight=1, max_examples=15,
                       hint="Window (i, j) must start at (i*stride, j*stride) and have the "
                            "kernel's full height KH and width KW.")
def translation_equivariant(student, case):
    s = case.stride
    N, C, H, W = case.x.shape
    KH, KW = case.w.shape[2:]
    full = _forward_out(student, case)
    _check_shape(full, case)
    # a bound on the summed terms, per filter: max |x| * sum |w[f]| + |b[f]|
    w_abs = np.abs(_f64(case.w)).sum(axis=(1, 2, 3))
    scale = np.broadcast_to((np.abs(_f64(case.x)).max() * w_abs + np.abs(_f64(case.b)))[None, :, None, None],
                            full.shape)
    for axis, size, k, what in ((2, H, KH, "rows"), (3, W, KW, "columns")):
        if size - s < k:
            continue
        cropped_x = np.take(case.x, np.arange(s, size), axis=axis)
        cropped = _forward_out(student, case, x=cropped_x)
        keep = np.take(full, np.arange(1, full.shape[axis]), axis=axis)
        assert_close(cropped, keep, name=f"out for x without its first {s} {what}, compared with "
                     f"out for x without its first output {what[:-1]}",
                     scale=np.take(scale, np.arange(1, full.shape[axis]), axis=axis), observed=full)


@conv_forward.property("does not modify its inputs", cases=conv_cases(), public=True, weight=0.5,
                       max_examples=10)
def inputs_unchanged(student, case):
    _, args, _ = student.call("conv_forward", case.x, case.w, case.b, echo=True,
                              **_geometry_kwargs(case))
    assert_unchanged([case.x, case.w, case.b], args, ["x", "w", "b"])


# ------------------------------------------------------------ conv_backward: calls

def _backward(student, case, dout=None):
    """The student's (dx, dw, db) for the case, through a cache kept in the worker."""
    res = student.call("conv_forward", case.x, case.w, case.b, keep=(1,), **_geometry_kwargs(case))
    _, cache = unpack(res, 2, "conv_forward")
    return student.conv_backward(case.dout if dout is None else dout, cache)


def _grads(res, case):
    """Check (dx, dw, db) are float arrays of the shapes of x, w and b."""
    dx, dw, db = unpack(res, 3, "conv_backward")
    got = (as_float_array(dx, "dx"), as_float_array(dw, "dw"), as_float_array(db, "db"))
    for name, g, like in zip(("dx", "dw", "db"), got, ("x", "w", "b")):
        want = case[like].shape
        if g.shape != want:
            raise Failure(f"{name} has shape {g.shape}, expected {want} (the shape of {like}).",
                          received=g, observed=got)
    return got


# ------------------------------------------------------------ conv_backward: properties

@conv_backward.property("returns (dx, dw, db): float arrays of the shapes of x, w and b",
                        cases=conv_cases(with_dout=True), public=True, weight=1, max_examples=12,
                        hint="db sums dout over the batch and both spatial axes (shape (F,)); dx "
                             "is the padded gradient with its border removed: "
                             "dxp[:, :, pad:pad + H, pad:pad + W] (pad may be 0).")
def grad_shapes(student, case):
    _grads(_backward(student, case), case)


@conv_backward.property("agrees with central finite differences of your own conv_forward along a "
                        "random direction (of x, w and b together)",
                        cases=conv_cases(with_dout=True, allowed_styles=("small_int", "normal")),
                        public=True, weight=2, max_examples=20,
                        hint="Every output value uses one window of the padded input: add "
                             "dout * w[f] onto that window of dxp (+=, windows overlap), add "
                             "dout * window to dw[f], sum (not average) over the batch, and "
                             "crop the padding from dxp at the end.")
def gradient_check(student, case):
    got = _grads(_backward(student, case), case)
    rng = np.random.default_rng(case.x.size * 7 + case.w.size)
    direction = [rng.standard_normal(case[k].shape) for k in ("x", "w", "b")]
    dout = _f64(case.dout)
    kw = _geometry_kwargs(case)
    h = 0.5  # the loss is quadratic in t, so central differences are exact up to rounding
    values = {}
    for t in (h, -h):
        args = [(_f64(case[k]) + t * d).astype(case[k].dtype) for k, d in zip(("x", "w", "b"), direction)]
        out, _ = unpack(student.conv_forward(*args, **kw), 2, "conv_forward")
        out = as_float_array(out, "out", dout.shape)
        values[t] = _f64(out) * dout
    scale = (np.abs(values[h]).sum() + np.abs(values[-h]).sum()) / (2 * h)
    try:
        directional_check(lambda t: float(values[t].sum()), dot(got, direction), h,
                          what="your gradients dx, dw, db", scale=scale)
    except Failure as f:
        f.observed = got
        raise


@conv_backward.property("does not modify its inputs, and gives the same gradients when called "
                        "twice with the same cache", cases=conv_cases(with_dout=True), public=True,
                        weight=0.5, max_examples=10)
def inputs_and_cache_unchanged(student, case):
    kw = _geometry_kwargs(case)
    (_, cache), args, _ = student.call("conv_forward", case.x, case.w, case.b, keep=(1,), echo=True, **kw)
    assert_unchanged([case.x, case.w, case.b], args, ["x", "w", "b"])
    first, args, _ = student.call("conv_backward", case.dout, cache, echo=True)
    assert_unchanged([case.dout], args, ["dout"])
    first = unpack(first, 3, "conv_backward")
    second = unpack(student.conv_backward(case.dout, cache), 3, "conv_backward")
    for name, a, b in zip(("dx", "dw", "db"), first, second):
        if isinstance(a, np.ndarray) and not (isinstance(b, np.ndarray) and a.shape == b.shape
                                              and np.array_equal(a, b, equal_nan=True)):
            raise Failure(f"calling conv_backward twice with the same cache gave a different {name} "
                          "the second time: your backward pass modifies the cache (or something in "
                          "it) in place. Work on copies.")
