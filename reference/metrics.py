"""Reference evaluation metrics (float64; confusion counts, tie-averaged ranks).

Binary labels may be int, bool or float arrays of 0s and 1s; 1 is the
positive class. Every function returns a Python float and leaves its inputs
alone.
"""

import numpy as np

EPS = float(np.finfo(np.float64).eps)


def _labels(y):
    """0/1 labels of any dtype as an int64 vector of 0s and 1s."""
    return (np.asarray(y, dtype=np.float64).reshape(-1) > 0.5).astype(np.int64)


def _confusion(y_true, y_pred):
    """(TN, FP, FN, TP) counts, from one bincount of 2 * truth + prediction."""
    code = 2 * _labels(y_true) + _labels(y_pred)
    tn, fp, fn, tp = (int(c) for c in np.bincount(code, minlength=4))
    return tn, fp, fn, tp


def _ratio(num, den):
    """num / den, and 0.0 when den == 0 (scikit-learn's zero_division=0)."""
    return 0.0 if den == 0 else num / den


def accuracy(y_true, y_pred):
    a = np.asarray(y_true).reshape(-1)
    b = np.asarray(y_pred).reshape(-1)
    return int(np.count_nonzero(a == b)) / a.size


def precision(y_true, y_pred):
    _, fp, _, tp = _confusion(y_true, y_pred)
    return _ratio(tp, tp + fp)


def recall(y_true, y_pred):
    _, _, fn, tp = _confusion(y_true, y_pred)
    return _ratio(tp, tp + fn)


def f1_score(y_true, y_pred):
    _, fp, fn, tp = _confusion(y_true, y_pred)
    return _ratio(2 * tp, 2 * tp + fp + fn)


def _average_ranks(x):
    """Ranks 1..N of x's entries, tied entries sharing the mean of their ranks."""
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]])       # first index of each tie group
    ends = np.r_[starts[1:], xs.size]                              # one past its last index
    group_rank = (starts + 1 + ends) / 2.0                         # mean of ranks starts+1 .. ends
    ranks = np.empty(x.size, dtype=np.float64)
    ranks[order] = np.repeat(group_rank, ends - starts)
    return ranks


def roc_auc(y_true, scores):
    """Mann-Whitney U of the positives over P * Q, with tie-averaged ranks; nan for one class."""
    t = _labels(y_true).astype(bool)
    s = np.asarray(scores, dtype=np.float64).reshape(-1)
    p, q = int(t.sum()), int((~t).sum())
    if p == 0 or q == 0:
        return float("nan")
    u = _average_ranks(s)[t].sum() - p * (p + 1) / 2.0
    return float(u / (p * q))


def rmse(y_true, y_pred):
    d = np.asarray(y_true, dtype=np.float64).reshape(-1) - np.asarray(y_pred, dtype=np.float64).reshape(-1)
    big = np.max(np.abs(d))
    if big == 0:
        return 0.0
    return float(big * np.sqrt(np.mean((d / big) ** 2)))  # scaled: no overflow in the squares


def mape(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float64).reshape(-1)
    e = np.abs(t - np.asarray(y_pred, dtype=np.float64).reshape(-1))
    den = np.where(np.abs(t) > EPS, np.abs(t), EPS)
    return float(np.sum(e / den) / t.size)


def r2_score(y_true, y_pred):
    t = np.asarray(y_true, dtype=np.float64).reshape(-1)
    r = t - np.asarray(y_pred, dtype=np.float64).reshape(-1)
    ss_res = float(np.dot(r, r))
    if np.ptp(t) == 0:  # constant y_true: SS_tot == 0
        return 1.0 if ss_res == 0 else 0.0
    c = t - t.mean()
    c = c - c.mean()  # second pass removes the rounding left in the first mean
    return 1.0 - ss_res / float(np.dot(c, c))
