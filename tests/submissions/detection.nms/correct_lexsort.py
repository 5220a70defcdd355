"""Orders with np.lexsort((index, -score)) and precomputes the full IoU matrix."""
import numpy as np


def nms(boxes, scores, iou_threshold):
    n = len(scores)
    if n == 0:
        return np.zeros(0, dtype=np.intp)
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    iw = np.clip(np.minimum.outer(x2, x2) - np.maximum.outer(x1, x1), 0, None)
    ih = np.clip(np.minimum.outer(y2, y2) - np.maximum.outer(y1, y1), 0, None)
    inter = iw * ih
    area = (x2 - x1) * (y2 - y1)
    union = area[:, None] + area[None, :] - inter
    ious = np.zeros((n, n))
    np.divide(inter, union, out=ious, where=union > 0)
    order = np.lexsort((np.arange(n), -scores))
    alive = np.ones(n, dtype=bool)
    kept = []
    for i in order:
        if alive[i]:
            kept.append(i)
            alive &= ~(ious[i] > iou_threshold)
    return np.asarray(kept, dtype=np.intp)
