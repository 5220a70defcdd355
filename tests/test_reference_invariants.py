"""Torch-free properties of the references: purity, dtypes, stability, edges,
and every backward against central finite differences in float64."""

import numpy as np
import pytest

from reference import activations, cnn, detection, face, layers, losses, optim, rnn


def frozen(*arrays):
    """Read-only copies: any in-place write by the reference raises."""
    out = []
    for a in arrays:
        a = np.array(a)
        a.flags.writeable = False
        out.append(a)
    return out


def assert_unchanged(before, after):
    for b, a in zip(before, after):
        np.testing.assert_array_equal(a, b)
        assert a.dtype == b.dtype


def numgrad(f, x, h=1e-6):
    """Central differences of the scalar f() w.r.t. the array x (edited in place)."""
    g = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        idx = it.multi_index
        old = x[idx]
        x[idx] = old + h
        fp = f()
        x[idx] = old - h
        fm = f()
        x[idx] = old
        g[idx] = (fp - fm) / (2 * h)
    return g


def assert_grad(analytic, numeric):
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-7)


def lstm_params(rng, D, H, dtype=np.float64):
    p = {}
    for g in "fico":
        p["W" + g] = rng.normal(scale=0.7, size=(H, H + D)).astype(dtype)
        p["b" + g] = rng.normal(scale=0.5, size=H).astype(dtype)
    return p


# ------------------------------------------------------------ purity / dtypes

@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_no_input_modified_and_float64_outputs(dtype):
    rng = np.random.default_rng(0)
    r = lambda *s: rng.normal(size=s).astype(dtype)  # noqa: E731

    def check(fn, *args, **kw):
        originals = [np.array(a) for a in args]
        ro = frozen(*args)
        result = fn(*ro, **kw)
        assert_unchanged(originals, ro)
        # also with writeable inputs, in case a copy is only made for read-only ones
        writable = [np.array(a) for a in args]
        fn(*writable, **kw)
        assert_unchanged(originals, writable)
        return result

    def all64(result):
        items = result.values() if isinstance(result, dict) else (
            result if isinstance(result, tuple) else (result,))
        for item in items:
            assert isinstance(item, np.ndarray) and item.dtype == np.float64

    x, W, b = r(4, 3), r(5, 3), r(5)
    all64(check(layers.dense_forward, x, W, b))
    all64(check(layers.dense_backward, r(4, 5), x, W, b))
    all64(check(activations.softmax, r(3, 4), axis=0))
    all64(check(activations.log_softmax, r(3, 4)))
    labels = np.array([0, 2, 1, 2])
    assert isinstance(check(losses.cross_entropy, r(4, 3), labels), float)
    all64(check(losses.cross_entropy_grad, r(4, 3), labels))
    xc, wc, bc = r(2, 3, 6, 5), r(4, 3, 3, 2), r(4)
    all64(check(cnn.conv_forward, xc, wc, bc, stride=2, pad=1))
    all64(check(cnn.conv_backward, r(2, 4, 3, 3), xc, wc, bc, stride=2, pad=1))
    all64(check(optim.adam_step, r(3, 2), r(3, 2), r(3, 2), np.abs(r(3, 2)), 3))
    params = lstm_params(rng, 3, 2, dtype)
    ro_params = dict(zip(params, frozen(*params.values())))
    all64(check(lambda *a: rnn.lstm_cell_forward(*a, ro_params), r(4, 3), r(4, 2), r(4, 2)))
    all64(check(lambda *a: rnn.lstm_cell_backward(*a, ro_params), r(4, 2), r(4, 2), r(4, 3), r(4, 2), r(4, 2)))
    assert_unchanged([params[k] for k in params], [ro_params[k] for k in params])
    boxes = np.abs(r(5, 4)) * 3
    boxes[:, 2:] += boxes[:, :2]
    all64(check(detection.iou, boxes, boxes[:3]))
    all64(check(detection.box_area, boxes))
    keep = check(detection.nms, boxes, r(5), 0.3)
    assert keep.dtype == np.int64
    assert isinstance(check(face.triplet_loss, r(4, 3), r(4, 3), r(4, 3)), float)
    all64(check(face.triplet_loss_grad, r(4, 3), r(4, 3), r(4, 3)))


# ---------------------------------------------------------- numeric stability

