"""The exercise catalog: ids, points and titles (catalog.toml) and their suites.

The suite of exercise ``unit.function`` is the `Exercise` with that id in
``autograder.suites.<unit>``; nothing else needs registering.
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .checking.exercise import Exercise

CATALOG_FILE = Path(__file__).with_name("catalog.toml")


@dataclass(frozen=True)
class Entry:
    id: str
    points: float
    title: str
    course: str

    @property
    def unit(self) -> str:
        return self.id.split(".", 1)[0]


class UnknownExercise(KeyError):
    pass


@lru_cache(maxsize=None)
def entries() -> tuple:
    data = tomllib.loads(CATALOG_FILE.read_text())
    return tuple(Entry(id=k, points=float(v["points"]), title=v["title"], course=v.get("course", ""))
                 for k, v in data["exercises"].items())


def entry(exercise_id: str) -> Entry:
    for e in entries():
        if e.id == exercise_id:
            return e
    known = ", ".join(e.id for e in entries())
    raise UnknownExercise(f"unknown exercise {exercise_id!r}; known exercises: {known}")


def units() -> list:
    seen = []
    for e in entries():
        if e.unit not in seen:
            seen.append(e.unit)
    return seen


@lru_cache(maxsize=None)
def suite(exercise_id: str) -> Exercise:
    """The hidden suite (an `Exercise`) of one catalog entry."""
    e = entry(exercise_id)
    module = importlib.import_module(f"autograder.suites.{e.unit}")
    for value in vars(module).values():
        if isinstance(value, Exercise) and value.id == exercise_id:
            value.course = value.course or e.course
            return value
    raise UnknownExercise(f"autograder/suites/{e.unit}.py defines no Exercise({exercise_id!r})")
