"""Unit `detection`: intersection over union and non-max suppression.

Boxes are given by their corners (x1, y1, x2, y2) with x1 <= x2 and
y1 <= y2, in continuous coordinates: the area of a box is
(x2 - x1) * (y2 - y1), with no "+1".

Course: seed 003 §14.4 Intersection Over Union, §14.5 Non-max suppression.
"""
import numpy as np


def iou(boxes1, boxes2):
    """Pairwise intersection over union of two sets of boxes.

    For a box A from boxes1 and a box B from boxes2, their intersection is
    the rectangle from (max of the x1s, max of the y1s) to (min of the x2s,
    min of the y2s); its width and height are clamped at 0 when the boxes
    do not overlap. The union area is area(A) + area(B) minus the
    intersection area, and IoU = intersection / union.

    Inputs:
    - boxes1: array of shape (N, 4), float32 or float64, rows (x1, y1, x2, y2).
    - boxes2: array of shape (M, 4), same format.

    Returns:
    - ious: float array of shape (N, M); ious[n, m] is the IoU of
      boxes1[n] with boxes2[m], a value in [0, 1].

    Edge cases: N or M may be 0 (the result is then empty with shape
    (N, M)). When the union is 0 (two zero-area boxes) the IoU is 0, not
    nan. The inputs must not be modified.

    Course: seed 003 §14.4 Intersection Over Union.
    """
    # Hint: boxes1[:, None, :] and boxes2[None, :, :] broadcast to (N, M, 4).
    ### BEGIN SOLUTION
    a = np.asarray(boxes1, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(boxes2, dtype=np.float64).reshape(-1, 4)
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])  # (N,)
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])  # (M,)
    left = np.maximum(a[:, None, 0], b[None, :, 0])
    top = np.maximum(a[:, None, 1], b[None, :, 1])
    right = np.minimum(a[:, None, 2], b[None, :, 2])
    bottom = np.minimum(a[:, None, 3], b[None, :, 3])
    inter = np.clip(right - left, 0, None) * np.clip(bottom - top, 0, None)
    union = area_a[:, None] + area_b[None, :] - inter
    result = np.zeros(union.shape, dtype=np.float64)
    np.divide(inter, union, out=result, where=union > 0)
    return result
    ### END SOLUTION


def nms(boxes, scores, iou_threshold):
    """Greedy non-max suppression.

    Visit the boxes from the highest score to the lowest (equal scores:
    lower index first). Keep the current box, then drop every box still
    waiting whose IoU with it is strictly greater than iou_threshold;
    continue with the best remaining box. Only kept boxes suppress others.

    Inputs:
    - boxes: array of shape (N, 4), float32 or float64, rows (x1, y1, x2, y2).
    - scores: array of shape (N,); one score per box.
    - iou_threshold: float; boxes overlapping a kept box by more than this
      are suppressed (an IoU exactly equal to it is not suppressed).

    Returns:
    - keep: integer array of shape (K,) with the indices (into boxes) of the
      kept boxes, in decreasing score order.

    Edge cases: N == 0 gives an empty integer array. The inputs must not be
    modified.

    Course: seed 003 §14.5 Non-max suppression.
    """
    # Hint: np.argsort(..., kind="stable") keeps equal elements in index order.
    ### BEGIN SOLUTION
    boxes = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
    scores = np.asarray(scores, dtype=np.float64).reshape(-1)
    areas = (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1])
    order = np.argsort(-scores, kind="stable")  # best first, ties by index
    keep = []
    while order.size > 0:
        best = order[0]
        keep.append(best)
        rest = order[1:]
        # IoU of the kept box with every box still waiting.
        w = np.clip(np.minimum(boxes[best, 2], boxes[rest, 2])
                    - np.maximum(boxes[best, 0], boxes[rest, 0]), 0, None)
        h = np.clip(np.minimum(boxes[best, 3], boxes[rest, 3])
                    - np.maximum(boxes[best, 1], boxes[rest, 1]), 0, None)
        inter = w * h
        union = areas[best] + areas[rest] - inter
        overlap = np.zeros(rest.shape, dtype=np.float64)
        np.divide(inter, union, out=overlap, where=union > 0)
        order = rest[overlap <= iou_threshold]
    return np.array(keep, dtype=np.int64)
    ### END SOLUTION
