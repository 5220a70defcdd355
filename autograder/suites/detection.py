"""Hidden suite: detection.iou and detection.nms.

The exercises, their strategies (and the module docstring on tolerances and
thresholds) and their public properties are in
``autograder/public/detection.py``; this module adds the hidden properties
and the mistakes recognised by value.

`pairwise_iou` lives here, not in the public module: it is a complete answer
to the iou exercise, so the property that needs it (nms_suppression_rule)
is hidden although it uses no reference.
"""

import numpy as np

from autograder.checking import Failure, assert_close
from autograder.public.detection import (IOU_EDGE, NMS_EDGE, _call_iou, _call_nms, _evidence, _rank,
                                         iou_cases, iou_ex, iou_scale, nms_cases, nms_ex)
from reference import detection as ref


# ------------------------------------------------------------ IoU maths (from the definition)


def pairwise_iou(b1, b2):
    """IoU of every pair, float64, 0 where the union is 0."""
    a = np.asarray(b1, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b2, dtype=np.float64).reshape(-1, 4)
    iw = np.clip(np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]), 0, None)
    ih = np.clip(np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]), 0, None)
    inter = iw * ih
    area_a = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1])
    area_b = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    union = area_a[:, None] + area_b[None, :] - inter
    return np.where(union > 0, inter / np.where(union > 0, union, 1.0), 0.0)


# ============================================================ iou


@iou_ex.property("agrees with the reference IoU on generated boxes", cases=iou_cases(), public=False,
                 weight=3, examples=IOU_EDGE, max_examples=70,
                 hint="Intersection: clamp min(x2) - max(x1) and min(y2) - max(y1) at 0; union: "
                      "area1 + area2 - intersection with areas (x2 - x1) * (y2 - y1); IoU 0 where the "
                      "union is 0. Boxes may be tiny, far from the origin, float32, or N, M may be 0.")
def iou_matches_reference(student, case):
    out = _call_iou(student, case)
    assert_close(out, ref.iou(case.boxes1, case.boxes2), name="iou(boxes1, boxes2)",
                 scale=iou_scale(case.boxes1, case.boxes2), observed=_evidence(out))


# ------------------------------------------------------------ iou: known mistakes


def _split(case, order=(0, 1, 2, 3)):
    a = case.boxes1.astype(np.float64).reshape(-1, 4)[:, order]
    b = case.boxes2.astype(np.float64).reshape(-1, 4)[:, order]
    return a, b


def _parts(a, b, plus=0.0, clamp="each"):
    iw = np.minimum(a[:, None, 2], b[None, :, 2]) - np.maximum(a[:, None, 0], b[None, :, 0]) + plus
    ih = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1]) + plus
    if clamp == "each":
        inter = np.clip(iw, 0, None) * np.clip(ih, 0, None)
    elif clamp == "product":
        inter = np.clip(iw * ih, 0, None)
    else:
        inter = iw * ih
    area_a = (a[:, 2] - a[:, 0] + plus) * (a[:, 3] - a[:, 1] + plus)
    area_b = (b[:, 2] - b[:, 0] + plus) * (b[:, 3] - b[:, 1] + plus)
    return inter, area_a[:, None], area_b[None, :]


def _ratio(num, den, guard=True):
    with np.errstate(divide="ignore", invalid="ignore"):
        if guard:
            return np.where(den > 0, num / np.where(den > 0, den, 1.0), 0.0)
        return num / den


@iou_ex.mistake("overlap_not_clamped", "overlap width and height not clamped at 0",
                "When two boxes do not overlap, min(x2) - max(x1) is negative; clamp the width and the "
                "height at 0 separately (np.clip(..., 0, None)) before multiplying, otherwise two "
                "negative overlaps give a positive intersection.")
def _m_not_clamped(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b, clamp="none")
    return _ratio(inter, aa + ab - inter)


@iou_ex.mistake("overlap_not_clamped", "", "")
def _m_product_clamped(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b, clamp="product")
    return _ratio(inter, aa + ab - inter)


@iou_ex.mistake("plus_one_area", "the pixel convention (+1) in widths and heights",
                "Coordinates are continuous here: the width of a box is x2 - x1 and its area "
                "(x2 - x1) * (y2 - y1), with no + 1.")
def _m_plus_one(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b, plus=1.0)
    return _ratio(inter, aa + ab - inter)


@iou_ex.mistake("plus_one_area", "", "")
def _m_plus_one_areas_only(case):
    a, b = _split(case)
    inter, _, _ = _parts(a, b)
    _, aa, ab = _parts(a, b, plus=1.0)
    return _ratio(inter, aa + ab - inter)


@iou_ex.mistake("union_not_subtracted", "dividing by area1 + area2",
                "The union counts the overlap once: union = area1 + area2 - intersection.")
