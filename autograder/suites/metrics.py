"""Hidden suite: metrics.accuracy, precision, recall, f1_score, roc_auc, rmse, mape, r2_score.

The exercises, their strategies and their public properties are in
``autograder/public/metrics.py``; this module adds agreement with the
reference on generated inputs across the domain (N from 1 to 40, int, bool and
float 0/1 labels, scores with many ties, float32 and float64, exact zeros in
y_true, constant y_true) and on hand-picked edge cases, and the mistakes
recognised by value. Every mistake computes a float from the case's arrays,
the form in which the results are compared.
"""

import numpy as np

from autograder.checking import assert_close
from autograder.public.metrics import (ACCURACY_EDGE, F1_EDGE, MAPE_EDGE,
                                       PRECISION_EDGE, R2_EDGE, RECALL_EDGE, RMSE_EDGE, ROC_EDGE,
                                       _case_value, _r2_scale, accuracy, binary_cases, f1_score,
                                       mape, multiclass_cases, precision, r2_score, recall,
                                       regression_cases, rmse, roc_auc, roc_cases)
from reference import metrics as ref

EPS = float(np.finfo(np.float64).eps)


# ------------------------------------------------------------ properties

def _reference_property(ex, fname, cases, edge, max_examples, scale):
    """Agreement with reference.<fname> on generated cases and the hand-picked edge cases.

    ``scale(want)`` sets the tolerance (see compare.py): 1 for metrics bounded in [0, 1] (an
    absolute 2e-4, far below the 1/(P*Q) or 1/N steps every mistake makes), the result itself
    for rmse and mape (relative), 1 + |1 - R^2| for R^2 (its sums of squares).
    """
    def check(student, case):
        got = _case_value(student, fname, case)
        want = _reference(fname, case)
        if np.isnan(want):  # roc_auc with one class
            if not np.isnan(got):
                assert_close(got, want, name=f"{fname}(...)")  # fails, showing both values
            return
        assert_close(got, want, name=f"{fname}(...)", scale=scale(want))
    check.__name__ = check.__qualname__ = "matches_reference"
    ex.property(f"agrees with the reference {fname} on generated inputs", cases=cases, public=False,
                weight=3, examples=edge, max_examples=max_examples)(check)
    ex.reference = lambda case: _reference(fname, case)


def _reference(fname, case):
    second = case.scores if fname == "roc_auc" else case.y_pred
    return getattr(ref, fname)(case.y_true, second)


def _unit(want):
    return 1.0


def _relative(want):
    return abs(want)


_reference_property(accuracy, "accuracy", multiclass_cases(), ACCURACY_EDGE, 20, _unit)
_reference_property(precision, "precision", binary_cases(), PRECISION_EDGE, 20, _unit)
_reference_property(recall, "recall", binary_cases(), RECALL_EDGE, 20, _unit)
_reference_property(f1_score, "f1_score", binary_cases(), F1_EDGE, 20, _unit)
_reference_property(roc_auc, "roc_auc", roc_cases(), ROC_EDGE, 24, _unit)
_reference_property(rmse, "rmse", regression_cases(), RMSE_EDGE, 24, _relative)
_reference_property(mape, "mape", regression_cases(), MAPE_EDGE, 26, _relative)
_reference_property(r2_score, "r2_score", regression_cases(), R2_EDGE, 26, _r2_scale)


# ------------------------------------------------------------ helpers for the mistakes

def _f64(a):
    return np.asarray(a, dtype=np.float64).reshape(-1)


def _counts(case):
    """(TN, FP, FN, TP) of a binary case, computed directly from the masks."""
    t, p = _f64(case.y_true) > 0.5, _f64(case.y_pred) > 0.5
    return (int(np.sum(~t & ~p)), int(np.sum(~t & p)), int(np.sum(t & ~p)), int(np.sum(t & p)))


def _div(num, den, zero):
    """num / den, and ``zero`` (nan, 0.0 or 1.0) when den == 0."""
    return zero if den == 0 else num / den


def _both_bool(case):
    """Only bool inputs on both sides make y_true + y_pred == 2 a logical or (always False)."""
    if not (case.y_true.dtype == np.bool_ and case.y_pred.dtype == np.bool_):
        raise ValueError("not applicable")


# ------------------------------------------------------------ accuracy mistakes

