"""Public checks: normalization.batchnorm_forward, batchnorm_backward, layernorm_forward and
layernorm_backward.

Batch normalisation standardises every feature (column of x, shape (N, D)) with the batch's
mean and biased variance in training mode, moves its running statistics towards the batch's
mean and UNBIASED variance, and standardises with the running statistics in evaluation mode.
Layer normalisation standardises every sample (row) over its features. Both then apply
gamma * x_hat + beta; the backward passes return (dx, dgamma, dbeta), the gradients of
sum(out * dout). Students receive this module (see `autograder.public`); the hidden part of
the suite is in ``autograder/suites/normalization.py``.
"""

from functools import lru_cache

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, assert_close,
                                 assert_unchanged, directional_check, dot, unpack,
                                 strategies as S)
from autograder.checking.compare import f64 as _f64, float_array as _float_array

batchnorm_forward = Exercise("normalization.batchnorm_forward", requires=("batchnorm_forward",))
batchnorm_backward = Exercise("normalization.batchnorm_backward",
                              requires=("batchnorm_forward", "batchnorm_backward"))
layernorm_forward = Exercise("normalization.layernorm_forward", requires=("layernorm_forward",))
layernorm_backward = Exercise("normalization.layernorm_backward",
                              requires=("layernorm_forward", "layernorm_backward"))

DEFAULT_MOMENTUM = 0.1
DEFAULT_EPS = 1e-5
#: Hyperparameter values, the default first (hypothesis shrinks towards it).
MOMENTA = (DEFAULT_MOMENTUM, 0.5, 0.9, 0.01, 1.0, 0.0)
EPSILONS = (DEFAULT_EPS, 1e-3, 0.1)

# Strategies built once (hypothesis validates a new strategy object on its first draw).
_sampled = lru_cache(maxsize=None)(st.sampled_from)
_integers = lru_cache(maxsize=None)(st.integers)
_BOOL = st.booleans()
_MOMENTUM = st.sampled_from(MOMENTA)
_EPS = st.sampled_from(EPSILONS)
_SPLIT = st.integers(0, 6)
_DIRECTION = st.sampled_from(("all", "x", "gamma", "beta"))


# ------------------------------------------------------------------ helpers

@st.composite
def with_fields(draw, cases, **fields):
    """Cases from ``cases`` with extra drawn fields (shown in the counterexample)."""
    case = draw(cases)
    return Case(case, **{k: draw(v) for k, v in fields.items()})


def _data(shape, style, seed, dtype, axis, spread=True):
    """x in ``style``; with ``spread``, each slice along ``axis`` (0: features, 1: rows) gets
    its own scale (10**-3.5 to 10, some well below sqrt(eps), so eps matters) and an offset of
    up to about ten times its largest magnitude."""
    x = S.build_array(shape, style, seed, np.float64)
    if spread and x.size:
        rng = np.random.default_rng(seed + 7)
        k = shape[1] if axis == 0 else shape[0]
        scale = np.where(rng.random(k) < 0.5, 1.0, 10.0 ** rng.uniform(-3.5, 1.0, k))
        # offsets of up to ten times the slice's own spread (not more: float32 keeps 7 digits)
        spread_of = np.abs(x).max(axis=axis) * scale
        offset = spread_of * rng.standard_normal(k) * rng.choice([0.0, 1.0, 10.0], k)
        if axis == 1:
            scale, offset = scale[:, None], offset[:, None]
        x = x * scale + offset
    return x.astype(dtype)


def _stats(x, axis):
    """Biased mean and variance along ``axis`` in float64 (the grader's own, for invariants)."""
    x = _f64(x)
    mean = x.mean(axis=axis)
    return mean, np.mean((x - np.expand_dims(mean, axis)) ** 2, axis=axis)


#: Passed as ``observed`` when the result checked is not the case's own: names no mistake.
_NOTHING = ()


def _hyper(case, names):
    """The hyperparameters of ``case`` as keywords, leaving out those at their defaults."""
    defaults = {"momentum": DEFAULT_MOMENTUM, "eps": DEFAULT_EPS, "train": True}
    return {k: case[k] for k in names if k in case and case[k] != defaults[k]}


# ================================================================== batch normalisation

