"""Pure-Python ordering with sorted(key=(-score, index)) and a scalar IoU helper."""
import numpy as np


def _iou(a, b):
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    inter = w * h if w > 0 and h > 0 else 0.0
    union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter
    return inter / union if union > 0 else 0.0


def nms(boxes, scores, iou_threshold):
    b = [[float(v) for v in row] for row in boxes]
    order = sorted(range(len(b)), key=lambda k: (-float(scores[k]), k))
    kept = []
    for k in order:
        if all(_iou(b[k], b[j]) <= iou_threshold for j in kept):
            kept.append(k)
    return np.array(kept, dtype=np.int64)
