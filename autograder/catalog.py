"""The exercise catalog: ids, points and titles (catalog.toml) and their suites.

The suite of exercise ``unit.function`` is the `Exercise` with that id, defined
with its public properties in ``autograder.public.<unit>`` and completed with
its hidden properties by ``autograder.suites.<unit>``; nothing else needs
registering. `suite` imports both; `public_suite` imports only the public
module (the student release has nothing else). Hypothesis and the suites are
imported only when a suite is asked for, so listing the catalog stays fast.
"""

from __future__ import annotations

import dataclasses
import importlib
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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
def suite(exercise_id: str):
    """The whole suite (an `Exercise`: public and hidden properties) of one catalog entry."""
    e = entry(exercise_id)
    importlib.import_module(f"autograder.suites.{e.unit}")  # adds the hidden part
    return _exercise(e, f"autograder.public.{e.unit}")


@lru_cache(maxsize=None)
def public_suite(exercise_id: str):
    """The public part of one catalog entry's suite, importing nothing hidden.

    A copy of the `Exercise` holding only its public properties and the mistakes
    its properties name (without any ``compute`` function the hidden suite adds),
    so the result is the same whether or not the hidden suite happens to be
    imported in this process.
    """
    from .checking.exercise import Mistake

    ex = _exercise(entry(exercise_id), f"autograder.public.{entry(exercise_id).unit}")
    return dataclasses.replace(
        ex, properties=[p for p in ex.properties if p.public],
        mistakes={k: Mistake(m.id, m.title, m.hint, by_property=True)
                  for k, m in ex.mistakes.items() if m.by_property})


def _exercise(e: Entry, module_name: str):
    from .checking.exercise import Exercise

    module = importlib.import_module(module_name)
    for value in vars(module).values():
        if isinstance(value, Exercise) and value.id == e.id:
            value.course = value.course or e.course
            return value
    raise UnknownExercise(f"{module_name.replace('.', '/')}.py defines no Exercise({e.id!r})")