@st.composite
def bn_cases(draw, train=None, min_n=None, max_n=6, max_d=4, dtype=None, spread=None,
             momenta=None):
    """x (N, D), gamma, beta, running_mean, running_var (D,), train, momentum and eps.

    Training needs N >= 2, evaluation takes N >= 1. The running variance spans 1e-6 to 10, so
    eps matters in evaluation mode too.
    """
    mode = draw(_BOOL) if train is None else train
    n = draw(_integers(2 if mode else 1, max_n) if min_n is None else _integers(min_n, max_n))
    d = draw(S.dims(1, max_d))
    dt = draw(S.dtypes()) if dtype is None else dtype
    seed = draw(S.seeds())
    x = _data((n, d), draw(S.styles()), seed, dt, 0, draw(_BOOL) if spread is None else spread)
    rng = np.random.default_rng(seed + 1)
    g_style = draw(S.styles(("normal", "small_int", "wide")))
    case = Case(x=x, gamma=S.build_array((d,), g_style, seed + 2, dt),
                beta=S.build_array((d,), draw(S.styles(("normal", "small_int", "wide"))), seed + 3, dt),
                running_mean=(rng.standard_normal(d) * 2).astype(dt),
                running_var=(10.0 ** rng.uniform(-6, 1, d)).astype(dt),
                train=mode, momentum=draw(_MOMENTUM if momenta is None else _sampled(momenta)),
                eps=draw(_EPS))
    return case


def bn_example(n, d, train=True, seed=0, style="small_int", dtype=np.float64, momentum=0.1,
               eps=1e-5, spread=False, running_var=None, **override):
    rng = np.random.default_rng(seed + 1)
    case = Case(x=_data((n, d), style, seed, dtype, 0, spread),
                gamma=(rng.uniform(0.5, 2.0, d) * rng.choice([-1.0, 1.0], d)).astype(dtype),
                beta=rng.standard_normal(d).astype(dtype),
                running_mean=(rng.standard_normal(d) * 2).astype(dtype),
                running_var=(rng.uniform(0.5, 3.0, d) if running_var is None
                             else np.full(d, running_var)).astype(dtype),
                train=train, momentum=momentum, eps=eps)
    case.update({k: np.asarray(v, dtype=dtype) for k, v in override.items()})
    return case


BN_EDGE = (
    bn_example(3, 3),                                                   # training, square
    bn_example(2, 4, style="normal", momentum=0.5),                     # N = 2: unbiased = 2 biased
    bn_example(1, 3, train=False, running_var=1e-6),                    # eval, one sample, eps big
    bn_example(4, 2, x=[[1e-4, 3.0], [-1e-4, -1.0], [2e-4, 2.0], [0.0, 0.0]]),  # var << eps
    bn_example(5, 3, style="large", dtype=np.float32, spread=True, seed=4),
    bn_example(4, 3, train=False, style="normal", seed=2),
    bn_example(3, 2, momentum=1.0, eps=0.1, style="normal", seed=5),
    bn_example(2, 1, style="ties", x=[[0.5], [0.5]]),                    # a constant feature
    bn_example(6, 2, style="normal", dtype=np.float32, seed=6,           # offset 300 x spread
               x=100.0 + 0.3 * np.random.default_rng(6).standard_normal((6, 2))),
)


def _bn_kwargs(case, **override):
    kw = _hyper(case, ("train", "momentum", "eps"))
    kw.update(override)
    return kw


def _bn_call(student, case, x=None, rm=None, rv=None, **override):
    """The student's forward on ``case`` (x, running statistics and keywords overridable);
    returns (out, running_mean, running_var), checked."""
    x = case.x if x is None else x
    rm = case.running_mean if rm is None else rm
    rv = case.running_var if rv is None else rv
    raw = student.call("batchnorm_forward", x, case.gamma, case.beta, rm, rv,
                       **_bn_kwargs(case, **override))
    return _bn_result(raw, x.shape, "batchnorm_forward")


def _bn_result(raw, shape, what):
    got = unpack(raw, 4, what)[:3]
    names = ("out", "the new running_mean", "the new running_var")
    shapes = (shape, shape[1:], shape[1:])
    return tuple(_float_array(v, f"{name} of {what}", got, s) for v, name, s in zip(got, names, shapes))


@batchnorm_forward.property("returns (out, running_mean, running_var, cache): float arrays of "
                            "shapes (N, D), (D,) and (D,), in training and in evaluation mode, "
                            "for float32 and float64 inputs", cases=bn_cases(), public=True,
                            weight=1, max_examples=6, examples=(BN_EDGE[2], BN_EDGE[4]),
                            hint="Reduce over the batch axis only (axis=0, without keepdims for "
                                 "the running statistics) and return the four values in this "
                                 "order, the cache last.")
def bn_shapes(student, case):
    _bn_call(student, case)


