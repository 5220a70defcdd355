"""`dlgrade export`: the gradebook's grades in the formats courses already use.

- ``csv``: ``grades.csv``, one row per submission (per student; per student and
  assignment in the nbgrader layout): the student, the status, a column per exercise
  (its score), the total, the maximum and why a submission was not graded;
- ``gradescope``: ``gradescope/<student>/results.json``, Gradescope's format as
  ``dlgrade grade --format gradescope`` writes it, in the student view;
- ``canvas``: ``canvas.csv``, Canvas's grade import (columns ``Student``, ``ID``,
  ``SIS User ID``, ``SIS Login ID``, ``Section``, then ``<assignment> (<id>)``
  holding the total, with a ``Points Possible`` row);
- ``nbgrader``: ``nbgrader.csv``, the columns of ``nbgrader export``.

Every submission of the gradebook is exported: those not graded (timed out, crashed,
unreadable, ...) with 0 points, and their status where the format has room for it.
"""

from __future__ import annotations

import copy
import csv
import json
import re
from pathlib import Path

from .. import catalog
from ..report.formats import render_gradescope
from ..report.view import WITHHELD
from .gradebook import Gradebook

FORMATS = ("csv", "gradescope", "canvas", "nbgrader")
CANVAS_COLUMNS = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
NBGRADER_COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name",
                    "email", "raw_score", "late_submission_penalty", "score", "max_score"]


class ExportError(Exception):
    pass


