"""Divides without guarding a zero union: two zero-area boxes give 0/0 = nan."""
import numpy as np

EXPECTED_MISTAKE = "zero_union_nan"


def iou(boxes1, boxes2):
    b1 = boxes1[:, None, :]
    b2 = boxes2[None, :, :]
    iw = np.clip(np.minimum(b1[..., 2], b2[..., 2]) - np.maximum(b1[..., 0], b2[..., 0]), 0, None)
    ih = np.clip(np.minimum(b1[..., 3], b2[..., 3]) - np.maximum(b1[..., 1], b2[..., 1]), 0, None)
    inter = iw * ih
    a1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    a2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    union = a1[:, None] + a2[None, :] - inter
    out = inter / union
    return out