@batchnorm_forward.property("in training mode with gamma = 1 and beta = 0, every feature of out "
                            "has mean 0 and biased variance var / (var + eps), var being the "
                            "feature's biased batch variance (so 1 when var is well above eps); "
                            "general gamma and beta give gamma * that + beta",
                            cases=bn_cases(train=True), public=True, weight=1.5, max_examples=9,
                            examples=(BN_EDGE[0], BN_EDGE[1], BN_EDGE[3]),
                            hint="Normalise each column with its batch mean and its BIASED "
                                 "variance (np.var's default ddof=0), with eps inside the "
                                 "square root: (x - mean) / np.sqrt(var + eps).")
def bn_training_statistics(student, case):
    d = case.x.shape[1]
    unit = Case(case, gamma=np.ones(d, case.x.dtype), beta=np.zeros(d, case.x.dtype))
    plain = _bn_call(student, unit)
    out = _f64(plain[0])
    _, var = _stats(case.x, 0)
    got_mean, got_var = _stats(out, 0)
    want_var = var / (var + case.eps)
    n = case.x.shape[0]
    # (results for gamma = 1 and beta = 0 are not the case's: no mistake is named from them)
    assert_close(got_mean, np.zeros(d), name="the mean over the batch of each feature of out "
                 "(gamma = 1, beta = 0)", scale=np.full(d, np.sqrt(n)), observed=_NOTHING)
    assert_close(got_var, want_var, name="the biased variance over the batch of each feature of "
                 "out (gamma = 1, beta = 0), expected var / (var + eps)", scale=want_var * 10,
                 observed=_NOTHING)
    full = _bn_call(student, case)
    g, b = _f64(case.gamma), _f64(case.beta)
    assert_close(full[0], g * out + b, name="out with the case's gamma and beta, compared with "
                 "gamma * (out with gamma = 1 and beta = 0) + beta",
                 scale=np.abs(g) * (np.abs(out) + 1) + np.abs(b), observed=full)


@batchnorm_forward.property("in training mode, momentum = 0 leaves the running statistics as "
                            "they were and momentum = 1 replaces them by the batch mean and the "
                            "UNBIASED batch variance (divided by N - 1)",
                            cases=bn_cases(train=True, momenta=(0.0, 1.0)), public=True,
                            weight=1, max_examples=8,
                            examples=(Case(BN_EDGE[1], momentum=1.0), Case(BN_EDGE[0], momentum=0.0)),
                            hint="new = (1 - momentum) * running + momentum * batch statistic, "
                                 "with momentum weighing the NEW batch statistic, and the "
                                 "unbiased variance var * N / (N - 1) in the running variance "
                                 "(the normalisation itself uses the biased one).")
def bn_running_extremes(student, case):
    n = case.x.shape[0]
    mean, var = _stats(case.x, 0)
    got = _bn_call(student, case)
    if case.momentum == 0.0:
        rm, rv = _f64(case.running_mean), _f64(case.running_var)
        assert_close(got[1], rm, name="running_mean after a training call with momentum = 0",
                     observed=got)
        assert_close(got[2], rv, name="running_var after a training call with momentum = 0",
                     observed=got)
        return
    # At momentum = 1, weighing the old statistics by momentum looks exactly like not updating
    # them: no mistake is named from these results (the hidden checks tell the two apart).
    # Sizes: the old statistics count too (old + momentum * (new - old) rounds at their size).
    assert_close(got[1], mean, name="running_mean after a training call with momentum = 1 "
                 "(expected the batch mean)", observed=_NOTHING,
                 scale=np.abs(_f64(case.x)).mean(axis=0) + np.abs(_f64(case.running_mean)))
    assert_close(got[2], var * n / (n - 1), name="running_var after a training call with "
                 "momentum = 1 (expected the unbiased batch variance, divided by N - 1)",
                 scale=np.mean(_f64(case.x) ** 2, axis=0) * n / (n - 1)
                 + np.abs(_f64(case.running_var)), observed=_NOTHING)


@batchnorm_forward.property("in evaluation mode the running statistics come back unchanged and "
                            "each sample is normalised with them alone: evaluating the batch in "
                            "two parts gives the same rows, and running statistics equal to the "
                            "batch's mean and biased variance reproduce the training output",
                            cases=with_fields(bn_cases(train=False, min_n=2), split=_SPLIT),
                            public=True, weight=1.5, max_examples=6,
                            examples=(Case(BN_EDGE[5], split=1), Case(BN_EDGE[2], split=0)),
                            hint="With train=False do not compute batch statistics at all: "
                                 "out = gamma * (x - running_mean) / np.sqrt(running_var + eps) "
                                 "+ beta, and return copies of the running statistics.")
