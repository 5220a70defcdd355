"""Grading one submission: load it, run each exercise's suite in a worker, collect results."""

from __future__ import annotations

import time
import traceback
from pathlib import Path

from . import __version__, catalog
from .checking.runner import Budget, run_exercise
from .isolation import default_launcher
from .isolation.launch import Launcher
from .isolation.worker import Worker
from .results import ERROR, ExerciseResult, GradeResult


class SubmissionError(Exception):
    """The submission path cannot be graded at all (a usage error)."""


def locate(path) -> Path:
    """Check that ``path`` is a folder of unit modules or a single ``.py`` file."""
    p = Path(path)
    if not p.exists():
        raise SubmissionError(f"{path}: no such file or folder")
    if p.is_file() and p.suffix != ".py":
        raise SubmissionError(f"{path}: expected a folder of unit modules or a .py file")
    return p.resolve()


def grade(path, exercise_ids=None, *, launcher: Launcher | None = None,
          budget: Budget | None = None, recording: list | None = None) -> GradeResult:
    """Grade the submission at ``path`` on ``exercise_ids`` (default: the whole catalog).

    ``recording``, if given, receives every successful call (for the benchmark).
    """
    submission = locate(path)
    budget = budget or Budget()
    ids = list(exercise_ids) if exercise_ids else [e.id for e in catalog.entries()]
    entries = [catalog.entry(i) for i in ids]  # unknown ids fail here, before any work
    started = time.monotonic()
    worker = Worker(submission, call_timeout=budget.call_seconds, launcher=launcher or default_launcher())
    worker.recording = recording
    results = []
    try:
        for e in entries:
            try:
                results.append(run_exercise(catalog.suite(e.id), worker, points=e.points,
                                            title=e.title, budget=budget))
            except Exception:  # noqa: BLE001 - one broken suite must not cost the others
                results.append(ExerciseResult(
                    id=e.id, title=e.title, max_score=e.points, status=ERROR,
                    message="internal error in the grader; please report it:\n"
                    + traceback.format_exc(limit=3)))
                worker.stop()
    finally:
        isolation = getattr(worker, "isolation", worker.launcher.level)
        starts = worker.starts
        worker.stop()
    return GradeResult(submission=str(submission), exercises=results, isolation=isolation,
                       grader_version=__version__, seconds=round(time.monotonic() - started, 3),
                       worker_starts=starts)