def test_softmax_extreme_logits():
    x = np.array([[1e4, 0.0, -1e4], [-1e4, -1e4, -1e4], [1e4, 1e4, 1e4 - 1.0]])
    s = activations.softmax(x)
    ls = activations.log_softmax(x)
    assert np.all(np.isfinite(s)) and np.all(np.isfinite(ls))
    np.testing.assert_allclose(s.sum(axis=-1), 1.0)
    np.testing.assert_allclose(s[1], 1 / 3)
    np.testing.assert_allclose(ls[0], [0.0, -1e4, -2e4])
    # rows far below another row's max keep their own distribution (per-row shift)
    y = np.array([[0.0, 1.0], [-1e4, -1e4 + 1.0]])
    np.testing.assert_allclose(activations.softmax(y)[1], activations.softmax(y)[0])


@pytest.mark.parametrize("shape,axis", [((0,), -1), ((0, 3), 1), ((3, 0), 0), ((2, 0, 4), -1), ((1,), 0), ((1, 1), -2)])
def test_softmax_empty_and_size_one(shape, axis):
    x = np.ones(shape)
    s = activations.softmax(x, axis=axis)
    ls = activations.log_softmax(x, axis=axis)
    assert s.shape == shape and ls.shape == shape
    if x.size:
        np.testing.assert_allclose(s, 1.0)
        np.testing.assert_allclose(ls, 0.0)


def test_softmax_axis_and_shift_invariance():
    x = np.random.default_rng(1).normal(size=(2, 3, 4))
    for axis in (0, 1, 2, -1, -2, -3):
        s = activations.softmax(x, axis=axis)
        np.testing.assert_allclose(s.sum(axis=axis), 1.0)
        np.testing.assert_allclose(activations.softmax(x + 123.0, axis=axis), s)
        np.testing.assert_allclose(np.exp(activations.log_softmax(x, axis=axis)), s)


def test_cross_entropy_extreme_logits():
    logits = np.array([[1e4, -1e4, 0.0], [-1e4, 1e4, -1e4], [1e4, 1e4, -1e4]])
    labels = np.array([1, 1, 2])
    value = losses.cross_entropy(logits, labels)
    assert np.isfinite(value)
    np.testing.assert_allclose(value, (2e4 + 0.0 + (2e4 + np.log(2))) / 3)
    g = losses.cross_entropy_grad(logits, labels)
    assert np.all(np.isfinite(g))
    np.testing.assert_allclose(g.sum(axis=1), 0.0, atol=1e-15)


def test_cross_entropy_single_class_and_perfect():
    assert losses.cross_entropy(np.array([[3.0], [-2.0]]), np.array([0, 0])) == 0.0
    assert losses.cross_entropy(np.array([[50.0, -50.0]]), np.array([0])) < 1e-40


def test_lstm_sigmoid_never_overflows():
    rng = np.random.default_rng(2)
    params = {k: v * 1e4 for k, v in lstm_params(rng, 2, 3).items()}
    x, h, c = rng.normal(size=(4, 2)), rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    with np.errstate(over="raise", invalid="raise"):
        hh, cc = rnn.lstm_cell_forward(x, h, c, params)
        grads = rnn.lstm_cell_backward(np.ones((4, 3)), np.ones((4, 3)), x, h, c, params)
    assert np.all(np.isfinite(hh)) and np.all(np.isfinite(cc))
    assert all(np.all(np.isfinite(g)) for g in grads.values())


def test_lstm_saturated_gates_keep_cell_state():
    D, H = 2, 3
    params = {"W" + g: np.zeros((H, H + D)) for g in "fico"}
    params.update(bf=np.full(H, 1e4), bi=np.full(H, -1e4), bc=np.zeros(H), bo=np.zeros(H))
    c_prev = np.array([[0.5, -2.0, 3.0]])
    _, c = rnn.lstm_cell_forward(np.ones((1, D)), np.ones((1, H)), c_prev, params)
    np.testing.assert_array_equal(c, c_prev)


# ------------------------------------------------------------------ detection

def _boxes(rng, n):
    xy = rng.uniform(-5, 5, size=(n, 2))
    return np.concatenate([xy, xy + rng.uniform(0.1, 4, size=(n, 2))], axis=1)


def test_iou_properties():
    rng = np.random.default_rng(3)
    a, b = _boxes(rng, 9), _boxes(rng, 7)
    m = detection.iou(a, b)
    assert m.shape == (9, 7)
    assert np.all((m >= 0) & (m <= 1))
    np.testing.assert_allclose(detection.iou(b, a), m.T)
    np.testing.assert_allclose(np.diag(detection.iou(a, a)), 1.0)
    shift = np.array([3.5, -1.25, 3.5, -1.25])
    np.testing.assert_allclose(detection.iou(a + shift, b + shift), m, atol=1e-12)


