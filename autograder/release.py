"""The student release behind ``dlgrade release OUTDIR``: exactly what students receive.

The release is a pip-installable project (distribution ``dlgrade-student``)
holding

* the package ``autograder`` reduced to what the public checks need:
  `RELEASED_PACKAGES` and `RELEASED_MODULES` (the catalog, the engine, the
  command line, which offers only the student commands there, and the pytest
  plugin, registered through the ``pytest11`` entry point);
* ``exercises/<unit>.py``, the stubs generated from ``solutions/`` (the
  solution regions replaced by ``raise NotImplementedError``), as the
  student's working folder next to ``pyproject.toml``;
* a README for students (``docs/students.md``), a GitHub Actions workflow
  running the public checks with a configurable threshold, and GitHub
  Classroom's ``autograding.json`` with one test per exercise.

Nothing of ``reference/``, ``solutions/`` (apart from the stubs made from
it), ``autograder/suites/`` or ``tests/`` is copied: the files are listed
here one by one rather than filtered out. ``tests/test_release.py`` builds a
release and proves it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from . import __version__, catalog
from .stubs import generate_stub

ROOT = Path(__file__).resolve().parent.parent
DIST_NAME = "dlgrade-student"
#: Packages copied whole (their .py files), and the modules of ``autograder`` itself.
RELEASED_PACKAGES = ("checking", "isolation", "public", "report")
RELEASED_MODULES = ("__init__.py", "catalog.py", "catalog.toml", "cli.py", "grade.py", "results.py",
                    "pytest_plugin.py", "ipynb.py", "notebook_check.py")
MARKER = ".dlgrade-release"  # names a folder as a release, so --force may replace it

STUB_HEADER = """\
# Your work goes here: replace each `raise NotImplementedError(...)` line with your code.
# Check it with `dlgrade check -e {unit}.<function>` or `pytest -k {unit}` (see README.md).
"""

PYPROJECT = """\
[build-system]
requires = ["setuptools>=64"]
build-backend = "setuptools.build_meta"

[project]
name = "{dist}"
version = "{version}"
description = "Deep-learning exercises in numpy and their public self-checks (dlgrade check)"
readme = "README.md"
requires-python = ">=3.11"
dependencies = ["numpy>=1.24", "hypothesis>=6.100", "pytest>=7"]

[project.scripts]
dlgrade = "autograder.cli:run"

[project.entry-points.pytest11]
dlgrade = "autograder.pytest_plugin"

[tool.setuptools]
packages = [{packages}]

[tool.setuptools.package-data]
autograder = ["catalog.toml"]

[tool.pytest.ini_options]
testpaths = ["exercises"]
"""

GITIGNORE = "__pycache__/\n*.egg-info/\n.venv/\nbuild/\n.hypothesis/\n.pytest_cache/\nreport.xml\n"

WORKFLOW = """\
# Runs the public checks of the exercises on every push (see README.md, "Continuous integration").
name: dlgrade check

on:
  push:
  pull_request:
  workflow_dispatch:
    inputs:
      min_passed:
        description: "Percentage of the public checks that must pass"
        required: false

permissions:
  contents: read

jobs:
  check:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    env:
      # The job fails when fewer than this percentage of the public checks pass. Change it with
      # the repository variable DLGRADE_MIN_PASSED (Settings > Secrets and variables > Actions).
      DLGRADE_MIN_PASSED: ${{{{ inputs.min_passed || vars.DLGRADE_MIN_PASSED || '{min_passed}' }}}}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install the exercises and the dlgrade command
        run: python -m pip install .
      - name: Run the public checks
        run: >-
          dlgrade check --format junit --output report.xml
          --summary "$GITHUB_STEP_SUMMARY" --fail-under "$DLGRADE_MIN_PASSED"
      - name: Keep the JUnit report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: dlgrade-report
          path: report.xml
          if-no-files-found: ignore
"""

CLASSROOM_WORKFLOW = """\
# GitHub Classroom autograding: runs the tests of .github/classroom/autograding.json.
name: GitHub Classroom Workflow

on: [push]

permissions:
  checks: write
  actions: read
  contents: read

jobs:
  build:
    name: Autograding
    runs-on: ubuntu-latest
    if: github.actor != 'github-classroom[bot]'
    steps:
      - uses: actions/checkout@v4
      - uses: education/autograding@v1
