"""Public checks: detection.iou and detection.nms.

Students receive this module (see `autograder.public`); the hidden part of the
suite is in ``autograder/suites/detection.py``.

Boxes come from strategies.boxes (integer grid boxes that touch, nest,
coincide or have zero width; continuous boxes; boxes far from the origin),
scaled by powers of two only: a power-of-two scale is exact, so IoUs of grid
boxes stay exact rationals (1/2, 1/3, ...) and a threshold equal to one of
them means the same thing in float32 and float64.

IoU tolerance: a student may compute in float32, even from float64 inputs.
Each overlap width min(x2) - max(x1) then carries the rounding of the
coordinates, so `iou_scale` propagates the magnitude of the coordinates
(not of the widths) through inter / union: boxes far from the origin get a
looser tolerance, boxes near it a tight one.

NMS thresholds are either simple values (0, 1/4, 1/2, 3/4, 1, which grid
boxes hit exactly, so "strictly greater" is tested) or (2k + 1) / 2000,
which no grid IoU equals except at exactly representable dyadic values.
"""

import numpy as np
from hypothesis import strategies as st

from autograder.checking import (RTOL, Case, Exercise, Failure, as_float_array, assert_close,
                                 assert_unchanged, describe_value, strategies as S)


iou_ex = Exercise("detection.iou")
nms_ex = Exercise("detection.nms")

POW2 = (1.0, 2.0 ** -10, 2.0 ** -20, 2.0 ** 10)

# Strategies are built once: hypothesis validates every new strategy object on its first draw, which
# costs more than the draw itself.
DTYPE = S.dtypes()
SEED = S.seeds()
BOOL = st.booleans()
MAG = st.sampled_from(POW2)
SCORE_STYLE = S.styles()
BOX_KIND = st.sampled_from(("grid", "continuous", "offset"))


def box_array(n, kind, seed):
    """The boxes strategies.boxes(n) draws for this kind and seed (same construction, built here so
    that its two draws use strategies created once)."""
    rng = np.random.default_rng(seed)
    if kind == "grid":
        p = rng.integers(0, 5, size=(n, 2)).astype(np.float64)
        wh = rng.integers(0, 4, size=(n, 2)).astype(np.float64)
    else:
        p = rng.uniform(0, 10, size=(n, 2))
        wh = rng.uniform(0, 6, size=(n, 2))
        wh[rng.random((n, 2)) < 0.1] = 0.0
        if kind == "offset":
            p = p + rng.choice([-1e4, 1e3, 1e5])
    return np.concatenate([p, p + wh], axis=1)


def _draw_boxes(draw, n):
    return box_array(n, draw(BOX_KIND), draw(SEED))


# ------------------------------------------------------------ IoU tolerance (from the definition)


def iou_scale(b1, b2):
    """Per-pair magnitude of the terms the IoU is computed from (see the module docstring)."""
    a = np.asarray(b1, dtype=np.float64).reshape(-1, 4)
    b = np.asarray(b2, dtype=np.float64).reshape(-1, 4)
    lo_x = np.maximum(a[:, None, 0], b[None, :, 0])
    hi_x = np.minimum(a[:, None, 2], b[None, :, 2])
    lo_y = np.maximum(a[:, None, 1], b[None, :, 1])
    hi_y = np.minimum(a[:, None, 3], b[None, :, 3])
    iw, ih = np.clip(hi_x - lo_x, 0, None), np.clip(hi_y - lo_y, 0, None)
    m_iw, m_ih = np.abs(hi_x) + np.abs(lo_x), np.abs(hi_y) + np.abs(lo_y)
    inter = iw * ih
    m_inter = m_iw * ih + iw * m_ih

    def area(c):
        w, h = c[:, 2] - c[:, 0], c[:, 3] - c[:, 1]
        return w * h, (np.abs(c[:, 2]) + np.abs(c[:, 0])) * h + w * (np.abs(c[:, 3]) + np.abs(c[:, 1]))

    (aa, m_aa), (ab, m_ab) = area(a), area(b)
    union = aa[:, None] + ab[None, :] - inter
    m_union = m_aa[:, None] + m_ab[None, :] + m_inter
    pos = union > 0
    u = np.where(pos, union, 1.0)
    return np.where(pos, m_inter / u + inter * m_union / (u * u), 0.0)


