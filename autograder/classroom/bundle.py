"""`dlgrade gradescope-bundle OUT.zip`: Gradescope's ``autograder.zip``.

The archive holds, at its top level (Gradescope unpacks it into /autograder/source):

- ``setup.sh`` (`gradescope/setup.sh`): run once when Gradescope builds the image;
  installs bubblewrap, a Python 3.11+ if needed and dlgrade from the wheel below
  into /autograder/dlgrade-venv, using only the package registries;
- ``run_autograder`` (`gradescope/run_autograder`): run for each submission; grades
  /autograder/submission with ``dlgrade grade --format gradescope`` into
  /autograder/results/results.json, and writes a valid results.json (0 points and
  the reason) whatever fails;
- ``dist/dlgrade-<version>-py3-none-any.whl``: this dlgrade, hidden suites included,
  built from the source tree it runs from (or the wheel given);
- ``dlgrade-args``: the options of ``dlgrade grade`` chosen here (exercises,
  time limits), one per line.

Both scripts take their paths from ``AUTOGRADER_ROOT`` (default /autograder), so
the tests run them in a folder laid out like Gradescope's.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

SCRIPTS = Path(__file__).with_name("gradescope")
SOURCE_ROOT = Path(__file__).resolve().parent.parent.parent
#: What the wheel is built from (copied, so that the build leaves nothing in the source tree).
PROJECT_FILES = ("pyproject.toml", "README.md", "autograder", "reference")
STAMP = (2020, 1, 1, 0, 0, 0)  # fixed member times: the same inputs make the same archive


class BundleError(Exception):
    pass


def build_bundle(out, *, exercises=(), call_timeout=None, exercise_timeout=None,
                 wheel=None) -> Path:
    """Write the autograder archive to ``out``; returns its path."""
    out = Path(out)
    args = [a for i in exercises for a in ("--exercise", i)]
    if call_timeout is not None:
        args += ["--call-timeout", f"{call_timeout:g}"]
    if exercise_timeout is not None:
        args += ["--exercise-timeout", f"{exercise_timeout:g}"]
    with tempfile.TemporaryDirectory(prefix="dlgrade-bundle-") as tmp:
        wheel = Path(wheel) if wheel else build_wheel(Path(tmp))
        if not wheel.is_file() or not wheel.name.startswith("dlgrade-") or wheel.suffix != ".whl":
            raise BundleError(f"{wheel}: not a dlgrade wheel")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name in ("setup.sh", "run_autograder"):
                _add(z, name, (SCRIPTS / name).read_bytes(), executable=True)
            _add(z, "dlgrade-args", "".join(a + "\n" for a in args).encode())
            _add(z, f"dist/{wheel.name}", wheel.read_bytes())
    return out


def build_wheel(into: Path) -> Path:
    """Build a wheel of the dlgrade source tree this module belongs to, in ``into``."""
    if not (SOURCE_ROOT / "pyproject.toml").is_file():
        raise BundleError("this dlgrade is not a source tree (no pyproject.toml beside autograder/): "
                          "pass --wheel with a wheel of the instructor's dlgrade")
    project = into / "project"
    for name in PROJECT_FILES:
        src = SOURCE_ROOT / name
        if src.is_dir():
            shutil.copytree(src, project / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif src.exists():
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, project / name)
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
               "--wheel-dir", str(into / "dist"), str(project)]
    # without build isolation when setuptools is at hand: no download needed
    done = subprocess.run(command + ["--no-build-isolation"], capture_output=True, text=True)
    if done.returncode != 0:
        done = subprocess.run(command, capture_output=True, text=True)
    wheels = sorted((into / "dist").glob("dlgrade-*.whl"))
    if done.returncode != 0 or not wheels:
        raise BundleError("building the dlgrade wheel failed:\n" + (done.stderr or done.stdout).strip())
    return wheels[0]


def _add(z: zipfile.ZipFile, name: str, data: bytes, executable=False):
    info = zipfile.ZipInfo(name, STAMP)
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(info, data)
