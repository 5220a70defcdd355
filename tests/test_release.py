"""The student release holds what students need and nothing hidden.

`build_release` writes it into a temporary folder; the tests prove that it
has no file of reference/, solutions/, the hidden suites or the tests, no line
of a solution, no hidden property's name or description, and nothing
importable that computes an expected value. The slow test installs it into a
fresh virtual environment and runs ``dlgrade check`` and ``pytest`` there.
"""

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from autograder import catalog
from autograder.cli import main
from autograder.release import DIST_NAME, MARKER, RELEASED_MODULES, RELEASED_PACKAGES, build_release
from autograder.stubs import BEGIN_MARKER, END_MARKER, HEADER_TEMPLATE
from conftest import ROOT

FORBIDDEN = ("reference", "solutions", "autograder.suites")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    return build_release(tmp_path_factory.mktemp("release") / "student", min_passed=60)


def _files(release):
    return sorted(p for p in release.rglob("*") if p.is_file())


def _text(path):
    return path.read_text(encoding="utf-8", errors="replace")


def _code(line):
    """A line without its comment and without any whitespace."""
    return "".join(line.split("#", 1)[0].split())


def test_release_holds_exactly_the_student_files(release):
    expected = {"pyproject.toml", "README.md", ".gitignore", MARKER, ".github/workflows/dlgrade.yml",
                ".github/workflows/classroom.yml", ".github/classroom/autograding.json"}
    expected |= {f"exercises/{unit}.py" for unit in catalog.units()}
    expected |= {f"autograder/{name}" for name in RELEASED_MODULES}
    for package in RELEASED_PACKAGES:
        expected |= {f"autograder/{package}/{p.name}" for p in (ROOT / "autograder" / package).glob("*.py")}
    assert {p.relative_to(release).as_posix() for p in _files(release)} == expected
    for part in ("reference", "solutions", "suites", "tests"):
        assert not [p for p in _files(release) if part in p.relative_to(release).parts]
    assert not (release / "autograder" / "classroom").exists()


def test_no_line_of_a_solution_is_released(release):
    solution_lines = {}
    for path in sorted((ROOT / "solutions").glob("*.py")):
        inside = False
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if line.strip() in (BEGIN_MARKER, END_MARKER):
                inside = line.strip() == BEGIN_MARKER
                continue
            if inside and len(_code(line)) > 12:
                solution_lines.setdefault(_code(line), f"solutions/{path.name}:{n}")
    assert len(solution_lines) > 50  # the markers were found
    found = [f"{p.relative_to(release)}:{n} repeats {solution_lines[_code(line)]}: {line.strip()}"
             for p in _files(release) for n, line in enumerate(_text(p).splitlines(), 1)
             if _code(line) in solution_lines]
    assert not found, "\n".join(found)


def test_no_hidden_property_is_released(release):
    hidden = set()
    for e in catalog.entries():
        hidden |= {text for p in catalog.suite(e.id).properties if not p.public
                   for text in (p.name, p.description)}
    texts = {p.relative_to(release): _text(p) for p in _files(release)}
    found = [f"{path}: {h!r}" for path, text in texts.items() for h in hidden if h in text]
    assert not found, "\n".join(found)


IMPORT_ALL = r"""
import importlib, json, pkgutil, sys
release = sys.argv[1]
FORBIDDEN = ("reference", "solutions", "autograder.suites")
attempts = []

class Blocker:
    def find_spec(self, name, path=None, target=None):
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
            attempts.append(name)
            raise ModuleNotFoundError(f"blocked: {name}")
        return None

sys.meta_path.insert(0, Blocker())
sys.path.insert(0, release)
import autograder
assert autograder.__file__.startswith(release), autograder.__file__
names = ["autograder"] + [m.name for m in pkgutil.walk_packages(autograder.__path__, "autograder.")]
failed = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
from autograder import catalog, cli
views = {e.id: len(catalog.public_suite(e.id).properties) for e in catalog.entries()}
imported = list(attempts)
full = cli.has_hidden_suites()  # only probes for autograder.suites
print(json.dumps({"names": names, "failed": failed, "attempts": imported, "views": views,
                  "full": full,
                  "loaded": sorted(m for m in sys.modules
                                   if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))}))
"""


