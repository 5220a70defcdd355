"""Tests of the stub generator (autograder.stubs) and of solutions/ vs exercises/."""
from __future__ import annotations

import ast
import importlib.util
import inspect
import sys
import textwrap
from pathlib import Path

import pytest

from autograder.stubs import (
    BEGIN_MARKER,
    END_MARKER,
    generate_exercises,
    generate_stub,
    render_exercise,
)

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
UNITS = sorted(p.stem for p in SOLUTIONS.glob("*.py") if not p.name.startswith(("_", ".")))


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _marked_regions(source: str) -> list[tuple[int, int]]:
    """(begin_line, end_line) pairs, 1-based, of the marked regions."""
    regions, start = [], None
    for lineno, line in enumerate(source.splitlines(), start=1):
        if line.strip() == BEGIN_MARKER:
            start = lineno
        elif line.strip() == END_MARKER:
            regions.append((start, lineno))
    return regions


def _functions(source: str) -> list[ast.FunctionDef]:
    return [n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef)]


def _marked_functions(source: str) -> set[str]:
    """Names of top-level functions that contain a marked region."""
    regions = _marked_regions(source)
    return {
        fn.name for fn in _functions(source)
        if any(fn.lineno <= b <= fn.end_lineno for b, _ in regions)
    }


# --------------------------------------------------------------------------
# (a) exercises/ is up to date
# --------------------------------------------------------------------------

def test_units_present():
    expected = {"layers", "activations", "losses", "cnn", "optim", "rnn", "detection", "face"}
    assert expected <= set(UNITS)
    assert not (SOLUTIONS / "__init__.py").exists()


def test_exercises_up_to_date():
    outdated = generate_exercises(SOLUTIONS, EXERCISES, check=True)
    assert outdated == [], (
        "exercises/ is out of date with solutions/ (missing, changed or stale: "
        f"{outdated}); run `dlgrade stubs` from the repository root to regenerate it"
    )


def test_generate_exercises_writes_then_reports_nothing(tmp_path):
    sol = tmp_path / "solutions"
    sol.mkdir()
    (sol / "unit.py").write_text(
        'def f(x):\n    """Double."""\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION\n'
    )
    (sol / "_private.py").write_text("x = 1\n")
    ex = tmp_path / "exercises"
    assert generate_exercises(sol, ex, check=True) == [str(ex / "unit.py")]
    assert not ex.exists()  # check mode writes nothing
    assert generate_exercises(sol, ex) == [str(ex / "unit.py")]
    text = (ex / "unit.py").read_text()
    assert text.startswith("# GENERATED FILE")
    assert "dlgrade stubs" in text.splitlines()[1]
    assert "return 2 * x" not in text
    assert not (ex / "_private.py").exists()
    assert generate_exercises(sol, ex, check=True) == []
    assert generate_exercises(sol, ex) == []
    # A hand edit is detected.
    (ex / "unit.py").write_text(text + "# edited\n")
    assert generate_exercises(sol, ex, check=True) == [str(ex / "unit.py")]
    # A generated file whose solution is gone is stale; hand-written files are left alone.
    (ex / "unit.py").rename(ex / "old.py")
    (ex / "mine.py").write_text("x = 1\n")
    assert set(generate_exercises(sol, ex, check=True)) == {str(ex / "unit.py"), str(ex / "old.py")}
    generate_exercises(sol, ex)
    assert not (ex / "old.py").exists() and (ex / "mine.py").exists()


def test_generate_exercises_bad_marker_writes_nothing(tmp_path):
    sol = tmp_path / "solutions"
    sol.mkdir()
    (sol / "a.py").write_text('def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n')
    (sol / "b.py").write_text('def g():\n    ### BEGIN SOLUTION\n    return 1\n')
    ex = tmp_path / "exercises"
    with pytest.raises(ValueError, match=r"b\.py:2"):
        generate_exercises(sol, ex)
    assert not ex.exists()


