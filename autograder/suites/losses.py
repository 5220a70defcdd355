"""Hidden suite: the losses unit.

The exercises, their strategies and their public properties are in
``autograder/public/losses.py``; this module adds the hidden properties (agreement
with the float64 references in ``reference/losses.py`` on generated inputs and on
the hand-picked edge cases) and the mistakes recognised by value.
"""


import numpy as np

from autograder.checking import Failure, as_float, as_float_array, assert_close
from autograder.checking.compare import f64 as _f64
from autograder.public.losses import (
    BCE, BCE_EDGE, BCE_GRAD_EDGE, BCE_LOGITS, BCE_LOGITS_EDGE, CE, EDGE, FOCAL, FOCAL_EDGE, HUBER,
    HUBER_EDGE, MAE, MSE, REG_EDGE, _abs_scale, _bce_grad_scale, _bce_logits_scale, _call,
    _huber_grad_scale, _mse_grad_scale, _regression_scale, _scale, binary_cross_entropy,
    binary_cross_entropy_grad, binary_cross_entropy_with_logits,
    binary_cross_entropy_with_logits_grad, ce_cases, cross_entropy, cross_entropy_grad,
    focal_cases, focal_loss, focal_loss_grad, huber, huber_grad, logit_cases, mae, mae_grad, mse,
    mse_grad, prob_cases, regression_cases)
from reference import losses as ref


# ------------------------------------------------------------------ properties

@cross_entropy.property("agrees with the reference cross-entropy on generated inputs", cases=ce_cases(),
                        public=False, weight=3, examples=EDGE, max_examples=70)
def matches_reference(student, case):
    got = _call(student, case.logits, case.labels)
    want = ref.cross_entropy(case.logits, case.labels)
    assert_close(got, want, name="the loss", scale=_scale(want))


# ------------------------------------------------------------ known mistakes


def _rows(case):
    return np.arange(case.logits.shape[0]), np.asarray(case.labels, dtype=np.intp)


def _probs(case):
    z = case.logits.astype(np.float64)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _log_probs(case):
    z = case.logits.astype(np.float64)
    s = z - z.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


@cross_entropy.mistake("sum_not_mean", "the per-sample losses are summed, not averaged",
                       "Divide the total by the batch size N (np.mean over the samples).")
def _sum_not_mean(case):
    return ref.cross_entropy(case.logits, case.labels) * case.logits.shape[0]


def _no_logsumexp(dtype):
    def compute(case):
        z = case.logits.astype(dtype)
        e = np.exp(z)
        p = e / e.sum(axis=1, keepdims=True)
        return float(-np.mean(np.log(p[_rows(case)])))
    return compute


for _dt in (np.float64, np.float32):
    cross_entropy.mistake(
        "no_logsumexp", "the log of a naively computed softmax",
        "exp(z) overflows for logits above about 709 (88 in float32) and underflows to 0 far "
        "below, giving inf or nan. Compute each sample's loss from the logits with log-sum-exp: "
        "m + log(sum_j exp(z_j - m)) - z_y, m the row maximum.")(_no_logsumexp(_dt))


def _clipped(eps, how):
    def compute(case):
        p = _probs(case)[_rows(case)]
        q = p + eps if how == "add" else np.clip(p, eps, 1.0 - (eps if how == "clip2" else 0.0))
        return float(-np.mean(np.log(q)))
    return compute


for _eps in (1e-12, 1e-7, 1e-8, 1e-9, 1e-10, 1e-15, 1e-16):
    for _how in ("add", "clip", "clip2"):
        cross_entropy.mistake(
            "clipped_log", "the log of a clipped (or eps-shifted) probability",
            "log(p + eps) or log(clip(p, eps, 1)) is wrong when the true class has a tiny "
            "probability (a confident wrong prediction): the loss is capped near -log(eps). "
            "Use log-sum-exp on the logits instead of taking the log of p.")(_clipped(_eps, _how))


def _labels_permute_classes(case):
    """logp[:, labels] is then the whole matrix, so the two mistakes below coincide: name neither."""
    labels = np.sort(np.asarray(case.labels).reshape(-1))
    return labels.shape[0] == case.logits.shape[1] and np.array_equal(labels, np.arange(labels.shape[0]))


@cross_entropy.mistake("label_indexing_wrong", "indexing with logp[:, labels] (an N x N block)",
                       "logp[:, labels] takes every label's column for every sample; pick one "
                       "entry per sample with logp[np.arange(N), labels].")
def _label_block(case):
    if _labels_permute_classes(case):
        raise ValueError("ambiguous")
    return float(-np.mean(_log_probs(case)[:, np.asarray(case.labels, dtype=np.intp)]))


@cross_entropy.mistake("sign_flipped", "the sign is flipped (returns mean log p, which is <= 0)",
                       "The loss is the mean of -log p of the true class: negate the log "
                       "probability.")
def _sign_flipped(case):
    return -ref.cross_entropy(case.logits, case.labels)


@cross_entropy.mistake("mean_over_classes", "averaging over all N * C entries of a one-hot product",
                       "Only the true class contributes to each sample's loss: sum over the classes "
                       "and average over the N samples only (divide by N, not N * C).")
def _mean_over_classes(case):
    if _labels_permute_classes(case):
        raise ValueError("ambiguous")
    return ref.cross_entropy(case.logits, case.labels) / case.logits.shape[1]


# ------------------------------------------------------------ reference result, for the diagnosis


def _reference(case):
    return ref.cross_entropy(case.logits, case.labels)


cross_entropy.reference = _reference


# ====================================================================== the other losses