"""

#: Setup of the first Classroom test (the others reuse it): a virtual environment, so that pip
#: works on runners whose system Python refuses installs.
CLASSROOM_SETUP = "python3 -m venv .venv && .venv/bin/python -m pip install --quiet ."


class ReleaseError(Exception):
    """The release cannot be built (a usage error: bad OUTDIR, not run from a checkout)."""


def build_release(outdir, *, min_passed: float = 0.0, force: bool = False, root: Path = ROOT) -> Path:
    """Write the student release into ``outdir`` (new or empty; replaced with ``force``)."""
    outdir = Path(outdir).resolve()
    root = Path(root).resolve()
    if not (0.0 <= min_passed <= 100.0):
        raise ReleaseError(f"--min-passed must be a percentage between 0 and 100, not {min_passed:g}")
    for needed in ("solutions", "docs/students.md"):
        if not (root / needed).exists():
            raise ReleaseError(f"{root / needed} not found: run `dlgrade release` from a checkout of "
                               "the dlgrade repository")
    _prepare(outdir, root, force)
    _copy_package(outdir / "autograder", root / "autograder")
    _write_stubs(outdir / "exercises", root / "solutions")
    packages = ", ".join(f'"{p}"' for p in ["autograder"] + [f"autograder.{q}" for q in RELEASED_PACKAGES])
    _write(outdir / "pyproject.toml", PYPROJECT.format(dist=DIST_NAME, version=__version__, packages=packages))
    _write(outdir / "README.md", (root / "docs" / "students.md").read_text(encoding="utf-8"))
    _write(outdir / ".gitignore", GITIGNORE)
    _write(outdir / ".github" / "workflows" / "dlgrade.yml", WORKFLOW.format(min_passed=f"{min_passed:g}"))
    _write(outdir / ".github" / "workflows" / "classroom.yml", CLASSROOM_WORKFLOW)
    _write(outdir / ".github" / "classroom" / "autograding.json", autograding_json())
    _write(outdir / MARKER, json.dumps({"dlgrade_release": __version__}) + "\n")
    return outdir


def autograding_json() -> str:
    """GitHub Classroom's tests: one per exercise, passing when all its public checks pass."""
    tests = []
    for i, e in enumerate(catalog.entries()):
        tests.append({
            "name": f"{e.id}: {e.title}",
            "setup": CLASSROOM_SETUP if i == 0 else "",
            "run": f".venv/bin/dlgrade check --exercise {e.id} --fail-under 100",
            "input": "", "output": "", "comparison": "included",
            "timeout": 5,  # minutes
            "points": int(e.points) if float(e.points).is_integer() else e.points,
        })
    return json.dumps({"tests": tests}, indent=2) + "\n"


def _prepare(outdir: Path, root: Path, force: bool):
    if outdir == root or root.is_relative_to(outdir) or outdir.is_relative_to(root / "autograder"):
        raise ReleaseError(f"{outdir}: choose a folder outside the repository's sources")
    if outdir.exists() and not outdir.is_dir():
        raise ReleaseError(f"{outdir} exists and is not a folder")
    if outdir.is_dir() and any(outdir.iterdir()):
        if not force:
            raise ReleaseError(f"{outdir} is not empty (use --force to replace an earlier release)")
        if not (outdir / MARKER).is_file():
            raise ReleaseError(f"{outdir} is not empty and is not an earlier release: not replacing it")
        shutil.rmtree(outdir)
    outdir.mkdir(parents=True, exist_ok=True)


def _copy_package(dest: Path, source: Path):
    for name in RELEASED_MODULES:
        _copy(source / name, dest / name)
    for package in RELEASED_PACKAGES:
        files = sorted((source / package).glob("*.py"))
        if not files:
            raise ReleaseError(f"{source / package} holds no modules")
        for f in files:
            _copy(f, dest / package / f.name)


def _write_stubs(dest: Path, solutions: Path):
    units = catalog.units()
    for unit in units:
        path = solutions / f"{unit}.py"
        if not path.is_file():
            raise ReleaseError(f"{path} not found (the catalog has exercises of unit {unit!r})")
        stub = generate_stub(path.read_text(encoding="utf-8"), filename=f"solutions/{unit}.py")
        _write(dest / f"{unit}.py", STUB_HEADER.format(unit=unit) + stub)


def _copy(src: Path, dst: Path):
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def _write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
