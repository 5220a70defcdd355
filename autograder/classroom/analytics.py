"""What a gradebook says about a class, as plain data (`dlgrade report` draws it).

`analyse` reads a gradebook and returns the score distribution, each exercise's
pass rate, the properties that fail most, the named mistakes found per exercise,
the submissions not graded cleanly (and why) and the grading times.
"""

from __future__ import annotations

import collections
import json
import statistics

from .. import catalog

#: Signs, in a failure's message, that the sandbox stopped something the code tried.
SANDBOX_SIGNS = {
    "SIGSYS": "a forbidden system call (seccomp)",
    "SIGXCPU": "the CPU time limit",
    "SIGXFSZ": "the file size limit",
    "Operation not permitted": "an operation the sandbox refuses",
    "Permission denied": "a file the sandbox hides or protects",
    "MemoryError": "the memory limit",
    "Cannot allocate memory": "the memory limit",
    "Resource temporarily unavailable": "the process limit",
}
TROUBLE = ("error", "timeout", "crashed")  # exercise statuses worth a look
CUT_SHORT = ("timeout", "crashed", "budget")  # property outcomes worth a look
TOP_PROPERTIES = 15
SLOWEST = 10


def analyse(book) -> dict:
    rows = book.submissions()
    results = book.exercise_results()
    exercises = _exercises(rows)
    return {
        "submissions": len(rows),
        "statuses": dict(collections.Counter(r["status"] for r in rows).most_common()),
        "exercises": exercises,
        "scores": _scores(rows),
        "per_exercise": [_exercise(i, rows, results) for i in exercises],
        "failing_properties": _failing_properties(book),
        "mistakes": _mistakes(book, exercises),
        "problems": _problems(rows, results, book),
        "unrecognised": book.unrecognised(),
        "isolation": dict(collections.Counter(r["isolation"] or "(nothing run)" for r in rows
                                              if r["status"] == "graded").most_common()),
        "times": _times(rows),
        "versions": sorted({(r["grader_version"], r["suite_version"]) for r in rows}),
        "runs": len(book.runs()),
    }


def _exercises(rows) -> list:
    """The exercises graded in any submission, in catalog order (unknown ids last)."""
    graded = {i for r in rows for i in r["exercises"]}
    known = [e.id for e in catalog.entries() if e.id in graded]
    return known + sorted(graded - set(known))


def _scores(rows) -> dict:
    percent = [100.0 * r["score"] / r["max_score"] if r["max_score"] else 0.0 for r in rows]
    graded = [p for p, r in zip(percent, rows) if r["status"] == "graded"]
    return {"percent": percent, "graded_percent": graded,
            "not_graded": len(percent) - len(graded),
            "mean": _mean(percent), "median": statistics.median(percent) if percent else 0.0,
            "max_score": max((r["max_score"] for r in rows), default=0.0)}


def _exercise(exercise_id, rows, results) -> dict:
    assigned = [r for r in rows if exercise_id in r["exercises"]]
    mine = [e for e in results if e["exercise"] == exercise_id]
    statuses = collections.Counter(e["status"] for e in mine)
    points = _points(exercise_id, mine)
    passed = statuses.get("passed", 0)
    return {"id": exercise_id, "title": _title(exercise_id), "points": points,
            "submissions": len(assigned), "passed": passed, "statuses": dict(statuses),
            "not_graded": len(assigned) - len(mine),
            "pass_rate": 100.0 * passed / len(assigned) if assigned else 0.0,
            "mean_percent": (100.0 * sum(e["score"] for e in mine) / (points * len(assigned))
                             if assigned and points else 0.0)}


def _failing_properties(book) -> list:
    rows = book.query(
        "SELECT exercise, property, visibility, SUM(passed = 0) AS failed, COUNT(*) AS checked"
        " FROM property_results GROUP BY exercise, property HAVING failed > 0"
        " ORDER BY failed DESC, exercise, property LIMIT ?", (TOP_PROPERTIES,))
    descriptions = _descriptions(book, {r["exercise"] for r in rows})
    for r in rows:
        r["description"] = descriptions.get((r["exercise"], r["property"]), "")
        r["mistakes"] = _property_mistakes(book, r["exercise"], r["property"])
    return rows


