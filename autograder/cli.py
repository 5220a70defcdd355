"""The ``dlgrade`` command, for instructors and (restricted) for students.

The same module serves both: where the hidden suites are installed
(``autograder.suites`` is importable) every command is offered; in the
student release, which has no hidden suites, only the student commands
(`STUDENT_COMMANDS`: list, check, doctor) are.

Exit status: 0 when grading or checking completed, whatever the result; 1
when the result is below ``--fail-under``; 2 for usage errors (bad path,
unknown exercise, unknown option); 3 for an internal failure of the grader.
Every non-zero exit prints a one-line reason on stderr.

Start-up is kept lean: this module imports only the standard library and the
catalog; every command imports what it needs when it runs.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import sys
from pathlib import Path

from . import __version__, catalog

EXIT_OK, EXIT_BELOW, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
STUDENT_COMMANDS = ("list", "check", "doctor")
#: Report formats (`report.FORMATS`, not imported here to keep start-up light); a check report has
#: no score, so no Gradescope format.
GRADE_FORMATS = ("terminal", "json", "gradescope", "junit", "markdown")
CHECK_FORMATS = ("terminal", "json", "junit", "markdown")


class UsageError(Exception):
    pass


def has_hidden_suites() -> bool:
    """True where the hidden suites are installed (the instructor's dlgrade, not the student release)."""
    try:
        return importlib.util.find_spec("autograder.suites") is not None
    except ImportError:
        return False


def _parser(full: bool):
    p = argparse.ArgumentParser(prog="dlgrade", description="Property-based autograding for "
                                "deep-learning exercises written in numpy." if full else
                                "Check your deep-learning exercises with the public checks of dlgrade.")
    p.add_argument("--version", action="version", version=f"dlgrade {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ls = sub.add_parser("list", help="list the exercises with their points",
                        description="List the exercises with their points; with --details, also "
                        "each exercise's properties (public or hidden) and its catalog of known "
                        "mistakes.")
    ls.add_argument("selection", nargs="*", metavar="UNIT_OR_ID",
                    help="only these units or exercise ids (e.g. optim, metrics.roc_auc)")
    ls.add_argument("--details", "-d", action="store_true",
                    help="show the properties and the named mistakes of each exercise")

    c = sub.add_parser("check", help="run the public checks on your exercises (no score: the hidden "
                       "tests are not run)",
                       description="Run the public checks of each exercise on your code and say what "
                       "fails, with a counterexample and where the course explains it. It shows no "
                       "score: the grade also uses hidden tests.")
    c.add_argument("path", nargs="?", default=None,
                   help="folder of unit modules or one .py file (default: ./exercises if it exists, "
                        "else the current folder)")
    _common_options(c, CHECK_FORMATS, "the fraction of public checks passed")

    if full:
        g = sub.add_parser("grade", help="grade a submission (a folder of unit modules or one .py file)")
        g.add_argument("path", help="folder of unit modules (layers.py, cnn.py, ...) or a single .py file")
        _common_options(g, GRADE_FORMATS, "the score")
        g.add_argument("--visibility", default="student", choices=["student", "instructor"],
                       help="student (default) withholds hidden tests' inputs, values and output")

    d = sub.add_parser("doctor", help="show which isolation mechanisms this machine offers")
    d.add_argument("--no-worker", action="store_true", help="do not start a test worker")
    if not full:
        return p

    s = sub.add_parser("stubs", help="generate exercises/ from solutions/")
    s.add_argument("--check", action="store_true", help="only check that exercises/ is up to date")
    s.add_argument("--solutions", default="solutions")
    s.add_argument("--exercises", default="exercises")

    b = sub.add_parser("bench", help="run the benchmark (grading speed against bare calls)")
    b.add_argument("--solutions", default="solutions")

    r = sub.add_parser("release", help="build the student release (exercises, public checks, "
                       "student command, pytest plugin, CI files) into OUTDIR")
    r.add_argument("outdir", metavar="OUTDIR", help="an empty or new folder")
    r.add_argument("--min-passed", type=float, default=0.0, metavar="PERCENT",
                   help="default threshold of the CI workflow: the percentage of public checks that "
                        "must pass (default 0: the workflow reports without failing)")
    r.add_argument("--force", action="store_true", help="replace OUTDIR if it is not empty")
    for module in EXTENSIONS:
        COMMANDS.update(importlib.import_module(module).register(sub))
    return p


def _common_options(p, formats, measure):
    p.add_argument("--exercise", "-e", action="append", metavar="ID",
                   help="only this exercise (repeatable), e.g. activations.softmax")
    p.add_argument("--format", "-f", default="terminal", choices=formats)
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--summary", metavar="FILE",
                   help="also append a Markdown summary to FILE (e.g. \"$GITHUB_STEP_SUMMARY\")")
    p.add_argument("--fail-under", type=float, metavar="PERCENT",
                   help=f"exit with status 1 when {measure} is below PERCENT")
    add_limit_options(p)


def add_limit_options(p, record="the report"):
    """Time limits and isolation options, shared by every command that runs student code."""
    p.add_argument("--call-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit for one call of a student function (default 10)")
    p.add_argument("--exercise-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit for all the checks of one exercise (default 60)")
    iso = p.add_mutually_exclusive_group()
    iso.add_argument("--require-sandbox", action="store_true",
                     help="refuse to run unless every confinement mechanism is available "
                          "(see `dlgrade doctor`)")
    iso.add_argument("--no-sandbox", action="store_true",
                     help=f"run student code as plain processes (debugging only; {record} says so)")


