"""JUnit XML: one testsuite per exercise, one testcase per property.

Read by CI systems (GitHub Actions test reporters, GitLab, Jenkins). A failed
property is a ``<failure>`` whose text is the whole feedback (message,
counterexample, line of the student's code, hint, named mistakes, course); a
property whose check crashed or timed out is an ``<error>``, and so is every
property of an exercise whose module is missing or could not be imported
(with the reason); the properties of an exercise not started yet are
``<skipped>``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .feedback import failure_details, failure_text

ERROR_OUTCOMES = ("error", "timeout", "crashed", "budget")


def render_junit(report: dict, color=False) -> str:
    kind = report.get("kind", "grade")
    root = ET.Element("testsuites", name=f"dlgrade {kind}")
    totals = dict(tests=0, failures=0, errors=0, skipped=0)
    for ex in report["exercises"]:
        suite = _suite(ex, kind)
        root.append(suite)
        for k in totals:
            totals[k] += int(suite.get(k))
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("time", f"{report['seconds']:.3f}")
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(ex: dict, kind: str) -> ET.Element:
    suite = ET.Element("testsuite", name=ex["id"], time=f"{ex['seconds']:.3f}")
    props = ET.SubElement(suite, "properties")
    for name in ("title", "course", "status"):
        if ex.get(name):
            ET.SubElement(props, "property", name=name, value=str(ex[name]))
    if kind == "grade":
        ET.SubElement(props, "property", name="score", value=f"{ex['score']:g}/{ex['max_score']:g}")
    failures = {f["property"]: f for f in ex["failures"]}
    counts = dict(tests=0, failures=0, errors=0, skipped=0)
    cases = ex["properties"] or [{"name": "load", "passed": False, "outcome": ex["status"]}]
    for p in cases:
        counts["tests"] += 1
        case = ET.SubElement(suite, "testcase", classname=ex["id"], name=p["name"], time="0")
        if p["passed"]:
            continue
        f = failures.get(p["name"])
        if f is None or p["outcome"] == "skipped":  # the property did not run
            why = ex["message"] or ex["status"].replace("_", " ")
            if ex["status"] == "not_started":
                counts["skipped"] += 1
                ET.SubElement(case, "skipped", message=_first_line(why))
            else:  # the module is missing or could not be imported or loaded
                counts["errors"] += 1
                ET.SubElement(case, "error", message=_first_line(why), type=ex["status"]).text = \
                    f"{ex['id']}: {why}"
            continue
        tag = "error" if p["outcome"] in ERROR_OUTCOMES else "failure"
        counts["errors" if tag == "error" else "failures"] += 1
        details = failure_details(f)
        summary = details[0][1] if details and not details[0][0] else f["description"]
        element = ET.SubElement(case, tag, message=_first_line(summary), type=p["outcome"])
        element.text = failure_text(ex, f)
    for k, v in counts.items():
        suite.set(k, str(v))
    return suite


def _first_line(text: str, limit: int = 300) -> str:
    line = str(text).strip().splitlines()[0] if str(text).strip() else ""
    return line if len(line) <= limit else line[:limit - 3] + "..."
