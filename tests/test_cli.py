"""The dlgrade command: formats, exit codes, usage errors."""

import json

import pytest

from autograder import catalog
from autograder.cli import main
from conftest import ROOT

SOFTMAX_BUG = ROOT / "tests" / "submissions" / "activations.softmax" / "buggy_no_max_shift.py"
SOFTMAX_OK = ROOT / "solutions" / "activations.py"


def test_list_shows_every_exercise_with_points(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for e in catalog.entries():
        assert e.id in out
    assert f"{sum(e.points for e in catalog.entries()):g}" in out


def test_list_details_shows_properties_and_mistakes_of_the_chosen_exercises(capsys):
    assert main(["list", "--details", "optim.adam_step", "activations"]) == 0
    out = capsys.readouterr().out
    ex = catalog.suite("optim.adam_step")
    for p in ex.properties:
        assert p.description in out
    assert "[hidden x3]" in out and "mistake eps_inside_sqrt:" in out
    assert "activations.softmax" in out and "layers.dense_forward" not in out


def test_json_report_has_the_documented_fields(tmp_path):
    out = tmp_path / "r.json"
    assert main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax", "-f", "json", "-o", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["schema"] == "dlgrade.report/1"
    assert {"score", "max_score", "exercises", "isolation", "scoring"} <= set(report)
    ex = report["exercises"][0]
    assert {"id", "score", "max_score", "status", "failures"} <= set(ex)
    assert ex["status"] == "failed" and ex["failures"]
    assert any(m["id"] == "no_max_shift" for m in ex["mistakes"])


def test_student_view_withholds_hidden_details_and_instructor_view_shows_them(tmp_path):
    student, instructor = tmp_path / "s.json", tmp_path / "i.json"
    main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax", "-f", "json", "-o", str(student)])
    main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax", "-f", "json", "-o", str(instructor),
          "--visibility", "instructor"])
    hidden_s = [f for f in json.loads(student.read_text())["exercises"][0]["failures"] if f["visibility"] == "hidden"]
    hidden_i = [f for f in json.loads(instructor.read_text())["exercises"][0]["failures"] if f["visibility"] == "hidden"]
    assert hidden_s and hidden_i
    assert all(f["counterexample"] == "" and "withheld" in f["message"] for f in hidden_s)
    assert all(f["counterexample"] for f in hidden_i)


def test_gradescope_results_json(tmp_path):
    out = tmp_path / "results.json"
    assert main(["grade", str(SOFTMAX_OK), "-e", "activations.softmax", "-f", "gradescope", "-o", str(out)]) == 0
    data = json.loads(out.read_text())
    assert data["score"] == catalog.entry("activations.softmax").points
    (test,) = data["tests"]
    assert {"name", "score", "max_score", "output", "status"} <= set(test)
    assert test["status"] == "passed"


def test_terminal_report_names_the_failure_and_the_total(capsys):
    assert main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax"]) == 0
    out = capsys.readouterr().out
    assert "FAIL" in out and "Score:" in out and "no_max_shift" in out and "counterexample" in out
    assert "\033[" not in out  # no colour codes when not on a terminal


def test_fail_under_sets_the_exit_status(capsys):
    assert main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax", "--fail-under", "50"]) == 1
    assert "below --fail-under" in capsys.readouterr().err
    assert main(["grade", str(SOFTMAX_OK), "-e", "activations.softmax", "--fail-under", "100"]) == 0


@pytest.mark.parametrize("argv, words", [
    (["grade", "/no/such/path"], "no such file"),
    (["grade", str(SOFTMAX_OK), "-e", "nope.nothing"], "unknown exercise"),
    (["grade", str(ROOT / "README.md")], "expected a folder"),
])
def test_usage_errors_exit_2_with_one_line(capsys, argv, words):
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert words in err and len(err.splitlines()) == 1


def test_stubs_check_passes_on_the_repository(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert main(["stubs", "--check"]) == 0
