"""Double Python loop over pairs of boxes."""
import numpy as np


def iou(boxes1, boxes2):
    N, M = len(boxes1), len(boxes2)
    out = np.zeros((N, M))
    for n in range(N):
        ax1, ay1, ax2, ay2 = (float(v) for v in boxes1[n])
        for k in range(M):
            bx1, by1, bx2, by2 = (float(v) for v in boxes2[k])
            w = min(ax2, bx2) - max(ax1, bx1)
            h = min(ay2, by2) - max(ay1, by1)
            inter = w * h if (w > 0 and h > 0) else 0.0
            union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter
            out[n, k] = inter / union if union > 0 else 0.0
    return out
