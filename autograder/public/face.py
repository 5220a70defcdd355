"""Public checks: face.triplet_loss.

sum_i max(0, |a_i - p_i|^2 - |a_i - n_i|^2 + margin), squared Euclidean
distances along the last axis, summed (not averaged) over the batch; 0.0 for
an empty batch. Students receive this module (see `autograder.public`); the
hidden part of the suite is in ``autograder/suites/face.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, assert_close, assert_unchanged,
                                 strategies as S)
from autograder.checking.compare import f64 as _f64


triplet_loss = Exercise("face.triplet_loss")

#: None means "not passed": the default margin 0.2 is used.
MARGINS = (None, 0.2, 0.0, 0.5, 1.0, 3.0, 1e-3, 10.0)


# ------------------------------------------------------------------ cases

@st.composite
def triplet_cases(draw, min_n=0, max_n=5, margins=MARGINS):
    """anchor, positive, negative (N, D) and a margin.

    The positive and the negative are either independent arrays or the anchor
    plus a perturbation (so the hinge is sometimes active, sometimes not, and
    sometimes exactly at 0 with the "ties" style).
    """
    n = draw(st.integers(min_n, max_n))
    d = draw(S.dims(1, 6))
    dt = draw(S.dtypes())
    near = draw(st.booleans())
    styles = [draw(S.styles()) for _ in range(3)]
    seed = draw(S.seeds())
    margin = draw(st.sampled_from(margins))
    a = S.build_array((n, d), styles[0], seed)
    p = S.build_array((n, d), styles[1], seed + 1)
    q = S.build_array((n, d), styles[2], seed + 2)
    if near:
        p, q = a + p, a + q
    return Case(anchor=a.astype(dt), positive=p.astype(dt), negative=q.astype(dt), margin=margin)


@st.composite
def with_fields(draw, cases, **fields):
    """Cases from ``cases`` with extra drawn fields (shown in the counterexample)."""
    case = draw(cases)
    return Case(case, **{k: draw(v) for k, v in fields.items()})


def _case(a, p, n, margin=None, dtype=np.float64):
    return Case(anchor=np.array(a, dtype=dtype), positive=np.array(p, dtype=dtype),
                negative=np.array(n, dtype=dtype), margin=margin)


EDGE = (
    # three triplets, two active; every known mistake gives a different value here
    _case([[-2.0, 0.0], [-2.0, -2.0], [0.0, 2.0]], [[-1.0, 1.0], [0.0, 1.0], [2.0, 0.0]],
          [[2.0, 0.0], [1.0, -2.0], [2.0, 2.0]]),
    _case([[0.0, 1.0, 2.0], [1.0, -1.0, 0.0]], [[0.5, 1.0, 2.0], [1.0, -1.0, 3.0]],
          [[0.0, 1.0, 2.5], [1.0, 0.0, 0.0]], margin=1.0),
    _case(np.zeros((0, 4)), np.zeros((0, 4)), np.zeros((0, 4))),                 # empty batch: 0.0
    _case([[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]], [[1.0, 2.0, 3.0]], margin=0.5),  # one collapsed triplet
    _case([[0.0], [3.0]], [[1.0], [3.0]], [[2.0], [2.0]], margin=0.0),            # D = 1, margin 0
    _case([[1e3, -2e3], [5e2, 0.0]], [[1e3 + 1.0, -2e3], [5e2, 2.0]], [[1e3, -2e3 + 0.5], [5e2, 1.0]],
          margin=3.0, dtype=np.float32),
    _case([[0.0, 0.0]], [[1.0, 0.0]], [[0.0, 1.0]], margin=10.0),
)


# ------------------------------------------------------------------ helpers

def _margin_args(margin):
    return () if margin is None else (margin,)


def _m(case):
    return 0.2 if case.margin is None else case.margin


def _call(student, a, p, n, margin=None, name="triplet_loss(anchor, positive, negative)"):
    v = student.triplet_loss(a, p, n, *_margin_args(margin))
    try:
        return as_float(v, name)
    except Failure as f:
        f.observed = v
        raise


def _scale(a, p, n, margin):
    """Size of the terms the loss is computed from.

    Per coordinate, (|a| + |p|) |a - p| bounds the rounding of (a - p)^2 when a
    and p are rounded (to float32, say) and of the expansion |a|^2 - 2 a.p + |p|^2.
    """
    a, p, n = _f64(a), _f64(p), _f64(n)
    terms = (np.abs(a) + np.abs(p)) * np.abs(a - p) + (np.abs(a) + np.abs(n)) * np.abs(a - n)
    return float(terms.sum() + a.shape[0] * abs(margin))


def _distances(case):
    a, p, n = _f64(case.anchor), _f64(case.positive), _f64(case.negative)
    return np.sum((a - p) ** 2, axis=-1), np.sum((a - n) ** 2, axis=-1)


# ------------------------------------------------------------------ properties

@triplet_loss.property("returns a single float (0.0 for an empty batch), not an array of "
                       "per-triplet losses", cases=triplet_cases(max_n=3), public=True, weight=0.5,
                       max_examples=8, examples=(EDGE[2],),
                       hint="Sum the per-triplet hinge terms and return one number, e.g. "
                            "float(np.sum(losses)); with N = 0 that sum is 0.0 (np.stack and "
                            "np.concatenate of an empty list raise).")
def returns_float(student, case):
    got = _call(student, case.anchor, case.positive, case.negative, case.margin)
    if case.anchor.shape[0] == 0 and got != 0.0:
        raise Failure(f"the loss of an empty batch is {got}; it should be 0.0.", observed=got)


@triplet_loss.property("is non-negative, and exactly 0 when every negative is farther from its "
                       "anchor than the positive by more than the margin",
                       cases=with_fields(triplet_cases(min_n=1), seed=S.seeds()),
                       public=True, weight=1, max_examples=15,
                       hint="Apply the hinge max(0, d_pos - d_neg + margin) to each triplet before "
                            "summing: a triplet that meets the margin contributes nothing, it does "
                            "not reduce the loss.")
def zero_when_margin_met(student, case):
    got = _call(student, case.anchor, case.positive, case.negative, case.margin)
    if got < 0:
        raise Failure(f"the loss is negative ({got:.6g}); every hinge term max(0, .) is >= 0.",
                      observed=got)
    # push every negative away from its anchor, far enough to meet the margin with room to spare
    a, p = _f64(case.anchor), _f64(case.positive)
    d_ap = np.sum((a - p) ** 2, axis=-1)
    rng = np.random.default_rng(case.seed)
    u = rng.standard_normal(a.shape)
    u /= np.linalg.norm(u, axis=-1, keepdims=True)
    radius = 2.0 * np.sqrt(d_ap + abs(_m(case))) + 1.0
    n = (a + radius[:, None] * u).astype(case.anchor.dtype)
    got = _call(student, case.anchor, case.positive, n, case.margin,
                "the loss with every negative far from its anchor")
    if got != 0.0:  # every hinge argument is far below 0, so any correct computation gives 0
        raise Failure(f"every triplet meets the margin (|a-n|^2 >= 4 (|a-p|^2 + margin) + 1), so the "
                      f"loss should be 0, but it is {got:.6g} (negatives moved to {S.show(n)}).",
                      observed=got)


@triplet_loss.property("the loss of a batch is the sum of the losses of its two parts (either part "
                       "may be empty)", cases=with_fields(triplet_cases(min_n=1), split=st.integers(0, 5)),
                       public=True, weight=1, max_examples=15,
                       hint="Compute one squared distance per triplet (sum over the last axis, "
                            "axis=-1), apply the hinge to each triplet, then sum over the batch "
                            "(a sum, not a mean; an empty batch gives 0.0).")
def batch_additive(student, case):
    n = case.anchor.shape[0]
    k = min(case.split, n)
    whole = _call(student, case.anchor, case.positive, case.negative, case.margin)
    parts = [_call(student, case.anchor[s], case.positive[s], case.negative[s], case.margin,
                   f"the loss of triplets [{s.start or ''}:{s.stop if s.stop is not None else ''}]")
             for s in (slice(None, k), slice(k, None))]
    assert_close(whole, parts[0] + parts[1],
                 name=f"the loss of all {n} triplets compared with the sum of the losses of triplets "
                      f"[:{k}] and [{k}:]",
                 scale=_scale(case.anchor, case.positive, case.negative, _m(case)), observed=whole)


@triplet_loss.property("when anchor, positive and negative coincide, every triplet contributes "
                       "exactly the margin (N * margin in total)",
                       cases=triplet_cases(min_n=1, margins=MARGINS[1:]), public=True, weight=1,
                       max_examples=12, examples=(EDGE[3],),
                       hint="With d_pos = d_neg = 0 each hinge is max(0, margin) = margin: add the "
                            "margin argument (do not subtract it or hard-code 0.2), and sum over the "
                            "batch.")
def collapsed_embeddings(student, case):
    a = case.anchor
    got = _call(student, a, a, a, case.margin, "triplet_loss(a, a, a, margin)")
    want = a.shape[0] * case.margin
    assert_close(got, want, name=f"the loss of {a.shape[0]} collapsed triplets with margin "
                 f"{case.margin:g}", scale=abs(want) + 1e-6)


@triplet_loss.property("at margin 0, swapping positive and negative changes the loss by exactly "
                       "sum_i (|a_i - p_i|^2 - |a_i - n_i|^2)",
                       cases=triplet_cases(margins=(0.0,)), public=True, weight=1, max_examples=12,
                       examples=(EDGE[4],),
                       hint="Use squared Euclidean distances, d = np.sum((a - p) ** 2, axis=-1): no "
                            "square root, no absolute values; and a hinge max(0, .) per triplet.")
def swap_identity(student, case):
    a, p, n = case.anchor, case.positive, case.negative
    forward = _call(student, a, p, n, 0.0, "triplet_loss(a, p, n, 0)")
    swapped = _call(student, a, n, p, 0.0, "triplet_loss(a, n, p, 0)")
    d_ap, d_an = _distances(case)
    assert_close(forward - swapped, float(np.sum(d_ap - d_an)),
                 name="triplet_loss(a, p, n, 0) - triplet_loss(a, n, p, 0)",
                 scale=_scale(a, p, n, 0.0))


@st.composite
def translated_cases(draw):
    case = draw(triplet_cases(min_n=1))
    rng = np.random.default_rng(draw(S.seeds()))
    case["shift"] = rng.integers(-8, 9, size=case.anchor.shape[1]).astype(np.float64)
    return case


@triplet_loss.property("is unchanged when the same vector is added to every embedding",
                       cases=translated_cases(), public=True, weight=0.5, max_examples=8,
                       hint="The loss depends only on the differences a - p and a - n.")
def translation_invariant(student, case):
    a, p, n = (_f64(v) + case.shift for v in (case.anchor, case.positive, case.negative))
    dt = case.anchor.dtype
    base = _call(student, case.anchor, case.positive, case.negative, case.margin)
    moved = _call(student, a.astype(dt), p.astype(dt), n.astype(dt), case.margin,
                  "the loss after adding shift to every embedding")
    assert_close(moved, base, name="the loss of (anchor + shift, positive + shift, negative + shift) "
                 "compared with that of (anchor, positive, negative)",
                 scale=_scale(a, p, n, _m(case)) + _scale(case.anchor, case.positive, case.negative, 0.0))


@triplet_loss.property("does not modify its inputs", cases=triplet_cases(min_n=1), public=True,
                       weight=0.5, max_examples=8, examples=(EDGE[0],))
def inputs_unchanged(student, case):
    _, args, _ = student.call("triplet_loss", case.anchor, case.positive, case.negative,
                              *_margin_args(case.margin), echo=True)
    assert_unchanged([case.anchor, case.positive, case.negative], args,
                     ["anchor", "positive", "negative"])
