"""The strict reader refuses anything that is not a well-formed numeric reply."""

import json
import struct

import numpy as np
import pytest

from autograder.isolation import wire


def _frame(header: dict, payload: bytes = b"") -> tuple:
    head = json.dumps(header).encode()
    return wire.PREFIX.pack(wire.MAGIC, len(head), len(payload)), head, payload


def _decode(header, payload=b""):
    prefix, head, payload = _frame(header, payload)
    wire.parse_prefix(prefix)
    return wire.decode_message(head, payload)


def test_round_trip_keeps_values_types_and_handles():
    value = (np.arange(6, dtype=np.float32).reshape(2, 3), [1, 2.5, None, True], {"a": np.int64(3)},
             wire.Handle(7), np.zeros((0, 4)))
    data = wire.encode_frame({"id": 1}, value)
    hlen, plen = wire.parse_prefix(data[:wire.PREFIX.size])
    msg, got = wire.decode_message(data[16:16 + hlen], data[16 + hlen:])
    assert msg["id"] == 1
    assert got[0].dtype == np.float32 and np.array_equal(got[0], value[0])
    assert got[1] == [1, 2.5, None, True] and got[2] == {"a": 3} and got[3] == wire.Handle(7)
    assert got[4].shape == (0, 4)


def test_decoded_arrays_are_fresh_base_class_and_writable():
    data = wire.encode_frame({"id": 1}, np.ones(3))
    _, arr = wire.decode_message(data[16:16 + wire.parse_prefix(data[:16])[0]],
                                 data[16 + wire.parse_prefix(data[:16])[0]:])
    assert type(arr) is np.ndarray and arr.flags.writeable and arr.flags.c_contiguous


@pytest.mark.parametrize("dtype", ["|O", "<U4", "|V8", "<c16", "|S3", "<M8[s]"])
def test_non_numeric_dtypes_are_refused(dtype):
    with pytest.raises(wire.WireError, match="plain numeric"):
        _decode({"value": {"t": "a", "dtype": dtype, "shape": [1], "off": 0, "n": 8}}, b"\0" * 8)


def test_a_shape_claiming_billions_of_elements_is_refused_before_allocation():
    huge = {"t": "a", "dtype": "<f8", "shape": [10**6, 10**6, 10**6], "off": 0, "n": 8}
    with pytest.raises(wire.WireError, match="claims shape"):
        _decode({"value": huge}, b"\0" * 8)


def test_oversized_prefix_is_refused_before_reading_the_body():
    prefix = wire.PREFIX.pack(wire.MAGIC, 10, 1 << 40)
    with pytest.raises(wire.WireError, match="exceeds the limit"):
        wire.parse_prefix(prefix)
    with pytest.raises(wire.WireError, match="magic"):
        wire.parse_prefix(struct.pack("<4sIQ", b"NOPE", 1, 1))


@pytest.mark.parametrize("node", [
    {"t": "a", "dtype": "<f8", "shape": [2], "off": 8, "n": 16},  # past the payload
    {"t": "a", "dtype": "<f8", "shape": [-1], "off": 0, "n": 8},
    {"t": "a", "dtype": "<f8", "shape": "2", "off": 0, "n": 16},
    {"t": "i", "v": 2**70},
    {"t": "i", "v": 1.5},
    {"t": "f", "v": "1e999x"},
    {"t": "zz"},
    {"t": "d", "items": [[1, {"t": "n"}]]},
    "not a node",
])
def test_malformed_nodes_are_refused(node):
    with pytest.raises(wire.WireError):
        _decode({"value": node}, b"\0" * 16)


def test_nesting_and_item_count_are_bounded():
    node = {"t": "n"}
    for _ in range(20):
        node = {"t": "l", "items": [node]}
    with pytest.raises(wire.WireError, match="deeply"):
        _decode({"value": node})
    many = {"t": "l", "items": [{"t": "n"}] * 10000}
    with pytest.raises(wire.WireError, match="too many"):
        _decode({"value": many})


def test_nan_constants_in_json_are_refused():
    head = b'{"id": NaN}'
    with pytest.raises(wire.WireError):
        wire.decode_message(head, b"")


def test_encoder_describes_what_it_cannot_send():
    data = wire.encode_frame({"id": 1}, (np.array([object()]), (x for x in []), np.zeros(3)))
    hlen, _ = wire.parse_prefix(data[:16])
    _, got = wire.decode_message(data[16:16 + hlen], data[16 + hlen:])
    assert isinstance(got[0], wire.Unsupported) and "object" in got[0].description
    assert isinstance(got[1], wire.Unsupported) and "generator" in got[1].description


def test_encoder_refuses_zero_stride_arrays_claiming_huge_sizes():
    lying = np.lib.stride_tricks.as_strided(np.zeros(1), shape=(10**6, 10**6), strides=(0, 0))
    data = wire.encode_frame({"id": 1}, lying, max_payload=1 << 20)
    hlen, _ = wire.parse_prefix(data[:16])
    _, got = wire.decode_message(data[16:16 + hlen], data[16 + hlen:])
    assert isinstance(got, wire.Unsupported) and "too large" in got.description
