"""Hidden suites: cnn.conv_forward and cnn.conv_backward.

The exercises, their strategies and their public properties are in
``autograder/public/cnn.py``; this module adds the edge cases of the hidden
properties, the hidden properties and the mistakes recognised by value. Every
generated case holds the layer's actual inputs, so a failing case can always
be compared with the catalog of known mistakes, whichever property failed.
"""

import numpy as np

from autograder.checking import Case, assert_close, close, strategies as S
from autograder.public.cnn import (_backward, _expected_shape, _f64, _forward_out, _grads,
                                   _out_size, _padded, conv_backward, conv_cases, conv_forward)
from reference import cnn as ref


# ------------------------------------------------------------ helpers

def _distinct_mistake(ex, reference):
    """Register a mistake's compute so that it never applies where it gives the right answer.

    A failing case is compared with every known mistake; one that happens to agree with the
    reference on that case (a flipped 1x1 kernel, a stride ignored at stride 1...) would be
    named although it explains nothing, so such a compute raises instead.
    """

    def mistake(id, title="", hint=""):
        def register(compute):
            def distinct(case):
                wrong = compute(case)
                if close(wrong, reference(case), nan_equal=True):
                    raise ValueError("the mistake gives the right answer on this case")
                return wrong
            distinct.__name__ = compute.__name__
            ex.mistake(id, title, hint)(distinct)
            return compute
        return register

    return mistake


# ------------------------------------------------------------ edge cases of the hidden properties

def _example(N, C, F, H, W, KH, KW, stride, pad, style="normal", dtype=np.float64, seed=0,
             with_dout=False):
    case = Case(x=S.build_array((N, C, H, W), style, seed, dtype),
                w=S.build_array((F, C, KH, KW), style, seed + 1, dtype),
                b=S.build_array((F,), style, seed + 2, dtype), stride=stride, pad=pad)
    if with_dout:
        shape = (N, F, _out_size(H, KH, stride, pad), _out_size(W, KW, stride, pad))
        case["dout"] = S.build_array(shape, style, seed + 3, dtype)
    return case


#: Geometries every suite meets first: (N, C, F, H, W, KH, KW, stride, pad, style, dtype).
EDGE_GEOMETRY = (
    (1, 1, 1, 1, 1, 1, 1, 1, 0, "small_int", np.float64),   # everything of size 1
    (2, 2, 3, 3, 5, 2, 3, 1, 0, "normal", np.float64),      # H != W, KH != KW, C != F
    (1, 2, 2, 4, 4, 3, 3, 1, 1, "normal", np.float64),      # "same" padding
    (2, 1, 2, 6, 7, 3, 2, 2, 0, "normal", np.float64),      # floor: last row/column unused
    (1, 2, 1, 5, 5, 1, 2, 3, 1, "small_int", np.float64),   # stride larger than the kernel
    (2, 1, 2, 2, 1, 4, 3, 1, 1, "normal", np.float64),      # kernel larger than the input
    (1, 1, 2, 2, 3, 1, 1, 1, 2, "normal", np.float64),      # padding wider than the kernel
    (2, 3, 2, 5, 4, 3, 2, 2, 2, "large", np.float32),       # float32, large magnitudes
    (1, 2, 2, 4, 5, 2, 2, 1, 1, "tiny", np.float64),        # tiny magnitudes
    (2, 2, 2, 4, 3, 2, 2, 1, 0, "ties", np.float32),        # many equal values and zeros
    (1, 2, 3, 7, 5, 3, 2, 3, 1, "wide", np.float64),        # six decades of magnitudes
)
EDGE_FORWARD = tuple(_example(*g[:9], style=g[9], dtype=g[10], seed=i)
                     for i, g in enumerate(EDGE_GEOMETRY))
EDGE_BACKWARD = tuple(_example(*g[:9], style=g[9], dtype=g[10], seed=i, with_dout=True)
                      for i, g in enumerate(EDGE_GEOMETRY))


def _forward_scale(case):
    """Size of the summed terms: |x| correlated with |w|, plus |b|."""
    return ref.conv_forward(np.abs(_f64(case.x)), np.abs(_f64(case.w)), np.abs(_f64(case.b)),
                            case.stride, case.pad)