def _quiet():
    return np.errstate(all="ignore")


def reference_property(ex, fam, want, *, cases, examples, scale, max_examples=16, grad=False):
    """Register the hidden agreement with the reference and set ``ex.reference``."""
    what = "gradient" if grad else "loss"

    def matches_reference(student, case):
        if grad:
            args, kwargs = fam.call(case)
            got = student.call(fam.grad, *args, **kwargs)
            got = _float_grad(got, fam, case)
        else:
            got = _call_loss(student, fam, case)
        assert_close(got, want(case), name=f"the {what}", scale=scale(case), observed=got)

    ex.property(f"agrees with the reference {fam.grad if grad else fam.loss} on generated inputs "
                "(float32 and float64, every value range)", cases=cases, public=False, weight=3,
                examples=examples, max_examples=max_examples)(matches_reference)
    ex.reference = want


def _call_loss(student, fam, case):
    """The student's loss as a float (nan and inf allowed: the comparison reports them)."""
    args, kwargs = fam.call(case)
    v = student.call(fam.loss, *args, **kwargs)
    try:
        return as_float(v, fam.text(fam.loss, case))
    except Failure as f:
        f.observed = v
        raise


def _float_grad(g, fam, case):
    try:
        return as_float_array(g, fam.text(fam.grad, case), np.shape(case[fam.args[0]]))
    except Failure as f:
        f.observed = g
        raise


def _first_axis(case, name):
    """len(x), for the mistake of dividing by it instead of x.size; not told apart from the right
    result when x has one axis (len(x) == x.size) nor from no division at all when len(x) == 1."""
    a = case[name]
    if a.shape[0] in (1, a.size):
        raise ValueError("ambiguous")
    return a.shape[0]


# ------------------------------------------------------------------ regression

def _res(case):
    return _f64(case.pred) - _f64(case.target)


def _delta(case):
    return HUBER.option_value(case)


reference_property(mse, MSE, lambda c: ref.mse(c.pred, c.target), cases=regression_cases(),
                   examples=REG_EDGE, scale=_regression_scale)


@mse.mistake("sum_not_mean", "the squared residuals are summed, not averaged",
             "Divide by the number of entries: np.mean((pred - target) ** 2).")
def _mse_sum(case):
    return float(np.sum(_res(case) ** 2))


@mse.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
             "For a 2-d or 3-d array len(pred) is only the first dimension; the mean is over all "
             "entries: divide by pred.size (or use np.mean without an axis).")
def _mse_first_axis(case):
    return float(np.sum(_res(case) ** 2) / _first_axis(case, "pred"))


@mse.mistake("rmse_returned", "the square root of the mean squared error (RMSE)",
             "MSE is the mean of the squared residuals itself; do not take the square root.")
def _mse_root(case):
    return float(np.sqrt(np.mean(_res(case) ** 2)))


@mse.mistake("half_mse", "half the mean squared error",
             "The 1/2 convention belongs to other formulations; here mse = mean((pred - target)**2).")
def _mse_half(case):
    return float(np.mean(_res(case) ** 2) / 2)


@mse.mistake("mean_then_square", "the square of the mean residual",
             "Square each residual first, then average: mean(r**2), not mean(r)**2 (errors of "
             "opposite sign must not cancel).")
def _mse_mean_sq(case):
    return float(np.mean(_res(case)) ** 2)


@mse.mistake("abs_not_squared", "absolute residuals averaged (that is the MAE)",
             "Square the residuals: (pred - target) ** 2.")
def _mse_abs(case):
    return float(np.mean(np.abs(_res(case))))


reference_property(mse_grad, MSE, lambda c: ref.mse_grad(c.pred, c.target), cases=regression_cases(),
                   examples=REG_EDGE, scale=_mse_grad_scale, grad=True)


@mse_grad.mistake("grad_missing_factor_two", "the factor 2 of the square's derivative is missing",
                  "d/dr of r**2 is 2 r: the gradient is 2 (pred - target) / size.")
def _mse_g_two(case):
    return _res(case) / case.pred.size


@mse_grad.mistake("grad_not_divided_by_size", "the gradient is not divided by the number of entries",
                  "The loss is a mean, so each entry's derivative carries 1/size: "
                  "2 (pred - target) / pred.size.")
def _mse_g_size(case):
    return 2 * _res(case)


@mse_grad.mistake("sign_flipped", "the sign is flipped (2 (target - pred) / size)",
                  "Differentiate with respect to pred: d/dpred of (pred - target)**2 is "
                  "+2 (pred - target).")
def _mse_g_sign(case):
    return -2 * _res(case) / case.pred.size


@mse_grad.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
                  "The mean is over all entries: divide by pred.size, not by the first dimension.")
def _mse_g_first(case):
    return 2 * _res(case) / _first_axis(case, "pred")


@mse_grad.mistake("mae_gradient_returned", "the gradient of the mean ABSOLUTE error, sign(pred - target) / size",
                  "The squared error's slope grows with the residual: 2 (pred - target) / size, "
                  "not its sign.")
def _mse_g_mae(case):
    return np.sign(_res(case)) / case.pred.size


@mse_grad.mistake("abs_residual", "2 |pred - target| / size: the absolute value of the residual",
                  "Keep the sign of the residual: entries above the target get a positive "
                  "gradient, entries below it a negative one.")
def _mse_g_abs(case):
    return 2 * np.abs(_res(case)) / case.pred.size


reference_property(mae, MAE, lambda c: ref.mae(c.pred, c.target), cases=regression_cases(),
                   examples=REG_EDGE, scale=_abs_scale)


