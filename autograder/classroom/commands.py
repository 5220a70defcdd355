"""The classroom commands of ``dlgrade`` (registered through `autograder.cli.EXTENSIONS`).

Kept light at import: everything heavy is imported when a command runs.
"""

from __future__ import annotations

EXPORT_FORMATS = ("csv", "gradescope", "canvas", "nbgrader")  # exports.FORMATS, kept light here


def register(subparsers) -> dict:
    from ..cli import add_limit_options  # imported by cli itself while it builds its parser
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
    b.add_argument("--force", action="store_true",
                   help="grade again even the submissions the gradebook holds up to date")
    add_limit_options(b, record="the gradebook")
    b.add_argument("--dask", metavar="ADDRESS",
                   help="grade on the workers of the Dask cluster whose scheduler is at ADDRESS "
                        "(e.g. tcp://10.0.0.5:8786); this command still writes the gradebook. "
                        "Needs pip install 'dlgrade[dask]' here and dlgrade on the workers")

    e = subparsers.add_parser(
        "export", help="write a gradebook's grades as CSV, Gradescope, Canvas and nbgrader files",
        description="Write the grades of GRADEBOOK into DIR: grades.csv (a row per student, a column "
        "per exercise, the total and the status), gradescope/<student>/results.json, canvas.csv "
        "(Canvas's grade import) and nbgrader.csv (nbgrader export's columns). Submissions that "
        "were not graded are exported with 0 points.")
    e.add_argument("gradebook", metavar="GRADEBOOK", help="the SQLite gradebook of `dlgrade batch`")
    e.add_argument("--to", required=True, metavar="DIR", help="the folder to write into")
    e.add_argument("--format", default=",".join(EXPORT_FORMATS), metavar="LIST",
                   help=f"comma-separated, among {', '.join(EXPORT_FORMATS)} (default: all)")
    e.add_argument("--assignment", default="dlgrade", metavar="NAME",
                   help="the LMS assignment name (Canvas column, nbgrader's assignment) of "
                        "submissions that have none from their layout (default: dlgrade)")
    e.add_argument("--assignment-id", metavar="ID",
                   help="the Canvas id of that assignment, if it exists already (Canvas creates a "
                        "new assignment for a column without one)")

    g = subparsers.add_parser(
        "gradescope-bundle", help="build Gradescope's autograder.zip (setup.sh, run_autograder)",
        description="Build the autograder archive to upload to Gradescope: setup.sh installs this "
        "dlgrade (a wheel in the archive) and bubblewrap; run_autograder grades each submission "
        "with `dlgrade grade --format gradescope` into /autograder/results/results.json.")
    g.add_argument("out", metavar="OUT.zip", help="the archive to write")
    g.add_argument("--exercise", "-e", action="append", metavar="ID",
                   help="grade only this exercise (repeatable; default: all)")
    g.add_argument("--call-timeout", type=float, metavar="SECONDS",
                   help="time limit for one call of a student function (default: dlgrade grade's)")
    g.add_argument("--exercise-timeout", type=float, metavar="SECONDS",
                   help="time limit for all the checks of one exercise (default: dlgrade grade's)")
    g.add_argument("--wheel", metavar="PATH",
                   help="bundle this dlgrade wheel instead of building one from the source tree")

    r = subparsers.add_parser(
        "report", help="write the instructor's HTML report on a gradebook",
        description="Write one self-contained HTML file (viewable offline) on GRADEBOOK: score "
        "distribution, pass rate per exercise, the properties that fail most, the named mistakes, "
        "the submissions not graded cleanly and the grading times. Plots need matplotlib "
        "(pip install 'dlgrade[report]').")
    r.add_argument("gradebook", metavar="GRADEBOOK", help="the SQLite gradebook of `dlgrade batch`")
    r.add_argument("--output", "-o", default="report.html", metavar="FILE",
                   help="the HTML file to write (default: report.html)")
    return {"batch": cmd_batch, "export": cmd_export, "gradescope-bundle": cmd_gradescope_bundle,
            "report": cmd_report}


