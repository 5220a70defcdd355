"""The report formats: terminal text, JSON, Gradescope's results.json, JUnit XML, Markdown."""

from __future__ import annotations

import json

from .junit import render_junit
from .markdown import render_markdown
from .terminal import render_terminal


def render_json(report: dict, color=False) -> str:
    return json.dumps(report, indent=2) + "\n"


def render_gradescope(report: dict, color=False) -> str:
    """Gradescope's results.json: one test per exercise, text output per test."""
    tests = []
    for ex in report["exercises"]:
        tests.append({
            "name": f"{ex['id']}: {ex['title']}",
            "number": ex["id"],
            "score": ex["score"],
            "max_score": ex["max_score"],
            "status": "passed" if ex["status"] == "passed" else "failed",
            "output": render_terminal({**report, "exercises": [ex]}, color=False, summary=False),
            "visibility": "visible",
        })
    return json.dumps({
        "score": report["score"],
        "output": f"dlgrade {report['grader_version']}; isolation: {report['isolation']}. "
                  f"Scoring: {report['scoring']}.",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }, indent=2) + "\n"


FORMATS = {"terminal": render_terminal, "json": render_json, "gradescope": render_gradescope,
           "junit": render_junit, "markdown": render_markdown}


def render(report: dict, fmt: str, color=False) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "gradescope" and report.get("kind") == "check":
        raise ValueError("a check report has no score: Gradescope's format needs one")
    return FORMATS[fmt](report, color=color)
