"""Check the float64 references of the mlp unit against PyTorch (and plain-Python definitions)."""

import math

import numpy as np
import pytest

from torch_support import ATOL, RTOL, F, t64, torch, close as shared_close  # skips this module without torch

from reference import mlp  # noqa: E402

SEEDS = [0, 1, 2, 3]


def close(actual, expected, rtol=RTOL, atol=ATOL):
    shared_close(actual, expected, rtol, atol, float64=False)


# ---------------------------------------------------------------- the network

def _network(rng, sizes, n, integer=False, logit_offset=0.0):
    draw = (lambda shape: rng.integers(-3, 4, size=shape).astype(np.float64)) if integer \
        else (lambda shape: rng.normal(size=shape))
    x = draw((n, sizes[0]))
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = draw((sizes[l], sizes[l - 1]))
        params[f"b{l}"] = draw((sizes[l],))
    params[f"b{len(sizes) - 1}"] = params[f"b{len(sizes) - 1}"] + logit_offset
    labels = rng.integers(0, sizes[-1], size=n)
    return x, params, labels


def _torch_mlp(params):
    """torch.nn.Linear layers holding the same weights, ReLU between them."""
    L = mlp.n_layers(params)
    modules = []
    for l in range(1, L + 1):
        W = params[f"W{l}"]
        lin = torch.nn.Linear(W.shape[1], W.shape[0], dtype=torch.float64)
        with torch.no_grad():
            lin.weight.copy_(t64(W))
            lin.bias.copy_(t64(params[f"b{l}"]))
        modules.append(lin)
        if l < L:
            modules.append(torch.nn.ReLU())
    return torch.nn.Sequential(*modules), [m for m in modules if isinstance(m, torch.nn.Linear)]


NETS = [([3, 5], 4, False, 0.0), ([4, 6, 3], 5, False, 0.0), ([2, 4, 4, 3, 5], 3, False, 0.0),
        ([5, 3, 1], 2, False, 0.0), ([3, 4, 3], 1, False, 0.0),
        ([3, 5, 4, 3], 6, True, 0.0),          # integer values: exact zero pre-activations
        ([3, 4, 3], 4, False, 1e4)]            # large logits


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("sizes,n,integer,offset", NETS)
def test_mlp_against_torch_linear_layers(seed, sizes, n, integer, offset):
    rng = np.random.default_rng(seed)
    x, params, labels = _network(rng, sizes, n, integer, offset)
    net, linears = _torch_mlp(params)
    logits = net(t64(x))
    close(mlp.mlp_forward(x, params), torch.softmax(logits, dim=1))
    loss = F.cross_entropy(logits, torch.tensor(labels))
    loss.backward()
    assert mlp.mlp_loss(x, params, labels) == pytest.approx(loss.item(), rel=1e-12, abs=1e-12)
    grads = mlp.mlp_backward(x, params, labels)
    assert set(grads) == set(params)
    for l, lin in enumerate(linears, start=1):
        close(grads[f"W{l}"], lin.weight.grad)
        close(grads[f"b{l}"], lin.bias.grad)


def test_exact_zero_pre_activations_really_occur():
    """The integer networks above do exercise ReLU's derivative at 0 (0, as torch)."""
    found = 0
    for seed in SEEDS:
        x, params, _ = _network(np.random.default_rng(seed), [3, 5, 4, 3], 6, True)
        zs = mlp._pre_activations(x, params)
        found += sum(int((z == 0).sum()) for z in zs[1:-1])
    assert found > 0


# ---------------------------------------------------------------- initialisation

INIT_FANS = [(300, 100), (64, 256), (400, 150), (1, 20000)]


def _mean_std(a):
    a = np.asarray(a, dtype=np.float64)
    return a.mean(), a.std()


@pytest.mark.parametrize("fan_in,fan_out", INIT_FANS)
def test_he_init_statistics_match_kaiming_normal(fan_in, fan_out):
    torch.manual_seed(fan_in * 7 + fan_out)
    w = torch.empty(fan_out, fan_in, dtype=torch.float64)
    torch.nn.init.kaiming_normal_(w, mode="fan_in", nonlinearity="relu")
    ours = mlp.he_init(fan_in, fan_out, np.random.default_rng(fan_in + fan_out))
    assert ours.shape == tuple(w.shape)
    std = mlp.he_std(fan_in, fan_out)
    n = fan_in * fan_out
    for mean, s in (_mean_std(w.numpy()), _mean_std(ours)):
        assert abs(mean) < 6 * std / math.sqrt(n)
        assert abs(s / std - 1) < 6 / math.sqrt(2 * n)
    # torch's own standard deviation formula, gain sqrt(2) over sqrt(fan_in)
    assert std == pytest.approx(torch.nn.init.calculate_gain("relu") / math.sqrt(fan_in), rel=1e-12)