# ============================================================ iou


IOU_N = {k: S.dims(0, k) for k in (3, 4, 5)}
COPIES = {k: st.integers(0, k) for k in range(6)}


@st.composite
def iou_cases(draw, max_n=5, dtype=None):
    dt = draw(DTYPE) if dtype is None else dtype
    n, m = draw(IOU_N[max_n]), draw(IOU_N[max_n])
    b1, b2 = _draw_boxes(draw, n), _draw_boxes(draw, m)
    k = draw(COPIES[min(n, m)])  # the first k boxes of boxes2 repeat boxes1's: identical pairs
    b2[:k] = b1[:k]
    mag = draw(MAG)
    return Case(boxes1=(b1 * mag).astype(dt), boxes2=(b2 * mag).astype(dt))


def _boxes(rows, dtype=np.float64):
    return np.array(rows, dtype=dtype).reshape(-1, 4)


def _iou_case(b1, b2, dtype=np.float64):
    return Case(boxes1=_boxes(b1, dtype), boxes2=_boxes(b2, dtype))


IOU_EDGE = (
    # square: overlaps, an identical pair, a diagonal-apart pair (both overlaps negative); y above x,
    # so that reading the rows as (x1, x2, y1, y2) still gives boxes of positive size
    _iou_case([[0, 10, 2, 12], [1, 11, 4, 13], [0, 10, 1, 11]],
              [[1, 11, 3, 13], [1, 11, 4, 13], [3, 13, 5, 16]]),
    # zero-area boxes: point with point (union 0), segment with point, point inside a box
    _iou_case([[1, 1, 1, 1], [0, 0, 0, 3]], [[1, 1, 1, 1], [0, 1, 0, 1], [0, 0, 2, 2]]),
    _iou_case([[0, 0, 4, 4]], [[1, 1, 2, 2], [1, 0, 2, 1], [4, 0, 5, 4], [2, 2, 6, 6]]),  # nested, touching
    _iou_case(np.zeros((0, 4)), [[0, 0, 1, 1], [1, 1, 2, 3]]),
    _iou_case([[0, 0, 1, 1], [1, 1, 2, 3]], np.zeros((0, 4))),
    _iou_case(np.zeros((0, 4)), np.zeros((0, 4))),
    _iou_case([[1e5, 1e5, 1e5 + 3, 1e5 + 2], [1e5 + 1, 1e5, 1e5 + 4, 1e5 + 2]],
              [[1e5 + 2, 1e5 + 1, 1e5 + 5, 1e5 + 3]], dtype=np.float32),
    _iou_case(np.array([[0, 0, 3, 2], [1, 1, 2, 2]]) * 2.0 ** -20, np.array([[1, 0, 4, 2]]) * 2.0 ** -20),
    _iou_case([[0.5, 0.25, 2.75, 1.5]], [[1.25, 0.75, 3.5, 2.25], [0.5, 0.25, 2.75, 1.5]], dtype=np.float32),
)


def _evidence(result):
    """``result`` as the observed value for diagnosis, or None when empty (every mistake matches it)."""
    return result if getattr(result, "size", 0) else None


def _call_iou(student, case, name="iou(boxes1, boxes2)"):
    return as_float_array(student.iou(case.boxes1, case.boxes2), name)


@iou_ex.property("returns a float array of shape (N, M) (also when N or M is 0) with every value in "
                 "[0, 1], never nan, even for two zero-area boxes", cases=iou_cases(), public=True,
                 weight=1, examples=(IOU_EDGE[0], IOU_EDGE[1], IOU_EDGE[3], IOU_EDGE[4]), max_examples=25,
                 hint="Broadcast boxes1[:, None, :] against boxes2[None, :, :] to get every pair; "
                      "when the union is 0 return 0 instead of dividing (np.divide(..., where=union > 0)).")