@accuracy.mistake("count_not_fraction", "the number of correct predictions instead of the fraction",
                  "Divide the count by N (or use np.mean of the boolean array).")
def _count(case):
    return float(np.sum(case.y_true == case.y_pred))


@accuracy.mistake("sorted_before_comparing", "both arrays sorted before comparing",
                  "Sorting pairs each true label with some other sample's prediction; compare "
                  "y_true[i] with y_pred[i] in the given order.")
def _sorted(case):
    return float(np.mean(np.sort(case.y_true) == np.sort(case.y_pred)))


@accuracy.mistake("broadcast_column", "comparing an (N, 1) array with an (N,) array",
                  "y_true[:, None] == y_pred (or a reshape(-1, 1)) compares every pair (i, j): an N "
                  "x N table. Keep both arrays 1-d.")
def _broadcast(case):
    return float(np.mean(case.y_true[:, None] == case.y_pred[None, :]))


@accuracy.mistake("error_rate_returned", "the fraction of wrong predictions (1 - accuracy)",
                  "Count the entries where y_pred EQUALS y_true.")
def _error_rate(case):
    return float(np.mean(case.y_true != case.y_pred))


@accuracy.mistake("percentage_returned", "a percentage (100 times the fraction)",
                  "Return the fraction of correct predictions, between 0 and 1, not a percentage.")
def _accuracy_percent(case):
    return 100.0 * float(np.mean(case.y_true == case.y_pred))


# ------------------------------------------------------------ precision, recall, f1 mistakes

_ZERO_NAN_HINT = ("When the denominator is 0 the metric is 0.0 by convention: test for it before "
                  "dividing instead of returning nan.")
_ZERO_ONE_HINT = "When the denominator is 0 the metric is 0.0 by convention, not 1.0."
_TN_HINT = ("np.sum(y_true == y_pred) counts the true negatives as well; a true positive is "
            "y_true == 1 AND y_pred == 1.")
_BOOL_HINT = ("On bool arrays y_true + y_pred is a logical or (True + True is True), so "
              "y_true + y_pred == 2 is never true: compare with & on booleans instead.")


@precision.mistake("returns_recall", "dividing by TP + FN (that is the recall)",
                   "Precision divides by the number of PREDICTED positives, TP + FP.")
def _p_recall(case):
    _, _, fn, tp = _counts(case)
    return _div(tp, tp + fn, 0.0)


@precision.mistake("zero_division_nan", "nan when nothing is predicted positive", _ZERO_NAN_HINT)
def _p_nan(case):
    _, fp, _, tp = _counts(case)
    return _div(tp, tp + fp, float("nan"))


@precision.mistake("zero_division_one", "1.0 when nothing is predicted positive", _ZERO_ONE_HINT)
def _p_one(case):
    _, fp, _, tp = _counts(case)
    return _div(tp, tp + fp, 1.0)


@precision.mistake("true_negatives_counted", "true negatives counted as hits", _TN_HINT)
def _p_tn(case):
    tn, fp, _, tp = _counts(case)
    return _div(tp + tn, tp + tn + fp, 0.0)


@precision.mistake("bool_addition_is_or", "true positives counted as y_true + y_pred == 2",
                   _BOOL_HINT)
def _p_bool(case):
    _both_bool(case)
    return 0.0


@recall.mistake("returns_precision", "dividing by TP + FP (that is the precision)",
                "Recall divides by the number of ACTUAL positives, TP + FN.")
def _r_precision(case):
    _, fp, _, tp = _counts(case)
    return _div(tp, tp + fp, 0.0)


@recall.mistake("zero_division_nan", "nan when y_true holds no positive", _ZERO_NAN_HINT)
def _r_nan(case):
    _, _, fn, tp = _counts(case)
    return _div(tp, tp + fn, float("nan"))


@recall.mistake("zero_division_one", "1.0 when y_true holds no positive", _ZERO_ONE_HINT)
def _r_one(case):
    _, _, fn, tp = _counts(case)
    return _div(tp, tp + fn, 1.0)


@recall.mistake("true_negatives_counted", "true negatives counted as hits", _TN_HINT)
def _r_tn(case):
    tn, _, fn, tp = _counts(case)
    return _div(tp + tn, tp + tn + fn, 0.0)


@recall.mistake("bool_addition_is_or", "true positives counted as y_true + y_pred == 2", _BOOL_HINT)
def _r_bool(case):
    _both_bool(case)
    return 0.0