def _m_union_sum(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b)
    return _ratio(inter, aa + ab)


@iou_ex.mistake("over_min_area", "dividing by the smaller area",
                "IoU divides the intersection by the union (area1 + area2 - intersection), not by the "
                "smaller of the two areas.")
def _m_over_min(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b)
    return _ratio(inter, np.minimum(aa, ab))


@iou_ex.mistake("coordinates_swapped", "boxes read as (x1, x2, y1, y2)",
                "Each row is (x1, y1, x2, y2): columns 0 and 2 are the x coordinates, columns 1 and 3 "
                "the y coordinates.")
def _m_coords(case):
    a, b = _split(case, (0, 2, 1, 3))
    inter, aa, ab = _parts(a, b)
    return _nonzero(_ratio(inter, aa + ab - inter, guard=False))


@iou_ex.mistake("coordinates_swapped", "", "")
def _m_coords_guarded(case):
    a, b = _split(case, (0, 2, 1, 3))
    inter, aa, ab = _parts(a, b)
    union = aa + ab - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        return _nonzero(np.where(union != 0, inter / np.where(union != 0, union, 1.0), 0.0))


def _nonzero(result):
    # Read as (x1, x2, y1, y2), most small sets of boxes get negative sizes and an all-zero result,
    # which any implementation returning zeros would match: that is no evidence of this mistake.
    if not np.any(result):
        raise ValueError("no evidence")
    return result


@iou_ex.mistake("zero_union_nan", "0 / 0 = nan for two zero-area boxes",
                "When the union is 0 (two zero-area boxes) the IoU is 0: divide only where union > 0, "
                "e.g. np.divide(inter, union, out=np.zeros_like(union), where=union > 0).")
def _m_nan(case):
    a, b = _split(case)
    inter, aa, ab = _parts(a, b)
    return _ratio(inter, aa + ab - inter, guard=False)


@iou_ex.mistake("elementwise_not_pairwise", "box k of boxes1 compared only with box k of boxes2",
                "The result has one entry per pair: broadcast boxes1[:, None, :] against "
                "boxes2[None, :, :] to get an (N, M) matrix.")
def _m_elementwise(case):
    a, b = _split(case)
    iw = np.clip(np.minimum(a[:, 2], b[:, 2]) - np.maximum(a[:, 0], b[:, 0]), 0, None)
    ih = np.clip(np.minimum(a[:, 3], b[:, 3]) - np.maximum(a[:, 1], b[:, 1]), 0, None)
    inter = iw * ih
    union = (a[:, 2] - a[:, 0]) * (a[:, 3] - a[:, 1]) + (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1]) - inter
    return _ratio(inter, union)


# ============================================================ nms


@nms_ex.property("agrees with the reference NMS on generated boxes, scores and thresholds",
                 cases=nms_cases(), public=False, weight=3, examples=NMS_EDGE, max_examples=70,
                 hint="Visit boxes by decreasing score (ties: lower index first), keep a box unless a "
                      "box already kept overlaps it with IoU strictly above the threshold, and return "
                      "the kept indices in the order they were kept; more than 10 boxes may survive.")
def nms_matches_reference(student, case):
    keep = _call_nms(student, case)
    want = ref.nms(case.boxes, case.scores, case.iou_threshold)
    if keep.shape != want.shape or not np.array_equal(keep, want):
        raise Failure(f"nms kept {keep.tolist()}, expected {want.tolist()}.", expected=want, received=keep,
                      observed=_evidence(keep))


@nms_ex.property("no two kept boxes overlap with IoU above the threshold, and every dropped box "
                 "overlaps a kept box that comes before it (higher score, or equal score and lower "
                 "index) with IoU strictly above the threshold", cases=nms_cases(), public=False,
                 weight=1.5, examples=NMS_EDGE[:1] + NMS_EDGE[3:7], max_examples=25,
                 hint="Only boxes that are kept suppress others, and only when their IoU is strictly "
                      "greater than iou_threshold (an IoU equal to it does not suppress).")
