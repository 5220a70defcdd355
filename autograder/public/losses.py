"""Public checks: the losses unit.

- ``losses.cross_entropy``: mean over the batch of -log softmax(logits)[i, labels[i]], from
  logits (N, C) and integer labels (N,); finite for any finite logits.
- ``mse``, ``mae``, ``huber`` (regression), ``binary_cross_entropy`` (from probabilities, each
  log clamped at -100) and ``binary_cross_entropy_with_logits``: means over all entries of arrays
  of any shape; ``cross_entropy`` and ``focal_loss`` (logits (N, C), integer labels (N,)):
  means over the batch.
- every ``<loss>_grad``: the gradient of that mean with respect to the loss's first argument.

The six loss/gradient pairs share most of their properties (a finite float >= 0, zero at a
perfect prediction, a mean rather than a sum, gradients that agree with central differences of
the student's own loss, ...): a `Family` says how to call a pair, and the factories
`loss_properties` and `gradient_properties` register those shared properties on its two
exercises. The properties specific to one function follow. Students receive this module (see
`autograder.public`); the hidden part of the suite is in ``autograder/suites/losses.py``.
"""

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, as_float_array, assert_close,
                                 assert_unchanged, strategies as S)
from autograder.checking.compare import f64 as _f64
from autograder.checking.runner import NotStarted
from autograder.isolation.worker import StudentError


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


# ====================================================================== the other losses

cross_entropy_grad = Exercise("losses.cross_entropy_grad")
mse = Exercise("losses.mse")
mse_grad = Exercise("losses.mse_grad")
mae = Exercise("losses.mae")
mae_grad = Exercise("losses.mae_grad")
huber = Exercise("losses.huber")
huber_grad = Exercise("losses.huber_grad")
binary_cross_entropy = Exercise("losses.binary_cross_entropy")
binary_cross_entropy_grad = Exercise("losses.binary_cross_entropy_grad")
binary_cross_entropy_with_logits = Exercise("losses.binary_cross_entropy_with_logits")
binary_cross_entropy_with_logits_grad = Exercise("losses.binary_cross_entropy_with_logits_grad")
focal_loss = Exercise("losses.focal_loss")
focal_loss_grad = Exercise("losses.focal_loss_grad")


@dataclass(frozen=True)
class Family:
    """A loss, its gradient, and how to call them on a case.

    ``args`` are the case fields passed positionally (the gradient is with respect to the first);
    ``option`` is a keyword field (delta, gamma), passed when the case holds a value for it (None:
    the default is used); ``batch`` is True when the loss is a mean over the rows (classification)
    rather than over all entries.
    """

    loss: str
    grad: str
    args: tuple
    option: str | None = None
    default: float | None = None
    batch: bool = False

    def call(self, case, first=None):
        args = [case[a] for a in self.args]
        if first is not None:
            args[0] = first
        value = case.get(self.option) if self.option else None
        return args, ({self.option: value} if value is not None else {})

    def option_value(self, case):
        """The option's value in a case (its default when the case leaves it out)."""
        value = case.get(self.option) if self.option else None
        return self.default if value is None else value

    def text(self, fn, case=None, first=None):
        """How a call reads in a message: ``mse(pred, target)``, ``huber(pred, target, delta=0.5)``."""
        args = list(self.args)
        if first is not None:
            args[0] = first
        if case is not None and self.option and case.get(self.option) is not None:
            args.append(f"{self.option}={case[self.option]:g}")
        return f"{fn}({', '.join(args)})"

    def size(self, case):
        """What the mean divides by: the number of entries (or of rows)."""
        first = case[self.args[0]]
        return first.shape[0] if self.batch else first.size


MSE = Family("mse", "mse_grad", ("pred", "target"))
MAE = Family("mae", "mae_grad", ("pred", "target"))
HUBER = Family("huber", "huber_grad", ("pred", "target"), "delta", 1.0)
BCE = Family("binary_cross_entropy", "binary_cross_entropy_grad", ("probs", "targets"))
BCE_LOGITS = Family("binary_cross_entropy_with_logits", "binary_cross_entropy_with_logits_grad",
                    ("logits", "targets"))
CE = Family("cross_entropy", "cross_entropy_grad", ("logits", "labels"), batch=True)
FOCAL = Family("focal_loss", "focal_loss_grad", ("logits", "labels"), "gamma", 2.0, batch=True)


# ------------------------------------------------------------------ calling the student

def loss_value(student, fam, case, first=None, name=None):
    """The student's loss on ``case`` (first argument replaced by ``first``): a finite float."""
    args, kwargs = fam.call(case, first)
    name = name or f"{fam.text(fam.loss, case)}"
    v = student.call(fam.loss, *args, **kwargs)
    try:
        got = as_float(v, name)
    except Failure as f:
        f.observed = v
        raise
    if not np.isfinite(got):
        raise Failure(f"{name} is {got}, not a finite number, although every input is valid.",
                      observed=got)
    return got


def grad_value(student, fam, case, first=None, name=None):
    """The student's gradient on ``case``: a finite float array shaped like the first argument."""
    args, kwargs = fam.call(case, first)
    name = name or f"{fam.text(fam.grad, case)}"
    g = student.call(fam.grad, *args, **kwargs)
    try:
        g = as_float_array(g, name, np.shape(args[0]))
    except Failure as f:
        f.observed = g
        raise
    if not np.all(np.isfinite(g)):
        raise Failure(f"{name} contains {int(np.sum(~np.isfinite(g)))} non-finite values (nan or "
                      "inf) although every input is valid.", observed=g)
    return g


def own(student, fam, case, first, purpose):
    """The student's own loss, called from a gradient exercise (which does not require it)."""
    name = fam.text(fam.loss, case, first="..." if first is not None else None)
    try:
        return loss_value(student, fam, case, first, name)
    except NotStarted:
        pass
    except StudentError as e:
        if e.type not in ("NotImplementedError", "LookupError"):
            raise
    except Failure as f:
        raise Failure(f"this check uses your own {fam.loss} ({purpose}), and it failed: "
                      f"{f.message} Fix {fam.loss} first.") from None
    raise Failure(f"this check uses your own {fam.loss} ({purpose}), which is not written yet: "
                  f"implement {fam.loss} (another exercise of this unit) first.")


def _stacked(fam, case):
    """The case with every positional input repeated twice along the first axis."""
    return Case(case, **{a: np.concatenate([case[a], case[a]], axis=0) for a in fam.args})


# ------------------------------------------------------------------ shared properties

def loss_properties(ex, fam, *, cases, perfect, perfect_text, examples=(), scale=None,
                    finite_hint="", counts=(6, 3, 5, 2)):
    """Register the properties every loss has: finite float >= 0, 0 at a perfect prediction,
    a mean (not a sum), inputs unchanged. ``scale(case)`` sizes the tolerance."""
    scale = scale or (lambda case: 1.0)
    first_arg = fam.args[0]

    def returns_finite_float(student, case):
        got = loss_value(student, fam, case)
        if got < -1e-12 * (1.0 + scale(case)):  # rounding may leave -0.0 or a few ulps below 0
            raise Failure(f"{fam.text(fam.loss, case)} is negative ({got:.6g}); a loss is a mean of "
                          "non-negative terms.", observed=got)

    ex.property(f"returns a single finite float >= 0 (not an array of per-entry losses), for "
                f"{first_arg} of any valid values", cases=cases, public=True, weight=1,
                examples=examples, max_examples=counts[0],
                hint=("Average the per-entry losses and return one number, e.g. "
                      "float(np.mean(losses)). " + finite_hint).strip())(returns_finite_float)

    def zero_for_perfect_prediction(student, case):
        got = loss_value(student, fam, case)
        assert_close(got, 0.0, name=f"the loss of a perfect prediction ({perfect_text})",
                     scale=scale(case))

    ex.property(f"is 0 for a perfect prediction ({perfect_text})", cases=perfect, public=True,
                weight=1, max_examples=counts[1],
                hint="Each entry's loss must vanish when the prediction is exactly right; check "
                     "the formula (and that nothing is added to it).")(zero_for_perfect_prediction)

    def is_a_mean(student, case):
        got = loss_value(student, fam, case)
        twice = loss_value(student, fam, _stacked(fam, case),
                           name="the loss of the inputs repeated twice")
        assert_close(twice, got, name="the loss of the inputs repeated twice (stacked along the "
                     "first axis), compared with the loss of the inputs", scale=abs(got) + scale(case),
                     observed=got)

    what = ("the batch size N (not N * C)" if fam.batch else
            f"the number of entries {first_arg}.size (not len({first_arg}))")
    ex.property("is a mean, not a sum: the inputs repeated twice (stacked along the first axis) "
                "give the same loss", cases=cases, public=True, weight=1, max_examples=counts[2],
                hint=f"Divide the sum of the per-{'sample' if fam.batch else 'entry'} losses by "
                     f"{what}, e.g. with np.mean.")(is_a_mean)

    def inputs_unchanged(student, case):
        args, kwargs = fam.call(case)
        _, sent, _ = student.call(fam.loss, *args, echo=True, **kwargs)
        assert_unchanged(args, sent, list(fam.args))

    ex.property("does not modify its inputs", cases=cases, public=True, weight=0.5,
                max_examples=counts[3], examples=examples[:1], standalone=False)(inputs_unchanged)


