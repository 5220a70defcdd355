"""Floor-divides the count by N: 0 unless every prediction is right."""
import numpy as np


def accuracy(y_true, y_pred):
    correct = int(np.sum(y_true == y_pred))
    return float(correct // len(y_true))
