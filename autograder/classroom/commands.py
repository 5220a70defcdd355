"""The classroom commands of ``dlgrade`` (registered through `autograder.cli.EXTENSIONS`).

Kept light at import: everything heavy is imported when a command runs.
"""

from __future__ import annotations


def register(subparsers) -> dict:
    b = subparsers.add_parser(
        "batch", help="grade every submission in a folder into a gradebook",
        description="Grade every submission found in SUBMISSIONS (one folder, .py, .ipynb or .zip "
        "per student; nbgrader's submitted/<student>/<assignment>/; or a Canvas download) in "
        "parallel, recording each in an SQLite gradebook as it finishes. Submissions already "
        "graded with the same files and suite are skipped, so an interrupted batch can simply "
        "be run again.")
    b.add_argument("submissions", metavar="SUBMISSIONS", help="the folder of submissions")
    b.add_argument("--workers", "-j", type=int, metavar="N",
                   help="grader processes working in parallel (default: the number of cores)")
    b.add_argument("--gradebook", "-g", metavar="PATH",
                   help="the SQLite gradebook (default: gradebook.sqlite in the current folder)")
    b.add_argument("--exercise", "-e", action="append", metavar="ID",
                   help="grade only this exercise (repeatable), e.g. activations.softmax")
    b.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS",
                   help="wall-time limit for grading one submission (default 600)")
    b.add_argument("--call-timeout", type=float, default=10.0, metavar="SECONDS",
                   help="time limit for one call of a student function (default 10)")
    b.add_argument("--exercise-timeout", type=float, default=60.0, metavar="SECONDS",
                   help="time limit for all the checks of one exercise (default 60)")
    b.add_argument("--force", action="store_true",
                   help="grade again even the submissions the gradebook holds up to date")
    iso = b.add_mutually_exclusive_group()
    iso.add_argument("--require-sandbox", action="store_true",
                     help="refuse to grade unless every confinement mechanism is available "
                          "(see `dlgrade doctor`)")
    iso.add_argument("--no-sandbox", action="store_true",
                     help="run the workers as plain processes (debugging only; the gradebook says so)")
    return {"batch": cmd_batch}


def cmd_batch(args) -> int:
    from pathlib import Path

    from .. import catalog
    from ..checking.runner import Budget
    from ..cli import EXIT_OK, UsageError
    from ..isolation.sandbox import SandboxUnavailable
    from .batch import LaunchersPerSlot, run_batch
    from .discover import DiscoveryError
    from .gradebook import DEFAULT_NAME, GradebookError
    from .progress import clock

    for i in args.exercise or ():
        try:
            catalog.entry(i)
        except catalog.UnknownExercise as exc:
            raise UsageError(exc.args[0]) from None
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    launchers = LaunchersPerSlot(sandbox=not args.no_sandbox, require=args.require_sandbox)
    try:
        launchers(0)  # with --require-sandbox: refused here, before any work
    except SandboxUnavailable as exc:
        raise UsageError(f"{exc}; run `dlgrade doctor` for details") from None
    try:
        s = run_batch(Path(args.submissions), args.gradebook or DEFAULT_NAME,
                      exercises=args.exercise, workers=args.workers, timeout=args.timeout,
                      budget=Budget(args.call_timeout, args.exercise_timeout), force=args.force,
                      launcher_factory=launchers)
    except (DiscoveryError, GradebookError) as exc:
        raise UsageError(str(exc)) from None
    counts = ", ".join(f"{n} {status}" for status, n in sorted(s.counts.items())) or "nothing new"
    rate = f", {60 * s.recorded / s.seconds:.1f}/min" if s.recorded and s.seconds else ""
    print(f"{s.found} submission(s): {counts}; {s.skipped} up to date; "
          f"{len(s.unrecognised)} not understood; {clock(s.seconds)}{rate}. Gradebook: {s.gradebook}")
    return EXIT_OK
