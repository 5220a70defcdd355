"""`dlgrade report GRADEBOOK`: the instructor's report on a class, one HTML file.

The page is self-contained and viewable offline: inline CSS, the plots embedded
as PNG data URIs (`plots`), no script and no external URL. It shows the score
distribution, each exercise's pass rate, the properties that fail most, the named
mistakes per exercise, every submission not graded cleanly (not graded at all,
an exercise that errored, timed out or crashed, or a sign that the sandbox
stopped something) with what was not understood, and the grading times. Without
matplotlib the tables are written and the plots replaced by a note.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

from . import plots
from .analytics import analyse
from .gradebook import Gradebook

MESSAGE_CHARS = 600

CSS = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #d8dde3; }
.meta { color: #5b6573; } img { max-width: 100%; display: block; margin: 1em 0; }
table { border-collapse: collapse; margin: .8em 0; width: 100%; font-size: 14px; }
th, td { text-align: left; padding: .3em .6em; border-bottom: 1px solid #e3e7eb; vertical-align: top; }
th { background: #f3f5f7; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.msg { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; }
.bad { color: #b03a2e; font-weight: 600; } .note { background: #fff6d6; padding: .5em .8em; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
"""


def write_report(gradebook, out) -> Path:
    """Write the report on ``gradebook`` to ``out``; returns ``out``."""
    with Gradebook(gradebook, readonly=True) as book:
        stats = analyse(book)
    out = Path(out)
    out.write_text(render(stats, Path(gradebook).name), encoding="utf-8")
    return out


