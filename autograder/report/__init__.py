"""Layer 5 of the grader: rendering results for people and machines.

Every format renders the same data, built by `view.build` for one audience.
"""

from .formats import FORMATS, render
from .view import SCHEMA, VISIBILITIES, build

__all__ = ["FORMATS", "render", "SCHEMA", "VISIBILITIES", "build"]