# ------------------------------------------------------------ conv_forward: properties

@conv_forward.property("agrees with the reference convolution on generated inputs (non-square "
                       "shapes, strides 1-3, paddings 0-2, floor geometry, float32 and float64, "
                       "large, tiny and tied values)", cases=conv_cases(), public=False, weight=3,
                       examples=EDGE_FORWARD, max_examples=70)
def matches_reference(student, case):
    out = _forward_out(student, case)
    expected = ref.conv_forward(case.x, case.w, case.b, case.stride, case.pad)
    assert_close(out, expected, name="out", scale=_forward_scale(case))


# ------------------------------------------------------------ conv_forward: known mistakes

def _ref_out(case, x=None, w=None, b=None, stride=None, pad=None):
    return ref.conv_forward(case.x if x is None else x, case.w if w is None else w,
                            case.b if b is None else b, case.stride if stride is None else stride,
                            case.pad if pad is None else pad)


forward_mistake = _distinct_mistake(conv_forward, _ref_out)


@forward_mistake("kernel_flipped", "flipping the kernel (a true convolution)",
                      "Deep-learning 'convolution' is a cross-correlation: multiply each window by "
                      "w[f] as it is, without reversing its rows and columns.")
def _fwd_flipped(case):
    return _ref_out(case, w=_f64(case.w)[:, :, ::-1, ::-1])


@forward_mistake("height_width_swapped", "mixing up height and width",
                      "Ho comes from H, KH and Wo from W, KW; loop over range(Ho) for rows and "
                      "range(Wo) for columns, and slice rows with KH, columns with KW.")
def _fwd_wo_from_height(case):  # Wo computed from H and KH
    out = _ref_out(case)
    Ho, Wo = out.shape[2:]
    if Ho >= Wo:
        raise ValueError("does not run")
    return out[..., :Ho]


@forward_mistake("height_width_swapped", "", "")
def _fwd_ho_from_width(case):  # Ho computed from W and KW
    out = _ref_out(case)
    Ho, Wo = out.shape[2:]
    if Wo >= Ho:
        raise ValueError("does not run")
    return out[:, :, :Wo]


@forward_mistake("height_width_swapped", "", "")
def _fwd_hw_transposed(case):  # output laid out as (N, F, Wo, Ho)
    return _ref_out(case).transpose(0, 1, 3, 2)


@forward_mistake("pad_ignored", "not padding the input",
                      "Pad x with `pad` zeros on every side (np.pad on the last two axes only) "
                      "and use H + 2*pad and W + 2*pad in the output size.")
def _fwd_pad_ignored(case):
    return _ref_out(case, pad=0)


@forward_mistake("missing_bias", "forgetting the bias",
                      "Add b[f] to every output value of filter f (b.reshape(1, F, 1, 1)).")
def _fwd_missing_bias(case):
    return _ref_out(case, b=np.zeros(case.b.shape))


@forward_mistake("pad_one_side", "padding only one side of each axis",
                      "Put pad zeros before AND after each spatial axis: "
                      "np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad))).")
def _fwd_pad_bottom_right(case):
    p = case.pad
    if not p:
        raise ValueError("no padding")
    return _ref_out(case, x=np.pad(_f64(case.x), ((0, 0), (0, 0), (0, 2 * p), (0, 2 * p))), pad=0)


@forward_mistake("pad_one_side", "", "")
def _fwd_pad_top_left(case):
    p = case.pad
    if not p:
        raise ValueError("no padding")
    return _ref_out(case, x=np.pad(_f64(case.x), ((0, 0), (0, 0), (2 * p, 0), (2 * p, 0))), pad=0)


@forward_mistake("stride_ignored", "treating the stride as 1",
                      "Move each window by `stride` pixels: window (i, j) starts at "
                      "(i*stride, j*stride), and Ho = (H + 2*pad - KH) // stride + 1.")
def _fwd_stride_ignored(case):
    return _ref_out(case, stride=1)


