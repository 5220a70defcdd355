"""Returns the true negative rate TN / (TN + FP) (specificity), mixing up the classes."""
import numpy as np


def recall(y_true, y_pred):
    t = np.asarray(y_true) == 1
    p = np.asarray(y_pred) == 1
    tn = np.sum(~t & ~p)
    fp = np.sum(~t & p)
    return float(tn / (tn + fp)) if tn + fp else 0.0