def iou_shape_and_range(student, case):
    out = _call_iou(student, case)
    want = (len(case.boxes1), len(case.boxes2))
    if out.shape != want:
        raise Failure(f"iou(boxes1, boxes2) has shape {out.shape}, expected {want} (one value for every "
                      "pair of a box from boxes1 with a box from boxes2).", received=out,
                      observed=_evidence(out))
    bad = ~np.isfinite(out)
    if bad.any():
        k = tuple(int(j) for j in np.argwhere(bad)[0])
        raise Failure(f"iou(boxes1, boxes2) contains {int(bad.sum())} non-finite values; the first at "
                      f"{list(k)} (boxes {case.boxes1[k[0]].tolist()} and {case.boxes2[k[1]].tolist()}) "
                      f"is {out[k]}. A pair whose union is 0 (two zero-area boxes) has IoU 0.",
                      observed=out)
    out64 = out.astype(np.float64)
    outside = (out64 < -1e-6) | (out64 > 1 + 1e-6)
    if outside.any():
        k = tuple(int(j) for j in np.argwhere(outside)[0])
        raise Failure(f"iou(boxes1, boxes2) has values outside [0, 1]: at {list(k)} (boxes "
                      f"{case.boxes1[k[0]].tolist()} and {case.boxes2[k[1]].tolist()}) it is {out64[k]:.6g}. "
                      "The intersection is never larger than the union (clamp negative overlap widths "
                      "and heights at 0).", observed=out)


SELF_N = S.dims(1, 5)


@st.composite
def self_cases(draw):
    b = _draw_boxes(draw, draw(SELF_N)) * draw(MAG)
    b = b.astype(draw(DTYPE))
    return Case(boxes1=b, boxes2=b.copy())


@iou_ex.property("iou(boxes, boxes) is symmetric, 1 on the diagonal for boxes of positive area and 0 "
                 "for zero-area boxes", cases=self_cases(), public=True, weight=1, max_examples=18,
                 examples=(Case(boxes1=_boxes([[0, 0, 2, 2], [1, 1, 1, 1], [0, 0, 1, 3]]),
                                boxes2=_boxes([[0, 0, 2, 2], [1, 1, 1, 1], [0, 0, 1, 3]])),),
                 hint="The union of a box with itself is its own area: IoU = area / (area + area - area) "
                      "= 1. A zero-area box has union 0 with itself: return 0.")
def iou_self(student, case):
    out = _call_iou(student, case, "iou(boxes, boxes)")
    n = len(case.boxes1)
    if out.shape != (n, n):
        raise Failure(f"iou(boxes, boxes) has shape {out.shape}, expected {(n, n)}.", observed=out)
    b = case.boxes1.astype(np.float64)
    area = (b[:, 2] - b[:, 0]) * (b[:, 3] - b[:, 1])
    want = (area > 0).astype(np.float64)
    got = np.diagonal(out).astype(np.float64)
    tol = RTOL * (want + iou_scale(b, b).diagonal())  # a box thinner than float32 resolution is ill-posed
    bad = ~(np.abs(got - want) <= tol)
    if bad.any():
        k = int(np.argmax(bad))
        raise Failure(f"the IoU of box {k} = {case.boxes1[k].tolist()} with itself is {got[k]:.6g}, "
                      f"expected {want[k]:g}" + (" (it has area 0, so the union is 0)." if want[k] == 0
                                                  else "."), observed=out)
    assert_close(out.T, out, name="iou(boxes, boxes) transposed", scale=iou_scale(b, b))


INV_BASE = iou_cases(max_n=4, dtype=np.float64)
INV_SCALE = st.sampled_from((2.0, 0.5, 4.0, 0.25))
INV_SHIFT = st.integers(-8, 8)


@st.composite
def invariance_cases(draw):
    case = draw(INV_BASE)
    s = draw(INV_SCALE)
    tx, ty = draw(INV_SHIFT), draw(INV_SHIFT)
    if tx == ty:
        ty = tx + 3
    return Case(case, scale_by=s, shift=(float(tx), float(ty)))


@iou_ex.property("swapping the arguments transposes the result, and scaling all boxes by a common "
                 "factor or shifting them all by a common (dx, dy) leaves it unchanged",
                 cases=invariance_cases(), public=True, weight=1.5, max_examples=20,
                 examples=(Case(boxes1=_boxes([[0, 0, 2, 2], [1, 1, 4, 3]]), boxes2=_boxes([[1, 0, 3, 3]]),
                                scale_by=2.0, shift=(3.0, -1.0)),),
                 hint="Areas are (x2 - x1) * (y2 - y1) with no +1 (continuous coordinates), and boxes are "
                      "(x1, y1, x2, y2): columns 0 and 2 are x, columns 1 and 3 are y.")
