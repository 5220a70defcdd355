"""Double loop over (positive, negative) pairs with Fractions-free integer counting."""


def roc_auc(y_true, scores):
    labels = [float(v) > 0.5 for v in y_true.tolist()]
    s = scores.tolist()
    pos = [x for x, y in zip(s, labels) if y]
    neg = [x for x, y in zip(s, labels) if not y]
    if not pos or not neg:
        return float("nan")
    twice = 0  # counts a win as 2 and a tie as 1
    for a in pos:
        for b in neg:
            twice += 2 if a > b else (1 if a == b else 0)
    return twice / (2 * len(pos) * len(neg))
