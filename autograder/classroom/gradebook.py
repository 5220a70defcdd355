"""The gradebook: one SQLite file (WAL mode) holding every submission's grade.

Only the process that runs a batch writes it, one transaction per submission, so
a batch killed at any moment leaves every finished submission recorded in full
and nothing half-written. Exports and reports read it through the same class
(``Gradebook(path, readonly=True)``) or with any SQLite client.

Tables (``PRAGMA user_version`` is the schema version):

- ``submissions``: one row per submission (key ``submission``: the student, or
  ``student/assignment`` in the nbgrader layout): who, where, ``content_hash``,
  ``grader_version``, ``suite_version``, the graded ``exercises`` (JSON list),
  ``status`` (`STATUSES`), ``message``, ``score``/``max_score``, ``isolation``,
  ``report`` (the instructor-view JSON report, or NULL when nothing was graded),
  ``grade_count`` (how many times a grade was recorded for it) and the timing
  columns ``seconds``, ``graded_at``, ``run_id``.
- ``exercise_results``, ``property_results``, ``mistakes``: the report flattened
  for queries, keyed by submission (and exercise, property, mistake).
- ``unrecognised``: what the last run found in the folder but did not understand.
- ``runs``: one row per `dlgrade batch` run, with its options and counts.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

SCHEMA_VERSION = 1
DEFAULT_NAME = "gradebook.sqlite"

#: Submission statuses: graded, or why not.
STATUSES = ("graded", "timeout", "crashed", "error", "unreadable", "no_modules", "duplicate")
#: Columns that change from one run to the next without the grade changing.
TIMING_COLUMNS = ("seconds", "graded_at", "run_id")

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, folder TEXT NOT NULL,
    workers INTEGER NOT NULL, exercises TEXT NOT NULL, grader_version TEXT NOT NULL,
    suite_version TEXT NOT NULL, counts TEXT);
CREATE TABLE IF NOT EXISTS submissions (
    submission TEXT PRIMARY KEY, student TEXT NOT NULL, assignment TEXT NOT NULL,
    path TEXT NOT NULL, layout TEXT NOT NULL, meta TEXT NOT NULL, content_hash TEXT NOT NULL,
    grader_version TEXT NOT NULL, suite_version TEXT NOT NULL, exercises TEXT NOT NULL,
    status TEXT NOT NULL, message TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL,
    isolation TEXT NOT NULL, report TEXT, grade_count INTEGER NOT NULL,
    seconds REAL, graded_at TEXT, run_id INTEGER REFERENCES runs(id));
CREATE TABLE IF NOT EXISTS exercise_results (
    submission TEXT NOT NULL REFERENCES submissions(submission), exercise TEXT NOT NULL,
    status TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL, message TEXT NOT NULL,
    cases INTEGER NOT NULL, seconds REAL, PRIMARY KEY (submission, exercise));
CREATE TABLE IF NOT EXISTS property_results (
    submission TEXT NOT NULL REFERENCES submissions(submission), exercise TEXT NOT NULL,
    property TEXT NOT NULL, visibility TEXT NOT NULL, weight REAL NOT NULL, passed INTEGER NOT NULL,
    outcome TEXT NOT NULL, cases INTEGER NOT NULL, message TEXT NOT NULL, mistakes TEXT NOT NULL,
    PRIMARY KEY (submission, exercise, property));
CREATE TABLE IF NOT EXISTS mistakes (
    submission TEXT NOT NULL REFERENCES submissions(submission), exercise TEXT NOT NULL,
    mistake TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (submission, exercise, mistake));
CREATE TABLE IF NOT EXISTS unrecognised (path TEXT PRIMARY KEY, reason TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS exercise_results_by_exercise ON exercise_results (exercise, status);
CREATE INDEX IF NOT EXISTS property_results_by_property ON property_results (exercise, property);
CREATE INDEX IF NOT EXISTS mistakes_by_mistake ON mistakes (exercise, mistake);
"""


@dataclass
class Entry:
    """What the gradebook records for one submission."""

    submission: str
    student: str
    assignment: str
    path: str
    layout: str
    content_hash: str
    grader_version: str
    suite_version: str
    exercises: list
    status: str
    message: str = ""
    score: float = 0.0
    max_score: float = 0.0
    isolation: str = ""
    report: dict | None = None
    seconds: float | None = None
    meta: dict = field(default_factory=dict)


class GradebookError(Exception):
    pass


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


