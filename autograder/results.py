"""Plain result records passed from checking to scoring to reporting."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

#: Exercise statuses, from best to worst.
PASSED, FAILED, NOT_STARTED, MISSING, ERROR, TIMEOUT, CRASHED = (
    "passed", "failed", "not_started", "missing", "error", "timeout", "crashed")


@dataclass
class Budget:
    """Time limits: per call (enforced by the worker client) and per exercise."""

    call_seconds: float = 10.0
    exercise_seconds: float = 60.0


@dataclass
class PropertyResult:
    name: str
    description: str
    public: bool
    weight: float
    passed: bool
    cases: int = 0
    message: str = ""
    counterexample: str = ""
    hint: str = ""
    mistakes: list = field(default_factory=list)  # ids of named mistakes
    outcome: str = "passed"  # passed | failed | error | timeout | crashed | budget | skipped
    student_output: str = ""
    output_dropped: int = 0
    where: dict | None = None  # the line of the student's code that raised, if any
    error_type: str = ""  # the exception's type name when the student's code raised


@dataclass
class ExerciseResult:
    id: str
    title: str
    max_score: float
    score: float = 0.0
    status: str = FAILED
    message: str = ""
    properties: list = field(default_factory=list)
    mistakes: list = field(default_factory=list)  # [{id, title, hint}]
    seconds: float = 0.0
    cases: int = 0
    course: str = ""


@dataclass
class GradeResult:
    submission: str
    exercises: list
    isolation: str
    grader_version: str
    seconds: float = 0.0
    worker_starts: int = 0
    public_only: bool = False  # only the public properties were run (dlgrade check)

    @property
    def score(self) -> float:
        return round(sum(e.score for e in self.exercises), 2)

    @property
    def max_score(self) -> float:
        return round(sum(e.max_score for e in self.exercises), 2)

    def to_dict(self) -> dict:
        return asdict(self)