def test_every_released_module_imports_without_anything_hidden(release, tmp_path):
    proc = subprocess.run([sys.executable, "-I", "-c", IMPORT_ALL, str(release)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout)
    assert "autograder.public.detection" in found["names"] and "autograder.pytest_plugin" in found["names"]
    assert found["failed"] == {}
    assert found["attempts"] == [] and found["loaded"] == []
    assert found["full"] is False, "the released command line must offer the student commands only"
    assert all(found["views"].values()), found["views"]


def test_stubs_match_the_repository_exercises(release):
    for unit in catalog.units():
        ours = (ROOT / "exercises" / f"{unit}.py").read_text()
        ours = ours.removeprefix(HEADER_TEMPLATE.format(name=f"{unit}.py"))
        released = (release / "exercises" / f"{unit}.py").read_text()
        assert released.endswith(ours), f"exercises/{unit}.py differs from the released stub"
        assert "NotImplementedError" in released


def test_project_files(release):
    meta = tomllib.loads((release / "pyproject.toml").read_text())
    assert meta["project"]["name"] == DIST_NAME
    assert meta["project"]["scripts"]["dlgrade"] == "autograder.cli:run"
    assert meta["project"]["entry-points"]["pytest11"]["dlgrade"] == "autograder.pytest_plugin"
    assert sorted(meta["tool"]["setuptools"]["packages"]) == sorted(
        ["autograder"] + [f"autograder.{p}" for p in RELEASED_PACKAGES])
    workflow = (release / ".github" / "workflows" / "dlgrade.yml").read_text()
    assert "dlgrade check --format junit --output report.xml" in workflow
    assert '--summary "$GITHUB_STEP_SUMMARY"' in workflow and "DLGRADE_MIN_PASSED" in workflow
    assert "|| '60' }}" in workflow  # the --min-passed given to build_release
    tests = json.loads((release / ".github" / "classroom" / "autograding.json").read_text())["tests"]
    assert [t["run"].split("--exercise ")[1].split()[0] for t in tests] == [e.id for e in catalog.entries()]
    assert [t["points"] for t in tests] == [e.points for e in catalog.entries()]
    assert all("--fail-under 100" in t["run"] for t in tests)


def test_release_command_refuses_to_overwrite(tmp_path, capsys):
    out = tmp_path / "rel"
    assert main(["release", str(out)]) == 0
    assert main(["release", str(out)]) == 2
    assert "not empty" in capsys.readouterr().err
    assert main(["release", str(out), "--force"]) == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    assert main(["release", str(other), "--force"]) == 2
    assert (other / "notes.txt").exists()


# ------------------------------------------------------------ installed in a fresh environment


def _env():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_", "VIRTUAL_ENV"))}
    env["PIP_NO_INDEX"] = "1"
    env["NO_COLOR"] = "1"
    return env


def _run(argv, cwd, timeout=300):
    return subprocess.run(argv, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=timeout)


def test_slow_release_installs_and_checks_in_a_fresh_venv(release, tmp_path):
    """pip install the release into a new virtual environment; dlgrade check and pytest there."""
    venv = tmp_path / "venv"
    # numpy, hypothesis and pytest come from the system; pip and setuptools too (no download).
    made = _run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], tmp_path)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    work = tmp_path / "student"  # a copy, so that building leaves the release untouched
    subprocess.run(["cp", "-r", str(release), str(work)], check=True)
    installed = _run([str(python), "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q", "."], work)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    dlgrade = venv / "bin" / "dlgrade"
    assert dlgrade.exists()

    helped = _run([str(dlgrade), "--help"], work)
    commands = [line.split()[0] for line in helped.stdout.split("COMMAND\n")[1].split("options:")[0].splitlines()
                if line.startswith("    ") and not line.startswith("     ")]
    assert commands == ["list", "check", "doctor"], helped.stdout

    stubs = _run([str(dlgrade), "check"], work)  # ./exercises by default
    assert stubs.returncode == 0, stubs.stderr
    n = len(catalog.entries())
    assert f"{n} exercises: 0 passed, 0 failed, {n} not started" in stubs.stdout
    assert "Traceback" not in stubs.stdout + stubs.stderr and "Score" not in stubs.stdout

    solutions = tmp_path / "solutions"
    subprocess.run(["cp", "-r", str(ROOT / "solutions"), str(solutions)], check=True)
    solved = _run([str(dlgrade), "check", str(solutions), "--fail-under", "100",
                   "--format", "junit", "--output", str(tmp_path / "report.xml")], work)
    assert solved.returncode == 0, solved.stdout + solved.stderr
    assert f"{n} exercises: {n} passed, 0 failed, 0 not started" in solved.stdout
    assert 'failures="0" errors="0" skipped="0"' in (tmp_path / "report.xml").read_text()

    # plain pytest in the release: every public check is an item, the stubs are skipped
    total = sum(len(catalog.public_suite(e.id).properties) for e in catalog.entries())
    skipped = _run([str(python), "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider"], work)
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    assert f"{total} skipped" in skipped.stdout

    for f in solutions.glob("*.py"):
        (work / "exercises" / f.name).write_text(f.read_text())
    bug = ROOT / "tests" / "submissions" / "activations.softmax" / "buggy_no_max_shift.py"
    # the solved unit with its softmax replaced by the buggy one (the later definition wins)
    (work / "exercises" / "activations.py").write_text(
        (solutions / "activations.py").read_text() + "\n\n" + bug.read_text())
    checked = _run([str(python), "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider"], work)
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert f"{total - 2} passed" in checked.stdout and "2 failed" in checked.stdout, checked.stdout
    assert "exercises/activations.py::activations.softmax::is_distribution" in checked.stdout
    assert "counterexample: x=array(" in checked.stdout and "course: seed 003" in checked.stdout
