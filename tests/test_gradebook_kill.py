"""SIGKILL a batch at random moments and run it again: the gradebook must equal an
uninterrupted run's (apart from timings), with nothing lost and nothing graded twice."""

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest

from autograder.classroom.fingerprint import suite_version
from autograder.classroom.gradebook import TIMING_COLUMNS
from benchmarks.batch import make_class
from conftest import ROOT

SOFTMAX = "activations.softmax"
SEED = int(os.environ.get("DLGRADE_KILL_SEED", "20240917"))
THREAD = re.compile(r"thread 0x[0-9a-f]+", re.IGNORECASE)
TABLES = ("submissions", "exercise_results", "property_results", "mistakes", "unrecognised")

# Runs the batch command; with KILL_IN_RECORD=k it SIGKILLs itself inside the transaction
# that records the k-th graded submission (after its row is written, before the commit).
RUNNER = """
import os, signal, sys
from autograder.classroom import gradebook
from autograder.cli import main
if os.environ.get("KILL_IN_RECORD"):
    target, seen, original = int(os.environ["KILL_IN_RECORD"]), [0], gradebook.Gradebook._record_exercise
    def dying(self, submission, ex):
        seen[0] += 1
        if seen[0] == target:
            with open(os.environ["KILL_NOTE"], "w") as f:
                f.write(submission)
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, submission, ex)
    gradebook.Gradebook._record_exercise = dying
sys.exit(main(sys.argv[1:]))
"""


def _snapshot(path):
    """Every table except runs, without timing columns, reports without their timings."""
    db = sqlite3.connect(path)
    snap = {}
    for table in TABLES:
        cur = db.execute(f"SELECT * FROM {table}")
        names = [c[0] for c in cur.description]
        rows = []
        for values in cur:
            row = {n: v for n, v in zip(names, values) if n not in TIMING_COLUMNS}
            if row.get("report"):
                report = json.loads(row["report"])
                report.pop("seconds")
                for ex in report["exercises"]:
                    ex.pop("seconds")
                    for f in ex["failures"]:  # a crash dump names the thread by its address
                        f["student_output"] = THREAD.sub("thread 0x...", f["student_output"])
                row["report"] = report
            rows.append(json.dumps(row, sort_keys=True))
        snap[table] = sorted(rows)
    db.close()
    return snap


def _recorded(path) -> int:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return db.execute("SELECT count(*) FROM submissions").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


class Course:
    def __init__(self, tmp_path):
        self.folder = tmp_path / "class"
        self.made = make_class(self.folder, 7, [SOFTMAX], seed=SEED % 1000,
                               mix={"correct": 0.25, "crashing": 0.2}, formats=("py", "folder", "zip"))
        (self.folder / "killer.py").write_text(  # a submission that kills its grader process
            "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n")
        (self.folder / "broken.zip").write_bytes(b"PK\x03\x04 not a zip")
        (self.folder / "readme.txt").write_text("not a submission")
        self.tmp = tmp_path

    def start(self, gradebook, **env):
        """Start a batch; its processes carry a mark (grader processes) or its own staging
        folder (workers), so that the test can tell whether any outlive it. Plain workers:
        the sandbox names the uid of the slot that graded in the isolation column (which
        differs from run to run), and cannot be reached by the submission that kills its
        grader process."""
        mark = uuid.uuid4().hex
        staging = self.tmp / f"staging-{mark}"
        staging.mkdir()
        environment = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(staging),
                           DLGRADE_TEST_MARK=mark, **env)
        proc = subprocess.Popen(
            [sys.executable, "-c", RUNNER, "batch", str(self.folder), "--gradebook", str(gradebook),
             "-e", SOFTMAX, "--workers", "2", "--timeout", "60", "--no-sandbox"],
            env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        proc.mark, proc.staging = mark, staging
        return proc

    @staticmethod
    def leftovers(proc):
        """Processes of the batch ``proc`` still alive: grader processes or workers."""
        alive = []
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/environ", "rb") as f:
                    env = f.read()
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read()
            except OSError:
                continue
            if proc.mark.encode() in env or str(proc.staging).encode() in cmd:
                alive.append(int(pid))
        return alive

    def assert_nothing_left_running(self, proc):
        deadline = time.monotonic() + 10
        while self.leftovers(proc) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not self.leftovers(proc), "a killed batch left grader processes or workers running"


def _kill(proc):
    proc.send_signal(signal.SIGKILL)
    proc.communicate()


def test_sigkill_at_random_moments_then_rerun_equals_an_uninterrupted_run(tmp_path):
    rng = random.Random(SEED)
    suites_before = suite_version.__wrapped__()
    course = Course(tmp_path)
    expected = {s for s in course.made} | {"killer", "broken"}
    reference_book = tmp_path / "reference.sqlite"
    reference = course.start(reference_book)  # runs alongside the interrupted ones

    book = tmp_path / "interrupted.sqlite"
    moments = []
    # 1. at a random moment of the start-up (before or while the gradebook is created)
    proc = course.start(book)
    time.sleep(rng.uniform(0.05, 1.0))
    _kill(proc)
    moments.append(f"start-up, {_recorded(book)} recorded")
    course.assert_nothing_left_running(proc)
    # 2. and 4. after k more submissions are recorded; 3. inside the transaction of a record
    for step in ("after", "mid-write", "after"):
        before = _recorded(book)
        if step == "mid-write":
            note = tmp_path / "killed_in.txt"
            proc = course.start(book, KILL_IN_RECORD=str(rng.randint(1, 2)), KILL_NOTE=str(note))
            proc.communicate(timeout=120)
            assert proc.returncode == -signal.SIGKILL
            half_written = note.read_text()
            assert half_written not in {r[0] for r in sqlite3.connect(book).execute(
                "SELECT submission FROM submissions")}, "a half-written record survived"
        else:
            k = min(before + rng.randint(1, 2), len(expected) - 1)
            proc = course.start(book)
            deadline = time.monotonic() + 120
            while _recorded(book) < k and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.01)
            _kill(proc)
        moments.append(f"{step}, {before} -> {_recorded(book)} recorded")
        course.assert_nothing_left_running(proc)
    assert _recorded(book) < len(expected), f"the batch was never interrupted: {moments}"

    final = course.start(book)
    out, _ = final.communicate(timeout=180)
    assert final.returncode == 0, out
    out_reference, _ = reference.communicate(timeout=180)
    assert reference.returncode == 0, out_reference

    got, want = _snapshot(book), _snapshot(reference_book)
    for snap in (got, want):  # nothing lost
        assert sorted(json.loads(r)["submission"] for r in snap["submissions"]) == sorted(expected)
    if suite_version.__wrapped__() != suites_before:  # only where the suites are being edited
        pytest.skip("the suites changed while the test ran, so the runs regraded with different suites")
    assert all(json.loads(r)["grade_count"] == 1 for r in got["submissions"])  # nothing graded twice
    for table in TABLES:
        assert got[table] == want[table], f"{table} differs after kills at: {moments}"
    statuses = {json.loads(r)["submission"]: json.loads(r)["status"] for r in got["submissions"]}
    assert statuses["killer"] == "crashed" and statuses["broken"] == "unreadable"
    assert "graded" in statuses.values()
    runs = sqlite3.connect(book).execute("SELECT count(*), count(finished_at) FROM runs").fetchone()
    assert runs[1] == 1 and runs[0] >= 4  # every interrupted run is visible, only the last finished
