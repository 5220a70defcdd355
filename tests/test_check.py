"""``dlgrade check``: public checks only, friendly failures, no score; JUnit and Markdown reports."""

import json
import xml.etree.ElementTree as ET

import pytest

from autograder import catalog
from autograder.cli import main
from conftest import ROOT

SOFTMAX_BUG = ROOT / "tests" / "submissions" / "activations.softmax" / "buggy_no_max_shift.py"
SOFTMAX_OK = ROOT / "solutions" / "activations.py"
CRASH = '''import numpy as np


def _distances(a, b):
    return float(np.sum((a - b) ** 2)) / len(a[:0])


def triplet_loss(anchor, positive, negative, margin=0.2):
    return _distances(anchor, positive)
'''


def _check(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_stubs_are_not_started_not_errors(capsys):
    code, out, err = _check(capsys, ROOT / "exercises", "-e", "activations.softmax", "-e", "cnn.conv_backward")
    assert code == 0, err
    assert "not started: softmax still raises NotImplementedError" in out
    assert "not started: conv_forward still raises NotImplementedError" in out
    assert "Traceback" not in out + err and "NotImplementedError(" not in out
    assert "2 exercises: 0 passed, 0 failed, 2 not started" in out
    assert "Score" not in out and "/4" not in out  # never a score


def test_a_crash_shows_the_message_and_the_students_line(capsys, tmp_path):
    (tmp_path / "face.py").write_text(CRASH)
    code, out, err = _check(capsys, tmp_path, "-e", "face.triplet_loss")
    assert code == 0, err
    assert "ZeroDivisionError" in out
    assert "in your code: face.py, line 5, in _distances: return float(np.sum((a - b) ** 2))" in out
    assert "raised the same error as above" in out
    for internal in ("Traceback", "autograder", "worker_main", "hypothesis"):
        assert internal not in out, internal


def test_json_check_report_has_no_score(capsys, tmp_path):
    out_file = tmp_path / "r.json"
    code, out, _ = _check(capsys, SOFTMAX_BUG, "-e", "activations.softmax", "-f", "json", "-o", out_file)
    assert code == 0
    assert "checks passed" in out  # the terminal report still goes to stdout
    report = json.loads(out_file.read_text())
    assert report["kind"] == "check" and "score" not in report and "max_score" not in report
    ex = report["exercises"][0]
    assert "score" not in ex and ex["points"] == catalog.entry("activations.softmax").points
    assert all(p["visibility"] == "public" for p in ex["properties"])
    assert [p["name"] for p in ex["properties"]] == [p.name for p in catalog.public_suite(ex["id"]).properties]
    assert ex["failures"] and all(f["counterexample"] for f in ex["failures"])
    s = report["summary"]
    assert (s["failed"], s["checks"]) == (1, len(ex["properties"]))
    assert s["checks_passed"] == sum(p["passed"] for p in ex["properties"]) < s["checks"]


def test_fail_under_is_the_fraction_of_public_checks_passed(capsys):
    code, _, err = _check(capsys, SOFTMAX_BUG, "-e", "activations.softmax", "--fail-under", "100")
    assert code == 1 and "of the public checks passed, below --fail-under 100%" in err
    assert _check(capsys, SOFTMAX_OK, "-e", "activations.softmax", "--fail-under", "100")[0] == 0


def test_missing_module_counts_its_checks_as_not_passed(capsys, tmp_path):
    (tmp_path / "activations.py").write_text(SOFTMAX_OK.read_text())
    out_file = tmp_path / "r.json"
    code, out, _ = _check(capsys, tmp_path, "-e", "activations.softmax", "-e", "face.triplet_loss",
                          "-f", "json", "-o", out_file, "--fail-under", "50")
    report = json.loads(out_file.read_text())
    s = report["summary"]
    n_face = len(catalog.public_suite("face.triplet_loss").properties)
    assert (s["passed"], s["missing"], s["checks"] - s["checks_passed"]) == (1, 1, n_face)
    assert code == (1 if s["percent_checks_passed"] < 50 else 0)
    assert "the submission has no module face.py" in out


def test_default_path_is_the_exercises_folder(capsys, tmp_path, monkeypatch):
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "activations.py").write_text(SOFTMAX_OK.read_text())
    monkeypatch.chdir(tmp_path)
    code, out, _ = _check(capsys, "-e", "activations.softmax")
    assert code == 0 and "1 exercise: 1 passed" in out


