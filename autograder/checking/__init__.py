"""Layer 3 of the grader: checking properties of a submission's functions.

Suite modules import what they need from here.
"""

from . import strategies
from .checks import assert_draws_from_rng, assert_unchanged, directional_check, dot
from .compare import (RTOL, Failure, as_float, as_float_array, assert_close, close, describe_value,
                      unpack)
from .exercise import Exercise, Mistake, Property
from .strategies import Case

__all__ = ["strategies", "assert_draws_from_rng", "assert_unchanged", "directional_check", "dot", "RTOL", "Failure", "as_float",
           "as_float_array", "assert_close", "close", "describe_value", "unpack", "Exercise",
           "Mistake", "Property", "Case"]
