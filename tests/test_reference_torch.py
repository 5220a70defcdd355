"""Check the float64 references against PyTorch (and, for boxes, plain loops)."""

import numpy as np
import pytest

from torch_support import ATOL, RTOL, F, t64, torch, close  # skips this module without torch

from reference import activations, cnn, detection, face, layers, losses, optim, rnn  # noqa: E402

SEEDS = [0, 1, 2, 3]


# ---------------------------------------------------------------- activations

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("shape,axis", [((5,), -1), ((3, 7), -1), ((3, 7), 0), ((2, 3, 4), 1), ((2, 3, 4), -3), ((4, 1), 1)])
def test_softmax_log_softmax(seed, shape, axis):
    x = np.random.default_rng(seed).normal(scale=5.0, size=shape)
    close(activations.softmax(x, axis=axis), torch.softmax(t64(x), dim=axis))
    close(activations.log_softmax(x, axis=axis), torch.log_softmax(t64(x), dim=axis))


def test_softmax_large_logits():
    x = np.array([[1e4, -1e4, 0.0], [-1e4, -1e4 + 1.0, -1e4 + 2.0]])
    close(activations.softmax(x), torch.softmax(t64(x), dim=-1))
    close(activations.log_softmax(x), torch.log_softmax(t64(x), dim=-1))


# ---------------------------------------------------------------------- dense

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("N,D,M", [(4, 3, 5), (1, 6, 2), (0, 3, 2), (7, 1, 1)])
def test_dense_against_linear(seed, N, D, M):
    rng = np.random.default_rng(seed)
    x, W, b = rng.normal(size=(N, D)), rng.normal(size=(M, D)), rng.normal(size=M)
    dout = rng.normal(size=(N, M))
    tx, tW, tb = t64(x, True), t64(W, True), t64(b, True)
    out = F.linear(tx, tW, tb)
    (out * t64(dout)).sum().backward()
    close(layers.dense_forward(x, W, b), out)
    dx, dW, db = layers.dense_backward(dout, x, W, b)
    close(dx, tx.grad)
    close(dW, tW.grad)
    close(db, tb.grad)


# ------------------------------------------------------------- cross-entropy

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("N,C,scale", [(5, 3, 1.0), (1, 1, 1.0), (8, 10, 30.0), (3, 4, 1e4)])
def test_cross_entropy_against_torch(seed, N, C, scale):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=scale, size=(N, C))
    labels = rng.integers(0, C, size=N)
    tl = t64(logits, True)
    loss = F.cross_entropy(tl, torch.tensor(labels, dtype=torch.long))
    loss.backward()
    value = losses.cross_entropy(logits, labels)
    assert isinstance(value, float)
    np.testing.assert_allclose(value, loss.item(), rtol=RTOL, atol=ATOL)
    close(losses.cross_entropy_grad(logits, labels), tl.grad)


# ---------------------------------------------------------------- convolution

CONV_CASES = [
    # N, C, H, W, F, KH, KW, stride, pad
    (2, 3, 5, 5, 4, 3, 3, 1, 0),
    (2, 3, 5, 5, 4, 3, 3, 1, 1),
    (1, 2, 7, 7, 3, 3, 3, 2, 1),
    (2, 1, 8, 6, 2, 3, 2, 2, 0),   # H != W, KH != KW, non-divisible rows
    (1, 2, 9, 7, 1, 2, 3, 3, 2),   # stride 3, pad 2, non-divisible
    (3, 2, 6, 10, 2, 4, 1, 3, 0),  # floor: last rows never reached
    (1, 1, 4, 4, 1, 1, 1, 1, 0),   # 1x1 kernel
    (1, 2, 3, 5, 2, 5, 5, 2, 2),   # kernel larger than the unpadded image
    (0, 2, 5, 5, 3, 3, 3, 1, 1),   # empty batch
]


@pytest.mark.parametrize("seed", SEEDS[:3])
@pytest.mark.parametrize("case", CONV_CASES)
def test_conv_against_conv2d(seed, case):
    N, C, H, W, Fo, KH, KW, stride, pad = case
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(N, C, H, W))
    w = rng.normal(size=(Fo, C, KH, KW))
    b = rng.normal(size=Fo)
    Ho = cnn.conv_output_size(H, KH, stride, pad)
    Wo = cnn.conv_output_size(W, KW, stride, pad)
    dout = rng.normal(size=(N, Fo, Ho, Wo))

    tx, tw, tb = t64(x, True), t64(w, True), t64(b, True)
    out = F.conv2d(tx, tw, tb, stride=stride, padding=pad)
    assert tuple(out.shape) == (N, Fo, Ho, Wo)
    (out * t64(dout)).sum().backward()

    close(cnn.conv_forward(x, w, b, stride=stride, pad=pad), out)
    dx, dw, db = cnn.conv_backward(dout, x, w, b, stride=stride, pad=pad)
    close(dx, tx.grad if tx.grad is not None else torch.zeros_like(tx))
    close(dw, tw.grad)
    close(db, tb.grad)