def test_iou_edges():
    unit = np.array([[0.0, 0.0, 1.0, 1.0]])
    assert detection.iou(unit, [[2.0, 2.0, 3.0, 3.0]])[0, 0] == 0.0      # disjoint
    assert detection.iou(unit, [[1.0, 0.0, 2.0, 1.0]])[0, 0] == 0.0      # touching edge
    np.testing.assert_allclose(detection.iou(unit, [[0.5, 0.0, 1.5, 1.0]]), [[1 / 3]])
    point = np.array([[1.0, 1.0, 1.0, 1.0]])
    assert detection.iou(point, point)[0, 0] == 0.0                      # zero union
    line = np.array([[0.0, 0.0, 2.0, 0.0]])
    assert detection.iou(line, line)[0, 0] == 0.0
    assert detection.iou(point, unit)[0, 0] == 0.0
    assert detection.iou(np.zeros((0, 4)), unit).shape == (0, 1)
    assert detection.iou(unit, np.zeros((0, 4))).shape == (1, 0)
    assert detection.iou(np.zeros((0, 4)), np.zeros((0, 4))).shape == (0, 0)
    np.testing.assert_allclose(detection.box_area([[0, 0, 2, 3], [1, 1, 1, 5]]), [6.0, 0.0])


def test_nms_edges_and_ties():
    empty = detection.nms(np.zeros((0, 4)), np.zeros(0), 0.5)
    assert empty.dtype == np.int64 and empty.shape == (0,)
    same = np.tile([[0.0, 0.0, 1.0, 1.0]], (4, 1))
    # equal scores: lower index wins; identical boxes suppress each other
    assert detection.nms(same, np.ones(4), 0.5).tolist() == [0]
    far = np.array([[0, 0, 1, 1], [5, 5, 6, 6], [10, 10, 11, 11]], dtype=float)
    assert detection.nms(far, np.array([0.5, 0.5, 0.5]), 0.1).tolist() == [0, 1, 2]
    assert detection.nms(far, np.array([0.1, 0.9, 0.5]), 0.1).tolist() == [1, 2, 0]
    # threshold is strict: IoU exactly 1/3 is kept at threshold 1/3
    pair = np.array([[0.0, 0.0, 1.0, 1.0], [0.5, 0.0, 1.5, 1.0]])
    assert detection.nms(pair, np.array([0.9, 0.8]), 1 / 3).tolist() == [0, 1]
    assert detection.nms(pair, np.array([0.9, 0.8]), 0.3).tolist() == [0]
    # a suppressed box does not suppress: 0 kills 1, 1 would have killed 2
    chain = np.array([[0.0, 0, 2, 1], [1.0, 0, 3, 1], [2.0, 0, 4, 1]])
    assert detection.nms(chain, np.array([0.9, 0.8, 0.7]), 0.2).tolist() == [0, 2]
    # integer / unsigned scores are ordered correctly too
    assert detection.nms(far, np.array([1, 3, 2], dtype=np.uint8), 0.5).tolist() == [1, 2, 0]


def test_nms_properties():
    rng = np.random.default_rng(4)
    for _ in range(5):
        boxes, scores = _boxes(rng, 25), rng.uniform(size=25)
        keep = detection.nms(boxes, scores, 0.4)
        assert len(set(keep.tolist())) == len(keep)
        assert np.all(np.diff(scores[keep]) <= 0)
        m = detection.iou(boxes[keep], boxes[keep])
        assert np.all(m[~np.eye(len(keep), dtype=bool)] <= 0.4)
        dropped = np.setdiff1d(np.arange(25), keep)
        for d in dropped:
            assert np.any((detection.iou(boxes[[d]], boxes[keep])[0] > 0.4) & (scores[keep] >= scores[d]))


# ------------------------------------------------------------------------ conv

@pytest.mark.parametrize("H,W,KH,KW,stride,pad", [(7, 7, 3, 3, 2, 0), (8, 6, 3, 2, 3, 1), (5, 9, 2, 4, 2, 0)])
def test_conv_floor_geometry(H, W, KH, KW, stride, pad):
    Ho, Wo = cnn.conv_output_size(H, KH, stride, pad), cnn.conv_output_size(W, KW, stride, pad)
    assert Ho == (H + 2 * pad - KH) // stride + 1 and Wo == (W + 2 * pad - KW) // stride + 1
    rng = np.random.default_rng(5)
    x, w, b = rng.normal(size=(2, 2, H, W)), rng.normal(size=(3, 2, KH, KW)), rng.normal(size=3)
    out = cnn.conv_forward(x, w, b, stride=stride, pad=pad)
    assert out.shape == (2, 3, Ho, Wo)
    dx, dw, db = cnn.conv_backward(np.ones_like(out), x, w, b, stride=stride, pad=pad)
    # input rows/cols past the last window get exactly zero gradient
    last_row = stride * (Ho - 1) + KH - pad   # first unreached row in x coordinates
    last_col = stride * (Wo - 1) + KW - pad
    assert np.all(dx[:, :, last_row:, :] == 0) and np.all(dx[:, :, :, last_col:] == 0)
    assert np.any(dx[:, :, :last_row, :last_col] != 0)
    # changing unreached pixels leaves the output unchanged
    x2 = x.copy()
    x2[:, :, last_row:, :] = 99.0
    x2[:, :, :, last_col:] = 99.0
    np.testing.assert_array_equal(cnn.conv_forward(x2, w, b, stride=stride, pad=pad), out)


