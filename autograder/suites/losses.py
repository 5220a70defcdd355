"""Hidden suite: losses.cross_entropy.

The exercise, its strategies and its public properties are in
``autograder/public/losses.py``; this module adds the hidden properties and
the mistakes recognised by value.
"""


import numpy as np

from autograder.checking import assert_close
from autograder.public.losses import EDGE, _call, _scale, ce_cases, cross_entropy
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