def gradient_properties(ex, fam, *, cases, perfect, perfect_text, fd_cases, fd_plan, examples=(),
                        scale=None, finite_hint="", counts=(5, 3, 5, 8, 2), fd_examples=()):
    """Register the properties every gradient has: shape and finiteness, 0 at a perfect
    prediction, the gradient of a mean, agreement with central differences of the student's own
    loss, inputs unchanged. ``scale(case)`` sizes the tolerance of each entry; ``fd_plan(case)``
    gives the direction, step and stencil of the finite differences and the size of the terms of
    the directional derivative."""
    scale = scale or (lambda case: 1.0 / fam.size(case))
    first = fam.args[0]

    def gradient_shape(student, case):
        grad_value(student, fam, case)

    ex.property(f"returns a finite float array shaped like {first}", cases=cases, public=True,
                weight=1, examples=examples, max_examples=counts[0],
                hint=(f"Return one derivative per entry of {first}, as an array of its shape. "
                      + finite_hint).strip())(gradient_shape)

    def zero_for_perfect_prediction(student, case):
        g = grad_value(student, fam, case)
        assert_close(g, np.zeros(g.shape), name=f"the gradient at a perfect prediction "
                     f"({perfect_text})", scale=scale(case))

    ex.property(f"is 0 at a perfect prediction ({perfect_text}): the loss is at its minimum",
                cases=perfect, public=True, weight=1, max_examples=counts[1],
                hint="At a perfect prediction every entry's derivative vanishes; check which "
                     "terms of your formula survive there.")(zero_for_perfect_prediction)

    def gradient_of_a_mean(student, case):
        g = grad_value(student, fam, case)
        twice = grad_value(student, fam, _stacked(fam, case),
                           name="the gradient for the inputs repeated twice")
        half = _f64(g) / 2.0
        size = scale(case)
        size = np.concatenate([size, size], axis=0) / 2 if np.ndim(size) else size / 2
        assert_close(twice, np.concatenate([half, half], axis=0),
                     name="the gradient for the inputs repeated twice (stacked along the first axis)"
                     ", compared with your gradient for the inputs, halved and repeated",
                     scale=size, observed=g)

    what = ("N, the batch size (not N * C)" if fam.batch else
            f"{first}.size, the number of entries (not len({first}))")
    ex.property("is the gradient of a mean: for the inputs repeated twice, every entry is half as "
                "large", cases=cases, public=True, weight=1, max_examples=counts[2],
                hint=f"Each {'sample' if fam.batch else 'entry'} enters the mean with weight 1/"
                     f"{what.split(',')[0]}: divide by {what}, and do not leave it out.")(
        gradient_of_a_mean)

    def matches_own_loss(student, case):
        g = grad_value(student, fam, case)
        v, h, points, terms = fd_plan(case)
        base = _f64(case[first])
        purpose = "to check the gradient with central differences"

        def loss(t):
            return own(student, fam, case, base + t * v, purpose)

        if points == 2:
            fd = (loss(h) - loss(-h)) / (2 * h)
            formula = f"({fam.loss}({first} + h v) - {fam.loss}({first} - h v)) / 2h"
        else:
            fd = (8 * (loss(h) - loss(-h)) - (loss(2 * h) - loss(-2 * h))) / (12 * h)
            formula = f"the five-point central difference of {fam.loss} along v"
        analytic = float(np.sum(_f64(g) * v))
        if abs(fd - analytic) > 1e-3 * (abs(fd) + terms) + 1e-12:
            raise Failure(f"the gradient disagrees with central differences of your own {fam.loss}: "
                          f"along a random direction v, sum(grad * v) is {analytic:.6g} but "
                          f"{formula} (h = {h:g}) is {fd:.6g}.", observed=g)

    ex.property(f"agrees with central differences of your own {fam.loss} along a random "
                f"direction (float64 inputs; needs your {fam.loss})", cases=fd_cases, public=True,
                weight=2, max_examples=counts[3], examples=fd_examples,
                hint=f"Differentiate each entry's loss with respect to {first}, then divide by "
                     f"{what} for the mean. (If {fam.loss} itself is wrong, fix it first: this "
                     "check trusts it.)")(matches_own_loss)

    def inputs_unchanged(student, case):
        args, kwargs = fam.call(case)
        _, sent, _ = student.call(fam.grad, *args, echo=True, **kwargs)
        assert_unchanged(args, sent, list(fam.args))

    ex.property("does not modify its inputs", cases=cases, public=True, weight=0.5,
                max_examples=counts[4], examples=examples[:1], standalone=False)(inputs_unchanged)


# ====================================================================== regression losses

#: Huber thresholds: None (the default 1.0) first, then small, large and huge ones (every |r|
#: below it: the loss is then half the MSE).
DELTAS = (None, 0.5, 2.0, 1e-3, 30.0, 1e6)


def _shape(draw, max_ndim=3, hi=4):
    return tuple(draw(S.dims(1, hi)) for _ in range(draw(st.integers(1, max_ndim))))


@st.composite
def regression_cases(draw, huber=False, dtype=None, allowed=S.STYLES):
    """pred and target of one shape (1-d to 3-d, size >= 1), each in its own value style; often
    some entries predicted exactly (residual 0)."""
    shape = _shape(draw)
    dt = draw(S.dtypes()) if dtype is None else dtype
    s1, s2 = draw(S.styles(allowed)), draw(S.styles(allowed))
    seed = draw(S.seeds())
    pred = S.build_array(shape, s1, seed, dt)
    target = S.build_array(shape, s2, seed + 1, dt)
    if draw(st.booleans()):
        exact = np.random.default_rng(seed + 2).random(shape) < 0.4
        target[exact] = pred[exact]
    case = Case(pred=pred, target=target)
    if huber:
        case["delta"] = draw(st.sampled_from(DELTAS))
    return case


def _perfect_regression(huber=False):
    return regression_cases(huber=huber).map(lambda c: Case(c, target=c.pred.copy()))


def _reg_case(pred, target, dtype=np.float64, **kw):
    return Case(pred=np.array(pred, dtype=dtype), target=np.array(target, dtype=dtype), **kw)


REG_EDGE = (
    _reg_case([[1.0, -2.0, 0.5], [-3.0, 0.0, -1.0]], [[0.0, 1.0, 0.0], [1.0, 2.0, -4.0]]),
    _reg_case([2.5], [-1.0]),                                                   # one entry
    _reg_case([[[1.0, 2.0]], [[-3.0, 0.25]]], [[[1.0, -2.0]], [[0.0, 0.25]]], np.float32),  # 3-d
    _reg_case([1000.0, -1000.5, 1e3, 7.0], [1000.25, -999.0, 1e3, -5.0], np.float32),
    _reg_case([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[0.0, 1.0], [2.0, 3.0], [4.0, 6.0]]),
)
HUBER_EDGE = (
    _reg_case([[1.0, -2.0, 0.5], [-3.0, 0.0, -1.0]], [[0.0, 1.0, 0.0], [1.0, 2.0, -4.0]], delta=None),
    _reg_case([1.5, -1.5, 0.25, -4.0, 0.0, 1.25], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], delta=1.5),  # |r| == delta
    _reg_case([[2.0, -0.3, 0.75], [10.0, 0.1, -1.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.5]], delta=0.5),
    _reg_case([2.5], [-1.0], delta=None),
    _reg_case([[[3.0, -2.0]], [[0.5, 0.25]]], [[[1.0, 2.0]], [[0.0, 0.0]]], np.float32, delta=2.0),
    _reg_case([1000.0, -1000.5, 3.0], [1000.25, -999.0, -5.0], np.float32, delta=1e6),
)


