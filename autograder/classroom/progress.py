"""Progress of a batch: a live bar on a terminal, plain log lines otherwise.

Both show one line per finished submission. On a terminal, with the optional
``rich`` package installed (``pip install 'dlgrade[classroom]'``), a progress bar
below those lines shows the count, the status counts, the rate and the time left.
Elsewhere (a log file, CI, no ``rich``) each line carries the count, the rate and
the time left itself.
"""

from __future__ import annotations

import collections
import sys
import time


def make_progress(total: int, stream=None, live: bool | None = None):
    """A `RichProgress` when ``stream`` is a terminal and rich is installed, else a `PlainProgress`."""
    stream = stream or sys.stdout
    if live is None:
        live = hasattr(stream, "isatty") and stream.isatty()
    if live:
        try:
            return RichProgress(total, stream)
        except ImportError:
            pass
    return PlainProgress(total, stream)


def describe(entry) -> str:
    """One submission's line: key, status, score or reason, time."""
    if entry.status == "graded":
        what = f"{entry.score:g}/{entry.max_score:g}"
    else:
        what = entry.message.splitlines()[0] if entry.message else ""
    seconds = f"{entry.seconds:6.1f} s  " if entry.seconds is not None else " " * 10
    return f"{entry.submission:<28} {entry.status:<10} {seconds}{what}"


def clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class PlainProgress:
    def __init__(self, total: int, stream):
        self.total, self.stream = total, stream
        self.done = 0
        self.counts = collections.Counter()
        self.started = time.monotonic()

    def log(self, text: str):
        print(text, file=self.stream, flush=True)

    def rate(self) -> float:
        """Submissions per minute so far (0 in the first seconds, when it means nothing yet)."""
        elapsed = time.monotonic() - self.started
        return 60.0 * self.done / elapsed if elapsed >= 2.0 else 0.0

    def rate_text(self) -> str:
        rate = self.rate()
        return f"{rate:.1f}/min" if rate else "?/min"

    def eta(self) -> str:
        rate = self.rate()
        return clock(60.0 * (self.total - self.done) / rate) if rate else "?"

    def advance(self, entry):
        self.done += 1
        self.counts[entry.status] += 1
        width = len(str(self.total))
        self.log(f"[{self.done:>{width}}/{self.total}] {describe(entry)}"
                 + (f"  ({self.rate_text()}, ETA {self.eta()})" if self.done < self.total else ""))

    def close(self):
        pass


class RichProgress(PlainProgress):
    def __init__(self, total: int, stream):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        super().__init__(total, stream)
        self.console = Console(file=stream)
        self.bar = Progress(TextColumn("grading"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                            TextColumn("ETA"), TimeRemainingColumn(),
                            TextColumn("{task.fields[counts]}"), console=self.console)
        self.task = self.bar.add_task("grading", total=total, rate="", counts="")
        self.bar.start()

    def log(self, text: str):
        self.console.print(text, markup=False, highlight=False)

    def advance(self, entry):
        self.done += 1
        self.counts[entry.status] += 1
        self.log(describe(entry))
        counts = ", ".join(f"{n} {s}" for s, n in sorted(self.counts.items()))
        self.bar.update(self.task, advance=1, rate=self.rate_text(), counts=counts)

    def close(self):
        self.bar.stop()
