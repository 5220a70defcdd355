"""The feedback on one failed property or exercise, as plain text lines.

Shared by every human-readable format (terminal, Markdown, JUnit failure
text, the pytest plugin), so that they all say the same thing: the property
in plain words, what went wrong, the counterexample, the line of the
student's code that raised, the hint, the named mistakes and the course.
"""

from __future__ import annotations

OUTPUT_SHOWN = 800  # characters of the student's printed output shown per failure


def where_text(where) -> str:
    """``file, line N, in function: code`` for the line of the student's code that raised."""
    return f"{where['file']}, line {where['line']}, in {where['function']}: {where['code']}"


def failure_details(f: dict) -> list:
    """``(label, text)`` pairs about one failure, in reading order; the label may be empty."""
    message = f["message"]
    if f["where"]:  # the line that raised gets its own entry: do not repeat it in the message
        message = message.removesuffix(f" (at {where_text(f['where'])})")
    out = [("", message)] if message else []
    if f["counterexample"]:
        out.append(("counterexample", f["counterexample"]))
    if f["where"]:
        out.append(("in your code", where_text(f["where"])))
    if f["hint"]:
        out.append(("hint", f["hint"]))
    if f["student_output"]:
        dropped = f.get("student_output_dropped_bytes") or 0
        extra = f" [{dropped} more bytes not shown]" if dropped else ""
        out.append(("your code printed", f["student_output"][:OUTPUT_SHOWN] + extra))
    return out


def mistake_text(m: dict) -> str:
    return f"{m['title']} ({m['id']}). {m['hint']}"


def failure_text(ex: dict, f: dict, header: bool = True) -> str:
    """Everything about one failed property, as one plain-text block.

    ``header`` starts it with the exercise and the property in plain words.
    """
    tag = "" if f["visibility"] == "public" else " (hidden test)"
    lines = [f"{ex['id']}: {f['description']}{tag}"] if header else []
    for label, text in failure_details(f):
        lines.append(f"{label}: {text}" if label else text)
    named = [m for m in ex["mistakes"] if m["id"] in f["mistakes"]]
    lines += ["known mistake: " + mistake_text(m) for m in named]
    if ex.get("course"):
        lines.append(f"course: {ex['course']}")
    return "\n".join(lines)


def same_error(f: dict, g: dict) -> bool:
    """True when two failures are the same exception raised at the same line of the student's code."""
    return f["outcome"] == g["outcome"] == "error" and f["message"] == g["message"] and f["where"] == g["where"]


def failing(ex: dict) -> list:
    """The failures worth showing: not the placeholders of an exercise that did not run."""
    return [f for f in ex["failures"] if f["outcome"] != "skipped"]
