"""Drops a box if it overlaps any higher-scored box, even one that was itself suppressed."""
import numpy as np

EXPECTED_MISTAKE = "suppressed_boxes_suppress"


def _iou_one(box, boxes):
    iw = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    ih = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    inter = iw * ih
    union = (box[2] - box[0]) * (box[3] - box[1]) + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter
    out = np.zeros(len(boxes))
    np.divide(inter, union, out=out, where=union > 0)
    return out


def nms(boxes, scores, iou_threshold):
    order = np.argsort(-scores, kind="stable")
    keep = []
    for rank, idx in enumerate(order):
        higher = order[:rank]
        if rank > 0 and np.any(_iou_one(boxes[idx], boxes[higher]) > iou_threshold):
            continue
        keep.append(idx)
    return np.array(keep, dtype=np.int64)
