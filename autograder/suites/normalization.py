"""Hidden suites: normalization.batchnorm_forward, batchnorm_backward, layernorm_forward and
layernorm_backward.

The exercises, their strategies and their public properties are in
``autograder/public/normalization.py``; this module adds the hidden properties and the
mistakes recognised by value. A batch-normalisation result is compared with the catalog as
(out, running_mean, running_var) for one call, and as (outs of the training calls, final
running_mean, final running_var, evaluation out) for a sequence of calls; backward results as
(dx, dgamma, dbeta).
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import Case, assert_close, close, strategies as S
from autograder.public.normalization import (BN_BACKWARD_CASES, BN_BACKWARD_EDGE, BN_EDGE, BN_LAYER,
                                             DEFAULT_EPS,
                                             LN_BACKWARD_CASES, LN_BACKWARD_EDGE, LN_EDGE, LN_LAYER,
                                             _MOMENTUM, _EPS, _bn_call, _bn_result, _data, _f64,
                                             _hyper, _ln_call, batchnorm_backward,
                                             batchnorm_forward, bn_cases, layernorm_backward,
                                             layernorm_forward, ln_cases)
from reference import normalization as ref


# ================================================================== batchnorm_forward

def _eps_applies(case, flags):
    """Without eps and with a hard-coded default eps look alike unless eps is the default (then
    only the first is a mistake): each is named only where it can be told apart."""
    if flags.get("no_eps") and case.eps != DEFAULT_EPS:
        raise ValueError("eps is not the default: a missing eps looks like an ignored one")
    if flags.get("fixed_eps") is not None and case.eps == DEFAULT_EPS:
        raise ValueError("the default eps: a hard-coded one is harmless")


_STEPS = st.integers(3, 5)
_SEQ_N = st.integers(2, 5)


@st.composite
def sequence_cases(draw):
    """3 to 5 training batches of one shape, from non-zero running statistics, then one
    evaluation batch; each call is fed the running statistics the previous one returned."""
    steps = draw(_STEPS)
    n = draw(_SEQ_N)
    d = draw(S.dims(1, 4))
    dt = draw(S.dtypes())
    seed = draw(S.seeds())
    style = draw(S.styles(("normal", "small_int", "wide", "tiny", "ties")))
    rng = np.random.default_rng(seed + 1)
    xs = np.stack([_data((n, d), style, seed + 10 * k, np.float64, 0, True) for k in range(steps)])
    return Case(xs=xs.astype(dt), x_eval=_data((n + 1, d), "normal", seed + 5, dt, 0, False),
                gamma=(rng.standard_normal(d) * 2).astype(dt), beta=rng.standard_normal(d).astype(dt),
                running_mean=(rng.standard_normal(d) * 3).astype(dt),
                running_var=rng.uniform(0.2, 4.0, d).astype(dt),
                momentum=draw(_MOMENTUM), eps=draw(_EPS))


def _bn(x, gamma, beta, rm, rv, train, momentum, eps, *, biased_running=False, reversed_=False,
        unbiased_norm=False, eval_batch=False, eps_outside=False, frozen=False, no_eps=False,
        fixed_eps=None):
    """Batch normalisation with one or more known mistakes switched on; float64."""
    x, gamma, beta, rm, rv = (_f64(v) for v in (x, gamma, beta, rm, rv))
    eps = eps if fixed_eps is None else fixed_eps
    n = x.shape[0]
    mean = x.mean(axis=0)
    var = np.mean((x - mean) ** 2, axis=0)
    if train or eval_batch:
        norm_var = var * n / (n - 1) if unbiased_norm else var
        centre = mean
    else:
        centre, norm_var = rm, rv
    if eps_outside:
        x_hat = (x - centre) / (np.sqrt(norm_var) + eps)
    else:
        x_hat = (x - centre) / np.sqrt(norm_var + (0.0 if no_eps else eps))
    out = gamma * x_hat + beta
    if train and not frozen:
        running = var if biased_running else var * n / (n - 1)
        keep, take = (momentum, 1 - momentum) if reversed_ else (1 - momentum, momentum)
        rm, rv = keep * rm + take * mean, keep * rv + take * running
    return out, rm, rv


def _bn_run(case, step, **flags):
    """One call, or a sequence of training calls then one evaluation call."""
    if "xs" not in case:
        return step(case.x, case.gamma, case.beta, case.running_mean, case.running_var,
                    case.train, case.momentum, case.eps, **flags)
    rm, rv = case.running_mean, case.running_var
    outs = []
    for x in case.xs:
        out, rm, rv = step(x, case.gamma, case.beta, rm, rv, True, case.momentum, case.eps, **flags)
        outs.append(out)
    out_eval = step(case.x_eval, case.gamma, case.beta, rm, rv, False, case.momentum, case.eps,
                    **flags)[0]
    return np.stack(outs), rm, rv, out_eval


def _reference_step(x, gamma, beta, rm, rv, train, momentum, eps):
    return ref.batchnorm_forward(x, gamma, beta, rm, rv, train=train, momentum=momentum, eps=eps)


def _bn_reference(case):
    return _bn_run(case, _reference_step)


def _bn_scales(x, gamma, beta, rm, rv, train, momentum, eps):
    """Sizes of the terms of (out, running_mean, running_var) of one call."""
    x, gamma, beta, rm, rv = (_f64(v) for v in (x, gamma, beta, rm, rv))
    n = x.shape[0]
    if train:
        mean = x.mean(axis=0)
        x_hat = np.abs(x - mean) / np.sqrt(np.mean((x - mean) ** 2, axis=0) + eps)
        second = np.mean(x * x, axis=0) * n / (n - 1)
        # the old statistics count fully: old + momentum * (new - old) rounds at their size
        return (np.abs(gamma) * (x_hat + 1) + np.abs(beta), np.abs(rm) + np.abs(x).mean(axis=0),
                np.abs(rv) + second)
    x_hat = np.abs(x - rm) / np.sqrt(rv + eps)
    return np.abs(gamma) * (x_hat + 1) + np.abs(beta), np.abs(rm), np.abs(rv)


@batchnorm_forward.property("agrees with the reference batch normalisation on generated inputs "
                            "(training and evaluation, N = 1 in evaluation, features with "
                            "variance below eps, any momentum and eps, float32 and float64)",
                            cases=bn_cases(), public=False, weight=3, examples=BN_EDGE,
                            max_examples=18)
def bn_matches_reference(student, case):
    got = _bn_call(student, case)
    want = _bn_reference(case)
    scales = _bn_scales(case.x, case.gamma, case.beta, case.running_mean, case.running_var,
                        case.train, case.momentum, case.eps)
    for name, g, w, sc in zip(("out", "the new running_mean", "the new running_var"), got, want,
                              scales):
        assert_close(g, w, name=name, scale=sc, observed=got)


@batchnorm_forward.property("over 3 to 5 training calls from non-zero running statistics, each "
                            "fed the statistics the previous call returned, then one evaluation "
                            "call, every output and the final running statistics agree with the "
                            "reference", cases=sequence_cases(), public=False, weight=2,
                            max_examples=6,
                            hint="Return the updated running statistics (the caller feeds them "
                                 "into the next call): running = (1 - momentum) * running + "
                                 "momentum * batch statistic, with the unbiased variance.")
def bn_sequence(student, case):
    kw = _hyper(case, ("momentum", "eps"))
    rm, rv = case.running_mean, case.running_var
    outs = []
    for x in case.xs:
        raw = student.call("batchnorm_forward", x, case.gamma, case.beta, rm, rv, **kw)
        out, rm, rv = _bn_result(raw, x.shape, "batchnorm_forward")
        outs.append(out)
    raw = student.call("batchnorm_forward", case.x_eval, case.gamma, case.beta, rm, rv,
                       train=False, **kw)
    out_eval = _bn_result(raw, case.x_eval.shape, "batchnorm_forward")[0]
    got = (np.stack([_f64(o) for o in outs]), rm, rv, out_eval)
    want = _bn_reference(case)
    # sizes: the outputs as in one call; the running statistics bounded by the largest inputs
    xs = _f64(case.xs)
    n = xs.shape[1]
    big_mean = np.maximum(np.abs(_f64(case.running_mean)), np.abs(xs).max(axis=(0, 1)))
    big_var = np.maximum(np.abs(_f64(case.running_var)), (xs * xs).max(axis=(0, 1)) * n / (n - 1))
    out_scales = np.stack([_bn_scales(x, case.gamma, case.beta, 0, 1, True, 0, case.eps)[0]
                           for x in case.xs])
    eval_scale = _bn_scales(case.x_eval, case.gamma, case.beta, want[1], want[2], False, 0,
                            case.eps)[0]
    names = (f"the outputs of the {len(case.xs)} training calls", "the final running_mean",
             "the final running_var", "the output of the evaluation call after them")
    for name, g, w, sc in zip(names, got, want, (out_scales, big_mean, big_var, eval_scale)):
        assert_close(g, w, name=name, scale=sc, observed=got)


# ------------------------------------------------------------ known mistakes

def _bn_mistake(id, title="", hint="", **flags):
    """Register one way of making mistake ``id``; it never applies where it gives the right answer."""

    def compute(case):
        _eps_applies(case, flags)
        wrong = _bn_run(case, _bn, **flags)
        if close(wrong, _bn_reference(case), nan_equal=True):
            raise ValueError("the mistake gives the right answer on this case")
        return wrong

    compute.__name__ = f"_{id}"
    batchnorm_forward.mistake(id, title, hint)(compute)


_bn_mistake("biased_running_var", "the running variance averages the BIASED batch variance",
            "The running variance tracks the UNBIASED batch variance, var * N / (N - 1) (as "
            "torch.nn.BatchNorm1d); only the normalisation of the batch uses the biased one.",
            biased_running=True)
_bn_mistake("momentum_reversed", "momentum weighs the old running statistics",
            "momentum is the weight of the NEW batch statistic: running = (1 - momentum) * "
            "running + momentum * batch (torch's convention; with the default 0.1 the running "
            "statistics move slowly).", reversed_=True)
_bn_mistake("unbiased_normalisation", "normalising with the unbiased batch variance",
            "Training mode normalises with the BIASED batch variance (divided by N, np.var's "
            "default ddof=0); the unbiased one only goes into the running variance.",
            unbiased_norm=True)
_bn_mistake("eval_uses_batch_stats", "evaluation mode normalises with the batch statistics",
            "With train=False use running_mean and running_var: evaluation must not depend on "
            "the other samples of the batch (with a single sample, batch statistics give "
            "out = beta).", eval_batch=True)
_bn_mistake("eps_outside_sqrt", "eps added after the square root",
            "eps goes inside the square root: (x - mean) / np.sqrt(var + eps). It matters for "
            "features whose variance is close to or below eps.", eps_outside=True)
_bn_mistake("running_stats_not_updated", "the running statistics are returned unchanged in "
            "training mode",
            "In training mode return the updated running statistics, (1 - momentum) * running + "
            "momentum * batch statistic; evaluation mode uses them later.", frozen=True)
_bn_mistake("eps_missing", "no eps in the denominator",
            "Divide by np.sqrt(var + eps): without eps a feature with zero variance gives 0 / 0 "
            "= nan, and tiny variances blow up.", no_eps=True)
_bn_mistake("eps_ignored", "the argument eps is ignored (a hard-coded 1e-5)",
            "Use the eps passed in; its default value 1e-5 belongs in the signature.",
            fixed_eps=DEFAULT_EPS)

batchnorm_forward.reference = _bn_reference


# ================================================================== layernorm_forward

def _ln(x, gamma, beta, eps, *, axis=-1, ddof=0, eps_outside=False, swapped=False,
        no_keepdims=None, no_eps=False, fixed_eps=None):
    x, gamma, beta = (_f64(v) for v in (x, gamma, beta))
    eps = eps if fixed_eps is None else fixed_eps
    if ddof and x.shape[-1] == 1:
        raise ValueError("D = 1: 0 / 0, just like a missing eps")
    if no_keepdims:
        if x.shape[0] != x.shape[1]:
            raise ValueError("x - x.mean(axis=1) only broadcasts when N == D")
        mean = x.mean(axis=1)
        if no_keepdims == "var":  # the row variances themselves are right (np.var)
            var = np.var(x, axis=1)
        else:
            var = np.mean((x - mean) ** 2, axis=1)
        x_hat = (x - mean) / np.sqrt(var + eps)
    else:
        mean = x.mean(axis=axis, keepdims=True)
        n = x.shape[axis]
        var = np.sum((x - mean) ** 2, axis=axis, keepdims=True) / (n - ddof)
        if eps_outside:
            x_hat = (x - mean) / (np.sqrt(var) + eps)
        else:
            x_hat = (x - mean) / np.sqrt(var + (0.0 if no_eps else eps))
    return beta * x_hat + gamma if swapped else gamma * x_hat + beta


def _ln_reference(case):
    return ref.layernorm_forward(case.x, case.gamma, case.beta, case.eps)


def _ln_scale(case):
    x = _f64(case.x)
    mean = x.mean(axis=1, keepdims=True)
    x_hat = np.abs(x - mean) / np.sqrt(np.mean((x - mean) ** 2, axis=1, keepdims=True) + case.eps)
    return np.abs(_f64(case.gamma)) * (x_hat + 1) + np.abs(_f64(case.beta))


@layernorm_forward.property("agrees with the reference layer normalisation on generated inputs "
                            "(N = 0 and 1, D = 1, rows with variance below eps, any eps, float32 "
                            "and float64)", cases=ln_cases(), public=False, weight=3,
                            examples=LN_EDGE, max_examples=20)
def ln_matches_reference(student, case):
    out = _ln_call(student, case)[0]
    assert_close(out, _ln_reference(case), name="out", scale=_ln_scale(case), observed=out)


def _ln_mistake(id, title="", hint="", **flags):
    def compute(case):
        _eps_applies(case, flags)
        if flags.get("no_eps") and case.x.shape[-1] == 1:
            raise ValueError("D = 1: 0 / 0, just like the unbiased variance")
        return _ln(case.x, case.gamma, case.beta, case.eps, **flags)

    compute.__name__ = f"_{id}"
    layernorm_forward.mistake(id, title, hint)(compute)


_ln_mistake("normalised_over_batch_axis", "statistics taken over the batch (axis 0)",
            "Layer normalisation standardises each SAMPLE over its features: mean and variance "
            "along axis=-1 (keepdims=True). Over axis 0 it is batch normalisation.", axis=0)
_ln_mistake("unbiased_variance", "the unbiased variance (divided by D - 1)",
            "Use the biased variance of each row, divided by D (np.var's default ddof=0), as "
            "torch.nn.LayerNorm.", ddof=1)
_ln_mistake("eps_outside_sqrt", "eps added after the square root",
            "eps goes inside the square root: (x - mean) / np.sqrt(var + eps).", eps_outside=True)
_ln_mistake("gamma_beta_swapped", "gamma and beta swapped",
            "gamma scales and beta shifts: out = gamma * x_hat + beta.", swapped=True)
_ln_mistake("stats_without_keepdims", "row statistics reduced without keepdims",
            "x - x.mean(axis=1) broadcasts the N row means along the LAST axis (and only runs "
            "when N == D): keep the reduced axis, x.mean(axis=-1, keepdims=True).",
            no_keepdims=True)
_ln_mistake("stats_without_keepdims", no_keepdims="var")
_ln_mistake("eps_missing", "no eps in the denominator",
            "Divide by np.sqrt(var + eps): a constant row (variance 0) gives 0 / 0 = nan "
            "without it.", no_eps=True)
_ln_mistake("eps_ignored", "the argument eps is ignored (a hard-coded 1e-5)",
            "Use the eps passed in; its default value 1e-5 belongs in the signature.",
            fixed_eps=DEFAULT_EPS)

layernorm_forward.reference = _ln_reference


# ================================================================== backward passes

def _backward_mistakes(ex, axis):
    """The mistakes shared by both backward passes (statistics along ``axis``)."""

    def parts(case):
        x, gamma, dout = _f64(case.x), _f64(case.gamma), _f64(case.dout)
        mean = x.mean(axis=axis, keepdims=True)
        std = np.sqrt(np.mean((x - mean) ** 2, axis=axis, keepdims=True) + case.eps)
        x_hat = (x - mean) / std
        return x_hat, std, dout, gamma

    reference = ref.batchnorm_backward if axis == 0 else ref.layernorm_backward

    def right(case):
        return reference(case.dout, case.x, case.gamma, case.eps)

    def register(id, title, hint):
        def decorate(fn):
            def compute(case):
                wrong = fn(case, *parts(case))
                if close(wrong, right(case), nan_equal=True):
                    raise ValueError("the mistake gives the right answer on this case")
                return wrong
            compute.__name__ = fn.__name__
            return ex.mistake(id, title, hint)(compute)
        return decorate

    def full_dx(x_hat, std, g, over=axis):
        m = lambda v: np.mean(v, axis=over, keepdims=True)  # noqa: E731
        return (g - m(g) - x_hat * m(g * x_hat)) / std

    along = "over the batch" if axis == 0 else "over the row's features"

    @register("dx_missing_mean_terms", "dx = dout * gamma / std (only the direct path)",
              "x also moves the mean and the variance, which every entry normalised with it "
              f"depends on: dx = (g - mean(g) - x_hat * mean(g * x_hat)) / std, means {along}, "
              "g = dout * gamma.")
    def _dx_direct(case, x_hat, std, dout, gamma):
        _, dgamma, dbeta = right(case)
        return dout * gamma / std, dgamma, dbeta

    @register("dx_ignores_variance_path", "dx without the path through the variance",
              "Besides the mean, x moves the variance: keep the term - x_hat * mean(g * x_hat) "
              f"(means {along}) in dx = (g - mean(g) - x_hat * mean(g * x_hat)) / std.")
    def _dx_no_var(case, x_hat, std, dout, gamma):
        _, dgamma, dbeta = right(case)
        g = dout * gamma
        return (g - np.mean(g, axis=axis, keepdims=True)) / std, dgamma, dbeta

    @register("dx_missing_gamma", "dx without the factor gamma",
              "out = gamma * x_hat + beta, so the gradient reaching x_hat is dout * gamma: use "
              "g = dout * gamma in dx.")
    def _dx_no_gamma(case, x_hat, std, dout, gamma):
        _, dgamma, dbeta = right(case)
        return full_dx(x_hat, std, dout), dgamma, dbeta

    @register("dgamma_not_times_xhat", "dgamma = sum of dout (missing x_hat)",
              "out = gamma * x_hat + beta: dgamma = (dout * x_hat).sum(axis=0); the plain sum of "
              "dout is dbeta.")
    def _dgamma_plain(case, x_hat, std, dout, gamma):
        dx, _, dbeta = right(case)
        return dx, dout.sum(axis=0), dbeta

    @register("dbeta_mean", "dbeta (or dgamma) averaged over the batch",
              "The loss is sum(out * dout): every sample adds its share, dbeta = "
              "dout.sum(axis=0) and dgamma = (dout * x_hat).sum(axis=0), not means.")
    def _dbeta_mean(case, x_hat, std, dout, gamma):
        dx, dgamma, _ = right(case)
        return dx, dgamma, dout.mean(axis=0)

    @register("dbeta_mean", "", "")
    def _both_mean(case, x_hat, std, dout, gamma):
        dx, _, _ = right(case)
        return dx, np.mean(dout * x_hat, axis=0), dout.mean(axis=0)

    if axis == 1:
        @register("dx_reduced_over_batch_axis", "the means in dx taken over the batch (axis 0)",
                  "In layer normalisation the statistics of a row come from that row: the means "
                  "in dx = (g - mean(g) - x_hat * mean(g * x_hat)) / std are over axis=-1 "
                  "(keepdims=True), not over the batch as in batch normalisation.")
        def _dx_batch_axis(case, x_hat, std, dout, gamma):
            _, dgamma, dbeta = right(case)
            return full_dx(x_hat, std, dout * gamma, over=0), dgamma, dbeta

    ex.reference = right


def _register_backward_reference(ex, layer, cases, edge, axis):
    @ex.property("agrees with the reference gradients on generated inputs", cases=cases,
                 public=False, weight=3, examples=edge, max_examples=16)
    def backward_matches_reference(student, case):
        grads = layer.grads(student, case)
        want = (ref.batchnorm_backward if axis == 0 else ref.layernorm_backward)(
            case.dout, case.x, case.gamma, case.eps)
        for name, g, w, s in zip(("dx", "dgamma", "dbeta"), grads, want,
                                 layer.scales(case, np.abs(_f64(case.dout)))):
            assert_close(g, w, name=name, scale=s, observed=grads)

    return backward_matches_reference


_register_backward_reference(batchnorm_backward, BN_LAYER, BN_BACKWARD_CASES, BN_BACKWARD_EDGE, 0)
_register_backward_reference(layernorm_backward, LN_LAYER, LN_BACKWARD_CASES, LN_BACKWARD_EDGE, 1)
_backward_mistakes(batchnorm_backward, 0)
_backward_mistakes(layernorm_backward, 1)
