"""Public checks: metrics.accuracy, precision, recall, f1_score, roc_auc, rmse, mape, r2_score.

Every metric takes two 1-d arrays of one length N >= 1 and returns a float.
The checks here need no reference implementation: ranges, values at perfect
and documented edge cases, invariances (shuffling, monotone transforms of the
scores, scaling, translation, affine changes of units), how a metric over a
batch combines the metrics of its parts, and that the result does not depend
on whether 0/1 labels come as int, bool or float arrays. Students receive
this module (see `autograder.public`); the hidden part of the suite is in
``autograder/suites/metrics.py``.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (Case, Exercise, Failure, as_float, assert_close, assert_unchanged,
                                 strategies as S)

accuracy = Exercise("metrics.accuracy")
precision = Exercise("metrics.precision")
recall = Exercise("metrics.recall")
f1_score = Exercise("metrics.f1_score")
roc_auc = Exercise("metrics.roc_auc")
rmse = Exercise("metrics.rmse")
mape = Exercise("metrics.mape")
r2_score = Exercise("metrics.r2_score")

#: dtypes of 0/1 label arrays, the plainest first (hypothesis shrinks towards it).
LABEL_DTYPES = (np.int64, np.bool_, np.float64, np.int32, np.float32)
CLASS_DTYPES = (np.int64, np.int32)
#: Fractions of positives (in y_true, or predicted): balanced, skewed, none, all.
RATES = (0.5, 0.3, 0.8, 0.0, 1.0, 0.1)
#: How predictions relate to the truth: a noisy copy, unrelated, perfect, nothing or
#: everything predicted positive.
PRED_MODES = ("noisy_copy", "independent", "perfect", "none", "all")
#: Score kinds for roc_auc: rounded or small-integer scores have many ties; "close" scores differ
#: by 1e-6 only.
SCORE_KINDS = ("rounded", "informative", "ties", "small_int", "normal", "wide", "separable", "constant",
               "close")
#: Regression cases: y_pred near y_true, unrelated, perfect; y_true with exact zeros; constant y_true.
REG_KINDS = ("noisy", "independent", "perfect", "zeros", "constant")
#: Constants whose running sums (so np.mean of a constant array) are exact in float32 and float64.
EXACT_CONSTANTS = (0.0, 1.0, -3.0, 2.5, 1000.0, -0.75)
EPS = float(np.finfo(np.float64).eps)


# ------------------------------------------------------------------ cases

def _label_dtypes(draw):
    """One dtype for both label arrays, or (less often) two different ones."""
    if draw(st.integers(0, 2)):
        dt = draw(st.sampled_from(LABEL_DTYPES))
        return dt, dt
    return draw(st.sampled_from(LABEL_DTYPES)), draw(st.sampled_from(LABEL_DTYPES))


@st.composite
def binary_cases(draw, min_n=1, max_n=40, modes=PRED_MODES, rates=RATES):
    """0/1 labels y_true and predictions y_pred, as int, bool or float arrays."""
    n = draw(st.integers(min_n, max_n))
    rate = draw(st.sampled_from(rates))
    mode = draw(st.sampled_from(modes))
    rng = np.random.default_rng(draw(S.seeds()))
    t = rng.random(n) < rate
    if mode == "noisy_copy":
        p = t ^ (rng.random(n) < 0.25)
    elif mode == "independent":
        p = rng.random(n) < draw(st.sampled_from(RATES))
    elif mode == "perfect":
        p = t.copy()
    else:
        p = np.full(n, mode == "all")
    dt_t, dt_p = _label_dtypes(draw)
    return Case(y_true=t.astype(dt_t), y_pred=p.astype(dt_p))


@st.composite
def multiclass_cases(draw, min_n=1, max_n=40, min_c=1, modes=("noisy_copy", "independent", "perfect")):
    """Integer class labels in [0, C) and predictions."""
    n = draw(st.integers(min_n, max_n))
    c = draw(st.integers(min_c, 6))
    mode = draw(st.sampled_from(modes))
    rng = np.random.default_rng(draw(S.seeds()))
    t = rng.integers(0, c, size=n)
    if mode == "noisy_copy":
        p = np.where(rng.random(n) < 0.3, rng.integers(0, c, size=n), t)
    elif mode == "independent":
        p = rng.integers(0, c, size=n)
    else:
        p = t.copy()
    dt_t = draw(st.sampled_from(CLASS_DTYPES))
    dt_p = dt_t if draw(st.booleans()) else draw(st.sampled_from(CLASS_DTYPES))
    return Case(y_true=t.astype(dt_t), y_pred=p.astype(dt_p))


def _scores(kind, t, rng):
    n = t.size
    if kind == "rounded":  # informative scores rounded to 0.1: many ties across the classes
        return np.round(rng.standard_normal(n) + 0.8 * t, 1)
    if kind == "informative":
        return rng.standard_normal(n) + t
    if kind == "separable":  # every positive above every negative, ties inside each class
        return np.where(t, 1.0 + rng.integers(0, 3, size=n), -1.0 * rng.integers(0, 3, size=n))
    if kind == "constant":
        return np.full(n, rng.choice([0.5, 0.0, -2.0, 1e3]))
    if kind == "close":  # probabilities crowded near 0.9: distinct in float32, not in float16
        return 0.9 + 1e-4 * np.round(rng.standard_normal(n) + 0.5 * t, 2)
    return S.build_array((n,), kind, int(rng.integers(2**32)))  # ties, small_int, normal, wide


@st.composite
def roc_cases(draw, min_n=2, max_n=40, kinds=SCORE_KINDS, both_classes=True):
    """0/1 labels (both classes present unless both_classes is False) and float scores."""
    n = draw(st.integers(min_n, max_n))
    rate = draw(st.sampled_from((0.5, 0.3, 0.8, 0.1)))
    kind = draw(st.sampled_from(kinds))
    rng = np.random.default_rng(draw(S.seeds()))
    t = rng.random(n) < rate
    if both_classes:  # n >= 2: flip one label when a class is missing
        if t.all():
            t[rng.integers(n)] = False
        elif not t.any():
            t[rng.integers(n)] = True
    scores = _scores(kind, t, rng).astype(draw(S.dtypes()))
    return Case(y_true=t.astype(draw(st.sampled_from(LABEL_DTYPES))), scores=scores)


@st.composite
def regression_cases(draw, min_n=1, max_n=40, kinds=REG_KINDS, styles=S.STYLES):
    """Float targets y_true and predictions y_pred (float32 or float64)."""
    n = draw(st.integers(min_n, max_n))
    kind = draw(st.sampled_from(kinds))
    dt = draw(S.dtypes())
    style, seed = draw(S.styles(styles)), draw(S.seeds())
    rng = np.random.default_rng(seed + 7)
    y = S.build_array((n,), style, seed)
    if kind == "constant":
        y = np.full(n, draw(st.sampled_from(EXACT_CONSTANTS)))
    if kind == "zeros":  # exact zeros in y_true, some predicted exactly as well
        zero = rng.random(n) < 0.4
        zero[rng.integers(n)] = True
        y = np.where(zero, 0.0, y)
    if kind == "independent":
        pred = S.build_array((n,), draw(S.styles(styles)), seed + 1)
    elif kind == "perfect" or (kind == "constant" and draw(st.booleans())):
        pred = y.copy()
    else:  # noise relative to the size of y (absolute near zero)
        rel = draw(st.sampled_from((0.1, 1.0, 0.01)))
        pred = y + rel * (np.abs(y) + 1e-3 * (np.abs(y).max() + 1.0)) * rng.standard_normal(n)
        if kind == "zeros":
            pred[zero & (rng.random(n) < 0.5)] = 0.0
    return Case(y_true=y.astype(dt), y_pred=pred.astype(dt))


@st.composite
def with_fields(draw, cases, **fields):
    """Cases from ``cases`` with extra drawn fields (shown in the counterexample)."""
    case = draw(cases)
    return Case(case, **{k: draw(v) for k, v in fields.items()})


def _labels(a, dtype=np.int64):
    return np.array(a, dtype=dtype)


def _pair(t, p, dt_t=np.int64, dt_p=None):
    return Case(y_true=_labels(t, dt_t), y_pred=_labels(p, dt_t if dt_p is None else dt_p))


def _roc(t, s, dt_t=np.int64, dt_s=np.float64):
    return Case(y_true=_labels(t, dt_t), scores=np.array(s, dtype=dt_s))


def _reg(t, p, dt=np.float64):
    return Case(y_true=np.array(t, dtype=dt), y_pred=np.array(p, dtype=dt))


# ------------------------------------------------------------------ hand-picked edge cases

ACCURACY_EDGE = (
    _pair([0, 1, 2, 2, 1], [0, 2, 2, 1, 1]),             # sorting both would make them equal
    _pair([3], [3]),                                      # N = 1, right
    _pair([3], [1]),                                      # N = 1, wrong
    _pair([1, 0, 1], [1, 1, 1], np.int32, np.int64),      # mixed integer dtypes
    _pair([0, 0, 0, 0], [0, 0, 0, 0]),                    # one class, perfect
    _pair([2, 0, 1, 1, 0, 2, 2], [2, 1, 1, 0, 0, 2, 1]),
)

PRECISION_EDGE = (
    _pair([0, 1, 0, 1], [0, 1, 1, 1]),                    # 2/3 (recall 1, with TN counted 3/4)
    _pair([1, 1, 1], [0, 0, 0]),                          # nothing predicted positive: 0.0
    _pair([0, 0, 0], [0, 0, 0]),                          # nothing at all: 0.0
    _pair([1, 0, 1, 0, 0], [1, 1, 0, 0, 0], np.bool_),    # bool labels
    _pair([1.0, 0.0, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0], np.float64),
    _pair([1], [1]),
    _pair([0], [1]),
    _pair([1, 1, 0, 0, 0, 0], [1, 0, 1, 0, 0, 0], np.bool_, np.int64),
)

RECALL_EDGE = (
    _pair([1, 1, 0, 0, 0], [1, 0, 1, 1, 0]),              # 1/2 (precision 1/3, with TN counted 2/3)
    _pair([0, 0], [1, 1]),                                # no positive in y_true: 0.0
    _pair([0, 0, 0, 0], [1, 0, 1, 0]),
    _pair([0, 0, 0], [0, 0, 0]),
    _pair([1, 0, 1, 1, 0], [1, 1, 0, 0, 0], np.bool_),
    _pair([1.0, 0.0, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0], np.float32),
    _pair([1], [1]),
    _pair([1], [0]),
    _pair([1, 1, 1, 0, 0, 0], [1, 0, 0, 1, 0, 0], np.int32, np.bool_),
)

F1_EDGE = (
    _pair([0, 0, 0], [0, 0, 0]),                          # 2TP + FP + FN == 0: 0.0
    _pair([1, 0, 0], [0, 1, 0]),                          # TP == 0: 0.0
    _pair([1, 0, 1, 1, 0, 0], [1, 1, 0, 1, 0, 0], np.bool_),
    _pair([1.0, 1.0, 0.0, 0.0], [1.0, 0.0, 0.0, 1.0], np.float64),
    _pair([1], [1]),
    _pair([1, 1, 1, 1, 0], [1, 0, 0, 0, 0]),              # P = 1, R = 1/4: F1 = 0.4
    _pair([0, 0, 0, 1, 0], [1, 1, 1, 1, 1], np.int64, np.bool_),
)

ROC_CLASSIC = _roc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])   # 0.75
ROC_ONE_TIE = _roc([0, 1], [0.5, 0.5])                       # one tied pair: 0.5
ROC_SEPARABLE = _roc([1, 0, 0, 1], [0.9, 0.2, 0.2, 0.9])     # ties inside the classes only: 1.0
ROC_TIES = _roc([1, 0, 1, 0, 1, 0], [0.3, 0.3, 0.7, 0.1, 0.3, 0.7])  # ties across the classes
ROC_DISCERNING = _roc([1, 0, 0, 1, 1], [0.6, 0.2, 0.6, 0.6, 0.6])  # 0.75; every mistake differs
ROC_EDGE = (
    ROC_CLASSIC,
    ROC_DISCERNING,
    ROC_TIES,
    _roc([1, 1, 0, 0, 0], [2.0, 2.0, 2.0, 1.0, 2.0], np.bool_),
    _roc([0.0, 1.0, 1.0, 0.0, 1.0], [-1.0, 3.0, 3.0, 3.0, 0.0], np.float64, np.float32),
    ROC_SEPARABLE,
    _roc([1, 0, 1, 0, 0, 1, 1, 0], [0.2, 0.2, 0.6, 0.6, 0.6, 0.9, 0.2, 0.1]),
    ROC_ONE_TIE,
)

RMSE_EDGE = (
    _reg([1.0, 2.0, 3.0], [2.0, 2.0, 6.0]),               # sqrt(10/3)
    _reg([3.0], [-1.0]),                                  # N = 1: |error|
    _reg([0.0, 0.0], [0.0, 0.0]),                         # perfect: 0
    _reg([1e3, -2e3, 5e2, 7e2], [1.1e3, -1.9e3, 4e2, 6e2], np.float32),
    _reg([1e-6, 2e-6, -1e-6], [0.0, 3e-6, 1e-6]),
)

MAPE_EDGE = (
    _reg([1.0, 2.0, 4.0], [1.5, 2.0, 3.0]),               # (0.5 + 0 + 0.25) / 3
    _reg([0.0, 2.0], [0.0, 1.5]),                         # a zero predicted exactly: adds 0
    _reg([0.0, 1.0], [0.5, 1.0]),                         # a zero missed: 0.5 / eps
    _reg([-2.0, -4.0, 5.0], [-1.0, -5.0, 4.0]),           # negative targets
    _reg([3.0], [3.0]),
    _reg([0.0, 0.0, 0.5], [1e-3, 0.0, 0.25], np.float32),
)

R2_EDGE = (
    _reg([3.0, 3.0, 3.0], [3.0, 3.0, 3.0]),               # constant, perfect: 1.0
    _reg([3.0, 3.0, 3.0], [2.0, 3.0, 4.0]),               # constant, imperfect: 0.0
    _reg([2.5], [1.0]),                                   # N = 1: 0.0
    _reg([1.0, 2.0, 3.0, 4.0], [2.5, 2.5, 2.5, 2.5]),      # the mean: 0.0
    _reg([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]),               # -3.0
    _reg([10.0, 11.0, 12.0, 13.0], [10.5, 10.5, 12.5, 13.0], np.float32),
    _reg([-1.0, 0.0, 1.0], [0.0, 0.0, 0.0]),               # mean 0
)


# ------------------------------------------------------------------ helpers

def _value(student, name, a, b, what=None):
    """The student's metric on (a, b), checked to be one float."""
    what = what or f"{name}(y_true, {'scores' if name == 'roc_auc' else 'y_pred'})"
    v = student.call(name, a, b)
    try:
        return as_float(v, what)
    except Failure as f:
        f.observed = v
        raise


