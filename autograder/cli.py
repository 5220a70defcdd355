"""The ``dlgrade`` command.

Exit status: 0 when grading completed, whatever the score; 1 when the score is
below ``--fail-under``; 2 for usage errors (bad path, unknown exercise,
unknown option); 3 for an internal failure of the grader. Every non-zero exit
prints a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path

from . import __version__, catalog

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class UsageError(Exception):
    pass


def _parser():
    p = argparse.ArgumentParser(prog="dlgrade", description="Property-based autograding for "
                                "deep-learning exercises written in numpy.")
    p.add_argument("--version", action="version", version=f"dlgrade {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sub.add_parser("list", help="list the exercises with their points")

    g = sub.add_parser("grade", help="grade a submission (a folder of unit modules or one .py file)")
    g.add_argument("path", help="folder of unit modules (layers.py, cnn.py, ...) or a single .py file")
    g.add_argument("--exercise", "-e", action="append", metavar="ID",
                   help="grade only this exercise (repeatable), e.g. activations.softmax")
    g.add_argument("--format", "-f", default="terminal", choices=["terminal", "json", "gradescope"])
    g.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    g.add_argument("--visibility", default="student", choices=["student", "instructor"],
                   help="student (default) withholds hidden tests' inputs, values and output")
    g.add_argument("--fail-under", type=float, metavar="PERCENT",
                   help="exit with status 1 when the score is below PERCENT of the maximum")
    g.add_argument("--call-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit for one call of a student function (default 10)")
    g.add_argument("--exercise-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit for all the checks of one exercise (default 60)")
    iso = g.add_mutually_exclusive_group()
    iso.add_argument("--require-sandbox", action="store_true",
                     help="refuse to grade unless every confinement mechanism is available "
                          "(see `dlgrade doctor`)")
    iso.add_argument("--no-sandbox", action="store_true",
                     help="run the worker as a plain process (debugging only; the report says so)")

    d = sub.add_parser("doctor", help="show which isolation mechanisms this machine offers")
    d.add_argument("--no-worker", action="store_true", help="do not start a test worker")

    s = sub.add_parser("stubs", help="generate exercises/ from solutions/")
    s.add_argument("--check", action="store_true", help="only check that exercises/ is up to date")
    s.add_argument("--solutions", default="solutions")
    s.add_argument("--exercises", default="exercises")

    b = sub.add_parser("bench", help="run the benchmark (grading speed against bare calls)")
    b.add_argument("--solutions", default="solutions")
    for module in EXTENSIONS:
        COMMANDS.update(importlib.import_module(module).register(sub))
    return p


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"dlgrade: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("dlgrade: interrupted", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - one line, not a traceback
        print(f"dlgrade: internal error: {type(exc).__name__}: {exc} (set DLGRADE_DEBUG=1 for the traceback)",
              file=sys.stderr)
        if os.environ.get("DLGRADE_DEBUG"):
            raise
        return EXIT_INTERNAL


def cmd_list(args) -> int:
    total = 0.0
    for e in catalog.entries():
        print(f"{e.id:<28} {e.points:>5g}  {e.title}")
        total += e.points
    print(f"{'total':<28} {total:>5g}")
    return EXIT_OK


def cmd_grade(args) -> int:
    from .checking.runner import Budget
    from .grade import SubmissionError, grade
    from .report import build, render

    ids = args.exercise or None
    if ids:
        for i in ids:
            try:
                catalog.entry(i)
            except catalog.UnknownExercise as exc:
                raise UsageError(exc.args[0]) from None
    from .isolation import default_launcher
    from .isolation.sandbox import SandboxUnavailable

    try:
        launcher = default_launcher(sandbox=not args.no_sandbox, require=args.require_sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(f"{exc}; run `dlgrade doctor` for details") from None
    try:
        result = grade(args.path, ids, launcher=launcher,
                       budget=Budget(args.call_timeout, args.exercise_timeout))
    except SubmissionError as exc:
        raise UsageError(str(exc)) from None
    report = build(result, args.visibility)
    to_terminal = args.output is None and sys.stdout.isatty()
    text = render(report, args.format, color=to_terminal and not os.environ.get("NO_COLOR"))
    if args.output:
        Path(args.output).write_text(text)
    else:
        sys.stdout.write(text)
    if args.fail_under is not None and report["max_score"]:
        percent = 100.0 * report["score"] / report["max_score"]
        if percent < args.fail_under:
            print(f"dlgrade: score {percent:.1f}% is below --fail-under {args.fail_under:g}%",
                  file=sys.stderr)
            return EXIT_BELOW
    return EXIT_OK


def cmd_doctor(args) -> int:
    from .isolation.sandbox import doctor

    sys.stdout.write(doctor(start_worker=not args.no_worker).rstrip() + "\n")
    return EXIT_OK


def cmd_stubs(args) -> int:
    from .stubs import generate_exercises

    changed = generate_exercises(Path(args.solutions), Path(args.exercises), check=args.check)
    if args.check and changed:
        raise UsageError("exercises/ is out of date with solutions/: run `dlgrade stubs` ("
                         + ", ".join(changed) + ")")
    for path in changed:
        print(f"wrote {path}")
    return EXIT_OK


def cmd_bench(args) -> int:
    from .bench import run_benchmark

    run_benchmark(Path(args.solutions))
    return EXIT_OK


COMMANDS = {"list": cmd_list, "grade": cmd_grade, "stubs": cmd_stubs, "bench": cmd_bench,
            "doctor": cmd_doctor}

# Modules adding commands: each has register(subparsers) -> {command name: handler(args) -> exit code}.
# Keep their top level light: they are imported on every start of the command.
EXTENSIONS = ["autograder.classroom.commands"]

if __name__ == "__main__":
    sys.exit(main())