def bn_eval_mode(student, case):
    split = case.split
    got = _bn_call(student, case)
    for name, g, w in (("running_mean", got[1], case.running_mean),
                       ("running_var", got[2], case.running_var)):
        if not np.array_equal(_f64(g), _f64(w)):
            raise Failure(f"in evaluation mode the returned {name} differs from the one passed "
                          "in; evaluation must leave the running statistics unchanged.",
                          observed=got)
    k = min(split, case.x.shape[0])
    g, b = _f64(case.gamma), _f64(case.beta)
    x_hat = np.abs(_f64(case.x) - _f64(case.running_mean)) / np.sqrt(_f64(case.running_var) + case.eps)
    scale = np.abs(g) * (x_hat + 1) + np.abs(b)
    if 0 < k < case.x.shape[0]:
        top = _bn_call(student, case, x=case.x[:k])[0]
        bottom = _bn_call(student, case, x=case.x[k:])[0]
        assert_close(np.vstack([top, bottom]), got[0], name=f"the evaluation outputs of x[:{k}] "
                     f"and x[{k}:] stacked, compared with the evaluation output of x",
                     scale=scale, observed=got)
    if case.x.shape[0] >= 2 and case.x.dtype == np.float64:  # float32 would round var
        mean, var = _stats(case.x, 0)
        trained = _bn_call(student, case, train=True)[0]
        same = _bn_call(student, case, rm=mean, rv=var)[0]
        assert_close(same, trained, name="the evaluation output with running_mean = the batch "
                     "mean and running_var = the biased batch variance, compared with the "
                     "training output", scale=np.abs(g) * (np.sqrt(case.x.shape[0]) + 1) + np.abs(b),
                     observed=got)


@batchnorm_forward.property("does not modify its inputs (x, gamma, beta, running_mean, "
                            "running_var), in training and evaluation mode",
                            cases=bn_cases(), public=True, weight=0.5, max_examples=5,
                            examples=(BN_EDGE[0],), standalone=False,
                            hint="Compute new running statistics (running_mean = (1 - momentum) "
                                 "* running_mean + ...) instead of updating them in place with "
                                 "*= or +=: the caller keeps the old arrays.")
def bn_inputs_unchanged(student, case):
    names = ("x", "gamma", "beta", "running_mean", "running_var")
    _, args, _ = student.call("batchnorm_forward", *(case[k] for k in names), echo=True,
                              **_bn_kwargs(case))
    assert_unchanged([case[k] for k in names[:3]], args[:3], names[:3])
    assert_unchanged([case[k] for k in names[3:]], args[3:], names[3:],
                     mistake="running_stats_in_place")


batchnorm_forward.behavioural_mistake(
    "running_stats_in_place", "updating running_mean or running_var in place",
    "running_mean *= 1 - momentum (or +=, or np.multiply(..., out=...)) changes the caller's "
    "array; compute the new statistics as new arrays and return them.")


# ------------------------------------------------------------------ shared by both backward passes

def _grads(raw, case, what):
    grads = unpack(raw, 3, what)
    d = case.x.shape[1]
    for name, g, shape in zip(("dx", "dgamma", "dbeta"), grads, (case.x.shape, (d,), (d,))):
        _float_array(g, name, grads, shape)
        if not np.all(np.isfinite(g)):
            raise Failure(f"{name} contains non-finite values (nan or inf) although every input "
                          "is finite.", observed=grads)
    return grads


def _backward_cases(forward_cases):
    @st.composite
    def cases(draw):
        case = draw(forward_cases)
        seed = draw(S.seeds())
        return Case(case, dout=S.build_array(case.x.shape, draw(S.styles(("normal", "small_int",
                                                                          "wide", "ties"))),
                                             seed, case.x.dtype))
    return cases()


def _with_dout(case, seed=11, style="normal"):
    return Case(case, dout=S.build_array(case.x.shape, style, seed, case.x.dtype))


