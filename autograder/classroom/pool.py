"""A pool of grader processes that survives what the submissions do to it.

Each slot is one grader process (started with ``spawn``: a fresh interpreter, no
state inherited from the batch process) that handles one task at a time. Unlike
``concurrent.futures.ProcessPoolExecutor``, a slot whose process dies (a
submission may kill its grader) or whose task runs past its wall-time limit is
killed with everything it started and replaced, and only that task is lost: the
other slots go on. Grader processes and the workers they start die with the batch
process (``PR_SET_PDEATHSIG``), so a killed batch leaves nothing running.
"""

from __future__ import annotations

import collections
import ctypes
import multiprocessing
import os
import resource
import signal
import time
import traceback
from dataclasses import dataclass
from multiprocessing.connection import wait

PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36
try:
    _libc = ctypes.CDLL(None, use_errno=True)
except OSError:  # pragma: no cover - not Linux
    _libc = None


def _prctl(option, value):
    if _libc is not None and hasattr(_libc, "prctl"):
        _libc.prctl(option, value, 0, 0, 0)


def die_with_parent():
    """Ask the kernel to SIGKILL this process when its parent exits (Linux; no-op elsewhere)."""
    _prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


@dataclass
class Done:
    """One task's end: ``kind`` is "done" (``value`` is the handler's result), "error"
    (the handler raised; ``value`` is the traceback), "timeout" or "crashed" (``value``
    describes it)."""

    task: object
    kind: str
    value: object
    seconds: float
    slot: int


def _serve(conn, slot, setup, setup_args, parent):
    os.setsid()  # its own process group: a submission that kills its group spares the batch
    die_with_parent()
    _prctl(PR_SET_CHILD_SUBREAPER, 1)  # orphans of student code stay in this tree, to be killed
    if os.getppid() != parent:
        return
    handler = setup(slot, *setup_args)
    conn.send(("ready", None, _peak_rss()))
    while True:
        try:
            payload = conn.recv()
        except (EOFError, OSError):
            return
        try:
            reply = ("done", handler(payload))
        except Exception:  # noqa: BLE001 - reported as this task's error; the slot goes on
            reply = ("error", traceback.format_exc(limit=8))
        conn.send(reply + (_peak_rss(),))


def _peak_rss():
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)


class _Slot:
    def __init__(self, index, ctx, setup, setup_args):
        self.index = index
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, name=f"dlgrade-grader-{index}",
                                args=(child, index, setup, setup_args, os.getpid()), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.task = None
        self.started = self.deadline = 0.0

    def give(self, task, payload, timeout):
        self.conn.send(payload)
        self.task, self.started = task, time.monotonic()
        self.deadline = self.started + timeout

    def kill(self):
        if self.conn.closed:
            return  # killed and reaped already: its pid may belong to someone else by now
        kill_tree(self.proc.pid)  # not reaped before this, so the pid is still this process's
        self.proc.join(5)
        self.conn.close()


class GraderPool:
    """``workers`` grader processes, each running ``setup(slot, *setup_args)`` once to get
    a handler, then ``handler(payload)`` per task with a wall-time limit of ``timeout`` s."""

    def __init__(self, workers: int, setup, setup_args=(), timeout: float = 600.0):
        self.workers, self.setup, self.setup_args = max(1, int(workers)), setup, tuple(setup_args)
        self.timeout = timeout
        self.ctx = multiprocessing.get_context("spawn")
        self.peak_rss_kb = {}  # slot -> (grader, worker) peak memory in kB over its processes
        self.failed_starts = {}

    def run(self, tasks):
        """Yield a `Done` for each (task, payload) in ``tasks``, in the order they finish."""
        queue = collections.deque(tasks)
        slots = [self._start(i) for i in range(min(self.workers, len(queue)))]
        try:
            while queue or any(s.task is not None for s in slots):
                for s in slots:
                    if s.ready and s.task is None and queue:
                        s.give(*queue.popleft(), self.timeout)
                busy = [s.deadline for s in slots if s.task is not None]
                timeout = max(0.0, min(busy) - time.monotonic()) if busy else None
                ready = wait([s.conn for s in slots] + [s.proc.sentinel for s in slots], timeout)
                for i, s in enumerate(slots):
                    done, lost = self._check(s, ready)
                    if lost:
                        slots[i] = self._start(s.index, failed=not s.ready)
                    if done is not None:
                        yield done
        finally:
            for s in slots:
                s.kill()

    def _start(self, index, failed=False):
        self.failed_starts[index] = self.failed_starts.get(index, 0) + 1 if failed else 0
        if self.failed_starts[index] > 3:
            raise RuntimeError(f"grader process {index} fails to start")
        return _Slot(index, self.ctx, self.setup, self.setup_args)

    def _check(self, s: _Slot, ready):
        """(a finished task or None, whether the slot's process is gone)."""
        if s.conn in ready or s.proc.sentinel in ready:
            try:
                kind, value, peak = s.conn.recv()
            except (EOFError, OSError):
                s.kill()
                if s.task is None:
                    return None, True
                code = s.proc.exitcode
                how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                return self._done(s, "crashed", f"the grader process died ({how}) while grading "
                                  "this submission; its code may have killed it"), True
            self._note_peak(s, peak)
            if kind == "ready":
                s.ready = True
                return None, False
            return self._done(s, kind, value), False
        if s.task is not None and time.monotonic() >= s.deadline:
            s.kill()
            return self._done(s, "timeout", f"grading took longer than the limit of {self.timeout:g} s; "
                              "the grader was stopped"), True
        return None, False

    def _note_peak(self, s, peak):
        old = self.peak_rss_kb.get(s.index, (0, 0))
        self.peak_rss_kb[s.index] = (max(old[0], peak[0]), max(old[1], peak[1]))

    def _done(self, s, kind, value):
        done = Done(s.task, kind, value, round(time.monotonic() - s.started, 3), s.index)
        s.task = None
        return done


def kill_tree(pid: int):
    """SIGKILL ``pid``, the process groups of it and of every process descended from it."""
    own = os.getpgrp()
    for p in [pid] + _descendants(pid):  # listed before any kill: orphans would be re-parented
        try:
            group = os.getpgid(p)
            if group != own:
                os.killpg(group, signal.SIGKILL)
            os.kill(p, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _descendants(pid: int) -> list:
    children = collections.defaultdict(list)
    for name in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children[ppid].append(int(name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), ()):
            found.append(child)
            todo.append(child)
    return found
