"""Preparing one submission for grading in a private folder: copy, unzip, convert.

The grader never works on the handed-in files themselves: they are copied (folders),
unpacked (zip archives) or converted (notebooks) into a fresh staging folder, within
limits on the number of files and their total size. Zip archives are unpacked
member by member: absolute paths, ``..``, links and anything beyond the limits
are refused, never written. Then the unit modules are located the way
`dlgrade grade` looks for them: a single ``.py`` or ``.ipynb`` is graded as one
file serving every unit; a folder (or an archive) as a folder of unit modules,
descending through a lone top folder; a folder without any unit module but with
exactly one ``.py`` file is graded as that file.
"""

from __future__ import annotations

import os
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from .. import catalog
from .fingerprint import JUNK
from ..ipynb import NotebookError, notebook_to_source

MAX_FILES = 2000
MAX_BYTES = 64 * 2**20


class StageError(Exception):
    status = "unreadable"


class Unreadable(StageError):
    status = "unreadable"


class NoModules(StageError):
    status = "no_modules"


class _Limits:
    def __init__(self):
        self.files = self.bytes = 0

    def add_file(self, name):
        self.files += 1
        if self.files > MAX_FILES:
            raise Unreadable(f"more than {MAX_FILES} files; not graded")

    def add_bytes(self, n):
        self.bytes += n
        if self.bytes > MAX_BYTES:
            raise Unreadable(f"more than {MAX_BYTES // 2**20} MB of files; not graded")


def stage(files, into: Path, single_file: bool) -> Path:
    """Copy ``files`` ([(path handed in, name)]) into the folder ``into``; the path to grade."""
    limits = _Limits()
    for path, name in files:
        path = Path(path)
        if path.is_dir():
            _copy_tree(path, into, limits)
        elif Path(name).suffix.lower() == ".zip":
            _unzip(path, into, limits)
        else:
            _copy_file(path, into / name, limits, name)
    if single_file:
        target = into / files[0][1]
        return _converted(target) if target.suffix.lower() == ".ipynb" else target
    return locate(into)


def locate(folder: Path) -> Path:
    """The folder of unit modules (or the lone .py file) inside ``folder``."""
    root = folder
    while True:
        entries = _visible(root)
        if len(entries) == 1 and entries[0].is_dir():
            root = entries[0]
            continue
        break
    for nb in root.glob("*.ipynb"):
        if not nb.with_suffix(".py").exists():
            _converted(nb)
    units = catalog.units()
    if any((root / f"{u}.py").is_file() for u in units):
        return root
    scripts = [p for p in root.glob("*.py") if p.is_file()]
    if len(scripts) == 1:
        return scripts[0]
    held = ", ".join(sorted(p.relative_to(folder).as_posix() for p in _visible(root))[:12]) or "nothing"
    raise NoModules(f"no unit module ({', '.join(u + '.py' for u in units)}) and not exactly "
                    f"one .py file; the submission holds: {held}")


def _visible(folder: Path):
    return sorted(e for e in folder.iterdir() if e.name not in JUNK and not e.name.startswith("."))


def _converted(notebook: Path) -> Path:
    try:
        source = notebook_to_source(notebook)
    except NotebookError as exc:
        raise Unreadable(str(exc)) from None
    target = notebook.with_suffix(".py")
    target.write_text(source, encoding="utf-8")
    return target


def _copy_file(src: Path, dst: Path, limits: _Limits, name: str):
    limits.add_file(name)
    try:
        with open(src, "rb") as fin:
            dst.parent.mkdir(parents=True, exist_ok=True)
            with open(dst, "wb") as fout:
                _copy_stream(fin, fout, limits)
    except OSError as exc:
        raise Unreadable(f"{name} cannot be read: {exc.strerror or exc}") from None


def _copy_tree(src: Path, into: Path, limits: _Limits):
    for folder, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d not in JUNK)
        for f in sorted(files):
            if f not in JUNK:
                rel = Path(folder, f).relative_to(src)
                _copy_file(Path(folder, f), into / rel, limits, rel.as_posix())


def _copy_stream(fin, fout, limits: _Limits):
    for block in iter(lambda: fin.read(1 << 20), b""):
        limits.add_bytes(len(block))
        fout.write(block)


def _unzip(path: Path, into: Path, limits: _Limits):
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            if sum(i.file_size for i in members) > MAX_BYTES:  # a zip bomb is refused unopened
                raise Unreadable(f"more than {MAX_BYTES // 2**20} MB once unpacked; not graded")
            for info in members:
                rel = _member_path(info)
                if rel is None:
                    continue
                limits.add_file(info.filename)
                target = into.joinpath(*rel.parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as fin, open(target, "wb") as fout:
                    _copy_stream(fin, fout, limits)
    except Unreadable as exc:
        raise Unreadable(f"{path.name}: {exc}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError, NotImplementedError,
            ValueError, OSError) as exc:
        raise Unreadable(f"{path.name} is not a readable zip archive ({exc})") from None


def _member_path(info: zipfile.ZipInfo):
    """The member's relative path, None for folders and litter; refuses anything unsafe."""
    name = info.filename.replace("\\", "/")
    parts = PurePosixPath(name).parts
    if name.startswith("/") or ".." in parts or (parts and ":" in parts[0]):
        raise Unreadable(f"refused: a member outside the archive's folder ({info.filename!r})")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise Unreadable(f"refused: a symbolic link in the archive ({info.filename!r})")
    if info.is_dir() or not parts or any(p in JUNK or p.startswith("._") for p in parts):
        return None
    return PurePosixPath(*parts)
