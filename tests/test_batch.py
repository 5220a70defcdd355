"""`dlgrade batch` end to end: bad input of every kind, re-runs, regrading, progress output."""

import io
import json
import shutil
import sqlite3
import zipfile
from types import SimpleNamespace

import pytest

from autograder.classroom.batch import LaunchersPerSlot, run_batch
from autograder.classroom.gradebook import Gradebook
from autograder.classroom.progress import PlainProgress, make_progress
from autograder.cli import main
from autograder.isolation import default_launcher
from autograder.isolation.launch import PlainLauncher
from conftest import ROOT

SOFTMAX = "activations.softmax"
SUBS = ROOT / "tests" / "submissions" / SOFTMAX
FAST_BUGGY = (SUBS / "buggy_no_max_shift.py").read_text()
SOLUTION = (ROOT / "solutions" / "activations.py").read_text()


class SlotLauncher(PlainLauncher):
    """A launcher made per grader slot, as a sandbox with a user id per slot would be."""

    def __init__(self, slot):
        self.level = f"slot-{slot}"


@pytest.fixture(scope="module")
def bad_class(tmp_path_factory):
    """A class with one of each kind of bad input, a good one and a buggy one."""
    d = tmp_path_factory.mktemp("class")
    (d / "buggy").mkdir()
    (d / "buggy" / "activations.py").write_text(FAST_BUGGY)
    (d / "corrupt.zip").write_bytes(b"PK\x03\x04 truncated")
    with zipfile.ZipFile(d / "sneaky.zip", "w") as z:
        z.writestr("../../activations.py", "import os")
    (d / "dangling.py").symlink_to(d / "nowhere.py")
    (d / "folderish.py").mkdir()
    (d / "nomodules").mkdir()
    (d / "nomodules" / "README.md").write_text("I did it in my head")
    (d / "twice").mkdir()
    (d / "twice" / "activations.py").write_text(SOLUTION)
    (d / "twice.py").write_text(SOLUTION)
    (d / "killer.py").write_text("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + SOLUTION)
    (d / "groupkiller.py").write_text("import os, signal\nos.killpg(os.getpgid(os.getppid()), 9)\n")
    (d / "sleeper.py").write_text("import time\ntime.sleep(600)\n")
    (d / "notes.txt").write_text("not a submission")
    return d


@pytest.fixture(scope="module")
def graded(bad_class, tmp_path_factory):
    book = tmp_path_factory.mktemp("book") / "gradebook.sqlite"
    out = io.StringIO()
    # plain worker processes: under the sandbox (another uid, a pid namespace) a submission
    # cannot reach its grader process, and the point here is that the batch survives it
    summary = run_batch(bad_class, book, exercises=[SOFTMAX], workers=2, timeout=4,
                        progress=lambda total: PlainProgress(total, out),
                        launcher_factory=LaunchersPerSlot(sandbox=False))
    with Gradebook(book, readonly=True) as gb:
        hashes = {r["submission"]: r["content_hash"] for r in gb.submissions()}
    return SimpleNamespace(book=book, summary=summary, output=out.getvalue(), hashes=hashes)


EXPECTED = {
    "buggy": ("graded", ""),
    "corrupt": ("unreadable", "corrupt.zip is not a readable zip archive"),
    "sneaky": ("unreadable", "outside the archive's folder"),
    "dangling": ("unreadable", "dangling.py is a link that leads nowhere"),
    "folderish": ("unreadable", "folderish.py is a folder, not a file"),
    "nomodules": ("no_modules", "holds: README.md"),
    "twice": ("duplicate", "appears 2 times (twice/, twice.py)"),
    "killer": ("crashed", "the grader process died (killed by signal 9)"),
    "groupkiller": ("crashed", "the grader process died (killed by signal 9)"),
    "sleeper": ("timeout", "longer than the limit of 4 s"),
}


def test_every_bad_input_has_a_clear_entry_and_the_batch_finishes(graded):
    with Gradebook(graded.book, readonly=True) as book:
        rows = {r["submission"]: r for r in book.submissions()}
        assert {k: r["status"] for k, r in rows.items()} == {k: s for k, (s, _) in EXPECTED.items()}
        for key, (status, message) in EXPECTED.items():
            assert message in rows[key]["message"], (key, rows[key]["message"])
            assert rows[key]["grade_count"] == 1 and rows[key]["max_score"] == 4
            assert (book.report(key) is not None) == (status == "graded")
        assert rows["buggy"]["score"] == 0
        assert [u["path"].rsplit("/", 1)[1] for u in book.unrecognised()] == ["notes.txt"]
    assert graded.summary.counts == {"graded": 1, "unreadable": 4, "no_modules": 1, "duplicate": 1,
                                     "crashed": 2, "timeout": 1}


def test_every_submission_and_every_stray_file_has_a_line_in_the_output(graded):
    lines = graded.output.splitlines()
    assert any("not understood" in line and "notes.txt" in line for line in lines)
    for key, (status, _) in EXPECTED.items():
        assert any(f"] {key} " in line and status in line for line in lines), key
    assert "[10/10]" in graded.output


def test_the_report_and_the_flat_tables_agree(graded):
    with Gradebook(graded.book, readonly=True) as book:
        report = book.report("buggy")
        assert report["visibility"] == "instructor" and report["submission"].endswith("buggy")
        assert "dlgrade-" not in json.dumps(report)  # no trace of the private staging folder
        (ex,) = book.query("SELECT * FROM exercise_results WHERE submission = 'buggy'")
        assert ex["exercise"] == SOFTMAX and ex["status"] == "failed"
        props = book.query("SELECT * FROM property_results WHERE submission = 'buggy'")
        assert len(props) == len(report["exercises"][0]["properties"])
        assert any(not p["passed"] and "no_max_shift" in json.loads(p["mistakes"]) for p in props)
        assert {m["mistake"] for m in book.mistakes() if m["submission"] == "buggy"} >= {"no_max_shift"}


def test_rerun_skips_the_unchanged_and_regrades_the_changed(bad_class, graded, tmp_path):
    folder, book = tmp_path / "class", tmp_path / "gradebook.sqlite"
    shutil.copytree(bad_class, folder, symlinks=True)  # the hash is over relative paths and bytes
    shutil.copy(graded.book, book)
    kw = dict(exercises=[SOFTMAX], workers=2, timeout=4,
              progress=lambda n: PlainProgress(n, io.StringIO()))  # the default launchers
    again = run_batch(folder, book, **kw)
    assert again.counts == {} and again.skipped == 10  # bad ones too: the same files, the same entry
    (folder / "buggy" / "activations.py").write_text((SUBS / "buggy_squeeze_input.py").read_text())
    changed = run_batch(folder, book, **kw, launcher_factory=SlotLauncher)
    assert changed.counts == {"graded": 1} and changed.skipped == 9
    with Gradebook(book, readonly=True) as gb:
        rows = {r["submission"]: r for r in gb.submissions()}
        assert rows["buggy"]["grade_count"] == 2
        assert rows["buggy"]["isolation"] in ("slot-0", "slot-1")  # the launcher it was given
        assert all(r["grade_count"] == 1 for k, r in rows.items() if k != "buggy")
        assert rows["buggy"]["content_hash"] != graded.hashes["buggy"]
        assert [json.loads(r["counts"]).get("skipped") for r in gb.runs()] == [0, 10, 9]
        row = rows["corrupt"]
        assert gb.is_current("corrupt", row["content_hash"], row["grader_version"],
                             row["suite_version"], [SOFTMAX])
        for changed in ({"suite_version": "another"}, {"grader_version": "9.9"},
                        {"exercises": [SOFTMAX, "cnn.conv_forward"]}):
            key = {**row, "exercises": [SOFTMAX], **changed}
            assert not gb.is_current("corrupt", key["content_hash"], key["grader_version"],
                                     key["suite_version"], key["exercises"])


def test_cli_batch_writes_the_default_gradebook_in_the_current_folder(tmp_path, monkeypatch, capsys):
    """With the same isolation as `dlgrade grade`: the sandbox, as this machine offers it."""
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "zed.py").write_text(FAST_BUGGY)
    monkeypatch.chdir(tmp_path)
    assert main(["batch", "class", "-e", SOFTMAX, "--workers", "1"]) == 0
    out = capsys.readouterr().out
    assert "zed" in out and "1 graded" in out and "gradebook.sqlite" in out
    db = sqlite3.connect(tmp_path / "gradebook.sqlite")
    assert db.execute("SELECT submission, status, isolation FROM submissions").fetchall() == [
        ("zed", "graded", default_launcher(slot=1).level)]
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_cli_batch_usage_errors(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "missing")]) == 2
    assert main(["batch", str(tmp_path), "-e", "no.such"]) == 2
    assert main(["batch", str(tmp_path), "--workers", "0"]) == 2
    err = capsys.readouterr().err
    assert "not a folder" in err and "unknown exercise" in err and "--workers" in err


def test_plain_progress_lines_carry_count_rate_and_eta():
    out = io.StringIO()
    p = make_progress(3, stream=out)
    assert isinstance(p, PlainProgress)  # not a terminal
    for i in range(2):
        p.advance(SimpleNamespace(submission=f"s{i}", status="graded", score=1, max_score=4,
                                  message="", seconds=0.5))
    first, second = out.getvalue().splitlines()
    assert first.startswith("[1/3] s0") and "1/4" in first and "/min, ETA " in first


def test_live_progress_uses_rich_on_a_terminal():
    pytest.importorskip("rich")
    out = io.StringIO()
    p = make_progress(2, stream=out, live=True)
    assert type(p).__name__ == "RichProgress"
    p.advance(SimpleNamespace(submission="s0", status="timeout", score=0, max_score=4,
                              message="grading took longer", seconds=6.0))
    p.close()
    assert "s0" in out.getvalue() and "timeout" in out.getvalue()
