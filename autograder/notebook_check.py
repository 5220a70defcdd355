"""The check cells of the course notebooks: an exercise's public checks, run from Jupyter.

A check cell (see `autograder.notebooks`) calls ``check("unit.function",
globals())``. The functions and classes defined in the notebook are written,
with the imports and simple constants they use, into a temporary module
``<unit>.py``, which is checked like ``dlgrade check`` checks a file: public
properties only, in an isolated worker, with the same feedback. Each
definition's source comes from `inspect.getsource` (IPython keeps the source
of every cell), or else from IPython's input history ``In`` (the last cell
defining that name). A line of the student's code that raised is shown as a
line of the cell that defines the function, not of the temporary module.
"""

from __future__ import annotations

import ast
import inspect
import sys
import tempfile
import textwrap
import types
from pathlib import Path

#: Names of the notebook namespace that are never the student's definitions.
IGNORED = frozenset({"In", "Out", "get_ipython", "exit", "quit", "check"})


class Report(dict):
    """The ``dlgrade check`` report as data; a notebook shows nothing more (it was printed)."""

    def _ipython_display_(self):
        pass


def check(exercise_id: str, namespace: dict, *, launcher=None) -> Report:
    """Run the public checks of ``exercise_id`` on the functions defined in ``namespace``;
    print a short report and return it (empty when the function is not defined)."""
    from . import catalog
    from .grade import grade
    from .report import build
    from .report.feedback import where_text
    from .report.terminal import render_terminal

    entry = catalog.entry(exercise_id)
    function = exercise_id.split(".", 1)[1]
    if not callable(namespace.get(function)):
        print(f"{function} is not defined yet: run the cell that defines it, then this one.")
        return Report()
    source, origins = module_source(namespace)
    with tempfile.TemporaryDirectory(prefix="dlgrade-notebook-") as folder:
        module = Path(folder) / f"{entry.unit}.py"
        module.write_text(source, encoding="utf-8")
        result = grade(module, [exercise_id], public_only=True, launcher=launcher)
    report = Report(build(result, "student"))
    for ex in report["exercises"]:
        for f in ex["failures"]:
            if f["where"] and f["where"]["file"] == module.name:
                old = where_text(f["where"])
                f["where"].update(_cell_position(f["where"]["line"], origins))
                f["message"] = f["message"].replace(old, where_text(f["where"]))
    print(render_terminal(report, summary=False).rstrip())
    ex = report["exercises"][0]
    if ex["status"] == "passed":
        print(f"All {ex['checks']} public checks of {function} passed. Your grade also uses hidden "
              "tests, so this is a good sign, not a guarantee.")
    elif ex["status"] != "not_started":
        print(f"{ex['checks_passed']} of {ex['checks']} public checks of {function} passed.")
    return report


def module_source(namespace: dict) -> tuple[str, list]:
    """The module made of the notebook's definitions, and where each came from.

    Returns the source and a list of ``(first line in the module, line count,
    name, first line in its cell)`` for each definition.
    """
    here = namespace.get("__name__", "__main__")
    defined = {}
    for name, obj in list(namespace.items()):
        if name in IGNORED or name.startswith("_") and getattr(obj, "__name__", None) != name:
            continue  # IPython's _, __, _i1 ... hold outputs and inputs
        if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == here:
            text, first = _definition(name, obj, namespace)
            if text:
                defined[name] = (text, first)
    used = set()
    for name in defined:
        used |= _global_names(namespace[name])
    lines = [line for name in namespace if name in used and name not in defined and name not in IGNORED
             for line in [_binding(name, namespace[name], here)] if line]
    origins = []
    for name, (text, first) in defined.items():
        lines.append("")
        origins.append((len(lines) + 1, text.count("\n") + 1, name, first))
        lines += text.split("\n")
    return "\n".join(lines) + "\n", origins


def _definition(name, obj, namespace):
    """The source of one definition (or "" if none is found) and its first line in its cell."""
    try:
        lines, first = inspect.getsourcelines(obj)
        text = textwrap.dedent("".join(lines)).rstrip()
        ast.parse(text)
    except (OSError, TypeError, SyntaxError):
        text, first = _from_history(name, namespace.get("In")), 1
    if text and getattr(obj, "__name__", name) not in (name, "<lambda>"):
        text += f"\n{name} = {obj.__name__}"
    return text, max(first, 1)


def _from_history(name, history) -> str:
    """The last definition of ``name`` in IPython's input history (a list of cell sources)."""
    try:
        from .ipynb import cell_to_source
    except ImportError:  # a release without it: cells with magics do not parse and are passed over
        def cell_to_source(source):
            return source

    for cell in reversed(history or []):
        try:
            source = cell_to_source(str(cell))
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in reversed(tree.body):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.name == name:
                return ast.get_source_segment(source, node, padded=False) or ""
    return ""


def _global_names(obj) -> set:
    """The global names the code of a function (or of a class's methods) may use."""
    codes = [obj.__code__] if inspect.isfunction(obj) else [
        v.__code__ for v in vars(obj).values() if inspect.isfunction(v)]
    names = set()
    while codes:
        code = codes.pop()
        names |= set(code.co_names)
        codes += [c for c in code.co_consts if isinstance(c, types.CodeType)]
    return names


def _binding(name, value, here) -> str:
    """A line binding ``name`` as in the notebook: an import or a literal constant; "" if neither."""
    if isinstance(value, types.ModuleType):
        return f"import {value.__name__}" + ("" if value.__name__ == name else f" as {name}")
    module, attr = getattr(value, "__module__", None), getattr(value, "__name__", None)
    if (isinstance(module, str) and module != here and isinstance(attr, str)
            and getattr(sys.modules.get(module), attr, None) is value):
        return f"from {module} import {attr}" + ("" if attr == name else f" as {name}")
    try:
        if ast.literal_eval(repr(value)) == value:
            return f"{name} = {value!r}"
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        pass
    return ""


def _cell_position(line: int, origins: list) -> dict:
    """Where line ``line`` of the temporary module is in the notebook."""
    for start, count, name, first in origins:
        if start <= line < start + count:
            return {"file": f"the cell defining {name}", "line": first + line - start}
    return {"file": "your notebook"}
