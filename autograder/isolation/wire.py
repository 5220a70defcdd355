"""The wire format between the grader and a worker process.

This module is self-contained (standard library and numpy only) because it is
also imported inside the worker, where nothing else of dlgrade exists.

A frame is::

    b"DLG1" | header length (u32, little endian) | payload length (u64) | header | payload

The header is UTF-8 JSON describing a value tree; arrays are described by
dtype, shape, offset and byte count, and their bytes live in the payload.
Nothing in the format can carry code: there is no pickle anywhere.

`decode_frame` is the strict reader the grader uses on everything a worker
sends: lengths are checked against limits before any buffer is allocated,
only plain numeric dtypes are accepted, the byte count of every array must
equal the product of its shape and item size, and every array is rebuilt as a
fresh, base-class, C-contiguous ndarray owned by the grader.
"""

from __future__ import annotations

import json
import math
import struct

MAGIC = b"DLG1"
PREFIX = struct.Struct("<4sIQ")

#: dtypes allowed on the wire, by their numpy ``str``.
ALLOWED_DTYPES = frozenset(
    ["|b1", "|i1", "|u1", "<i2", "<u2", "<i4", "<u4", "<i8", "<u8", "<f2", "<f4", "<f8"]
)


class _LazyNumpy:
    """numpy, imported on first use: the grader can start a worker before paying for numpy.

    The first attribute access replaces this placeholder by the numpy module itself.
    """

    def __getattr__(self, name):
        import numpy

        globals()["np"] = numpy
        return getattr(numpy, name)


np = _LazyNumpy()


class WireError(Exception):
    """A frame broke the format or a limit; the peer is not to be trusted."""


class Limits:
    """Upper bounds the strict reader enforces before allocating anything."""

    def __init__(self, header_bytes=1 << 20, payload_bytes=1 << 28, depth=8, items=4096, ndim=8):
        self.header_bytes = header_bytes
        self.payload_bytes = payload_bytes
        self.depth = depth
        self.items = items
        self.ndim = ndim


DEFAULT_LIMITS = Limits()


class Handle:
    """Refers to an object (a student's cache) kept inside the worker."""

    __slots__ = ("id",)

    def __init__(self, id):
        self.id = int(id)

    def __repr__(self):
        return f"<cache kept in the worker #{self.id}>"

    def __eq__(self, other):
        return isinstance(other, Handle) and other.id == self.id

    def __hash__(self):
        return hash(("handle", self.id))


class Unsupported:
    """A returned value the wire cannot carry, described in words for the report."""

    __slots__ = ("description",)

    def __init__(self, description):
        self.description = str(description)[:200]

    def __repr__(self):
        return f"<unsupported value: {self.description}>"


# ---------------------------------------------------------------- encoding


class _Encoder:
    def __init__(self, max_payload, depth=8):
        self.chunks = []
        self.size = 0
        self.max_payload = max_payload
        self.depth = depth
        self.nodes = 0

    def array(self, arr):
        arr = np.asarray(arr)
        if type(arr) is not np.ndarray:
            arr = arr.view(np.ndarray)
        dt = arr.dtype
        if dt.kind not in "biuf" or dt.str.replace(">", "<") not in ALLOWED_DTYPES:
            return {"t": "u", "type": f"array of dtype {dt}"}
        claimed = int(arr.size) * dt.itemsize
        if self.size + claimed > self.max_payload:
            return {"t": "u", "type": f"array too large to send (shape {arr.shape})"}
        data = np.ascontiguousarray(arr, dtype=dt.newbyteorder("<") if dt.itemsize > 1 else dt).tobytes()
        node = {"t": "a", "dtype": np.dtype(dt).newbyteorder("<").str if dt.itemsize > 1 else dt.str,
                "shape": [int(s) for s in arr.shape], "off": self.size, "n": len(data)}
        self.chunks.append(data)
        self.size += len(data)
        return node

    def value(self, v, depth=0):
        self.nodes += 1
        if depth >= self.depth:  # the node itself sits at the deepest level a reader accepts
            return {"t": "u", "type": "value nested too deeply"}
        if v is None:
            return {"t": "n"}
        if isinstance(v, Unsupported):
            return {"t": "u", "type": v.description}
        if isinstance(v, Handle):
            return {"t": "h", "v": v.id}
        if isinstance(v, (bool, np.bool_)):
            return {"t": "b", "v": bool(v)}
        if isinstance(v, (int, np.integer)):
            iv = int(v)
            if -(1 << 63) <= iv < (1 << 64):
                return {"t": "i", "v": iv}
            return {"t": "u", "type": "integer out of 64-bit range"}
        if isinstance(v, (float, np.floating)):
            fv = float(v)
            return {"t": "f", "v": fv if math.isfinite(fv) else repr(fv)}
        if isinstance(v, np.ndarray):
            return self.array(v)
        if isinstance(v, str):
            return {"t": "s", "v": v[:4000]}
        if isinstance(v, tuple):
            return {"t": "T", "items": [self.value(x, depth + 1) for x in v[:4096]]}
        if isinstance(v, list):
            return {"t": "l", "items": [self.value(x, depth + 1) for x in v[:4096]]}
        if isinstance(v, dict):
            items = []
            for k, x in list(v.items())[:4096]:
                if not isinstance(k, str):
                    return {"t": "u", "type": "dict with non-string keys"}
                items.append([k, self.value(x, depth + 1)])
            return {"t": "d", "items": items}
        return {"t": "u", "type": type(v).__name__}


