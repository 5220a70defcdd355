"""Running an exercise's properties with hypothesis, deterministically.

Each property gets its own hypothesis search with settings fixed here and a
seed derived from the exercise and property names: no example database, no
deadline, no health checks, nothing read from the environment. So the same
submission always meets the same cases and gets the same report.

Hypothesis (6.131 and later) also draws, now and then, constants it finds in
the source of the "local" modules loaded in the process; which those are
depends on what happens to be imported (the hidden suites and references when
grading, nothing in the student release, where dlgrade lives in
site-packages). `_without_local_constants` turns that off, so a property meets
the same cases in ``dlgrade grade``, ``dlgrade check`` and the student release.
"""

from __future__ import annotations

import os
import time
import zlib
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, Phase, Verbosity, example, given, seed, settings
from hypothesis import configuration as _hypothesis_configuration

from ..isolation.worker import StudentError, Worker, WorkerLost
from ..results import (CRASHED, ERROR, FAILED, MISSING, NOT_STARTED, PASSED, TIMEOUT, Budget,
                       ExerciseResult, PropertyResult)
from .compare import Failure
from .exercise import Exercise


class NotStarted(BaseException):
    """A function raised NotImplementedError on its very first call: it is still a stub."""

    def __init__(self, function: str):
        super().__init__(function)
        self.function = function


class OutOfTime(BaseException):
    """The exercise used up its time budget."""


class Student:
    """The submission as the properties see it: calls go to the worker."""

    def __init__(self, worker: Worker, unit: str, deadline: float):
        self._worker = worker
        self._unit = unit
        self._deadline = deadline
        self.calls = 0
        self._called = set()

    def call(self, name, *args, keep=(), echo=False, on=None, keep_whole=False, **kwargs):
        """Call the student's ``name`` in the worker (``on``: a method of a kept object).

        ``keep`` lists result positions to leave in the worker (caches), ``keep_whole`` leaves
        the whole result there (an object whose methods are called later); both come back as
        handles.
        """
        if time.monotonic() > self._deadline:
            raise OutOfTime()
        first = name not in self._called
        self._called.add(name)
        self.calls += 1
        try:
            return self._worker.call(self._unit, name, args, kwargs, keep, echo, on=on,
                                     keep_whole=keep_whole)
        except StudentError as exc:
            if first and exc.type == "NotImplementedError":
                raise NotStarted(name) from None
            raise

    def probe(self, name, *args, **kwargs):
        """Build one of the worker's probe objects (isolation/probes.py); returns its handle,
        which may be passed to student functions in place of the object."""
        if time.monotonic() > self._deadline:
            raise OutOfTime()
        return self._worker.call("@probe", name, args, kwargs, keep_whole=True)

    def method(self, obj, name, *args, echo=False, keep_whole=False, **kwargs):
        """Call method ``name`` of a kept object (a handle from ``call(..., keep_whole=True)``)."""
        return self.call(name, *args, echo=echo, on=obj, keep_whole=keep_whole, **kwargs)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args, **kwargs: self.call(name, *args, **kwargs)


def _without_local_constants():
    """Make hypothesis ignore the constants of whatever local modules are loaded (see above)."""
    try:
        from hypothesis.internal.conjecture import providers
    except ImportError:  # pragma: no cover - a hypothesis without the feature
        return
    if not hasattr(providers, "_get_local_constants"):
        return
    empty = providers.Constants()
    providers._get_local_constants = lambda: empty
    cache = getattr(providers, "CONSTANTS_CACHE", None)
    if cache is not None and hasattr(cache, "cache"):
        cache.cache.clear()


_without_local_constants()


def property_seed(exercise_id: str, prop_name: str) -> int:
    return zlib.crc32(f"{exercise_id}:{prop_name}".encode())


def fixed_settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples, database=None, deadline=None, derandomize=False,
        suppress_health_check=list(HealthCheck), report_multiple_bugs=False, print_blob=False,
        phases=(Phase.explicit, Phase.generate, Phase.shrink), verbosity=Verbosity.quiet,
        stateful_step_count=10,
    )


#: Where hypothesis's storage points while properties run: a path that can be neither read
#: nor created on any POSIX system (a directory inside the file /dev/null).
_NO_STORAGE = Path(os.devnull) / "dlgrade-no-hypothesis-storage"


