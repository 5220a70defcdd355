"""Generate the course notebooks in notebooks/ from the solutions in solutions/.

``notebooks/<unit>.ipynb`` is the instructor's (nbgrader "source") version of a
unit: ``nbgrader generate_assignment`` turns it into the student version by
replacing each ``### BEGIN SOLUTION`` ... ``### END SOLUTION`` region with a
stub. It holds, in order:

* a markdown introduction: the unit, its exercises with their points and where
  the course teaches them, and how to work;
* a setup cell with the solution module's imports;
* for each function of ``solutions/<unit>.py``: a markdown cell with the
  first paragraph of its docstring, a solution cell holding the whole function
  (nbgrader markers kept; metadata ``solution: true``, grade id
  ``<unit>-<function>``), and, for a graded function, a locked check cell that
  runs the exercise's public checks inline (`autograder.notebook_check`).

nbgrader's grade ids may hold only letters, digits, ``_`` and ``-``, so the
exercise ``activations.softmax`` has the grade id ``activations-softmax`` and
its check cell ``activations-softmax-check``. Cell ids are fixed too, so the
files are the same on every run: ``dlgrade notebooks --check`` (and
``tests/test_notebooks.py``) fail when notebooks/ is stale.

The JSON is written the way ``nbformat`` writes it (sorted keys, indent 1,
sources split into lines); with ``nbformat`` installed it is written, and
validated, by ``nbformat`` itself.
"""

from __future__ import annotations

import ast
import json
import textwrap
from pathlib import Path

from . import catalog

NBGRADER_SCHEMA = 3
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

HOW_TO = """\
**How to work.** Write your code in place of each `raise NotImplementedError()` and run the \
cell, then run the check cell below it: it runs the exercise's *public* checks and says what \
fails, with a small counterexample, the mistake it looks like and where the course explains \
it. Run the cells from the top after restarting the kernel. Your grade also uses hidden \
tests, so passing every public check does not guarantee full marks. `dlgrade check \
{unit}.ipynb` runs the same checks from a terminal."""


def grade_id(exercise_id: str) -> str:
    """nbgrader's grade id of an exercise's solution cell (dots are not allowed there)."""
    return exercise_id.replace(".", "-")


def build_notebook(unit: str, source: str) -> dict:
    """The source notebook of ``unit`` (nbformat 4 as plain data) from its solution module."""
    tree = ast.parse(source)
    lines = source.splitlines()

    def segment(node):
        """The node's lines, decorators and trailing indented comments (``### END SOLUTION``) included."""
        start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        end = node.end_lineno
        while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()
                                    and lines[end].lstrip().startswith("#")):
            end += 1
        return "\n".join(lines[start - 1:end]).rstrip()

    graded = {e.id.split(".", 1)[1]: e for e in catalog.entries() if e.unit == unit}
    definitions = (ast.FunctionDef, ast.ClassDef)
    imports = [segment(n) for n in tree.body if isinstance(n, (ast.Import, ast.ImportFrom))]
    # Module-level constants and the like go into the setup cell, after the imports.
    others = [segment(n) for i, n in enumerate(tree.body)
              if not isinstance(n, (ast.Import, ast.ImportFrom, *definitions))
              and not (i == 0 and isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    functions = [n for n in tree.body if isinstance(n, definitions)]

    cells = [_markdown(_intro(unit, ast.get_docstring(tree) or "", graded, functions)),
             _code("\n".join(imports + others) or "import numpy as np",
                   _nbgrader(f"{unit}-setup", locked=True))]
    for fn in functions:
        entry = graded.get(fn.name)
        exercise_id = entry.id if entry else f"{unit}.{fn.name}"
        summary = (ast.get_docstring(fn) or "").split("\n\n", 1)[0].replace("\n", " ")
        title = f"## {entry.title} (`{fn.name}`, {entry.points:g} points)" if entry else f"## `{fn.name}`"
        cells.append(_markdown(f"{title}\n\n{summary}".rstrip()))
        cells.append(_code(segment(fn), _nbgrader(grade_id(exercise_id), solution=True)))
        if entry:
            cells.append(_code("from autograder.notebook_check import check\n\n"
                               f'check("{entry.id}", globals())',
                               _nbgrader(grade_id(entry.id) + "-check", locked=True)))
    for number, cell in enumerate(cells, 1):
        cell["id"] = f"{unit}-{number:02d}"
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}}