@mae.mistake("sum_not_mean", "the absolute residuals are summed, not averaged",
             "Divide by the number of entries: np.mean(np.abs(pred - target)).")
def _mae_sum(case):
    return float(np.sum(np.abs(_res(case))))


@mae.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
             "The mean is over all entries: divide by pred.size (or np.mean without an axis).")
def _mae_first(case):
    return float(np.sum(np.abs(_res(case))) / _first_axis(case, "pred"))


@mae.mistake("abs_missing", "the residuals are averaged without their absolute value",
             "Take |pred - target| entry by entry before averaging: errors of opposite sign must "
             "not cancel.")
def _mae_noabs(case):
    return float(np.mean(_res(case)))


@mae.mistake("abs_after_mean", "the absolute value of the mean residual",
             "Take the absolute value of each residual first, then average.")
def _mae_abs_mean(case):
    return float(abs(np.mean(_res(case))))


@mae.mistake("squared_not_absolute", "squared residuals averaged (that is the MSE)",
             "Use np.abs(pred - target), not its square.")
def _mae_sq(case):
    return float(np.mean(_res(case) ** 2))


reference_property(mae_grad, MAE, lambda c: ref.mae_grad(c.pred, c.target), cases=regression_cases(),
                   examples=REG_EDGE, scale=lambda c: np.full(c.pred.shape, 1.0 / c.pred.size),
                   grad=True)


@mae_grad.mistake("grad_not_divided_by_size", "the gradient is not divided by the number of entries",
                  "The loss is a mean: sign(pred - target) / pred.size.")
def _mae_g_size(case):
    return np.sign(_res(case))


@mae_grad.mistake("sign_flipped", "the sign is flipped (sign(target - pred) / size)",
                  "Differentiate with respect to pred: d|pred - target|/dpred = sign(pred - target).")
def _mae_g_sign(case):
    return -np.sign(_res(case)) / case.pred.size


@mae_grad.mistake("nonzero_at_zero_residual", "the gradient is +-1/size where pred equals target",
                  "Where pred == target the convention (torch's, np.sign's) is a derivative of 0: "
                  "use np.sign, not np.where(r >= 0, 1, -1).")
def _mae_g_ge(case):
    return np.where(_res(case) >= 0, 1.0, -1.0) / case.pred.size


@mae_grad.mistake("nonzero_at_zero_residual", "", "")
def _mae_g_gt(case):
    return np.where(_res(case) > 0, 1.0, -1.0) / case.pred.size


@mae_grad.mistake("residual_not_sign", "the residual itself instead of its sign",
                  "The derivative of |r| is sign(r) (+-1), whatever the size of r.")
def _mae_g_res(case):
    return _res(case) / case.pred.size


@mae_grad.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
                  "The mean is over all entries: divide by pred.size.")
def _mae_g_first(case):
    return np.sign(_res(case)) / _first_axis(case, "pred")


reference_property(huber, HUBER, lambda c: ref.huber(c.pred, c.target, _delta(c)),
                   cases=regression_cases(huber=True), examples=HUBER_EDGE, scale=_regression_scale)


def _huber_pieces(case, quad, lin):
    r = _res(case)
    a = np.abs(r)
    return float(np.mean(np.where(a <= _delta(case), quad(r), lin(a, _delta(case)))))


@huber.mistake("sum_not_mean", "the per-entry losses are summed, not averaged",
               "Divide by the number of entries (np.mean).")
def _huber_sum(case):
    return ref.huber(case.pred, case.target, _delta(case)) * case.pred.size


@huber.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
               "The mean is over all entries: divide by pred.size.")
def _huber_first(case):
    return ref.huber(case.pred, case.target, _delta(case)) * case.pred.size / _first_axis(case, "pred")


@huber.mistake("delta_ignored", "delta is ignored (the threshold is always 1)",
               "Use the delta argument in the test |r| <= delta and in the linear piece "
               "delta * (|r| - 0.5 * delta).")
def _huber_delta(case):
    return ref.huber(case.pred, case.target, 1.0)


@huber.mistake("missing_half", "the quadratic piece is r**2 instead of 0.5 r**2",
               "Inside |r| <= delta each entry costs 0.5 * r**2; with the 1/2 the two pieces meet "
               "at |r| = delta.")
def _huber_half(case):
    return _huber_pieces(case, lambda r: r * r, lambda a, d: d * (a - 0.5 * d))


@huber.mistake("linear_branch_missing_half_delta", "the linear piece is delta |r| (no -0.5 delta)",
               "Beyond delta each entry costs delta * (|r| - 0.5 * delta): the -0.5 delta**2 makes "
               "it continue the quadratic piece without a jump at |r| = delta.")
def _huber_lin_half(case):
    return _huber_pieces(case, lambda r: 0.5 * r * r, lambda a, d: d * a)


@huber.mistake("linear_branch_missing_delta", "the linear piece is |r| - 0.5 delta (no factor delta)",
               "Beyond delta each entry costs delta * (|r| - 0.5 * delta): multiply by delta.")
def _huber_lin_delta(case):
    return _huber_pieces(case, lambda r: 0.5 * r * r, lambda a, d: a - 0.5 * d)


@huber.mistake("smooth_l1_returned", "the smooth L1 loss (Huber divided by delta)",
               "torch's smooth_l1_loss divides by delta (0.5 r**2 / delta, |r| - 0.5 delta); the "
               "Huber loss asked for is 0.5 r**2 and delta * (|r| - 0.5 delta).")
def _huber_smooth(case):
    return ref.huber(case.pred, case.target, _delta(case)) / _delta(case)


