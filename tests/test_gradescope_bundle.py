"""`dlgrade gradescope-bundle`: the autograder.zip, run in a folder laid out like Gradescope's
/autograder (setup.sh into a virtual environment that downloads nothing, then run_autograder)."""

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile

import pytest

from autograder.cli import main
from conftest import ROOT

SOFTMAX = "activations.softmax"
BUGGY = ROOT / "tests" / "submissions" / SOFTMAX / "buggy_no_max_shift.py"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    out = tmp_path_factory.mktemp("bundle") / "autograder.zip"
    assert main(["gradescope-bundle", str(out), "-e", SOFTMAX, "--call-timeout", "5"]) == 0
    return out


@pytest.fixture(scope="module")
def autograder(bundle, tmp_path_factory):
    """Gradescope's layout: the archive unpacked in source/, run_autograder copied beside it,
    setup.sh run (no system packages, a venv that sees this Python's numpy and hypothesis)."""
    base = getattr(sys, "_base_executable", sys.executable)  # what a venv of this Python sees
    if subprocess.run([base, "-c", "import numpy, hypothesis"], capture_output=True).returncode:
        pytest.skip(f"{base} lacks numpy or hypothesis, which setup.sh would have to download")
    root = tmp_path_factory.mktemp("gradescope") / "autograder"
    with zipfile.ZipFile(bundle) as z:
        z.extractall(root / "source")
        for info in z.infolist():  # zipfile does not restore permissions
            os.chmod(root / "source" / info.filename, info.external_attr >> 16 & 0o777)
    shutil.copy2(root / "source" / "run_autograder", root / "run_autograder")
    env = dict(os.environ, AUTOGRADER_ROOT=str(root), DLGRADE_SKIP_APT="1", PIP_NO_INDEX="1",
               DLGRADE_PYTHON=sys.executable, DLGRADE_VENV_OPTIONS="--system-site-packages")
    done = subprocess.run(["bash", str(root / "source" / "setup.sh")], env=env, capture_output=True,
                          text=True, timeout=300, cwd=root / "source")
    assert done.returncode == 0, done.stderr
    assert "dlgrade 0.1.0" in done.stdout
    return root


def run_autograder(root, files=(), **env):
    """Submit ``files`` ({name: text}) and run run_autograder; returns results.json."""
    shutil.rmtree(root / "submission", ignore_errors=True)
    shutil.rmtree(root / "results", ignore_errors=True)
    (root / "submission").mkdir()
    for name, text in dict(files).items():
        (root / "submission" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "submission" / name).write_text(text)
    done = subprocess.run([str(root / "run_autograder")], env=dict(os.environ, AUTOGRADER_ROOT=str(root),
                          **env), capture_output=True, text=True, timeout=300, cwd=root)
    assert done.returncode == 0, done.stderr
    return json.loads((root / "results" / "results.json").read_text())


def test_the_archive_holds_the_scripts_the_wheel_and_the_options(bundle):
    with zipfile.ZipFile(bundle) as z:
        names = z.namelist()
        assert names[:3] == ["setup.sh", "run_autograder", "dlgrade-args"]
        assert [n for n in names[3:]] == ["dist/dlgrade-0.1.0-py3-none-any.whl"]
        for script in ("setup.sh", "run_autograder"):
            assert stat.S_IMODE(z.getinfo(script).external_attr >> 16) == 0o755
        assert z.read("dlgrade-args").decode().split() == ["--exercise", SOFTMAX, "--call-timeout", "5"]


def test_the_solutions_get_full_marks(autograder):
    files = {p.name: p.read_text() for p in (ROOT / "solutions").glob("*.py")}
    results = run_autograder(autograder, files)
    assert results["score"] == 4.0
    (test,) = results["tests"]
    assert test["number"] == SOFTMAX and test["status"] == "passed" and test["max_score"] == 4.0
    assert "isolation: sandbox" in results["output"] or "isolation: process" in results["output"]


def test_a_buggy_submission_in_a_folder_gets_feedback_without_hidden_details(autograder):
    results = run_autograder(autograder, {"homework/activations.py": BUGGY.read_text()})
    (test,) = results["tests"]
    assert results["score"] == test["score"] < 4.0 and test["status"] == "failed"
    assert "no_max_shift" in test["output"]
    assert "details withheld: this is a hidden test" in test["output"]


def test_a_notebook_is_graded_too(autograder):
    cell = {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
            "source": (ROOT / "solutions" / "activations.py").read_text().splitlines(keepends=True)}
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [cell]}
    assert run_autograder(autograder, {"hw.ipynb": json.dumps(notebook)})["score"] == 4.0


def test_a_valid_results_json_whatever_fails(autograder):
    nothing = run_autograder(autograder, {"README.md": "I did it in my head"})
    assert nothing["score"] == 0 and "no unit module" in nothing["output"]
    broken = run_autograder(autograder, {"activations.py": "def softmax(:\n"})
    assert broken["score"] == 0 and broken["tests"][0]["status"] == "failed"
    no_dlgrade = run_autograder(autograder, {"activations.py": BUGGY.read_text()},
                                DLGRADE_VENV=str(autograder / "missing-venv"))
    assert no_dlgrade["score"] == 0 and "please tell your instructor" in no_dlgrade["output"]


def test_bundle_usage_errors(tmp_path, capsys):
    assert main(["gradescope-bundle", str(tmp_path / "a.zip"), "-e", "no.such"]) == 2
    (tmp_path / "x.whl").write_text("")
    assert main(["gradescope-bundle", str(tmp_path / "a.zip"), "--wheel", str(tmp_path / "x.whl")]) == 2
    err = capsys.readouterr().err
    assert "unknown exercise" in err and "not a dlgrade wheel" in err