def test_generate_exercises_relative_paths(tmp_path, monkeypatch):
    (tmp_path / "solutions").mkdir()
    (tmp_path / "solutions" / "u.py").write_text("def f():\n    ### BEGIN SOLUTION\n    pass\n    ### END SOLUTION\n")
    monkeypatch.chdir(tmp_path)
    assert generate_exercises(Path("solutions"), Path("exercises")) == [str(Path("exercises") / "u.py")]


# --------------------------------------------------------------------------
# (b) generate_stub on small sources
# --------------------------------------------------------------------------

SMALL = textwrap.dedent('''\
    """Module docstring."""
    import numpy as np


    def f(x, y=2):
        """Add y to x."""
        # Hint: keep me.
        ### BEGIN SOLUTION
        z = x + y
        return z
        ### END SOLUTION


    class K:
        def method(self):
            """Method docstring."""
            if True:
                ### BEGIN SOLUTION
                return 1
                ### END SOLUTION
            return 2
    ''')


def test_generate_stub_replaces_regions():
    stub = generate_stub(SMALL)
    assert BEGIN_MARKER not in stub and END_MARKER not in stub
    assert "z = x + y" not in stub and "return 1" not in stub
    lines = stub.splitlines()
    raises = [line for line in lines if "raise NotImplementedError(" in line]
    assert raises == [
        '    raise NotImplementedError("Implement this function: replace this line with your code.")',
        '            raise NotImplementedError("Implement this function: replace this line with your code.")',
    ]
    # Everything outside the markers is kept verbatim.
    for kept in ['"""Module docstring."""', "import numpy as np", "def f(x, y=2):",
                 '    """Add y to x."""', "    # Hint: keep me.", "        return 2",
                 '        """Method docstring."""']:
        assert kept in lines
    assert stub.endswith("return 2\n")
    ast.parse(stub)


def test_generate_stub_function_behaviour():
    namespace: dict = {}
    exec(compile(generate_stub(SMALL), "<stub>", "exec"), namespace)
    assert namespace["f"].__doc__ == "Add y to x."
    with pytest.raises(NotImplementedError):
        namespace["f"](1)
    with pytest.raises(NotImplementedError):
        namespace["K"]().method()


def test_generate_stub_without_markers_is_identity():
    src = "def f(x):\n    return x\n"
    assert generate_stub(src) == src
    assert generate_stub("x = 1") == "x = 1"


def test_generate_stub_tab_indentation_and_no_trailing_newline():
    src = "def f():\n\t### BEGIN SOLUTION\n\treturn 1\n\t### END SOLUTION"
    stub = generate_stub(src)
    assert stub.splitlines()[1].startswith("\traise NotImplementedError(")
    assert not stub.endswith("\n")


@pytest.mark.parametrize(
    "src, lineno",
    [
        # END without BEGIN
        ("def f():\n    return 1\n    ### END SOLUTION\n", 3),
        # BEGIN never closed
        ("def f():\n    ### BEGIN SOLUTION\n    return 1\n", 2),
        # nested BEGIN
        ("def f():\n    ### BEGIN SOLUTION\n    ### BEGIN SOLUTION\n    return 1\n"
         "    ### END SOLUTION\n    ### END SOLUTION\n", 3),
        # marker not alone on its line
        ("def f():\n    return 1  ### BEGIN SOLUTION\n", 2),
        # BEGIN and END at different indentation
        ("def f():\n    ### BEGIN SOLUTION\n    return 1\n### END SOLUTION\n", 4),
    ],
)
def test_generate_stub_bad_markers_raise(src, lineno):
    with pytest.raises(ValueError, match=rf"^mod\.py:{lineno}:"):
        generate_stub(src, filename="mod.py")


def test_generate_stub_result_must_parse():
    # A region that takes away the `if` line leaves an orphan `else:`.
    src = ("def f(x):\n    ### BEGIN SOLUTION\n    if x:\n        return 1\n"
           "    ### END SOLUTION\n    else:\n        return 2\n")
    with pytest.raises(ValueError, match="mod.py"):
        generate_stub(src, filename="mod.py")
    # A solution that does not parse is rejected too.
    with pytest.raises(ValueError, match="mod.py:1"):
        generate_stub("def f(:\n", filename="mod.py")


