"""Plain Python loop over the pairs."""


def accuracy(y_true, y_pred):
    correct = 0
    for a, b in zip(y_true.tolist(), y_pred.tolist()):
        correct += int(a == b)
    return correct / len(y_true)
