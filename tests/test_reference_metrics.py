"""Check reference/metrics.py, for which torch has no equivalent (and scikit-learn is not installed).

Three independent checks: plain-loop definitions written here from the formulas (confusion
counts sample by sample; ROC AUC both by counting every (positive, negative) pair with ties 1/2,
in exact fractions, and as the trapezoid area under the ROC curve built threshold by threshold);
small examples worked out by hand from the definitions; and the documented edge cases
(zero divisions, one class, constant y_true, zeros in y_true), dtypes and purity.
"""

import math
from fractions import Fraction

import numpy as np
import pytest

from reference import metrics

EPS = np.finfo(np.float64).eps
SEEDS = range(12)
LABEL_DTYPES = (np.int64, np.int32, np.bool_, np.float64, np.float32)


# ------------------------------------------------------------ plain-loop definitions

def loop_counts(y_true, y_pred):
    tp = fp = fn = tn = 0
    for a, b in zip(y_true.tolist(), y_pred.tolist()):
        a, b = float(a) == 1.0, float(b) == 1.0
        if a and b:
            tp += 1
        elif b:
            fp += 1
        elif a:
            fn += 1
        else:
            tn += 1
    return tp, fp, fn, tn


def loop_precision(t, p):
    tp, fp, _, _ = loop_counts(t, p)
    return tp / (tp + fp) if tp + fp else 0.0


def loop_recall(t, p):
    tp, _, fn, _ = loop_counts(t, p)
    return tp / (tp + fn) if tp + fn else 0.0


def loop_f1(t, p):
    """Harmonic mean of the loop precision and recall (0 when either is 0)."""
    prec, rec = loop_precision(t, p), loop_recall(t, p)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def loop_accuracy(t, p):
    return sum(int(a == b) for a, b in zip(t.tolist(), p.tolist())) / len(t)


def pairs_auc(y_true, scores):
    """Exact fraction of (positive, negative) pairs ranked right, ties 1/2; None with one class."""
    pos = [float(s) for y, s in zip(y_true.tolist(), scores.tolist()) if float(y) == 1.0]
    neg = [float(s) for y, s in zip(y_true.tolist(), scores.tolist()) if float(y) == 0.0]
    if not pos or not neg:
        return None
    total = Fraction(0)
    for a in pos:
        for b in neg:
            total += 1 if a > b else Fraction(1, 2) if a == b else 0
    return total / (len(pos) * len(neg))


def trapezoid_auc(y_true, scores):
    """Area under the ROC curve: one point per distinct threshold, from the top score down."""
    labels = [float(y) == 1.0 for y in y_true.tolist()]
    s = [float(v) for v in scores.tolist()]
    P = sum(labels)
    Q = len(labels) - P
    points = [(0.0, 0.0)]
    for th in sorted(set(s), reverse=True):  # predict positive when score >= th
        tp = sum(1 for y, v in zip(labels, s) if y and v >= th)
        fp = sum(1 for y, v in zip(labels, s) if not y and v >= th)
        points.append((fp / Q, tp / P))
    return sum((x1 - x0) * (y0 + y1) / 2 for (x0, y0), (x1, y1) in zip(points, points[1:]))


def loop_rmse(t, p):
    return math.sqrt(math.fsum((a - b) ** 2 for a, b in zip(t.tolist(), p.tolist())) / len(t))


def loop_mape(t, p):
    return math.fsum(abs(a - b) / max(abs(a), EPS) for a, b in zip(t.tolist(), p.tolist())) / len(t)


def loop_r2(t, p):
    t, p = t.tolist(), p.tolist()
    if all(v == t[0] for v in t):
        return 1.0 if t == p else 0.0
    mean = math.fsum(t) / len(t)
    ss_res = math.fsum((a - b) ** 2 for a, b in zip(t, p))
    ss_tot = math.fsum((a - mean) ** 2 for a in t)
    return 1.0 - ss_res / ss_tot


# ------------------------------------------------------------ generated inputs

