"""Public checks: losses.cross_entropy.

Mean over the batch of -log softmax(logits)[i, labels[i]], from logits (N, C)
and integer labels (N,); finite for any finite logits. Students receive this
module (see `autograder.public`); the hidden part of the suite is in
``autograder/suites/losses.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, assert_close, assert_unchanged,
                                 strategies as S)


cross_entropy = Exercise("losses.cross_entropy")

#: Row offsets that make some rows overflow a naive exp (float64 above ~709, float32 above ~88),
#: underflow it, or sit far from the other rows (a global max shift then underflows them).
OFFSETS = (0.0, -1e4, 1e4, 3e3, -700.0, 300.0, -300.0, 100.0)
LABEL_DTYPES = (np.int64, np.int32)


# ------------------------------------------------------------------ cases

@st.composite
def ce_cases(draw, min_n=1, max_n=5, offsets=True):
    n = draw(st.integers(min_n, max_n))
    c = draw(S.dims(1, 6))
    dt = draw(S.dtypes())
    style = draw(S.styles())
    seed = draw(S.seeds())
    shifted = offsets and draw(st.booleans())
    label_dtype = draw(st.sampled_from(LABEL_DTYPES))
    rng = np.random.default_rng(seed + 1)
    logits = S.build_array((n, c), style, seed, np.float64)
    if shifted:  # move whole rows far away (1e2 to 1e4)
        logits = logits + rng.choice(OFFSETS, size=(n, 1))
    labels = rng.integers(0, c, size=n).astype(label_dtype)
    return Case(logits=logits.astype(dt), labels=labels)


@st.composite
def with_fields(draw, cases, **fields):
    """Cases from ``cases`` with extra drawn fields (shown in the counterexample)."""
    case = draw(cases)
    return Case(case, **{k: draw(v) for k, v in fields.items()})


def _case(logits, labels, dtype=np.float64):
    return Case(logits=np.array(logits, dtype=dtype), labels=np.array(labels, dtype=np.int64))


EDGE = (
    _case([[1.0, 2.0, 0.5, -1.0], [0.0, -2.0, 3.0, 1.0], [2.0, 2.0, -1.0, 0.0]], [3, 0, 1]),
    _case([[1000.0, 0.0, -1000.0], [-1e4, 1e4, 0.0]], [0, 2]),        # overflow and tiny p
    _case([[0.0, 1.0, 2.0], [-1e4, -1e4 + 1.0, -1e4 + 2.0]], [1, 0]),  # rows far apart
    _case([[300.0, 301.0, 299.0], [-300.0, -302.0, -301.0]], [2, 1], np.float32),
    _case([[5.0], [-3.0]], [0, 0]),                                   # one class: loss 0
    _case([[0.5, 0.5, 0.5, 0.5, 0.5]], [4]),                           # ties: log 5
    _case([[1e-6, -2e-6], [3e-6, 0.0]], [1, 1], np.float32),
)


# ------------------------------------------------------------------ helpers

def _call(student, logits, labels, name="cross_entropy(logits, labels)"):
    v = student.cross_entropy(logits, labels)
    try:
        return as_float(v, name)
    except Failure as f:
        f.observed = v
        raise


def _finite(student, logits, labels, name):
    """The loss, which must be finite (the logits always are)."""
    got = _call(student, logits, labels, name)
    if not np.isfinite(got):
        raise Failure(f"{name} is {got} (not finite) for logits between "
                      f"{float(np.min(logits)):.4g} and {float(np.max(logits)):.4g}: use log-sum-exp.",
                      observed=got)
    return got


def _scale(loss):
    """Tolerance scale: the loss is a mean of non-negative terms, plus 1 as an absolute floor."""
    return abs(loss) + 1.0


# ------------------------------------------------------------------ properties

@cross_entropy.property("returns a single float (not an array of per-sample losses)",
                        cases=ce_cases(max_n=3, offsets=False), public=True, weight=0.5,
                        max_examples=8, examples=(EDGE[4],),
                        hint="Average the per-sample losses over the batch and return one number, "
                             "e.g. float(np.mean(losses)).")
def returns_float(student, case):
    _call(student, case.logits, case.labels)


@cross_entropy.property("is finite and non-negative, also for logits of magnitude up to 1e4",
                        cases=ce_cases(), public=True, weight=1, max_examples=18,
                        examples=(EDGE[1], EDGE[2], EDGE[3]),
                        hint="Use log-sum-exp: loss_i = m_i + log(sum_j exp(z_ij - m_i)) - z_i,y with "
                             "m_i the maximum of row i. Never take the log of a probability that may "
                             "have underflowed to 0, and do not clip it.")
def finite_and_nonnegative(student, case):
    got = _call(student, case.logits, case.labels)
    if not np.isfinite(got):
        raise Failure(f"the loss is {got} (not finite) for finite logits between "
                      f"{float(np.min(case.logits)):.4g} and {float(np.max(case.logits)):.4g}.",
                      observed=got)
    if got < -1e-6:
        raise Failure(f"the loss is negative ({got:.6g}); -log of a probability is >= 0.", observed=got)


@st.composite
def confident_cases(draw):
    """Two classes per row; the true class's logit lies g (30 to 1e4) below the other."""
    n = draw(st.integers(1, 4))
    dt = draw(S.dtypes())
    rng = np.random.default_rng(draw(S.seeds()))
    gaps = rng.choice([30.0, 64.0, 100.0, 700.0, 1e4], size=n)
    base = rng.choice([0.0, 5.0, -200.0, 1e4], size=n)
    right = rng.integers(0, 2, size=n)  # column of the true class
    logits = np.empty((n, 2))
    logits[np.arange(n), right] = base - gaps
    logits[np.arange(n), 1 - right] = base
    return Case(logits=logits.astype(dt), labels=right.astype(np.int64))