def test_render_exercise_header_keeps_module_docstring():
    text = render_exercise('"""Doc."""\nX = 1\n', "unit.py")
    assert text.startswith("# GENERATED FILE")
    assert "solutions/unit.py" in text
    assert ast.get_docstring(ast.parse(text)) == "Doc."


# --------------------------------------------------------------------------
# (c) stubs against solutions; (d) no solution code leaks into the stubs
# --------------------------------------------------------------------------

@pytest.mark.parametrize("unit", UNITS)
def test_solution_imports_only_numpy_and_stdlib(unit):
    allowed = {"numpy"} | set(sys.stdlib_module_names) | set(UNITS)
    tree = ast.parse((SOLUTIONS / f"{unit}.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{unit}: relative import"
            names = [node.module]
        else:
            continue
        for name in names:
            assert name.split(".")[0] in allowed, f"{unit} imports {name}"


@pytest.mark.parametrize("unit", UNITS)
def test_stub_matches_solution_api(unit):
    sol_path, ex_path = SOLUTIONS / f"{unit}.py", EXERCISES / f"{unit}.py"
    assert ex_path.exists(), f"{ex_path} missing: run `dlgrade stubs`"
    sol_src = sol_path.read_text(encoding="utf-8")
    sol = _load(sol_path, f"_dlgrade_test_solution_{unit}")
    ex = _load(ex_path, f"_dlgrade_test_exercise_{unit}")
    assert sol.__doc__ == ex.__doc__

    sol_funcs = [fn.name for fn in _functions(sol_src)]
    ex_funcs = [fn.name for fn in _functions(ex_path.read_text(encoding="utf-8"))]
    assert ex_funcs == sol_funcs
    marked = _marked_functions(sol_src)
    public = [name for name in sol_funcs if not name.startswith("_")]
    assert public, f"{unit} defines no function"
    assert set(public) <= marked, f"{unit}: public functions without a solution region"

    for name in sol_funcs:
        s_fn, e_fn = getattr(sol, name), getattr(ex, name)
        assert inspect.signature(s_fn) == inspect.signature(e_fn), name
        assert s_fn.__doc__ and s_fn.__doc__ == e_fn.__doc__, name
        if name in marked:
            args = [None] * sum(
                p.default is inspect.Parameter.empty
                and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
                for p in inspect.signature(e_fn).parameters.values()
            )
            with pytest.raises(NotImplementedError):
                e_fn(*args)
        else:
            assert inspect.getsource(s_fn) == inspect.getsource(e_fn), name


@pytest.mark.parametrize("unit", UNITS)
def test_solution_docstrings_complete(unit):
    sol = _load(SOLUTIONS / f"{unit}.py", f"_dlgrade_test_solution_doc_{unit}")
    assert sol.__doc__ and "seed" in sol.__doc__
    for name, fn in inspect.getmembers(sol, inspect.isfunction):
        if name.startswith("_") or fn.__module__ != sol.__name__:
            continue
        doc = inspect.getdoc(fn)
        assert doc, name
        assert "Inputs:" in doc and "Returns" in doc and "Edge cases" in doc, name
        assert "Course: seed" in doc, name


@pytest.mark.parametrize("unit", UNITS)
def test_stub_contains_no_solution_code(unit):
    sol_src = (SOLUTIONS / f"{unit}.py").read_text(encoding="utf-8")
    stub_src = (EXERCISES / f"{unit}.py").read_text(encoding="utf-8")

    def norm(line: str) -> str:
        return "".join(line.split())

    stub_lines = {norm(line) for line in stub_src.splitlines()}
    sol_lines = sol_src.splitlines()
    leaked = []
    for begin, end in _marked_regions(sol_src):
        for line in sol_lines[begin:end - 1]:  # strictly inside the markers
            n = norm(line)
            if len(n) > 12 and n in stub_lines:
                leaked.append(line.strip())
    assert not leaked, f"solution lines of {unit} appear in exercises/{unit}.py: {leaked}"