# ----------------------------------------------------------------------- Adam

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("start_t", [1, 2, 7])
@pytest.mark.parametrize("hyper", [
    dict(lr=1e-3, betas=(0.9, 0.999), eps=1e-8),
    dict(lr=0.05, betas=(0.8, 0.99), eps=1e-6),
])
def test_adam_trajectory(seed, start_t, hyper):
    rng = np.random.default_rng(seed)
    shape = (3, 4)
    param = rng.normal(size=shape)
    if start_t == 1:
        m, v = np.zeros(shape), np.zeros(shape)
    else:  # non-zero optimiser state, as if start_t - 1 steps had been taken
        m = rng.normal(scale=0.1, size=shape)
        v = rng.uniform(0.01, 0.5, size=shape)

    p = torch.nn.Parameter(t64(param))
    opt = torch.optim.Adam([p], **hyper)
    if start_t > 1:
        # torch 2.x keeps 'step' as a 0-d float tensor (float32 unless the
        # default dtype is float64) and increments it before using it.
        opt.state[p]["step"] = torch.tensor(float(start_t - 1))
        opt.state[p]["exp_avg"] = t64(m)
        opt.state[p]["exp_avg_sq"] = t64(v)

    b1, b2 = hyper["betas"]
    for k in range(60):
        grad = rng.normal(size=shape) * (1.0 + k % 3)
        p.grad = t64(grad)
        opt.step()
        param, m, v = optim.adam_step(param, grad, m, v, start_t + k,
                                      lr=hyper["lr"], beta1=b1, beta2=b2, eps=hyper["eps"])
        close(param, p, rtol=1e-9, atol=1e-12)
    st = opt.state[p]
    assert float(st["step"]) == start_t + 59
    close(m, st["exp_avg"], rtol=1e-9, atol=1e-14)
    close(v, st["exp_avg_sq"], rtol=1e-9, atol=1e-14)


# ------------------------------------------------------------------ LSTM cell

def _lstm_params(rng, D, H):
    params = {}
    for g in "fico":
        params["W" + g] = rng.normal(scale=0.7, size=(H, H + D))
        params["b" + g] = rng.normal(scale=0.5, size=H)
    return params


def _torch_lstm(params, D, H):
    """torch.nn.LSTMCell carrying our weights: torch's gate order is i, f, g, o."""
    cell = torch.nn.LSTMCell(D, H, dtype=torch.float64)
    order = "ifco"
    with torch.no_grad():
        cell.weight_hh.copy_(t64(np.concatenate([params["W" + g][:, :H] for g in order])))
        cell.weight_ih.copy_(t64(np.concatenate([params["W" + g][:, H:] for g in order])))
        cell.bias_ih.copy_(t64(np.concatenate([params["b" + g] for g in order])))
        cell.bias_hh.zero_()
    return cell


def _split_torch_grads(cell, H):
    """Our dW*/db* from the gradients of weight_ih/weight_hh/bias_ih."""
    order = "ifco"
    gih = cell.weight_ih.grad.numpy()
    ghh = cell.weight_hh.grad.numpy()
    gb = cell.bias_ih.grad.numpy()
    out = {}
    for k, g in enumerate(order):
        rows = slice(k * H, (k + 1) * H)
        out["dW" + g] = np.concatenate([ghh[rows], gih[rows]], axis=1)
        out["db" + g] = gb[rows]
    return out


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("N,D,H", [(3, 4, 5), (1, 1, 1), (4, 6, 2), (2, 3, 3)])
def test_lstm_cell_against_torch(seed, N, D, H):
    rng = np.random.default_rng(seed)
    params = _lstm_params(rng, D, H)
    x = rng.normal(size=(N, D))
    h_prev = rng.normal(size=(N, H))
    c_prev = rng.normal(size=(N, H))
    dh = rng.normal(size=(N, H))
    dc = rng.normal(size=(N, H))

    cell = _torch_lstm(params, D, H)
    tx, th, tc = t64(x, True), t64(h_prev, True), t64(c_prev, True)
    h_t, c_t = cell(tx, (th, tc))
    ((h_t * t64(dh)).sum() + (c_t * t64(dc)).sum()).backward()

    h, c = rnn.lstm_cell_forward(x, h_prev, c_prev, params)
    close(h, h_t)
    close(c, c_t)

    grads = rnn.lstm_cell_backward(dh, dc, x, h_prev, c_prev, params)
    assert set(grads) == {"dx", "dh_prev", "dc_prev", "dWf", "dWi", "dWc", "dWo",
                          "dbf", "dbi", "dbc", "dbo"}
    close(grads["dx"], tx.grad)
    close(grads["dh_prev"], th.grad)
    close(grads["dc_prev"], tc.grad)
    for key, value in _split_torch_grads(cell, H).items():
        close(grads[key], value)