def _regression_scale(case):
    """Size of the loss's terms: |pred| + |target| squared (mse), or times min(., delta)."""
    a = np.abs(_f64(case.pred)) + np.abs(_f64(case.target))
    if "delta" in case:
        return float(np.mean(a * np.minimum(a, HUBER.option_value(case))))
    return float(np.mean(a * a))


def _abs_scale(case):
    return float(np.mean(np.abs(_f64(case.pred)) + np.abs(_f64(case.target))))


def _mse_grad_scale(case):
    return 2.0 * (np.abs(_f64(case.pred)) + np.abs(_f64(case.target))) / case.pred.size


def _huber_grad_scale(case):
    a = np.abs(_f64(case.pred)) + np.abs(_f64(case.target))
    return np.minimum(a, HUBER.option_value(case)) / case.pred.size


@st.composite
def fd_regression_cases(draw, huber=False):
    """float64 cases for the finite-difference check, plus a direction seed."""
    case = draw(regression_cases(huber=huber, dtype=np.float64))
    case["direction_seed"] = draw(S.seeds())
    return case


def _mse_plan(case):
    """Quadratic: central differences with h = 1 are exact up to rounding."""
    rng = np.random.default_rng(case.direction_seed)
    r = _f64(case.pred) - _f64(case.target)
    size = max(np.abs(r).max(), 1e-3 * np.abs(_f64(case.pred)).max(), 1e-6)
    v = rng.standard_normal(r.shape) * size
    return v, 1.0, 2, float(np.mean(2 * np.abs(r * v) + v * v))


def _mae_plan(case):
    """Piecewise linear: move each entry by less than its |residual| (entries with residual 0 do
    not move), so no residual changes sign and central differences are exact."""
    rng = np.random.default_rng(case.direction_seed)
    r = _f64(case.pred) - _f64(case.target)
    v = rng.uniform(-1, 1, size=r.shape) * np.abs(r)
    return v, 0.5, 2, float(np.mean(np.abs(v)))


def _huber_plan(case):
    """Piecewise quadratic: each entry moves by less than its distance to |r| = delta (entries
    exactly there stay put), so none crosses it and central differences are exact."""
    rng = np.random.default_rng(case.direction_seed)
    r = _f64(case.pred) - _f64(case.target)
    delta = HUBER.option_value(case)
    room = np.minimum(np.abs(np.abs(r) - delta), 10 * np.maximum(np.abs(r), 1.0))
    v = rng.uniform(-1, 1, size=r.shape) * room
    return v, 0.5, 2, float(np.mean((np.minimum(np.abs(r), delta) + np.abs(v)) * np.abs(v)))


def _r(case):
    return _f64(case.pred) - _f64(case.target)


def _undiagnosed(received, expected, **kw):
    """assert_close for inputs on which many known mistakes coincide (a constant residual): the
    failure message says what is wrong, but no mistake is named from such a case."""
    try:
        assert_close(received, expected, **kw)
    except Failure as f:
        f.observed = None
        raise