def export(gradebook, to, formats=FORMATS, *, assignment="dlgrade", assignment_id=None) -> list:
    """Write ``formats`` of ``gradebook`` into the folder ``to``; returns the paths written.

    ``assignment``: the LMS assignment name of submissions that have none (all but the
    nbgrader layout's); ``assignment_id``: its Canvas id, if it exists in Canvas already.
    """
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ExportError(f"unknown export format {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    if not Path(gradebook).is_file():
        raise ExportError(f"{gradebook}: no such gradebook")
    to = Path(to)
    to.mkdir(parents=True, exist_ok=True)
    with Gradebook(gradebook, readonly=True) as book:
        rows = book.submissions()
        for r in rows:
            r["assignment"] = r["assignment"] or assignment
        written = []
        if "csv" in formats:
            written.append(write_csv(book, rows, to / "grades.csv"))
        if "gradescope" in formats:
            written += write_gradescope(book, rows, to / "gradescope")
        if "canvas" in formats:
            written.append(write_canvas(rows, to / "canvas.csv", assignment_id))
        if "nbgrader" in formats:
            written.append(write_nbgrader(rows, to / "nbgrader.csv"))
    return written


def write_csv(book: Gradebook, rows, path: Path) -> Path:
    """One row per submission: student, [assignment,] status, score per exercise, total."""
    scores = {(e["submission"], e["exercise"]): e["score"] for e in book.exercise_results()}
    graded = {i for r in rows for i in r["exercises"]}
    exercises = [e.id for e in catalog.entries() if e.id in graded] + sorted(
        graded - {e.id for e in catalog.entries()})
    several = len({r["assignment"] for r in rows}) > 1
    with _writer(path) as w:
        w.writerow(["student"] + (["assignment"] if several else []) + ["status"] + exercises
                   + ["total", "max_score", "message"])
        for r in rows:
            cells = [_num(scores.get((r["submission"], i), 0.0)) if i in r["exercises"] else ""
                     for i in exercises]
            w.writerow([r["student"]] + ([r["assignment"]] if several else []) + [r["status"]] + cells
                       + [_num(r["score"]), _num(r["max_score"]), _first_line(r["message"])])
    return path


def write_gradescope(book: Gradebook, rows, folder: Path) -> list:
    """gradescope/<submission key>/results.json for every submission, in the student view."""
    written = []
    for r in rows:
        report = book.report(r["submission"])
        text = render_gradescope(student_view(report)) if report else _not_graded(r)
        path = folder.joinpath(*_safe_parts(r["submission"]), "results.json")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def write_canvas(rows, path: Path, assignment_id=None) -> Path:
    """Canvas's grade import CSV: a column per assignment holding the total."""
    assignments = sorted({r["assignment"] for r in rows})
    if assignment_id and len(assignments) > 1:
        raise ExportError(f"--assignment-id names one Canvas assignment, but the gradebook holds "
                          f"several: {', '.join(assignments)}")
    columns = [f"{a} ({assignment_id})" if assignment_id else a for a in assignments]
    students = {}
    for r in rows:
        s = students.setdefault(r["student"], {"row": r, "scores": {}})
        s["scores"][r["assignment"]] = r["score"]
    possible = {r["assignment"]: r["max_score"] for r in rows}
    with _writer(path) as w:
        w.writerow(CANVAS_COLUMNS + columns)
        w.writerow(["    Points Possible", "", "", "", ""] + [_num(possible[a]) for a in assignments])
        for student, s in sorted(students.items()):
            user_id = s["row"]["meta"].get("user_id", "")
            name = s["row"]["meta"].get("name", student)
            login = "" if user_id else student
            w.writerow([name, user_id, "", login, ""]
                       + [_num(s["scores"][a]) if a in s["scores"] else "" for a in assignments])
    return path


def write_nbgrader(rows, path: Path) -> Path:
    """The columns of ``nbgrader export`` (its CsvExportPlugin), one row per submission."""
    with _writer(path) as w:
        w.writerow(NBGRADER_COLUMNS)
        for r in rows:
            score = _num(r["score"])
            w.writerow([r["assignment"], "", _timestamp(r), r["student"], "", "", "",
                        score, "0", score, _num(r["max_score"])])
    return path


# ---------------------------------------------------------------- the student view

_RAISED = re.compile(r"^your function raised ([^\s:(]+)")


def student_view(report: dict) -> dict:
    """The student view of a stored instructor-view report, as `report.view.build` makes it:
    the failures of hidden properties lose their counterexample, output and message."""
    report = copy.deepcopy(report)
    report["visibility"] = "student"
    for ex in report["exercises"]:
        for f in ex["failures"]:
            if f["visibility"] == "public":
                continue
            f.update(counterexample="", student_output="", student_output_dropped_bytes=0)
            if f["outcome"] == "error":
                m = _RAISED.match(f["message"])
                kind = m.group(1) if m else "ReturnValueError"
                f["message"] = f"your function raised {kind} on a hidden input ({WITHHELD})"
            elif f["outcome"] not in ("timeout", "crashed", "budget", "skipped"):
                f["message"] = WITHHELD
    return report


def _not_graded(row) -> str:
    """results.json of a submission that was not graded: 0 points and why."""
    why = ("an internal error of the grader; your instructor can see the details"
           if row["status"] == "error" else _first_line(row["message"]))
    output = f"Not graded ({row['status']}): {why}"
    tests = [{"name": f"{i}: {catalog.entry(i).title}", "number": i, "score": 0.0,
              "max_score": catalog.entry(i).points, "status": "failed", "output": output,
              "visibility": "visible"} for i in row["exercises"] if _known(i)]
    return json.dumps({"score": 0.0, "output": output, "visibility": "visible",
                       "stdout_visibility": "hidden", "tests": tests}, indent=2) + "\n"


# ---------------------------------------------------------------- helpers

class _writer:
    def __init__(self, path: Path):
        self.path = path

    def __enter__(self):
        self.file = open(self.path, "w", newline="", encoding="utf-8")
        return csv.writer(self.file)

    def __exit__(self, *exc):
        self.file.close()


def _num(x) -> str:
    """A score for a spreadsheet: at most two decimals, no trailing zeros."""
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else ""


def _known(exercise_id) -> bool:
    try:
        catalog.entry(exercise_id)
        return True
    except catalog.UnknownExercise:
        return False


def _safe_parts(key: str) -> list:
    parts = key.split("/")
    if any(p in ("", ".", "..") or "\\" in p for p in parts):
        raise ExportError(f"submission key {key!r} cannot name a folder")
    return parts


def _timestamp(row) -> str:
    """nbgrader's submission time (its timestamp.txt), where the submission has one."""
    if row["layout"] != "nbgrader":
        return ""
    try:
        return (Path(row["path"]) / "timestamp.txt").read_text(encoding="utf-8").strip()
    except OSError:
        return ""