def iou_invariances(student, case):
    b1, b2 = case.boxes1, case.boxes2
    base = _call_iou(student, case)
    swapped = as_float_array(student.iou(b2, b1), "iou(boxes2, boxes1)")
    if swapped.shape != base.shape[::-1]:
        raise Failure(f"iou(boxes2, boxes1) has shape {swapped.shape} while iou(boxes1, boxes2) has shape "
                      f"{base.shape}; they should be transposes of each other.")
    tol = iou_scale(b1, b2)
    assert_close(swapped.T, base, name="iou(boxes2, boxes1).T compared with iou(boxes1, boxes2)", scale=tol)
    t = np.array(case.shift * 2)  # (dx, dy, dx, dy)
    m1, m2 = b1 * case.scale_by + t, b2 * case.scale_by + t
    moved = as_float_array(student.iou(m1, m2), "iou of the moved boxes")
    try:
        assert_close(moved, base, name=f"iou(boxes1 * {case.scale_by:g} + {case.shift}, boxes2 * "
                     f"{case.scale_by:g} + {case.shift})", scale=np.maximum(tol, iou_scale(m1, m2)))
    except Failure as f:
        f.message += (" IoU is a ratio of areas: it does not change when every box is scaled by the "
                      "same factor or shifted by the same (dx, dy).")
        raise


KNOWN_N = S.dims(1, 4)


@st.composite
def known_value_cases(draw):
    """Boxes of positive area with, for each, a disjoint (or touching) partner and a nested one."""
    n = draw(KNOWN_N)
    dtype = draw(DTYPE)
    rng = np.random.default_rng(draw(SEED))
    grid = draw(BOOL)
    if grid:
        p = rng.integers(0, 5, (n, 2)).astype(float)
        wh = rng.integers(2, 5, (n, 2)).astype(float)
    else:
        p = rng.uniform(-5, 5, (n, 2))
        wh = rng.uniform(0.5, 4, (n, 2))
    b = np.concatenate([p, p + wh], axis=1)
    # disjoint partner: moved right, down or diagonally by at least its own size (gap 0 = touching)
    direction = np.array([(1, 0), (0, 1), (1, 1), (-1, 1)])[rng.integers(0, 4, n)]
    gap = rng.integers(0, 3, (n, 1)).astype(float)
    move = direction * (wh + gap)
    apart = b + np.concatenate([move, move], axis=1)
    # nested partner: a box inside b (sharing edges allowed)
    lo = p + wh * rng.integers(0, 2, (n, 2)) * 0.25
    hi = p + wh - wh * rng.integers(0, 2, (n, 2)) * 0.25
    inside = np.concatenate([lo, hi], axis=1)
    return Case(boxes1=b.astype(dtype), boxes2=np.concatenate([apart, inside]).astype(dtype))


@iou_ex.property("boxes that do not overlap (or only touch) have IoU 0, and a box inside another has "
                 "IoU area(inner) / area(outer)", cases=known_value_cases(), public=True, weight=1,
                 max_examples=20,
                 hint="Clamp the overlap width and height at 0 separately (two negative overlaps "
                      "multiply to a positive area), and divide by the union "
                      "area1 + area2 - intersection.")
def iou_known_values(student, case):
    out = _call_iou(student, case)
    n = len(case.boxes1)
    if out.shape != (n, 2 * n):
        raise Failure(f"iou(boxes1, boxes2) has shape {out.shape}, expected {(n, 2 * n)}.", observed=out)
    b = case.boxes1.astype(np.float64)
    inner = case.boxes2[n:].astype(np.float64)
    area = lambda c: (c[:, 2] - c[:, 0]) * (c[:, 3] - c[:, 1])  # noqa: E731
    apart = out[np.arange(n), np.arange(n)].astype(np.float64)
    if np.any(np.abs(apart) > 1e-6):
        k = int(np.argmax(np.abs(apart) > 1e-6))
        raise Failure(f"boxes {case.boxes1[k].tolist()} and {case.boxes2[k].tolist()} do not overlap, "
                      f"but their IoU is {apart[k]:.6g} instead of 0.", observed=out)
    nested = out[np.arange(n), n + np.arange(n)].astype(np.float64)
    want = area(inner) / area(b)
    assert_close(nested, want, name="the IoU of each box with the box nested inside it",
                 scale=iou_scale(b, inner).diagonal(), observed=out)