class _Layer:
    """What the backward properties need to know about one normalisation layer."""

    def __init__(self, name, axis, call_forward):
        self.name, self.axis, self.call_forward = name, axis, call_forward

    def backward(self, student, case, dout=None, echo=False):
        out, cache = self.call_forward(student, case, keep=True)
        raw = student.call(f"{self.name}_backward", case.dout if dout is None else dout, cache,
                           echo=echo)
        return (raw, cache) if echo else raw

    def grads(self, student, case, dout=None):
        return _grads(self.backward(student, case, dout), case, f"{self.name}_backward")

    def std(self, x, eps):
        _, var = _stats(x, self.axis)
        return np.expand_dims(np.sqrt(var + eps), self.axis)

    def scales(self, case, dout_abs):
        """Sizes of the terms summed in dx, dgamma and dbeta for |dout| = ``dout_abs``:
        |g| / std + mean|g| / std + |x_hat| mean(|g| |x_hat|) / std with g = dout * gamma."""
        x = _f64(case.x)
        std = self.std(x, case.eps)
        x_hat = np.abs(x - np.expand_dims(x.mean(axis=self.axis), self.axis)) / std
        g = dout_abs * np.abs(_f64(case.gamma))
        mean = lambda v: np.mean(v, axis=self.axis, keepdims=True)  # noqa: E731
        dx = (g + mean(g) + x_hat * mean(g * x_hat)) / std
        return dx, np.sum(dout_abs * x_hat, axis=0), np.sum(dout_abs, axis=0)


def _register_backward(ex, layer, cases, edge):
    """The public properties of a backward pass (shapes, finite differences, linearity, the
    sum of dx, dout and cache unchanged)."""
    reduce = "over the batch (each feature)" if layer.axis == 0 else "over each row (the features)"

    @ex.property("returns a tuple (dx, dgamma, dbeta) of finite float arrays shaped like x, gamma "
                 "and beta", cases=cases, public=True, weight=1, max_examples=5,
                 examples=edge[:2],
                 hint="dgamma and dbeta have one entry per feature: sum over the batch axis "
                      "(axis=0) without keepdims.")
    def backward_shapes(student, case):
        layer.grads(student, case)

    @ex.property("the gradients agree with central finite differences of your own "
                 f"{layer.name}_forward{' (training mode)' if layer.axis == 0 else ''} along a "
                 "random direction", cases=with_fields(cases, perturb=_DIRECTION,
                                                       direction_seed=S.seeds()),
                 public=True, weight=2, max_examples=9,
                 examples=tuple(Case(c, perturb=w, direction_seed=0)
                                for c, w in zip(edge[:3], ("x", "gamma", "all"))),
                 hint="With g = dout * gamma: dbeta = dout.sum(axis=0), dgamma = (dout * "
                      "x_hat).sum(axis=0), and dx = (g - mean(g) - x_hat * mean(g * x_hat)) / "
                      f"std with the means taken {reduce}: x moves the mean and the variance "
                      "too.")
    def backward_finite_differences(student, case):
        which, seed = case.perturb, case.direction_seed
        grads = layer.grads(student, case)
        rng = np.random.default_rng(seed)
        x, gamma, beta = _f64(case.x), _f64(case.gamma), _f64(case.beta)
        std = layer.std(x, case.eps)
        vx = rng.standard_normal(x.shape) * std if which in ("all", "x") else np.zeros(x.shape)
        vg = (rng.standard_normal(gamma.shape) * (np.abs(gamma) + 1) if which in ("all", "gamma")
              else np.zeros(gamma.shape))
        vb = (rng.standard_normal(beta.shape) * (np.abs(beta) + 1) if which in ("all", "beta")
              else np.zeros(beta.shape))
        dout = _f64(case.dout)

        def loss(t):
            moved = Case(case, x=x + t * vx, gamma=gamma + t * vg, beta=beta + t * vb)
            out = layer.call_forward(student, moved)[0]
            return float(np.sum(_f64(out) * dout))

        analytic = dot(grads, (vx, vg, vb))
        n = np.sqrt(x.shape[layer.axis])  # |x_hat| <= sqrt(number of entries normalised together)
        scale = float(np.sum(np.abs(dout) * (np.abs(gamma) * (np.abs(vx) / std + 2)
                                             + np.abs(vg) * n + np.abs(vb))))
        try:
            directional_check(loss, analytic, 1e-2, scale=scale, rtol=2e-3,
                              what=f"the gradients (direction changes "
                                   f"{'x, gamma and beta' if which == 'all' else which})")
        except Failure as f:
            f.observed = grads
            raise

    @ex.property("is linear in dout: the gradients for dout + 2 * dout2 are those for dout plus "
                 "twice those for dout2", cases=with_fields(cases, dout2_seed=S.seeds()), public=True,
                 weight=1, max_examples=5,
                 hint="Every gradient is a product of dout with values saved by the forward "
                      "pass; nothing else may depend on dout.")
    def backward_linear_in_dout(student, case):
        dout2 = S.build_array(case.x.shape, "normal", case.dout2_seed, case.x.dtype)
        mixed = (_f64(case.dout) + 2 * _f64(dout2)).astype(case.x.dtype)
        out, cache = layer.call_forward(student, case, keep=True)
        what = f"{layer.name}_backward"
        g1, g2, g12 = (_grads(student.call(what, d, cache), case, what)
                       for d in (case.dout, dout2, mixed))
        scales = layer.scales(case, np.abs(_f64(case.dout)) + 2 * np.abs(_f64(dout2)))
        for name, a, b, c, s in zip(("dx", "dgamma", "dbeta"), g1, g2, g12, scales):
            assert_close(c, _f64(a) + 2 * _f64(b), name=f"{name} for dout + 2 * dout2, compared "
                         f"with {name} for dout plus twice {name} for dout2", scale=s,
                         observed=g1)

    @ex.property(f"dx sums to 0 {reduce}, for any dout: adding a constant to "
                 f"{'a feature column' if layer.axis == 0 else 'a row'} of x does not change out",
                 cases=cases, public=True, weight=1, max_examples=6, examples=edge[:1],
                 hint="The mean is computed from x too: dx needs the term - mean(g) / std (with "
                      "g = dout * gamma) that comes through the mean.")
    def backward_dx_sums_to_zero(student, case):
        grads = layer.grads(student, case)
        dx = _f64(grads[0])
        size = np.sum(layer.scales(case, np.abs(_f64(case.dout)))[0], axis=layer.axis)
        assert_close(dx.sum(axis=layer.axis), np.zeros(size.shape),
                     name=f"the sum of dx {reduce}", scale=size, observed=grads)

    @ex.property("does not modify dout or the cache: a second backward call on the same cache "
                 "gives the same gradients", cases=cases, public=True, weight=0.5,
                 max_examples=4, standalone=False)
    def backward_inputs_unchanged(student, case):
        (first, args, _), cache = layer.backward(student, case, echo=True)
        assert_unchanged([case.dout], args[:1], ["dout"])
        what = f"{layer.name}_backward"
        first = _grads(first, case, what)
        second = _grads(student.call(what, case.dout, cache), case, what)
        for name, a, b in zip(("dx", "dgamma", "dbeta"), first, second):
            if a.shape != b.shape or not np.array_equal(a, b, equal_nan=True):
                raise Failure(f"a second call of {what} on the same cache returned a different "
                              f"{name}: your backward modifies the cache (or dout) in place. "
                              "Compute new arrays instead.")

    return (backward_shapes, backward_finite_differences, backward_linear_in_dout,
            backward_dx_sums_to_zero, backward_inputs_unchanged)


