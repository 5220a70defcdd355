"""Comparing a student's result with what it should be, and saying how it differs.

Tolerance (one rule for every exercise, documented in docs/scoring.md):

    |received - expected| <= RTOL * (|expected| + scale)

``scale`` is the size of the quantities the result is computed from (for a
dense layer, ``|x| @ |W|.T + |b|``; by default the largest ``|expected|``), so
that rounding in a sum of large terms that cancel is not mistaken for an error.
``RTOL = 2e-4`` admits a careful float32 computation (float32 has about seven
significant digits, and the sums here have at most a few hundred terms), while
every mistake in the catalogs changes results by far more on the generated
inputs. Results must be float32 or float64 arrays: float16, integer and object
results are refused, whatever their values.
"""

from __future__ import annotations

import numpy as np

from ..isolation.wire import Handle, Unsupported

RTOL = 2e-4
FLOAT_DTYPES = (np.float32, np.float64)


class Failure(AssertionError):
    """A property does not hold; carries what the report shows about it.

    ``observed`` is the student's result in the same form as the reference's,
    so the exercise's catalog of known mistakes can be compared with it.
    """

    def __init__(self, message, *, expected=None, received=None, observed=None, mistake=None):
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.received = received
        self.observed = observed
        self.mistake = mistake


def describe_value(v) -> str:
    """Short, plain description of a returned value (for type errors)."""
    if isinstance(v, np.ndarray):
        return f"an array of shape {v.shape} and dtype {v.dtype}"
    if isinstance(v, Unsupported):
        return f"a value dlgrade cannot read ({v.description})"
    if isinstance(v, Handle):
        return "an object that is not a number or an array"
    if isinstance(v, tuple):
        return f"a tuple of {len(v)} values"
    if isinstance(v, list):
        return f"a list of {len(v)} values"
    if isinstance(v, dict):
        return f"a dict with keys {sorted(v)[:12]}"
    if v is None:
        return "None"
    return f"a {type(v).__name__} ({v!r})"


def as_float_array(v, name="the result", shape=None) -> np.ndarray:
    """Check that ``v`` is a float32/float64 array (of ``shape``) and return it."""
    if not isinstance(v, np.ndarray):
        raise Failure(f"{name} should be a numpy array of floats, but it is {describe_value(v)}.",
                      received=v)
    if v.dtype.type not in FLOAT_DTYPES:
        raise Failure(f"{name} has dtype {v.dtype}; return float32 or float64 values.", received=v)
    if shape is not None and tuple(v.shape) != tuple(shape):
        raise Failure(f"{name} has shape {tuple(v.shape)}, expected {tuple(shape)}.", received=v)
    return v


def as_float(v, name="the result") -> float:
    """Check that ``v`` is a single real number (Python float or 0-d array)."""
    if isinstance(v, bool) or not isinstance(v, (float, int, np.ndarray)):
        raise Failure(f"{name} should be a single number (a float), but it is {describe_value(v)}.",
                      received=v)
    if isinstance(v, np.ndarray):
        if v.shape != () or v.dtype.type not in FLOAT_DTYPES:
            raise Failure(f"{name} should be a single number (a float), but it is {describe_value(v)}; "
                          "return a Python float or a 0-d float array.", received=v)
        v = float(v)
    return float(v)


def unpack(v, n, name="your function"):
    """Check that ``v`` is a tuple (or list) of ``n`` values and return it."""
    if not isinstance(v, (tuple, list)) or len(v) != n:
        raise Failure(f"{name} should return a tuple of {n} values, but it returned {describe_value(v)}.",
                      received=v)
    return tuple(v)


