"""Benchmark of `dlgrade batch`: a generated class graded with 1 and with 2 workers.

    python benchmarks/batch.py            # 200 submissions (a few minutes)
    python benchmarks/batch.py --quick    # 24 submissions

The class mixes correct submissions (the solutions, and the correct variants of
tests/submissions/), realistically buggy ones (tests/submissions/*/buggy_*.py),
crashing, timing-out and malicious ones (killing their grader, forking, exiting at
import), handed in as folders, single .py files, zip archives and notebooks.
It reports submissions per minute with 1 and 2 workers and the speed-up (both
measured in this run), the peak memory of each grader process and of the workers
it started, whether both gradebooks agree, and the time per submission against
running `dlgrade grade` once per submission.

`make_class` is also used by the project's tests to build small classes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
SUBMISSIONS = ROOT / "tests" / "submissions"

#: Shares of each kind in a generated class (the rest is buggy).
MIX = {"correct": 0.30, "crashing": 0.08, "timing_out": 0.04, "malicious": 0.08}
FORMATS = ("folder", "py", "zip", "ipynb")

CRASHES = [
    ("raises at import", "raise RuntimeError('half-finished homework')\n", True),
    ("exits the worker", "def {f}(*args, **kwargs):\n    import os\n    os._exit(3)\n", False),
    ("segfaults", "def {f}(*args, **kwargs):\n    import ctypes\n    return ctypes.string_at(0)\n", False),
    ("infinite recursion", "def {f}(*args, **kwargs):\n    return {f}(*args, **kwargs)\n", False),
]
HANGS = [
    ("loops forever", "def {f}(*args, **kwargs):\n    while True:\n        pass\n", False),
    ("sleeps at import", "import time\ntime.sleep(3600)\n", True),
]
MALICE = [
    ("kills its grader", "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n", True),
    ("kills its grader's group",
     "import os, signal\nos.killpg(os.getpgid(os.getppid()), signal.SIGKILL)\n", True),
    ("forks sleepers", "def {f}(*args, **kwargs):\n    import os, time\n    for _ in range(4):\n"
     "        if os.fork() == 0:\n            time.sleep(120)\n            os._exit(0)\n"
     "    return 0\n", False),
    ("exits at import", "import sys\nsys.exit(0)\n", True),
]


def make_class(folder, n, exercises=("activations.softmax",), seed=0, mix=None, formats=FORMATS) -> dict:
    """Write ``n`` submissions into ``folder``; returns {student: what the submission is}."""
    rng = random.Random(seed)
    mix = MIX if mix is None else mix
    kinds = [k for k, share in mix.items() for _ in range(round(share * n))][:n]
    kinds += ["buggy"] * (n - len(kinds))
    rng.shuffle(kinds)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    made = {}
    for i, kind in enumerate(kinds):
        student = f"student{i:03d}"
        units, what = _sources(kind, rng, list(exercises))
        fmt = formats[i % len(formats)]
        _write(folder, student, units, fmt)
        made[student] = f"{kind}: {what} ({fmt})"
    return made


def _sources(kind, rng, exercises):
    """{unit: source} and a description, for one submission of ``kind``."""
    units = {e.split(".")[0]: (SOLUTIONS / f"{e.split('.')[0]}.py").read_text() for e in exercises}
    ex = rng.choice(exercises)
    unit, func = ex.split(".")
    if kind in ("correct", "buggy"):
        prefix = "correct_" if kind == "correct" else "buggy_"
        variants = sorted((SUBMISSIONS / ex).glob(prefix + "*.py"))
        if kind == "correct" and (not variants or rng.random() < 0.3):
            return units, "the solution"
        variant = rng.choice(variants)
        units[unit] += "\n\n# --- the student's version\n" + variant.read_text()
        return units, f"{ex} {variant.stem}"
    what, code, at_import = rng.choice({"crashing": CRASHES, "timing_out": HANGS, "malicious": MALICE}[kind])
    code = code.format(f=func)
    units[unit] = code + units[unit] if at_import else units[unit] + "\n\n" + code
    return units, f"{ex} {what}"


def _write(folder: Path, student: str, units: dict, fmt: str):
    if fmt == "folder":
        (folder / student).mkdir()
        for unit, source in units.items():
            (folder / student / f"{unit}.py").write_text(source)
    elif fmt == "py":
        (folder / f"{student}.py").write_text("\n\n".join(units.values()))
    elif fmt == "zip":
        with zipfile.ZipFile(folder / f"{student}.zip", "w") as z:
            for unit, source in units.items():
                z.writestr(f"{student}/{unit}.py", source)
    else:
        cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Homework\n"]},
                 {"cell_type": "code", "metadata": {}, "execution_count": 1, "outputs": [],
                  "source": ["%matplotlib inline\n", "!pip list\n"]}]
        cells += [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": source.splitlines(keepends=True)} for source in units.values()]
        nb = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": cells}
        (folder / f"{student}.ipynb").write_text(json.dumps(nb))


# ---------------------------------------------------------------- the benchmark

def _grades(gradebook):
    db = sqlite3.connect(gradebook)
    return sorted(db.execute("SELECT submission, status, score FROM submissions"))


def _batch(folder, gradebook, workers, exercises, timeout, sandbox):
    sys.path.insert(0, str(ROOT))
    from autograder.classroom.batch import LaunchersPerSlot, run_batch
    from autograder.classroom.progress import PlainProgress

    class Quiet(PlainProgress):
        def log(self, text):
            pass

    started, load = time.monotonic(), os.getloadavg()[0]
    summary = run_batch(folder, gradebook, exercises=exercises, workers=workers, timeout=timeout,
                        progress=lambda total: Quiet(total, sys.stdout),
                        launcher_factory=LaunchersPerSlot(sandbox=sandbox))
    seconds = time.monotonic() - started
    peaks = summary.peak_rss_kb.values()
    return {"workers": workers, "submissions": summary.recorded, "seconds": round(seconds, 1),
            "per_minute": round(60 * summary.recorded / seconds, 1),
            "grader_peak_mb": round(max(p[0] for p in peaks) / 1024, 1),
            "worker_peak_mb": round(max(p[1] for p in peaks) / 1024, 1),
            "counts": summary.counts,
            # the machine's load average (1 min) before and after: other work slows 2 workers first
            "load_average": [round(load, 2), round(os.getloadavg()[0], 2)]}


def _spin(n):
    x = 0
    for i in range(n):
        x += i * i
    return x


def _capacity(n=6_000_000):
    """How many times one process's speed two busy processes get now (2.0 on an idle 2-core machine)."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.map(_spin, [1000, 1000])  # started and warm
        started = time.monotonic()
        pool.map(_spin, [n])
        one = time.monotonic() - started
        started = time.monotonic()
        pool.map(_spin, [n, n], chunksize=1)
        two = time.monotonic() - started
    return round(2 * one / two, 2)


