"""pytest plugin: the public checks as test items.

In a folder with ``exercises/<unit>.py`` (the student release), plain
``pytest`` collects one item per exercise and public property, e.g.
``exercises/activations.py::activations.softmax::is_distribution``. Each
exercise is checked once, in an isolated worker shared by the whole session,
exactly as ``dlgrade check`` does; its items then pass, fail with the same
feedback (the property in plain words, hypothesis's shrunk counterexample,
the line of your code that raised, the hint, the named mistake, the course),
or are skipped as "not started" while the function still raises
NotImplementedError.

The student release registers this module through its ``pytest11`` entry
point; elsewhere use ``pytest -p autograder.pytest_plugin``. The folder is
the ini option ``dlgrade_exercises`` (default ``exercises``, relative to the
rootdir). Nothing heavy is imported until an exercise file is collected.
"""

from __future__ import annotations

import pytest

INI_FOLDER = "dlgrade_exercises"


def pytest_addoption(parser):
    parser.addini(INI_FOLDER, "folder of the exercises dlgrade checks, relative to the rootdir",
                  default="exercises")


def pytest_collect_file(file_path, parent):
    if file_path.suffix != ".py":
        return None
    config = parent.config
    folder = (config.rootpath / config.getini(INI_FOLDER)).resolve()
    if file_path.parent.resolve() != folder:
        return None
    from autograder import catalog

    if file_path.stem not in catalog.units():
        return None
    return UnitFile.from_parent(parent, path=file_path)


def pytest_sessionfinish(session):
    checker = session.config.stash.get(_CHECKER, None)
    if checker is not None:
        checker.close()
        del session.config.stash[_CHECKER]


class Checker:
    """Checks exercises of one folder, each once, through one isolated worker."""

    def __init__(self, folder):
        from autograder.isolation import default_launcher
        from autograder.isolation.worker import Worker

        self.worker = Worker(folder, launcher=default_launcher())
        self.reports = {}

    def report(self, exercise_id: str) -> dict:
        """The exercise's part of a ``dlgrade check`` report (`report.build`)."""
        if exercise_id not in self.reports:
            from autograder import __version__, catalog
            from autograder.grade import check_exercise
            from autograder.report import build
            from autograder.results import Budget, GradeResult

            res = check_exercise(catalog.entry(exercise_id), self.worker, Budget(), part="public")
            result = GradeResult(submission=str(self.worker.submission), exercises=[res],
                                 isolation=getattr(self.worker, "isolation", ""), public_only=True,
                                 grader_version=__version__)
            self.reports[exercise_id] = build(result)["exercises"][0]
        return self.reports[exercise_id]

    def close(self):
        self.worker.stop()


_CHECKER = pytest.StashKey[Checker]()


def _checker(config, folder) -> Checker:
    checker = config.stash.get(_CHECKER, None)
    if checker is None:
        checker = config.stash[_CHECKER] = Checker(folder)
    return checker


class UnitFile(pytest.File):
    """``exercises/<unit>.py``: one item per public property of each of its exercises."""

    def collect(self):
        from autograder import catalog

        for entry in catalog.entries():
            if entry.unit != self.path.stem:
                continue
            for prop in catalog.public_suite(entry.id).properties:
                yield PropertyItem.from_parent(self, name=f"{entry.id}::{prop.name}",
                                               exercise_id=entry.id, property_name=prop.name,
                                               description=prop.description)


def _skip(reason):
    """Skip, reported at the exercise file rather than at this plugin (where pytest allows it)."""
    try:
        raise pytest.skip.Exception(reason, _use_item_location=True)
    except TypeError:  # a pytest without the option
        pytest.skip(reason)


class CheckFailed(Exception):
    """A public property does not hold; its text is the feedback."""


class PropertyItem(pytest.Item):
    def __init__(self, *, exercise_id, property_name, description, **kwargs):
        super().__init__(**kwargs)
        self.exercise_id = exercise_id
        self.property_name = property_name
        self.description = description

    def runtest(self):
        from autograder.report.feedback import failure_text

        ex = _checker(self.config, self.path.parent).report(self.exercise_id)
        prop = next((p for p in ex["properties"] if p["name"] == self.property_name), None)
        if prop is not None and prop["passed"]:
            return
        if ex["status"] == "not_started":
            _skip(ex["message"])
        failure = next((f for f in ex["failures"] if f["property"] == self.property_name), None)
        if failure is None or failure["outcome"] == "skipped":  # the exercise could not run at all
            raise CheckFailed(f"{self.exercise_id}: {ex['message'] or ex['status']}")
        raise CheckFailed(failure_text(ex, failure, header=False))

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, CheckFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, _def_line(self.path, self.exercise_id.split(".", 1)[1]), \
            f"{self.exercise_id}: {self.description}"


def _def_line(path, function) -> int:
    """The (0-based) line where ``function`` is defined in ``path``, or 0."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return 0
    return next((i for i, line in enumerate(lines) if line.startswith(f"def {function}(")), 0)