@st.composite
def constant_residual_cases(draw, huber=False):
    """pred = target + r with the same r everywhere; small integer targets and r exact in float32."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    target = S.build_array(shape, "small_int", draw(S.seeds()), dt)
    r = draw(st.sampled_from((2.0, -0.5, 3.0, -1024.0, 0.25, -1.0, 1.5)))
    case = Case(pred=(target.astype(np.float64) + r).astype(dt), target=target, r=r)
    if huber:
        case["delta"] = draw(st.sampled_from((None, 1.5, 0.5, 2.0, 4.0)))
    return case


# ------------------------------------------------------------------ mse

loss_properties(mse, MSE, cases=regression_cases(), perfect=_perfect_regression(),
                perfect_text="pred equal to target", examples=REG_EDGE[:3], scale=_regression_scale)


@mse.property("is symmetric: mse(pred, target) equals mse(target, pred)", cases=regression_cases(),
              public=True, weight=0.5, max_examples=5,
              hint="Square the residual pred - target; (-r)**2 = r**2.")
def mse_symmetric(student, case):
    got = loss_value(student, MSE, case)
    swapped = loss_value(student, MSE, Case(pred=case.target, target=case.pred),
                         name="mse(target, pred)")
    assert_close(swapped, got, name="mse(target, pred) compared with mse(pred, target)",
                 scale=_regression_scale(case), observed=got)


@mse.property("when every entry of pred - target equals the same r, the loss is r**2",
              cases=constant_residual_cases(), public=True, weight=1, max_examples=5,
              hint="Square each residual, then average: no square root, no 1/2 factor, and the "
                   "mean of the squares (not the square of the mean residual, nor the mean "
                   "absolute value).")
def mse_constant_residual(student, case):
    got = loss_value(student, MSE, case)
    _undiagnosed(got, case.r ** 2, name=f"the loss when every residual is {case.r:g}",
                 scale=case.r ** 2, observed=got)


gradient_properties(mse_grad, MSE, cases=regression_cases(), perfect=_perfect_regression(),
                    perfect_text="pred equal to target", fd_cases=fd_regression_cases(),
                    fd_plan=_mse_plan, examples=REG_EDGE[:3], scale=_mse_grad_scale)


@mse_grad.property("when every entry of pred - target equals the same r, every entry of the "
                   "gradient is 2 r / size", cases=constant_residual_cases(), public=True, weight=1,
                   max_examples=5,
                   hint="d/dpred_i of mean((pred - target)**2) is 2 (pred_i - target_i) / n with n "
                        "= pred.size: keep the 2 (from the square) and the 1/n (from the mean).")
def mse_grad_constant_residual(student, case):
    g = grad_value(student, MSE, case)
    n = case.pred.size
    _undiagnosed(g, np.full(g.shape, 2 * case.r / n), name=f"the gradient when every residual "
                 f"is {case.r:g} (n = {n})", scale=_mse_grad_scale(case))


@mse_grad.property("is antisymmetric: mse_grad(target, pred) is -mse_grad(pred, target)",
                   cases=regression_cases(), public=True, weight=0.5, max_examples=5,
                   hint="The gradient is proportional to pred - target, which changes sign when "
                        "pred and target swap.")
def mse_grad_antisymmetric(student, case):
    g = grad_value(student, MSE, case)
    swapped = grad_value(student, MSE, Case(pred=case.target, target=case.pred),
                         name="mse_grad(target, pred)")
    assert_close(swapped, -_f64(g), name="mse_grad(target, pred) compared with -mse_grad(pred, "
                 "target)", scale=_mse_grad_scale(case), observed=g)


# ------------------------------------------------------------------ mae

loss_properties(mae, MAE, cases=regression_cases(), perfect=_perfect_regression(),
                perfect_text="pred equal to target", examples=REG_EDGE[:3], scale=_abs_scale)


@mae.property("is symmetric: mae(pred, target) equals mae(target, pred)", cases=regression_cases(),
              public=True, weight=0.5, max_examples=5,
              hint="Take the absolute value of each residual before averaging.")
def mae_symmetric(student, case):
    got = loss_value(student, MAE, case)
    swapped = loss_value(student, MAE, Case(pred=case.target, target=case.pred),
                         name="mae(target, pred)")
    assert_close(swapped, got, name="mae(target, pred) compared with mae(pred, target)",
                 scale=_abs_scale(case), observed=got)


@mae.property("when every entry of pred - target equals the same r, the loss is |r|",
              cases=constant_residual_cases(), public=True, weight=1, max_examples=5,
              hint="Average the absolute residuals |pred - target| (not the squares, and take the "
                   "absolute value of each residual before averaging).")
def mae_constant_residual(student, case):
    got = loss_value(student, MAE, case)
    _undiagnosed(got, abs(case.r), name=f"the loss when every residual is {case.r:g}",
                 scale=abs(case.r), observed=got)


gradient_properties(mae_grad, MAE, cases=regression_cases(), perfect=_perfect_regression(),
                    perfect_text="pred equal to target", fd_cases=fd_regression_cases(),
                    fd_plan=_mae_plan, examples=REG_EDGE[:3])


@mae_grad.property("is exactly 0 where pred equals target, and elsewhere has the sign of "
                   "pred - target and the same size at every entry",
                   cases=regression_cases(), public=True, weight=1, max_examples=5,
                   examples=(REG_EDGE[4],),
                   hint="The derivative of |r| is sign(r): +1 or -1, and 0 (the torch convention) "
                        "where r == 0; np.sign does exactly that. Do not scale it by |r|.")
def mae_grad_signs(student, case):
    g = _f64(grad_value(student, MAE, case))
    r = _r(case)
    tied = r == 0
    if np.any(g[tied] != 0):
        i = tuple(int(k) for k in np.argwhere(tied & (g != 0))[0])
        raise Failure(f"where pred equals target (e.g. at index {list(i)}) the gradient is "
                      f"{g[i]:.6g}; it must be exactly 0 there.", observed=g)
    if np.any(np.sign(g[~tied]) != np.sign(r[~tied])):
        i = tuple(int(k) for k in np.argwhere(~tied & (np.sign(g) != np.sign(r)))[0])
        raise Failure(f"at index {list(i)} pred - target is {r[i]:.6g} but the gradient is "
                      f"{g[i]:.6g}: it must have the sign of pred - target.", observed=g)
    mags = np.abs(g[~tied])
    if mags.size and not np.allclose(mags, mags[0], rtol=1e-6, atol=0):
        raise Failure(f"the gradient has entries of different sizes ({mags.min():.6g} to "
                      f"{mags.max():.6g}) where pred != target: every residual adds +-1/n to it, "
                      "whatever its size.", observed=g)


# ------------------------------------------------------------------ huber

loss_properties(huber, HUBER, cases=regression_cases(huber=True),
                perfect=_perfect_regression(huber=True), perfect_text="pred equal to target",
                examples=HUBER_EDGE[:3], scale=_regression_scale)


@huber.property("when every entry of pred - target equals the same r, the loss is 0.5 r**2 if "
                "|r| <= delta and delta (|r| - delta / 2) otherwise",
                cases=constant_residual_cases(huber=True), public=True, weight=1, max_examples=5,
                hint="Quadratic part 0.5 * r**2 (with the 1/2) up to |r| == delta, then the linear "
                     "part delta * (|r| - 0.5 * delta), which continues it with the same value "
                     "and slope. Use the delta argument, not 1.")
def huber_constant_residual(student, case):
    got = loss_value(student, HUBER, case)
    d, a = HUBER.option_value(case), abs(case.r)
    want = 0.5 * a * a if a <= d else d * (a - 0.5 * d)
    _undiagnosed(got, want, name=f"the loss when every residual is {case.r:g} (delta = {d:g})",
                 scale=want, observed=got)


@huber.property("lies between the two pieces it joins: at most 0.5 mean(r**2) and at most "
                "delta mean(|r|), and equal to 0.5 mean(r**2) (half the MSE) when delta is at "
                "least every |r|", cases=regression_cases(huber=True), public=True, weight=1,
                max_examples=5, examples=(HUBER_EDGE[1], HUBER_EDGE[5]),
                hint="Each entry costs min-like pieces: 0.5 r**2 for |r| <= delta, else "
                     "delta * (|r| - 0.5 * delta), which is below both 0.5 r**2 and delta |r|.")
def huber_bounds(student, case):
    got = loss_value(student, HUBER, case)
    r = _r(case)
    d = HUBER.option_value(case)
    half_mse, linear = float(np.mean(0.5 * r * r)), float(np.mean(d * np.abs(r)))
    tol = 2e-4 * (_regression_scale(case) + abs(got))
    if np.all(np.abs(r) <= d):
        assert_close(got, half_mse, name=f"the loss when every |r| <= delta = {d:g} (half the mean "
                     "squared residual)", scale=_regression_scale(case), observed=got)
    if got > half_mse + tol:
        raise Failure(f"the loss {got:.6g} exceeds 0.5 mean(r**2) = {half_mse:.6g}.", observed=got)
    if got > linear + tol:
        raise Failure(f"the loss {got:.6g} exceeds delta mean(|r|) = {linear:.6g} (delta = {d:g}).",
                      observed=got)


@st.composite
def scaled_cases(draw):
    case = draw(regression_cases(huber=True))
    case["c"] = draw(st.sampled_from((2.0, 0.5, 4.0, 0.25)))
    return case


def _scaled(case):
    c = case.c
    return Case(pred=(_f64(case.pred) * c).astype(case.pred.dtype),
                target=(_f64(case.target) * c).astype(case.target.dtype),
                delta=HUBER.option_value(case) * c)


@huber.property("scales like a square: multiplying pred, target and delta by c multiplies the "
                "loss by c**2", cases=scaled_cases(), public=True, weight=1, max_examples=5,
                hint="Use the delta argument both in the test |r| <= delta and in the linear "
                     "piece delta * (|r| - 0.5 * delta); this is torch's huber_loss, not "
                     "smooth_l1_loss (which divides by delta).")
def huber_homogeneous(student, case):
    got = loss_value(student, HUBER, case)
    big = loss_value(student, HUBER, _scaled(case), name=f"huber(c pred, c target, c delta) with "
                     f"c = {case.c:g}")
    assert_close(big, case.c ** 2 * got, name=f"huber(c pred, c target, c delta) compared with "
                 f"c**2 huber(pred, target, delta), c = {case.c:g}",
                 scale=case.c ** 2 * (_regression_scale(case) + abs(got)), observed=got)


gradient_properties(huber_grad, HUBER, cases=regression_cases(huber=True),
                    perfect=_perfect_regression(huber=True), perfect_text="pred equal to target",
                    fd_cases=fd_regression_cases(huber=True), fd_plan=_huber_plan,
                    examples=HUBER_EDGE[:3], scale=_huber_grad_scale,
                    fd_examples=(Case(HUBER_EDGE[2], direction_seed=0),))


@huber_grad.property("every entry has the sign of pred - target and lies within "
                     "[-delta / size, delta / size] (0 where pred equals target)",
                     cases=regression_cases(huber=True), public=True, weight=1, max_examples=5,
                     examples=(HUBER_EDGE[2],),
                     hint="The derivative is r where |r| <= delta and delta * sign(r) beyond (r "
                          "clipped to [-delta, delta]), divided by the number of entries.")
def huber_grad_clipped(student, case):
    g = _f64(grad_value(student, HUBER, case))
    r = _r(case)
    d = HUBER.option_value(case)
    n = case.pred.size
    bound = d / n * (1 + 1e-6)
    if np.any(np.abs(g) > bound):
        i = tuple(int(k) for k in np.argwhere(np.abs(g) > bound)[0])
        raise Failure(f"at index {list(i)} the gradient is {g[i]:.6g}, beyond delta / size = "
                      f"{d / n:.6g} (residual {r[i]:.6g}): beyond delta the slope stays delta.",
                      observed=g)
    wrong = np.sign(g) != np.sign(r)
    if np.any(wrong):
        i = tuple(int(k) for k in np.argwhere(wrong)[0])
        raise Failure(f"at index {list(i)} pred - target is {r[i]:.6g} but the gradient is "
                      f"{g[i]:.6g}: it must have the sign of pred - target (0 where it is 0).",
                      observed=g)


@huber_grad.property("when every entry of pred - target equals the same r, every entry is "
                     "r / size if |r| <= delta and delta sign(r) / size otherwise",
                     cases=constant_residual_cases(huber=True), public=True, weight=1,
                     max_examples=5,
                     hint="Inside the quadratic zone the derivative of 0.5 r**2 is r; beyond it the "
                          "derivative of delta (|r| - delta / 2) is delta sign(r). Divide by the "
                          "number of entries.")
def huber_grad_constant_residual(student, case):
    g = grad_value(student, HUBER, case)
    d, n = HUBER.option_value(case), case.pred.size
    want = (case.r if abs(case.r) <= d else d * np.sign(case.r)) / n
    _undiagnosed(g, np.full(g.shape, want), name=f"the gradient when every residual is "
                 f"{case.r:g} (delta = {d:g}, n = {n})", scale=abs(want))


# ====================================================================== binary cross-entropy

#: Target kinds: hard labels, soft labels in [0, 1], quarters (0, 0.25, ..., 1: ties with p).
TARGET_KINDS = ("hard", "soft", "quarters")


def _targets(rng, shape, kind):
    if kind == "hard":
        return rng.integers(0, 2, size=shape).astype(np.float64)
    if kind == "soft":
        return rng.random(shape)
    return rng.integers(0, 5, size=shape) / 4.0


def _open_interval(p, dt):
    """p clipped into (0, 1) so that it stays strictly inside after rounding to ``dt``."""
    return np.clip(p, 1e-12, 1.0 - np.finfo(dt).epsneg).astype(dt)


@st.composite
def prob_cases(draw, strict=False, dtype=None, kinds=None):
    """probs and targets of one shape (1-d to 3-d). Probability kinds: uniform in (0, 1); exact
    0s and 1s mixed in (not when ``strict``: the gradient needs (0, 1)); extreme (within 1e-30,
    or 1e-10 when strict, of 0 or 1); close to the targets."""
    shape = _shape(draw)
    dt = draw(S.dtypes()) if dtype is None else dtype
    kinds = kinds or (("uniform", "extreme", "close") if strict else
                      ("uniform", "exact", "extreme", "close"))
    kind = draw(st.sampled_from(kinds))
    tkind = draw(st.sampled_from(TARGET_KINDS))
    rng = np.random.default_rng(draw(S.seeds()))
    t = _targets(rng, shape, tkind)
    u = rng.random(shape)
    if kind == "uniform":
        p = u
    elif kind == "exact":
        p = np.where(u < 0.3, 0.0, np.where(u > 0.7, 1.0, u))
    elif kind == "extreme":
        e = 10.0 ** -rng.uniform(2, 10 if strict else 30, size=shape)
        p = np.where(u < 0.5, e, 1.0 - e)
    else:
        p = np.clip(t + rng.normal(0, 0.05, size=shape), 0.0, 1.0)
    p = _open_interval(p, dt) if strict else p.astype(dt)
    return Case(probs=p, targets=t.astype(dt))


@st.composite
def bce_perfect_cases(draw, strict=False):
    """Hard targets and probs equal to them (exact 0s and 1s), or, when ``strict``, soft targets
    inside (0, 1) and probs equal to them."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    rng = np.random.default_rng(draw(S.seeds()))
    t = (rng.uniform(0.02, 0.98, size=shape) if strict else _targets(rng, shape, "hard")).astype(dt)
    return Case(probs=t.copy(), targets=t)