# ------------------------------------------------------------------ batchnorm_backward

def _bn_train_forward(student, case, keep=False):
    """A training-mode forward on ``case`` (running statistics 0 and 1), for the backward."""
    d = case.x.shape[1]
    dt = np.asarray(case.x).dtype
    kw = {} if case.eps == DEFAULT_EPS else {"eps": case.eps}
    raw = student.call("batchnorm_forward", case.x, case.gamma, case.beta, np.zeros(d, dt),
                       np.ones(d, dt), keep=(3,) if keep else (), **kw)
    got = unpack(raw, 4, "batchnorm_forward")
    out = _float_array(got[0], "out of batchnorm_forward", None, case.x.shape)
    return out, got[3]


BN_BACKWARD_CASES = _backward_cases(bn_cases(train=True, max_n=5))
BN_BACKWARD_EDGE = tuple(_with_dout(c, seed=i) for i, c in enumerate(
    (BN_EDGE[0], BN_EDGE[1], BN_EDGE[3], BN_EDGE[4], BN_EDGE[6], BN_EDGE[7],
     bn_example(6, 2, style="normal", eps=0.1, spread=True, seed=9))))
BN_LAYER = _Layer("batchnorm", 0, _bn_train_forward)
_register_backward(batchnorm_backward, BN_LAYER, BN_BACKWARD_CASES, BN_BACKWARD_EDGE)


# ================================================================== layer normalisation