class Gradebook:
    def __init__(self, path=DEFAULT_NAME, *, readonly: bool = False):
        self.path = Path(path)
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=FULL")  # a finished grade survives a power cut
                self._create()
        except sqlite3.DatabaseError as exc:
            raise GradebookError(f"{self.path}: not a usable gradebook ({exc})") from None
        self.db.row_factory = sqlite3.Row

    def _create(self):
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            raise GradebookError(f"{self.path}: gradebook schema {version}, this dlgrade reads "
                                 f"{SCHEMA_VERSION}")
        with self._transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _transaction(self):
        return _Transaction(self.db)

    def close(self):
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ writing (the batch process only)

    def start_run(self, folder, workers, exercises, grader_version, suite_version) -> int:
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO runs (started_at, folder, workers, exercises, grader_version, suite_version)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (_now(), str(folder), workers, json.dumps(exercises), grader_version, suite_version))
        return cur.lastrowid

    def finish_run(self, run_id, counts: dict):
        with self._transaction():
            self.db.execute("UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
                            (_now(), json.dumps(counts, sort_keys=True), run_id))

    def set_unrecognised(self, items):
        """Replace the list of what the folder held but dlgrade did not understand."""
        with self._transaction():
            self.db.execute("DELETE FROM unrecognised")
            self.db.executemany("INSERT OR REPLACE INTO unrecognised VALUES (?, ?)",
                                [(u.path, u.reason) for u in items])

    def is_current(self, submission, content_hash, grader_version, suite_version, exercises) -> bool:
        """True when the recorded grade is for these files, this grader and suite, these exercises."""
        row = self.db.execute(
            "SELECT 1 FROM submissions WHERE submission = ? AND content_hash = ? AND grader_version = ?"
            " AND suite_version = ? AND exercises = ?",
            (submission, content_hash, grader_version, suite_version, json.dumps(exercises))).fetchone()
        return row is not None

    def record(self, entry: Entry, run_id: int | None = None):
        """Write one submission's grade (replacing any earlier one) in one transaction."""
        e = entry
        with self._transaction():
            old = self.db.execute("SELECT grade_count FROM submissions WHERE submission = ?",
                                  (e.submission,)).fetchone()
            for table in ("exercise_results", "property_results", "mistakes"):
                self.db.execute(f"DELETE FROM {table} WHERE submission = ?", (e.submission,))
            self.db.execute(
                "INSERT OR REPLACE INTO submissions (submission, student, assignment, path, layout, meta,"
                " content_hash, grader_version, suite_version, exercises, status, message, score,"
                " max_score, isolation, report, grade_count, seconds, graded_at, run_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (e.submission, e.student, e.assignment, e.path, e.layout,
                 json.dumps(e.meta, sort_keys=True), e.content_hash, e.grader_version,
                 e.suite_version, json.dumps(e.exercises), e.status, e.message, e.score,
                 e.max_score, e.isolation, None if e.report is None else json.dumps(e.report),
                 (old[0] if old else 0) + 1, e.seconds, _now(), run_id))
            for ex in (e.report or {}).get("exercises", []):
                self._record_exercise(e.submission, ex)

    def _record_exercise(self, submission, ex):
        self.db.execute("INSERT INTO exercise_results VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (submission, ex["id"], ex["status"], ex["score"], ex["max_score"],
                         ex["message"], ex["cases"], ex["seconds"]))
        failures = {f["property"]: f for f in ex["failures"]}
        for p in ex["properties"]:
            f = failures.get(p["name"], {})
            self.db.execute("INSERT OR REPLACE INTO property_results VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (submission, ex["id"], p["name"], p["visibility"], p["weight"],
                             int(p["passed"]), p["outcome"], p["cases"], f.get("message", ""),
                             json.dumps(f.get("mistakes", []))))
        for m in ex["mistakes"]:
            self.db.execute("INSERT OR REPLACE INTO mistakes VALUES (?, ?, ?, ?)",
                            (submission, ex["id"], m["id"], m.get("title", "")))

    # ------------------------------------------------------------ reading

    def query(self, sql, params=()) -> list:
        """Rows of any read-only query, as dicts."""
        return [dict(r) for r in self.db.execute(sql, params)]

    def submissions(self, status: str | None = None) -> list:
        """Every submission row (without the report), sorted by key; JSON columns decoded."""
        where, params = ("WHERE status = ?", (status,)) if status else ("", ())
        rows = self.query(f"SELECT * FROM submissions {where} ORDER BY submission", params)
        for r in rows:
            del r["report"]
            r["meta"], r["exercises"] = json.loads(r["meta"]), json.loads(r["exercises"])
        return rows

    def report(self, submission) -> dict | None:
        """The instructor-view JSON report of one submission (None if nothing was graded)."""
        row = self.db.execute("SELECT report FROM submissions WHERE submission = ?",
                              (submission,)).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def exercise_results(self) -> list:
        return self.query("SELECT * FROM exercise_results ORDER BY submission, exercise")

    def property_results(self) -> list:
        return self.query("SELECT * FROM property_results ORDER BY submission, exercise, property")

    def mistakes(self) -> list:
        return self.query("SELECT * FROM mistakes ORDER BY submission, exercise, mistake")

    def unrecognised(self) -> list:
        return self.query("SELECT * FROM unrecognised ORDER BY path")

    def runs(self) -> list:
        return self.query("SELECT * FROM runs ORDER BY id")


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""

    def __init__(self, db):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type, *_):
        self.db.execute("COMMIT" if exc_type is None else "ROLLBACK")