@pytest.mark.parametrize("fan_in,fan_out", INIT_FANS)
def test_xavier_init_statistics_match_xavier_normal(fan_in, fan_out):
    torch.manual_seed(fan_in * 11 + fan_out)
    w = torch.empty(fan_out, fan_in, dtype=torch.float64)
    torch.nn.init.xavier_normal_(w)
    ours = mlp.xavier_init(fan_in, fan_out, np.random.default_rng(fan_in * fan_out))
    assert ours.shape == tuple(w.shape)
    std = mlp.xavier_std(fan_in, fan_out)
    n = fan_in * fan_out
    for mean, s in (_mean_std(w.numpy()), _mean_std(ours)):
        assert abs(mean) < 6 * std / math.sqrt(n)
        assert abs(s / std - 1) < 6 / math.sqrt(2 * n)


# ---------------------------------------------------------------- dropout

@pytest.mark.parametrize("p", [0.1, 0.5, 0.8])
def test_dropout_scaling_convention_matches_torch(p):
    rng = np.random.default_rng(int(p * 10))
    x = rng.choice([-1.0, 1.0], size=(100, 120)) * rng.uniform(0.5, 2.0, size=(100, 120))
    torch.manual_seed(0)
    out_t = F.dropout(t64(x), p=p, training=True).numpy()
    keep_t = out_t != 0
    # torch keeps entries as x / (1 - p) and zeroes the others: the reference does the same for
    # torch's mask, and its own mask drops about the same fraction
    close(mlp.dropout_apply(x, keep_t, p), out_t)
    out_r, keep_r = mlp.dropout_forward(x, p, np.random.default_rng(1))
    close(out_r[keep_r], x[keep_r] / (1 - p))
    assert np.all(out_r[~keep_r] == 0)
    n = x.size
    for frac in (1 - keep_t.mean(), 1 - keep_r.mean()):
        assert abs(frac - p) < 6 * math.sqrt(p * (1 - p) / n)
    # evaluation mode is the identity in both
    close(F.dropout(t64(x), p=p, training=False), x)
    close(mlp.dropout_forward(x, p, np.random.default_rng(2), train=False)[0], x)


@pytest.mark.parametrize("p", [0.25, 0.6])
def test_dropout_backward_matches_torch_autograd(p):
    rng = np.random.default_rng(3)
    x = rng.normal(size=(30, 40)) + 5.0  # no zeros: the mask is read from the output
    dout = rng.normal(size=x.shape)
    tx = t64(x, grad=True)
    torch.manual_seed(1)
    out = F.dropout(tx, p=p, training=True)
    (out * t64(dout)).sum().backward()
    keep = out.detach().numpy() != 0
    close(mlp.dropout_backward(dout, keep, p), tx.grad)


# ---------------------------------------------------------------- penalties

def _weights(seed):
    rng = np.random.default_rng(seed)
    ws = [rng.normal(size=(3, 4)), rng.integers(-2, 3, size=(5,)).astype(np.float64),
          np.zeros((0, 2)), rng.normal(size=(2, 2, 2)) * 100]
    return ws


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("lam", [0.0, 1e-3, 0.7])
def test_penalties_and_gradients_against_autograd(seed, lam):
    ws = _weights(seed)
    ts = [t64(w, grad=True) for w in ws]
    l1 = lam * sum(t.abs().sum() for t in ts)
    l1.backward()
    assert mlp.l1_penalty(ws, lam) == pytest.approx(l1.item(), rel=1e-12, abs=1e-300)
    for g, t in zip(mlp.l1_grad(ws, lam), ts):  # torch: d|w|/dw = sign(w), 0 at w == 0
        close(g, t.grad)
    ts = [t64(w, grad=True) for w in ws]
    l2 = lam * sum((t * t).sum() for t in ts)
    l2.backward()
    assert mlp.l2_penalty(ws, lam) == pytest.approx(l2.item(), rel=1e-12, abs=1e-300)
    for g, t in zip(mlp.l2_grad(ws, lam), ts):
        close(g, t.grad)
    assert mlp.l1_penalty([], lam) == 0.0 and mlp.l2_penalty([], lam) == 0.0


# ---------------------------------------------------------------- clipping

@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("ratio", [0.01, 0.5, 0.999, 2.0])
def test_clip_grad_norm_against_torch(seed, ratio):
    rng = np.random.default_rng(seed)
    grads = [rng.normal(size=(4, 3)) * 10, rng.normal(size=(7,)), rng.normal(size=(2, 2, 3)) * 0.1]
    norm = math.sqrt(sum(float((g ** 2).sum()) for g in grads))
    max_norm = ratio * norm
    params = [torch.zeros(g.shape, dtype=torch.float64, requires_grad=True) for g in grads]
    for p, g in zip(params, grads):
        p.grad = t64(g)
    total_t = torch.nn.utils.clip_grad_norm_(params, max_norm)
    clipped, total = mlp.clip_grad_norm(grads, max_norm)
    assert total == pytest.approx(total_t.item(), rel=1e-12)
    # torch scales by max_norm / (total + 1e-6): equal to ours up to a relative 1e-6 / total
    slack = 2e-6 / total
    for c, p in zip(clipped, params):
        close(c, p.grad, rtol=slack, atol=0)
    if ratio < 1:
        assert math.sqrt(sum(float((c ** 2).sum()) for c in clipped)) == pytest.approx(max_norm, rel=1e-12)
        for c, g in zip(clipped, grads):  # same direction, one common factor
            close(c, g * (max_norm / total))
    else:
        for c, g in zip(clipped, grads):
            close(c, g)


