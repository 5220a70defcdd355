"""The course notebooks: generation, the inline check cells, grading .ipynb submissions, and the
real pipeline (nbgrader generate_assignment, a student filling it in, nbclient executing it,
dlgrade grading it; skipped with the reason when the `notebooks` extra is not installed)."""

import ast
import importlib.util
import json
import os
import re
import subprocess
import sys

import pytest

from autograder import catalog
from autograder.cli import main
from autograder.grade import SubmissionError, grade
from autograder.notebook_check import check, module_source
from autograder.notebooks import build_notebook, generate_notebooks, grade_id, render_notebook
from autograder.stubs import BEGIN_MARKER, END_MARKER
from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"
SOLUTIONS = ROOT / "solutions"
EXECUTED_UNITS = ("layers", "activations", "mlp")  # executed in a real kernel (mlp: a class); keep it short


def _nb(unit):
    return json.loads((NOTEBOOKS / f"{unit}.ipynb").read_text(encoding="utf-8"))


def _src(cell):
    return "".join(cell["source"])


def _write_notebook(path, sources):
    cells = [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
              "source": s} for s in sources]
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    return path


# ------------------------------------------------------------------ generation


def test_notebooks_up_to_date():
    stale = generate_notebooks(SOLUTIONS, NOTEBOOKS, check=True)
    assert stale == [], f"notebooks/ is out of date with solutions/ ({stale}); run `dlgrade notebooks`"


def test_notebooks_command_check(capsys, tmp_path):
    assert main(["notebooks", "--check"]) == 0
    assert main(["notebooks", "--notebooks", str(tmp_path)]) == 0
    assert len(list(tmp_path.glob("*.ipynb"))) == len(catalog.units())
    assert main(["notebooks", "--check", "--notebooks", str(tmp_path)]) == 0
    (tmp_path / "face.ipynb").write_text("{}")
    assert main(["notebooks", "--check", "--notebooks", str(tmp_path)]) == 2
    assert "face.ipynb" in capsys.readouterr().err


@pytest.mark.parametrize("unit", catalog.units())
def test_notebook_layout(unit):
    nb = _nb(unit)
    cells = nb["cells"]
    assert nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["name"] == "python3"
    intro = _src(cells[0])
    assert cells[0]["cell_type"] == "markdown" and unit in intro
    assert "import numpy as np" in _src(cells[1])
    entries = [e for e in catalog.entries() if e.unit == unit]
    for e in entries:
        assert f"`{e.id}`" in intro and e.course in intro
    ids = [c["metadata"]["nbgrader"]["grade_id"] for c in cells if "nbgrader" in c["metadata"]]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-zA-Z0-9_\-]+", i) for i in ids)
    solutions = {c["metadata"]["nbgrader"]["grade_id"]: _src(c) for c in cells
                 if c["metadata"].get("nbgrader", {}).get("solution")}
    source = (SOLUTIONS / f"{unit}.py").read_text()
    for e in entries:
        function = e.id.split(".")[1]
        cell = solutions[grade_id(e.id)]
        assert cell.startswith((f"def {function}(", f"class {function}")), cell[:80]
        assert BEGIN_MARKER in cell and END_MARKER in cell
        assert cell in source  # the whole function, verbatim
        meta = next(c["metadata"]["nbgrader"] for c in cells
                    if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id(e.id))
        assert meta == {"grade": False, "grade_id": grade_id(e.id), "locked": False,
                        "schema_version": 3, "solution": True}
        [check_cell] = [c for c in cells if f'check("{e.id}", globals())' in _src(c)]
        assert check_cell["metadata"]["nbgrader"]["locked"] is True
        assert check_cell["metadata"]["nbgrader"]["solution"] is False
        assert cells.index(check_cell) == cells.index(next(
            c for c in cells if _src(c) == cell)) + 1  # right after its exercise


def test_plain_json_is_what_nbformat_writes(monkeypatch):
    pytest.importorskip("nbformat")
    nb = build_notebook("cnn", (SOLUTIONS / "cnn.py").read_text())
    with_nbformat = render_notebook(nb)
    monkeypatch.setitem(sys.modules, "nbformat", None)  # import nbformat now fails
    assert render_notebook(nb) == with_nbformat


# ------------------------------------------------------------------ grading a .ipynb