def binary_pair(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 41))
    t = rng.random(n) < rng.choice([0.0, 0.2, 0.5, 0.9, 1.0])
    p = np.where(rng.random(n) < 0.3, rng.random(n) < 0.5, t)
    if seed % 4 == 3:
        p[:] = False  # nothing predicted positive
    return t, p


def roc_pair(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 41))
    t = rng.random(n) < 0.4
    t[0], t[1] = True, False
    kind = seed % 3
    if kind == 0:
        s = np.round(rng.normal(size=n) + t, 1)        # many ties across the classes
    elif kind == 1:
        s = rng.choice([0.1, 0.5, 0.9], size=n)         # three distinct scores only
    else:
        s = rng.normal(size=n) * 10 ** rng.uniform(-3, 3)
    return t, s


def regression_pair(seed, zeros=False):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 41))
    t = rng.normal(size=n) * 10 ** rng.uniform(-3, 3)
    if zeros:
        t[rng.random(n) < 0.3] = 0.0
    p = t + rng.normal(size=n) * (np.abs(t) + 0.1)
    return t, p


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("dt_true,dt_pred", [(np.int64, np.int64), (np.bool_, np.bool_),
                                             (np.float64, np.float32), (np.int32, np.bool_)])
def test_binary_metrics_match_loops(seed, dt_true, dt_pred):
    t, p = binary_pair(seed)
    t, p = t.astype(dt_true), p.astype(dt_pred)
    assert metrics.precision(t, p) == pytest.approx(loop_precision(t, p), abs=1e-15)
    assert metrics.recall(t, p) == pytest.approx(loop_recall(t, p), abs=1e-15)
    assert metrics.f1_score(t, p) == pytest.approx(loop_f1(t, p), abs=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
def test_accuracy_matches_loop(seed):
    rng = np.random.default_rng(seed)
    n, c = int(rng.integers(1, 41)), int(rng.integers(1, 7))
    t = rng.integers(0, c, size=n)
    p = np.where(rng.random(n) < 0.4, rng.integers(0, c, size=n), t).astype(np.int32)
    assert metrics.accuracy(t, p) == pytest.approx(loop_accuracy(t, p), abs=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
def test_roc_auc_matches_pairs_and_trapezoid(seed):
    t, s = roc_pair(seed)
    got = metrics.roc_auc(t.astype(np.int64), s)
    assert got == pytest.approx(float(pairs_auc(t, s)), abs=1e-12)
    assert got == pytest.approx(trapezoid_auc(t, s), abs=1e-12)


@pytest.mark.parametrize("seed", SEEDS)
def test_regression_metrics_match_loops(seed):
    t, p = regression_pair(seed)
    assert metrics.rmse(t, p) == pytest.approx(loop_rmse(t, p), rel=1e-12)
    assert metrics.r2_score(t, p) == pytest.approx(loop_r2(t, p), rel=1e-10, abs=1e-12)
    tz, pz = regression_pair(seed, zeros=True)
    assert metrics.mape(tz, pz) == pytest.approx(loop_mape(tz, pz), rel=1e-12)
    assert metrics.mape(t, p) == pytest.approx(loop_mape(t, p), rel=1e-12)


# ------------------------------------------------------------ worked by hand

def _a(values, dtype=np.float64):
    return np.array(values, dtype=dtype)


def test_hand_worked_classification():
    # 3 of the 5 positions agree (indices 0, 2, 4): 3/5.
    assert metrics.accuracy(_a([0, 1, 2, 2, 1], int), _a([0, 2, 2, 1, 1], int)) == pytest.approx(0.6)
    # Predicted positives at 1, 2, 3; true ones at 1, 3: TP = 2, FP = 1, precision 2/3.
    assert metrics.precision(_a([0, 1, 0, 1], int), _a([0, 1, 1, 1], int)) == pytest.approx(2 / 3)
    # True positives at 0, 1; only 0 predicted: TP = 1, FN = 1, recall 1/2.
    assert metrics.recall(_a([1, 1, 0, 0, 0], int), _a([1, 0, 1, 1, 0], int)) == pytest.approx(0.5)
    # TP = 1, FP = 0, FN = 3: F1 = 2 / (2 + 0 + 3) = 0.4 (P = 1, R = 1/4: 2 * 1/4 / (5/4)).
    assert metrics.f1_score(_a([1, 1, 1, 1, 0], int), _a([1, 0, 0, 0, 0], int)) == pytest.approx(0.4)


def test_hand_worked_roc_auc():
    # Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 0.35 beats 0.1 only, 0.8 beats
    # both: 3 of 4 pairs.
    assert metrics.roc_auc(_a([0, 0, 1, 1], int), _a([0.1, 0.4, 0.35, 0.8])) == pytest.approx(0.75)
    # Three positives at 0.6; negatives at 0.2 (beaten) and 0.6 (tied): (3 * 1 + 3 * 1/2) / 6.
    assert metrics.roc_auc(_a([1, 0, 0, 1, 1], int), _a([0.6, 0.2, 0.6, 0.6, 0.6])) == pytest.approx(0.75)
    # One positive and one negative with the same score: a single tie, 1/2.
    assert metrics.roc_auc(_a([0, 1], int), _a([0.5, 0.5])) == pytest.approx(0.5)
    # Positives {3, 3, 0} against negatives {-1, 3}: 3 beats -1 twice and ties 3 twice, 0 beats -1
    # and loses to 3: (2 + 2 * 1/2 + 1) / 6 = 2/3.
    assert metrics.roc_auc(_a([0, 1, 1, 0, 1]), _a([-1.0, 3.0, 3.0, 3.0, 0.0], np.float32)) == pytest.approx(2 / 3)


def test_hand_worked_regression():
    # Errors -1, 0, -3: mean square 10/3.
    assert metrics.rmse(_a([1, 2, 3]), _a([2, 2, 6])) == pytest.approx(math.sqrt(10 / 3))
    # Relative errors 0.5/1, 0/2, 1/4: mean 0.25 (a fraction, not 25).
    assert metrics.mape(_a([1, 2, 4]), _a([1.5, 2, 3])) == pytest.approx(0.25)
    # Negative targets count by their size: 1/2, 1/4, 1/5.
    assert metrics.mape(_a([-2, -4, 5]), _a([-1, -5, 4])) == pytest.approx((0.5 + 0.25 + 0.2) / 3)
    # Mean 2, SS_tot = 1 + 0 + 1 = 2, SS_res = 4 + 0 + 4 = 8: 1 - 8/2 = -3.
    assert metrics.r2_score(_a([1, 2, 3]), _a([3, 2, 1])) == pytest.approx(-3.0)
    # Predicting the mean 2.5 of [1, 2, 3, 4]: SS_res = SS_tot, R^2 = 0.
    assert metrics.r2_score(_a([1, 2, 3, 4]), _a([2.5] * 4)) == pytest.approx(0.0, abs=1e-15)


# ------------------------------------------------------------ documented edge cases

def test_zero_division_conventions():
    i = lambda v: _a(v, int)  # noqa: E731
    assert metrics.precision(i([1, 0, 1]), i([0, 0, 0])) == 0.0        # nothing predicted positive
    assert metrics.recall(i([0, 0, 0]), i([1, 0, 1])) == 0.0           # no positive in y_true
    assert metrics.f1_score(i([0, 0, 0]), i([0, 0, 0])) == 0.0         # 2TP + FP + FN == 0
    assert metrics.f1_score(i([1, 0]), i([0, 1])) == 0.0               # TP == 0
    assert metrics.precision(i([0]), i([0])) == 0.0 and metrics.recall(i([0]), i([0])) == 0.0


def test_roc_auc_edges():
    assert math.isnan(metrics.roc_auc(_a([1, 1, 1], int), _a([0.1, 0.2, 0.3])))
    assert math.isnan(metrics.roc_auc(_a([0], int), _a([0.3])))
    assert metrics.roc_auc(_a([0, 1, 1, 0], int), np.full(4, 7.0)) == 0.5
    assert metrics.roc_auc(_a([1, 0, 0, 1], int), _a([0.9, 0.2, 0.2, 0.9])) == 1.0
    assert metrics.roc_auc(_a([1, 0, 0, 1], int), _a([-0.9, -0.2, -0.2, -0.9])) == 0.0


@pytest.mark.parametrize("seed", SEEDS)
def test_roc_auc_rank_invariances(seed):
    t, s = roc_pair(seed)
    base = metrics.roc_auc(t, s)
    for moved in (3 * s + 1, s ** 3, np.arctan(s)):
        if np.array_equal(np.sign(s[:, None] - s[None, :]), np.sign(moved[:, None] - moved[None, :])):
            assert metrics.roc_auc(t, moved) == pytest.approx(base, abs=1e-12)
    assert metrics.roc_auc(t, -s) == pytest.approx(1 - base, abs=1e-12)
    perm = np.random.default_rng(seed).permutation(t.size)
    assert metrics.roc_auc(t[perm], s[perm]) == pytest.approx(base, abs=1e-12)


def test_mape_zero_targets_use_float64_eps():
    assert metrics.mape(_a([0.0]), _a([1.0])) == pytest.approx(1 / EPS)
    assert metrics.mape(_a([0.0, 2.0]), _a([0.0, 1.5])) == pytest.approx(0.125)  # 0/eps adds 0
    got = metrics.mape(_a([0.0, 1.0], np.float32), _a([0.5, 1.0], np.float32))
    assert math.isfinite(got) and got == pytest.approx(0.25 / EPS)


@pytest.mark.parametrize("value", [3.0, 0.1, 1 / 3, -2.5e-7, 1e3])
@pytest.mark.parametrize("n", [1, 3, 7, 40])
def test_r2_constant_target(value, n):
    t = np.full(n, value)
    assert metrics.r2_score(t, t.copy()) == 1.0
    assert metrics.r2_score(t, t + 1.0) == 0.0
    assert metrics.r2_score(t.astype(np.float32), t.astype(np.float32)) == 1.0


def test_rmse_no_overflow_and_zero():
    assert metrics.rmse(_a([1e200, -1e200]), _a([0.0, 0.0])) == pytest.approx(1e200)
    assert metrics.rmse(_a([2.5, -1.0]), _a([2.5, -1.0])) == 0.0


# ------------------------------------------------------------ dtypes and purity

@pytest.mark.parametrize("seed", SEEDS[:4])
def test_label_dtypes_agree(seed):
    t, p = binary_pair(seed)
    for fn in (metrics.precision, metrics.recall, metrics.f1_score):
        results = {fn(t.astype(a), p.astype(b)) for a in LABEL_DTYPES for b in LABEL_DTYPES}
        assert len(results) == 1
    t, s = roc_pair(seed)
    assert len({metrics.roc_auc(t.astype(a), s) for a in LABEL_DTYPES}) == 1


def test_float32_inputs_give_the_float64_result_of_their_values():
    t, p = regression_pair(5)
    t32, p32 = t.astype(np.float32), p.astype(np.float32)
    for fn in (metrics.rmse, metrics.mape, metrics.r2_score):
        assert fn(t32, p32) == fn(t32.astype(np.float64), p32.astype(np.float64))


def _frozen(*arrays):
    out = []
    for a in arrays:
        a = np.array(a)
        a.flags.writeable = False
        out.append(a)
    return out


def test_pure_and_float_results():
    t, p = _frozen(*binary_pair(2))
    rt, rp = _frozen(*regression_pair(2))
    rc, rs = _frozen(*roc_pair(2))
    results = [metrics.accuracy(t, p), metrics.precision(t, p), metrics.recall(t, p), metrics.f1_score(t, p),
               metrics.roc_auc(rc, rs), metrics.rmse(rt, rp), metrics.mape(rt, rp), metrics.r2_score(rt, rp)]
    assert all(type(r) is float for r in results)  # read-only inputs: any in-place write raises
