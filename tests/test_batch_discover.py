"""Finding submissions (flat, nbgrader, Canvas layouts), staging them safely, notebooks."""

import io
import json
import os
import stat
import zipfile

import pytest

from autograder.classroom.discover import discover
from autograder.classroom.fingerprint import content_hash, suite_version
from autograder.ipynb import NotebookError, notebook_to_source
from autograder.classroom import stage as stage_module
from autograder.classroom.stage import MAX_FILES, NoModules, Unreadable, stage
from conftest import ROOT

SOFTMAX = (ROOT / "solutions" / "activations.py").read_text()


def _by_key(found):
    return {s.key: s for s in found.submissions}


def test_flat_layout_one_entry_per_student(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice" / "activations.py").write_text(SOFTMAX)
    (tmp_path / "bob.py").write_text(SOFTMAX)
    (tmp_path / "carol.ipynb").write_text("{}")
    (tmp_path / "dave.zip").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("grading notes")
    (tmp_path / ".DS_Store").write_text("")
    (tmp_path / "gradebook.sqlite").write_text("")
    found = discover(tmp_path, ignore=[tmp_path / "gradebook.sqlite"])
    subs = _by_key(found)
    assert sorted(subs) == ["alice", "bob", "carol", "dave"]
    assert subs["alice"].layout == "folder" and not subs["alice"].single_file
    assert subs["bob"].single_file and subs["carol"].single_file and not subs["dave"].single_file
    assert not any(s.problem for s in found.submissions)
    assert [(os.path.basename(u.path), "not a submission" in u.reason) for u in found.unrecognised] == [
        ("notes.txt", True)]


def test_nbgrader_layout(tmp_path):
    for student in ("alice", "bob"):
        for assignment in ("ps1", "ps2"):
            d = tmp_path / "submitted" / student / assignment
            d.mkdir(parents=True)
            (d / "activations.ipynb").write_text("{}")
            (d / "timestamp.txt").write_text("2024-01-01")
    (tmp_path / "submitted" / "bob" / "stray.py").write_text("")
    (tmp_path / "source").mkdir()  # the rest of an nbgrader course folder is not looked at
    for root in (tmp_path, tmp_path / "submitted"):
        found = discover(root)
        assert found.layout == "nbgrader"
        subs = _by_key(found)
        assert sorted(subs) == ["alice/ps1", "alice/ps2", "bob/ps1", "bob/ps2"]
        assert subs["bob/ps2"].student == "bob" and subs["bob/ps2"].assignment == "ps2"
        assert [os.path.basename(u.path) for u in found.unrecognised] == ["stray.py"]


def test_canvas_download_names(tmp_path):
    (tmp_path / "smithjohn_12345_678901_activations.py").write_text(SOFTMAX)
    (tmp_path / "smithjohn_12345_678902_layers-1.py").write_text("")
    (tmp_path / "doejane_LATE_222_333_submission.zip").write_bytes(b"")
    (tmp_path / "leeann_5_6_hw.pdf").write_text("")
    subs = _by_key(discover(tmp_path))
    assert sorted(subs) == ["doejane", "smithjohn"]
    smith = subs["smithjohn"]
    assert smith.layout == "canvas" and not smith.single_file
    assert sorted(name for _, name in smith.files) == ["activations.py", "layers.py"]
    assert smith.meta == {"lms": "canvas", "name": "smithjohn", "user_id": "12345", "late": False,
                          "submission_ids": ["678901", "678902"]}
    assert subs["doejane"].meta["late"] is True
    assert subs["doejane"].files[0][1] == "submission.zip"


def test_a_student_twice_is_one_duplicate_entry_naming_both(tmp_path):
    (tmp_path / "alice").mkdir()
    (tmp_path / "alice.zip").write_bytes(b"")
    (tmp_path / "Alice.py").write_text("")
    (tmp_path / "bob.py").write_text("")
    subs = _by_key(discover(tmp_path))
    assert sorted(subs) == ["Alice", "bob"]
    dup = subs["Alice"]
    assert dup.problem == "duplicate"
    assert "3 times" in dup.message and "alice/" in dup.message and "alice.zip" in dup.message
    assert not subs["bob"].problem


def test_entries_that_should_be_files_but_are_not_are_unreadable(tmp_path):
    (tmp_path / "dave.py").symlink_to(tmp_path / "nowhere.py")
    (tmp_path / "erin.py").mkdir()
    subs = _by_key(discover(tmp_path))
    assert subs["dave"].problem == "unreadable" and "leads nowhere" in subs["dave"].message
    assert subs["erin"].problem == "unreadable" and "folder, not a file" in subs["erin"].message


def test_content_hash_follows_paths_and_bytes_and_never_raises(tmp_path):
    d = tmp_path / "alice"
    d.mkdir()
    (d / "activations.py").write_text("a")
    first = content_hash([d])
    (d / "__pycache__").mkdir()
    (d / "__pycache__" / "x.pyc").write_bytes(b"junk")
    assert content_hash([d]) == first  # caches are not part of a submission
    (d / "activations.py").write_text("b")
    assert content_hash([d]) != first
    (tmp_path / "broken.py").symlink_to(tmp_path / "missing")
    assert content_hash([tmp_path / "broken.py"]) == content_hash([tmp_path / "broken.py"])
    assert len(suite_version()) == 16


# ---------------------------------------------------------------- notebooks

def _notebook(path, cells):
    path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": kind, "metadata": {}, "source": source} for kind, source in cells]}))
    return path


def test_notebook_code_cells_without_magics(tmp_path):
    nb = _notebook(tmp_path / "hw.ipynb", [
        ("markdown", "# Softmax"),
        ("code", ["%matplotlib inline\n", "!pip install numpy\n", "import numpy as np"]),
        ("code", "%%time\nx = undefined_name"),
        ("code", ["def f(x):\n", "    %timeit x\n", "    return x + 1"]),
    ])
    source = notebook_to_source(nb)
    namespace = {}
    exec(compile(source, "hw.py", "exec"), namespace)
    assert namespace["f"](1) == 2 and "np" in namespace
    assert "undefined_name" in source  # kept as a comment: line numbers stay put
    (tmp_path / "bad.ipynb").write_text("not json")
    with pytest.raises(NotebookError, match="not a Jupyter notebook"):
        notebook_to_source(tmp_path / "bad.ipynb")


def test_old_nbformat_3_notebooks_are_read(tmp_path):
    nb = tmp_path / "old.ipynb"
    nb.write_text(json.dumps({"nbformat": 3, "worksheets": [{"cells": [
        {"cell_type": "code", "input": ["def g():\n", "    return 3"]}]}]}))
    namespace = {}
    exec(notebook_to_source(nb), namespace)
    assert namespace["g"]() == 3


# ---------------------------------------------------------------- staging

def _zip(path, members):
    with zipfile.ZipFile(path, "w") as z:
        for name, data in members.items():
            if isinstance(data, zipfile.ZipInfo):
                z.writestr(data, "target")
            else:
                z.writestr(name, data)
    return path


def test_zip_is_unpacked_through_a_lone_top_folder(tmp_path):
    z = _zip(tmp_path / "alice.zip", {"alice/activations.py": SOFTMAX, "alice/README.md": "hi",
                                      "__MACOSX/alice/._activations.py": "junk"})
    out = tmp_path / "out"
    out.mkdir()
    target = stage([(z, "alice.zip")], out, single_file=False)
    assert target == out / "alice" and (target / "activations.py").read_text() == SOFTMAX
    assert not (out / "__MACOSX").exists()


def test_single_files_and_notebooks_are_graded_as_one_file(tmp_path):
    nb = _notebook(tmp_path / "carol.ipynb", [("code", SOFTMAX)])
    out = tmp_path / "out"
    out.mkdir()
    target = stage([(nb, "carol.ipynb")], out, single_file=True)
    assert target == out / "carol.py" and "def softmax" in target.read_text()


def test_folder_without_unit_modules_but_one_script_is_that_script(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "homework1.py").write_text(SOFTMAX)
    (tmp_path / "out").mkdir()
    assert stage([(tmp_path / "in", "in")], tmp_path / "out", False) == tmp_path / "out" / "homework1.py"


def test_no_recognisable_modules(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.py").write_text("")
    (tmp_path / "in" / "b.py").write_text("")
    (tmp_path / "out").mkdir()
    with pytest.raises(NoModules, match="holds: a.py, b.py"):
        stage([(tmp_path / "in", "in")], tmp_path / "out", False)


@pytest.mark.parametrize("name", ["../evil.py", "/etc/evil.py", "a/../../evil.py", "C:/evil.py"])
def test_zip_members_outside_the_folder_are_refused(tmp_path, name):
    z = _zip(tmp_path / "x.zip", {"activations.py": SOFTMAX, name: "import os"})
    (tmp_path / "out").mkdir()
    with pytest.raises(Unreadable, match="refused"):
        stage([(z, "x.zip")], tmp_path / "out", False)
    assert not (tmp_path / "evil.py").exists() and not list(tmp_path.glob("**/evil.py"))


def test_zip_links_bombs_floods_and_corruption_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(stage_module, "MAX_BYTES", 2**20)
    (tmp_path / "out").mkdir()
    link = zipfile.ZipInfo("activations.py")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    cases = {
        "link": (_zip(tmp_path / "link.zip", {"activations.py": link}), "symbolic link"),
        "flood": (_zip(tmp_path / "flood.zip", {f"f{i}.txt": "" for i in range(MAX_FILES + 1)}),
                  f"more than {MAX_FILES} files"),
        "corrupt": (tmp_path / "corrupt.zip", "not a readable zip archive"),
    }
    cases["corrupt"][0].write_bytes(b"PK\x03\x04 this is not really a zip")
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("activations.py", b"\0" * (2**20 + 1))
    (tmp_path / "bomb.zip").write_bytes(bomb.getvalue())
    cases["bomb"] = (tmp_path / "bomb.zip", "MB once unpacked")
    for path, message in cases.values():
        with pytest.raises(Unreadable, match=message):
            stage([(path, path.name)], tmp_path / "out", False)


def test_an_unreadable_file_in_a_folder(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "activations.py").symlink_to(tmp_path / "gone.py")
    (tmp_path / "out").mkdir()
    with pytest.raises(Unreadable, match="activations.py cannot be read"):
        stage([(tmp_path / "in", "in")], tmp_path / "out", False)