def render(stats: dict, name: str) -> str:
    drawn = plots.available()
    parts = [f"<h1>Class report: {_e(name)}</h1>",
             f"<p class=meta>Generated {_e(time.strftime('%Y-%m-%d %H:%M'))} by dlgrade from "
             f"{stats['runs']} batch run(s).</p>"]
    if not drawn:
        parts.append(f"<p class=note>No plots: {_e(plots.INSTALL)}.</p>")
    parts += _overview(stats)
    parts += _scores(stats, drawn)
    parts += _exercises(stats, drawn)
    parts += _properties(stats)
    parts += _mistakes(stats)
    parts += _problems(stats)
    parts += _times(stats, drawn)
    return ("<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
            f"<title>dlgrade report: {_e(name)}</title><style>{CSS}</style></head><body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def _overview(s):
    scores = s["scores"]
    statuses = ", ".join(f"{n} {st}" for st, n in s["statuses"].items()) or "none"
    versions = "; ".join(f"dlgrade {g}, suites {v}" for g, v in s["versions"]) or "none"
    return ["<h2>Overview</h2>", _table(["", ""], [
        ["submissions", f"{s['submissions']} ({statuses})"],
        ["exercises", ", ".join(s["exercises"]) or "none"],
        ["score", f"mean {scores['mean']:.1f}%, median {scores['median']:.1f}% "
                  f"(of {_num(scores['max_score'])} points)"],
        ["graded with", versions]], header=False)]


def _scores(s, drawn):
    scores = s["scores"]
    out = ["<h2>Score distribution</h2>"]
    if drawn and scores["percent"]:
        out.append(_img(plots.score_histogram(scores["graded_percent"], scores["not_graded"]),
                        "histogram of the submissions' scores"))
    out.append(f"<p>{len(scores['percent'])} submissions, {scores['not_graded']} of them not graded "
               "(counted as 0).</p>")
    return out


def _exercises(s, drawn):
    out = ["<h2>Exercises: pass rates</h2>"]
    if drawn and s["per_exercise"]:
        out.append(_img(plots.pass_rates(s["per_exercise"]), "pass rate of each exercise"))
    head = ["exercise", "title", "points", "submissions", "passed", "failed", "not started",
            "missing", "error", "timeout", "crashed", "not graded", "pass rate", "mean score"]
    rows = []
    for e in s["per_exercise"]:
        st = e["statuses"]
        rows.append([f"<code>{_e(e['id'])}</code>", _e(e["title"])] + [_n(x) for x in (
            _num(e["points"]), e["submissions"], e["passed"], st.get("failed", 0),
            st.get("not_started", 0), st.get("missing", 0), st.get("error", 0), st.get("timeout", 0),
            st.get("crashed", 0), e["not_graded"], f"{e['pass_rate']:.0f}%", f"{e['mean_percent']:.0f}%")])
    out.append(_table(head, rows, escaped=True))
    return out


def _properties(s):
    out = ["<h2>Properties that fail most</h2>"]
    if not s["failing_properties"]:
        return out + ["<p>No property failed.</p>"]
    rows = []
    for p in s["failing_properties"]:
        mistakes = ", ".join(f"{m} ({n})" for m, n in p["mistakes"])
        rows.append([f"<code>{_e(p['exercise'])}</code>", f"<code>{_e(p['property'])}</code>",
                     _e(p["visibility"]), _e(p["description"]),
                     _n(f"{p['failed']}/{p['checked']}"), _e(mistakes)])
    return out + [_table(["exercise", "property", "visibility", "checks that", "failed", "named mistakes"],
                         rows, escaped=True)]


def _mistakes(s):
    out = ["<h2>Named mistakes per exercise</h2>"]
    for exercise, found in s["mistakes"].items():
        out.append(f"<h3><code>{_e(exercise)}</code></h3>")
        if not found:
            out.append("<p>No named mistake found.</p>")
            continue
        out.append(_table(["mistake", "what it is", "submissions"],
                          [[f"<code>{_e(m)}</code>", _e(title), _n(n)] for m, title, n in found],
                          escaped=True))
    return out


def _problems(s):
    out = ["<h2>Not graded cleanly</h2>",
           "<p>Submissions not graded (timed out, crashed, unreadable, ...), exercises that errored, "
           "timed out or crashed, and checks the sandbox cut short.</p>"]
    if s["problems"]:
        out.append(_table(["submission", "what", "sandbox", "message"], [
            [_e(p["submission"]), f"<span class=bad>{_e(p['what'])}</span>", _e(p["flag"]),
             f"<td class=msg>{_e(_short(p['message']))}"] for p in s["problems"]], escaped=True))
    else:
        out.append("<p>Every submission was graded cleanly.</p>")
    if s["unrecognised"]:
        out.append("<h3>Found in the folder but not understood (not graded)</h3>")
        out.append(_table(["path", "why"], [[u["path"], u["reason"]] for u in s["unrecognised"]]))
    if s["isolation"]:
        out.append("<h3>Isolation of the graded submissions</h3>")
        out.append(_table(["isolation", "submissions"], [[level, n] for level, n in s["isolation"].items()]))
    return out


def _times(s, drawn):
    t = s["times"]
    out = ["<h2>Grading times</h2>"]
    if drawn and t["seconds"]:
        out.append(_img(plots.time_histogram(t["seconds"]), "histogram of the grading times"))
    out.append(f"<p>{len(t['seconds'])} submissions timed: mean {t['mean']:.1f} s, median "
               f"{t['median']:.1f} s, {t['total']:.0f} s of grading in all.</p>")
    if t["slowest"]:
        out.append("<h3>Slowest</h3>")
        out.append(_table(["submission", "status", "seconds"],
                          [[_e(k), _e(st), _n(f"{sec:.1f}")] for k, st, sec in t["slowest"]], escaped=True))
    return out


# ---------------------------------------------------------------- HTML helpers

def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _n(x) -> str:
    """A right-aligned numeric cell (``_table`` keeps cells that start with <td)."""
    return f"<td class=n>{_e(x)}"


def _img(uri: str, alt: str) -> str:
    return f'<img src="{uri}" alt="{_e(alt)}">'


def _table(columns, rows, escaped=False, header=True) -> str:
    """A table; cells are escaped unless ``escaped``; a cell may bring its own <td ...>."""
    lines = ["<tr>" + "".join(f"<th>{_e(c)}" for c in columns) + "</tr>"] if header else []
    for row in rows:
        cells = [c if escaped else _e(c) for c in row]
        lines.append("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}" for c in cells) + "</tr>")
    return "<table>" + "\n".join(lines) + "</table>"


def _num(x) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def _short(text: str) -> str:
    return text if len(text) <= MESSAGE_CHARS else text[:MESSAGE_CHARS] + " [...]"