def _case_value(student, name, case):
    return _value(student, name, case.y_true, case.scores if name == "roc_auc" else case.y_pred)


def _finite(got, what):
    if not np.isfinite(got):
        raise Failure(f"{what} is {got}, not a finite number.", observed=got)
    return got


def _in_unit_interval(got, what):
    _finite(got, what)
    if got < -1e-12 or got > 1 + 1e-12:
        raise Failure(f"{what} is {got:.6g}, outside [0, 1].", observed=got)
    return got


def _same(got, want, what, *, observed):
    """Equality of two of the student's own results, up to rounding."""
    assert_close(got, want, name=what, scale=abs(want) + 1.0, observed=observed)


def _as_dtype(case, dtype):
    return Case(y_true=case.y_true.astype(dtype), y_pred=case.y_pred.astype(dtype))


def _bool(a):
    return np.asarray(a, dtype=np.float64) > 0.5


def _inputs_unchanged(student, name, case, second="y_pred"):
    _, args, _ = student.call(name, case.y_true, case[second], echo=True)
    assert_unchanged([case.y_true, case[second]], args, ["y_true", second])


def _split(case, k, fields=("y_true", "y_pred")):
    return ([case[f][:k] for f in fields], [case[f][k:] for f in fields])


# ================================================================== accuracy