def _pr(case):
    _, fp, fn, tp = _counts(case)
    return _div(tp, tp + fp, 0.0), _div(tp, tp + fn, 0.0)


@f1_score.mistake("arithmetic_mean", "the arithmetic mean (P + R) / 2 of precision and recall",
                  "F1 is the HARMONIC mean 2 P R / (P + R), or directly 2 TP / (2 TP + FP + FN).")
def _f1_arith(case):
    p, r = _pr(case)
    return (p + r) / 2


@f1_score.mistake("zero_division_nan", "nan when there is no true positive",
                  "With TP == 0, 2 P R / (P + R) is 0 / 0; F1 is 0.0 then. Compute 2 TP / (2 TP + "
                  "FP + FN) and return 0.0 when TP == 0.")
def _f1_nan(case):
    _, fp, fn, tp = _counts(case)
    return float("nan") if tp == 0 else 2 * tp / (2 * tp + fp + fn)


@f1_score.mistake("missing_factor_two", "P R / (P + R) without the factor 2",
                  "The harmonic mean of P and R is 2 P R / (P + R).")
def _f1_half(case):
    p, r = _pr(case)
    return _div(p * r, p + r, 0.0)


@f1_score.mistake("accuracy_returned", "the accuracy (TP + TN) / N",
                  "F1 ignores the true negatives: 2 TP / (2 TP + FP + FN).")
def _f1_accuracy(case):
    tn, fp, fn, tp = _counts(case)
    if 2 * tp + fp + fn == 0:  # then 1.0 is as likely "no positive anywhere counts as perfect"
        raise ValueError("ambiguous")
    return (tp + tn) / (tn + fp + fn + tp)


@f1_score.mistake("bool_addition_is_or", "true positives counted as y_true + y_pred == 2", _BOOL_HINT)
def _f1_bool(case):
    _both_bool(case)
    return 0.0


# ------------------------------------------------------------ roc_auc mistakes

def _pos_neg(case):
    t = _f64(case.y_true) > 0.5
    s = _f64(case.scores)
    if t.all() or not t.any():
        raise ValueError("one class")
    return t, s


def _pairs(case, tie):
    t, s = _pos_neg(case)
    pos, neg = s[t][:, None], s[~t][None, :]
    return float(((pos > neg) + tie * (pos == neg)).mean())


@roc_auc.mistake("ties_not_half", "tied (positive, negative) pairs counted 0 or 1 instead of 1/2",
                 "A pair whose scores are equal counts 1/2: add 0.5 * (number of tied pairs).")
def _ties_zero(case):
    return _pairs(case, 0.0)


@roc_auc.mistake("ties_not_half", "", "")
def _ties_one(case):
    return _pairs(case, 1.0)


@roc_auc.mistake("scores_reversed", "lower scores treated as more positive (1 - AUC)",
                 "A higher score means 'more likely positive': count the pairs where the positive "
                 "scores HIGHER than the negative (sort by decreasing score for the ROC curve).")
def _reversed(case):
    return 1.0 - ref.roc_auc(case.y_true, case.scores)


def _threshold(strict):
    def compute(case):
        t, s = _pos_neg(case)
        pred = s > 0.5 if strict else s >= 0.5
        if pred.all() or not pred.any():  # then it is the fraction of one class: proves little
            raise ValueError("one side of the threshold")
        return float(np.mean(pred == t))
    return compute


for _strict in (False, True):
    roc_auc.mistake("accuracy_at_threshold", "the accuracy of thresholding the scores at 0.5",
                    "AUC does not threshold at one value: it compares every positive with every "
                    "negative (all thresholds at once).")(_threshold(_strict))


def _curve_area(t_in_order):
    """Trapezoid area under the ROC curve stepping one sample at a time in the given order."""
    t = np.asarray(t_in_order, dtype=np.float64)
    tpr = np.r_[0.0, np.cumsum(t)] / t.sum()
    fpr = np.r_[0.0, np.cumsum(1 - t)] / (1 - t).sum()
    return float(np.sum((fpr[1:] - fpr[:-1]) * (tpr[1:] + tpr[:-1]) / 2))


@roc_auc.mistake("unsorted_trapezoid", "the ROC curve built in the input order, not sorted by score",
                 "Sort the samples by decreasing score before accumulating true and false positive "
                 "rates.")
