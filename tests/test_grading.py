"""Grading end to end: full marks, zero, determinism, and bad input that must not crash."""

import textwrap

import numpy as np
import pytest

from autograder import catalog
from autograder.checking.runner import Budget
from autograder.grade import grade
from autograder.report import build
from conftest import ROOT

SOFTMAX = "activations.softmax"
GOOD_SOFTMAX = """
import numpy as np
def softmax(x, axis=-1):
    e = np.exp(x - np.max(x, axis=axis, keepdims=True))
    return e / np.sum(e, axis=axis, keepdims=True)
"""


def _write(tmp_path, source, name="activations.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source))
    return path


def _strip_timings(report):
    report = dict(report, seconds=0, submission="")
    report["exercises"] = [dict(e, seconds=0) for e in report["exercises"]]
    return report


def test_solutions_score_full_marks():
    result = grade(ROOT / "solutions")
    assert [e.id for e in result.exercises] == [e.id for e in catalog.entries()]
    failing = {e.id: [(p.name, p.message) for p in e.properties if not p.passed] or e.message
               for e in result.exercises if e.status != "passed"}
    assert not failing
    assert result.score == result.max_score == sum(e.points for e in catalog.entries())


def test_untouched_exercises_score_zero_and_say_not_started():
    result = grade(ROOT / "exercises")
    assert result.score == 0
    assert {e.status for e in result.exercises} == {"not_started"}
    assert all(e.seconds < 2 for e in result.exercises)


def test_same_submission_same_report(tmp_path):
    path = ROOT / "tests" / "submissions" / SOFTMAX / "buggy_global_max_shift.py"
    first = build(grade(path, [SOFTMAX]), "instructor")
    second = build(grade(path, [SOFTMAX]), "instructor")
    assert _strip_timings(first) == _strip_timings(second)
    assert first["score"] < first["max_score"]


def test_every_property_is_marked_public_or_hidden_and_weighted():
    for e in catalog.entries():
        ex = catalog.suite(e.id)
        assert ex.properties, e.id
        assert any(p.public for p in ex.properties), f"{e.id} has no public property"
        assert any(not p.public for p in ex.properties), f"{e.id} has no hidden property"
        assert all(p.weight > 0 for p in ex.properties)
        assert len(ex.mistakes) >= 5, f"{e.id} names fewer than five known mistakes"


def _single(tmp_path, source, **kw):
    return grade(_write(tmp_path, source), [SOFTMAX], **kw).exercises[0]


def test_syntax_error_is_reported_with_its_line(tmp_path):
    res = _single(tmp_path, "import numpy as np\ndef softmax(x, axis=-1):\n    return x +\n")
    assert res.status == "error" and res.score == 0
    assert "SyntaxError" in res.message and "line 3" in res.message


def test_missing_function_and_missing_module(tmp_path):
    res = _single(tmp_path, "def softplus(x):\n    return x\n")
    assert res.status == "missing" and "softmax" in res.message
    (tmp_path / "pkg").mkdir()
    result = grade(tmp_path / "pkg", [SOFTMAX])
    assert [e.status for e in result.exercises] == ["missing"]
    assert "activations.py" in result.exercises[0].message


def test_missing_import_is_an_error_not_a_crash(tmp_path):
    res = _single(tmp_path, "import tensorflow as tf\n" + GOOD_SOFTMAX)
    assert res.status == "error" and "tensorflow" in res.message


@pytest.mark.parametrize("body, words", [
    ("return [list(r) for r in np.atleast_2d(x)]", "numpy array"),
    ("return None", "None"),
    ("return x.astype(int)", "dtype"),
    ("return np.zeros(3)", "shape"),
    ("return (v for v in x)", "generator"),
    ("return np.array([object()] * x.size, dtype=object).reshape(x.shape)", "object"),
])
def test_wrong_return_types_fail_with_a_clear_message(tmp_path, body, words):
    res = _single(tmp_path, f"import numpy as np\ndef softmax(x, axis=-1):\n    {body}\n")
    assert res.score < res.max_score
    assert any(words in p.message for p in res.properties if not p.passed), \
        [p.message for p in res.properties]


def test_wrong_signature_is_reported(tmp_path):
    res = _single(tmp_path, "import numpy as np\ndef softmax(x):\n    return x\n")
    assert res.score == 0
    assert any("TypeError" in p.message and "axis" in p.message for p in res.properties)


def test_nan_results_fail(tmp_path):
    res = _single(tmp_path, "import numpy as np\ndef softmax(x, axis=-1):\n    return x * np.nan\n")
    assert res.score == 0
    assert any("non-finite" in p.message for p in res.properties)


def test_megabytes_of_output_are_capped_and_graded(tmp_path):
    res = _single(tmp_path, "import sys\n" + GOOD_SOFTMAX.replace(
        "    e = ", "    sys.stdout.write('x' * 200000)\n    e = "))
    assert res.status == "passed"
    assert all(len(p.student_output) <= 64 * 1024 for p in res.properties)
    assert any(p.output_dropped > 0 for p in res.properties)


def test_student_exception_points_at_the_students_line(tmp_path):
    res = _single(tmp_path, "import numpy as np\ndef softmax(x, axis=-1):\n    y = x.sum()\n"
                            "    raise ValueError('my bug')\n")
    failed = [p for p in res.properties if p.outcome == "error"]
    assert failed and failed[0].where["line"] == 4 and "ValueError" in failed[0].message


def test_hang_is_a_timeout_and_the_next_exercise_is_still_graded(tmp_path):
    path = _write(tmp_path, "import numpy as np\n" + GOOD_SOFTMAX + """
def dense_forward(x, W, b):
    while True:
        pass
""")
    result = grade(path, ["layers.dense_forward", SOFTMAX], budget=Budget(call_seconds=0.5))
    dense, soft = result.exercises
    assert dense.status == "timeout" and dense.score == 0
    assert soft.status == "passed" and soft.score == soft.max_score


@pytest.mark.parametrize("killer", ["import os; os._exit(0)", "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)",
                                    "import ctypes; ctypes.string_at(0)"])
def test_a_dying_worker_costs_only_its_exercise(tmp_path, killer):
    path = _write(tmp_path, "import numpy as np\n" + GOOD_SOFTMAX + f"""
def dense_forward(x, W, b):
    {killer}
""")
    result = grade(path, ["layers.dense_forward", SOFTMAX])
    dense, soft = result.exercises
    assert dense.status == "crashed" and dense.score == 0
    assert any("died" in p.message for p in dense.properties)
    assert soft.status == "passed"


def test_exit_at_import_is_reported(tmp_path):
    res = _single(tmp_path, "import sys\nsys.exit(0)\n" + GOOD_SOFTMAX)
    assert res.status == "error" and "SystemExit" in res.message


@pytest.mark.parametrize("source", [b"", b"\xff\xfe\x00bad bytes", b"%matplotlib inline\n" + GOOD_SOFTMAX.encode()])
def test_odd_files_are_graded_with_a_message(tmp_path, source):
    path = tmp_path / "activations.py"
    path.write_bytes(source)
    res = grade(path, [SOFTMAX]).exercises[0]
    assert res.score == 0 and res.status in ("missing", "error") and res.message


def test_float32_and_loop_variants_get_full_marks(tmp_path):
    res = _single(tmp_path, """
import numpy as np
def softmax(x, axis=-1):
    x = np.moveaxis(np.asarray(x, dtype=np.float32), axis, -1)
    out = np.empty_like(x)
    for idx in np.ndindex(x.shape[:-1]):
        row = x[idx]
        if row.size == 0:
            continue
        e = np.exp(row - row.max())
        out[idx] = e / e.sum()
    return np.moveaxis(out, -1, axis)
""")
    assert res.status == "passed", [(p.name, p.message) for p in res.properties if not p.passed]