@accuracy.property("returns a float in [0, 1], and 1.0 when every prediction is right",
                   cases=multiclass_cases(), public=True, weight=1, max_examples=8,
                   examples=ACCURACY_EDGE[:3],
                   hint="Return the FRACTION of matching entries (np.mean(y_true == y_pred)), not "
                        "their count.")
def accuracy_range(student, case):
    got = _in_unit_interval(_case_value(student, "accuracy", case), "accuracy(y_true, y_pred)")
    perfect = _value(student, "accuracy", case.y_true, case.y_true.copy(), "accuracy(y_true, y_true)")
    _same(perfect, 1.0, "accuracy(y_true, y_true)", observed=got)


@st.composite
def all_wrong_cases(draw):
    """Every prediction is a different class: y_pred = (y_true + k) % C, 1 <= k < C."""
    case = draw(multiclass_cases(min_c=2, modes=("independent",)))
    c = int(max(case.y_true.max(), case.y_pred.max())) + 1
    c = max(c, 2)
    k = draw(st.integers(1, c - 1))
    return Case(case, y_pred=((case.y_true.astype(np.int64) + k) % c).astype(case.y_pred.dtype))


@accuracy.property("is 0.0 when every prediction is wrong (even when the predictions are the true "
                   "labels in another order)", cases=all_wrong_cases(), public=True, weight=1,
                   max_examples=8, examples=(_pair([0, 1, 2, 2], [1, 2, 0, 0]),),
                   hint="Compare y_true[i] with y_pred[i] for the same i: do not sort the arrays, "
                        "and keep both 1-d (an (N, 1) array against an (N,) one compares every "
                        "pair).")
def accuracy_all_wrong(student, case):
    got = _case_value(student, "accuracy", case)
    _same(got, 0.0, "accuracy when no prediction is right", observed=got)


@accuracy.property("the accuracy of a batch is the average of the accuracies of its two parts, "
                   "weighted by their sizes",
                   cases=with_fields(multiclass_cases(min_n=2), split=st.integers(1, 39)),
                   public=True, weight=1, max_examples=8,
                   hint="Divide the number of correct predictions by N, the number of samples.")
def accuracy_split(student, case):
    n = case.y_true.size
    k = min(case.split, n - 1)
    whole = _case_value(student, "accuracy", case)
    (a, b), (c, d) = _split(case, k)
    top = _value(student, "accuracy", a, b, f"the accuracy of samples [:{k}]")
    bottom = _value(student, "accuracy", c, d, f"the accuracy of samples [{k}:]")
    _same(whole, (k * top + (n - k) * bottom) / n, f"the accuracy of all {n} samples compared with the "
          f"weighted mean of the accuracies of samples [:{k}] and [{k}:]", observed=whole)


@st.composite
def one_fixed_cases(draw):
    """A case with at least one wrong prediction and the index of one of them (``fix``)."""
    case = draw(multiclass_cases(min_n=1, min_c=2, modes=("noisy_copy", "independent")))
    t, p = case.y_true, case.y_pred.copy()
    wrong = np.flatnonzero(t != p)
    if wrong.size == 0:
        p[0] = (int(t[0]) + 1) % int(max(t.max(), p.max()) + 2)
        wrong = np.array([0])
    return Case(y_true=t, y_pred=p, fix=int(wrong[draw(st.integers(0, wrong.size - 1))]))


@accuracy.property("correcting one wrong prediction raises the accuracy by exactly 1/N",
                   cases=one_fixed_cases(), public=True, weight=1, max_examples=6,
                   examples=(Case(_pair([0, 1, 2], [0, 2, 2]), fix=1),),
                   hint="Each of the N samples weighs 1/N: accuracy = (number right) / N, as a "
                        "float (use / not //).")
def accuracy_one_fixed(student, case):
    n = case.y_true.size
    base = _case_value(student, "accuracy", case)
    fixed = case.y_pred.copy()
    fixed[case.fix] = case.y_true[case.fix]
    got = _value(student, "accuracy", case.y_true, fixed, f"the accuracy with y_pred[{case.fix}] corrected")
    _same(got - base, 1.0 / n, f"the change of the accuracy when y_pred[{case.fix}] is corrected "
          f"(N = {n})", observed=base)