reference_property(huber_grad, HUBER, lambda c: ref.huber_grad(c.pred, c.target, _delta(c)),
                   cases=regression_cases(huber=True), examples=HUBER_EDGE, scale=_huber_grad_scale,
                   grad=True)


@huber_grad.mistake("grad_not_divided_by_size", "the gradient is not divided by the number of entries",
                    "The loss is a mean: divide the clipped residual by pred.size.")
def _huber_g_size(case):
    return ref.huber_grad(case.pred, case.target, _delta(case)) * case.pred.size


@huber_grad.mistake("divided_by_first_axis", "dividing by len(pred) instead of pred.size",
                    "The mean is over all entries: divide by pred.size.")
def _huber_g_first(case):
    return (ref.huber_grad(case.pred, case.target, _delta(case)) * case.pred.size
            / _first_axis(case, "pred"))


@huber_grad.mistake("sign_flipped", "the sign is flipped",
                    "Differentiate with respect to pred: the gradient has the sign of pred - target.")
def _huber_g_sign(case):
    return -ref.huber_grad(case.pred, case.target, _delta(case))


@huber_grad.mistake("linear_branch_not_clipped", "the residual is not clipped beyond delta",
                    "Beyond delta the loss grows linearly, so its slope stays delta * sign(r): "
                    "clip r to [-delta, delta].")
def _huber_g_noclip(case):
    return _res(case) / case.pred.size


@huber_grad.mistake("delta_ignored", "delta is ignored (clipped to [-1, 1])",
                    "Clip the residual to [-delta, delta] with the delta argument.")
def _huber_g_delta(case):
    return ref.huber_grad(case.pred, case.target, 1.0)


@huber_grad.mistake("linear_branch_sign_only", "the linear piece's slope is sign(r), without delta",
                    "The derivative of delta * (|r| - 0.5 delta) is delta * sign(r).")
def _huber_g_signonly(case):
    r = _res(case)
    return np.where(np.abs(r) <= _delta(case), r, np.sign(r)) / case.pred.size


@huber_grad.mistake("smooth_l1_gradient", "the smooth L1 gradient (Huber's divided by delta)",
                    "This is the Huber loss (torch huber_loss), not smooth_l1_loss: do not divide "
                    "by delta.")
def _huber_g_smooth(case):
    return ref.huber_grad(case.pred, case.target, _delta(case)) / _delta(case)


# ------------------------------------------------------------------ binary cross-entropy

def _pt(case):
    return _f64(case.probs), _f64(case.targets)


def _bce_loss_scale(case):
    return 1.0 + ref.binary_cross_entropy(case.probs, case.targets)


reference_property(binary_cross_entropy, BCE, lambda c: ref.binary_cross_entropy(c.probs, c.targets),
                   cases=prob_cases(), examples=BCE_EDGE, scale=_bce_loss_scale)


@binary_cross_entropy.mistake("sum_not_mean", "the per-entry losses are summed, not averaged",
                              "Divide by the number of entries (np.mean).")
def _bce_sum(case):
    return ref.binary_cross_entropy(case.probs, case.targets) * case.probs.size


def _bce_unclamped(p, t):
    """-mean(t log p + (1 - t) log(1 - p)) with exact, unclamped logs (inf or nan at 0 and 1)."""
    with _quiet():
        return float(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))


def _bce_eps_trick(p, t, eps, how):
    """The loss with log(p + eps) ("add") or p clipped to [eps, 1 - eps] ("clip")."""
    if how == "add":
        lp, lq = np.log(p + eps), np.log(1 - p + eps)
    else:
        q = np.clip(p, eps, 1 - eps)
        lp, lq = np.log(q), np.log(1 - q)
    return float(-np.mean(t * lp + (1 - t) * lq))


def _bce_no_clamp(dtype):
    def compute(case):
        return _bce_unclamped(case.probs.astype(dtype), case.targets.astype(dtype))
    return compute


for _dt in (np.float64, np.float32):
    binary_cross_entropy.mistake(
        "no_clamp", "the logs are not clamped: p = 0 or 1 gives inf or nan",
        "log(0) is -inf and 0 * log(0) is nan. Clamp each log below at -100, as torch does: "
        "np.maximum(np.log(p), -100.0) (inside np.errstate(divide='ignore')).")(_bce_no_clamp(_dt))


def _bce_eps(eps, how):
    def compute(case):
        return _bce_eps_trick(*_pt(case), eps, how)
    return compute


for _eps in (1e-7, 1e-8, 1e-12, 1e-15, 1e-6, 1e-9, 1e-10, 1e-5):
    for _how in ("add", "clip"):
        binary_cross_entropy.mistake(
            "eps_clipping", "an eps inside the log (or p clipped to [eps, 1 - eps]) instead of "
            "clamping the log at -100",
            "log(p + eps) or clipping p caps a completely wrong prediction at -log(eps) instead "
            "of 100 and shifts the loss of tiny probabilities. Take the exact log and clamp it: "
            "np.maximum(np.log(p), -100.0).")(_bce_eps(_eps, _how))


@binary_cross_entropy.mistake("targets_probs_swapped", "probs and targets are swapped "
                              "(-(p log t + (1 - p) log(1 - t)))",
                              "The log is taken of the predicted probability: "
                              "-(t log p + (1 - t) log(1 - p)).")
def _bce_swapped(case):
    return ref.binary_cross_entropy(case.targets, case.probs)


@binary_cross_entropy.mistake("missing_negative_class_term", "only -t log p, without -(1 - t) log(1 - p)",
                              "The negative class also costs: add -(1 - t) log(1 - p).")