#: Commands after which nothing is left running: `run` ends the process at once.
QUICK_EXIT = ("list", "check", "grade")
_ran = {}


def run():
    """The console command: `main`, then exit.

    After the commands of `QUICK_EXIT` the process ends at once (``os._exit``,
    after flushing stdout and stderr): their worker is already stopped and
    their files closed, and tearing down an interpreter holding hypothesis and
    numpy would add a tenth of a second or more to every ``dlgrade check``.
    """
    code = main()
    if _ran.get("command") in QUICK_EXIT:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv=None) -> int:
    full = has_hidden_suites()
    args = _parser(full).parse_args(argv)
    _ran["command"] = args.command
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
    chosen = [e for e in catalog.entries()
              if not args.selection or e.id in args.selection or e.unit in args.selection]
    if not chosen:
        raise UsageError(f"no exercise or unit named {', '.join(args.selection)}; run `dlgrade list` "
                         "for the catalog")
    width = max(len(e.id) for e in chosen) + 2
    total = 0.0
    for e in chosen:
        print(f"{e.id:<{width}} {e.points:>5g}  {e.title}")
        total += e.points
        if args.details:
            _print_details(e.id)
    print(f"{'total':<{width}} {total:>5g}")
    return EXIT_OK


def _print_details(exercise_id):
    """The properties and mistakes of one exercise: the whole suite where it is installed (the
    instructor's checkout), the public part only in the student release."""
    try:
        ex = catalog.suite(exercise_id)
    except ImportError:
        ex = catalog.public_suite(exercise_id)
    for p in ex.properties:
        print(f"    [{'public' if p.public else 'hidden'} x{p.weight:g}] {p.description}")
    for m in ex.mistakes.values():
        print(f"    mistake {m.id}: {m.title}")


def cmd_grade(args) -> int:
    report = _run(args, args.path, public_only=False, visibility=args.visibility)
    _emit(report, args, terminal_too=False)
    if args.fail_under is not None and report["max_score"]:
        percent = 100.0 * report["score"] / report["max_score"]
        if percent < args.fail_under:
            print(f"dlgrade: score {percent:.1f}% is below --fail-under {args.fail_under:g}%",
                  file=sys.stderr)
            return EXIT_BELOW
    return EXIT_OK


def cmd_check(args) -> int:
    path = args.path or ("exercises" if Path("exercises").is_dir() else ".")
    report = _run(args, path, public_only=True, visibility="student")
    _emit(report, args, terminal_too=True)
    percent = report["summary"]["percent_checks_passed"]
    if args.fail_under is not None and percent < args.fail_under:
        print(f"dlgrade: {percent:g}% of the public checks passed, below --fail-under {args.fail_under:g}%",
              file=sys.stderr)
        return EXIT_BELOW
    return EXIT_OK


def _run(args, path, *, public_only, visibility) -> dict:
    """Grade or check ``path`` as the options say; returns the report (`report.build`)."""
    for i in args.exercise or ():
        try:
            catalog.entry(i)
        except catalog.UnknownExercise as exc:
            raise UsageError(exc.args[0]) from None
    from .grade import SubmissionError, grade
    from .isolation import default_launcher
    from .isolation.sandbox import SandboxUnavailable
    from .report import build
    from .results import Budget

    try:
        launcher = default_launcher(sandbox=not args.no_sandbox, require=args.require_sandbox)
    except SandboxUnavailable as exc:
        raise UsageError(f"{exc}; run `dlgrade doctor` for details") from None
    try:
        result = grade(path, args.exercise or None, launcher=launcher, public_only=public_only,
                       budget=Budget(args.call_timeout, args.exercise_timeout))
    except SubmissionError as exc:
        raise UsageError(str(exc)) from None
    return build(result, visibility)


def _emit(report, args, *, terminal_too):
    """Write the report: to --output (or stdout) in --format, and the Markdown --summary.

    With ``terminal_too`` (``dlgrade check``), a report written to a file is also
    shown on stdout as text, so a CI log still has the feedback.
    """
    from .report import render

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    if args.output:
        Path(args.output).write_text(render(report, args.format))
        if terminal_too:
            sys.stdout.write(render(report, "terminal", color=color))
    else:
        sys.stdout.write(render(report, args.format, color=color and args.format == "terminal"))
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as f:
            f.write(render(report, "markdown"))


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


def cmd_release(args) -> int:
    from .release import ReleaseError, build_release

    try:
        out = build_release(Path(args.outdir), min_passed=args.min_passed, force=args.force)
    except ReleaseError as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote the student release to {out}")
    return EXIT_OK


COMMANDS = {"list": cmd_list, "grade": cmd_grade, "check": cmd_check, "stubs": cmd_stubs,
            "bench": cmd_bench, "doctor": cmd_doctor, "release": cmd_release}

# Modules adding commands: each has register(subparsers) -> {command name: handler(args) -> exit code}.
# Keep their top level light: they are imported on every start of the command.
EXTENSIONS = ["autograder.classroom.commands", "autograder.notebooks"]

if __name__ == "__main__":
    run()