@iou_ex.property("does not modify its inputs", cases=iou_cases(max_n=3), public=True, weight=0.5,
                 max_examples=12, standalone=False)
def iou_inputs_unchanged(student, case):
    _, args, _ = student.call("iou", case.boxes1, case.boxes2, echo=True)
    assert_unchanged([case.boxes1, case.boxes2], args, ["boxes1", "boxes2"])


# ============================================================ nms


THRESHOLDS = (0.5, 0.0, 0.25, 0.75, 1.0)


THRESHOLD = st.one_of(st.sampled_from(THRESHOLDS), st.integers(0, 999).map(lambda k: (2 * k + 1) / 2000))
NMS_N = {k: st.one_of(S.dims(0, k), S.dims(11, 16)) for k in (6, 8)}


@st.composite
def nms_cases(draw, max_n=8):
    dtype = draw(DTYPE)
    n = draw(NMS_N[max_n])
    boxes = _draw_boxes(draw, n) * draw(MAG)
    scores = S.build_array((n,), draw(SCORE_STYLE), draw(SEED), dtype)
    return Case(boxes=boxes.astype(dtype), scores=scores, iou_threshold=draw(THRESHOLD))


def _nms_case(boxes, scores, thr, dtype=np.float64):
    return Case(boxes=_boxes(boxes, dtype), scores=np.array(scores, dtype=dtype), iou_threshold=thr)


NMS_EDGE = (
    # index: 0 F, 1 B, 2 E, 3 A, 4 G, 5 C, 6 D. A-B-C is a chain (IoU(A,B) = IoU(B,C) = 0.6 > 0.5,
    # IoU(A,C) = 1/3); IoU(D,E) = 0.5 exactly; F and G tie on score. Keep [3, 5, 6, 2, 0, 4].
    _nms_case([[10, 10, 12, 12], [1, 0, 5, 2], [20, 0, 22, 1], [0, 0, 4, 2], [30, 30, 31, 31],
               [2, 0, 6, 2], [20, 0, 22, 2]], [0.3, 0.8, 0.5, 0.9, 0.3, 0.7, 0.6], 0.5),
    _nms_case(np.zeros((0, 4)), [], 0.5),
    _nms_case([[0, 0, 1, 1]], [0.2], 0.5),
    _nms_case([[0, 0, 2, 2]] * 3, [0.5, 0.9, 0.5], 1.0),   # identical boxes: IoU 1 is not > 1
    _nms_case([[0, 0, 2, 2]] * 3, [0.5, 0.5, 0.5], 0.5),   # identical, tied: keep the lowest index
    _nms_case([[0, 0, 0, 3], [0, 0, 0, 3], [1, 1, 1, 1]], [1.0, 2.0, 3.0], 0.0),  # zero-area boxes
    _nms_case([[3 * k, 0, 3 * k + 2, 2] for k in range(12)], np.linspace(1, 0, 12), 0.3),  # 12 kept
    _nms_case([[0.5, 0.5, 3.25, 2.0], [1.0, 0.75, 3.5, 2.25], [0.0, 0.0, 1.0, 1.0]], [0.2, 0.9, 0.4],
              0.45, dtype=np.float32),
)