def test_grade_a_notebook_with_magics_and_functions_in_any_cell(tmp_path):
    source = (SOLUTIONS / "layers.py").read_text()
    tree = ast.parse(source)
    defined = {n.name: ast.get_source_segment(source, n) for n in tree.body
               if isinstance(n, ast.FunctionDef)}
    forward, backward = defined["dense_forward"], defined["dense_backward"]
    nb = _write_notebook(tmp_path / "homework.ipynb", [
        "%matplotlib inline\nimport numpy as np\n!pip install nothing",
        backward,  # defined before the function it calls: any order works
        "%%time\nx = undefined_name",  # a cell magic: left out
        "def helper():\n    %time y = 1\n    return 1\n\n" + forward,
        "from autograder.notebook_check import check\ncheck('layers.dense_forward', globals())",
    ])
    result = grade(nb, ["layers.dense_forward", "layers.dense_backward"])
    assert [e.status for e in result.exercises] == ["passed", "passed"]
    assert result.score == result.max_score == 10
    assert result.submission == str(nb.resolve())
    assert not list(tmp_path.glob("*.py"))  # the converted module was temporary


def test_a_notebooks_report_does_not_show_its_temporary_folder(tmp_path):
    from autograder.isolation.launch import PlainLauncher

    nb = _write_notebook(tmp_path / "homework.ipynb", [
        "import numpy as np\n\ndef softmax(x, axis=-1):\n    print('running', __file__)\n"
        "    e = np.exp(x - x.max(axis=axis, keepdims=True))\n"
        "    return e / e.sum(axis=axis, keepdims=True)"])
    outputs = []
    for _ in range(2):  # a plain worker sees the real, random folder of the converted module
        result = grade(nb, ["activations.softmax"], launcher=PlainLauncher())
        printed = [p.student_output for p in result.exercises[0].properties if p.student_output]
        assert printed and all("running homework.py" in text for text in printed), printed
        outputs.append(printed)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("content, words", [
    ("{not json", "not a Jupyter notebook"),
    ("[1, 2]", "not a Jupyter notebook"),
    ('{"cells": 3}', "no list of cells"),
])
def test_unreadable_notebooks_are_usage_errors(tmp_path, capsys, content, words):
    bad = tmp_path / "bad.ipynb"
    bad.write_text(content)
    with pytest.raises(SubmissionError, match=words):
        grade(bad, ["activations.softmax"])
    for command in ("grade", "check"):
        assert main([command, str(bad), "-e", "activations.softmax"]) == 2
        err = capsys.readouterr().err
        assert err.startswith("dlgrade: error: ") and words in err and "Traceback" not in err


# ------------------------------------------------------------------ check cells (no kernel)


def _run_cells(cells, history=True):
    """Run cells the way IPython does: each from its own file, inputs kept in ``In``."""
    import linecache

    namespace = {"__name__": "__main__", "In": [""]}
    for number, cell in enumerate(cells, 1):
        filename = f"<cell-{number}>"
        linecache.cache[filename] = (len(cell), None, cell.splitlines(True), filename)
        if history:
            namespace["In"].append(cell)
        exec(compile(cell, filename, "exec"), namespace)
    return namespace


def test_check_collects_helpers_imports_and_constants(capsys):
    ns = _run_cells([
        "import numpy as np\nfrom numpy import exp as E\n_SHIFT = True",
        "def _normalise(e, axis):\n    return e / np.sum(e, axis=axis, keepdims=True)",
        "def softmax(x, axis=-1):\n"
        "    x = np.asarray(x, dtype=float)\n"
        "    z = x - np.max(x, axis=axis, keepdims=True) if _SHIFT else x\n"
        "    return _normalise(E(z), axis)",
    ])
    source, _ = module_source(ns)
    assert "import numpy as np\nfrom numpy import exp as E\n_SHIFT = True\n" in source
    report = check("activations.softmax", ns)
    assert report["exercises"][0]["status"] == "passed"
    out = capsys.readouterr().out
    assert "PASS" in out and "All 3 public checks of softmax passed" in out


def test_check_points_at_the_line_of_the_cell(capsys):
    ns = _run_cells([
        "import numpy as np",
        "# a comment\n\ndef triplet_loss(anchor, positive, negative, margin=0.2):\n"
        "    d = np.sum((anchor - positive) ** 2, axis=-1)\n"
        "    return float(d.sum()) / len(anchor[:0])",
    ])
    report = check("face.triplet_loss", ns)
    assert report["exercises"][0]["status"] == "failed"
    out = capsys.readouterr().out
    assert "ZeroDivisionError" in out
    assert "in your code: the cell defining triplet_loss, line 5, in triplet_loss" in out
    assert "face.py" not in out


def test_check_uses_the_input_history_when_the_source_is_not_in_a_file(capsys):
    cells = ["import numpy as np", (SOLUTIONS / "activations.py").read_text()]
    ns = {"__name__": "__main__", "In": ["", *cells]}
    for cell in cells:
        exec(cell, ns)  # no file: inspect.getsource fails
    assert check("activations.softmax", ns)["exercises"][0]["status"] == "passed"


def test_check_not_started_and_not_defined(capsys):
    stub = (ROOT / "exercises" / "activations.py").read_text()
    report = check("activations.softmax", _run_cells([stub]))
    assert report["exercises"][0]["status"] == "not_started"
    assert "not started: softmax still raises NotImplementedError" in capsys.readouterr().out
    assert check("activations.softmax", _run_cells(["import numpy as np"])) == {}
    assert "softmax is not defined yet" in capsys.readouterr().out