@accuracy.property("is unchanged when the samples are shuffled (both arrays in the same way)",
                   cases=with_fields(multiclass_cases(min_n=2), perm_seed=S.seeds()), public=True,
                   weight=0.5, max_examples=5)
def accuracy_shuffle(student, case):
    perm = np.random.default_rng(case.perm_seed).permutation(case.y_true.size)
    base = _case_value(student, "accuracy", case)
    moved = _value(student, "accuracy", case.y_true[perm], case.y_pred[perm], "the accuracy after shuffling")
    _same(moved, base, "the accuracy after shuffling the samples compared with before", observed=base)


@accuracy.property("does not modify its inputs", cases=multiclass_cases(), public=True, weight=0.5,
                   max_examples=4, standalone=False)
def accuracy_inputs_unchanged(student, case):
    _inputs_unchanged(student, "accuracy", case)


# ================================================================== precision, recall, f1: shared

LABEL_DTYPE_HINT = ("Convert the labels once to booleans (y == 1) and count with & and ~; "
                    "arithmetic such as y_true + y_pred == 2 or y_true - y_pred behaves "
                    "differently on bool arrays (True + True is True), and & fails on floats.")

for _ex, _name in ((precision, "precision"), (recall, "recall"), (f1_score, "F1")):
    _ex.behavioural_mistake(
        "label_dtype_dependent", "the result depends on the dtype of the 0/1 labels",
        f"The {_name} of int, bool and float 0/1 labels must be the same. " + LABEL_DTYPE_HINT)


def _named(check, name):
    check.__name__ = check.__qualname__ = name  # the property's name in reports
    return check


def _range_check(ex, fname, edge):
    def check(student, case):
        _in_unit_interval(_case_value(student, fname, case), f"{fname}(y_true, y_pred)")
    return ex.property("returns a float in [0, 1], for int, bool and float 0/1 labels",
                       cases=binary_cases(), public=True, weight=1, max_examples=8,
                       examples=edge[:2],
                       hint="Return one Python float; count with integer sums and divide.")(
        _named(check, f"{fname}_range"))


def _dtype_check(ex, fname):
    def check(student, case):
        base = _case_value(student, fname, _as_dtype(case, np.int64))
        for dt in (np.bool_, np.float64):
            other = _as_dtype(case, dt)
            got = _value(student, fname, other.y_true, other.y_pred,
                         f"{fname} of {np.dtype(dt).name} labels")
            _same(got, base, f"{fname} of {np.dtype(dt).name} labels compared with {fname} of the "
                  "same labels as int64", observed=base)
    return ex.property("gives the same result whether the 0/1 labels come as int, bool or float "
                       "arrays", cases=binary_cases(modes=("noisy_copy", "independent", "perfect")),
                       public=True, weight=1, max_examples=6, mistake="label_dtype_dependent",
                       hint=LABEL_DTYPE_HINT)(_named(check, f"{fname}_label_dtypes"))


def _unchanged_check(ex, fname):
    def check(student, case):
        _inputs_unchanged(student, fname, case)
    return ex.property("does not modify its inputs", cases=binary_cases(), public=True, weight=0.5,
                       max_examples=4, standalone=False)(_named(check, f"{fname}_inputs_unchanged"))


# ================================================================== precision

precision_range = _range_check(precision, "precision", PRECISION_EDGE)


@precision.property("is 0.0 when nothing is predicted positive (the documented zero-division case)",
                    cases=binary_cases(modes=("none",)), public=True, weight=1, max_examples=5,
                    examples=PRECISION_EDGE[1:3],
                    hint="When TP + FP == 0 return 0.0 explicitly (check before dividing): not nan, "
                         "not 1.0, and no ZeroDivisionError.")
def precision_nothing_predicted(student, case):
    got = _case_value(student, "precision", case)
    _same(got, 0.0, "precision when nothing is predicted positive", observed=got)


@st.composite
def no_false_positive_cases(draw):
    """Predicted positives are a non-empty subset of the true positives."""
    case = draw(binary_cases(modes=("perfect",), rates=(0.5, 0.3, 0.8, 1.0)))
    t = _bool(case.y_true)
    if not t.any():
        t[0] = True
    rng = np.random.default_rng(draw(S.seeds()))
    p = t & (rng.random(t.size) < 0.6)
    p[np.flatnonzero(t)[0]] = True
    return Case(y_true=t.astype(case.y_true.dtype), y_pred=p.astype(case.y_pred.dtype))


@precision.property("is 1.0 when every predicted positive is truly positive (and at least one "
                    "sample is predicted positive)", cases=no_false_positive_cases(), public=True,
                    weight=1, max_examples=6, examples=(_pair([1, 1, 1, 0], [1, 0, 0, 0]),),
                    hint="precision = TP / (TP + FP): only the samples predicted positive count; "
                         "missed positives (FN) do not lower the precision.")
def precision_no_false_positive(student, case):
    got = _case_value(student, "precision", case)
    _same(got, 1.0, "precision without false positives", observed=got)


def _flipped_where_false(labels, mask, seed):
    """``labels`` with some entries flipped (at least one, where one can be) where ``mask`` is
    False; the dtype kept."""
    flip = ~mask & (np.random.default_rng(seed).random(mask.size) < 0.7)
    flip[np.flatnonzero(~mask)[:1]] = True
    return (_bool(labels) ^ flip).astype(labels.dtype)


@precision.property("depends only on the samples predicted positive: changing y_true where "
                    "y_pred is 0 leaves it unchanged",
                    cases=with_fields(binary_cases(min_n=2), flip_seed=S.seeds()), public=True,
                    weight=1, max_examples=8,
                    examples=(Case(PRECISION_EDGE[0], flip_seed=1),),
                    hint="Count TP (y_true 1, y_pred 1) and FP (y_true 0, y_pred 1) only; true "
                         "negatives and false negatives play no part.")
def precision_ignores_predicted_negatives(student, case):
    changed = _flipped_where_false(case.y_true, _bool(case.y_pred), case.flip_seed)
    base = _case_value(student, "precision", case)
    got = _value(student, "precision", changed, case.y_pred,
                 "precision after changing y_true where y_pred is 0")
    _same(got, base, "precision after changing y_true where y_pred is 0, compared with before",
          observed=base)


@precision.property("equals the fraction of positives in y_true when every sample is predicted "
                    "positive", cases=binary_cases(modes=("all",)), public=True, weight=1, max_examples=5,
                    hint="With every sample predicted positive, TP is the number of positives and "
                         "TP + FP is N.")
def precision_all_predicted(student, case):
    got = _case_value(student, "precision", case)
    _same(got, float(np.mean(_bool(case.y_true))), "precision when every sample is predicted positive",
          observed=got)


precision_dtypes = _dtype_check(precision, "precision")
precision_unchanged = _unchanged_check(precision, "precision")


# ================================================================== recall

recall_range = _range_check(recall, "recall", RECALL_EDGE)