@forward_mistake("stride_ignored", "", "")
def _fwd_windows_not_strided(case):  # right output size, windows at (i, j)
    Ho, Wo = _expected_shape(case)[2:]
    return _ref_out(case, stride=1)[:, :, :Ho, :Wo]


def _backward_scale(case):
    """Size of the summed terms of each gradient: the reference on absolute values."""
    return ref.conv_backward(np.abs(_f64(case.dout)), np.abs(_f64(case.x)), np.abs(_f64(case.w)),
                             case.b, case.stride, case.pad)


# ------------------------------------------------------------ conv_backward: properties

@conv_backward.property("agrees with the reference gradients dx, dw, db on generated inputs "
                        "(non-square shapes, strides 1-3, paddings 0-2, floor geometry, overlapping "
                        "windows, float32 and float64, large, tiny and tied values)",
                        cases=conv_cases(with_dout=True), public=False, weight=3,
                        examples=EDGE_BACKWARD, max_examples=70)
def grads_match_reference(student, case):
    got = _grads(_backward(student, case), case)
    expected = ref.conv_backward(case.dout, case.x, case.w, case.b, case.stride, case.pad)
    for name, g, e, sc in zip(("dx", "dw", "db"), got, expected, _backward_scale(case)):
        assert_close(g, e, name=name, scale=sc, observed=got)


# ------------------------------------------------------------ conv_backward: known mistakes

def _ref_grads(case, dout=None):
    return ref.conv_backward(case.dout if dout is None else dout, case.x, case.w, case.b,
                             case.stride, case.pad)


backward_mistake = _distinct_mistake(conv_backward, _ref_grads)


def _grads_at(case, step, dout=None):
    """(dx, dw, db) when the window of dout[..., i, j] starts at (i*step, j*step) of the padded input."""
    dout = _f64(case.dout if dout is None else dout)
    w = _f64(case.w)
    xp = _padded(case.x, case.pad)
    H, W = case.x.shape[2:]
    KH, KW = w.shape[2:]
    Ho, Wo = dout.shape[2:]
    dxp, dw = np.zeros(xp.shape), np.zeros(w.shape)
    for u in range(KH):
        for v in range(KW):
            rows = slice(u, u + step * (Ho - 1) + 1, step)
            cols = slice(v, v + step * (Wo - 1) + 1, step)
            dw[:, :, u, v] = np.einsum("nfhw,nchw->fc", dout, xp[:, :, rows, cols])
            dxp[:, :, rows, cols] += np.einsum("nfhw,fc->nchw", dout, w[:, :, u, v])
    p = case.pad
    return dxp[:, :, p:p + H, p:p + W], dw, dout.sum(axis=(0, 2, 3))


@backward_mistake("pad_zero_slice", "cropping the padding with dxp[:, :, pad:-pad, pad:-pad]",
                       "With pad == 0 that slice is empty (-0 is 0). Crop with "
                       "dxp[:, :, pad:pad + H, pad:pad + W] instead.")
def _bwd_pad_zero_slice(case):
    if case.pad:
        raise ValueError("only differs at pad == 0")
    dx, dw, db = _ref_grads(case)
    return dx[:, :, 0:0, 0:0], dw, db


@backward_mistake("db_not_summed_spatially", "summing db over the batch only",
                       "db[f] gets dout[n, f, i, j] from every sample AND every output position: "
                       "db = dout.sum(axis=(0, 2, 3)).")
def _bwd_db_batch_only(case):
    dx, dw, _ = _ref_grads(case)
    return dx, dw, _f64(case.dout).sum(axis=0)


@backward_mistake("dw_averaged", "dividing the gradients by the batch size",
                       "The gradients are of sum(out * dout): sum the contributions of the samples, "
                       "do not divide by N.")
def _bwd_dw_averaged(case):
    dx, dw, db = _ref_grads(case)
    return dx, dw / case.x.shape[0], db


@backward_mistake("dw_averaged", "", "")
def _bwd_dw_db_averaged(case):
    dx, dw, db = _ref_grads(case)
    n = case.x.shape[0]
    return dx, dw / n, db / n