def _unsorted(case):
    t, s = _pos_neg(case)
    if np.all(s[:-1] >= s[1:]):  # already in decreasing order: that is ties_not_grouped
        raise ValueError("sorted input")
    return _curve_area(t)


@roc_auc.mistake("ties_not_grouped", "the ROC curve steps one sample at a time through tied scores",
                 "Samples with equal scores cross the threshold together: group them into one "
                 "diagonal step of the curve (or count tied pairs 1/2), so that their order does "
                 "not matter.")
def _ungrouped(case):
    t, s = _pos_neg(case)
    return _curve_area(t[np.argsort(-s, kind="stable")])


def _ordinal_ranks(kind):
    def compute(case):
        t, s = _pos_neg(case)
        order = np.argsort(s, kind=kind)
        ranks = np.empty(s.size)
        ranks[order] = np.arange(1, s.size + 1)
        p, q = int(t.sum()), int((~t).sum())
        return float((ranks[t].sum() - p * (p + 1) / 2) / (p * q))
    return compute


for _kind in ("stable", "quicksort"):
    roc_auc.mistake("ranks_not_tie_averaged", "the rank formula with ranks that break ties by position",
                    "In the rank (Mann-Whitney) formula tied scores must share the average of "
                    "their ranks; np.argsort(np.argsort(s)) gives tied scores different ranks.")(
        _ordinal_ranks(_kind))


# ------------------------------------------------------------ rmse mistakes

def _err(case):
    return _f64(case.y_true) - _f64(case.y_pred)


@rmse.mistake("mse_returned", "the mean squared error, without the square root",
              "RMSE is the square root of the MSE: np.sqrt(np.mean(e ** 2)).")
def _mse(case):
    return float(np.mean(_err(case) ** 2))


@rmse.mistake("sqrt_of_sum", "the square root of the SUM of squared errors",
              "Average the squared errors (divide by N) before taking the square root.")
def _sqrt_sum(case):
    return float(np.sqrt(np.sum(_err(case) ** 2)))


@rmse.mistake("divided_after_root", "sqrt(sum of squared errors) / N",
              "Divide by N inside the square root: sqrt(sum(e**2) / N), not sqrt(sum(e**2)) / N.")
def _root_then_divide(case):
    e = _err(case)
    return float(np.sqrt(np.sum(e ** 2)) / e.size)


@rmse.mistake("mae_returned", "the mean absolute error",
              "Square the errors before averaging (then take the square root); mean(|e|) is the "
              "MAE, which weighs large errors less.")
def _mae(case):
    return float(np.mean(np.abs(_err(case))))


@rmse.mistake("std_of_errors", "the standard deviation of the errors (np.std)",
              "np.std subtracts the mean error first, so a constant offset between y_pred and "
              "y_true costs nothing; the RMSE is sqrt(mean(e**2)) of the raw errors.")
def _std_errors(case):
    return float(np.std(_err(case)))


# ------------------------------------------------------------ mape mistakes

def _mape_with(case, den, scale=1.0):
    return float(scale * np.mean(np.abs(_err(case)) / den))


@mape.mistake("percentage", "the result multiplied by 100 (a percentage)",
              "Return the fraction: 0.1 for an average error of 10 %, without the factor 100.")
def _percent(case):
    return 100.0 * ref.mape(case.y_true, case.y_pred)


@mape.mistake("divides_by_prediction", "errors divided by the predictions instead of the true values",
              "Each error is relative to the TRUE value: divide by max(|y_true|, eps).")
def _by_pred(case):
    return _mape_with(case, np.maximum(np.abs(_f64(case.y_pred)), EPS))


@mape.mistake("divides_by_prediction", "", "")
def _by_pred_plain(case):
    if np.any(_f64(case.y_pred) == 0):  # inf or nan: zeros_not_handled says it better
        raise ValueError("zero prediction")
    return _mape_with(case, np.abs(_f64(case.y_pred)))


@mape.mistake("zeros_not_handled", "a zero true value divides by 0 (inf or nan)",
              "Divide by np.maximum(np.abs(y_true), np.finfo(np.float64).eps), so that a zero true "
              "value gives a large but finite term.")
def _zero_div(case):
    t = _f64(case.y_true)
    if not np.any(t == 0):
        raise ValueError("no zero")
    return _mape_with(case, np.abs(t))