@recall.property("is 0.0 when y_true holds no positive (the documented zero-division case)",
                 cases=binary_cases(rates=(0.0,), modes=("independent", "all", "none")), public=True, weight=1, max_examples=5,
                 examples=RECALL_EDGE[1:4],
                 hint="When TP + FN == 0 return 0.0 explicitly (check before dividing): not nan, "
                      "not 1.0, and no ZeroDivisionError.")
def recall_no_positive(student, case):
    got = _case_value(student, "recall", case)
    _same(got, 0.0, "recall when y_true holds no positive", observed=got)


@st.composite
def no_false_negative_cases(draw):
    """Every true positive is predicted positive (and there is at least one)."""
    case = draw(binary_cases(modes=("perfect",), rates=(0.5, 0.3, 0.1, 1.0)))
    t = _bool(case.y_true)
    if not t.any():
        t[0] = True
    rng = np.random.default_rng(draw(S.seeds()))
    p = t | (rng.random(t.size) < 0.4)
    return Case(y_true=t.astype(case.y_true.dtype), y_pred=p.astype(case.y_pred.dtype))


@recall.property("is 1.0 when every true positive is predicted positive (false positives do not "
                 "matter)", cases=no_false_negative_cases(), public=True, weight=1, max_examples=6,
                 examples=(_pair([1, 0, 0, 0], [1, 1, 1, 0]),),
                 hint="recall = TP / (TP + FN): only the truly positive samples count; false "
                      "positives (FP) do not lower the recall.")
def recall_no_false_negative(student, case):
    got = _case_value(student, "recall", case)
    _same(got, 1.0, "recall without false negatives", observed=got)


@recall.property("depends only on the truly positive samples: changing y_pred where y_true is 0 "
                 "leaves it unchanged",
                 cases=with_fields(binary_cases(min_n=2), flip_seed=S.seeds()), public=True,
                 weight=1, max_examples=8,
                 examples=(Case(RECALL_EDGE[0], flip_seed=1),),
                 hint="Count TP (y_true 1, y_pred 1) and FN (y_true 1, y_pred 0) only; true "
                      "negatives and false positives play no part.")
def recall_ignores_true_negatives(student, case):
    changed = _flipped_where_false(case.y_pred, _bool(case.y_true), case.flip_seed)
    base = _case_value(student, "recall", case)
    got = _value(student, "recall", case.y_true, changed,
                 "recall after changing y_pred where y_true is 0")
    _same(got, base, "recall after changing y_pred where y_true is 0, compared with before",
          observed=base)


recall_dtypes = _dtype_check(recall, "recall")
recall_unchanged = _unchanged_check(recall, "recall")


# ================================================================== f1_score

f1_range = _range_check(f1_score, "f1_score", F1_EDGE)


@st.composite
def no_true_positive_cases(draw):
    """TP == 0: y_pred is 1 only where y_true is 0 (possibly nowhere)."""
    case = draw(binary_cases(modes=("independent", "none")))
    p = _bool(case.y_pred) & ~_bool(case.y_true)
    return Case(case, y_pred=p.astype(case.y_pred.dtype))


@f1_score.property("is 0.0 whenever there is no true positive, including when y_true and y_pred "
                   "are all 0 (the documented zero-division case)", cases=no_true_positive_cases(),
                   public=True, weight=1, max_examples=6, examples=F1_EDGE[:2],
                   hint="Use F1 = 2 TP / (2 TP + FP + FN) and return 0.0 when TP == 0 (then the "
                        "harmonic mean of P = 0 and R = 0 is 0/0).")
def f1_no_true_positive(student, case):
    got = _case_value(student, "f1_score", case)
    _same(got, 0.0, "F1 without any true positive", observed=got)


@f1_score.property("is 1.0 for a perfect prediction with at least one positive",
                   cases=binary_cases(modes=("perfect",), rates=(0.5, 0.3, 0.8, 1.0)), public=True,
                   weight=0.5, max_examples=4,
                   examples=(_pair([1, 0, 1], [1, 0, 1], np.bool_),))
def f1_perfect(student, case):
    if not _bool(case.y_true).any():
        case = Case(y_true=np.ones_like(case.y_true), y_pred=np.ones_like(case.y_pred))
    got = _case_value(student, "f1_score", case)
    _same(got, 1.0, "F1 of a perfect prediction", observed=got)


@f1_score.property("is symmetric: swapping y_true and y_pred gives the same F1",
                   cases=binary_cases(min_n=2), public=True, weight=1, max_examples=6,
                   hint="F1 = 2 TP / (2 TP + FP + FN) and swapping the arrays only swaps FP and FN.")
def f1_symmetric(student, case):
    base = _case_value(student, "f1_score", case)
    got = _value(student, "f1_score", case.y_pred, case.y_true, "f1_score(y_pred, y_true)")
    _same(got, base, "f1_score(y_pred, y_true) compared with f1_score(y_true, y_pred)", observed=base)


@f1_score.property("appending true negatives (samples with y_true = y_pred = 0) leaves it "
                   "unchanged", cases=with_fields(binary_cases(), extra=st.integers(1, 10)),
                   public=True, weight=1, max_examples=6,
                   hint="True negatives play no part in precision, recall or F1: do not use the "
                        "accuracy or count TN.")
def f1_true_negatives(student, case):
    base = _case_value(student, "f1_score", case)
    t = np.concatenate([case.y_true, np.zeros(case.extra, case.y_true.dtype)])
    p = np.concatenate([case.y_pred, np.zeros(case.extra, case.y_pred.dtype)])
    got = _value(student, "f1_score", t, p, f"F1 after appending {case.extra} true negatives")
    _same(got, base, f"F1 after appending {case.extra} true negatives compared with before",
          observed=base)


@f1_score.property("equals 2p / (1 + p) when every sample is predicted positive, with p the "
                   "fraction of positives in y_true (the harmonic mean of precision p and "
                   "recall 1)", cases=binary_cases(modes=("all",)), public=True, weight=1,
                   max_examples=5, examples=(_pair([1, 0, 0, 0], [1, 1, 1, 1]),),
                   hint="F1 is the HARMONIC mean 2PR / (P + R), not the arithmetic mean, and not "
                        "the accuracy.")
def f1_all_predicted(student, case):
    p = float(np.mean(_bool(case.y_true)))
    got = _case_value(student, "f1_score", case)
    _same(got, 2 * p / (1 + p), f"F1 when every sample is predicted positive ({p:.4g} of them are)",
          observed=got)


f1_dtypes = _dtype_check(f1_score, "f1_score")
f1_unchanged = _unchanged_check(f1_score, "f1_score")


# ================================================================== roc_auc

roc_auc.behavioural_mistake(
    "single_class_not_nan", "no nan when y_true holds only one class",
    "With only positives (or only negatives) there is no pair to compare: return float('nan') "
    "(check before dividing by P * Q).")