@backward_mistake("dw_averaged", "", "")
def _bwd_all_averaged(case):
    dx, dw, db = _ref_grads(case)
    n = case.x.shape[0]
    return dx / n, dw / n, db / n


def _overwritten_dx(case, positions, per_filter=False):
    dout, w = _f64(case.dout), _f64(case.w)
    s, p = case.stride, case.pad
    KH, KW = w.shape[2:]
    H, W = case.x.shape[2:]
    dxp = np.zeros(_padded(case.x, p).shape)
    for i, j in positions:
        window = (slice(None), slice(None), slice(i * s, i * s + KH), slice(j * s, j * s + KW))
        if per_filter:  # the last filter's contribution wins too
            dxp[window] = dout[:, -1, i, j][:, None, None, None] * w[-1][None]
        else:
            dxp[window] = np.tensordot(dout[:, :, i, j], w, axes=([1], [0]))
    _, dw, db = _ref_grads(case)
    return dxp[:, :, p:p + H, p:p + W], dw, db


def _windows_order(case, rows_first=True):
    Ho, Wo = case.dout.shape[2:]
    if rows_first:
        return [(i, j) for i in range(Ho) for j in range(Wo)]
    return [(i, j) for j in range(Wo) for i in range(Ho)]


@backward_mistake("dx_overwrite", "assigning window gradients into dx instead of adding them",
                       "Windows overlap when stride < kernel size, so an input pixel gets "
                       "contributions from several windows: accumulate with += into a zero array.")
def _bwd_overwrite_rows(case):
    return _overwritten_dx(case, _windows_order(case, True))


@backward_mistake("dx_overwrite", "", "")
def _bwd_overwrite_cols(case):
    return _overwritten_dx(case, _windows_order(case, False))


@backward_mistake("dx_overwrite", "", "")
def _bwd_overwrite_filters(case):
    return _overwritten_dx(case, _windows_order(case, True), per_filter=True)


def _masked_dout(case, axis, keep):
    d = _f64(case.dout).copy()
    index = [slice(None)] * 4
    index[axis] = slice(keep, None)
    d[tuple(index)] = 0.0
    return d


@backward_mistake("height_width_swapped", "mixing up height and width",
                       "Loop over range(Ho) for rows and range(Wo) for columns (taking both from "
                       "dout.shape), and slice rows with KH, columns with KW.")
def _bwd_cols_up_to_ho(case):  # for j in range(Ho), Ho < Wo: the last columns of dout are skipped
    Ho, Wo = case.dout.shape[2:]
    if Ho >= Wo:
        raise ValueError("does not run")
    dx, dw, _ = _grads_at(case, case.stride, _masked_dout(case, 3, Ho))
    return dx, dw, _f64(case.dout).sum(axis=(0, 2, 3))


@backward_mistake("height_width_swapped", "", "")
def _bwd_cols_up_to_ho_db(case):  # same, with db accumulated inside the loop
    Ho, Wo = case.dout.shape[2:]
    if Ho >= Wo:
        raise ValueError("does not run")
    return _grads_at(case, case.stride, _masked_dout(case, 3, Ho))


@backward_mistake("height_width_swapped", "", "")
def _bwd_rows_up_to_wo(case):  # for i in range(Wo), Wo < Ho
    Ho, Wo = case.dout.shape[2:]
    if Wo >= Ho:
        raise ValueError("does not run")
    dx, dw, _ = _grads_at(case, case.stride, _masked_dout(case, 2, Wo))
    return dx, dw, _f64(case.dout).sum(axis=(0, 2, 3))


@backward_mistake("height_width_swapped", "", "")
def _bwd_rows_up_to_wo_db(case):
    Ho, Wo = case.dout.shape[2:]
    if Wo >= Ho:
        raise ValueError("does not run")
    return _grads_at(case, case.stride, _masked_dout(case, 2, Wo))


@backward_mistake("stride_ignored", "placing the windows as if the stride were 1",
                       "Window (i, j) starts at (i*stride, j*stride) of the padded input, in the "
                       "backward pass as in the forward pass.")
def _bwd_stride_ignored(case):
    if case.stride == 1:
        raise ValueError("only differs for stride > 1")
    return _grads_at(case, 1)
