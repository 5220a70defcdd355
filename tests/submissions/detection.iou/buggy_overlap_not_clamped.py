"""Does not clamp the overlap width/height at 0: disjoint boxes get a non-zero (even positive) IoU."""
import numpy as np

EXPECTED_MISTAKE = "overlap_not_clamped"


def iou(boxes1, boxes2):
    b1 = boxes1[:, None, :]
    b2 = boxes2[None, :, :]
    iw = np.minimum(b1[..., 2], b2[..., 2]) - np.maximum(b1[..., 0], b2[..., 0])
    ih = np.minimum(b1[..., 3], b2[..., 3]) - np.maximum(b1[..., 1], b2[..., 1])
    inter = iw * ih
    a1 = (boxes1[:, 2] - boxes1[:, 0]) * (boxes1[:, 3] - boxes1[:, 1])
    a2 = (boxes2[:, 2] - boxes2[:, 0]) * (boxes2[:, 3] - boxes2[:, 1])
    union = a1[:, None] + a2[None, :] - inter
    out = np.zeros(inter.shape, dtype=np.float64)
    np.divide(inter, union, out=out, where=union > 0)
    return out