def _bce_case(p, t, dtype=np.float64):
    return Case(probs=np.array(p, dtype=dtype), targets=np.array(t, dtype=dtype))


BCE_EDGE = (
    _bce_case([[0.9, 0.2], [0.4, 0.7]], [[1.0, 0.0], [0.5, 0.25]]),
    _bce_case([0.0, 1.0, 1.0, 0.0], [0.0, 1.0, 0.0, 1.0]),          # certain: right and wrong
    _bce_case([[[0.0, 0.5]], [[1.0, 0.25]]], [[[0.3, 0.5]], [[0.9, 1.0]]], np.float32),
    _bce_case([0.3], [1.0]),
    _bce_case([1e-30, 1e-300, 1.0 - 1e-12, 1e-8, 0.5], [1.0, 0.0, 0.0, 0.5, 0.5]),
    _bce_case([1e-20, 0.999999, 0.0, 1.0], [0.0, 1.0, 0.5, 0.5], np.float32),
)
BCE_GRAD_EDGE = (
    _bce_case([[0.9, 0.2], [0.4, 0.7]], [[1.0, 0.0], [0.5, 0.25]]),
    _bce_case([1e-8, 1.0 - 1e-8, 0.5, 0.25], [1.0, 0.0, 0.5, 0.0]),
    _bce_case([[[0.125, 0.5]], [[0.75, 0.25]]], [[[0.0, 1.0]], [[1.0, 0.25]]], np.float32),
    _bce_case([0.3], [1.0]),
    _bce_case([1e-6, 0.99999994, 0.5], [0.0, 1.0, 1.0], np.float32),
)


def _bce_grad_scale(case):
    p, t = _f64(case.probs), _f64(case.targets)
    return (t / p + (1 - t) / (1 - p)) / p.size


def _bce_plan(case):
    """Smooth inside (0, 1): five-point differences, every entry moving by at most a tenth of its
    distance to 0 or 1."""
    rng = np.random.default_rng(case.direction_seed)
    p = _f64(case.probs)
    v = rng.uniform(-1, 1, size=p.shape) * np.minimum(p, 1 - p)
    return v, 0.05, 5, float(np.sum(_bce_grad_scale(case) * np.abs(v)))


@st.composite
def fd_prob_cases(draw):
    """float64 cases with every prob at least 1e-6 from 1 (closer, a step of a tenth of the distance
    to 1 is lost in rounding), and a direction seed."""
    case = draw(prob_cases(strict=True, dtype=np.float64))
    case["probs"] = np.minimum(case.probs, 1.0 - 1e-6)
    case["direction_seed"] = draw(S.seeds())
    return case


loss_properties(binary_cross_entropy, BCE, cases=prob_cases(), perfect=bce_perfect_cases(),
                perfect_text="hard targets and probs equal to them, exact 0s and 1s",
                examples=BCE_EDGE[:3], finite_hint="Clamp each log below at -100 (as torch does), "
                "so p = 0 or 1 gives a finite loss; 0 * log(0) is nan in numpy.")


@st.composite
def certain_cases(draw):
    """Hard targets; each prob exactly right (p = t) or exactly wrong (p = 1 - t)."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    rng = np.random.default_rng(draw(S.seeds()))
    t = _targets(rng, shape, "hard")
    wrong = rng.random(shape) < draw(st.sampled_from((0.5, 1.0, 0.2)))
    return Case(probs=np.where(wrong, 1 - t, t).astype(dt), targets=t.astype(dt))


@binary_cross_entropy.property("certain predictions (probs exactly 0 or 1, hard targets): a right "
                               "entry costs 0 and a wrong one exactly 100, as torch clamps each "
                               "log at -100", cases=certain_cases(), public=True, weight=1,
                               max_examples=5, examples=(BCE_EDGE[1],),
                               hint="Compute log(p) and log(1 - p), then clamp them with "
                                    "np.maximum(..., -100.0). Adding an eps inside the log or "
                                    "clipping p to [eps, 1 - eps] gives -log(eps) instead of 100, "
                                    "and 0 * log(0) is nan.")
def bce_certain(student, case):
    got = loss_value(student, BCE, case)
    wrong = int(np.sum(case.probs != case.targets))
    n = case.probs.size
    assert_close(got, 100.0 * wrong / n, name=f"the loss with {wrong} completely wrong entries of "
                 f"{n}", scale=1.0, observed=got)


def _flipped(case, a, b):
    """The case with a -> 1 - a and b -> 1 - b (computed in float64, passed as float64)."""
    return Case(case, **{a: 1.0 - _f64(case[a]), b: 1.0 - _f64(case[b])})


@binary_cross_entropy.property("swapping the classes changes nothing: the loss of (1 - probs, "
                               "1 - targets) equals the loss of (probs, targets)",
                               cases=prob_cases(kinds=("uniform", "exact", "close")), public=True,
                               weight=1, max_examples=5,
                               hint="Each entry has two terms: t log p for the positive class and "
                                    "(1 - t) log(1 - p) for the negative one; keep both.")
def bce_flip(student, case):
    got = loss_value(student, BCE, case)
    flipped = loss_value(student, BCE, _flipped(case, "probs", "targets"),
                         name="binary_cross_entropy(1 - probs, 1 - targets)")
    assert_close(flipped, got, name="binary_cross_entropy(1 - probs, 1 - targets) compared with "
                 "binary_cross_entropy(probs, targets)", scale=1.0 + abs(got), observed=got)


gradient_properties(binary_cross_entropy_grad, BCE, cases=prob_cases(strict=True),
                    perfect=bce_perfect_cases(strict=True),
                    perfect_text="soft targets in (0, 1) and probs equal to them",
                    fd_cases=fd_prob_cases(), fd_plan=_bce_plan, examples=BCE_GRAD_EDGE[:3],
                    scale=_bce_grad_scale,
                    counts=(5, 3, 5, 6, 2))


@binary_cross_entropy_grad.property("is positive where probs > targets, negative where probs < "
                                    "targets, and 0 where they are equal",
                                    cases=prob_cases(strict=True), public=True, weight=1,
                                    max_examples=5, examples=(BCE_GRAD_EDGE[1],),
                                    hint="-t / p + (1 - t) / (1 - p) = (p - t) / (p (1 - p)): the "
                                         "sign of p - t.")
def bce_grad_sign(student, case):
    g = _f64(grad_value(student, BCE, case))
    d = _f64(case.probs) - _f64(case.targets)
    wrong = np.sign(g) != np.sign(d)
    if np.any(wrong):
        i = tuple(int(k) for k in np.argwhere(wrong)[0])
        raise Failure(f"at index {list(i)} probs - targets is {d[i]:.6g} but the gradient is "
                      f"{g[i]:.6g}: it must have the sign of probs - targets.", observed=g)


@binary_cross_entropy_grad.property("swapping the classes flips the sign: the gradient at (1 - "
                                    "probs, 1 - targets) is minus the gradient at (probs, targets)",
                                    cases=prob_cases(strict=True, kinds=("uniform", "close")),
                                    public=True, weight=1, max_examples=5,
                                    hint="Differentiate both terms: d/dp of -t log p is -t / p and "
                                         "d/dp of -(1 - t) log(1 - p) is +(1 - t) / (1 - p).")
def bce_grad_flip(student, case):
    g = grad_value(student, BCE, case)
    flipped = grad_value(student, BCE, _flipped(case, "probs", "targets"),
                         name="binary_cross_entropy_grad(1 - probs, 1 - targets)")
    assert_close(flipped, -_f64(g), name="the gradient at (1 - probs, 1 - targets) compared with "
                 "minus the gradient at (probs, targets)", scale=_bce_grad_scale(case), observed=g)


# ------------------------------------------------------------------ from logits

#: Offsets that saturate the sigmoid (40: 1 - sigmoid(z) is 0 in float64), overflow a naive exp
#: (745 and beyond) or both (1e4).
LOGIT_OFFSETS = (0.0, 40.0, -40.0, 1e4, -1e4, 745.0, -745.0, 100.0)
MODERATE = ("small_int", "normal", "tiny", "ties")


@st.composite
def logit_cases(draw, moderate=False, dtype=None):
    """logits and targets of one shape (1-d to 3-d); unless ``moderate``, some logits far out."""
    shape = _shape(draw)
    dt = draw(S.dtypes()) if dtype is None else dtype
    style = draw(S.styles(MODERATE if moderate else S.STYLES))
    tkind = draw(st.sampled_from(TARGET_KINDS))
    seed = draw(S.seeds())
    rng = np.random.default_rng(seed + 1)
    z = S.build_array(shape, style, seed, np.float64)
    if not moderate and draw(st.booleans()):
        z = z + rng.choice(LOGIT_OFFSETS, size=shape)
    return Case(logits=z.astype(dt), targets=_targets(rng, shape, tkind).astype(dt))


@st.composite
def certain_logit_cases(draw):
    """Hard targets, logits of +L where the target is 1 and -L where it is 0 (L >= 40)."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    rng = np.random.default_rng(draw(S.seeds()))
    t = _targets(rng, shape, "hard")
    size = rng.choice((40.0, 800.0, 1e4), size=shape)
    return Case(logits=np.where(t == 1, size, -size).astype(dt), targets=t.astype(dt))