def cmd_batch(args) -> int:
    from pathlib import Path

    from .. import catalog
    from ..checking.runner import Budget
    from ..cli import EXIT_OK, UsageError
    from ..isolation.sandbox import SandboxUnavailable
    from .batch import LaunchersPerSlot, run_batch
    from .dask_backend import DaskError
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
    if args.dask and args.workers is not None:
        raise UsageError("--workers does not apply with --dask: every thread of the cluster's "
                         "workers grades one submission at a time")
    launchers = LaunchersPerSlot(sandbox=not args.no_sandbox, require=args.require_sandbox)
    try:
        if not args.dask:  # with --dask, each worker machine checks its own sandbox
            launchers(0)  # with --require-sandbox: refused here, before any work
    except SandboxUnavailable as exc:
        raise UsageError(f"{exc}; run `dlgrade doctor` for details") from None
    try:
        s = run_batch(Path(args.submissions), args.gradebook or DEFAULT_NAME,
                      exercises=args.exercise, workers=args.workers, timeout=args.timeout,
                      budget=Budget(args.call_timeout, args.exercise_timeout), force=args.force,
                      launcher_factory=launchers, dask=args.dask)
    except (DiscoveryError, GradebookError, DaskError) as exc:
        raise UsageError(str(exc)) from None
    counts = ", ".join(f"{n} {status}" for status, n in sorted(s.counts.items())) or "nothing new"
    rate = f", {60 * s.recorded / s.seconds:.1f}/min" if s.recorded and s.seconds else ""
    print(f"{s.found} submission(s): {counts}; {s.skipped} up to date; "
          f"{len(s.unrecognised)} not understood; {clock(s.seconds)}{rate}. Gradebook: {s.gradebook}")
    return EXIT_OK


def cmd_export(args) -> int:
    import sqlite3
    from pathlib import Path

    from ..cli import EXIT_OK, UsageError
    from .exports import ExportError, export
    from .gradebook import GradebookError

    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    try:
        written = export(args.gradebook, args.to, formats, assignment=args.assignment,
                         assignment_id=args.assignment_id)
    except (ExportError, GradebookError) as exc:
        raise UsageError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{args.gradebook}: not a usable gradebook ({exc})") from None
    shown = [str(p) for p in written if p.name != "results.json"]
    if "gradescope" in formats:
        n = sum(p.name == "results.json" for p in written)
        shown.append(f"{n} results.json under {Path(args.to) / 'gradescope'}")
    print("wrote " + ", ".join(shown))
    return EXIT_OK


def cmd_gradescope_bundle(args) -> int:
    from .. import catalog
    from ..cli import EXIT_OK, UsageError
    from .bundle import BundleError, build_bundle

    for i in args.exercise or ():
        try:
            catalog.entry(i)
        except catalog.UnknownExercise as exc:
            raise UsageError(exc.args[0]) from None
    try:
        out = build_bundle(args.out, exercises=args.exercise or (), call_timeout=args.call_timeout,
                           exercise_timeout=args.exercise_timeout, wheel=args.wheel)
    except BundleError as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {out}: upload it as the autograder of a Gradescope programming assignment")
    return EXIT_OK


def cmd_report(args) -> int:
    import sqlite3
    import sys
    from pathlib import Path

    from ..cli import EXIT_OK, UsageError
    from . import plots
    from .gradebook import GradebookError
    from .html_report import write_report

    if not Path(args.gradebook).is_file():
        raise UsageError(f"{args.gradebook}: no such gradebook")
    try:
        out = write_report(args.gradebook, args.output)
    except GradebookError as exc:
        raise UsageError(str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise UsageError(f"{args.gradebook}: not a usable gradebook ({exc})") from None
    if not plots.available():
        print(f"dlgrade: note: no plots in the report: {plots.INSTALL}", file=sys.stderr)
    print(f"wrote {out}")
    return EXIT_OK