def _indices(result, n):
    """The student's result as an int64 array, after checking it is a 1-D sequence of integers."""
    if isinstance(result, (list, tuple)):
        if any(isinstance(v, bool) for v in result):
            raise Failure("nms returned a list of booleans (a keep mask); return the indices of the kept "
                          "boxes instead.", received=result, mistake="returns_mask")
        if not all(isinstance(v, int) for v in result):
            kinds = sorted({type(v).__name__ for v in result if not isinstance(v, int)})
            raise Failure(f"nms returned a list holding {', '.join(kinds)} values; the indices must be "
                          "integers (e.g. np.array(keep, dtype=np.int64)).", received=result)
        return np.array(result, dtype=np.int64).reshape(-1)
    if not isinstance(result, np.ndarray):
        raise Failure("nms should return an integer numpy array of indices, but it returned "
                      f"{describe_value(result)}.", received=result)
    if result.dtype == bool:
        raise Failure(f"nms returned a boolean array of shape {result.shape} (a keep mask); return the "
                      "indices of the kept boxes, in decreasing score order, as an integer array.",
                      received=result, mistake="returns_mask")
    if result.dtype.kind not in "iu":
        raise Failure(f"nms returned an array of dtype {result.dtype}; indices must be integers "
                      "(e.g. np.array(keep, dtype=np.int64), which stays an integer array when empty).",
                      received=result)
    if result.ndim != 1:
        raise Failure(f"nms returned an array of shape {result.shape}; expected a 1-D array of indices.",
                      received=result)
    return result.astype(np.int64)


def _call_nms(student, case, valid=False):
    """The kept indices; with ``valid``, also checked to be distinct indices in [0, N)."""
    keep = _indices(student.nms(case.boxes, case.scores, case.iou_threshold), len(case.scores))
    n = len(case.scores)
    if valid and keep.size and (keep.min() < 0 or keep.max() >= n):
        raise Failure(f"nms returned {keep.tolist()}, which holds indices outside [0, {n}) for {n} boxes.",
                      observed=_evidence(keep))
    if valid and len(np.unique(keep)) != len(keep):
        raise Failure(f"nms returned {keep.tolist()}, which repeats an index; each kept box appears once.",
                      observed=_evidence(keep))
    return keep


@nms_ex.property("returns a 1-D integer array (a list of ints is accepted) of distinct indices in "
                 "[0, N); no boxes give an empty integer array", cases=nms_cases(), public=True, weight=1,
                 examples=(NMS_EDGE[1], NMS_EDGE[0]), max_examples=20,
                 hint="Collect the kept indices in a list and return np.array(keep, dtype=np.int64): "
                      "without the dtype an empty result becomes a float array.")
def nms_returns_indices(student, case):
    _call_nms(student, case, valid=True)


def _rank(scores):
    """Position of every box in the visiting order (decreasing score, then increasing index)."""
    order = np.argsort(-np.asarray(scores, dtype=np.float64), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


@nms_ex.property("lists the kept indices by decreasing score, equal scores by increasing index",
                 cases=nms_cases(), public=True, weight=1, examples=(NMS_EDGE[0], NMS_EDGE[4]),
                 max_examples=20,
                 hint="Visit the boxes in np.argsort(-scores, kind='stable') order and append each kept "
                      "box as you go; do not sort the result by index afterwards.")
def nms_score_order(student, case):
    keep = _call_nms(student, case, valid=True)
    r = _rank(case.scores)[keep]
    if np.any(np.diff(r) <= 0):
        k = int(np.argmax(np.diff(r) <= 0))
        i, j = int(keep[k]), int(keep[k + 1])
        si, sj = float(case.scores[i]), float(case.scores[j])
        why = ("a higher score comes first" if si != sj else "equal scores keep the lower index first")
        raise Failure(f"nms returned {keep.tolist()}: box {i} (score {si:.6g}) is listed before box {j} "
                      f"(score {sj:.6g}), but {why}.", observed=_evidence(keep))


@nms_ex.property("does not modify its inputs", cases=nms_cases(max_n=6), public=True, weight=0.5,
                 max_examples=12, standalone=False)
def nms_inputs_unchanged(student, case):
    _, args, _ = student.call("nms", case.boxes, case.scores, case.iou_threshold, echo=True)
    assert_unchanged([case.boxes, case.scores], args[:2], ["boxes", "scores"])


# ------------------------------------------------------------ nms: mistakes recognised by a property

nms_ex.behavioural_mistake(
    "returns_mask", "a keep mask instead of indices",
    "Return the indices of the kept boxes (an integer array in decreasing score order), not a "
    "boolean or 0/1 array over all boxes.")