def count_parts(v, limit, depth=0) -> int:
    """How many value nodes encoding ``v`` takes (counting stops soon after ``limit``)."""
    n = 1
    if depth >= 8 or isinstance(v, (str, bytes, np.ndarray)):
        return n
    if isinstance(v, (list, tuple)):
        children = v[:4096]
    elif isinstance(v, dict):
        children = list(v.values())[:4096]
    else:
        return n
    for x in children:
        n += count_parts(x, limit - n, depth + 1)
        if n > limit:
            break
    return n


def encode_frame(header: dict, value=None, max_payload=1 << 28, limits: Limits | None = None) -> bytes:
    """Encode a message: ``header`` (JSON-able) plus an optional value tree.

    With ``limits`` (those of the reader), a value nested deeper or made of more
    parts than the reader accepts is sent as one unsupported value that says so,
    rather than as a frame the reader must reject as broken.
    """
    enc = _Encoder(max_payload, limits.depth if limits else 8)
    msg = dict(header)
    if value is not None or "value" in header:
        msg["value"] = enc.value(value)
        if limits is not None and enc.nodes > limits.items:
            msg["value"] = {"t": "u", "type": f"a value made of more than {limits.items} parts"}
            enc.chunks, enc.size = [], 0
    head = json.dumps(msg, allow_nan=False).encode()
    payload = b"".join(enc.chunks)
    return PREFIX.pack(MAGIC, len(head), len(payload)) + head + payload


# ---------------------------------------------------------------- decoding


def parse_prefix(prefix: bytes, limits: Limits = DEFAULT_LIMITS):
    """Validate the 16-byte prefix and return (header length, payload length)."""
    if len(prefix) != PREFIX.size:
        raise WireError("truncated frame prefix")
    magic, hlen, plen = PREFIX.unpack(prefix)
    if magic != MAGIC:
        raise WireError("bad frame magic")
    if hlen > limits.header_bytes:
        raise WireError(f"header of {hlen} bytes exceeds the limit of {limits.header_bytes}")
    if plen > limits.payload_bytes:
        raise WireError(f"payload of {plen} bytes exceeds the limit of {limits.payload_bytes}")
    return hlen, plen


def _reject_constant(name):
    raise WireError(f"non-standard JSON constant {name}")


def decode_message(head: bytes, payload: bytes, limits: Limits = DEFAULT_LIMITS):
    """Decode header and payload into ``(header dict, value)`` strictly."""
    try:
        msg = json.loads(head.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        raise WireError(f"unreadable header: {exc}") from None
    if not isinstance(msg, dict):
        raise WireError("header is not an object")
    budget = [limits.items]
    value = _decode_node(msg.pop("value"), payload, limits, 0, budget) if "value" in msg else None
    return msg, value


def _decode_node(node, payload, limits, depth, budget):
    if depth > limits.depth:
        raise WireError("value nested too deeply")
    budget[0] -= 1
    if budget[0] < 0:
        raise WireError("too many values in one message")
    if not isinstance(node, dict) or not isinstance(node.get("t"), str):
        raise WireError("malformed value node")
    t = node["t"]
    if t == "n":
        return None
    if t == "b":
        return _typed(node.get("v"), bool)
    if t == "i":
        v = node.get("v")
        if type(v) is not int or not -(1 << 63) <= v < (1 << 64):
            raise WireError("malformed integer")
        return v
    if t == "f":
        v = node.get("v")
        if type(v) in (int, float):
            return float(v)
        if v in ("nan", "inf", "-inf"):
            return float(v)
        raise WireError("malformed float")
    if t == "s":
        return _typed(node.get("v"), str)[:4000]
    if t == "h":
        return Handle(_typed(node.get("v"), int))
    if t == "u":
        return Unsupported(_typed(node.get("type"), str))
    if t in ("T", "l"):
        items = node.get("items")
        if not isinstance(items, list):
            raise WireError("malformed sequence")
        out = [_decode_node(x, payload, limits, depth + 1, budget) for x in items]
        return tuple(out) if t == "T" else out
    if t == "d":
        items = node.get("items")
        if not isinstance(items, list):
            raise WireError("malformed dict")
        out = {}
        for pair in items:
            if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
                raise WireError("malformed dict entry")
            out[pair[0]] = _decode_node(pair[1], payload, limits, depth + 1, budget)
        return out
    if t == "a":
        return _decode_array(node, payload, limits)
    raise WireError(f"unknown value kind {t!r}")


def _typed(v, kind):
    if type(v) is not kind:
        raise WireError(f"expected {kind.__name__} in value node")
    return v


def _decode_array(node, payload, limits):
    dtype_str, shape, off, n = node.get("dtype"), node.get("shape"), node.get("off"), node.get("n")
    if dtype_str not in ALLOWED_DTYPES:
        raise WireError(f"dtype {dtype_str!r} is not a plain numeric dtype")
    if not isinstance(shape, list) or len(shape) > limits.ndim:
        raise WireError("malformed shape")
    count = 1
    for s in shape:
        if type(s) is not int or s < 0:
            raise WireError("malformed shape")
        count *= s  # python ints: no overflow
    dtype = np.dtype(dtype_str)
    if type(off) is not int or type(n) is not int or off < 0 or n < 0:
        raise WireError("malformed array extent")
    if count * dtype.itemsize != n:
        raise WireError(f"array claims shape {tuple(shape)} but carries {n} bytes")
    if off + n > len(payload):
        raise WireError("array extends past the payload")
    # frombuffer views the payload; copy() gives a fresh, writable, grader-owned array.
    return np.frombuffer(payload, dtype=dtype, count=count, offset=off).reshape(shape).copy()
