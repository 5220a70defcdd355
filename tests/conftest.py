"""Shared fixtures: paths of the repository and a grading helper."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = ROOT / "tests" / "submissions"


@pytest.fixture(scope="session")
def root():
    return ROOT


#: The exercises of the small class that exports, reports and the Dask backend are tested on.
CLASS_EXERCISES = ["activations.softmax", "layers.dense_forward", "layers.dense_backward"]  # catalog order
CLASS_TIMEOUT = 5  # seconds per submission, for the one that sleeps at import


@pytest.fixture(scope="session")
def graded_class(tmp_path_factory):
    """A small generated class graded by a local batch with plain worker processes:
    correct, buggy and crashing submissions in every format, a Canvas download, one that
    kills its grader process, one that sleeps past the time limit, a corrupt zip and a
    stray file. Returns its folder, gradebook, exercises and run summary."""
    import io
    from types import SimpleNamespace

    from autograder.classroom.batch import LaunchersPerSlot, run_batch
    from autograder.classroom.progress import PlainProgress
    from benchmarks.batch import make_class

    tmp = tmp_path_factory.mktemp("graded_class")
    folder = tmp / "class"
    made = make_class(folder, 6, CLASS_EXERCISES, seed=11, mix={"correct": 0.34, "crashing": 0.17},
                      formats=("py", "folder", "zip", "ipynb"))
    solution = "\n\n".join((ROOT / "solutions" / f"{u}.py").read_text() for u in ("layers", "activations"))
    (folder / "smithjane_LATE_4321_98765_homework.py").write_text(solution)
    (folder / "killer.py").write_text("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n")
    (folder / "sleeper.py").write_text("import time\ntime.sleep(600)\n")
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
    (folder / "notes.txt").write_text("not a submission")
    book = tmp / "local.sqlite"
    summary = run_batch(folder, book, exercises=CLASS_EXERCISES, workers=2, timeout=CLASS_TIMEOUT,
                        launcher_factory=LaunchersPerSlot(sandbox=False),
                        progress=lambda total: PlainProgress(total, io.StringIO()))
    return SimpleNamespace(folder=folder, book=book, exercises=CLASS_EXERCISES, summary=summary,
                           made=made, timeout=CLASS_TIMEOUT)
