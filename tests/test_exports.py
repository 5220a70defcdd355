"""`dlgrade export`: CSV, Gradescope, Canvas and nbgrader files from a gradebook."""

import csv
import json

import pytest

from autograder.classroom import commands
from autograder.classroom.exports import (CANVAS_COLUMNS, FORMATS, NBGRADER_COLUMNS, ExportError,
                                          export, student_view)
from autograder.classroom.gradebook import Entry, Gradebook
from autograder.cli import main
from autograder.grade import grade
from autograder.isolation.launch import PlainLauncher
from autograder.report import build
from conftest import ROOT

NOT_GRADED = {"killer": "crashed", "sleeper": "timeout", "broken": "unreadable"}


def _rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


@pytest.fixture(scope="module")
def exported(graded_class, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    assert main(["export", str(graded_class.book), "--to", str(out), "--assignment", "hw1",
                 "--assignment-id", "42"]) == 0
    with Gradebook(graded_class.book, readonly=True) as book:
        rows = {r["submission"]: r for r in book.submissions()}
    return out, rows


def test_grades_csv_has_a_row_per_student_with_each_exercise_the_total_and_the_status(
        graded_class, exported):
    out, rows = exported
    head, *body = _rows(out / "grades.csv")
    assert head == ["student", "status", *graded_class.exercises, "total", "max_score", "message"]
    table = {r[0]: dict(zip(head, r)) for r in body}
    assert set(table) == set(rows)  # nothing dropped
    for key, status in NOT_GRADED.items():
        assert table[key]["status"] == status and table[key]["total"] == "0"
        assert all(table[key][e] == "0" for e in graded_class.exercises) and table[key]["message"]
    for key, r in rows.items():
        assert table[key]["max_score"] == "14"
        if r["status"] == "graded":
            parts = sum(float(table[key][e]) for e in graded_class.exercises)
            assert parts == pytest.approx(float(table[key]["total"]), abs=0.02)
            assert float(table[key]["total"]) == pytest.approx(r["score"], abs=0.005)
    assert table["smithjane"]["total"] == "14"


def test_gradescope_results_match_dlgrade_grade_and_show_the_student_view(graded_class, exported,
                                                                           tmp_path):
    out, rows = exported
    assert sorted(p.parent.name for p in (out / "gradescope").glob("*/results.json")) == sorted(rows)
    with Gradebook(graded_class.book, readonly=True) as book:  # a .py with a hidden failure
        key = book.query("SELECT p.submission FROM property_results p JOIN submissions s"
                         " USING (submission) WHERE s.layout = 'file' AND p.visibility = 'hidden'"
                         " AND p.outcome = 'failed' ORDER BY p.submission LIMIT 1")[0]["submission"]
    args = ["grade", rows[key]["path"], "-f", "gradescope", "-o", str(tmp_path / "r.json"), "--no-sandbox"]
    for e in graded_class.exercises:
        args += ["-e", e]
    assert main(args) == 0
    exported_json = json.loads((out / "gradescope" / key / "results.json").read_text())
    assert exported_json == json.loads((tmp_path / "r.json").read_text())
    assert "details withheld: this is a hidden test" in json.dumps(exported_json)
    for k, status in NOT_GRADED.items():
        data = json.loads((out / "gradescope" / k / "results.json").read_text())
        assert data["score"] == 0 and f"Not graded ({status})" in data["output"]
        assert [t["number"] for t in data["tests"]] == graded_class.exercises


def test_canvas_csv_is_canvas_grade_import_format(exported):
    out, rows = exported
    head, possible, *body = _rows(out / "canvas.csv")
    assert head == CANVAS_COLUMNS + ["hw1 (42)"]
    assert possible == ["    Points Possible", "", "", "", "", "14"]
    table = {r[0]: r for r in body}
    assert table["smithjane"] == ["smithjane", "4321", "", "", "", "14"]  # the Canvas user id
    assert table["killer"] == ["killer", "", "", "killer", "", "0"]
    assert len(body) == len(rows)


def test_nbgrader_csv_has_nbgrader_export_columns(exported):
    out, rows = exported
    head, *body = _rows(out / "nbgrader.csv")
    assert head == NBGRADER_COLUMNS
    table = {r[3]: dict(zip(head, r)) for r in body}
    assert set(table) == set(rows)
    assert table["sleeper"]["score"] == "0" and table["sleeper"]["max_score"] == "14"
    assert table["smithjane"]["raw_score"] == table["smithjane"]["score"] == "14"
    assert {r["assignment"] for r in table.values()} == {"hw1"}


def _entry(key, student, assignment, score, status="graded", path="/c"):
    return Entry(submission=key, student=student, assignment=assignment, path=path, layout="nbgrader",
                 content_hash="h", grader_version="0.1.0", suite_version="s",
                 exercises=["activations.softmax"], status=status, score=score, max_score=4.0,
                 message="" if status == "graded" else "grading took longer than the limit")


def test_nbgrader_layout_with_several_assignments(tmp_path):
    sub = tmp_path / "submitted" / "alice" / "hw1"
    sub.mkdir(parents=True)
    (sub / "timestamp.txt").write_text("2024-02-02 14:58:23.948203 UTC\n")
    with Gradebook(tmp_path / "g.sqlite") as gb:
        gb.record(_entry("alice/hw1", "alice", "hw1", 3.5, path=str(sub)))
        gb.record(_entry("alice/hw2", "alice", "hw2", 0.0, status="timeout"))
        gb.record(_entry("bob/hw1", "bob", "hw1", 4.0))
    written = export(tmp_path / "g.sqlite", tmp_path / "out")
    assert (tmp_path / "out" / "gradescope" / "alice" / "hw2" / "results.json") in written
    head, *body = _rows(tmp_path / "out" / "grades.csv")
    assert head[:3] == ["student", "assignment", "status"]
    assert [r[:3] for r in body] == [["alice", "hw1", "graded"], ["alice", "hw2", "timeout"],
                                     ["bob", "hw1", "graded"]]
    head, _, *body = _rows(tmp_path / "out" / "canvas.csv")
    assert head[5:] == ["hw1", "hw2"] and body == [["alice", "", "", "alice", "", "3.5", "0"],
                                                    ["bob", "", "", "bob", "", "4", ""]]
    nb = [dict(zip(NBGRADER_COLUMNS, r)) for r in _rows(tmp_path / "out" / "nbgrader.csv")[1:]]
    assert nb[0]["timestamp"] == "2024-02-02 14:58:23.948203 UTC" and nb[1]["timestamp"] == ""
    with pytest.raises(ExportError, match="several: hw1, hw2"):
        export(tmp_path / "g.sqlite", tmp_path / "out2", ["canvas"], assignment_id="7")


def test_export_usage_errors(graded_class, tmp_path, capsys):
    assert commands.EXPORT_FORMATS == FORMATS  # the command line's list, kept light
    assert main(["export", str(tmp_path / "none.sqlite"), "--to", str(tmp_path)]) == 2
    assert main(["export", str(graded_class.book), "--to", str(tmp_path), "--format", "csv,pdf"]) == 2
    (tmp_path / "junk.sqlite").write_text("not a database" * 100)
    assert main(["export", str(tmp_path / "junk.sqlite"), "--to", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no such gradebook" in err and "unknown export format pdf" in err
    assert "not a usable gradebook" in err
    assert main(["export", str(graded_class.book), "--to", str(tmp_path / "only"), "--format", "csv"]) == 0
    assert [p.name for p in (tmp_path / "only").iterdir()] == ["grades.csv"]


RAISES_ON_BIG = """
import numpy as np

def softmax(x, axis=-1):
    x = np.asarray(x)
    if x.size > 4:
        raise ValueError("secret input of size %d" % x.size)
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
"""


def test_student_view_of_a_stored_report_is_what_dlgrade_grade_shows_students(tmp_path):
    (tmp_path / "activations.py").write_text(RAISES_ON_BIG)
    result = grade(tmp_path, ["activations.softmax"], launcher=PlainLauncher())
    hidden = [p for ex in result.exercises for p in ex.properties if not p.public and not p.passed]
    assert any(p.outcome == "error" for p in hidden)
    assert student_view(build(result, "instructor")) == build(result, "student")
    (tmp_path / "activations.py").write_text((ROOT / "tests" / "submissions" / "activations.softmax"
                                              / "buggy_no_max_shift.py").read_text())
    result = grade(tmp_path, ["activations.softmax"], launcher=PlainLauncher())
    assert student_view(build(result, "instructor")) == build(result, "student")