@contextmanager
def _no_hypothesis_storage():
    """Keep hypothesis away from ``.hypothesis/`` in the working directory.

    Hypothesis keeps its storage there: the example database (off here) and the
    cache of local constants (``.hypothesis/constants/``, which it reads back; off
    too, through `_without_local_constants`, but that relies on a private API).
    The working directory may be a student's submission folder: a planted cache
    entry would steer the generated inputs, and a planted fifo or link to /dev/zero
    would hang the grader; nor should grading write into it. So while properties
    run the storage points at a path that cannot exist, and whatever hypothesis
    would read or write there fails quietly.
    """
    previous = vars(_hypothesis_configuration).get("__hypothesis_home_directory")
    _hypothesis_configuration.set_hypothesis_home_dir(_NO_STORAGE)
    try:
        yield
    finally:
        _hypothesis_configuration.set_hypothesis_home_dir(previous)


def run_property(ex: Exercise, prop, student: Student) -> PropertyResult:
    result = PropertyResult(name=prop.name, description=prop.description, public=prop.public,
                            weight=prop.weight, passed=False, hint=prop.hint)
    state = {"case": None, "count": 0}

    def test(case):
        state["case"] = case
        state["count"] += 1
        prop.check(student, case)

    wrapped = given(prop.cases)(test)
    for case in reversed(prop.examples):
        wrapped = example(case)(wrapped)
    wrapped = seed(property_seed(ex.id, prop.name))(fixed_settings(prop.max_examples)(wrapped))
    try:
        with _no_hypothesis_storage():
            wrapped()
        result.passed, result.outcome = True, "passed"
    except Failure as f:
        result.outcome = "failed"
        result.message = f.message
        result.mistakes = ([f.mistake] if f.mistake else []) + [
            m for m in ex.diagnose(state["case"], f.observed) if m != f.mistake]
        if prop.mistake and prop.mistake not in result.mistakes:
            result.mistakes.insert(0, prop.mistake)
    except StudentError as e:
        result.outcome = "error"
        result.message = (f"your function returned the wrong kind of value: {e.message}"
                          if e.type == "ReturnValueError" else f"your function raised {e.summary()}")
        result.where = e.where
        result.error_type = e.type
    except WorkerLost as lost:
        result.outcome = TIMEOUT if lost.kind == "timeout" else CRASHED
        result.message = ("your code did not finish in time: " if lost.kind == "timeout"
                          else "the process running your code died: ") + lost.detail
    except OutOfTime:
        result.outcome = "budget"
        result.message = "not finished: the exercise's time budget ran out"
    except Exception as exc:  # noqa: BLE001 - a bug in a check must not end the grading
        result.outcome = "failed"
        result.message = f"the result could not be checked ({type(exc).__name__}: {exc})"
    result.cases = state["count"]
    if not result.passed and state["case"] is not None:
        result.counterexample = repr(state["case"])
    return result


PARTS = {"all": lambda p: True, "public": lambda p: p.public, "hidden": lambda p: not p.public}


def run_exercise(ex: Exercise, worker: Worker, *, points: float, title: str,
                 budget: Budget = Budget(), part: str = "all") -> ExerciseResult:
    """Check the properties of ``ex`` (all, or only its public or hidden ones) on ``worker``'s submission."""
    started = time.monotonic()
    res = ExerciseResult(id=ex.id, title=title, max_score=points, course=ex.course)
    properties = [p for p in ex.properties if PARTS[part](p)]
    if part != "hidden":
        _forget_hidden_inputs(worker)
    try:
        defined = _load(worker, ex)
    except StudentError as e:
        res.status, res.message = ERROR, f"your module could not be imported: {e.summary()}"
        if e.type in ("LookupError",):
            res.status, res.message = MISSING, e.message
        return _finish(res, started, worker)
    except WorkerLost as lost:
        res.status = TIMEOUT if lost.kind == "timeout" else CRASHED
        res.message = f"importing your module failed: {lost.detail}"
        return _finish(res, started, worker)
    missing = [n for n in ex.requires if n not in defined]
    if missing:
        res.status = MISSING
        res.message = "the submission does not define " + ", ".join(missing)
        return _finish(res, started, worker)

    deadline = started + budget.exercise_seconds
    student = Student(worker, ex.unit, deadline)
    for prop in properties:
        if prop.public:
            _forget_hidden_inputs(worker)
        try:
            pr = run_property(ex, prop, student)
        except NotStarted as stub:
            _note_hidden_inputs(worker, prop)
            res.status = NOT_STARTED
            res.message = (f"not started: {stub.function} still raises NotImplementedError"
                           + ("" if stub.function == ex.function
                              else f" (this exercise needs it to check {ex.function})"))
            res.properties = [PropertyResult(p.name, p.description, p.public, p.weight, False,
                                             outcome="skipped", message="not started", hint=p.hint)
                              for p in properties]
            return _finish(res, started, worker)
        _note_hidden_inputs(worker, prop)
        if worker.alive:  # a lost worker is replaced lazily by the next call
            try:
                worker.drop_caches()
            except WorkerLost:  # e.g. the student's code garbled the reply channel meanwhile
                pass
        out = worker.take_output()  # what was printed until the caches were dropped
        pr.student_output, pr.output_dropped = out.text, out.dropped
        res.properties.append(pr)
    if part != "hidden":
        _forget_hidden_inputs(worker)
    _score(ex, res)
    return _finish(res, started, worker)


