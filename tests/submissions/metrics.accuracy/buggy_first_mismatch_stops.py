"""Counts matches only up to the first wrong prediction (a loop that breaks too early)."""


def accuracy(y_true, y_pred):
    correct = 0
    for a, b in zip(y_true, y_pred):
        if a != b:
            break
        correct += 1
    return correct / len(y_true)
