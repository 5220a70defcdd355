# GENERATED FILE - do not edit by hand.
# Generated from solutions/metrics.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
"""Unit `metrics`: evaluation metrics for classification and regression.

Every metric takes two 1-d arrays of the same length N >= 1, the true values
first and the predictions (or scores) second, and returns a single float.
None of them modifies its inputs.

Binary labels (precision, recall, F1, ROC AUC) may come as integer arrays of
0s and 1s, as boolean arrays, or as float arrays of 0.0s and 1.0s: all three
mean the same thing, with 1 (True) the positive class. Convert them once,
e.g. with `np.asarray(y) == 1`, before counting.

Course: seed 001 §2.1.4 Loss Functions and Evaluation Metrics.
"""
import numpy as np


def accuracy(y_true, y_pred):
    """Fraction of the samples whose predicted class equals the true class.

    accuracy = (number of indices i with y_pred[i] == y_true[i]) / N.

    Inputs:
    - y_true: integer array of shape (N,), N >= 1; the true class labels
      (any number of classes).
    - y_pred: integer array of shape (N,); the predicted class labels.

    Returns:
    - a float in [0, 1] (a fraction, not a count of correct predictions).

    Edge cases: compare entry by entry, in the given order (do not sort).
    Both arrays have shape (N,); comparing an (N, 1) array with an (N,)
    one would broadcast to an N x N table of every pair. The inputs must
    not be modified.

    Course: seed 001 §2.1.4 (Accuracy: proportion of correct predictions).
    """
    # Hint: np.mean of a boolean array is the fraction of True entries.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def precision(y_true, y_pred):
    """Precision: the fraction of the predicted positives that are positive.

    With TP the number of samples predicted 1 that are truly 1 (true
    positives) and FP the number predicted 1 that are truly 0 (false
    positives), precision = TP / (TP + FP). True negatives and false
    negatives play no part.

    Inputs:
    - y_true: array of shape (N,), N >= 1, of 0/1 labels (int, bool, or
      float 0.0/1.0); 1 is the positive class.
    - y_pred: array of shape (N,) of 0/1 predicted labels, same conventions
      (its dtype may differ from y_true's).

    Returns:
    - a float in [0, 1].

    Edge cases: when nothing is predicted positive (TP + FP == 0) the
    precision is 0.0, not nan and not an error (scikit-learn's
    `precision_score` with zero_division=0). The inputs must not be
    modified.

    Course: seed 001 §2.1.4 (Precision: proportion of actual positives among
    positive predictions).
    """
    # Hint: turn both arrays into booleans first (y == 1), then count with np.sum(a & b).
    raise NotImplementedError("Implement this function: replace this line with your code.")


def recall(y_true, y_pred):
    """Recall (sensitivity): the fraction of the actual positives predicted positive.

    With TP the number of true positives and FN the number of samples that
    are truly 1 but predicted 0 (false negatives), recall = TP / (TP + FN).

    Inputs:
    - y_true: array of shape (N,), N >= 1, of 0/1 labels (int, bool, or
      float 0.0/1.0); 1 is the positive class.
    - y_pred: array of shape (N,) of 0/1 predicted labels, same conventions.

    Returns:
    - a float in [0, 1].

    Edge cases: when y_true holds no positive at all (TP + FN == 0) the
    recall is 0.0, not nan and not an error (scikit-learn's `recall_score`
    with zero_division=0). The inputs must not be modified.

    Course: seed 001 §2.1.4 (Recall).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def f1_score(y_true, y_pred):
    """F1 score: the harmonic mean of precision and recall.

    2 P R / (P + R) simplifies to F1 = 2 TP / (2 TP + FP + FN), with TP,
    FP and FN the numbers of true positives, false positives and false
    negatives. Use this count form: it needs no special case for P or R.

    Inputs:
    - y_true: array of shape (N,), N >= 1, of 0/1 labels (int, bool, or
      float 0.0/1.0); 1 is the positive class.
    - y_pred: array of shape (N,) of 0/1 predicted labels, same conventions.

    Returns:
    - a float in [0, 1].

    Edge cases: F1 is 0.0 whenever TP == 0, including when there is nothing
    to count at all (no positive in y_true and none predicted: 2 TP + FP +
    FN == 0), as scikit-learn's `f1_score` with zero_division=0. The
    inputs must not be modified.

    Course: seed 001 §2.1.4 (F1 Score: harmonic mean of precision and
    recall).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def roc_auc(y_true, scores):
    """Area under the ROC curve, as the probability of ranking a pair right.

    Take every pair made of one positive sample (y_true == 1) and one
    negative sample (y_true == 0). The pair counts 1 when the positive has
    the higher score, 1/2 when the two scores are equal, and 0 otherwise.
    The AUC is the average over all P * Q such pairs (P positives, Q
    negatives). This equals the area under the ROC curve (true positive
    rate against false positive rate as the threshold goes down, a tie
    group of scores moving the curve diagonally), scikit-learn's
    `roc_auc_score`. Only the order of the scores matters, not their values.

    Inputs:
    - y_true: array of shape (N,), N >= 1, of 0/1 labels (int, bool, or
      float 0.0/1.0); 1 is the positive class.
    - scores: float array of shape (N,) (float32 or float64); a higher
      score means "more likely positive". Scores may repeat (ties).

    Returns:
    - a float in [0, 1]; 0.5 when all scores are equal, 1.0 when every
      positive scores above every negative.

    Edge cases: when y_true holds only one class (no pair to compare), the
    result is nan (float("nan")), not an error. The inputs must not be
    modified.

    Course: seed 001 §2.1.4 (AUC-ROC: area under the ROC curve).
    """
    # Hint: s_pos[:, None] > s_neg[None, :] compares every positive with every negative.
    raise NotImplementedError("Implement this function: replace this line with your code.")