@st.composite
def ln_cases(draw, min_n=0, max_n=5, max_d=5, dtype=None, spread=None, styles=S.STYLES, eps=None):
    """x (N, D) with N >= 0 and D >= 1, gamma, beta (D,) and eps."""
    n = draw(_integers(min_n, max_n))
    d = draw(S.dims(1, max_d))
    dt = draw(S.dtypes()) if dtype is None else dtype
    seed = draw(S.seeds())
    x = _data((n, d), draw(S.styles(styles)), seed, dt, 1, draw(_BOOL) if spread is None else spread)
    return Case(x=x, gamma=S.build_array((d,), draw(S.styles(("normal", "small_int", "wide"))),
                                         seed + 2, dt),
                beta=S.build_array((d,), draw(S.styles(("normal", "small_int", "wide"))), seed + 3, dt),
                eps=draw(_EPS) if eps is None else eps)


def ln_example(n, d, seed=0, style="small_int", dtype=np.float64, eps=1e-5, spread=False,
               **override):
    rng = np.random.default_rng(seed + 1)
    case = Case(x=_data((n, d), style, seed, dtype, 1, spread),
                gamma=(rng.uniform(0.5, 2.0, d) * rng.choice([-1.0, 1.0], d)).astype(dtype),
                beta=rng.standard_normal(d).astype(dtype), eps=eps)
    case.update({k: np.asarray(v, dtype=dtype) for k, v in override.items()})
    return case


LN_EDGE = (
    ln_example(3, 3),                                                   # square: keepdims matters
    ln_example(2, 4, style="normal"),
    ln_example(3, 2, x=[[1e-4, -1e-4], [3.0, -1.0], [2e-4, 0.0]]),      # a row with var << eps
    ln_example(1, 5, style="normal", seed=3),                           # batch of one
    ln_example(0, 3),                                                   # empty batch
    ln_example(4, 1, style="normal"),                                   # one feature: out = beta
    ln_example(3, 6, style="large", dtype=np.float32, spread=True, seed=4),
    ln_example(2, 3, eps=0.1, style="normal", seed=5),
    ln_example(2, 2, x=[[0.5, 0.5], [2.0, -1.0]]),                       # a constant row
    ln_example(3, 5, style="normal", dtype=np.float32, seed=6,           # offset 300 x spread
               x=-100.0 + 0.3 * np.random.default_rng(6).standard_normal((3, 5))),
)


def _ln_call(student, case, x=None, keep=False):
    x = case.x if x is None else x
    kw = {} if case.eps == DEFAULT_EPS else {"eps": case.eps}
    raw = student.call("layernorm_forward", x, case.gamma, case.beta, keep=(1,) if keep else (), **kw)
    got = unpack(raw, 2, "layernorm_forward")
    out = _float_array(got[0], "out of layernorm_forward", got[0], x.shape)
    return out, got[1]


@layernorm_forward.property("returns (out, cache) with out a float array of x's shape (N, D), "
                            "also for N = 0, N = 1 and D = 1", cases=ln_cases(), public=True,
                            weight=1, max_examples=7,
                            examples=(LN_EDGE[3], LN_EDGE[4], LN_EDGE[5]),
                            hint="Reduce over the last axis with keepdims=True, so the statistics "
                                 "have shape (N, 1) and broadcast against x for any N.")
def ln_shapes(student, case):
    _ln_call(student, case)


@layernorm_forward.property("with gamma = 1 and beta = 0, every row of out has mean 0 and biased "
                            "variance var / (var + eps), var being the row's biased variance (so "
                            "1 when var is well above eps); general gamma and beta give gamma * "
                            "that + beta", cases=ln_cases(min_n=1), public=True, weight=1.5,
                            max_examples=9, examples=(LN_EDGE[0], LN_EDGE[2], LN_EDGE[1]),
                            hint="Normalise each ROW (axis=-1, keepdims=True) with its mean and "
                                 "BIASED variance, eps inside the square root, then apply gamma "
                                 "(scale) and beta (shift) per feature.")
def ln_row_statistics(student, case):
    d = case.x.shape[1]
    unit = Case(case, gamma=np.ones(d, case.x.dtype), beta=np.zeros(d, case.x.dtype))
    out = _ln_call(student, unit)[0]
    plain = _f64(out)
    _, var = _stats(case.x, 1)
    got_mean, got_var = _stats(plain, 1)
    want_var = var / (var + case.eps)
    assert_close(got_mean, np.zeros(len(var)), name="the mean of each row of out (gamma = 1, "
                 "beta = 0)", scale=np.full(len(var), np.sqrt(d)), observed=_NOTHING)
    assert_close(got_var, want_var, name="the biased variance of each row of out (gamma = 1, "
                 "beta = 0), expected var / (var + eps)", scale=want_var * 10, observed=_NOTHING)
    full = _ln_call(student, case)[0]
    g, b = _f64(case.gamma), _f64(case.beta)
    assert_close(full, g * plain + b, name="out with the case's gamma and beta, compared with "
                 "gamma * (out with gamma = 1 and beta = 0) + beta",
                 scale=np.abs(g) * (np.abs(plain) + 1) + np.abs(b), observed=full)