def _logit_case(z, t, dtype=np.float64):
    return Case(logits=np.array(z, dtype=dtype), targets=np.array(t, dtype=dtype))


BCE_LOGITS_EDGE = (
    _logit_case([[1.0, -2.0], [0.5, 3.0]], [[1.0, 0.0], [0.5, 0.25]]),
    _logit_case([1e4, -1e4, 1e4, -1e4], [1.0, 0.0, 0.0, 1.0]),        # right and wrong, certain
    _logit_case([[[40.0, -40.0]], [[800.0, 0.0]]], [[[0.0, 1.0]], [[0.3, 0.5]]], np.float32),
    _logit_case([-0.7], [1.0]),
    _logit_case([50.0, -50.0, 745.0, -745.0, 1e-8], [0.25, 0.75, 0.5, 0.5, 1.0]),
    _logit_case([[100.0, -100.0, 745.0]], [[1.0, 1.0, 0.25]], np.float32),
)


def _bce_logits_scale(case):
    return float(np.mean(np.abs(_f64(case.logits)))) + 1.0


def _bce_logits_plan(case):
    """Smooth with bounded derivatives: five-point differences with steps of at most 0.2."""
    rng = np.random.default_rng(case.direction_seed)
    v = rng.uniform(-1, 1, size=case.logits.shape)
    return v, 0.1, 5, float(np.mean(np.abs(v)))


@st.composite
def fd_logit_cases(draw):
    case = draw(logit_cases(moderate=True, dtype=np.float64))
    case["direction_seed"] = draw(S.seeds())
    return case


def _sigmoid(z):
    """1 / (1 + exp(-z)) for moderate z (|z| <= 30 here): no overflow, precise enough."""
    return 1.0 / (1.0 + np.exp(-_f64(z)))


loss_properties(binary_cross_entropy_with_logits, BCE_LOGITS, cases=logit_cases(),
                perfect=certain_logit_cases(),
                perfect_text="hard targets, logits of +L (target 1) or -L (target 0), L >= 40",
                examples=BCE_LOGITS_EDGE[:3], scale=_bce_logits_scale,
                finite_hint="Use max(z, 0) - z * t + log1p(exp(-|z|)): exp of a negative number "
                            "never overflows, and no log of a probability is taken.")


@binary_cross_entropy_with_logits.property(
    "equals your binary_cross_entropy(sigmoid(logits), targets) for moderate logits (float64; "
    "needs your binary_cross_entropy)", cases=logit_cases(moderate=True, dtype=np.float64),
    public=True, weight=1, max_examples=5,
    hint="With p = sigmoid(z): log p = -log(1 + exp(-z)) and log(1 - p) = -z - log(1 + exp(-z)); "
         "substitute them into -(t log p + (1 - t) log(1 - p)) and simplify.")
def bce_logits_matches_own_bce(student, case):
    got = loss_value(student, BCE_LOGITS, case)
    probs = Case(probs=_sigmoid(case.logits), targets=case.targets)
    want = own(student, BCE, probs, None, "applied to sigmoid(logits)")
    assert_close(got, want, name="binary_cross_entropy_with_logits(logits, targets) compared with "
                 "your binary_cross_entropy(sigmoid(logits), targets)", scale=1.0 + abs(want),
                 observed=got)


@st.composite
def large_logit_cases(draw):
    """Every |logit| >= 40 (up to 1e4), any targets."""
    shape = _shape(draw)
    dt = draw(S.dtypes())
    rng = np.random.default_rng(draw(S.seeds()))
    z = rng.choice((40.0, 64.0, 100.0, 745.0, 1e3, 1e4), size=shape) * rng.choice((-1.0, 1.0), size=shape)
    t = _targets(rng, shape, draw(st.sampled_from(TARGET_KINDS)))
    return Case(logits=z.astype(dt), targets=t.astype(dt))


@binary_cross_entropy_with_logits.property(
    "is exact for large logits (|z| from 40 to 1e4): an entry then costs (1 - t) z for z > 0 and "
    "-t z for z < 0 (up to exp(-40) = 4e-18)", cases=large_logit_cases(), public=True, weight=1,
    max_examples=5, examples=(BCE_LOGITS_EDGE[1], BCE_LOGITS_EDGE[5]),
    hint="Never take log(sigmoid(z)) or log(1 - sigmoid(z)): 1 - sigmoid(40) is exactly 0 in "
         "float64 and exp(1e4) overflows. Use max(z, 0) - z * t + log1p(exp(-|z|)), without "
         "clipping anything.")
def bce_logits_large(student, case):
    got = loss_value(student, BCE_LOGITS, case)
    z, t = _f64(case.logits), _f64(case.targets)
    want = float(np.mean(np.where(z > 0, (1 - t) * z, -t * z)))
    assert_close(got, want, name="the loss for logits of magnitude 40 to 1e4",
                 scale=_bce_logits_scale(case), observed=got)


@binary_cross_entropy_with_logits.property(
    "swapping the classes changes nothing: the loss of (-logits, 1 - targets) equals the loss of "
    "(logits, targets)", cases=logit_cases(), public=True, weight=1, max_examples=5,
    hint="sigmoid(-z) = 1 - sigmoid(z): the positive and negative terms must mirror each other "
         "(check the sign of the z * t term).")
def bce_logits_flip(student, case):
    got = loss_value(student, BCE_LOGITS, case)
    flipped = Case(case, logits=-_f64(case.logits), targets=1.0 - _f64(case.targets))
    other = loss_value(student, BCE_LOGITS, flipped,
                       name="binary_cross_entropy_with_logits(-logits, 1 - targets)")
    assert_close(other, got, name="the loss of (-logits, 1 - targets) compared with the loss of "
                 "(logits, targets)", scale=_bce_logits_scale(case), observed=got)


gradient_properties(binary_cross_entropy_with_logits_grad, BCE_LOGITS, cases=logit_cases(),
                    perfect=certain_logit_cases(),
                    perfect_text="hard targets, logits of +L (target 1) or -L (target 0), L >= 40",
                    fd_cases=fd_logit_cases(), fd_plan=_bce_logits_plan,
                    examples=BCE_LOGITS_EDGE[:3],
                    finite_hint="Compute sigmoid(z) without overflow: exp(-|z|) with two branches "
                                "by the sign of z.",
                    counts=(5, 3, 5, 6, 2))