def test_conv_direct_small_case_and_empty_batch():
    x = np.arange(16, dtype=float).reshape(1, 1, 4, 4)
    w = np.array([[[[1.0, 0.0], [0.0, -1.0]]]])  # cross-correlation, no flip
    out = cnn.conv_forward(x, w, np.array([0.5]), stride=2)
    np.testing.assert_array_equal(out, [[[[0 - 5 + 0.5, 2 - 7 + 0.5], [8 - 13 + 0.5, 10 - 15 + 0.5]]]])
    out = cnn.conv_forward(x, w, np.zeros(1), pad=1)
    assert out.shape == (1, 1, 5, 5) and out[0, 0, 0, 0] == -x[0, 0, 0, 0]
    w3, b3 = np.ones((2, 3, 3, 2)), np.ones(2)
    assert cnn.conv_forward(np.zeros((0, 3, 5, 4)), w3, b3, pad=1).shape == (0, 2, 5, 5)
    dx, dw, db = cnn.conv_backward(np.zeros((0, 2, 5, 5)), np.zeros((0, 3, 5, 4)), w3, b3, pad=1)
    assert dx.shape == (0, 3, 5, 4)
    np.testing.assert_array_equal(dw, 0.0)
    np.testing.assert_array_equal(db, 0.0)


def test_conv1x1_is_dense_over_channels():
    rng = np.random.default_rng(6)
    x, w, b = rng.normal(size=(2, 3, 4, 5)), rng.normal(size=(4, 3, 1, 1)), rng.normal(size=4)
    out = cnn.conv_forward(x, w, b)
    flat = layers.dense_forward(x.transpose(0, 2, 3, 1).reshape(-1, 3), w[:, :, 0, 0], b)
    np.testing.assert_allclose(out, flat.reshape(2, 4, 5, 4).transpose(0, 3, 1, 2))


# ----------------------------------------------------------------------- Adam

def test_adam_first_step_is_lr_per_coordinate():
    rng = np.random.default_rng(7)
    param = rng.normal(size=(4, 5))
    grad = rng.normal(size=(4, 5)) * 10.0 ** rng.integers(-3, 4, size=(4, 5))
    new, m, v = optim.adam_step(param, grad, np.zeros_like(param), np.zeros_like(param), 1, lr=0.01)
    # |step| = lr * |g| / (|g| + eps): lr up to the eps correction
    np.testing.assert_allclose(np.abs(new - param), 0.01 * np.abs(grad) / (np.abs(grad) + 1e-8), rtol=1e-12)
    np.testing.assert_allclose(np.abs(new - param), 0.01, rtol=2e-8 / np.abs(grad).min())
    np.testing.assert_array_equal(np.sign(param - new), np.sign(grad))
    np.testing.assert_allclose(m, 0.1 * grad)
    np.testing.assert_allclose(v, 0.001 * grad ** 2)


def test_adam_zero_grad_and_empty():
    p, m, v = np.ones(3), np.zeros(3), np.zeros(3)
    new, m2, v2 = optim.adam_step(p, np.zeros(3), m, v, 1)
    np.testing.assert_array_equal(new, p)
    e = np.zeros((0, 2))
    out = optim.adam_step(e, e, e, e, 5)
    assert all(o.shape == (0, 2) and o.dtype == np.float64 for o in out)


def test_adam_returns_new_arrays():
    p, g, m, v = np.ones(3), np.full(3, 0.5), np.zeros(3), np.zeros(3)
    out = optim.adam_step(p, g, m, v, 2)
    for o, i in zip(out, (p, m, v)):
        assert not np.shares_memory(o, i)


# ------------------------------------------------------ finite differences

