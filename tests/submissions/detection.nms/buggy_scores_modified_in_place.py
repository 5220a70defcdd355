"""Marks processed and suppressed boxes by writing -inf into the caller's scores array."""
import numpy as np


def _iou_one(box, boxes):
    iw = np.clip(np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0]), 0, None)
    ih = np.clip(np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1]), 0, None)
    inter = iw * ih
    union = (box[2] - box[0]) * (box[3] - box[1]) + (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inter
    out = np.zeros(len(boxes))
    np.divide(inter, union, out=out, where=union > 0)
    return out


def nms(boxes, scores, iou_threshold):
    keep = []
    if len(scores) == 0:
        return np.array(keep, dtype=np.int64)
    while True:
        idx = int(np.argmax(scores))
        if scores[idx] == -np.inf:
            break
        keep.append(idx)
        scores[_iou_one(boxes[idx], boxes) > iou_threshold] = -np.inf
        scores[idx] = -np.inf
    return np.array(keep, dtype=np.int64)
