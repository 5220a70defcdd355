"""Shared hypothesis strategies, composed from small pieces.

Array contents are built by numpy from a drawn *style* and *seed* rather than
element by element. That keeps generation cheap (hundreds of cases per second),
and shrinking still works: hypothesis shrinks the style towards small integers,
the seed towards 0 and every dimension towards its minimum, so a reported
counterexample is a small array of small, readable numbers when that is enough
to show the mistake.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from hypothesis import strategies as st

#: Value styles, simplest first (hypothesis shrinks towards the first).
STYLES = ("small_int", "normal", "wide", "large", "tiny", "ties")
DTYPES = (np.float64, np.float32)


def build_array(shape, style, seed, dtype=np.float64, low=None, high=None):
    """A deterministic array of ``shape`` in ``style`` from ``seed``."""
    rng = np.random.default_rng(seed)
    shape = tuple(shape)
    if style == "small_int":
        a = rng.integers(-3, 4, size=shape).astype(np.float64)
    elif style == "normal":
        a = rng.standard_normal(shape)
    elif style == "wide":  # magnitudes spread over six decades, both signs
        a = rng.choice([-1.0, 1.0], size=shape) * 10.0 ** rng.uniform(-3, 3, size=shape)
    elif style == "large":
        a = rng.standard_normal(shape) * 1e3
    elif style == "tiny":
        a = rng.standard_normal(shape) * 1e-6
    elif style == "ties":  # few distinct values, so many exact ties
        a = rng.choice([-1.0, 0.0, 0.5, 2.0], size=shape)
    else:
        raise ValueError(style)
    if low is not None or high is not None:
        a = np.clip(a, low, high)
    return a.astype(dtype)


@lru_cache(maxsize=None)
def styles(allowed=STYLES):
    return st.sampled_from(allowed)


@lru_cache(maxsize=None)
def seeds():
    return st.integers(0, 2**32 - 1)


@lru_cache(maxsize=None)
def dtypes(allowed=DTYPES):
    return st.sampled_from(allowed)


@lru_cache(maxsize=None)
def dims(lo=1, hi=5):
    """A dimension size, shrinking towards ``lo``."""
    return st.integers(lo, hi)


@lru_cache(maxsize=4096)  # strategies are immutable: build each one once
@st.composite
def arrays(draw, shape, allowed_styles=STYLES, dtype=None, low=None, high=None):
    """An array of the given (already drawn) shape."""
    dt = draw(dtypes()) if dtype is None else dtype
    return build_array(shape, draw(styles(allowed_styles)), draw(seeds()), dt, low, high)


@lru_cache(maxsize=256)
@st.composite
def boxes(draw, n, allow_degenerate=True, dtype=np.float64):
    """``n`` boxes ``(x1, y1, x2, y2)`` with x1 <= x2, y1 <= y2.

    Coordinates come from a small integer grid often enough to produce boxes
    that touch, coincide, nest or have zero width or height; otherwise they are
    continuous, sometimes at large offsets.
    """
    kind = draw(st.sampled_from(("grid", "continuous", "offset")))
    rng = np.random.default_rng(draw(seeds()))
    if kind == "grid":
        p = rng.integers(0, 5, size=(n, 2)).astype(np.float64)
        wh = rng.integers(0 if allow_degenerate else 1, 4, size=(n, 2)).astype(np.float64)
    else:
        p = rng.uniform(0, 10, size=(n, 2))
        wh = rng.uniform(0, 6, size=(n, 2))
        if allow_degenerate:
            wh[rng.random((n, 2)) < 0.1] = 0.0
        if kind == "offset":
            p = p + rng.choice([-1e4, 1e3, 1e5])
    return np.concatenate([p, p + wh], axis=1).astype(dtype)


class Case(dict):
    """The inputs of one generated test case, shown in reports as a counterexample."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __repr__(self):
        return ", ".join(f"{k}={show(v)}" for k, v in self.items())


def show(v, max_items=30):
    """Readable text for a case's value: full small arrays, a summary of large ones."""
    if isinstance(v, np.ndarray):
        if v.size == 0:
            return f"<empty array of shape {v.shape}, dtype {v.dtype}>"
        if v.size <= max_items:
            body = np.array2string(v, precision=6, separator=", ", threshold=max_items,
                                   max_line_width=100, floatmode="maxprec")
            return f"array({body}, dtype={v.dtype})" if v.dtype != np.float64 else f"array({body})"
        finite = v[np.isfinite(v)] if v.dtype.kind == "f" else v
        rng_txt = f", values in [{finite.min():.4g}, {finite.max():.4g}]" if finite.size else ""
        return f"<array of shape {v.shape}, dtype {v.dtype}{rng_txt}>"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k!r}: {show(x, max_items)}" for k, x in v.items()) + "}"
    if isinstance(v, (list, tuple)) and not isinstance(v, Case):
        inner = ", ".join(show(x, max_items) for x in v)
        return f"[{inner}]" if isinstance(v, list) else f"({inner}{',' if len(v) == 1 else ''})"
    if isinstance(v, float):
        return f"{v:.6g}"
    return repr(v)