def _one_by_one(folder: Path, students, exercises, timeout, sandbox):
    """Seconds per submission with one `dlgrade grade` process per submission."""
    times = []
    for s in students:
        path = folder / s if (folder / s).is_dir() else folder / f"{s}.py"
        args = [sys.executable, "-m", "autograder.cli", "grade", str(path), "-f", "json", "-o", "/dev/null"]
        args += [] if sandbox else ["--no-sandbox"]
        for e in exercises:
            args += ["-e", e]
        started = time.monotonic()
        try:
            subprocess.run(args, cwd=ROOT, timeout=timeout, capture_output=True)
        except subprocess.TimeoutExpired:
            pass  # the same wall-time limit as the batch
        times.append(time.monotonic() - started)
    return sum(times) / len(times)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="24 submissions instead of 200")
    p.add_argument("--size", type=int, help="number of submissions")
    p.add_argument("--exercise", "-e", action="append", metavar="ID",
                   help="exercises to grade (default: activations.softmax)")
    p.add_argument("--timeout", type=float, help="wall-time limit per submission (15 s; 6 s with --quick)")
    p.add_argument("--sample", type=int, help="submissions graded one by one with `dlgrade grade`")
    p.add_argument("--no-sandbox", action="store_true", help="plain worker processes")
    p.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = p.parse_args(argv)
    size = args.size or (24 if args.quick else 200)
    args.timeout = args.timeout or (6.0 if args.quick else 15.0)
    exercises = args.exercise or ["activations.softmax"]
    sample = args.sample or (8 if args.quick else 30)
    with tempfile.TemporaryDirectory(prefix="dlgrade-bench-") as tmp:
        tmp = Path(tmp)
        made = make_class(tmp / "class", size, exercises)
        print(f"class of {size} submissions, exercises {', '.join(exercises)}, "
              f"timeout {args.timeout:g} s per submission, "
              f"{'plain worker processes' if args.no_sandbox else 'sandboxed workers'}", flush=True)
        runs = {}
        for workers in (1, 2):
            capacity = _capacity()
            runs[workers] = r = _batch(tmp / "class", tmp / f"gradebook{workers}.sqlite", workers,
                                       exercises, args.timeout, not args.no_sandbox)
            r["machine_capacity_before"] = capacity
            print(f"{workers} worker(s): {r['seconds']:7.1f} s, {r['per_minute']:6.1f} submissions/min, "
                  f"peak memory: grader process {r['grader_peak_mb']} MB, worker {r['worker_peak_mb']} MB; "
                  f"{r['counts']}; load average {r['load_average']}, two busy processes ran "
                  f"{capacity}x as fast as one just before", flush=True)
        speedup = runs[1]["seconds"] / runs[2]["seconds"]
        agree = _grades(tmp / "gradebook1.sqlite") == _grades(tmp / "gradebook2.sqlite")
        gradable = [s for s, what in made.items() if what.endswith(("(folder)", "(py)"))]
        chosen = random.Random(1).sample(gradable, min(sample, len(gradable)))
        one = _one_by_one(tmp / "class", chosen, exercises, args.timeout, not args.no_sandbox)
        db = sqlite3.connect(tmp / "gradebook1.sqlite")
        same = [db.execute("SELECT seconds FROM submissions WHERE submission = ?", (s,)).fetchone()[0]
                for s in chosen]
        same = sum(same) / len(same)  # the same submissions, each in a grader process of the batch
        batch1 = runs[1]["seconds"] / size
        batch2 = runs[2]["seconds"] / size
    figures = {"size": size, "exercises": exercises, "sandbox": not args.no_sandbox,
               "runs": list(runs.values()),
               "speedup_2_workers": round(speedup, 2), "gradebooks_agree": agree,
               "seconds_per_submission": {"dlgrade grade, one by one": round(one, 2),
                                          "the same ones in the batch": round(same, 2),
                                          "batch, 1 worker": round(batch1, 2),
                                          "batch, 2 workers": round(batch2, 2)},
               "one_by_one_sample": len(chosen)}
    print(f"speed-up with 2 workers: {speedup:.2f} (target >= 1.8); gradebooks agree: {agree}")
    print(f"seconds per submission: dlgrade grade one by one {one:.2f}, the same {len(chosen)} in the "
          f"batch {same:.2f}; whole class: batch 1 worker {batch1:.2f}, 2 workers {batch2:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
