"""The benchmark behind ``dlgrade bench``: how fast grading is, and what it costs.

Everything runs pinned to one core (the grader and its workers inherit the
affinity), and every comparison is a ratio of two measurements taken in the
same run, because absolute timings on shared machines are noisy. The one
exception is the time of the whole ``dlgrade check`` command, measured as a
student meets it: on every core, median of a few runs.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import catalog
from .grade import grade
from .isolation import default_launcher, probes
from .isolation.launch import PlainLauncher
from .isolation.wire import Handle


ALL_CORES = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None


def _pin_to_one_core():
    if ALL_CORES:
        os.sched_setaffinity(0, {ALL_CORES[0]})


def _unpinned():
    """In a child process: every core again, as a student's command would have."""
    if ALL_CORES:
        os.sched_setaffinity(0, set(ALL_CORES))


def _load_modules(folder: Path):
    modules = {}
    sys.path.insert(0, str(folder))
    for path in folder.glob("*.py"):
        spec = importlib.util.spec_from_file_location(f"_bench_{path.stem}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        modules[path.stem] = mod
    return modules


def _replay(recording, modules) -> float:
    """Seconds to make the recorded calls directly, in this process."""
    kept = {}

    def resolve(v):
        if isinstance(v, Handle):
            return kept[v.id]
        if isinstance(v, dict):
            return {k: resolve(x) for k, x in v.items()}
        if isinstance(v, (list, tuple)):
            return type(v)(resolve(x) for x in v)
        return v

    calls = []
    for module, func, args, kwargs, keep, result, on, whole in recording:
        calls.append((module, func, args, kwargs, keep, result, on, whole))
    start = time.perf_counter()
    for module, func, args, kwargs, keep, result, on, whole in calls:
        if on is not None:
            fn = getattr(kept[on.id], func)
        elif module == "@probe":
            fn = probes.BUILDERS[func]
        else:
            fn = getattr(modules[module], func)
        out = fn(*[resolve(a) for a in args], **{k: resolve(v) for k, v in kwargs.items()})
        if whole:
            kept[result.id] = out
        for i in keep:
            kept[result[i].id] = out[i]
    return time.perf_counter() - start


#: The eight exercises users name first (12 graded functions), timed on their own as well.
SHOWCASE = ("layers.dense_forward", "layers.dense_backward", "activations.softmax",
            "losses.cross_entropy", "cnn.conv_forward", "cnn.conv_backward", "optim.adam_step",
            "rnn.lstm_cell_forward", "rnn.lstm_cell_backward", "detection.iou", "detection.nms",
            "face.triplet_loss")
CATALOG_TARGET = 20.0  # seconds for the whole catalog on one core
SLOWEST = 10


def run_benchmark(solutions: Path, out=sys.stdout):
    _pin_to_one_core()
    solutions = Path(solutions).resolve()
    ids = [e.id for e in catalog.entries()]
    showcase = [i for i in SHOWCASE if i in ids]
    for i in ids:  # import suites and references before timing anything
        catalog.suite(i)
    grade(solutions, ids[:1])  # warm caches (numpy import in the worker, hypothesis)

    recording = []
    start = time.perf_counter()
    result = grade(solutions, ids, recording=recording)
    wall = time.perf_counter() - start
    bare = _replay(recording, _load_modules(solutions))

    w = out.write
    w(f"dlgrade benchmark: {len(ids)} exercises graded on {solutions} (pinned to one core)\n\n")
    w(f"{'exercise':<46}{'status':>9}{'seconds':>9}{'cases':>7}  cases per property\n")
    for e in result.exercises:
        per = " ".join(str(p.cases) for p in e.properties)
        w(f"{e.id:<46}{e.status:>9}{e.seconds:>9.3f}{e.cases:>7}  {per}\n")
    cases = sum(e.cases for e in result.exercises)
    w(f"\nwhole catalog: {wall:.2f} s wall (target {CATALOG_TARGET:g} s: "
      f"{'met' if wall <= CATALOG_TARGET else 'MISSED'}), score {result.score:g}/{result.max_score:g}, "
      f"{cases} cases, {len(recording)} calls of student functions; "
      f"{wall / len(ids):.3f} s per exercise on average\n")
    w(f"bare calls of the same functions on the same inputs, in one process: {bare:.3f} s; "
      f"grading / bare = {wall / bare:.0f}x\n")
    w(f"\nthe {SLOWEST} slowest exercises:\n")
    for e in sorted(result.exercises, key=lambda e: -e.seconds)[:SLOWEST]:
        w(f"  {e.id:<46}{e.seconds:>7.3f} s {e.cases:>5} cases\n")
    units = {}
    for e in result.exercises:
        units.setdefault(e.id.split(".")[0], []).append(e.seconds)
    w("\nper unit: " + ", ".join(f"{u} {sum(t):.2f} s ({len(t)})" for u, t in units.items()) + "\n")

    start = time.perf_counter()
    shown = grade(solutions, showcase)
    showcase_wall = time.perf_counter() - start
    w(f"\nshowcase set alone ({len(showcase)} exercises): {showcase_wall:.2f} s wall, "
      f"{sum(e.cases for e in shown.exercises)} cases\n")

    with tempfile.TemporaryDirectory() as tmp:
        single = Path(tmp) / "softmax_only.py"
        single.write_text((solutions / "activations.py").read_text())
        sm = grade(single, ["activations.softmax"]).exercises[0]
        command, command_exit = _command_time(["grade", str(single), "-e", "activations.softmax",
                                               "--format", "json", "--output", str(Path(tmp) / "r.json")])
        check, check_exit = _command_time(["check", str(single), "-e", "activations.softmax"])
    cores = len(ALL_CORES or [1])
    w(f"\nsoftmax alone: {sm.seconds:.3f} s of grading for {sm.cases} cases (worker start-up "
      f"included); whole `dlgrade grade -e activations.softmax` command including start-up: "
      f"{command:.2f} s (median of {CHECK_RUNS} runs on {cores} cores, exit {command_exit})\n")
    w(f"softmax public checks: whole `dlgrade check -e activations.softmax` command including "
      f"start-up: {check:.2f} s (median of {CHECK_RUNS} runs on {cores} cores, exit {check_exit})\n")

    with tempfile.TemporaryDirectory() as tmp:
        whole, whole_exit = _command_time(["grade", str(solutions), "--format", "json", "--output",
                                           str(Path(tmp) / "r.json")], runs=1)
    w(f"whole `dlgrade grade solutions` command (the whole catalog) including start-up: "
      f"{whole:.2f} s (one run after an uncounted one, on {cores} cores, exit {whole_exit})\n")

    sandbox, plain = _isolation_cost(solutions, showcase)
    w(f"\nisolation cost, the showcase set graded {ISOLATION_ROUNDS} times each way, interleaved, "
      f"best of each:\n  full sandbox ({default_launcher().level}): {sandbox:.2f} s\n"
      f"  plain subprocess worker: {plain:.2f} s\n  sandbox / plain = {sandbox / plain:.3f}\n")
    return {"wall": wall, "bare": bare, "showcase": showcase_wall, "softmax_grading": sm.seconds,
            "softmax_command": command, "softmax_check_command": check, "whole_command": whole,
            "sandbox": sandbox,
            "plain": plain, "result": result}


ISOLATION_ROUNDS = 3


def _isolation_cost(solutions, ids):
    """Best wall time of grading with the full sandbox and with a plain worker (interleaved)."""
    best = {"sandbox": float("inf"), "plain": float("inf")}
    for _ in range(ISOLATION_ROUNDS):
        for name, launcher in (("sandbox", default_launcher()), ("plain", PlainLauncher())):
            start = time.perf_counter()
            grade(solutions, ids, launcher=launcher)
            best[name] = min(best[name], time.perf_counter() - start)
    return best["sandbox"], best["plain"]


CHECK_RUNS = 5


def _command_time(arguments, runs=None):
    """Median wall time of a whole ``dlgrade`` command, and its exit status.

    Measured as a student meets it: not pinned (the command starts its worker on one core while
    it imports hypothesis on another) and with compiled bytecode, as an installed package has it
    (kept under a temporary PYTHONPYCACHEPREFIX, written by a first run that is not counted).
    """
    argv = [sys.executable, "-m", "autograder.cli", *arguments]
    times, code = [], None
    with tempfile.TemporaryDirectory(prefix="dlgrade-bench-pycache-") as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for run in range((runs or CHECK_RUNS) + 1):
            start = time.perf_counter()
            proc = subprocess.run(argv, capture_output=True, text=True, env=env, preexec_fn=_unpinned)
            if run:
                times.append(time.perf_counter() - start)
            code = proc.returncode if code in (None, 0) else code
    return sorted(times)[len(times) // 2], code
