"""Grading one submission: load it, run each exercise's suite in a worker, collect results.

`grade` runs the whole suites (``dlgrade grade``) or, with ``public_only``, the
public checks alone (``dlgrade check``, and the only kind the student release
can run). The worker process is launched first and imports numpy while this
process imports hypothesis and the suites, which keeps a one-exercise check
well under a second.
"""

from __future__ import annotations

import dataclasses
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from . import __version__, catalog
from .isolation import default_launcher
from .isolation.launch import Launcher
from .isolation.worker import Worker
from .results import ERROR, MISSING, NOT_STARTED, Budget, ExerciseResult, GradeResult, PropertyResult


class SubmissionError(Exception):
    """The submission path cannot be graded at all (a usage error)."""


def locate(path) -> Path:
    """Check that ``path`` is a folder of unit modules, a single ``.py`` file or a notebook."""
    p = Path(path)
    if not p.exists():
        raise SubmissionError(f"{path}: no such file or folder")
    if p.is_file() and p.suffix not in (".py", ".ipynb"):
        raise SubmissionError(f"{path}: expected a folder of unit modules, a .py file or a .ipynb notebook")
    return p.resolve()


@contextmanager
def as_module(submission: Path):
    """``submission`` itself, or for a notebook the ``.py`` of its code cells (IPython magics and
    shell escapes commented out), named after the notebook, in a temporary folder removed after."""
    if submission.suffix != ".ipynb" or submission.is_dir():
        yield submission
        return
    from .ipynb import NotebookError, notebook_to_source

    try:
        source = notebook_to_source(submission)
    except NotebookError as exc:
        raise SubmissionError(f"{exc}; expected a Jupyter notebook (.ipynb)") from None
    except OSError as exc:
        raise SubmissionError(f"{submission}: cannot be read ({exc.strerror or exc})") from None
    with tempfile.TemporaryDirectory(prefix="dlgrade-notebook-") as folder:
        module = Path(folder) / f"{submission.stem}.py"
        module.write_text(source, encoding="utf-8")
        yield module


def grade(path, exercise_ids=None, *, launcher: Launcher | None = None, budget=None,
          recording: list | None = None, public_only: bool = False) -> GradeResult:
    """Grade the submission at ``path`` on ``exercise_ids`` (default: the whole catalog).

    ``public_only`` runs only the public properties (`catalog.public_suite`),
    importing nothing hidden. A notebook (``.ipynb``) is graded as the one
    file made of its code cells (`as_module`). ``recording``, if given,
    receives every successful call (for the benchmark).
    """
    notebook = locate(path)
    with as_module(notebook) as submission:
        result = _grade(submission, exercise_ids, launcher, budget, recording, public_only)
        if submission != notebook:  # the temporary folder's name is random: keep it out
            _strip_text(result, str(submission.parent) + os.sep)
    result.submission = str(notebook)
    return result


def _strip_text(obj, prefix):
    """Remove ``prefix`` from every string inside a result (dataclasses, lists, dicts), in place."""
    def clean(v):
        if isinstance(v, str):
            return v.replace(prefix, "")
        if isinstance(v, list):
            return [clean(x) for x in v]
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items()}
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                setattr(v, f.name, clean(getattr(v, f.name)))
        return v

    clean(obj)


def _grade(submission, exercise_ids, launcher, budget, recording, public_only) -> GradeResult:
    ids = list(exercise_ids) if exercise_ids else [e.id for e in catalog.entries()]
    entries = [catalog.entry(i) for i in ids]  # unknown ids fail here, before any work
    started = time.monotonic()
    budget = budget or Budget()
    worker = Worker(submission, call_timeout=budget.call_seconds, launcher=launcher or default_launcher())
    try:
        worker.launch()  # numpy loads in the worker while hypothesis loads here
    except Exception:  # noqa: BLE001 - the first call starts it again and reports the failure
        worker.stop()
    worker.recording = recording
    try:
        # Every public part first, then every hidden part: a worker that has seen hidden
        # inputs never runs a check whose output the student sees (runner._forget_hidden_inputs).
        results = [check_exercise(e, worker, budget, part="public" if public_only else "public_first")
                   for e in entries]
        if not public_only:
            results = [check_exercise(e, worker, _remaining(budget, r), part="hidden", first=r)
                       for e, r in zip(entries, results)]
    finally:
        isolation = getattr(worker, "isolation", worker.launcher.level)
        starts = worker.starts
        worker.stop()
    return GradeResult(submission=str(submission), exercises=results, isolation=isolation,
                       grader_version=__version__, seconds=round(time.monotonic() - started, 3),
                       worker_starts=starts, public_only=public_only)


#: Statuses after the public part that leave nothing for the hidden part to check.
SETTLED = (NOT_STARTED, MISSING, ERROR)


def check_exercise(e: catalog.Entry, worker: Worker, budget: Budget, *, part: str,
                   first: ExerciseResult | None = None) -> ExerciseResult:
    """Run one part of an exercise's suite through ``worker``.

    ``part``: ``public`` (``dlgrade check``: the public suite alone, nothing hidden
    imported), ``public_first`` (the public properties of the full suite, to be
    followed by ``hidden``, which is merged into ``first``). A failure inside the
    grader costs this exercise only: it is reported as an error and the worker is
    replaced.
    """
    from .checking.runner import merge_parts, run_exercise

    if part == "hidden" and (first.status in SETTLED or not first.properties
                             or all(p.outcome == "skipped" for p in first.properties)):
        return first  # nothing was checkable (e.g. an import that hangs): do not try twice
    lookup = catalog.public_suite if part == "public" else catalog.suite
    try:
        ex = lookup(e.id)
        res = run_exercise(ex, worker, points=e.points, title=e.title, budget=budget,
                           part="hidden" if part == "hidden" else "public")
    except Exception as exc:  # noqa: BLE001 - one broken suite must not cost the others
        worker.stop()
        return _internal_error(e, exc, brief=part == "public")
    if part == "hidden":
        return merge_parts(ex, first, res)
    if part == "public" and not res.properties:
        res.properties = _not_run(ex, res)
    return res


def _remaining(budget: Budget, first: ExerciseResult) -> Budget:
    """The exercise's time budget left for its hidden part."""
    return Budget(budget.call_seconds, max(budget.exercise_seconds - first.seconds, 1.0))


def _internal_error(e, exc, brief):
    """The result of an exercise whose checking failed inside the grader."""
    import traceback

    detail = (f"{type(exc).__name__}: {exc}" if brief else traceback.format_exc(limit=3))
    return ExerciseResult(id=e.id, title=e.title, max_score=e.points, status=ERROR, course=e.course,
                          message="internal error in the grader; please report it:\n" + detail)


def _not_run(ex, res: ExerciseResult) -> list:
    """One skipped result per property of an exercise that could not be checked at all.

    A missing or unimportable module still counts its checks as not passed, so
    the fraction of checks passed (``dlgrade check --fail-under``) is honest.
    """
    why = "missing" if res.status == MISSING else res.status
    return [PropertyResult(p.name, p.description, p.public, p.weight, False, outcome="skipped",
                           message=why, hint=p.hint) for p in ex.properties]
