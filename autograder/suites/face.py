"""Hidden suite: face.triplet_loss.

The exercise, its strategies and its public properties are in
``autograder/public/face.py``; this module adds the hidden properties and the
mistakes recognised by value.
"""


import numpy as np

from autograder.checking import assert_close
from autograder.public.face import EDGE, _call, _distances, _f64, _m, _scale, triplet_cases, triplet_loss
from reference import face as ref


# ------------------------------------------------------------------ properties

@triplet_loss.property("agrees with the reference triplet loss on generated inputs",
                       cases=triplet_cases(), public=False, weight=3, examples=EDGE, max_examples=70)
def matches_reference(student, case):
    got = _call(student, case.anchor, case.positive, case.negative, case.margin)
    want = ref.triplet_loss(case.anchor, case.positive, case.negative, _m(case))
    assert_close(got, want, name="the loss",
                 scale=_scale(case.anchor, case.positive, case.negative, _m(case)))


# ------------------------------------------------------------ known mistakes


def _hinge_sum(d_ap, d_an, margin):
    return float(np.sum(np.maximum(d_ap - d_an + margin, 0.0)))


@triplet_loss.mistake("mean_not_sum", "the hinge terms are averaged over the batch",
                      "The triplet loss is the sum of the per-triplet terms over the batch: use "
                      "np.sum, not np.mean.")
def _mean_not_sum(case):
    d_ap, d_an = _distances(case)
    return float(np.mean(np.maximum(d_ap - d_an + _m(case), 0.0)))


@triplet_loss.mistake("no_hinge", "no max(0, .) hinge",
                      "Clamp each triplet's term at 0 with np.maximum(term, 0) before summing; a "
                      "triplet that meets the margin must add nothing, not a negative amount.")
def _no_hinge(case):
    d_ap, d_an = _distances(case)
    return float(np.sum(d_ap - d_an + _m(case)))


@triplet_loss.mistake("unsquared_distance", "Euclidean distances instead of squared ones",
                      "The loss uses squared distances: np.sum((a - p) ** 2, axis=-1), without "
                      "np.sqrt (and without np.linalg.norm).")
def _unsquared(case):
    d_ap, d_an = _distances(case)
    return _hinge_sum(np.sqrt(d_ap), np.sqrt(d_an), _m(case))


@triplet_loss.mistake("hinge_after_sum", "the hinge is applied once to the batch total",
                      "Apply max(0, .) to each triplet's term, then sum: max(0, sum of terms) lets "
                      "easy triplets cancel hard ones.")
def _hinge_after_sum(case):
    d_ap, d_an = _distances(case)
    return float(max(np.sum(d_ap - d_an + _m(case)), 0.0))


@triplet_loss.mistake("hinge_after_sum", "", "")
def _hinge_after_sum_margin_once(case):
    if case.anchor.shape[1] == 1:  # the same as reduced_over_batch_axis: name neither
        raise ValueError("ambiguous at D = 1")
    d_ap, d_an = _distances(case)
    return float(max(np.sum(d_ap) - np.sum(d_an) + _m(case), 0.0))


@triplet_loss.mistake("margin_subtracted", "the margin is subtracted",
                      "The hinge is max(0, d_pos - d_neg + margin): the negative must be farther "
                      "than the positive by at least the margin, so add it.")
def _margin_subtracted(case):
    d_ap, d_an = _distances(case)
    return _hinge_sum(d_ap, d_an, -_m(case))


@triplet_loss.mistake("reduced_over_batch_axis", "distances summed over the batch axis (axis=0)",
                      "Each triplet has its own distance, summed over the embedding coordinates: "
                      "np.sum((a - p) ** 2, axis=-1) gives one value per triplet (shape (N,)).")
def _batch_axis(case):
    if case.anchor.shape[1] == 1:  # the same as hinge_after_sum with the margin added once
        raise ValueError("ambiguous at D = 1")
    a, p, n = _f64(case.anchor), _f64(case.positive), _f64(case.negative)
    return _hinge_sum(np.sum((a - p) ** 2, axis=0), np.sum((a - n) ** 2, axis=0), _m(case))


@triplet_loss.mistake("l1_distance", "L1 distances (sum of absolute differences)",
                      "Use squared Euclidean distances, np.sum((a - p) ** 2, axis=-1), not "
                      "np.sum(np.abs(a - p), axis=-1).")
def _l1(case):
    a, p, n = _f64(case.anchor), _f64(case.positive), _f64(case.negative)
    return _hinge_sum(np.abs(a - p).sum(axis=-1), np.abs(a - n).sum(axis=-1), _m(case))


# ------------------------------------------------------------ reference result, for the diagnosis


def _reference(case):
    return ref.triplet_loss(case.anchor, case.positive, case.negative, _m(case))


triplet_loss.reference = _reference
