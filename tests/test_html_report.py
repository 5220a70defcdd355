"""`dlgrade report`: one self-contained HTML file on a gradebook."""

import base64
import re

import pytest

from autograder.classroom import plots
from autograder.classroom.gradebook import Entry, Gradebook
from autograder.classroom.html_report import write_report
from autograder.cli import main

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", re.IGNORECASE)
IMAGE = re.compile(r'<img src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


@pytest.fixture(scope="module")
def page(graded_class, tmp_path_factory):
    pytest.importorskip("matplotlib")
    out = tmp_path_factory.mktemp("report") / "report.html"
    assert main(["report", str(graded_class.book), "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_the_report_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert not EXTERNAL.search(page)
    assert "<script" not in page and "@import" not in page and "url(" not in page
    images = IMAGE.findall(page)
    assert len(images) == 3  # scores, pass rates, times
    for data in images:
        assert base64.b64decode(data).startswith(b"\x89PNG\r\n\x1a\n")


def test_the_report_covers_every_exercise_and_every_submission_not_graded_cleanly(graded_class, page):
    for exercise in graded_class.exercises:
        assert f"<code>{exercise}</code>" in page
    for section in ("Score distribution", "Exercises: pass rates", "Properties that fail most",
                    "Named mistakes per exercise", "Not graded cleanly", "Grading times", "Slowest"):
        assert f"<h2>{section}</h2>" in page or f"<h3>{section}</h3>" in page
    problems = page[page.index("<h2>Not graded cleanly</h2>"):page.index("<h2>Grading times</h2>")]
    for key, status in (("killer", "crashed"), ("sleeper", "timeout"), ("broken", "unreadable")):
        assert re.search(rf"<td>{key}<td><span class=bad>{status}</span>", problems), key
    assert "notes.txt" in problems  # not understood
    with Gradebook(graded_class.book, readonly=True) as book:
        named = {m["mistake"] for m in book.mistakes()}
    assert named and all(f"<code>{m}</code>" in page for m in named)


def _entry(key, message):
    return Entry(submission=key, student=key, assignment="", path="/c", layout="file",
                 content_hash="h", grader_version="0.1.0", suite_version="s",
                 exercises=["activations.softmax"], status="crashed", max_score=4.0, message=message,
                 seconds=3.0)


def test_student_text_is_escaped_and_the_report_needs_no_matplotlib(tmp_path, monkeypatch):
    with Gradebook(tmp_path / "g.sqlite") as gb:
        gb.record(_entry("<b>eve</b>", '<script>alert(1)</script><img src="https://x.example/t.png">'))
    monkeypatch.setattr(plots, "available", lambda: False)
    page = write_report(tmp_path / "g.sqlite", tmp_path / "r.html").read_text()
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;eve&lt;/b&gt;" in page
    assert not EXTERNAL.search(page) and "<img" not in page
    assert "pip install &#x27;dlgrade[report]&#x27;" in page
    assert "<code>activations.softmax</code>" in page


def test_report_usage_errors(tmp_path, capsys):
    assert main(["report", str(tmp_path / "none.sqlite")]) == 2
    (tmp_path / "junk.sqlite").write_text("not a database" * 100)
    assert main(["report", str(tmp_path / "junk.sqlite"), "-o", str(tmp_path / "r.html")]) == 2
    err = capsys.readouterr().err
    assert "no such gradebook" in err and "not a usable gradebook" in err
