"""The plots of `dlgrade report`, drawn with matplotlib (Agg) as PNG data URIs.

matplotlib is an optional dependency (``pip install 'dlgrade[report]'``); the
figures are built with its object API (no pyplot, so no global state and no
display needed) and returned as ``data:image/png;base64,...`` for an ``<img>``.
"""

from __future__ import annotations

import base64
import io

INSTALL = "the report's plots need matplotlib: pip install 'dlgrade[report]' (or pip install matplotlib)"
BLUE, GREY, RED = "#3b6ea8", "#b8bec6", "#c4473b"


def available() -> bool:
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def score_histogram(graded_percent, not_graded: int) -> str:
    fig, ax = _figure(7, 3.2)
    bins = list(range(0, 105, 5))
    series, colors, labels = [graded_percent], [BLUE], ["graded"]
    if not_graded:
        series.append([0.0] * not_graded)
        colors.append(RED)
        labels.append("not graded (0 points)")
    ax.hist(series, bins=bins, stacked=True, color=colors, label=labels, edgecolor="white")
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (% of the maximum)")
    ax.set_ylabel("submissions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.legend(frameon=False)
    return _png(fig)


def pass_rates(per_exercise) -> str:
    ids = [e["id"] for e in per_exercise][::-1]
    fig, ax = _figure(7, 0.9 + 0.45 * len(ids))
    y = range(len(ids))
    for offset, key, color, label in ((0.2, "pass_rate", BLUE, "passed (% of submissions)"),
                                      (-0.2, "mean_percent", GREY, "mean score (% of the points)")):
        bars = ax.barh([i + offset for i in y], [e[key] for e in per_exercise][::-1], height=0.4,
                       color=color, label=label)
        ax.bar_label(bars, fmt="%.0f%%", padding=3, fontsize="small")
    ax.set_yticks(list(y), ids)
    ax.set_xlim(0, 108)
    ax.set_xticks(range(0, 101, 20))
    ax.set_xlabel("%")
    ax.legend(frameon=False, loc="lower left", bbox_to_anchor=(0, 1), ncols=2, fontsize="small")
    return _png(fig)


def time_histogram(seconds) -> str:
    fig, ax = _figure(7, 3.0)
    ax.hist(seconds, bins=min(30, max(5, len(seconds) // 3)), color=BLUE, edgecolor="white")
    ax.set_xlabel("seconds to grade one submission")
    ax.set_ylabel("submissions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    return _png(fig)


def _figure(width, height):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _png(fig) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