def _bce_pos_only(case):
    p, t = _pt(case)
    with _quiet():
        return float(-np.mean(t * np.maximum(np.log(p), -100.0)))


@binary_cross_entropy.mistake("sign_flipped", "the sign is flipped (mean of t log p + ..., <= 0)",
                              "The loss is the NEGATIVE mean log-likelihood: "
                              "-(t log p + (1 - t) log(1 - p)).")
def _bce_sign(case):
    return -ref.binary_cross_entropy(case.probs, case.targets)


reference_property(binary_cross_entropy_grad, BCE,
                   lambda c: ref.binary_cross_entropy_grad(c.probs, c.targets),
                   cases=prob_cases(strict=True), examples=BCE_GRAD_EDGE, scale=_bce_grad_scale,
                   grad=True)


@binary_cross_entropy_grad.mistake("grad_not_divided_by_size", "the gradient is not divided by the "
                                   "number of entries",
                                   "The loss is a mean: divide by probs.size.")
def _bce_g_size(case):
    return ref.binary_cross_entropy_grad(case.probs, case.targets) * case.probs.size


@binary_cross_entropy_grad.mistake("divided_by_first_axis", "dividing by len(probs) instead of probs.size",
                                   "The mean is over all entries: divide by probs.size.")
def _bce_g_first(case):
    return (ref.binary_cross_entropy_grad(case.probs, case.targets) * case.probs.size
            / _first_axis(case, "probs"))


@binary_cross_entropy_grad.mistake("sign_flipped", "the sign is flipped",
                                   "d/dp of -(t log p + (1 - t) log(1 - p)) is -t / p + (1 - t) / (1 - p).")
def _bce_g_sign(case):
    return -ref.binary_cross_entropy_grad(case.probs, case.targets)


@binary_cross_entropy_grad.mistake("logits_gradient_returned", "(p - t) / size: the gradient with "
                                   "respect to the logits, not the probabilities",
                                   "(p - t) is the derivative with respect to the logit z when p = "
                                   "sigmoid(z); with respect to p itself it is (p - t) / (p (1 - p)).")
def _bce_g_logits(case):
    p, t = _pt(case)
    return (p - t) / p.size


@binary_cross_entropy_grad.mistake("positive_term_only", "only -t / p (the negative class's term "
                                   "is missing)",
                                   "Differentiate both terms: -t / p + (1 - t) / (1 - p).")
def _bce_g_pos(case):
    p, t = _pt(case)
    return -t / p / p.size


@binary_cross_entropy_grad.mistake("negative_term_sign_wrong", "-t / p - (1 - t) / (1 - p): the "
                                   "second term has the wrong sign",
                                   "d/dp of -(1 - t) log(1 - p) is +(1 - t) / (1 - p) (the chain "
                                   "rule through 1 - p flips the sign).")
def _bce_g_neg(case):
    p, t = _pt(case)
    return (-t / p - (1 - t) / (1 - p)) / p.size


# ------------------------------------------------------------------ from logits

def _zt(case):
    return _f64(case.logits), _f64(case.targets)


reference_property(binary_cross_entropy_with_logits, BCE_LOGITS,
                   lambda c: ref.binary_cross_entropy_with_logits(c.logits, c.targets),
                   cases=logit_cases(), examples=BCE_LOGITS_EDGE, scale=_bce_logits_scale)


@binary_cross_entropy_with_logits.mistake("sum_not_mean", "the per-entry losses are summed, not "
                                          "averaged", "Divide by the number of entries (np.mean).")
def _bcel_sum(case):
    return ref.binary_cross_entropy_with_logits(case.logits, case.targets) * case.logits.size


def _bcel_naive(dtype):
    def compute(case):
        z, t = case.logits.astype(dtype), case.targets.astype(dtype)
        with _quiet():
            p = 1 / (1 + np.exp(-z))
        return _bce_unclamped(p, t)
    return compute


for _dt in (np.float64, np.float32):
    binary_cross_entropy_with_logits.mistake(
        "naive_sigmoid_then_log", "sigmoid first, then the log of it: inf or nan for large |z|",
        "1 - sigmoid(z) is exactly 0 for z >= 37 in float64 (z >= 17 in float32) and exp(-z) "
        "overflows for z <= -710. Use max(z, 0) - z * t + log1p(exp(-|z|)).")(_bcel_naive(_dt))


def _bcel_eps(eps, how):
    def compute(case):
        z, t = _zt(case)
        return _bce_eps_trick(ref.sigmoid(z), t, eps, how)
    return compute


for _eps in (1e-7, 1e-8, 1e-12, 1e-15, 1e-6, 1e-9, 1e-10):
    for _how in ("add", "clip"):
        binary_cross_entropy_with_logits.mistake(
            "eps_clipping", "sigmoid, then the log of a clipped (or eps-shifted) probability",
            "Clipping caps a confident wrong logit's loss at -log(eps) (a logit of 1e4 must cost "
            "1e4). Compute from the logits: max(z, 0) - z * t + log1p(exp(-|z|)).")(_bcel_eps(_eps, _how))


@binary_cross_entropy_with_logits.mistake("unstable_softplus", "log(1 + exp(-z)) (or exp(z)) "
                                          "without the |z| trick: overflows for large |z|",
                                          "exp(-z) overflows for z below about -710. Rewrite with "
                                          "max(z, 0) and exp(-|z|), which is at most 1.")
def _bcel_softplus(case):
    z, t = _zt(case)
    with _quiet():
        return float(np.mean(z - z * t + np.log1p(np.exp(-z))))


