"""What a report may show, by audience.

``student`` (the default) withholds everything a hidden property could leak:
its inputs (the counterexample), expected and received values, exception
messages (they may quote inputs) and anything the student's code printed
while it ran on hidden inputs. It keeps the property's description, its hint,
the outcome, the named mistakes and the line of the student's code that
raised. ``instructor`` shows everything.

A report is of one of two kinds. ``grade`` (``dlgrade grade``) has scores.
``check`` (``dlgrade check``: public properties only) has none, not even an
estimate, because the hidden properties were not run; each exercise keeps its
catalog ``points`` (what it is worth), and the ``summary`` counts the checks
(public properties) passed.
"""

from __future__ import annotations

import re

from ..results import GradeResult

SCHEMA = "dlgrade.report/1"
VISIBILITIES = ("student", "instructor")
KINDS = ("grade", "check")
STATUSES = ("passed", "failed", "not_started", "missing", "error", "timeout", "crashed")
SCORING = ("exercise score = points x (sum of the weights of the passed properties) / "
           "(sum of the weights of all its properties), where hygiene properties (such as leaving "
           "the inputs unchanged) count only if another property passes; total = sum of the "
           "exercise scores")
WITHHELD = "details withheld: this is a hidden test"
# What the student view says of a worker lost under a hidden property: the detail (an exit
# status, a protocol error) is produced by the student's code and could carry hidden data.
LOST = {"timeout": "your code did not finish in time", "crashed": "the process running your code died"}


def build(result: GradeResult, visibility: str = "student") -> dict:
    """The report as plain data (the JSON format; the other formats render it)."""
    if visibility not in VISIBILITIES:
        raise ValueError(f"visibility must be one of {VISIBILITIES}, not {visibility!r}")
    show_all = visibility == "instructor"
    check = getattr(result, "public_only", False)
    exercises = []
    for ex in result.exercises:
        props, failures = [], []
        for p in ex.properties:
            vis = "public" if p.public else "hidden"
            props.append({"name": p.name, "description": p.description, "visibility": vis,
                          "weight": p.weight, "passed": p.passed, "outcome": p.outcome,
                          "cases": p.cases})
            if p.passed:
                continue
            open_ = show_all or p.public
            message = p.message
            if not open_ and p.outcome == "error":
                message = f"your function raised {p.error_type} on a hidden input ({WITHHELD})"
            elif not open_ and p.outcome in LOST:
                message = f"{LOST[p.outcome]} on a hidden input ({WITHHELD})"
            elif not open_ and p.outcome not in ("budget", "skipped"):
                message = WITHHELD
            failures.append({
                "property": p.name, "description": p.description, "visibility": vis,
                "outcome": p.outcome,
                "message": _printable(message),
                "counterexample": _printable(p.counterexample) if open_ else "",
                "hint": p.hint,
                "mistakes": [m for m in p.mistakes],
                "where": _where(p.where),
                "student_output": _printable(p.student_output) if open_ else "",
                "student_output_dropped_bytes": p.output_dropped if open_ else 0,
            })
        entry = {"id": ex.id, "title": ex.title}
        entry.update({"points": ex.max_score} if check else {"score": ex.score, "max_score": ex.max_score})
        entry.update({
            "status": ex.status, "message": _printable(ex.message), "seconds": ex.seconds, "cases": ex.cases,
            "checks_passed": sum(p["passed"] for p in props), "checks": len(props),
            "course": ex.course, "mistakes": ex.mistakes, "properties": props, "failures": failures,
        })
        exercises.append(entry)
    report = {"schema": SCHEMA, "kind": "check" if check else "grade",
              "grader_version": result.grader_version, "submission": result.submission,
              "visibility": visibility, "isolation": result.isolation}
    if not check:
        report.update(score=result.score, max_score=result.max_score)
    report.update(seconds=result.seconds, summary=summarise(exercises))
    if not check:
        report["scoring"] = SCORING
    report["exercises"] = exercises
    return report


def summarise(exercises: list) -> dict:
    """Exercises by status, and the checks (properties) passed out of all those of the exercises."""
    summary = {s: 0 for s in STATUSES}
    for ex in exercises:
        summary[ex["status"]] = summary.get(ex["status"], 0) + 1
    passed = sum(ex["checks_passed"] for ex in exercises)
    total = sum(ex["checks"] for ex in exercises)
    summary.update(exercises=len(exercises), checks_passed=passed, checks=total,
                   percent_checks_passed=round(100.0 * passed / total, 1) if total else 0.0)
    return summary


def _where(where):
    if not where:
        return None
    return {k: _printable(where.get(k)) for k in ("file", "line", "function", "code")}


#: Terminal control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text):
    """Text the student's code produced, with control characters shown as escapes.

    Escape sequences, carriage returns and the like in output or messages could
    otherwise clear an instructor's terminal and print a fake score, or make an
    XML or Markdown report unreadable; every format renders this data.
    """
    if not isinstance(text, str):
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", text)
