"""The steps of the Gradescope bundle's ``run_autograder`` that need Python (see `bundle`).

    python -m autograder.classroom.gradescope_run locate SUBMISSION WORK  # prints what to grade
    python -m autograder.classroom.gradescope_run check RESULTS           # fails unless valid
    python -m autograder.classroom.gradescope_run fail RESULTS MESSAGE    # 0 points and why

``locate`` stages Gradescope's submission folder into WORK the way ``dlgrade batch``
stages a submission (`stage.stage`): one ``.py``, ``.ipynb`` or ``.zip`` is taken as
the submission, anything else as a folder of unit modules (descending through a lone
top folder); failing that, the ``exercises/`` folder of a repository made from the
student release. It prints the path to grade, or the reason on stderr and exits with 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import catalog
from .fingerprint import JUNK
from .stage import NoModules, StageError, stage

SINGLE = (".py", ".ipynb", ".zip")


def locate(submission: Path, work: Path) -> Path:
    if not submission.is_dir():
        raise StageError(f"{submission}: no submission folder")
    work.mkdir(parents=True, exist_ok=True)
    entries = [e for e in submission.iterdir() if e.name not in JUNK and not e.name.startswith(".")]
    if len(entries) == 1 and entries[0].is_file() and entries[0].suffix.lower() in SINGLE:
        one = entries[0]
        return stage([(one, one.name)], work, single_file=one.suffix.lower() != ".zip")
    try:
        return stage([(submission, submission.name)], work, single_file=False)
    except NoModules:
        for folder in sorted(work.rglob("exercises"), key=lambda p: len(p.parts)):
            if any((folder / f"{u}.py").is_file() for u in catalog.units()):
                return folder
        raise


def check(results: Path) -> bool:
    """True when ``results`` is a results.json Gradescope accepts (a score or tests)."""
    try:
        data = json.loads(results.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and (isinstance(data.get("score"), (int, float))
                                       or isinstance(data.get("tests"), list))


def fail(results: Path, message: str):
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(json.dumps({
        "score": 0.0, "visibility": "visible", "stdout_visibility": "hidden", "tests": [],
        "output": f"Not graded: {message.strip() or 'dlgrade failed'}\n"
                  "Check what you submitted; if it looks right, please tell your instructor.",
    }, indent=2) + "\n", encoding="utf-8")


def main(argv) -> int:
    command, *args = argv
    if command == "locate":
        try:
            print(locate(Path(args[0]), Path(args[1])))
        except StageError as exc:
            print(exc, file=sys.stderr)
            return 1
        return 0
    if command == "check":
        return 0 if check(Path(args[0])) else 1
    if command == "fail":
        fail(Path(args[0]), args[1])
        return 0
    print(f"unknown command {command!r}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
