# GENERATED FILE - do not edit by hand.
# Generated from solutions/detection.py by `dlgrade stubs`: edit the solution
# and run `dlgrade stubs` from the repository root to regenerate it.
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
    raise NotImplementedError("Implement this function: replace this line with your code.")


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
    raise NotImplementedError("Implement this function: replace this line with your code.")
