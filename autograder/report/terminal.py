"""A readable terminal report, coloured when printed to a terminal."""

from __future__ import annotations

import textwrap

STATUS_TEXT = {
    "passed": ("PASS", "32"), "failed": ("FAIL", "31"), "not_started": ("TODO", "33"),
    "missing": ("MISSING", "33"), "error": ("ERROR", "31"), "timeout": ("TIMEOUT", "31"),
    "crashed": ("CRASHED", "31"),
}


def render_terminal(report: dict, color=False, summary=True) -> str:
    def paint(text, code):
        return f"\033[{code}m{text}\033[0m" if color else text

    lines = []
    for ex in report["exercises"]:
        label, code = STATUS_TEXT.get(ex["status"], (ex["status"].upper(), "31"))
        score = f"{_num(ex['score'])}/{_num(ex['max_score'])}"
        lines.append(f"{paint(f'{label:<7}', code + ';1')} {ex['id']:<28} {score:>9}  {ex['title']}")
        if ex["message"]:
            lines += _indent(ex["message"], 4)
        for f in ex["failures"]:
            if f["outcome"] == "skipped":
                continue
            tag = "" if f["visibility"] == "public" else " (hidden test)"
            lines.append(f"    {paint('x', '31')} {f['description']}{tag}")
            lines += _indent(f["message"], 8)
            if f["counterexample"]:
                lines += _indent("counterexample: " + f["counterexample"], 8)
            if f["where"]:
                w = f["where"]
                lines += _indent(f"in your code: {w['file']}, line {w['line']}, in {w['function']}: "
                                 f"{w['code']}", 8)
            if f["hint"]:
                lines += _indent("hint: " + f["hint"], 8)
            if f["student_output"]:
                dropped = f.get("student_output_dropped_bytes") or 0
                extra = f" [{dropped} more bytes not shown]" if dropped else ""
                lines += _indent("your code printed: " + f["student_output"][:800] + extra, 8)
        for m in ex["mistakes"]:
            lines += _indent(paint("known mistake: ", "35") + f"{m['title']} ({m['id']}). {m['hint']}", 4)
        if ex["status"] not in ("passed",) and ex.get("course"):
            lines += _indent(f"course: {ex['course']}", 4)
    if summary:
        counts = {}
        for ex in report["exercises"]:
            counts[ex["status"]] = counts.get(ex["status"], 0) + 1
        parts = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in counts.items())
        lines.append("")
        lines.append(paint(f"Score: {_num(report['score'])}/{_num(report['max_score'])}", "1")
                     + f"  ({parts}; {report['seconds']:.2f} s; isolation: {report['isolation']})")
        lines.append(f"Scoring: {report['scoring']}.")
    return "\n".join(lines) + "\n"


def _num(x):
    return f"{x:g}"


def _indent(text, n):
    out = []
    for para in str(text).splitlines() or [""]:
        out += textwrap.wrap(para, width=100, initial_indent=" " * n, subsequent_indent=" " * (n + 2),
                             break_long_words=True, replace_whitespace=False) or [" " * n]
    return out