SHIFTS = (3.0, -100.0, 1000.0, 0.25)
SCALES = (2.0, 0.25, 8.0, 0.5)


@layernorm_forward.property("is unchanged when a constant is added to a row or a row is "
                            "multiplied by c > 0 (rows whose variance is well above eps)",
                            cases=with_fields(ln_cases(min_n=1, dtype=np.float64, spread=False,
                                                       styles=("normal", "small_int", "large"),
                                                       eps=DEFAULT_EPS),
                                              change_seed=S.seeds()),
                            public=True, weight=1, max_examples=7,
                            examples=(Case(LN_EDGE[0], change_seed=0), Case(LN_EDGE[1], change_seed=1)),
                            hint="Each row is standardised with its OWN mean and standard "
                                 "deviation (over axis -1), which move with the row.")
def ln_row_invariances(student, case):
    rng = np.random.default_rng(case.change_seed)
    n = case.x.shape[0]
    x = _f64(case.x)
    shift = rng.choice(SHIFTS, size=(n, 1))
    scale = rng.choice(SCALES, size=(n, 1))
    base = _f64(_ln_call(student, case)[0])
    moved = _f64(_ln_call(student, case, x=x + shift)[0])
    scaled = _f64(_ln_call(student, case, x=x * scale)[0])
    _, var = _stats(x, 1)
    # rows where eps changes the output by less than about 1e-4 of its size, scaled or not
    rows = np.minimum(var, var * scale[:, 0] ** 2) > 5e3 * case.eps
    g, b = _f64(case.gamma), _f64(case.beta)
    size = (np.abs(g) * (np.sqrt(x.shape[1]) + 1) + np.abs(b))[None, :] * np.ones((n, 1))
    assert_close(moved[rows], base[rows], name="out after adding a constant to each row, compared "
                 "with out", scale=size[rows], observed=base)
    assert_close(scaled[rows], base[rows], name="out after multiplying each row by c > 0, "
                 "compared with out", scale=size[rows], observed=base)


@layernorm_forward.property("each sample is normalised independently: the output of a batch is "
                            "the outputs of its two parts stacked",
                            cases=with_fields(ln_cases(min_n=2), split=_SPLIT), public=True,
                            weight=1, max_examples=6, examples=(Case(LN_EDGE[0], split=1),),
                            hint="Take the mean and variance over each row's features (axis=-1), "
                                 "never over the batch axis.")
def ln_rows_independent(student, case):
    split = case.split
    k = min(max(split, 1), case.x.shape[0] - 1)
    whole = _ln_call(student, case)[0]
    top = _ln_call(student, case, x=case.x[:k])[0]
    bottom = _ln_call(student, case, x=case.x[k:])[0]
    g, b = _f64(case.gamma), _f64(case.beta)
    assert_close(np.vstack([top, bottom]), whole, name=f"the outputs of x[:{k}] and x[{k}:] "
                 "stacked, compared with the output of x",
                 scale=np.abs(g) * (np.sqrt(case.x.shape[1]) + 1) + np.abs(b), observed=whole)


@layernorm_forward.property("does not modify its inputs", cases=ln_cases(), public=True,
                            weight=0.5, max_examples=4, standalone=False)
def ln_inputs_unchanged(student, case):
    names = ("x", "gamma", "beta")
    kw = {} if case.eps == DEFAULT_EPS else {"eps": case.eps}
    _, args, _ = student.call("layernorm_forward", *(case[k] for k in names), echo=True, **kw)
    assert_unchanged([case[k] for k in names], args, names)


# ------------------------------------------------------------------ layernorm_backward

def _ln_forward(student, case, keep=False):
    return _ln_call(student, case, keep=keep)


LN_BACKWARD_CASES = _backward_cases(ln_cases(min_n=1))
LN_BACKWARD_EDGE = tuple(_with_dout(c, seed=i) for i, c in enumerate(
    (LN_EDGE[0], LN_EDGE[1], LN_EDGE[2], LN_EDGE[6], LN_EDGE[7], LN_EDGE[8], LN_EDGE[5],
     LN_EDGE[3])))
LN_LAYER = _Layer("layernorm", 1, _ln_forward)
_register_backward(layernorm_backward, LN_LAYER, LN_BACKWARD_CASES, LN_BACKWARD_EDGE)
