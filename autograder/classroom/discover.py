"""Finding the submissions in a folder and the student each one belongs to.

Three layouts are understood, each entry of the folder on its own:

- **one entry per student**: ``alice/`` (a folder of unit modules), ``alice.py``,
  ``alice.ipynb`` or ``alice.zip``; the student id is the name without suffix;
- **nbgrader**: a ``submitted/`` folder (given, or inside the folder given) holding
  ``submitted/<student>/<assignment>/``; one submission per assignment folder;
- **Canvas-style LMS download**: files named
  ``<name>[_LATE]_<user id>_<submission id>_<original file name>`` (Canvas adds
  ``-1``, ``-2``... to resubmitted file names; that suffix is dropped). All files of
  one student form one submission, staged under their original names.

Hidden files and litter (``.DS_Store``, ``__MACOSX``, ...) are ignored; anything
else that is not understood is returned in `Discovery.unrecognised`, never
skipped silently. A student found more than once becomes one submission with
``problem="duplicate"`` that names every path and is not graded. An entry that
must be a file but is not (a link leading nowhere, a folder named ``bob.py``)
becomes a submission with ``problem="unreadable"``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .fingerprint import JUNK

SUFFIXES = (".py", ".ipynb", ".zip")
CANVAS = re.compile(r"^(?P<name>[^_]+?)(?P<late>_late)?_(?P<user>\d+)_(?P<sid>\d+)_(?P<file>.+)$",
                    re.IGNORECASE)
RESUBMITTED = re.compile(r"-\d+$")


@dataclass
class Submission:
    key: str  # unique in the gradebook: the student, or student/assignment for nbgrader
    student: str
    files: list  # [(path handed in, name to stage it as)]
    layout: str  # "folder" | "file" | "nbgrader" | "canvas"
    assignment: str = ""
    meta: dict = field(default_factory=dict)
    problem: str = ""  # "duplicate" | "unreadable": recorded without grading
    message: str = ""

    @property
    def paths(self) -> list:
        return [p for p, _ in self.files]

    @property
    def single_file(self) -> bool:
        """One .py or .ipynb: graded as a single file serving every unit, like `dlgrade grade x.py`."""
        return len(self.files) == 1 and Path(self.files[0][1]).suffix in (".py", ".ipynb")


@dataclass
class Unrecognised:
    path: str
    reason: str


@dataclass
class Discovery:
    submissions: list
    unrecognised: list
    layout: str  # "nbgrader" or "flat"


class DiscoveryError(Exception):
    """The folder of submissions cannot be read at all."""


def discover(root, ignore=()) -> Discovery:
    """The submissions in ``root``, sorted by key; ``ignore``: paths that are not submissions."""
    root = Path(root)
    if not root.is_dir():
        raise DiscoveryError(f"{root}: not a folder")
    ignore = {Path(p).resolve() for p in ignore}
    if root.name == "submitted" or (root / "submitted").is_dir():
        found, odd = _nbgrader(root if root.name == "submitted" else root / "submitted", ignore)
        layout = "nbgrader"
    else:
        found, odd = _flat(root, ignore)
        layout = "flat"
    return Discovery(_merge_duplicates(found), sorted(odd, key=lambda u: u.path), layout)


def _entries(folder: Path, ignore):
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(".") or entry.name in JUNK or entry.resolve() in ignore:
            continue
        yield entry


def _flat(root: Path, ignore):
    found, odd, canvas = [], [], {}
    for entry in _entries(root, ignore):
        m = CANVAS.match(entry.name)
        if m and entry.suffix.lower() in SUFFIXES and not entry.is_dir():
            canvas.setdefault((m["name"].lower(), m["user"]), []).append((entry, m))
        elif entry.suffix.lower() in SUFFIXES:
            staged = entry.stem + entry.suffix.lower()
            found.append(_checked(Submission(entry.stem, entry.stem, [(entry, staged)], "file")))
        elif entry.is_dir():
            found.append(Submission(entry.name, entry.name, [(entry, entry.name)], "folder"))
        else:
            odd.append(Unrecognised(str(entry), _why_not(entry)))
    names = [name for name, _ in canvas]
    for (name, user), items in canvas.items():
        student = name if names.count(name) == 1 else f"{name}_{user}"
        files = [(p, RESUBMITTED.sub("", Path(m["file"]).stem) + Path(m["file"]).suffix.lower())
                 for p, m in items]
        meta = {"lms": "canvas", "name": name, "user_id": user,
                "late": any(m["late"] for _, m in items),
                "submission_ids": sorted({m["sid"] for _, m in items})}
        sub = _checked(Submission(student, student, files, "canvas", meta=meta))
        staged = [n for _, n in files]
        clashing = sorted({n for n in staged if staged.count(n) > 1})
        if clashing and not sub.problem:
            sub.problem, sub.message = "duplicate", (
                f"several files would be staged as {', '.join(clashing)}: "
                + ", ".join(p.name for p, _ in files) + "; none graded: keep one and run again")
        found.append(sub)
    return found, odd


def _nbgrader(submitted: Path, ignore):
    found, odd = [], []
    for student in _entries(submitted, ignore):
        if not student.is_dir():
            odd.append(Unrecognised(str(student), "nbgrader layout: expected submitted/<student>/"))
            continue
        for assignment in _entries(student, ignore):
            if not assignment.is_dir():
                odd.append(Unrecognised(str(assignment),
                                        "nbgrader layout: expected submitted/<student>/<assignment>/"))
                continue
            found.append(Submission(f"{student.name}/{assignment.name}", student.name,
                                    [(assignment, assignment.name)], "nbgrader",
                                    assignment=assignment.name))
    return found, odd


def _checked(sub: Submission) -> Submission:
    """Mark a submission whose files are not regular files as unreadable."""
    for path, _ in sub.files:
        if path.is_symlink() and not path.exists():
            sub.problem, sub.message = "unreadable", f"{path.name} is a link that leads nowhere"
        elif path.is_dir():
            sub.problem, sub.message = "unreadable", f"{path.name} is a folder, not a file"
        elif not path.is_file():
            sub.problem, sub.message = "unreadable", f"{path.name} is not a regular file"
    return sub


def _why_not(entry: Path) -> str:
    if entry.is_symlink() and not entry.exists():
        return "a link that leads nowhere"
    if not entry.is_file():
        return "not a regular file"
    return (f"not a submission: expected a folder, or a {', '.join(SUFFIXES)} file "
            "(named after the student, or as an LMS download names it)")


def _merge_duplicates(found):
    by_student = {}
    for sub in found:
        by_student.setdefault(sub.key.casefold(), []).append(sub)
    merged = []
    for subs in by_student.values():
        if len(subs) == 1:
            merged.append(subs[0])
            continue
        first = subs[0]
        paths = [p for s in subs for p in s.paths]
        merged.append(Submission(
            first.key, first.student, [f for s in subs for f in s.files], first.layout,
            assignment=first.assignment, meta=first.meta, problem="duplicate",
            message=f"student {first.key} appears {len(subs)} times ("
            + ", ".join(p.name + ("/" if p.is_dir() else "") for p in paths)
            + "); none graded: keep one and run again"))
    return sorted(merged, key=lambda s: s.key)