# --------------------------------------------------------------- triplet loss

def _torch_triplet(a, p, n, margin):
    d_ap = ((a - p) ** 2).sum(dim=-1)
    d_an = ((a - n) ** 2).sum(dim=-1)
    return torch.relu(d_ap - d_an + margin).sum()


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("N,D,margin", [(6, 4, 0.2), (1, 3, 0.2), (10, 2, 1.0), (5, 8, 0.0), (0, 3, 0.2)])
def test_triplet_against_torch(seed, N, D, margin):
    rng = np.random.default_rng(seed)
    a, p, n = (rng.normal(size=(N, D)) for _ in range(3))
    ta, tp, tn = t64(a, True), t64(p, True), t64(n, True)
    loss = _torch_triplet(ta, tp, tn, margin)
    loss.backward()
    value = face.triplet_loss(a, p, n, margin=margin)
    assert isinstance(value, float)
    np.testing.assert_allclose(value, loss.item(), rtol=RTOL, atol=ATOL)
    da, dp, dn = face.triplet_loss_grad(a, p, n, margin=margin)
    close(da, ta.grad)
    close(dp, tp.grad)
    close(dn, tn.grad)


def test_triplet_zero_hinge_matches_torch_relu():
    # d_ap = 0, d_an = 1, margin = 1: the hinge argument is exactly 0.
    a = np.zeros((1, 2))
    p = np.zeros((1, 2))
    n = np.array([[1.0, 0.0]])
    ta, tp, tn = t64(a, True), t64(p, True), t64(n, True)
    _torch_triplet(ta, tp, tn, 1.0).backward()
    for ours, theirs in zip(face.triplet_loss_grad(a, p, n, margin=1.0), (ta.grad, tp.grad, tn.grad)):
        close(ours, theirs)
        assert not np.any(ours)


# ------------------------------------------------- IoU and NMS (no torchvision)

def _loop_iou(b1, b2):
    out = np.zeros((len(b1), len(b2)))
    for r, (ax1, ay1, ax2, ay2) in enumerate(b1):
        for s, (bx1, by1, bx2, by2) in enumerate(b2):
            iw = max(0.0, min(ax2, bx2) - max(ax1, bx1))
            ih = max(0.0, min(ay2, by2) - max(ay1, by1))
            inter = iw * ih
            union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
            out[r, s] = inter / union if union > 0 else 0.0
    return out


def _loop_nms(boxes, scores, thr):
    order = sorted(range(len(scores)), key=lambda k: (-scores[k], k))
    keep = []
    for k in order:
        if all(_loop_iou([boxes[k]], [boxes[j]])[0, 0] <= thr for j in keep):
            keep.append(k)
    return keep


def _random_boxes(rng, n, grid=False):
    if grid:  # coarse integer coordinates: many ties, touching and identical boxes
        xy = rng.integers(0, 6, size=(n, 2)).astype(float)
        wh = rng.integers(0, 4, size=(n, 2)).astype(float)
    else:
        xy = rng.uniform(0, 10, size=(n, 2))
        wh = rng.uniform(0, 5, size=(n, 2))
    return np.concatenate([xy, xy + wh], axis=1)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("N,M,grid", [(5, 7, False), (6, 6, True), (0, 3, False), (3, 0, True), (1, 1, True)])
def test_iou_against_loops(seed, N, M, grid):
    rng = np.random.default_rng(seed)
    b1, b2 = _random_boxes(rng, N, grid), _random_boxes(rng, M, grid)
    got = detection.iou(b1, b2)
    assert got.shape == (N, M)
    close(got, _loop_iou(b1, b2))
    close(detection.box_area(b1), [(x2 - x1) * (y2 - y1) for x1, y1, x2, y2 in b1])


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("N,grid,thr", [(12, False, 0.3), (15, True, 0.5), (10, True, 0.0), (20, False, 0.7), (1, False, 0.5)])
def test_nms_against_loops(seed, N, grid, thr):
    rng = np.random.default_rng(seed)
    boxes = _random_boxes(rng, N, grid)
    scores = rng.integers(0, 4, size=N).astype(float) if grid else rng.uniform(size=N)
    got = detection.nms(boxes, scores, thr)
    assert got.dtype == np.int64
    assert got.tolist() == _loop_nms(boxes, scores, thr)