def _intro(unit, docstring, graded, functions) -> str:
    heading, _, rest = docstring.partition("\n\n")
    out = [f"# {heading.strip() or f'Unit `{unit}`'}"]
    if rest.strip():
        out.append(rest.strip())
    rows = [f"| `{e.id}` | {e.title} | {e.points:g} | {e.course} |"
            for fn in functions if (e := graded.get(fn.name))]
    if rows:
        out.append("| exercise | what | points | where the course teaches it |\n"
                   "| --- | --- | --- | --- |\n" + "\n".join(rows))
    out.append(HOW_TO.format(unit=unit))
    return "\n\n".join(out)


def _nbgrader(gid: str, *, solution=False, locked=False) -> dict:
    return {"nbgrader": {"grade": False, "grade_id": gid, "locked": locked,
                         "schema_version": NBGRADER_SCHEMA, "solution": solution}}


def _markdown(text: str) -> dict:
    return {"cell_type": "markdown", "metadata": {}, "source": text}


def _code(text: str, metadata: dict) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": metadata, "outputs": [],
            "source": text}


def render_notebook(nb: dict) -> str:
    """The notebook as file text, exactly as ``nbformat.write`` would write it."""
    try:
        import nbformat
    except ImportError:
        data = json.loads(json.dumps(nb))  # a copy
        for cell in data["cells"]:
            cell["source"] = cell["source"].splitlines(True)
        return json.dumps(data, indent=1, sort_keys=True, separators=(",", ": "),
                          ensure_ascii=False) + "\n"
    node = nbformat.from_dict(nb)
    nbformat.validate(node)
    return nbformat.writes(node) + "\n"


def generate_notebooks(solutions_dir, notebooks_dir, check: bool = False) -> list[str]:
    """Bring notebooks/ in line with solutions/ and return the paths written (or, with
    ``check``, that would be): missing or changed notebooks of the catalog's units."""
    solutions_dir, notebooks_dir = Path(solutions_dir), Path(notebooks_dir)
    wanted = {}
    for unit in catalog.units():
        path = solutions_dir / f"{unit}.py"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: no solution module for unit {unit}")
        nb = build_notebook(unit, path.read_text(encoding="utf-8"))
        wanted[notebooks_dir / f"{unit}.ipynb"] = render_notebook(nb)
    changed = [p for p, text in wanted.items()
               if not p.is_file() or p.read_text(encoding="utf-8") != text]
    if not check:
        notebooks_dir.mkdir(parents=True, exist_ok=True)
        for p in changed:
            p.write_text(wanted[p], encoding="utf-8", newline="\n")
    return [str(p) for p in changed]


def register(subparsers) -> dict:
    """The ``dlgrade notebooks`` command (an `autograder.cli` extension)."""
    n = subparsers.add_parser(
        "notebooks", help="generate notebooks/ (nbgrader source notebooks) from solutions/",
        description=textwrap.dedent("""\
            Write notebooks/<unit>.ipynb for every unit: the solutions with nbgrader's
            solution markers and cell metadata, and a check cell after each exercise
            running its public checks. `nbgrader generate_assignment` makes the student
            version."""))
    n.add_argument("--check", action="store_true", help="only check that notebooks/ is up to date")
    n.add_argument("--solutions", default="solutions")
    n.add_argument("--notebooks", default="notebooks")
    return {"notebooks": cmd_notebooks}


def cmd_notebooks(args) -> int:
    from .cli import EXIT_OK, UsageError

    try:
        changed = generate_notebooks(args.solutions, args.notebooks, check=args.check)
    except (FileNotFoundError, SyntaxError) as exc:
        raise UsageError(str(exc)) from None
    if args.check and changed:
        raise UsageError("notebooks/ is out of date with solutions/: run `dlgrade notebooks` ("
                         + ", ".join(changed) + ")")
    for path in changed:
        print(f"wrote {path}")
    return EXIT_OK
