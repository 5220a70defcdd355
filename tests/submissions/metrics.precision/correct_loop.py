"""A loop over the samples with Python ints."""


def precision(y_true, y_pred):
    tp = fp = 0
    for a, b in zip(y_true.tolist(), y_pred.tolist()):
        if b == 1:
            if a == 1:
                tp += 1
            else:
                fp += 1
    return tp / (tp + fp) if tp + fp > 0 else 0.0