roc_auc.behavioural_mistake(
    "sorts_inputs_in_place", "sorting or changing the caller's arrays",
    "scores.sort() or y_true[...] = ... change the caller's arrays: use np.argsort and index, or "
    "work on copies.")


def _auc(student, case, scores=None, what=None):
    s = case.scores if scores is None else scores
    return _value(student, "roc_auc", case.y_true, s, what or "roc_auc(y_true, scores)")


@roc_auc.property("returns a float in [0, 1] when both classes are present",
                  cases=roc_cases(), public=True, weight=1, max_examples=6, examples=ROC_EDGE[:2],
                  hint="Average over all (positive, negative) pairs: 1 when the positive scores "
                       "higher, 1/2 on a tie, 0 otherwise.")
def roc_range(student, case):
    _in_unit_interval(_auc(student, case), "roc_auc(y_true, scores)")


def _transform(name, s):
    if name == "3s+1":
        return 3.0 * s + 1.0
    if name == "s**3":
        return s ** 3
    if name == "arctan(s)":
        return np.arctan(s)
    return np.exp(s / (1.0 + np.abs(s).max()))  # exp of scores brought into [-1, 1]


@st.composite
def monotone_cases(draw):
    """A case and a strictly increasing transform, applied in float64 (keeps every tie and order)."""
    case = draw(roc_cases())
    name = draw(st.sampled_from(("3s+1", "s**3", "arctan(s)", "exp(s/(1+max|s|))")))
    s = case.scores.astype(np.float64)
    moved = _transform(name, s)
    same_order = np.array_equal(np.sign(s[:, None] - s[None, :]), np.sign(moved[:, None] - moved[None, :]))
    if not same_order:  # rounding merged two scores: fall back to the exact transform
        name, moved = "s + 0", s.copy()
    return Case(case, transform=name, moved=moved)


@roc_auc.property("depends only on the order of the scores: a strictly increasing transform (3s+1, "
                  "s**3, arctan, exp) leaves it unchanged", cases=monotone_cases(), public=True,
                  weight=1, max_examples=6,
                  hint="Compare scores with each other (or rank them); never threshold them at a "
                       "fixed value such as 0.5.")
def roc_monotone(student, case):
    base = _auc(student, case)
    got = _auc(student, case, case.moved, f"roc_auc(y_true, {case.transform})")
    _same(got, base, f"roc_auc(y_true, {case.transform}) compared with roc_auc(y_true, scores)",
          observed=base)


@roc_auc.property("negating the scores gives 1 - AUC (ties stay ties)", cases=roc_cases(),
                  public=True, weight=1, max_examples=6, examples=(ROC_DISCERNING, ROC_TIES),
                  hint="A tie between a positive and a negative counts 1/2 in both directions; "
                       "counting it 0 (or 1) breaks AUC(-s) = 1 - AUC(s).")
def roc_negated(student, case):
    base = _auc(student, case)
    got = _auc(student, case, -case.scores, "roc_auc(y_true, -scores)")
    _same(got, 1.0 - base, "roc_auc(y_true, -scores) compared with 1 - roc_auc(y_true, scores)",
          observed=base)


@roc_auc.property("is 0.5 when all the scores are equal", cases=roc_cases(kinds=("constant",)),
                  public=True, weight=1, max_examples=4, examples=(ROC_ONE_TIE,),
                  hint="Every (positive, negative) pair is then a tie and counts 1/2.")
def roc_constant(student, case):
    got = _auc(student, case)
    if not abs(got - 0.5) <= 1e-4:  # every tie-handling mistake gives 0 or 1 here: name none
        raise Failure(f"roc_auc with all scores equal is {got!r}, expected 0.5.")


@roc_auc.property("is 1.0 when every positive scores above every negative, and 0.0 when every "
                  "positive scores below", cases=roc_cases(kinds=("separable",)), public=True,
                  weight=1, max_examples=5, examples=(ROC_SEPARABLE,),
                  hint="Higher scores mean 'more likely positive': count the pairs where the "
                       "positive's score is HIGHER than the negative's.")
def roc_separable(student, case):
    got = _auc(student, case)
    _same(got, 1.0, "roc_auc when the positives score above the negatives", observed=got)
    low = _auc(student, case, -case.scores, "roc_auc(y_true, -scores)")
    _same(low, 0.0, "roc_auc when the positives score below the negatives", observed=got)


@roc_auc.property("is unchanged when the samples are shuffled (labels and scores together)",
                  cases=with_fields(roc_cases(), perm_seed=S.seeds()), public=True, weight=1,
                  max_examples=6,
                  hint="Sort the samples by score (np.argsort) before building the ROC curve, and "
                       "treat tied scores as one group.")
def roc_shuffle(student, case):
    perm = np.random.default_rng(case.perm_seed).permutation(case.y_true.size)
    base = _auc(student, case)
    got = _value(student, "roc_auc", case.y_true[perm], case.scores[perm], "roc_auc after shuffling")
    _same(got, base, "roc_auc after shuffling the samples compared with before", observed=base)


@roc_auc.property("returns nan when y_true holds only one class (no pair to compare)",
                  cases=roc_cases(min_n=1, both_classes=False).map(
                      lambda c: Case(c, y_true=np.full_like(c.y_true, bool(c.scores.size % 2)))),
                  public=True, weight=1, max_examples=4, mistake="single_class_not_nan",
                  examples=(_roc([1, 1, 1], [0.2, 0.5, 0.1]), _roc([0], [0.3])))
def roc_single_class(student, case):
    got = _auc(student, case)
    if not np.isnan(got):
        cls = "positives" if _bool(case.y_true).all() else "negatives"
        raise Failure(f"roc_auc with only {cls} in y_true returned {got!r}, expected nan.",
                      observed=got)


@roc_auc.property("does not modify its inputs", cases=roc_cases(), public=True, weight=0.5,
                  max_examples=5, standalone=False, mistake="sorts_inputs_in_place")
def roc_inputs_unchanged(student, case):
    _inputs_unchanged(student, "roc_auc", case, second="scores")


# ================================================================== rmse

@rmse.property("is a finite float >= 0, and 0.0 for a perfect prediction", cases=regression_cases(),
               public=True, weight=1, max_examples=8, examples=RMSE_EDGE[1:3],
               hint="Square the errors, average them, then take the square root.")
def rmse_nonnegative(student, case):
    got = _finite(_case_value(student, "rmse", case), "rmse(y_true, y_pred)")
    if got < 0:
        raise Failure(f"rmse(y_true, y_pred) is negative ({got:.6g}).", observed=got)
    zero = _value(student, "rmse", case.y_true, case.y_true.copy(), "rmse(y_true, y_true)")
    _same(zero, 0.0, "rmse(y_true, y_true)", observed=got)


@st.composite
def constant_error_cases(draw):
    case = draw(regression_cases(kinds=("independent",), styles=("small_int", "normal")))
    d = draw(st.sampled_from((2.0, -0.5, 3.0, -8.0, 0.25)))
    return Case(case, y_pred=(case.y_true.astype(np.float64) + d).astype(case.y_true.dtype), d=d)