def test_clip_grad_norm_edge_cases():
    clipped, total = mlp.clip_grad_norm([], 1.0)
    assert clipped == [] and total == 0.0
    clipped, total = mlp.clip_grad_norm([np.zeros(3), np.zeros((0, 2))], 0.5)
    assert total == 0.0 and all(np.all(c == 0) for c in clipped)
    clipped, total = mlp.clip_grad_norm([np.array([3.0, 4.0])], 5.0)  # exactly at the limit
    assert total == 5.0
    close(clipped[0], [3.0, 4.0])
    big = [np.array([1e200, -1e200])]  # no overflow in the norm
    assert mlp.clip_grad_norm(big, 1.0)[1] == pytest.approx(math.sqrt(2) * 1e200, rel=1e-12)


# ---------------------------------------------------------------- mini-batches

@pytest.mark.parametrize("n,batch_size", [(10, 4), (12, 4), (5, 8), (1, 1), (0, 3), (13, 5)])
def test_unshuffled_minibatches_match_dataloader(n, batch_size):
    x = np.arange(n * 2, dtype=np.float64).reshape(n, 2)
    y = np.arange(n) + 100
    ours = mlp.minibatches(x, y, batch_size)
    loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(t64(x), torch.tensor(y)),
                                         batch_size=batch_size, shuffle=False, drop_last=False)
    theirs = [(xb.numpy(), yb.numpy()) for xb, yb in loader]
    assert len(ours) == len(theirs) == -(-n // batch_size)
    for (xb, yb), (xt, yt) in zip(ours, theirs):
        close(xb, xt)
        np.testing.assert_array_equal(yb, yt)


def test_shuffled_minibatches_follow_the_order():
    x = np.arange(20, dtype=np.float64)[:, None]
    y = np.arange(20)
    order = np.random.default_rng(5).permutation(20)
    batches = mlp.minibatches(x, y, 6, order)
    assert [len(b[1]) for b in batches] == [6, 6, 6, 2]
    np.testing.assert_array_equal(np.concatenate([b[1] for b in batches]), order)
    np.testing.assert_array_equal(np.concatenate([b[0][:, 0] for b in batches]), order)


# ---------------------------------------------------------------- early stopping

class PlainEarlyStopping:
    """The definition in words: an improvement beats the best by more than min_delta (the first
    loss always improves); improvements reset the bad-epoch count, anything else adds one; stop
    once the count reaches patience, and stay stopped."""

    def __init__(self, patience, min_delta=0.0):
        self.patience, self.min_delta = patience, min_delta
        self.best, self.bad, self.stopped = None, 0, False

    def step(self, loss):
        if self.best is None or loss < self.best - self.min_delta:
            self.best, self.bad = loss, 0
        else:
            self.bad += 1
        if self.bad >= self.patience:
            self.stopped = True
        return self.stopped


@pytest.mark.parametrize("seed", range(40))
def test_early_stopping_against_plain_definition(seed):
    rng = np.random.default_rng(seed)
    patience = int(rng.integers(1, 6))
    min_delta = float(rng.choice([0.0, 0.125, 0.25, 0.5]))
    losses = list(10 + np.cumsum(rng.integers(-3, 4, size=int(rng.integers(1, 30)))) / 8)
    if seed % 5 == 0:
        losses[0] = math.inf
    plain = PlainEarlyStopping(patience, min_delta)
    assert mlp.early_stopping(losses, patience, min_delta) == [plain.step(v) for v in losses]


def test_early_stopping_hand_cases():
    assert mlp.early_stopping([1.0, 1.0, 1.0, 1.0], 3) == [False, False, False, True]
    assert mlp.early_stopping([1.0, 0.75, 0.75], 1, 0.25) == [False, True, True]   # exactly min_delta
    assert mlp.early_stopping([math.inf, 5.0, 6.0], 1) == [False, False, True]
    assert mlp.early_stopping([2.0, 3.0, 1.0, 3.0, 0.5], 2) == [False, False, False, False, False]
    assert mlp.early_stopping([8.0, 4.0, 7.0, 6.0, 5.0], 3) == [False, False, False, False, True]
    assert mlp.early_stopping([2.0, 2.0, 0.0], 1) == [False, True, True]            # sticky