def rmse(y_true, y_pred):
    """Root mean squared error: the square root of the mean squared error.

    rmse = sqrt( (1/N) * sum_i (y_true[i] - y_pred[i])**2 ), in the units
    of y (the mean is taken before the square root).

    Inputs:
    - y_true: float array of shape (N,), N >= 1 (float32 or float64).
    - y_pred: float array of shape (N,).

    Returns:
    - a float >= 0; 0.0 for a perfect prediction.

    Edge cases: the inputs must not be modified.

    Course: seed 001 §2.1.4 (Root Mean Square Error: square root of MSE).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def mape(y_true, y_pred):
    """Mean absolute percentage error, as a fraction.

    Each sample's error is taken relative to the size of its true value:
    mape = (1/N) * sum_i |y_true[i] - y_pred[i]| / max(|y_true[i]|, eps),
    with eps = np.finfo(np.float64).eps (about 2.2e-16). The result is a
    fraction: 0.1 means 10 %, and it is NOT multiplied by 100
    (scikit-learn's `mean_absolute_percentage_error`).

    Inputs:
    - y_true: float array of shape (N,), N >= 1 (float32 or float64); may
      be negative, and may hold exact zeros.
    - y_pred: float array of shape (N,).

    Returns:
    - a float >= 0; 0.0 for a perfect prediction.

    Edge cases: a zero y_true[i] is replaced by eps in the denominator, so
    the result stays finite (but becomes huge when y_pred[i] is not 0 as
    well; an entry where both are 0 adds 0). Divide by the TRUE values, not
    the predictions. The inputs must not be modified.

    Course: seed 001 §2.1.4 (Mean Absolute Percentage Error).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")


def r2_score(y_true, y_pred):
    """Coefficient of determination R^2.

    R^2 = 1 - SS_res / SS_tot, where SS_res = sum_i (y_true[i] -
    y_pred[i])**2 is the residual sum of squares and SS_tot = sum_i
    (y_true[i] - mean(y_true))**2 the total sum of squares, taken about the
    MEAN of y_true. A perfect prediction gives 1, predicting the mean of
    y_true everywhere gives 0, and worse predictions give negative values
    (R^2 has no lower bound).

    Inputs:
    - y_true: float array of shape (N,), N >= 1 (float32 or float64).
    - y_pred: float array of shape (N,).

    Returns:
    - a float <= 1.

    Edge cases: when y_true is constant (every entry equal, e.g. N == 1),
    SS_tot == 0 and the formula is undefined; return 1.0 if the prediction
    is perfect (SS_res == 0) and 0.0 otherwise (scikit-learn's
    `r2_score`), never nan or -inf. Test "constant" as "all entries
    equal": np.mean of equal values may round (for 0.1, say), leaving a
    tiny non-zero SS_tot. The inputs must not be modified.

    Course: seed 001 §2.1.4 (Coefficient of Determination R^2).
    """
    raise NotImplementedError("Implement this function: replace this line with your code.")
