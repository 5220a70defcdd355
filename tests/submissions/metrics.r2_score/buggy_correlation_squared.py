"""Returns the squared Pearson correlation of y_true and y_pred."""
import numpy as np

EXPECTED_MISTAKE = "correlation_squared"


def r2_score(y_true, y_pred):
    if np.all(y_true == y_true[0]):
        return 1.0 if np.array_equal(y_true, y_pred) else 0.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return float(np.corrcoef(y_true, y_pred)[0, 1] ** 2)
