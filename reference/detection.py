"""Reference box area, pairwise IoU and greedy non-maximum suppression."""

import numpy as np


def _boxes(boxes):
    return np.asarray(boxes, dtype=np.float64).reshape(-1, 4)


def box_area(boxes):
    """Area (x2 - x1) * (y2 - y1) of boxes (..., 4) given as x1, y1, x2, y2."""
    boxes = np.asarray(boxes, dtype=np.float64)
    return (boxes[..., 2] - boxes[..., 0]) * (boxes[..., 3] - boxes[..., 1])


def iou(boxes1, boxes2):
    """Pairwise intersection over union.

    boxes1 (N, 4), boxes2 (M, 4) -> (N, M) float64; N or M may be 0. A pair
    whose union is 0 (two zero-area boxes) gets IoU 0.
    """
    a = _boxes(boxes1)
    b = _boxes(boxes2)
    iw = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0])
    ih = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    inter = np.clip(iw, 0.0, None) * np.clip(ih, 0.0, None)
    union = box_area(a)[:, None] + box_area(b)[None, :] - inter
    positive = union > 0
    return np.where(positive, inter / np.where(positive, union, 1.0), 0.0)


def nms(boxes, scores, iou_threshold):
    """Greedy NMS: indices of kept boxes, highest score first (np.int64).

    boxes (N, 4), scores (N,). Visiting boxes by decreasing score (equal
    scores: lower index first), a box is dropped when its IoU with a box
    already kept is strictly greater than iou_threshold.
    """
    boxes = _boxes(boxes)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    if boxes.shape[0] == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(-scores, kind="stable")
    overlaps = iou(boxes, boxes) > iou_threshold
    suppressed = np.zeros(boxes.shape[0], dtype=bool)
    keep = []
    for idx in order:
        if suppressed[idx]:
            continue
        keep.append(idx)
        suppressed |= overlaps[idx]
    return np.asarray(keep, dtype=np.int64)
