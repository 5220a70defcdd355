"""Jupyter notebooks as Python source: the code cells, without IPython magics.

A submitted ``.ipynb`` is graded as the ``.py`` made of its code cells, in order.
IPython-only lines are tolerated: a line starting with ``%`` (a line magic) or
``!`` (a shell escape) becomes a comment, and a cell starting with ``%%`` (a cell
magic such as ``%%time`` or ``%%bash``) is left out, its lines kept as comments so
that line numbers in tracebacks still point into the right cell. Markdown and raw
cells are skipped. The check cells of the course notebooks (`autograder.notebooks`: any cell
importing ``autograder.notebook_check``) run the public checks inside Jupyter and mean nothing
to the grader; they are left out the same way. Both the current format (nbformat 4) and the old
one (3) are read.
"""

from __future__ import annotations

import json
from pathlib import Path


class NotebookError(ValueError):
    """The file is not a readable Jupyter notebook."""


def notebook_to_source(path) -> str:
    """The Python source of the notebook at ``path`` (code cells joined, magics commented out)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NotebookError(f"{Path(path).name} is not a Jupyter notebook ({exc})") from None
    if not isinstance(data, dict):
        raise NotebookError(f"{Path(path).name} is not a Jupyter notebook")
    cells = data.get("cells")
    if cells is None:  # nbformat 3: cells live in worksheets, code under "input"
        cells = [c for ws in data.get("worksheets") or [] for c in ws.get("cells") or []]
    if not isinstance(cells, list):
        raise NotebookError(f"{Path(path).name} has no list of cells")
    chunks = []
    for number, cell in enumerate(cells, 1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", cell.get("input", ""))
        if isinstance(source, list):
            source = "".join(str(s) for s in source)
        chunks.append(f"# In[{number}]:\n" + cell_to_source(str(source)))
    return "\n\n".join(chunks) + "\n"


CHECK_MODULE = "autograder.notebook_check"


def cell_to_source(source: str) -> str:
    lines = source.splitlines()
    if source.lstrip().startswith("%%") or CHECK_MODULE in source:
        return "\n".join("# " + line for line in lines)
    return "\n".join(_comment_out(line) if line.lstrip()[:1] in ("%", "!") else line
                     for line in lines)


def _comment_out(line: str) -> str:
    indent = line[:len(line) - len(line.lstrip())]
    # `pass` keeps an indented block valid when the magic was its only statement
    return f"{indent}pass  # {line.lstrip()}" if indent else f"# {line}"