def mismatch(received, expected, scale=None, nan_equal=False):
    """None when ``received`` matches ``expected`` within tolerance, else a description dict.

    ``nan_equal`` makes NaN match NaN: right when comparing with what a known
    mistake computes, never when checking a result.
    """
    received = np.asarray(received, dtype=np.float64)
    expected = np.asarray(expected, dtype=np.float64)
    if received.shape != expected.shape:
        return {"shape": (received.shape, expected.shape)}
    if expected.size == 0:
        return None
    if scale is None:
        finite = np.abs(expected[np.isfinite(expected)])
        scale = finite.max() if finite.size else 0.0
    with np.errstate(invalid="ignore", over="ignore"):  # inf + (-inf) in a scale: no bound there
        bound = RTOL * (np.abs(expected) + scale)
        err = np.abs(received - expected)
        same_special = (received == expected) & np.isinf(expected)
        if nan_equal:
            same_special |= np.isnan(received) & np.isnan(expected)
        bad = ~(((err <= bound) & np.isfinite(expected)) | same_special)
    if not bad.any():
        return None
    with np.errstate(invalid="ignore", over="ignore", divide="ignore"):
        # relative to non-zero expected values only (next to a 0 it means nothing)
        rel = np.where(expected != 0, err / np.abs(expected), np.nan)
    idx = tuple(int(i) for i in np.argwhere(bad)[0])
    finite_err = err[np.isfinite(err)]
    return {
        "count": int(bad.sum()), "size": int(bad.size), "index": idx,
        "received_at": float(received[idx]) if received.ndim else float(received),
        "expected_at": float(expected[idx]) if expected.ndim else float(expected),
        "max_abs": float(finite_err.max()) if finite_err.size else float("nan"),
        "max_rel": float(np.nanmax(np.where(np.isfinite(rel), rel, np.nan)))
        if np.isfinite(rel).any() else float("nan"),
        "nonfinite": int((~np.isfinite(received)).sum()),
    }


def close(received, expected, scale=None, nan_equal=False) -> bool:
    """True when two results (arrays, numbers, tuples or dicts of them) agree."""
    if isinstance(expected, dict):
        return (isinstance(received, dict) and set(received) == set(expected)
                and all(close(received[k], expected[k], _pick(scale, k), nan_equal) for k in expected))
    if isinstance(expected, (tuple, list)):
        return (isinstance(received, (tuple, list)) and len(received) == len(expected)
                and all(close(r, e, _pick(scale, i), nan_equal)
                        for i, (r, e) in enumerate(zip(received, expected))))
    if not isinstance(received, (np.ndarray, float, int)) or isinstance(received, bool):
        return False
    return mismatch(received, expected, scale, nan_equal) is None


def _pick(scale, key):
    if isinstance(scale, (dict, tuple, list)):
        return scale[key]
    return scale


def assert_close(received, expected, *, name="the result", scale=None, observed=None):
    """Fail with a precise message unless ``received`` matches ``expected``."""
    m = mismatch(received, expected, scale)
    if m is None:
        return
    obs = received if observed is None else observed
    if "shape" in m:
        got, want = m["shape"]
        raise Failure(f"{name} has shape {got}, expected {want}.", expected=expected,
                      received=received, observed=obs)
    where = f"[{', '.join(map(str, m['index']))}]" if m["index"] else ""
    text = (f"{name}: {m['count']} of {m['size']} values differ from the expected ones; "
            f"the first at index {where or '()'}: got {m['received_at']:.6g}, expected {m['expected_at']:.6g} "
            f"(max abs error {m['max_abs']:.3g}"
            + (f", max rel error {m['max_rel']:.3g}" if np.isfinite(m["max_rel"]) else ""))
    text += f", {m['nonfinite']} non-finite values)." if m["nonfinite"] else ")."
    raise Failure(text, expected=expected, received=received, observed=obs)


def f64(a) -> np.ndarray:
    """``a`` as a float64 array (for computing expectations from a case's inputs)."""
    return np.asarray(a, dtype=np.float64)


def float_array(v, name, observed, shape=None) -> np.ndarray:
    """`as_float_array` with an optional shape check, whose failure carries ``observed`` (the
    result in the form the mistake catalog compares) so that the report can name a mistake."""
    try:
        out = as_float_array(v, name)
    except Failure as f:
        f.observed = observed
        raise
    if shape is not None and tuple(out.shape) != tuple(shape):
        raise Failure(f"{name} has shape {tuple(out.shape)}, expected {tuple(shape)}.",
                      received=out, observed=observed)
    return out
