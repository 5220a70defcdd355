"""Generate the student stubs in exercises/ from the solutions in solutions/.

A solution module marks the part the student writes with nbgrader-style
markers, each alone on its line, at the indentation of the code it encloses::

    def f(x):
        \"\"\"Docstring, kept in the stub.\"\"\"
        # Hint: comments outside the markers are kept as well.
        ### BEGIN SOLUTION
        return 2 * x
        ### END SOLUTION

`generate_stub` replaces each marked region (markers included) by a single
``raise NotImplementedError(...)`` line at the markers' indentation and keeps
everything else verbatim. `generate_exercises` does this for every
``solutions/<unit>.py`` and writes ``exercises/<unit>.py`` with a header
saying the file is generated; the CLI command ``dlgrade stubs [--check]``
calls it from the repository root.
"""
from __future__ import annotations

import ast
from pathlib import Path

BEGIN_MARKER = "### BEGIN SOLUTION"
END_MARKER = "### END SOLUTION"

STUB_MESSAGE = "Implement this function: replace this line with your code."
STUB_LINE = f'raise NotImplementedError("{STUB_MESSAGE}")'

HEADER_TEMPLATE = (
    "# GENERATED FILE - do not edit by hand.\n"
    "# Generated from solutions/{name} by `dlgrade stubs`: edit the solution\n"
    "# and run `dlgrade stubs` from the repository root to regenerate it.\n"
)


def _marker_kind(line: str, filename: str, lineno: int) -> str | None:
    """Return "begin", "end" or None for one source line.

    A marker must stand alone on its line (surrounding whitespace allowed);
    a marker text with anything else on the line is rejected, so that a
    marker is never silently ignored.
    """
    stripped = line.strip()
    if stripped == BEGIN_MARKER:
        return "begin"
    if stripped == END_MARKER:
        return "end"
    if BEGIN_MARKER in line or END_MARKER in line:
        raise ValueError(
            f"{filename}:{lineno}: a solution marker must be alone on its line: "
            f"{stripped!r}"
        )
    return None


def generate_stub(source: str, filename: str = "<source>") -> str:
    """Return `source` with every marked solution region replaced by a stub line.

    Each region from a ``### BEGIN SOLUTION`` line to the matching
    ``### END SOLUTION`` line (both included) becomes one line
    ``raise NotImplementedError("...")`` indented like the BEGIN marker.
    Everything outside the regions is kept unchanged (the trailing newline
    of the source included).

    Raises ValueError, naming `filename` and the line number, when the
    markers are unbalanced (END without BEGIN, BEGIN never closed), nested,
    not alone on their line, or when the BEGIN and END markers of one region
    are indented differently; and when the source or the resulting stub is
    not valid Python.
    """
    try:
        ast.parse(source, filename=filename)
    except SyntaxError as exc:
        raise ValueError(
            f"{filename}:{exc.lineno}: solution source does not parse: {exc.msg}"
        ) from exc

    lines = source.splitlines(keepends=True)
    out: list[str] = []
    open_line = None  # line number of the BEGIN marker of the open region
    open_indent = ""
    for lineno, line in enumerate(lines, start=1):
        kind = _marker_kind(line, filename, lineno)
        if kind == "begin":
            if open_line is not None:
                raise ValueError(
                    f"{filename}:{lineno}: nested '{BEGIN_MARKER}' "
                    f"(the region opened at line {open_line} is not closed)"
                )
            open_line = lineno
            open_indent = line[: len(line) - len(line.lstrip())]
        elif kind == "end":
            if open_line is None:
                raise ValueError(
                    f"{filename}:{lineno}: '{END_MARKER}' without a matching "
                    f"'{BEGIN_MARKER}'"
                )
            indent = line[: len(line) - len(line.lstrip())]
            if indent != open_indent:
                raise ValueError(
                    f"{filename}:{lineno}: '{END_MARKER}' is indented differently "
                    f"from the '{BEGIN_MARKER}' at line {open_line}"
                )
            out.append(f"{open_indent}{STUB_LINE}\n")
            open_line = None
        elif open_line is None:
            out.append(line)
    if open_line is not None:
        raise ValueError(
            f"{filename}:{open_line}: '{BEGIN_MARKER}' is never closed by "
            f"'{END_MARKER}'"
        )

    stub = "".join(out)
    if not source.endswith("\n") and stub.endswith("\n"):
        stub = stub[:-1]
    try:
        ast.parse(stub, filename=filename)
    except SyntaxError as exc:
        raise ValueError(
            f"{filename}:{exc.lineno}: the generated stub does not parse "
            f"({exc.msg}); check the placement of the solution markers"
        ) from exc
    return stub


def render_exercise(source: str, name: str, filename: str | None = None) -> str:
    """Return the full text of exercises/<name>: header comment plus stub."""
    header = HEADER_TEMPLATE.format(name=name)
    return header + generate_stub(source, filename=filename or f"solutions/{name}")


def _solution_files(solutions_dir: Path) -> list[Path]:
    """The unit modules in `solutions_dir`: *.py not starting with '_' or '.'."""
    return sorted(
        p for p in solutions_dir.glob("*.py")
        if p.is_file() and not p.name.startswith(("_", "."))
    )


def _is_generated(path: Path) -> bool:
    """True when `path` starts with the generated-file header line."""
    try:
        with path.open(encoding="utf-8") as fh:
            first = fh.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return first == HEADER_TEMPLATE.splitlines(keepends=True)[0]


def generate_exercises(solutions_dir, exercises_dir, check: bool = False) -> list[str]:
    """Bring exercises/ in line with solutions/ and return the affected paths.

    For every solutions/<unit>.py, exercises/<unit>.py must hold
    `render_exercise` of it. Generated files in exercises/ whose solution no
    longer exists (recognised by the generated header) are stale.

    With check=False, writes the files that are missing or out of date
    (creating exercises_dir if needed), removes stale generated files, and
    returns the paths it wrote or removed. Files already up to date are not
    rewritten, so a second run returns [].

    With check=True, writes nothing and returns the paths that are missing,
    out of date or stale; [] means exercises/ is up to date.

    Paths are returned as strings, joined onto `exercises_dir` as given
    (relative paths stay relative). Raises FileNotFoundError when
    solutions_dir is not a directory, and ValueError (file and line number)
    for a solution with bad markers; in that case nothing is written.
    """
    solutions_dir = Path(solutions_dir)
    exercises_dir = Path(exercises_dir)
    if not solutions_dir.is_dir():
        raise FileNotFoundError(f"solutions directory not found: {solutions_dir}")

    # Render everything first, so a bad file leaves exercises/ untouched.
    wanted: dict[Path, str] = {}
    for sol in _solution_files(solutions_dir):
        source = sol.read_text(encoding="utf-8")
        wanted[exercises_dir / sol.name] = render_exercise(source, sol.name, str(sol))

    changed: list[Path] = []
    for target, text in wanted.items():
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            changed.append(target)
    stale: list[Path] = []
    if exercises_dir.is_dir():
        stale = sorted(
            p for p in exercises_dir.glob("*.py")
            if p not in wanted and _is_generated(p)
        )

    if not check:
        if changed:
            exercises_dir.mkdir(parents=True, exist_ok=True)
        for target in changed:
            target.write_text(wanted[target], encoding="utf-8", newline="\n")
        for path in stale:
            path.unlink()
    return [str(p) for p in changed + stale]