def test_unknown_exercise_is_a_usage_error(capsys):
    code, _, err = _check(capsys, ROOT / "exercises", "-e", "softmax")
    assert code == 2 and "unknown exercise 'softmax'" in err


def test_junit_report(capsys, tmp_path):
    out_file = tmp_path / "r.xml"
    (tmp_path / "activations.py").write_text(SOFTMAX_BUG.read_text())
    (tmp_path / "face.py").write_text((ROOT / "exercises" / "face.py").read_text())
    assert _check(capsys, tmp_path, "-e", "activations.softmax", "-e", "face.triplet_loss",
                  "-f", "junit", "-o", out_file)[0] == 0
    root = ET.parse(out_file).getroot()
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert list(suites) == ["activations.softmax", "face.triplet_loss"]
    softmax = suites["activations.softmax"]
    cases = softmax.findall("testcase")
    assert [c.get("name") for c in cases] == [p.name for p in catalog.public_suite("activations.softmax").properties]
    failed = [c for c in cases if c.find("failure") is not None]
    assert failed and int(softmax.get("failures")) == len(failed)
    assert "counterexample: x=array(" in failed[0].find("failure").text
    face = suites["face.triplet_loss"]
    assert int(face.get("skipped")) == int(face.get("tests")) > 0
    assert "not started" in face.find("testcase/skipped").get("message")


def test_markdown_summary_is_appended(capsys, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    assert _check(capsys, SOFTMAX_BUG, "-e", "activations.softmax", "--summary", summary)[0] == 0
    text = summary.read_text()
    assert text.startswith("earlier step\n### dlgrade check: ")
    assert "| | Exercise | Checks passed | Points |" in text
    assert "| ❌ | `activations.softmax` Softmax |" in text
    assert "<details>" in text and "```text" in text


@pytest.mark.parametrize("fmt", ["junit", "markdown"])
def test_grade_offers_the_new_formats(capsys, tmp_path, fmt):
    out_file = tmp_path / "report"
    assert main(["grade", str(SOFTMAX_BUG), "-e", "activations.softmax", "-f", fmt, "-o", str(out_file)]) == 0
    text = out_file.read_text()
    if fmt == "junit":
        suite = ET.fromstring(text).find("testsuite")
        assert len(suite.findall("testcase")) == len(catalog.suite("activations.softmax").properties)
        assert suite.find("properties/property[@name='score']") is not None
        assert "details withheld" in text  # the hidden test's failure keeps its secrets
    else:
        assert text.startswith("### dlgrade grade: score ")
        assert "(hidden test)" in text


def test_check_never_imports_the_hidden_suites(tmp_path):
    import subprocess
    import sys

    probe = ("import sys\nfrom autograder.cli import main\n"
             f"code = main(['check', {str(SOFTMAX_OK)!r}, '-e', 'activations.softmax', '-f', 'json'])\n"
             "hidden = [m for m in sys.modules if m.startswith(('autograder.suites', 'reference', 'torch'))]\n"
             "assert code == 0 and not hidden, hidden\n")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("exercise, submission", [
    ("activations.softmax", "buggy_max_without_keepdims.py"),
    ("detection.nms", "buggy_indices_sorted_ascending.py"),
])
def test_public_properties_meet_the_same_cases_in_grade_and_check(exercise, submission):
    from autograder.grade import grade

    path = ROOT / "tests" / "submissions" / exercise / submission
    graded = grade(path, [exercise]).exercises[0]
    checked = grade(path, [exercise], public_only=True).exercises[0]

    def public(res):
        return [(p.name, p.passed, p.cases, p.counterexample) for p in res.properties if p.public]

    assert public(checked) == public(graded)