def nms_suppression_rule(student, case):
    keep = _call_nms(student, case, valid=True)
    n = len(case.scores)
    thr = case.iou_threshold
    ious = pairwise_iou(case.boxes, case.boxes)
    kk = ious[np.ix_(keep, keep)]
    np.fill_diagonal(kk, 0.0)
    if np.any(kk > thr):
        a, b = (int(keep[j]) for j in np.argwhere(kk > thr)[0])
        raise Failure(f"nms kept boxes {a} and {b} although their IoU {ious[a, b]:.6g} is above the "
                      f"threshold {thr:g}: the lower-ranked one should have been suppressed.",
                      observed=_evidence(keep))
    rank = _rank(case.scores)
    dropped = np.setdiff1d(np.arange(n), keep)
    # suppressor[d, k]: kept box k comes before dropped box d and overlaps it above the threshold
    suppressor = (ious[np.ix_(dropped, keep)] > thr) & (rank[keep][None, :] < rank[dropped][:, None])
    orphan = ~suppressor.any(axis=1)
    if orphan.any():
        d = int(dropped[np.argmax(orphan)])
        over = [int(j) for j in np.flatnonzero(ious[d] > thr) if j != d and rank[j] < rank[d]]
        at = [int(j) for j in np.flatnonzero(ious[d] == thr) if j != d and j in keep]
        tied = [int(j) for j in np.flatnonzero(ious[d] > thr)
                if j > d and j in keep and case.scores[j] == case.scores[d]]
        text = (f"nms dropped box {d}, but no kept box that comes before it overlaps it with IoU above "
                f"{thr:g}.")
        if tied:
            text += (f" Kept box {tied[0]} has the same score but a higher index, so box {d} comes first "
                     "(equal scores: lower index first) and should have been kept.")
        elif at:
            text += f" Its IoU with kept box {at[0]} equals the threshold exactly, which does not suppress."
        elif over:
            text += (f" It overlaps box {over[0]} above the threshold, but box {over[0]} was itself "
                     "suppressed" + (" (or not kept)" if over[0] not in keep else "")
                     + ": only kept boxes suppress others.")
        raise Failure(text, observed=_evidence(keep))


# ------------------------------------------------------------ nms: known mistakes


def _greedy(case, order=None, inclusive=False, any_higher=False):
    boxes = case.boxes.astype(np.float64).reshape(-1, 4)
    scores = np.asarray(case.scores, dtype=np.float64)
    n = len(scores)
    if order is None:
        order = np.argsort(-scores, kind="stable")
    ious = pairwise_iou(boxes, boxes)
    over = ious >= case.iou_threshold if inclusive else ious > case.iou_threshold
    keep, suppressed = [], np.zeros(n, dtype=bool)
    for r, idx in enumerate(order):
        if any_higher:
            if not over[idx, order[:r]].any():
                keep.append(idx)
            continue
        if suppressed[idx]:
            continue
        keep.append(idx)
        suppressed |= over[idx]
    return np.asarray(keep, dtype=np.int64)


@nms_ex.mistake("not_sorted_by_score", "boxes not visited from the highest score down",
                "Greedy NMS visits the boxes by decreasing score (np.argsort(-scores, kind='stable')): "
                "the best box is kept first and suppresses its neighbours.")
def _m_index_order(case):
    return _greedy(case, order=np.arange(len(case.scores)))


@nms_ex.mistake("not_sorted_by_score", "", "")
def _m_ascending_scores(case):
    return _greedy(case, order=np.argsort(np.asarray(case.scores, dtype=np.float64), kind="stable"))


@nms_ex.mistake("threshold_inclusive", "suppressing at IoU >= threshold",
                "A box is suppressed only when its IoU with a kept box is strictly greater than "
                "iou_threshold; use > rather than >=.")
def _m_inclusive(case):
    return _greedy(case, inclusive=True)


@nms_ex.mistake("ties_reversed", "equal scores visited from the highest index",
                "Among equal scores the lower index comes first: sort with np.argsort(-scores, "
                "kind='stable'); np.argsort(scores)[::-1] reverses the ties.")
def _m_ties(case):
    return _greedy(case, order=np.argsort(np.asarray(case.scores, dtype=np.float64), kind="stable")[::-1])


@nms_ex.mistake("suppressed_boxes_suppress", "suppressed boxes still suppress others",
                "Compare each box only with the boxes already kept, not with every higher-scored box: "
                "a box that was itself suppressed must not suppress anything.")
def _m_any_higher(case):
    return _greedy(case, any_higher=True)


@nms_ex.mistake("indices_sorted_ascending", "kept indices sorted ascending",
                "Return the kept indices in the order they were kept (decreasing score), not sorted "
                "by index.")
def _m_sorted(case):
    return np.sort(_greedy(case))


# returns_mask is declared (title and hint) in the public module, where _indices names it; these
# computes also recognise a mask by its values.
@nms_ex.mistake("returns_mask", "", "")
def _m_mask(case):
    mask = np.zeros(len(case.scores), dtype=bool)
    mask[_greedy(case)] = True
    return mask


@nms_ex.mistake("returns_mask", "", "")
def _m_int_mask(case):
    return _m_mask(case).astype(np.int64)


# Diagnosis tries the mistakes in the order of this dict: keep returns_mask, declared first by the
# public module, last as before.
nms_ex.mistakes["returns_mask"] = nms_ex.mistakes.pop("returns_mask")
