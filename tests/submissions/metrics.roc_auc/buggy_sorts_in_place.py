"""Right value, but reorders the caller's arrays in place (y_true[:] = y_true[order], scores.sort())."""
import numpy as np

EXPECTED_MISTAKE = "sorts_inputs_in_place"


def roc_auc(y_true, scores):
    order = np.argsort(scores, kind="stable")
    y_true[:] = y_true[order]
    scores.sort()
    t = np.asarray(y_true) == 1
    pos, neg = scores[t], scores[~t]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    return float(np.mean((pos[:, None] > neg[None, :]) + 0.5 * (pos[:, None] == neg[None, :])))