@cross_entropy.property("a confident wrong prediction costs its full price: when the true class's "
                        "logit is g below the other one (g from 30 to 1e4), the loss of the sample is "
                        "g + log(1 + exp(-g))", cases=confident_cases(), public=True, weight=1,
                        max_examples=12,
                        hint="Do not clip p or add an eps before the log: that caps the loss near "
                             "-log(eps). Compute -log p from the logits with log-sum-exp.")
def confident_mistakes(student, case):
    z = case.logits.astype(np.float64)
    gaps = z.max(axis=1) - z.min(axis=1)
    got = _call(student, case.logits, case.labels)
    want = float(np.mean(gaps + np.log1p(np.exp(-gaps))))
    assert_close(got, want, name=f"the loss when the true class is {', '.join(f'{g:g}' for g in gaps)} "
                 "below the other class", scale=_scale(want))


@st.composite
def shifted_cases(draw):
    """A case and a constant per row (up to 1e4) to add to its logits."""
    case = draw(ce_cases(offsets=False))
    rng = np.random.default_rng(draw(S.seeds()))
    case["shift"] = rng.choice([-1e4, -50.0, 3.0, 800.0, 1e4], size=(case.logits.shape[0], 1))
    return case


@cross_entropy.property("is unchanged when a constant is added to every logit of a row (constants "
                        "up to 1e4)", cases=shifted_cases(), public=True, weight=1, max_examples=15,
                        hint="softmax and so the loss are shift invariant per row: subtract the row "
                             "maximum, and if you do, add it back in log-sum-exp (or subtract it from "
                             "the true-class logit as well).")
def shift_invariant(student, case):
    moved = (case.logits.astype(np.float64) + case.shift).astype(case.logits.dtype)
    # Compare with the loss of exactly moved - shift (computed in float64), so that rounding of
    # the shifted logits (in float32) does not count.
    back = moved.astype(np.float64) - case.shift
    base = _finite(student, back, case.labels, "cross_entropy(logits, labels)")
    got = _finite(student, moved, case.labels, "cross_entropy(logits + shift, labels)")
    assert_close(got, base, name="cross_entropy(logits + shift, labels) compared with "
                 "cross_entropy(logits, labels)", scale=_scale(base))


@st.composite
def uniform_cases(draw):
    """Every row constant (0, -3, 2.5 or +-1e4)."""
    case = draw(ce_cases(offsets=False))
    n, c = case.logits.shape
    rows = np.random.default_rng(draw(S.seeds())).choice([0.0, -3.0, 1e4, -1e4, 2.5], size=(n, 1))
    return Case(case, logits=np.repeat(rows, c, axis=1).astype(case.logits.dtype))


@cross_entropy.property("equals log(C) when all the logits of each row are equal (C classes), "
                        "whatever the batch size", cases=uniform_cases(), public=True, weight=1,
                        max_examples=12, examples=(Case(EDGE[0], logits=np.full((3, 4), 2.0)),),
                        hint="With equal logits every class has probability 1/C, so each sample "
                             "loses log(C); the batch loss is the mean over samples (divide by N, "
                             "not by N * C).")
def uniform_logits(student, case):
    c = case.logits.shape[1]
    got = _finite(student, case.logits, case.labels, "the loss")
    assert_close(got, float(np.log(c)), name=f"the loss for equal logits (C = {c})", scale=1.0)


@cross_entropy.property("the loss of a batch is the average of the losses of its two parts, "
                        "weighted by their sizes",
                        cases=with_fields(ce_cases(min_n=2), split=st.integers(1, 4)),
                        public=True, weight=1, max_examples=15,
                        hint="Average over the batch: (1/N) * sum_i loss_i, where sample i uses its "
                             "own label, logits[i, labels[i]] (index with np.arange(N) and labels "
                             "together, not logits[:, labels]).")
def batch_mean(student, case):
    n = case.logits.shape[0]
    k = min(case.split, n - 1)
    whole = _finite(student, case.logits, case.labels, "the loss")
    top = _finite(student, case.logits[:k], case.labels[:k], f"the loss of samples [:{k}]")
    bottom = _finite(student, case.logits[k:], case.labels[k:], f"the loss of samples [{k}:]")
    want = (k * top + (n - k) * bottom) / n
    assert_close(whole, want, name=f"the loss of all {n} samples compared with the weighted mean of "
                 f"the losses of samples [:{k}] and [{k}:]", scale=_scale(want), observed=whole)


@cross_entropy.property("does not modify its inputs", cases=ce_cases(), public=True, weight=0.5,
                        max_examples=8, examples=(EDGE[0],))
def inputs_unchanged(student, case):
    _, args, _ = student.call("cross_entropy", case.logits, case.labels, echo=True)
    assert_unchanged([case.logits, case.labels], args, ["logits", "labels"])