def _property_mistakes(book, exercise, prop) -> list:
    counts = collections.Counter()
    for r in book.query("SELECT mistakes FROM property_results WHERE exercise = ? AND property = ?"
                        " AND passed = 0", (exercise, prop)):
        counts.update(json.loads(r["mistakes"]))
    return counts.most_common(3)


def _descriptions(book, exercises) -> dict:
    """(exercise, property) -> description, from one stored report per exercise."""
    found = {}
    for exercise in exercises:
        row = book.query("SELECT submission FROM exercise_results WHERE exercise = ? LIMIT 1", (exercise,))
        report = book.report(row[0]["submission"]) if row else None
        for ex in (report or {}).get("exercises", []):
            for p in ex["properties"]:
                found[(ex["id"], p["name"])] = p["description"]
    return found


def _mistakes(book, exercises) -> dict:
    """exercise -> [(mistake id, title, submissions)], most frequent first."""
    found = {i: [] for i in exercises}
    for r in book.query("SELECT exercise, mistake, MAX(title) AS title, COUNT(*) AS n FROM mistakes"
                        " GROUP BY exercise, mistake ORDER BY exercise, n DESC, mistake"):
        found.setdefault(r["exercise"], []).append((r["mistake"], r["title"], r["n"]))
    return found


def _problems(rows, results, book) -> list:
    """Everything not graded cleanly: {submission, what, flag, message}, by submission.

    Submissions not graded; exercises that errored (an import that failed), timed out or
    crashed; single checks that timed out, crashed or ran out of the exercise's time, or
    whose message shows the sandbox stopping something.
    """
    problems = [_problem(r["submission"], r["status"], r["message"])
                for r in rows if r["status"] != "graded"]
    stopped = book.query("SELECT * FROM property_results WHERE passed = 0 AND outcome != 'failed'"
                         " ORDER BY submission, exercise, property")
    first = {}
    for p in stopped:
        if p["outcome"] in TROUBLE:
            first.setdefault((p["submission"], p["exercise"]), p["message"])
    listed = set()
    for e in results:
        if e["status"] in TROUBLE:
            key = (e["submission"], e["exercise"])
            listed.add(key)
            problems.append(_problem(e["submission"], f"{e['exercise']}: {e['status']}",
                                     e["message"] or first.get(key, "")))
    for p in stopped:
        flag = _sandbox_flag(p["message"])
        if (p["submission"], p["exercise"]) in listed or not (p["outcome"] in CUT_SHORT or flag):
            continue
        problems.append(_problem(p["submission"], f"{p['exercise']} / {p['property']}: {p['outcome']}",
                                 p["message"]))
    return sorted(problems, key=lambda p: p["submission"])


def _problem(submission, what, message) -> dict:
    return {"submission": submission, "what": what, "flag": _sandbox_flag(message),
            "message": message or ""}


def _sandbox_flag(message) -> str:
    for sign, meaning in SANDBOX_SIGNS.items():
        if sign in (message or ""):
            return meaning
    return ""


def _times(rows) -> dict:
    timed = [r for r in rows if r["seconds"] is not None]
    seconds = [r["seconds"] for r in timed]
    slowest = sorted(timed, key=lambda r: -r["seconds"])[:SLOWEST]
    return {"seconds": seconds, "total": sum(seconds), "mean": _mean(seconds),
            "median": statistics.median(seconds) if seconds else 0.0,
            "slowest": [(r["submission"], r["status"], r["seconds"]) for r in slowest]}


def _points(exercise_id, mine) -> float:
    try:
        return catalog.entry(exercise_id).points
    except catalog.UnknownExercise:
        return max((e["max_score"] for e in mine), default=0.0)


def _title(exercise_id) -> str:
    try:
        return catalog.entry(exercise_id).title
    except catalog.UnknownExercise:
        return ""


def _mean(values) -> float:
    return sum(values) / len(values) if values else 0.0