@rmse.property("equals |d| when every prediction is off by the same amount d",
               cases=constant_error_cases(), public=True, weight=1, max_examples=6,
               hint="The mean is over the N squared errors and the square root comes last: "
                    "sqrt(mean(e**2)), not sqrt(sum(e**2)) nor mean(e**2).")
def rmse_constant_error(student, case):
    got = _case_value(student, "rmse", case)
    err = case.y_pred.astype(np.float64) - case.y_true.astype(np.float64)  # d, up to float32 rounding
    _same(got, float(np.sqrt(np.mean(err * err))), f"rmse when every prediction is off by {case.d:g}",
          observed=got)


@rmse.property("rmse**2 of a batch is the average of the rmse**2 of its two parts, weighted by "
               "their sizes", cases=with_fields(regression_cases(min_n=2), split=st.integers(1, 39)),
               public=True, weight=1, max_examples=8,
               hint="rmse**2 is the MEAN squared error: average the squared errors over the N "
                    "samples (not their absolute values, not their sum).")
def rmse_split(student, case):
    n = case.y_true.size
    k = min(case.split, n - 1)
    whole = _case_value(student, "rmse", case)
    (a, b), (c, d) = _split(case, k)
    top = _value(student, "rmse", a, b, f"the rmse of samples [:{k}]")
    bottom = _value(student, "rmse", c, d, f"the rmse of samples [{k}:]")
    want = (k * top ** 2 + (n - k) * bottom ** 2) / n
    assert_close(whole ** 2, want, name=f"rmse**2 of all {n} samples compared with the weighted mean of "
                 f"the rmse**2 of samples [:{k}] and [{k}:]", scale=abs(want), observed=whole)


SCALES = (0.5, 4.0, 1024.0, 3.0, 2.0 ** -10)
SHIFTS = (1.0, -5.0, 100.0, 1000.0)


@rmse.property("scales with the data: multiplying y_true and y_pred by c > 0 multiplies the rmse "
               "by c; adding the same constant to both leaves it unchanged",
               cases=with_fields(regression_cases(kinds=("noisy", "independent")),
                                 c=st.sampled_from(SCALES), shift=st.sampled_from(SHIFTS)),
               public=True, weight=1, max_examples=6,
               hint="rmse depends only on the errors y_true - y_pred, in the units of y.")
def rmse_scale_shift(student, case):
    t, p = case.y_true.astype(np.float64), case.y_pred.astype(np.float64)
    base = _case_value(student, "rmse", case)
    scaled = _value(student, "rmse", t * case.c, p * case.c, f"rmse(c * y_true, c * y_pred), c = {case.c:g}")
    _same(scaled / case.c, base, f"rmse(c * y_true, c * y_pred) / c (c = {case.c:g}) compared with "
          "rmse(y_true, y_pred)", observed=base)
    moved = _value(student, "rmse", t + case.shift, p + case.shift, "rmse(y_true + a, y_pred + a)")
    assert_close(moved, base, name=f"rmse(y_true + a, y_pred + a) (a = {case.shift:g}) compared with "
                 "rmse(y_true, y_pred)", scale=abs(base) + 1e-12 * case.shift * np.sqrt(t.size),
                 observed=base)


@rmse.property("does not modify its inputs", cases=regression_cases(), public=True, weight=0.5,
               max_examples=4, standalone=False)
def rmse_inputs_unchanged(student, case):
    _inputs_unchanged(student, "rmse", case)


# ================================================================== mape

@mape.property("is a finite float >= 0 (also when y_true holds exact zeros), and 0.0 for a "
               "perfect prediction", cases=regression_cases(), public=True, weight=1,
               max_examples=8, examples=MAPE_EDGE[1:3],
               hint="Divide by max(|y_true|, eps) with eps = np.finfo(np.float64).eps, so a zero "
                    "true value gives a huge but finite term instead of inf or nan.")
def mape_nonnegative(student, case):
    got = _finite(_case_value(student, "mape", case), "mape(y_true, y_pred)")
    if got < 0:
        raise Failure(f"mape(y_true, y_pred) is negative ({got:.6g}); the errors are absolute values.",
                      observed=got)
    zero = _value(student, "mape", case.y_true, case.y_true.copy(), "mape(y_true, y_true)")
    _same(zero, 0.0, "mape(y_true, y_true)", observed=got)


@st.composite
def relative_error_cases(draw):
    """y_pred = (1 + r) * y_true with no zero in y_true: every entry is off by the fraction |r|."""
    case = draw(nonzero_target_cases(kinds=("independent",)))
    y = case.y_true.astype(np.float64)
    r = draw(st.sampled_from((0.5, -0.25, 0.1, 2.0, -0.75)))
    dt = case.y_true.dtype
    return Case(y_true=y.astype(dt), y_pred=(y * (1 + r)).astype(dt), r=r)


@mape.property("equals |r| when every prediction is y_pred = (1 + r) * y_true (a fraction, not a "
               "percentage)", cases=relative_error_cases(), public=True, weight=1, max_examples=6,
               examples=(Case(_reg([-2.0, 4.0], [-3.0, 6.0]), r=0.5),),
               hint="Divide |y_true - y_pred| by |y_true| (the TRUE value, in absolute value) and "
                    "do not multiply by 100.")
def mape_relative_error(student, case):
    t, p = case.y_true.astype(np.float64), case.y_pred.astype(np.float64)
    got = _case_value(student, "mape", case)
    _same(got, float(np.mean(np.abs(p - t) / np.abs(t))),  # |r|, up to float32 rounding
          f"mape when every prediction is off by the fraction {abs(case.r):g}", observed=got)


@st.composite
def nonzero_target_cases(draw, kinds=("noisy", "independent")):
    """Regression cases whose y_true holds no zero (zeros replaced by 1)."""
    case = draw(regression_cases(kinds=kinds))
    return Case(case, y_true=np.where(case.y_true == 0, 1, case.y_true).astype(case.y_true.dtype))


@mape.property("is scale invariant: multiplying y_true and y_pred by c > 0 leaves it unchanged "
               "(when y_true holds no zero)",
               cases=with_fields(nonzero_target_cases(), c=st.sampled_from(SCALES)),
               public=True, weight=1, max_examples=5,
               hint="Each term is a ratio |y_true - y_pred| / |y_true|: a common unit cancels.")
def mape_scale(student, case):
    t, p = case.y_true.astype(np.float64), case.y_pred.astype(np.float64)
    base = _case_value(student, "mape", case)
    scaled = _value(student, "mape", t * case.c, p * case.c, "mape(c * y_true, c * y_pred)")
    _same(scaled, base, f"mape(c * y_true, c * y_pred) (c = {case.c:g}) compared with "
          "mape(y_true, y_pred)", observed=base)