@binary_cross_entropy_with_logits.mistake("unstable_softplus", "", "")
def _bcel_softplus2(case):
    z, t = _zt(case)
    with _quiet():
        return float(np.mean(np.log1p(np.exp(z)) - z * t))


@binary_cross_entropy_with_logits.mistake("soft_targets_ignored", "soft targets are treated as "
                                          "hard labels", "Targets may be any value in [0, 1]: "
                                          "use t itself in t * ... + (1 - t) * ..., not t == 1 or "
                                          "a rounded t.")
def _bcel_soft_round(case):
    z, t = _zt(case)
    return ref.binary_cross_entropy_with_logits(z, np.round(t))


@binary_cross_entropy_with_logits.mistake("soft_targets_ignored", "", "")
def _bcel_soft_eq(case):
    z, t = _zt(case)
    return ref.binary_cross_entropy_with_logits(z, (t == 1).astype(np.float64))


@binary_cross_entropy_with_logits.mistake("target_term_sign_flipped", "max(z, 0) + z t + ... "
                                          "(the z t term added)",
                                          "The stable form is max(z, 0) - z * t + log1p(exp(-|z|)).")
def _bcel_zt(case):
    z, t = _zt(case)
    return float(np.mean(np.maximum(z, 0) + z * t + np.log1p(np.exp(-np.abs(z)))))


reference_property(binary_cross_entropy_with_logits_grad, BCE_LOGITS,
                   lambda c: ref.binary_cross_entropy_with_logits_grad(c.logits, c.targets),
                   cases=logit_cases(), examples=BCE_LOGITS_EDGE,
                   scale=lambda c: np.full(c.logits.shape, 1.0 / c.logits.size), grad=True)


@binary_cross_entropy_with_logits_grad.mistake("grad_not_divided_by_size", "the gradient is not "
                                               "divided by the number of entries",
                                               "The loss is a mean: (sigmoid(z) - t) / logits.size.")
def _bcel_g_size(case):
    return ref.binary_cross_entropy_with_logits_grad(case.logits, case.targets) * case.logits.size


@binary_cross_entropy_with_logits_grad.mistake("divided_by_first_axis", "dividing by len(logits) "
                                               "instead of logits.size",
                                               "The mean is over all entries: divide by logits.size.")
def _bcel_g_first(case):
    return (ref.binary_cross_entropy_with_logits_grad(case.logits, case.targets) * case.logits.size
            / _first_axis(case, "logits"))


@binary_cross_entropy_with_logits_grad.mistake("sign_flipped", "the sign is flipped ((t - sigmoid(z)) / size)",
                                               "The gradient is (sigmoid(z) - t) / size: positive "
                                               "when the prediction is above the target.")
def _bcel_g_sign(case):
    return -ref.binary_cross_entropy_with_logits_grad(case.logits, case.targets)


@binary_cross_entropy_with_logits_grad.mistake("sigmoid_missing", "(z - t) / size: the sigmoid is "
                                               "not applied", "The prediction is sigmoid(z), not "
                                               "z: (sigmoid(z) - t) / size.")
def _bcel_g_nosig(case):
    z, t = _zt(case)
    return (z - t) / z.size


@binary_cross_entropy_with_logits_grad.mistake("soft_targets_ignored", "soft targets are treated "
                                               "as hard labels", "Use the targets as given: "
                                               "(sigmoid(z) - t) / size for any t in [0, 1].")
def _bcel_g_round(case):
    z, t = _zt(case)
    return ref.binary_cross_entropy_with_logits_grad(z, np.round(t))


@binary_cross_entropy_with_logits_grad.mistake("soft_targets_ignored", "", "")
def _bcel_g_eq(case):
    z, t = _zt(case)
    return ref.binary_cross_entropy_with_logits_grad(z, (t == 1).astype(np.float64))


@binary_cross_entropy_with_logits_grad.mistake("times_sigmoid_derivative", "multiplied by "
                                               "sigmoid'(z) = s (1 - s) once more",
                                               "The 1 / (p (1 - p)) of the probability gradient and "
                                               "the sigmoid's derivative p (1 - p) cancel: the "
                                               "result is just (sigmoid(z) - t) / size.")
def _bcel_g_times(case):
    z, t = _zt(case)
    s = ref.sigmoid(z)
    return (s - t) * s * (1 - s) / z.size


@binary_cross_entropy_with_logits_grad.mistake("probability_gradient_returned", "the gradient "
                                               "with respect to p = sigmoid(z), not z",
                                               "Chain rule: multiply the probability gradient "
                                               "(p - t) / (p (1 - p)) by dp/dz = p (1 - p), which "
                                               "leaves (p - t) / size.")
def _bcel_g_prob(case):
    z, t = _zt(case)
    s = ref.sigmoid(z)
    with _quiet():
        return (s - t) / (s * (1 - s)) / z.size


# ------------------------------------------------------------------ cross-entropy gradient

def _softmax(case, dtype=np.float64, shift=True):
    z = case.logits.astype(dtype)
    with _quiet():
        e = np.exp(z - z.max(axis=1, keepdims=True)) if shift else np.exp(z)
        return _f64(e / e.sum(axis=1, keepdims=True))


def _onehot(case):
    out = np.zeros(case.logits.shape)
    out[np.arange(case.logits.shape[0]), np.asarray(case.labels, dtype=np.intp)] = 1.0
    return out


reference_property(cross_entropy_grad, CE, lambda c: ref.cross_entropy_grad(c.logits, c.labels),
                   cases=ce_cases(), examples=EDGE, scale=lambda c: np.full(c.logits.shape,
                                                                            1.0 / c.logits.shape[0]),
                   grad=True)


