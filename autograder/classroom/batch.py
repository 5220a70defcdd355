"""Grading a whole class: find the submissions, grade the new ones in parallel, record each.

The batch process discovers the submissions, hashes each one and skips those the
gradebook already holds for the same files, grader, suite and exercises. The rest
go to a `GraderPool` of ``workers`` grader processes: each grades one submission
at a time, staged in a private folder, with `autograder.grade.grade` and its own
worker process, under a wall-time limit. Only this process writes the gradebook,
one transaction per finished submission, so killing the batch at any moment and
running it again loses nothing and grades nothing twice.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__, catalog
from ..checking.runner import Budget
from ..isolation import default_launcher
from ..isolation.launch import Launcher
from .discover import Submission, discover
from .fingerprint import content_hash, suite_version
from .gradebook import DEFAULT_NAME, Entry, Gradebook
from .pool import GraderPool, die_with_parent
from .progress import make_progress
from .stage import StageError, stage


@dataclass
class Summary:
    gradebook: Path
    found: int
    skipped: int
    counts: dict  # status -> number recorded in this run
    seconds: float
    unrecognised: list
    peak_rss_kb: dict = field(default_factory=dict)  # slot -> (grader process, worker) peaks

    @property
    def recorded(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class LaunchersPerSlot:
    """The default ``launcher_factory``: `dlgrade grade`'s launcher (the sandbox, with its
    ``require`` and ``sandbox`` switches) for each grader slot, so each slot has its own uid."""

    sandbox: bool = True
    require: bool = False

    def __call__(self, slot: int) -> Launcher:
        return default_launcher(slot=slot + 1, sandbox=self.sandbox, require=self.require)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_batch(folder, gradebook=DEFAULT_NAME, *, exercises=None, workers=None, timeout=600.0,
              budget: Budget | None = None, force=False, launcher_factory=None,
              progress=None, dask=None) -> Summary:
    """Grade every submission in ``folder`` that ``gradebook`` does not hold up to date.

    ``launcher_factory(slot)`` makes the `Launcher` of grader process ``slot`` (0 ..
    workers-1; a replaced grader process keeps its slot); it must be picklable (a
    module-level function or class). Default: `LaunchersPerSlot()`, the sandbox with a
    user id per slot.
    ``progress(total)`` makes the progress display (default: `make_progress`).
    ``dask``: the address of a Dask scheduler (or a ``distributed.Client``) whose workers
    grade instead of local grader processes (`dask_backend.DaskPool`; ``workers`` is then
    the cluster's thread count).
    """
    started = time.monotonic()
    folder = Path(folder).resolve()
    ids = _exercise_ids(exercises)
    suite = suite_version()
    max_score = sum(catalog.entry(i).points for i in ids)
    book_path = Path(gradebook).resolve()
    found = discover(folder, ignore=[Path(f"{book_path}{s}") for s in ("", "-wal", "-shm", "-journal")])
    counts = collections.Counter()
    launchers = launcher_factory or LaunchersPerSlot()
    if dask:
        from .dask_backend import DaskPool

        pool = DaskPool(dask, (ids, budget or Budget(), launchers), timeout)
        workers = pool.workers
    else:
        workers = workers or default_workers()
        pool = GraderPool(workers, _grader, (ids, budget or Budget(), launchers), timeout)
    with Gradebook(book_path) as book:
        run_id = book.start_run(folder, workers, ids, __version__, suite)
        book.set_unrecognised(found.unrecognised)
        todo, problems, skipped = [], [], 0
        for sub in found.submissions:
            digest = content_hash(sub.paths)
            if not force and book.is_current(sub.key, digest, __version__, suite, ids):
                skipped += 1
            elif sub.problem:
                problems.append((sub, digest))
            else:
                todo.append(((sub, digest), sub))
        display = (progress or make_progress)(len(todo) + len(problems))
        for u in found.unrecognised:
            display.log(f"not understood: {u.path}: {u.reason}")
        if skipped:
            display.log(f"{skipped} submission(s) already graded with this suite and unchanged: "
                        "not graded again (--force regrades them)")

        def record(sub: Submission, digest, status, message="", report=None, seconds=None):
            e = Entry(submission=sub.key, student=sub.student, assignment=sub.assignment,
                      path="\n".join(str(p) for p in sub.paths), layout=sub.layout, meta=sub.meta,
                      content_hash=digest, grader_version=__version__, suite_version=suite,
                      exercises=ids, status=status, message=message,
                      score=report["score"] if report else 0.0,
                      max_score=report["max_score"] if report else max_score,
                      isolation=report["isolation"] if report else "", report=report, seconds=seconds)
            book.record(e, run_id)
            counts[status] += 1
            display.advance(e)

        try:
            for sub, digest in problems:
                record(sub, digest, sub.problem, sub.message)
            for done in pool.run(todo):
                record(*done.task, *_outcome(done), seconds=done.seconds)
        finally:
            display.close()
        book.finish_run(run_id, dict(counts, skipped=skipped))
    return Summary(book_path, len(found.submissions), skipped, dict(counts),
                   round(time.monotonic() - started, 3), found.unrecognised, dict(pool.peak_rss_kb))


def _outcome(done) -> tuple:
    """(status, message, report) of a task the pool finished."""
    if done.kind == "done":
        return done.value["status"], done.value["message"], done.value["report"]
    if done.kind == "error":
        return "error", "internal error in the grader; please report it:\n" + done.value, None
    return done.kind, done.value, None  # timeout or crashed


def _exercise_ids(exercises) -> list:
    """The selected exercise ids in catalog order (all by default); unknown ids raise."""
    if not exercises:
        return [e.id for e in catalog.entries()]
    for i in exercises:
        catalog.entry(i)
    return [e.id for e in catalog.entries() if e.id in set(exercises)]


# ---------------------------------------------------------------- in a grader process

def _grader(slot, exercises, budget, launcher_factory):
    """Set up grader process ``slot``: its launcher, the suites imported; returns the task handler."""
    launcher = launcher_factory(slot)
    for i in exercises:
        catalog.suite(i)  # imported now, not on the clock of the first submission
    return functools.partial(grade_submission, exercises=exercises,
                             launcher=WithParent(launcher), budget=budget)


def grade_submission(sub: Submission, *, exercises, launcher=None, budget=None) -> dict:
    """Stage and grade one submission: {"status", "message", "report" (instructor view or None)}."""
    from ..grade import grade
    from ..report import build

    with tempfile.TemporaryDirectory(prefix="dlgrade-", ignore_cleanup_errors=True) as tmp:
        os.chmod(tmp, 0o755)  # readable by a sandboxed worker running as another user
        try:
            target = stage(sub.files, Path(tmp), sub.single_file)
        except StageError as exc:
            return {"status": exc.status, "message": str(exc), "report": None}
        report = build(grade(target, exercises, launcher=launcher, budget=budget), "instructor")
        report["submission"] = "\n".join(str(p) for p in sub.paths)
        # the staging folder's name is random: keep it out of the report
        text = json.dumps(report).replace(tmp + os.sep, "").replace(tmp, ".")
        return {"status": "graded", "message": "", "report": json.loads(text)}


class WithParent(Launcher):
    """Another launcher's workers, made to die with the grader process that started them."""

    def __init__(self, inner: Launcher):
        self.inner = inner
        self.level = inner.level

    def prepare(self, worker_script, submission, fd_in, fd_out):
        spec = self.inner.prepare(worker_script, submission, fd_in, fd_out)
        before = spec.preexec_fn

        def preexec():
            if before is not None:
                before()
            die_with_parent()  # after the inner launcher's: a change of user id clears it

        spec.preexec_fn = preexec
        return spec
