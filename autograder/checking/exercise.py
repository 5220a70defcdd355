"""What an exercise's hidden suite is made of: properties and known mistakes.

A suite module (``autograder/suites/<unit>.py``) creates one `Exercise` per
graded function and registers properties on it with the `Exercise.property`
decorator. A property is a check function ``check(student, case)`` plus a
hypothesis strategy that generates ``case`` values; the check calls the
student's code through ``student`` (which runs it in the worker) and raises
`Failure` when the property does not hold.

Public properties use no reference implementation and reveal nothing hidden,
so students may run them on their own machines. Hidden ones may use anything.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from hypothesis.strategies import SearchStrategy

from .compare import close


@dataclass
class Mistake:
    """A known mistake: a name, what it is, how to fix it, and what it computes.

    Each function in ``computes`` returns what an implementation with this
    mistake returns on a case, in the same form as the exercise's reference
    result (a mistake can be written several ways that differ numerically);
    when one agrees with the student's result on a failing case, the report
    names the mistake. Mistakes detected by a property rather than by value
    (modifying the inputs, for instance) have no computes and are named by the
    property.
    """

    id: str
    title: str
    hint: str
    computes: list = field(default_factory=list)  # one function per way of making the mistake
    by_property: bool = False  # declared with behavioural_mistake: a property names it (public)


@dataclass
class Property:
    name: str
    description: str
    check: Callable
    cases: SearchStrategy
    public: bool
    weight: float = 1.0
    examples: tuple = ()
    max_examples: int = 100
    hint: str = ""
    mistake: str | None = None
    # False for hygiene properties (inputs left unchanged, ...): their points count only
    # when some standalone property passes, so a function returning garbage earns nothing.
    standalone: bool = True


@dataclass
class Exercise:
    """One graded function (``id`` is ``unit.function``) and its suite."""

    id: str
    requires: tuple = ()
    course: str = ""
    properties: list = field(default_factory=list)
    mistakes: dict = field(default_factory=dict)
    # The right result of a case, in the form mistakes compute; set by the hidden suite
    # (the public one must not know it) so that harmless mistakes are never named.
    reference: Callable | None = None

    def __post_init__(self):
        self.unit, self.function = self.id.split(".", 1)
        if not self.requires:
            self.requires = (self.function,)

    def property(self, description, *, cases, public, weight=1.0, examples=(), max_examples=100,
                 hint="", mistake=None, standalone=True):
        """Register the decorated ``check(student, case)`` as a property."""

        def register(check):
            self.properties.append(Property(
                name=check.__name__, description=description, check=check, cases=cases,
                public=public, weight=weight, examples=tuple(examples), max_examples=max_examples,
                hint=hint, mistake=mistake, standalone=standalone))
            return check

        return register

    def mistake(self, id, title, hint):
        """Register the decorated ``compute(case)`` as (one way of making) a known mistake."""

        def register(compute):
            self.mistakes.setdefault(id, Mistake(id, title, hint)).computes.append(compute)
            return compute

        return register

    def behavioural_mistake(self, id, title, hint):
        """A mistake recognised by a property (``mistake=id``) instead of by value."""
        self.mistakes[id] = Mistake(id, title, hint, by_property=True)

    def diagnose(self, case, observed) -> list:
        """The ids of the known mistakes whose result on ``case`` equals ``observed``."""
        found = []
        if observed is None or _empty(observed):
            return found  # an empty result agrees with every mistake: it proves nothing
        right = None
        if self.reference is not None:
            try:
                right = self.reference(case)
            except Exception:  # noqa: BLE001 - no reference result: judge without it
                right = None
        for m in self.mistakes.values():
            for compute in m.computes:
                try:  # mistakes overflow and divide by zero on purpose: keep the grader's output quiet
                    with np.errstate(all="ignore"), warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        wrong = compute(case)
                except Exception:  # noqa: BLE001 - a mistake may not apply to this case
                    continue
                # A mistake that is harmless on this case cannot be recognised from it.
                if right is not None and close(wrong, right, nan_equal=True):
                    continue
                if close(observed, wrong, nan_equal=True):
                    found.append(m.id)
                    break
        return found


def _empty(value) -> bool:
    """True when a result holds no numbers at all (every array in it is empty)."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return all(_empty(v) for v in value)
    return getattr(value, "size", 1) == 0