@cross_entropy_grad.mistake("grad_not_divided_by_n", "the gradient is not divided by the batch size N",
                            "The loss is the mean over the batch: (softmax - onehot) / N.")
def _ceg_n(case):
    return ref.cross_entropy_grad(case.logits, case.labels) * case.logits.shape[0]


@cross_entropy_grad.mistake("sign_flipped", "the sign is flipped ((onehot - softmax) / N)",
                            "d/dz_k of log(sum_j exp(z_j)) - z_y is softmax_k - [k == y].")
def _ceg_sign(case):
    return -ref.cross_entropy_grad(case.logits, case.labels)


@cross_entropy_grad.mistake("onehot_not_subtracted", "softmax / N: the one-hot labels are not "
                            "subtracted", "Subtract 1 at the true class of each row: "
                            "grad[np.arange(N), labels] -= 1, then divide by N.")
def _ceg_onehot(case):
    return _softmax(case) / case.logits.shape[0]


for _dt in (np.float64, np.float32):
    cross_entropy_grad.mistake(
        "no_max_shift", "exp of the raw logits: overflow (nan) for large logits",
        "exp overflows above about 709 (88 in float32): subtract each row's maximum before exp "
        "(the softmax does not change).")(
        lambda case, _dt=_dt: (_softmax(case, _dt, shift=False) - _onehot(case)) / case.logits.shape[0])


@cross_entropy_grad.mistake("global_max_shift", "the maximum of the whole array is subtracted, "
                            "not each row's", "A row far below the global maximum underflows to "
                            "0 / 0 = nan; subtract each row's maximum (axis=1, keepdims=True).")
def _ceg_global(case):
    z = _f64(case.logits)
    with _quiet():
        e = np.exp(z - z.max())
        return (e / e.sum(axis=1, keepdims=True) - _onehot(case)) / z.shape[0]


@cross_entropy_grad.mistake("mean_over_classes", "divided by N * C instead of N",
                            "Only the batch is averaged: divide by N, not by the number of entries.")
def _ceg_nc(case):
    return ref.cross_entropy_grad(case.logits, case.labels) / case.logits.shape[1]


@cross_entropy_grad.mistake("label_indexing_wrong", "grad[:, labels] -= 1 (every row loses 1 in "
                            "every labelled column)",
                            "grad[:, labels] selects whole columns; subtract 1 once per row with "
                            "grad[np.arange(N), labels] -= 1.")
def _ceg_index(case):
    g = _softmax(case)
    g[:, np.asarray(case.labels, dtype=np.intp)] -= 1.0
    return g / case.logits.shape[0]


# ------------------------------------------------------------------ focal loss

def _gamma(case):
    return FOCAL.option_value(case)


def _log_pt(case, dtype=np.float64, stable=True):
    z = case.logits.astype(dtype)
    rows = np.arange(z.shape[0]), np.asarray(case.labels, dtype=np.intp)
    with _quiet():
        if stable:
            s = z - z.max(axis=1, keepdims=True)
            return _f64((s - np.log(np.exp(s).sum(axis=1, keepdims=True)))[rows])
        e = np.exp(z)
        return _f64(np.log(e / e.sum(axis=1, keepdims=True))[rows])


def _focal_from(log_pt, gamma, modulate=None):
    p = np.exp(log_pt)
    with _quiet():
        factor = (1 - p) ** gamma if modulate is None else modulate(p)
        return float(np.mean(-factor * log_pt))


reference_property(focal_loss, FOCAL, lambda c: ref.focal_loss(c.logits, c.labels, _gamma(c)),
                   cases=focal_cases(), examples=FOCAL_EDGE,
                   scale=lambda c: _scale(ref.focal_loss(c.logits, c.labels, _gamma(c))))


@focal_loss.mistake("sum_not_mean", "the per-sample losses are summed, not averaged",
                    "Divide by the batch size N (np.mean over the samples).")
def _focal_sum(case):
    return ref.focal_loss(case.logits, case.labels, _gamma(case)) * case.logits.shape[0]


def _unless_all_tiny(log_pt):
    """gamma_on_p_t and missing_log both give about 0 when every p_t is tiny: name neither."""
    if np.all(log_pt < -30):
        raise ValueError("ambiguous")
    return log_pt


@focal_loss.mistake("gamma_on_p_t", "p_t ** gamma instead of (1 - p_t) ** gamma",
                    "The modulating factor is (1 - p_t) ** gamma: small for well-classified samples "
                    "(p_t near 1), so they count less.")
def _focal_pt(case):
    return _focal_from(_unless_all_tiny(_log_pt(case)), _gamma(case), lambda p: p ** _gamma(case))


@focal_loss.mistake("missing_log", "-(1 - p_t) ** gamma * p_t (the log is missing)",
                    "Each sample costs -(1 - p_t) ** gamma * log(p_t): the cross-entropy term "
                    "log(p_t), scaled.")
def _focal_nolog(case):
    p = np.exp(_unless_all_tiny(_log_pt(case)))
    return float(np.mean(-(1 - p) ** _gamma(case) * p))


@focal_loss.mistake("mean_over_classes", "divided by N * C instead of N",
                    "Only the true class contributes to a sample's loss: average over the N samples.")
def _focal_nc(case):
    return ref.focal_loss(case.logits, case.labels, _gamma(case)) / case.logits.shape[1]