@st.composite
def zero_target_cases(draw):
    """y_true = [0] and y_pred = [v]: the documented eps rule gives |v| / eps."""
    v = draw(st.sampled_from((1.0, 0.0, -2.5, 1e-3, 0.5)))
    return _reg([0.0], [v], draw(S.dtypes()))


@mape.property("a zero true value counts |y_pred| / eps with eps = np.finfo(np.float64).eps "
               "(and 0 when y_pred is 0 too)", cases=zero_target_cases(), public=True, weight=1,
               max_examples=5, examples=(_reg([0.0], [1.0]), _reg([0.0], [0.0])),
               hint="Use np.maximum(np.abs(y_true), np.finfo(np.float64).eps) as the denominator "
                    "(the float64 eps even for float32 inputs); do not skip the zeros.")
def mape_zero_target(student, case):
    v = float(case.y_pred[0])
    got = _finite(_case_value(student, "mape", case), f"mape([0.0], [{v:g}])")
    _same(got, abs(v) / EPS, f"mape([0.0], [{v:g}])", observed=got)


@mape.property("the mape of a batch is the average of the mapes of its two parts, weighted by "
               "their sizes (zeros in y_true included)",
               cases=with_fields(regression_cases(min_n=2, kinds=("zeros", "noisy")),
                                 split=st.integers(1, 39)),
               public=True, weight=1, max_examples=6,
               hint="Average the per-sample errors over all N samples, those with y_true = 0 "
                    "included.")
def mape_split(student, case):
    n = case.y_true.size
    k = min(case.split, n - 1)
    whole = _case_value(student, "mape", case)
    (a, b), (c, d) = _split(case, k)
    top = _value(student, "mape", a, b, f"the mape of samples [:{k}]")
    bottom = _value(student, "mape", c, d, f"the mape of samples [{k}:]")
    want = (k * top + (n - k) * bottom) / n
    _same(whole, want, f"the mape of all {n} samples compared with the weighted mean of the mapes of "
          f"samples [:{k}] and [{k}:]", observed=whole)


@mape.property("does not modify its inputs", cases=regression_cases(), public=True, weight=0.5,
               max_examples=4, standalone=False)
def mape_inputs_unchanged(student, case):
    _inputs_unchanged(student, "mape", case)


# ================================================================== r2_score

def _r2_scale(value):
    """Tolerance scale: R^2 = 1 - ratio, computed from sums of magnitude |ratio|."""
    return abs(1.0 - value) + 1.0


@r2_score.property("is a finite float <= 1, and 1.0 for a perfect prediction",
                   cases=regression_cases(), public=True, weight=1, max_examples=8,
                   examples=(R2_EDGE[0], R2_EDGE[2]),
                   hint="R^2 = 1 - SS_res / SS_tot; when y_true is constant return 1.0 for a "
                        "perfect prediction and 0.0 otherwise.")
def r2_range(student, case):
    got = _finite(_case_value(student, "r2_score", case), "r2_score(y_true, y_pred)")
    if got > 1 + 1e-9:
        raise Failure(f"r2_score(y_true, y_pred) is {got:.6g}, above 1.", observed=got)
    one = _finite(_value(student, "r2_score", case.y_true, case.y_true.copy(),
                         "r2_score(y_true, y_true)"), "r2_score(y_true, y_true)")
    _same(one, 1.0, "r2_score(y_true, y_true)", observed=got)


@st.composite
def mean_prediction_cases(draw):
    case = draw(regression_cases(min_n=2, kinds=("independent", "noisy"), styles=("small_int", "normal", "wide", "large")))
    y = case.y_true.astype(np.float64)
    if np.ptp(y) == 0:
        y[0] += 1.0
    return Case(y_true=y.astype(case.y_true.dtype), y_pred=np.full(y.size, y.mean()))


@r2_score.property("is 0.0 when every prediction is the mean of y_true", cases=mean_prediction_cases(),
                   public=True, weight=1, max_examples=6,
                   examples=(R2_EDGE[3], _reg([5.0, 7.0, 9.0, 3.0], [6.0, 6.0, 6.0, 6.0])),
                   hint="SS_tot sums the squared deviations from the MEAN of y_true, not from 0.")
def r2_mean_prediction(student, case):
    got = _finite(_case_value(student, "r2_score", case), "r2_score(y_true, mean of y_true)")
    _same(got, 0.0, "r2_score when predicting the mean of y_true", observed=got)


AFFINE = ((2.0, 0.0), (-3.0, 1.0), (0.5, -2.0), (10.0, 10.0), (-1.0, 0.0))


@r2_score.property("is unchanged when y_true and y_pred go through the same change of units "
                   "a * y + b (a != 0, also negative)",
                   cases=with_fields(regression_cases(min_n=2, kinds=("noisy", "independent"),
                                                      styles=("small_int", "normal", "wide")),
                                     ab=st.sampled_from(AFFINE)),
                   public=True, weight=1, max_examples=6,
                   hint="Both sums of squares scale by a**2, so their ratio is unchanged; take "
                        "SS_tot about the mean of y_true.")
def r2_affine(student, case):
    a, b = case.ab
    t, p = case.y_true.astype(np.float64), case.y_pred.astype(np.float64)
    if np.ptp(t) == 0:
        return  # constant y_true: covered by the constant-target property
    base = _finite(_value(student, "r2_score", t, p), "r2_score(y_true, y_pred)")
    got = _finite(_value(student, "r2_score", a * t + b, a * p + b, "r2_score(a*y_true + b, a*y_pred + b)"),
                  "r2_score(a*y_true + b, a*y_pred + b)")
    assert_close(got, base, name=f"r2_score(a*y_true + b, a*y_pred + b) with a = {a:g}, b = {b:g}, "
                 "compared with r2_score(y_true, y_pred)", scale=_r2_scale(base), observed=base)


@r2_score.property("when y_true is constant (SS_tot = 0): 1.0 for a perfect prediction and 0.0 "
                   "otherwise, never nan or inf", cases=regression_cases(kinds=("constant",)),
                   public=True, weight=1, max_examples=6, examples=R2_EDGE[:3],
                   hint="Test whether y_true is constant before dividing by SS_tot, and return "
                        "1.0 if SS_res == 0 else 0.0.")
def r2_constant_target(student, case):
    perfect = bool(np.array_equal(case.y_true.astype(np.float64), case.y_pred.astype(np.float64)))
    got = _finite(_case_value(student, "r2_score", case), "r2_score with a constant y_true")
    _same(got, 1.0 if perfect else 0.0, "r2_score with a constant y_true and "
          + ("a perfect prediction" if perfect else "an imperfect prediction"), observed=got)


@r2_score.property("does not modify its inputs", cases=regression_cases(), public=True, weight=0.5,
                   max_examples=4, standalone=False)
def r2_inputs_unchanged(student, case):
    _inputs_unchanged(student, "r2_score", case)