@pytest.mark.parametrize("seed", [0, 1])
def test_dense_backward_finite_differences(seed):
    rng = np.random.default_rng(seed)
    x, W, b, dout = rng.normal(size=(3, 4)), rng.normal(size=(2, 4)), rng.normal(size=2), rng.normal(size=(3, 2))
    f = lambda: np.sum(layers.dense_forward(x, W, b) * dout)  # noqa: E731
    dx, dW, db = layers.dense_backward(dout, x, W, b)
    assert_grad(dx, numgrad(f, x))
    assert_grad(dW, numgrad(f, W))
    assert_grad(db, numgrad(f, b))


@pytest.mark.parametrize("seed", [0, 1])
def test_cross_entropy_grad_finite_differences(seed):
    rng = np.random.default_rng(seed)
    logits, labels = rng.normal(scale=3, size=(4, 5)), rng.integers(0, 5, size=4)
    f = lambda: losses.cross_entropy(logits, labels)  # noqa: E731
    assert_grad(losses.cross_entropy_grad(logits, labels), numgrad(f, logits))


@pytest.mark.parametrize("N,C,H,W,Fo,KH,KW,stride,pad", [
    (2, 2, 5, 5, 3, 3, 3, 1, 1),
    (1, 2, 7, 6, 2, 3, 2, 2, 0),
    (1, 1, 8, 7, 2, 2, 3, 3, 2),
])
def test_conv_backward_finite_differences(N, C, H, W, Fo, KH, KW, stride, pad):
    rng = np.random.default_rng(8)
    x, w, b = rng.normal(size=(N, C, H, W)), rng.normal(size=(Fo, C, KH, KW)), rng.normal(size=Fo)
    dout = rng.normal(size=cnn.conv_forward(x, w, b, stride, pad).shape)
    f = lambda: np.sum(cnn.conv_forward(x, w, b, stride, pad) * dout)  # noqa: E731
    dx, dw, db = cnn.conv_backward(dout, x, w, b, stride, pad)
    assert_grad(dx, numgrad(f, x))
    assert_grad(dw, numgrad(f, w))
    assert_grad(db, numgrad(f, b))


@pytest.mark.parametrize("seed", [0, 1])
def test_lstm_backward_finite_differences(seed):
    rng = np.random.default_rng(seed)
    N, D, H = 2, 3, 4
    params = lstm_params(rng, D, H)
    x, h, c = rng.normal(size=(N, D)), rng.normal(size=(N, H)), rng.normal(size=(N, H))
    dh, dc = rng.normal(size=(N, H)), rng.normal(size=(N, H))

    def f():
        hh, cc = rnn.lstm_cell_forward(x, h, c, params)
        return np.sum(hh * dh) + np.sum(cc * dc)

    grads = rnn.lstm_cell_backward(dh, dc, x, h, c, params)
    assert_grad(grads["dx"], numgrad(f, x))
    assert_grad(grads["dh_prev"], numgrad(f, h))
    assert_grad(grads["dc_prev"], numgrad(f, c))
    for g in "fico":
        assert_grad(grads["dW" + g], numgrad(f, params["W" + g]))
        assert_grad(grads["db" + g], numgrad(f, params["b" + g]))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_triplet_grad_finite_differences(seed):
    rng = np.random.default_rng(seed)
    a, p, n = (rng.normal(size=(5, 3)) for _ in range(3))
    f = lambda: face.triplet_loss(a, p, n, margin=0.5)  # noqa: E731
    da, dp, dn = face.triplet_loss_grad(a, p, n, margin=0.5)
    assert_grad(da, numgrad(f, a))
    assert_grad(dp, numgrad(f, p))
    assert_grad(dn, numgrad(f, n))


def test_triplet_edges():
    e = np.zeros((0, 3))
    assert face.triplet_loss(e, e, e) == 0.0
    assert all(g.shape == (0, 3) for g in face.triplet_loss_grad(e, e, e))
    a = np.zeros((1, 2))
    p = np.zeros((1, 2))
    n = np.array([[1.0, 0.0]])
    assert face.triplet_loss(a, p, n, margin=1.0) == 0.0  # hinge argument exactly 0
    assert not any(np.any(g) for g in face.triplet_loss_grad(a, p, n, margin=1.0))
    # margin met -> zero; common translation leaves the loss unchanged
    rng = np.random.default_rng(9)
    a, p, n = (rng.normal(size=(6, 4)) for _ in range(3))
    shift = rng.normal(size=4)
    np.testing.assert_allclose(face.triplet_loss(a + shift, p + shift, n + shift), face.triplet_loss(a, p, n))
    assert face.triplet_loss(a, a, a + 10.0) == 0.0
    assert face.triplet_loss(a, p, n) >= 0.0
    # with every hinge active the loss is linear in the margin
    assert face.triplet_loss(a, n, p, margin=100.0) == pytest.approx(face.triplet_loss(a, n, p, margin=99.0) + 6.0)
