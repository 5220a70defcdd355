"""A Markdown summary: a table of the exercises, then the feedback on each failure.

Made for a CI job summary (``$GITHUB_STEP_SUMMARY`` on GitHub Actions) and for
pasting into an issue: the table comes first, the details of each failing
exercise are folded in a ``<details>`` block.
"""

from __future__ import annotations

from .feedback import failing, failure_details, mistake_text, same_error

ICONS = {"passed": "✅", "failed": "❌", "not_started": "⏳", "missing": "❔", "error": "💥",
         "timeout": "⏱️", "crashed": "💥"}


def render_markdown(report: dict, color=False) -> str:
    check = report.get("kind") == "check"
    s = report["summary"]
    if check:
        title = (f"### dlgrade check: {s['checks_passed']} of {s['checks']} public checks passed "
                 f"({s['percent_checks_passed']:g}%)")
        header = "| | Exercise | Checks passed | Points |\n|:-:|---|:-:|--:|"
    else:
        title = f"### dlgrade grade: score {report['score']:g} / {report['max_score']:g}"
        header = "| | Exercise | Checks passed | Score |\n|:-:|---|:-:|--:|"
    lines = [title, "", header]
    for ex in report["exercises"]:
        tally = "not started" if ex["status"] == "not_started" else f"{ex['checks_passed']}/{ex['checks']}"
        worth = f"{ex['points']:g}" if check else f"{ex['score']:g}/{ex['max_score']:g}"
        lines.append(f"| {ICONS.get(ex['status'], '')} | `{ex['id']}` {_cell(ex['title'])} | {tally} | {worth} |")
    counts = ", ".join(f"{s[k]} {k.replace('_', ' ')}" for k in ("passed", "failed", "not_started", "missing",
                                                                    "error", "timeout", "crashed") if s[k])
    lines += ["", f"Exercises: {counts}. {report['seconds']:.2f} s, isolation: {report['isolation']}."]
    if check:
        lines += ["", "_Public checks only: the grade also uses hidden tests._"]
    for ex in report["exercises"]:
        lines += _details(ex)
    return "\n".join(lines) + "\n"


def _details(ex: dict) -> list:
    shown = failing(ex)
    if not shown and not (ex["message"] and ex["status"] not in ("passed", "not_started")):
        return []
    n = len(shown)
    what = f"{n} check{'s' if n != 1 else ''} failed" if n else ex["status"].replace("_", " ")
    out = ["", f"<details><summary>{ICONS.get(ex['status'], '')} <code>{ex['id']}</code>: {what}</summary>", ""]
    if ex["message"]:
        out += [_block(ex["message"]), ""]
    seen = []
    for f in shown:
        tag = "" if f["visibility"] == "public" else " (hidden test)"
        out += [f"**{_inline(f['description'])}**{tag}", ""]
        if any(same_error(f, g) for g in seen):
            out += ["raised the same error as above", ""]
            continue
        seen.append(f)
        for label, text in failure_details(f):
            if label in ("counterexample", "your code printed"):
                out += [f"{label}:", "", _block(text), ""]
            elif label == "in your code":
                w = f["where"]
                out += [f"in your code: {_inline(w['file'])}, line {w['line']}, in "
                        f"{_inline(w['function'])}: {_code(w['code'])}", ""]
            else:
                out += [f"{label + ': ' if label else ''}{_inline(text)}", ""]
    for m in ex["mistakes"]:
        out += [f"Known mistake: {_inline(mistake_text(m))}", ""]
    if ex.get("course"):
        out += [f"Course: {_inline(ex['course'])}", ""]
    out.append("</details>")
    return out


def _cell(text: str) -> str:
    return _inline(text).replace("|", "\\|")


def _inline(text: str) -> str:
    """One paragraph of text, with the characters Markdown or HTML would interpret escaped."""
    text = " ".join(str(text).split())
    for ch in ("\\", "`", "*", "_", "<", ">", "[", "]"):
        text = text.replace(ch, "\\" + ch)
    return text


def _code(text: str) -> str:
    """Inline code: a backtick run longer than any inside the text."""
    text = " ".join(str(text).split())
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _block(text: str) -> str:
    fence = "```"
    while fence in str(text):
        fence += "`"
    return f"{fence}text\n{text}\n{fence}"
