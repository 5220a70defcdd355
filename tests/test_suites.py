"""Every hidden suite rejects realistic buggy code and accepts correct variants.

The submissions live in tests/submissions/<exercise id>/: ``buggy_*.py`` must
score below full marks (and, when they declare ``EXPECTED_MISTAKE``, the report
must name that mistake); ``correct_*.py`` must score full marks.
"""

import ast
from pathlib import Path

import pytest

from autograder import catalog
from autograder.grade import grade
from conftest import SUBMISSIONS


def _files(prefix):
    return sorted(SUBMISSIONS.glob(f"*/{prefix}_*.py"))


def _expected_mistake(path: Path):
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "EXPECTED_MISTAKE" for t in node.targets):
            return ast.literal_eval(node.value)
    return None


def _id(path):
    return f"{path.parent.name}/{path.stem}"


@pytest.mark.parametrize("path", _files("buggy"), ids=_id)
def test_buggy_submission_loses_points(path):
    exercise = path.parent.name
    result = grade(path, [exercise]).exercises[0]
    assert result.score < result.max_score, f"{path.name} got full marks"
    failing = [p for p in result.properties if not p.passed]
    assert failing or result.message, "a failed exercise must say why"
    expected = _expected_mistake(path)
    if expected:
        named = [m["id"] for m in result.mistakes]
        assert expected in named, f"expected the report to name {expected!r}, it named {named}"


@pytest.mark.parametrize("path", _files("correct"), ids=_id)
def test_correct_variant_gets_full_marks(path):
    exercise = path.parent.name
    result = grade(path, [exercise]).exercises[0]
    failures = [f"{p.name}: {p.message} [{p.counterexample}]" for p in result.properties if not p.passed]
    assert result.score == result.max_score, "\n".join(failures) or result.message


@pytest.mark.parametrize("exercise", [e.id for e in catalog.entries()])
def test_every_exercise_has_five_buggy_and_two_correct_submissions(exercise):
    folder = SUBMISSIONS / exercise
    buggy, correct = sorted(folder.glob("buggy_*.py")), sorted(folder.glob("correct_*.py"))
    assert len(buggy) >= 5, f"{exercise}: only {len(buggy)} buggy submissions in {folder}"
    assert len(correct) >= 2, f"{exercise}: only {len(correct)} correct submissions in {folder}"
    named = [p for p in buggy if _expected_mistake(p)]
    assert len(named) >= 3, f"{exercise}: fewer than three buggy submissions name their mistake"
    known = catalog.suite(exercise).mistakes
    for p in named:
        assert _expected_mistake(p) in known, f"{p.name} expects an unknown mistake"
