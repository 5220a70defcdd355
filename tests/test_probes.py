"""Objects a student function receives from the grader: generators, functions, its own classes."""

import numpy as np
import pytest

from autograder.isolation import default_launcher
from autograder.isolation.probes import SmoothFunction
from autograder.isolation.worker import StudentError, Worker

SOURCE = '''
import numpy as np

def call_f(f, x):
    return f(x)

def draw(rng, n):
    return rng.random(n)

class Counter:
    def __init__(self, start):
        self.value = start
    def add(self, k):
        self.value += k
        return self.value
    def _secret(self):
        return "private"
'''


@pytest.fixture
def worker(tmp_path):
    path = tmp_path / "unit.py"
    path.write_text(SOURCE)
    w = Worker(path, launcher=default_launcher())
    w.start()
    yield w
    w.stop()


def test_a_probe_function_runs_inside_and_matches_the_graders_copy(worker):
    rng = np.random.default_rng(0)
    parts = [rng.standard_normal((2, 3)) for _ in range(4)] + [rng.standard_normal((6, 6))]
    f = worker.call("@probe", "smooth_function", parts, keep_whole=True)
    x = rng.standard_normal((2, 3))
    assert worker.call("unit", "call_f", (f, x)) == SmoothFunction(*parts)(x)
    assert worker.call("unit", "calls", on=f) == 1
    with pytest.raises(StudentError, match="shape"):
        worker.call("unit", "call_f", (f, x.ravel()))


def test_a_generator_is_deterministic_given_its_seed(worker):
    first = worker.call("@probe", "default_rng", (7,), keep_whole=True)
    again = worker.call("@probe", "default_rng", (7,), keep_whole=True)
    a = worker.call("unit", "draw", (first, 4))
    assert np.array_equal(a, worker.call("unit", "draw", (again, 4)))
    assert np.array_equal(a, np.random.default_rng(7).random(4))
    assert not np.array_equal(a, worker.call("unit", "draw", (first, 4)))  # the state advanced


def test_methods_of_a_kept_object_but_not_private_ones(worker):
    counter = worker.call("unit", "Counter", (10,), keep_whole=True)
    assert worker.call("unit", "add", (2,), on=counter) == 12
    assert worker.call("unit", "add", (3,), on=counter) == 15
    with pytest.raises(StudentError, match="no method _secret"):
        worker.call("unit", "_secret", on=counter)
    with pytest.raises(StudentError, match="unknown probe"):
        worker.call("@probe", "os_system", ("true",), keep_whole=True)
