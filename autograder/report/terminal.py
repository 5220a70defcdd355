"""A readable terminal report, coloured when printed to a terminal.

A ``grade`` report shows each exercise's score; a ``check`` report shows how
many of its public checks pass and ends with a count of exercises passed,
failed and not started, never a score.
"""

from __future__ import annotations

import textwrap

from .feedback import failing, failure_details, mistake_text, same_error

STATUS_TEXT = {
    "passed": ("PASS", "32"), "failed": ("FAIL", "31"), "not_started": ("TODO", "33"),
    "missing": ("MISSING", "33"), "error": ("ERROR", "31"), "timeout": ("TIMEOUT", "31"),
    "crashed": ("CRASHED", "31"),
}
CHECK_NOTE = ("These are the public checks only: your grade also uses hidden tests, so passing "
              "them all does not guarantee full marks.")


def render_terminal(report: dict, color=False, summary=True) -> str:
    def paint(text, code):
        return f"\033[{code}m{text}\033[0m" if color else text

    check = report.get("kind") == "check"
    lines = []
    for ex in report["exercises"]:
        label, code = STATUS_TEXT.get(ex["status"], (ex["status"].upper(), "31"))
        if check:
            tally = "not started" if ex["status"] == "not_started" else f"{ex['checks_passed']}/{ex['checks']} checks"
        else:
            tally = f"{_num(ex['score'])}/{_num(ex['max_score'])}"
        lines.append(f"{paint(f'{label:<7}', code + ';1')} {ex['id']:<28} {tally:>12}  {ex['title']}")
        if ex["message"]:
            lines += _indent(ex["message"], 4)
        shown = []
        for f in failing(ex):
            tag = "" if f["visibility"] == "public" else " (hidden test)"
            lines.append(f"    {paint('x', '31')} {f['description']}{tag}")
            if any(same_error(f, g) for g in shown):
                lines += _indent("raised the same error as above", 8)
                continue
            shown.append(f)
            for name, text in failure_details(f):
                lines += _indent(f"{name}: {text}" if name else text, 8)
        for m in ex["mistakes"]:
            lines += _indent(paint("known mistake: ", "35") + mistake_text(m), 4)
        if ex["status"] not in ("passed",) and ex.get("course"):
            lines += _indent(f"course: {ex['course']}", 4)
    if summary:
        lines.append("")
        lines += _check_summary(report, paint) if check else _grade_summary(report, paint)
    return "\n".join(lines) + "\n"


def _grade_summary(report, paint):
    counts = {}
    for ex in report["exercises"]:
        counts[ex["status"]] = counts.get(ex["status"], 0) + 1
    parts = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items())
    return [paint(f"Score: {_num(report['score'])}/{_num(report['max_score'])}", "1")
            + f"  ({parts}; {report['seconds']:.2f} s; isolation: {report['isolation']})",
            f"Scoring: {report['scoring']}."]


def _check_summary(report, paint):
    s = report["summary"]
    n = s["exercises"]
    parts = [f"{s['passed']} passed", f"{s['failed']} failed", f"{s['not_started']} not started"]
    parts += [f"{s[k]} {k}" for k in ("missing", "error", "timeout", "crashed") if s[k]]
    head = f"Public checks: {n} exercise{'s' if n != 1 else ''}: " + ", ".join(parts)
    return [paint(head, "1"),
            f"{s['checks_passed']} of {s['checks']} checks passed ({s['percent_checks_passed']:g}%); "
            f"{report['seconds']:.2f} s; isolation: {report['isolation']}",
            CHECK_NOTE]


def _num(x):
    return f"{x:g}"


def _indent(text, n):
    out = []
    for para in str(text).splitlines() or [""]:
        out += textwrap.wrap(para, width=100, initial_indent=" " * n, subsequent_indent=" " * (n + 2),
                             break_long_words=True, replace_whitespace=False) or [" " * n]
    return out