@binary_cross_entropy_with_logits_grad.property(
    "every entry lies in [-1/size, 1/size]: <= 0 where the target is 1 and >= 0 where it is 0",
    cases=logit_cases(), public=True, weight=1, max_examples=5, examples=(BCE_LOGITS_EDGE[4],),
    hint="The gradient is (sigmoid(z) - t) / size, and sigmoid(z) lies in [0, 1].")
def bce_logits_grad_bounded(student, case):
    g = _f64(grad_value(student, BCE_LOGITS, case))
    t = _f64(case.targets)
    n = case.logits.size
    bad = (np.abs(g) > (1 + 1e-6) / n) | ((t == 1) & (g > 0)) | ((t == 0) & (g < 0))
    if np.any(bad):
        i = tuple(int(k) for k in np.argwhere(bad)[0])
        raise Failure(f"at index {list(i)} (logit {float(_f64(case.logits)[i]):.6g}, target "
                      f"{t[i]:.6g}) the gradient is {g[i]:.6g}; it should lie in [-1/size, 1/size] "
                      f"= [{-1 / n:.6g}, {1 / n:.6g}], <= 0 for a target of 1 and >= 0 for a target "
                      "of 0.", observed=g)


@binary_cross_entropy_with_logits_grad.property(
    "is exact for large logits (|z| from 40 to 1e4): an entry is (1 - t) / size for z > 0 and "
    "-t / size for z < 0", cases=large_logit_cases(), public=True, weight=1, max_examples=5,
    examples=(BCE_LOGITS_EDGE[1],),
    hint="sigmoid(z) is 1 for large positive z and 0 for large negative z; use the targets as "
         "given (soft targets too).")
def bce_logits_grad_large(student, case):
    g = grad_value(student, BCE_LOGITS, case)
    z, t = _f64(case.logits), _f64(case.targets)
    want = np.where(z > 0, 1 - t, -t) / z.size
    assert_close(g, want, name="the gradient for logits of magnitude 40 to 1e4",
                 scale=np.full(z.shape, 1.0 / z.size))


@binary_cross_entropy_with_logits_grad.property(
    "swapping the classes flips the sign: the gradient at (-logits, 1 - targets) is minus the "
    "gradient at (logits, targets)", cases=logit_cases(), public=True, weight=1, max_examples=5,
    hint="sigmoid(-z) - (1 - t) = -(sigmoid(z) - t).")
def bce_logits_grad_flip(student, case):
    g = grad_value(student, BCE_LOGITS, case)
    flipped = Case(case, logits=-_f64(case.logits), targets=1.0 - _f64(case.targets))
    other = grad_value(student, BCE_LOGITS, flipped,
                       name="binary_cross_entropy_with_logits_grad(-logits, 1 - targets)")
    assert_close(other, -_f64(g), name="the gradient at (-logits, 1 - targets) compared with minus "
                 "the gradient at (logits, targets)", scale=np.full(g.shape, 1.0 / g.size),
                 observed=g)


# ====================================================================== cross-entropy gradient

@st.composite
def certain_class_cases(draw, gamma=False):
    """Logits whose true-class entry exceeds every other entry of its row by 1e4 or more."""
    case = draw(ce_cases(offsets=False))
    z = _f64(case.logits)
    rows = np.arange(z.shape[0])
    z[rows, case.labels] = z.max(axis=1) + 1e4
    case = Case(case, logits=z.astype(case.logits.dtype))
    if gamma:
        case["gamma"] = draw(st.sampled_from(GAMMAS))
    return case


@st.composite
def fd_class_cases(draw, gamma=False):
    """float64 logits of moderate size (the loss is smooth there) and a direction seed."""
    n = draw(st.integers(1, 4))
    c = draw(S.dims(1, 5))
    seed = draw(S.seeds())
    logits = S.build_array((n, c), draw(S.styles(MODERATE + ("wide",))), seed)
    labels = np.random.default_rng(seed + 1).integers(0, c, size=n)
    case = Case(logits=logits, labels=labels, direction_seed=draw(S.seeds()))
    if gamma:
        case["gamma"] = draw(st.sampled_from(GAMMAS))
    return case


def _class_plan(case):
    """Smooth: five-point differences along a direction with entries in [-1, 1]."""
    rng = np.random.default_rng(case.direction_seed)
    v = rng.uniform(-1, 1, size=case.logits.shape)
    gamma = FOCAL.option_value(case) if "gamma" in case else 0.0
    return v, 0.05, 5, float((1 + gamma) * np.abs(v).sum() / case.logits.shape[0])


gradient_properties(cross_entropy_grad, CE, cases=ce_cases(), perfect=certain_class_cases(),
                    perfect_text="the true class's logit 1e4 above the others",
                    fd_cases=fd_class_cases(), fd_plan=_class_plan, examples=EDGE[:2],
                    finite_hint="Compute the softmax with each row's maximum subtracted: logits "
                                "of 1e4 must not overflow.",
                    counts=(5, 3, 5, 6, 2))


def _check_rows(g, case, what="the gradient"):
    """Rows sum to 0; the true class's entry <= 0 and every other entry >= 0, all within 1/N."""
    n = case.logits.shape[0]
    g = _f64(g)
    rows = np.arange(n)
    sums = g.sum(axis=1)
    assert_close(sums, np.zeros(n), name=f"the row sums of {what}", scale=np.full(n, 1.0 / n),
                 observed=g)
    onehot = np.zeros(g.shape, dtype=bool)
    onehot[rows, np.asarray(case.labels, dtype=np.intp)] = True
    slack = 1e-6 / n
    bad = (onehot & (g > slack)) | (~onehot & (g < -slack))
    if np.any(bad):
        i = tuple(int(k) for k in np.argwhere(bad)[0])
        raise Failure(f"{what}[{i[0]}, {i[1]}] is {g[i]:.6g}: the entry of the true class must be "
                      "<= 0 (raising its logit lowers the loss) and every other entry >= 0.",
                      observed=g)


@cross_entropy_grad.property("every row sums to 0, with the true class's entry in [-1/N, 0] and "
                             "every other entry in [0, 1/N]", cases=ce_cases(), public=True,
                             weight=1, max_examples=5, examples=(EDGE[0], EDGE[4]),
                             hint="Row i is (softmax(logits[i]) - onehot(labels[i])) / N: the "
                                  "softmax sums to 1 and the one-hot vector too.")
def ce_grad_rows(student, case):
    g = grad_value(student, CE, case)
    _check_rows(g, case)
    n = case.logits.shape[0]
    if np.any(np.abs(_f64(g)) > (1 + 1e-6) / n):
        raise Failure(f"the gradient has an entry of size {np.abs(_f64(g)).max():.6g}, beyond 1/N = "
                      f"{1 / n:.6g}.", observed=g)


@cross_entropy_grad.property("is unchanged when a constant is added to every logit of a row "
                             "(constants up to 1e4)", cases=shifted_cases(), public=True, weight=1,
                             max_examples=5,
                             hint="softmax is shift invariant per row: subtract each row's maximum "
                                  "before exp so that nothing overflows.")
def ce_grad_shift_invariant(student, case):
    moved = (_f64(case.logits) + case.shift).astype(case.logits.dtype)
    back = _f64(moved) - case.shift
    base = grad_value(student, CE, Case(case, logits=back))
    got = grad_value(student, CE, Case(case, logits=moved), name="cross_entropy_grad(logits + "
                     "shift, labels)")
    assert_close(got, base, name="cross_entropy_grad(logits + shift, labels) compared with "
                 "cross_entropy_grad(logits, labels)", scale=np.full(base.shape, 1.0 / base.shape[0]))


@cross_entropy_grad.property("equals (1/C - onehot) / N when all the logits of each row are equal "
                             "(C classes)", cases=uniform_cases(), public=True, weight=1,
                             max_examples=5,
                             hint="With equal logits the softmax is 1/C everywhere; subtract 1 at "
                                  "the true class and divide by N (not by N * C).")
def ce_grad_uniform(student, case):
    g = grad_value(student, CE, case)
    n, c = case.logits.shape
    want = np.full((n, c), 1.0 / c)
    want[np.arange(n), case.labels] -= 1.0
    assert_close(g, want / n, name=f"the gradient for equal logits (N = {n}, C = {c})",
                 scale=np.full((n, c), 1.0 / n))


# ====================================================================== focal loss

#: Focusing parameters: None (the default 2.0) first, then 0 (cross-entropy) and others.
GAMMAS = (None, 0.0, 1.0, 0.5, 3.5, 5.0)


