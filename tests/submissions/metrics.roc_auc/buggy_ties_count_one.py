"""Uses >= when comparing a positive with a negative: a tie counts as a win."""
import numpy as np

EXPECTED_MISTAKE = "ties_not_half"


def roc_auc(y_true, scores):
    t = np.asarray(y_true).astype(bool)
    wins, pairs = 0, 0
    for sp in scores[t]:
        for sn in scores[~t]:
            wins += sp >= sn
            pairs += 1
    return float(wins / pairs) if pairs else float("nan")
