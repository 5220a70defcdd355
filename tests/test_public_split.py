"""The public checks stand alone: nothing hidden is needed to import or run them.

Each ``autograder/public/<unit>.py`` is imported in a fresh interpreter, which
must not load the references or the hidden suites; its properties must all be
public, the hidden suites must add only hidden ones, and together they must
make up exactly what `catalog.suite` grades with.
"""

import json
import subprocess
import sys

import pytest

from autograder import catalog
from conftest import ROOT

PROBE = """
import json, sys
import autograder.public.{unit} as module
from autograder.checking import Exercise
exercises = {{v.id: {{"properties": [[p.name, p.public] for p in v.properties],
                      "mistakes": {{k: len(m.computes) for k, m in v.mistakes.items()}}}}
             for v in vars(module).values() if isinstance(v, Exercise)}}
loaded = sorted(m for m in sys.modules
                if m == "reference" or m.startswith(("reference.", "autograder.suites", "solutions")))
print(json.dumps({{"exercises": exercises, "loaded": loaded}}))
"""


def _public_alone(unit):
    proc = subprocess.run([sys.executable, "-c", PROBE.format(unit=unit)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("unit", catalog.units())
def test_public_module_imports_nothing_hidden(unit):
    found = _public_alone(unit)
    assert found["loaded"] == [], f"autograder.public.{unit} loaded {found['loaded']}"
    ids = [e.id for e in catalog.entries() if e.unit == unit]
    assert sorted(found["exercises"]) == sorted(ids)
    for exercise_id, ex in found["exercises"].items():
        assert ex["properties"], f"{exercise_id} has no public property"
        hidden = [name for name, public in ex["properties"] if not public]
        assert not hidden, f"autograder/public/{unit}.py defines hidden properties {hidden}"
        valued = [m for m, computes in ex["mistakes"].items() if computes]
        assert not valued, f"autograder/public/{unit}.py defines mistakes recognised by value: {valued}"


@pytest.mark.parametrize("unit", catalog.units())
def test_public_and_hidden_parts_make_the_whole_suite(unit):
    found = _public_alone(unit)
    for exercise_id, ex in found["exercises"].items():
        whole = catalog.suite(exercise_id)
        public = [name for name, _ in ex["properties"]]
        hidden = [p.name for p in whole.properties if p.name not in public]
        assert [p.name for p in whole.properties] == public + hidden, "public properties come first"
        assert all(not p.public for p in whole.properties if p.name in hidden), \
            f"autograder/suites/{unit}.py adds public properties to {exercise_id}"
        assert hidden, f"{exercise_id} has no hidden property"
        assert len({p.name for p in whole.properties}) == len(whole.properties), "property names repeat"
        view = catalog.public_suite(exercise_id)
        assert [p.name for p in view.properties] == public
        assert set(view.mistakes) == set(ex["mistakes"]) <= set(whole.mistakes)
        assert all(not m.computes for m in view.mistakes.values())
        assert view.course == catalog.entry(exercise_id).course


def test_public_suite_is_the_same_without_the_hidden_suites():
    probe = ("import json; from autograder import catalog\n"
             "print(json.dumps({e.id: [p.name for p in catalog.public_suite(e.id).properties]"
             " + sorted(catalog.public_suite(e.id).mistakes) for e in catalog.entries()}))\n"
             "import sys; assert not any(m.startswith('autograder.suites') for m in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    alone = json.loads(proc.stdout)
    for e in catalog.entries():
        catalog.suite(e.id)  # the hidden part is now registered in this process
        view = catalog.public_suite(e.id)
        assert [p.name for p in view.properties] + sorted(view.mistakes) == alone[e.id]