@mape.mistake("zeros_skipped", "entries with y_true == 0 left out",
              "Keep every sample, the zeros included: their denominator is eps, not 'skip'.")
def _skip_mean(case):
    t = _f64(case.y_true)
    keep = t != 0
    if keep.all() or not keep.any():
        raise ValueError("nothing skipped")
    return float(np.mean(np.abs(_err(case))[keep] / np.abs(t[keep])))


@mape.mistake("zeros_skipped", "", "")
def _skip_sum(case):
    t = _f64(case.y_true)
    keep = t != 0
    if keep.all():
        raise ValueError("nothing skipped")
    return float(np.sum(np.abs(_err(case))[keep] / np.abs(t[keep])) / t.size)


@mape.mistake("missing_abs", "a signed error or a signed denominator",
              "Both the error and the denominator are absolute values: "
              "|y_true - y_pred| / max(|y_true|, eps).")
def _signed_den(case):
    t = _f64(case.y_true)
    return float(np.mean(np.abs(_err(case)) / np.where(t == 0, EPS, t)))


@mape.mistake("missing_abs", "", "")
def _signed_err(case):
    return float(np.mean(_err(case) / np.maximum(np.abs(_f64(case.y_true)), EPS)))


@mape.mistake("missing_abs", "", "")
def _signed_err_reversed(case):
    return float(np.mean(-_err(case) / np.maximum(np.abs(_f64(case.y_true)), EPS)))


@mape.mistake("wrong_eps", "the float32 machine epsilon (or another eps) in the denominator",
              "The convention is eps = np.finfo(np.float64).eps (about 2.2e-16), whatever the "
              "dtype of the inputs.")
def _eps32(case):
    return _mape_with(case, np.maximum(np.abs(_f64(case.y_true)), float(np.finfo(np.float32).eps)))


# ------------------------------------------------------------ r2 mistakes

def _ss(case):
    t = _f64(case.y_true)
    ss_res = float(np.sum(_err(case) ** 2))
    ss_tot = float(np.sum((t - t.mean()) ** 2))
    if np.ptp(t) == 0:
        raise ValueError("constant y_true")
    return ss_res, ss_tot


@r2_score.mistake("ss_tot_about_zero", "SS_tot taken about 0 (sum of y_true**2) instead of the mean",
                  "SS_tot = sum((y_true - mean(y_true))**2): deviations from the MEAN of y_true.")
def _about_zero(case):
    ss_res = float(np.sum(_err(case) ** 2))
    about_zero = float(np.sum(_f64(case.y_true) ** 2))
    return 1.0 - ss_res / about_zero if about_zero else float("nan")


@r2_score.mistake("ratio_inverted", "1 - SS_tot / SS_res",
                  "R^2 = 1 - SS_res / SS_tot: the residual sum of squares goes on top.")
def _inverted(case):
    ss_res, ss_tot = _ss(case)
    return 1.0 - ss_tot / ss_res if ss_res else float("-inf")


@r2_score.mistake("constant_true_not_handled", "nan or -inf when y_true is constant",
                  "When y_true is constant SS_tot is 0: return 1.0 if SS_res == 0 and 0.0 "
                  "otherwise, without dividing.")
def _constant(case):
    t = _f64(case.y_true)
    if np.ptp(t) != 0:
        raise ValueError("not constant")
    return float("nan") if np.all(_err(case) == 0) else float("-inf")


@r2_score.mistake("correlation_squared", "the squared correlation between y_true and y_pred",
                  "R^2 of a prediction is not the squared Pearson correlation (that ignores bias and "
                  "scale errors): compute 1 - SS_res / SS_tot.")
def _corr(case):
    t, p = _f64(case.y_true), _f64(case.y_pred)
    _ss(case)
    if np.ptp(p) == 0:
        return float("nan")
    return float(np.corrcoef(t, p)[0, 1] ** 2)


@r2_score.mistake("variance_ddof_mismatch", "mean squared error over the sample variance (ddof=1)",
                  "Use the same normalisation on both sides: SS_res / SS_tot (or np.mean over "
                  "np.var with the default ddof=0).")
def _ddof(case):
    ss_res, ss_tot = _ss(case)
    n = _f64(case.y_true).size
    return 1.0 - (ss_res / n) / (ss_tot / (n - 1))

