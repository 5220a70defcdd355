"""The two hashes that decide whether a submission must be graded again.

`content_hash`: what the student handed in (sorted relative paths and bytes of its
files). `suite_version`: what grades it (the catalog, the hidden suites, the
references and the checking code). A gradebook row whose two hashes (and exercise
selection) match the current ones is up to date and is not graded again.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from functools import lru_cache
from pathlib import Path

#: Names that are never part of a submission: caches and archive or OS litter.
JUNK = frozenset({"__pycache__", ".ipynb_checkpoints", "__MACOSX", ".DS_Store", ".git"})

AUTOGRADER = Path(__file__).resolve().parent.parent


def content_hash(paths) -> str:
    """sha256 over the sorted relative paths and bytes of the files under ``paths``.

    Never raises: a link that leads nowhere or a file that cannot be read is hashed
    as its link target or its error, so a broken submission also has a stable hash.
    """
    h = hashlib.sha256()
    for path in sorted(Path(p) for p in paths):
        for rel, full in _files(path):
            h.update(rel.encode("utf-8", "surrogateescape") + b"\0")
            h.update(_digest(full) + b"\0")
    return h.hexdigest()


def _files(path: Path):
    if not path.is_dir() or path.is_symlink():
        yield path.name, path
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if d not in JUNK)
        for name in sorted(files):
            if name not in JUNK:
                full = Path(folder, name)
                yield path.name + "/" + full.relative_to(path).as_posix(), full


def _digest(path: Path) -> bytes:
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.digest()
    except OSError as exc:
        try:
            return b"link:" + os.readlink(path).encode("utf-8", "surrogateescape")
        except OSError:
            return b"error:" + str(exc.errno).encode()


@lru_cache(maxsize=None)
def suite_version() -> str:
    """sha256 (16 hex digits) over catalog.toml, the public and hidden suites, the references, the
    checking code and the probe objects the worker builds for exercises."""
    reference = Path(importlib.util.find_spec("reference").origin).parent
    files = [AUTOGRADER / "catalog.toml", *sorted((AUTOGRADER / "suites").glob("*.py")),
             *sorted((AUTOGRADER / "public").glob("*.py")),
             *sorted(reference.glob("*.py")), *sorted((AUTOGRADER / "checking").glob("*.py")),
             AUTOGRADER / "isolation" / "probes.py"]
    h = hashlib.sha256()
    for f in files:
        h.update(f"{f.parent.name}/{f.name}\0".encode() + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]
