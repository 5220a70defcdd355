"""Returns the distance ||analytic - numeric|| without dividing by the sizes."""
import numpy as np

EXPECTED_MISTAKE = "absolute_error"


def gradient_check(analytic, numeric):
    return float(np.linalg.norm(analytic - numeric))
