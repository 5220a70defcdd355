"""The gradebook's schema, transactions and reading API (no grading here)."""

import json
import sqlite3

import pytest

from autograder.classroom.discover import Unrecognised
from autograder.classroom.gradebook import (SCHEMA_VERSION, STATUSES, Entry, Gradebook,
                                            GradebookError)


def _report(score=1.5):
    return {"schema": "dlgrade.report/1", "score": score, "max_score": 4.0, "isolation": "process",
            "seconds": 0.5, "exercises": [{
                "id": "activations.softmax", "title": "Softmax", "score": score, "max_score": 4.0,
                "status": "failed", "message": "", "seconds": 0.5, "cases": 12, "course": "",
                "mistakes": [{"id": "no_max_shift", "title": "no shift", "hint": "shift"}],
                "properties": [
                    {"name": "sums_to_one", "description": "", "visibility": "public", "weight": 1,
                     "passed": True, "outcome": "passed", "cases": 6},
                    {"name": "large_logits", "description": "", "visibility": "hidden", "weight": 2,
                     "passed": False, "outcome": "failed", "cases": 6}],
                "failures": [{"property": "large_logits", "message": "overflow",
                              "mistakes": ["no_max_shift"]}]}]}


def _entry(key="alice", status="graded", report=None, **kw):
    return Entry(submission=key, student=key, assignment="", path=f"/c/{key}.py", layout="file",
                 content_hash="h1", grader_version="0.1.0", suite_version="s1",
                 exercises=["activations.softmax"], status=status, report=report,
                 score=report["score"] if report else 0.0, max_score=4.0, **kw)


def test_new_gradebook_is_wal_with_the_schema_version(tmp_path):
    with Gradebook(tmp_path / "g.sqlite"):
        pass
    db = sqlite3.connect(tmp_path / "g.sqlite")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"runs", "submissions", "exercise_results", "property_results", "mistakes",
                      "unrecognised"}


def test_record_flattens_the_report_and_replaces_an_earlier_grade(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as gb:
        run = gb.start_run("/c", 2, ["activations.softmax"], "0.1.0", "s1")
        gb.record(_entry(report=_report(1.5), seconds=0.7), run)
        gb.record(_entry("bob", "timeout", message="too slow", seconds=9.0), run)
        gb.record(_entry(report=_report(4.0), seconds=0.6), run)  # graded again
        gb.finish_run(run, {"graded": 2, "timeout": 1})
        rows = {r["submission"]: r for r in gb.submissions()}
        assert rows["alice"]["grade_count"] == 2 and rows["alice"]["score"] == 4.0
        assert rows["alice"]["exercises"] == ["activations.softmax"] and rows["alice"]["run_id"] == run
        assert rows["bob"]["status"] == "timeout" and gb.report("bob") is None
        assert [r["submission"] for r in gb.submissions(status="timeout")] == ["bob"]
        assert gb.report("alice")["score"] == 4.0
        assert len(gb.exercise_results()) == 1  # the first grade's rows were replaced
        props = {p["property"]: p for p in gb.property_results()}
        assert props["large_logits"]["passed"] == 0 and props["large_logits"]["message"] == "overflow"
        assert json.loads(props["large_logits"]["mistakes"]) == ["no_max_shift"]
        assert [m["mistake"] for m in gb.mistakes()] == ["no_max_shift"]
        (r,) = gb.runs()
        assert r["finished_at"] and json.loads(r["counts"]) == {"graded": 2, "timeout": 1}


def test_a_failed_record_leaves_nothing_half_written(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as gb:
        gb.record(_entry(report=_report(1.5)))
        broken = _report(4.0)
        del broken["exercises"][0]["properties"][1]["cases"]  # fails midway through the writes
        with pytest.raises(KeyError):
            gb.record(_entry(report=broken))
        (row,) = gb.submissions()
        assert row["score"] == 1.5 and row["grade_count"] == 1
        assert len(gb.property_results()) == 2


def test_unrecognised_is_replaced_each_run_and_readers_cannot_write(tmp_path):
    with Gradebook(tmp_path / "g.sqlite") as gb:
        gb.set_unrecognised([Unrecognised("/c/a.txt", "why"), Unrecognised("/c/b.txt", "why")])
        gb.set_unrecognised([Unrecognised("/c/b.txt", "why")])
        assert [u["path"] for u in gb.unrecognised()] == ["/c/b.txt"]
    with Gradebook(tmp_path / "g.sqlite", readonly=True) as reader:
        assert reader.unrecognised() and reader.submissions() == []
        with pytest.raises(sqlite3.OperationalError):
            reader.db.execute("DELETE FROM unrecognised")


def test_not_a_gradebook(tmp_path):
    (tmp_path / "g.sqlite").write_text("this is not a database" * 100)
    with pytest.raises(GradebookError, match="not a usable gradebook"):
        Gradebook(tmp_path / "g.sqlite")
    db = sqlite3.connect(tmp_path / "future.sqlite")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(GradebookError, match="schema"):
        Gradebook(tmp_path / "future.sqlite")


def test_statuses_are_documented():
    assert set(STATUSES) == {"graded", "timeout", "crashed", "error", "unreadable", "no_modules",
                             "duplicate"}