def merge_parts(ex: Exercise, public: ExerciseResult, hidden: ExerciseResult) -> ExerciseResult:
    """One exercise's result from its public part and its hidden part, graded separately."""
    public.properties = public.properties + hidden.properties
    public.seconds = round(public.seconds + hidden.seconds, 3)
    if hidden.status in (TIMEOUT, CRASHED, ERROR) and not hidden.properties:
        public.message = public.message or hidden.message
    _score(ex, public)
    if not hidden.properties and hidden.status in (TIMEOUT, CRASHED, ERROR):
        public.status = hidden.status  # the hidden part could not even import the module
    return public


def _load(worker: Worker, ex: Exercise):
    """Import the exercise's module; returns the required names it defines.

    A worker that already served other exercises may have been broken by them (the
    student's code can patch the worker itself): if it fails here, the import is
    tried once more in a fresh worker, so one exercise's damage costs only itself.
    """
    served = getattr(worker, "_served_proc", None) is worker.proc and worker.proc is not None
    try:
        defined = worker.load(ex.unit, ex.requires)
    except WorkerLost:
        if not served:
            raise
        worker.take_output()
        defined = worker.load(ex.unit, ex.requires)
    worker._served_proc = worker.proc
    return defined


def _note_hidden_inputs(worker: Worker, prop):
    if not prop.public:
        worker._hidden_inputs_in = worker.proc  # the process that ran it (None if it was lost)


def _forget_hidden_inputs(worker: Worker):
    """End a worker process that has run a hidden property; the next call starts a fresh one.

    The student's code may have kept the hidden inputs (in memory, in its private
    /tmp, in a thread that prints them later). What a public property prints or
    raises, and what an import prints or raises, reaches the student's report, so
    those run in a process that never saw a hidden input. Output still buffered
    from the old process belongs to the hidden property and is dropped. `grade`
    runs every exercise's public part first and all the hidden parts after, so this
    costs one extra worker start per submission rather than one per exercise.
    """
    if worker.proc is not None and getattr(worker, "_hidden_inputs_in", None) is worker.proc:
        worker.stop()
        worker.take_output()


def _score(ex: Exercise, res: ExerciseResult):
    total = sum(p.weight for p in res.properties)
    standalone = {p.name for p in ex.properties if p.standalone}
    earns = any(p.passed and p.name in standalone for p in res.properties)
    passed = sum(p.weight for p in res.properties if p.passed and (earns or p.name in standalone))
    res.score = round(res.max_score * passed / total, 2) if total else 0.0
    if passed == total:
        res.score = res.max_score  # no rounding loss on a full pass
    outcomes = {p.outcome for p in res.properties}
    res.status = (PASSED if passed == total else CRASHED if CRASHED in outcomes
                  else TIMEOUT if TIMEOUT in outcomes else FAILED)
    named = []
    for p in res.properties:
        for m in p.mistakes:
            if m not in named:
                named.append(m)
    res.mistakes = [{"id": m, "title": ex.mistakes[m].title, "hint": ex.mistakes[m].hint}
                    for m in named if m in ex.mistakes]
    res.cases = sum(p.cases for p in res.properties)


def _finish(res, started, worker):
    res.seconds = round(time.monotonic() - started, 3)
    if res.status in (ERROR, MISSING, TIMEOUT, CRASHED) and not res.properties:
        res.score = 0.0
    return res
