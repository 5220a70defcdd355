"""Compares boxes1[k] with boxes2[k] only (an (N,) vector), not every pair: fails unless N == M."""
import numpy as np

EXPECTED_MISTAKE = "elementwise_not_pairwise"


def iou(boxes1, boxes2):
    iw = np.clip(np.minimum(boxes1[:, 2], boxes2[:, 2]) - np.maximum(boxes1[:, 0], boxes2[:, 0]), 0, None)
    ih = np.clip(np.minimum(boxes1[:, 3], boxes2[:, 3]) - np.maximum(boxes1[:, 1], boxes2[:, 1]), 0, None)
    inter = iw * ih
    a1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    a2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    union = a1 + a2 - inter
    out = np.zeros(inter.shape)
    np.divide(inter, union, out=out, where=union > 0)
    return out