for _dt in (np.float64, np.float32):
    focal_loss.mistake(
        "no_logsumexp", "the log of a naively computed softmax: inf or nan for large logits",
        "exp overflows for logits above about 709 and p underflows to 0 far below: take log p_t "
        "from the log-softmax, z_y - max - log(sum exp(z - max)).")(
        lambda case, _dt=_dt: _focal_from(_log_pt(case, _dt, stable=False), _gamma(case)))


def _focal_clipped(eps, how):
    def compute(case):
        p = np.exp(_log_pt(case))
        q = p + eps if how == "add" else np.clip(p, eps, 1 - eps)
        return float(np.mean(-(1 - p) ** _gamma(case) * np.log(q)))
    return compute


for _eps in (1e-7, 1e-8, 1e-12, 1e-15, 1e-9, 1e-10, 1e-6):
    for _how in ("add", "clip"):
        focal_loss.mistake(
            "clipped_log", "the log of a clipped (or eps-shifted) probability",
            "Clipping caps the loss of a confident wrong prediction near -log(eps). Take log p_t "
            "from the log-softmax of the logits.")(_focal_clipped(_eps, _how))


@focal_loss.mistake("gamma_ignored", "gamma is ignored (always 2)",
                    "Use the gamma argument in the modulating factor (1 - p_t) ** gamma.")
def _focal_g2(case):
    return ref.focal_loss(case.logits, case.labels, 2.0)


@focal_loss.mistake("sign_flipped", "the sign is flipped (the loss is <= 0)",
                    "The loss is -(1 - p_t) ** gamma * log(p_t), which is >= 0.")
def _focal_sign(case):
    return -ref.focal_loss(case.logits, case.labels, _gamma(case))


def _focal_grad_with(case, factor_fn, dtype=np.float64, shift=True, onehot=True):
    """(softmax - onehot) * factor(p) / N with a chosen factor."""
    s = _softmax(case, dtype, shift)
    rows = np.arange(s.shape[0]), np.asarray(case.labels, dtype=np.intp)
    p = s[rows]
    with _quiet():
        factor = factor_fn(p, _gamma(case))
        g = (s - _onehot(case)) if onehot else s
        return g * factor[:, None] / s.shape[0]


def _ratio(p):
    """log(p) / (1 - p), -1 at p = 1 (its limit)."""
    q = 1 - p
    with _quiet():
        return np.where(q > 0, np.log(p) / np.where(q > 0, q, 1.0), -1.0)


def _right_factor(p, gamma):
    q = 1 - p
    return q ** gamma - gamma * p * q ** gamma * _ratio(p)


reference_property(focal_loss_grad, FOCAL, lambda c: ref.focal_loss_grad(c.logits, c.labels, _gamma(c)),
                   cases=focal_cases(), examples=FOCAL_EDGE,
                   scale=lambda c: np.full(c.logits.shape, (1 + _gamma(c)) / c.logits.shape[0]),
                   grad=True)


@focal_loss_grad.mistake("grad_not_divided_by_n", "the gradient is not divided by the batch size N",
                         "The loss is the mean over the batch: divide every row by N.")
def _fg_n(case):
    return ref.focal_loss_grad(case.logits, case.labels, _gamma(case)) * case.logits.shape[0]


@focal_loss_grad.mistake("sign_flipped", "the sign is flipped",
                         "Raising the true class's logit lowers the loss: its entry is <= 0.")
def _fg_sign(case):
    return -ref.focal_loss_grad(case.logits, case.labels, _gamma(case))


@focal_loss_grad.mistake("modulating_factor_treated_constant", "(1 - p_t) ** gamma (softmax - "
                         "onehot) / N: the modulating factor is treated as a constant",
                         "(1 - p_t) ** gamma depends on the logits too: add its derivative, the "
                         "term -gamma p_t (1 - p_t) ** (gamma - 1) log(p_t), to the factor.")
def _fg_const(case):
    return _focal_grad_with(case, lambda p, g: (1 - p) ** g)


@focal_loss_grad.mistake("onehot_not_subtracted", "softmax times the factor: the one-hot labels "
                         "are not subtracted", "dp_t/dz_k = p_t ([k == y] - softmax_k): subtract 1 "
                         "at the true class.")
def _fg_onehot(case):
    return _focal_grad_with(case, _right_factor, onehot=False)


@focal_loss_grad.mistake("modulating_derivative_sign_flipped", "the modulating factor's derivative "
                         "is added with the wrong sign",
                         "The factor is (1 - p)**gamma - gamma p (1 - p)**(gamma - 1) log p (>= 0, as "
                         "log p <= 0).")
def _fg_dsign(case):
    return _focal_grad_with(case, lambda p, g: (1 - p) ** g + g * p * (1 - p) ** g * _ratio(p))


for _dt in (np.float64, np.float32):
    focal_loss_grad.mistake(
        "no_max_shift", "exp of the raw logits: nan for large logits",
        "Subtract each row's maximum before exp (the softmax does not change).")(
        lambda case, _dt=_dt: _focal_grad_with(case, _right_factor, _dt, shift=False))


@focal_loss_grad.mistake("gamma_ignored", "gamma is ignored (always 2)",
                         "Use the gamma argument.")
def _fg_g2(case):
    return ref.focal_loss_grad(case.logits, case.labels, 2.0)


@focal_loss_grad.mistake("cross_entropy_gradient_returned", "(softmax - onehot) / N: the "
                         "cross-entropy gradient, without the modulating factor",
                         "Multiply each row by (1 - p)**gamma - gamma p (1 - p)**(gamma - 1) log p "
                         "(it is 1 only at gamma = 0).")
def _fg_ce(case):
    return ref.cross_entropy_grad(case.logits, case.labels)