@st.composite
def focal_cases(draw, offsets=True):
    case = draw(ce_cases(offsets=offsets))
    case["gamma"] = draw(st.sampled_from(GAMMAS))
    return case


def _focal_case(logits, labels, gamma, dtype=np.float64):
    return Case(_case(logits, labels, dtype), gamma=gamma)


FOCAL_EDGE = (
    _focal_case([[1.0, 2.0, 0.5, -1.0], [0.0, -2.0, 3.0, 1.0], [2.0, 2.0, -1.0, 0.0]], [3, 0, 1], None),
    _focal_case([[1000.0, 0.0, -1000.0], [-1e4, 1e4, 0.0]], [0, 2], 2.0),   # overflow, tiny p_t
    _focal_case([[5.0], [-3.0]], [0, 0], 0.5),                               # one class: 0
    _focal_case([[0.0, 1.0, 2.0], [-1e4, -1e4 + 1.0, -1e4 + 2.0]], [1, 0], 0.0),
    _focal_case([[300.0, 301.0, 299.0], [-300.0, -302.0, -301.0]], [2, 1], 3.5, np.float32),
    _focal_case([[0.5, 0.5, 0.5, 0.5, 0.5]], [4], 1.0),
    _focal_case([[30.0, 0.0, -1.0], [0.0, 2.0, 1.0]], [0, 1], 0.5),          # p_t close to 1
)


loss_properties(focal_loss, FOCAL, cases=focal_cases(), perfect=certain_class_cases(gamma=True),
                perfect_text="the true class's logit 1e4 above the others",
                examples=FOCAL_EDGE[:3],
                finite_hint="Take log p_t from the log-softmax (row maximum subtracted, "
                            "log-sum-exp) and p_t = exp(log p_t): never log(p) of a probability "
                            "that may have underflowed to 0.")


@focal_loss.property("at gamma = 0 equals your cross_entropy(logits, labels) (needs your "
                     "cross_entropy)", cases=ce_cases(), public=True, weight=1, max_examples=5,
                     examples=(EDGE[1],),
                     hint="(1 - p_t)**0 = 1, so the focal loss at gamma = 0 is the mean of "
                          "-log p_t: the cross-entropy.")
def focal_gamma_zero(student, case):
    case = Case(case, gamma=0.0)
    got = loss_value(student, FOCAL, case)
    want = own(student, CE, case, None, "at gamma = 0 the two must agree")
    assert_close(got, want, name="focal_loss(logits, labels, gamma=0) compared with your "
                 "cross_entropy(logits, labels)", scale=_scale(want), observed=got)


@st.composite
def gamma_pairs(draw):
    case = draw(ce_cases())
    low, high = sorted(draw(st.lists(st.sampled_from((0.0, 0.5, 1.0, 2.0, 3.5, 5.0)), min_size=2,
                                     max_size=2, unique=True)))
    return Case(case, gamma=high, gamma_low=low)


@focal_loss.property("decreases as gamma grows: the loss at a larger gamma is at most the loss at "
                     "a smaller one (at gamma = 0 it is the cross-entropy)", cases=gamma_pairs(),
                     public=True, weight=1, max_examples=5,
                     hint="The modulating factor (1 - p_t)**gamma lies in [0, 1] and shrinks as "
                          "gamma grows; apply it to 1 - p_t (the probability of being wrong), "
                          "not to p_t.")
def focal_decreasing(student, case):
    got = loss_value(student, FOCAL, case)
    lower = loss_value(student, FOCAL, Case(case, gamma=case.gamma_low),
                       name=f"focal_loss(logits, labels, gamma={case.gamma_low:g})")
    if got > lower + 2e-4 * (abs(lower) + 1):
        raise Failure(f"the loss at gamma = {case.gamma:g} is {got:.6g}, larger than the loss "
                      f"{lower:.6g} at gamma = {case.gamma_low:g}.", observed=got)


@st.composite
def focal_uniform_cases(draw):
    """Every row constant, C >= 3 (so that p_t = 1/C differs from 1 - p_t)."""
    n = draw(st.integers(1, 4))
    c = draw(st.integers(3, 6))
    rng = np.random.default_rng(draw(S.seeds()))
    rows = rng.choice([0.0, -3.0, 1e4, -1e4, 2.5], size=(n, 1))
    return Case(logits=np.repeat(rows, c, axis=1).astype(draw(S.dtypes())),
                labels=rng.integers(0, c, size=n), gamma=draw(st.sampled_from(GAMMAS)))


@focal_loss.property("equals (1 - 1/C)**gamma log(C) when all the logits of each row are equal "
                     "(C >= 3 classes)", cases=focal_uniform_cases(), public=True, weight=1,
                     max_examples=5,
                     hint="With equal logits p_t = 1/C: each sample costs -(1 - p_t)**gamma "
                          "log(p_t); average over the N samples only.")
def focal_uniform(student, case):
    got = loss_value(student, FOCAL, case)
    c = case.logits.shape[1]
    gamma = FOCAL.option_value(case)
    want = (1 - 1 / c) ** gamma * np.log(c)
    assert_close(got, want, name=f"the loss for equal logits (C = {c}, gamma = {gamma:g})",
                 scale=1.0, observed=got)


@st.composite
def focal_confident_cases(draw):
    case = draw(confident_cases())
    case["gamma"] = draw(st.sampled_from(GAMMAS))
    return case


@focal_loss.property("a confident wrong prediction costs its full price: when the true class's "
                     "logit is g below the other one (g from 30 to 1e4), p_t is below 1e-13 and "
                     "the sample costs g + log(1 + exp(-g))", cases=focal_confident_cases(),
                     public=True, weight=1, max_examples=5,
                     hint="Do not clip p or add an eps before the log: compute log p_t from the "
                          "logits with log-sum-exp.")
def focal_confident(student, case):
    z = _f64(case.logits)
    gaps = z.max(axis=1) - z.min(axis=1)
    got = loss_value(student, FOCAL, case)
    want = float(np.mean(gaps + np.log1p(np.exp(-gaps))))
    assert_close(got, want, name="the loss when the true class is "
                 f"{', '.join(f'{g:g}' for g in gaps)} below the other class", scale=_scale(want),
                 observed=got)


gradient_properties(focal_loss_grad, FOCAL, cases=focal_cases(),
                    perfect=certain_class_cases(gamma=True),
                    perfect_text="the true class's logit 1e4 above the others",
                    fd_cases=fd_class_cases(gamma=True), fd_plan=_class_plan,
                    examples=FOCAL_EDGE[:3],
                    scale=lambda case: (1 + FOCAL.option_value(case)) / case.logits.shape[0],
                    finite_hint="Work from the log-softmax (row maximum subtracted); where p_t "
                                "is 1, (1 - p_t)**(gamma - 1) is inf for gamma < 1: write "
                                "(1 - p)**(gamma - 1) log p as (1 - p)**gamma (log p / (1 - p)) "
                                "with log p / (1 - p) -> -1.",
                    fd_examples=(Case(FOCAL_EDGE[6], direction_seed=0),),
                    counts=(5, 3, 5, 6, 2))


@focal_loss_grad.property("every row sums to 0, with the true class's entry <= 0 and every other "
                          "entry >= 0", cases=focal_cases(), public=True, weight=1, max_examples=5,
                          examples=(FOCAL_EDGE[0], FOCAL_EDGE[6]),
                          hint="Each row is (softmax - onehot) times a non-negative factor "
                               "(1 - p)**gamma - gamma p (1 - p)**(gamma - 1) log p, divided by N.")
def focal_grad_rows(student, case):
    _check_rows(grad_value(student, FOCAL, case), case)


@focal_loss_grad.property("is unchanged when a constant is added to every logit of a row "
                          "(constants up to 1e4)",
                          cases=shifted_cases().flatmap(
                              lambda c: st.sampled_from(GAMMAS).map(lambda g: Case(c, gamma=g))),
                          public=True, weight=1, max_examples=5,
                          hint="Work from the log-softmax with each row's maximum subtracted.")
def focal_grad_shift_invariant(student, case):
    moved = (_f64(case.logits) + case.shift).astype(case.logits.dtype)
    back = _f64(moved) - case.shift
    base = grad_value(student, FOCAL, Case(case, logits=back))
    got = grad_value(student, FOCAL, Case(case, logits=moved), name="focal_loss_grad(logits + "
                     "shift, labels)")
    scale = (1 + FOCAL.option_value(case)) / base.shape[0]
    assert_close(got, base, name="focal_loss_grad(logits + shift, labels) compared with "
                 "focal_loss_grad(logits, labels)", scale=np.full(base.shape, scale))