# ------------------------------------------------------------------ the real pipeline


def _missing_tools():
    missing = [m for m in ("nbgrader", "nbclient", "ipykernel", "nbformat")
               if importlib.util.find_spec(m) is None]
    return (f"{', '.join(missing)} not installed (pip install -e '.[notebooks]')") if missing else ""


needs_jupyter = pytest.mark.skipif(bool(_missing_tools()), reason=_missing_tools() or "ok")


@pytest.fixture(scope="module")
def course(tmp_path_factory):
    """An nbgrader course holding every unit's notebook, after ``nbgrader generate_assignment``."""
    root = tmp_path_factory.mktemp("course")
    (root / "nbgrader_config.py").write_text('c = get_config()\nc.CourseDirectory.course_id = "dl"\n')
    generate_notebooks(SOLUTIONS, root / "source" / "dl")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(root / ".jupyter"),
               PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]))
    run = subprocess.run([sys.executable, "-m", "nbgrader", "generate_assignment", "dl", "--force"],
                         cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    return root


def _solution_regions(unit, name):
    """The marked regions of a function, or of each method of a class, in order."""
    source = (SOLUTIONS / f"{unit}.py").read_text()
    node = next(n for n in ast.parse(source).body
                if isinstance(n, (ast.FunctionDef, ast.ClassDef)) and n.name == name)
    lines = source.splitlines()[node.lineno - 1:node.end_lineno + 1]
    begins = [i for i, line in enumerate(lines) if line.strip() == BEGIN_MARKER]
    ends = [i for i, line in enumerate(lines) if line.strip() == END_MARKER]
    assert begins and len(begins) == len(ends)
    return [lines[b + 1:e] for b, e in zip(begins, ends)]


DEFINED = re.compile(r"(?:def|class) (\w+)")


def _fill(nb, unit):
    """What a student does: their code in place of nbgrader's stubs, in every solution cell."""
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            name = DEFINED.match(cell.source).group(1)
            lines = cell.source.split("\n")
            for region in _solution_regions(unit, name):
                at = next(i for i, line in enumerate(lines) if line.strip() == "raise NotImplementedError()")
                assert lines[at - 1].strip() == "# YOUR CODE HERE"
                lines[at - 1:at + 1] = region
            cell.source = "\n".join(lines)
    return nb


@needs_jupyter
@pytest.mark.parametrize("unit", catalog.units())
def test_nbgrader_releases_the_student_version(course, unit):
    released = json.loads((course / "release" / "dl" / f"{unit}.ipynb").read_text())
    for cell in released["cells"]:
        text = _src(cell)
        assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution"):
            assert "raise NotImplementedError()" in text
            name = DEFINED.match(text).group(1)
            for region in _solution_regions(unit, name):  # no line of the solution is left
                for line in region:
                    assert line.strip() == "" or line.strip().startswith("#") or line not in text.split("\n")
        if meta.get("locked"):
            assert cell["metadata"]["editable"] is False
    ids = {e.id for e in catalog.entries() if e.unit == unit}
    assert {m for c in released["cells"] for m in re.findall(r'check\("([\w.]+)"', _src(c))} == ids


@needs_jupyter
@pytest.mark.parametrize("unit", EXECUTED_UNITS)
def test_a_filled_notebook_runs_its_checks_and_gets_full_marks(course, unit, tmp_path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    ids = [e.id for e in catalog.entries() if e.unit == unit]
    released = course / "release" / "dl" / f"{unit}.ipynb"
    nb = _fill(nbformat.read(released, as_version=4), unit)
    nb.cells.insert(2, nbformat.v4.new_code_cell("%time _ = np.zeros(3)\n!echo a shell escape"))
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = {e.id: "".join(o.get("text", "") for c in nb.cells if f'check("{e.id}"' in c.source
                             for o in c.outputs) for e in catalog.entries() if e.unit == unit}
    for exercise_id, text in outputs.items():
        function = exercise_id.split(".")[1]
        assert re.search(rf"All \d+ public checks of {function} passed", text), text
    executed = tmp_path / f"{unit}.ipynb"
    nbformat.write(nb, executed)

    report = _grade_json(executed, ids)
    assert report["score"] == report["max_score"] == sum(catalog.entry(i).points for i in ids)
    unfilled = _grade_json(released, ids)
    assert unfilled["score"] == 0
    assert {e["status"] for e in unfilled["exercises"]} == {"not_started"}


def _grade_json(path, ids):
    argv = [sys.executable, "-m", "autograder.cli", "grade", str(path), "-f", "json"]
    for i in ids:
        argv += ["-e", i]
    run = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)
