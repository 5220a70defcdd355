"""`dlgrade batch --dask ADDRESS`: the grading done by the workers of a Dask cluster.

`DaskPool` has the interface of `pool.GraderPool` (``run(tasks)`` yields a `pool.Done`
per task as tasks finish), so `batch.run_batch` records the results exactly as in a
local run: only the batch process writes the gradebook, and submissions it holds up
to date are skipped before anything is sent.

Each task carries one submission's files (copied within the staging limits and
zipped on the batch machine: the workers need no shared file system) to a Dask
worker. There `grade_remote` unpacks them into a private folder and grades them the
way a local batch does: a one-slot `GraderPool` (a fresh grader process, the
wall-time limit, killing everything the submission started) running
`batch.grade_submission` (staging, then `dlgrade grade` in the sandbox the worker
machine offers). Concurrent tasks on one machine claim distinct slots (lock files),
so each sandboxed worker runs as its own uid.

The workers must run the same dlgrade and suites as the batch: checked when the
batch connects and again with every result. A submission whose Dask workers all die
(Dask's ``KilledWorker``) is recorded as crashed; any other failure of a task stops
the batch with its reason, as a failing grader pool stops a local batch (what was
recorded stays, and running the batch again grades the rest).
"""

from __future__ import annotations

import fcntl
import io
import multiprocessing
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from .discover import Submission
from .fingerprint import suite_version
from .pool import Done, GraderPool
from .stage import StageError, _copy_file, _copy_tree, _Limits

INSTALL = ("--dask needs Dask's distributed scheduler, an optional dependency: "
           "pip install 'dlgrade[dask]' (or pip install 'dask[distributed]')")
MAX_SLOTS = 256
CONNECT_TIMEOUT = 30.0  # seconds


class DaskError(Exception):
    """The cluster cannot be used: Dask missing, scheduler unreachable, other versions."""


@dataclass
class Packed:
    """One submission's files as a zip archive in memory, ready to travel to a worker."""

    key: str
    label: str  # the paths handed in, as the report names them
    names: list  # the name each file is staged as (`Submission.files`)
    archive: bytes


def pack(sub: Submission) -> Packed:
    """Copy the submission's files (within the staging limits) into a zip archive.

    Raises `stage.StageError` (unreadable, too large) exactly as staging would.
    """
    limits = _Limits()
    with tempfile.TemporaryDirectory(prefix="dlgrade-pack-") as tmp:
        for i, (path, name) in enumerate(sub.files):
            target = Path(tmp, str(i), Path(path).name)
            if Path(path).is_dir():
                _copy_tree(Path(path), target, limits)
                target.mkdir(parents=True, exist_ok=True)  # an empty folder stays a folder
            else:
                _copy_file(Path(path), target, limits, name)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
            for folder, dirs, files in os.walk(tmp):
                dirs.sort()
                rel = Path(folder).relative_to(tmp)
                if rel.parts and not dirs and not files:
                    z.writestr(rel.as_posix() + "/", b"")
                for f in sorted(files):
                    z.write(Path(folder, f), (rel / f).as_posix())
    label = "\n".join(str(p) for p in sub.paths)
    return Packed(sub.key, label, [name for _, name in sub.files], buffer.getvalue())


def unpack(packed: Packed, into: Path) -> Submission:
    """The packed submission written out under ``into``, as a `Submission` to grade."""
    with zipfile.ZipFile(io.BytesIO(packed.archive)) as z:
        z.extractall(into)
    files = []
    for i, name in enumerate(packed.names):
        (entry,) = (into / str(i)).iterdir()
        files.append((entry, name))
    return Submission(packed.key, packed.key, files, "remote")


class DaskPool:
    """Grades submissions on the workers of the Dask cluster at ``address`` (a scheduler
    address, or a connected ``distributed.Client``, e.g. dask-gateway's, left open).

    ``setup_args``: those of `batch._grader` (exercises, budget, launcher factory);
    ``timeout``: the wall-time limit per submission, enforced on the worker.
    """

    def __init__(self, address, setup_args, timeout: float):
        try:
            from distributed import Client
        except ImportError:
            raise DaskError(INSTALL) from None
        self.setup_args, self.timeout = tuple(setup_args), timeout
        self.peak_rss_kb = {}  # "worker address, slot n" -> (grader, worker) peak memory in kB
        self.own = not isinstance(address, Client)
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT) if self.own else address
        except (OSError, ValueError, TypeError) as exc:
            raise DaskError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        try:
            for worker, got in self.client.run(versions).items():
                _check(worker, tuple(got), (__version__, suite_version()))
        except BaseException:
            self.close()
            raise
        self.workers = sum(self.client.nthreads().values())

    def close(self):
        if self.own:
            self.client.close()

    def run(self, tasks):
        """Yield a `Done` for each (task, submission) in ``tasks``, in the order they finish."""
        from distributed import as_completed

        queue = list(tasks)[::-1]
        expected = (__version__, suite_version())
        running = as_completed()
        futures = {}
        try:
            while queue or futures:
                while queue and len(futures) < max(4, 2 * self.workers):
                    task, sub = queue.pop()
                    try:
                        packed = pack(sub)
                    except StageError as exc:
                        yield Done(task, "done", {"status": exc.status, "message": str(exc),
                                                  "report": None}, 0.0, -1)
                        continue
                    future = self.client.submit(grade_remote, packed, *self.setup_args,
                                                self.timeout, pure=False)
                    futures[future] = task, sub
                    running.add(future)
                if futures:
                    future = next(running)
                    yield self._done(*futures.pop(future), future, expected)
        finally:
            for future in futures:
                future.cancel()
            self.close()

    def _done(self, task, sub, future, expected) -> Done:
        from distributed import KilledWorker

        try:
            r = future.result()
        except KilledWorker as exc:
            return Done(task, "crashed", "every Dask worker that graded this submission died; "
                        f"its code may have killed them ({exc})", 0.0, -1)
        except Exception as exc:  # noqa: BLE001 - as a local batch stops when its pool fails
            raise DaskError(f"grading {sub.key} failed on the Dask cluster: "
                            f"{type(exc).__name__}: {exc}") from None
        _check(r["worker"], tuple(r["versions"]), expected)
        where = f"{r['worker']}, slot {r['slot']}"
        old = self.peak_rss_kb.get(where, (0, 0))
        self.peak_rss_kb[where] = tuple(max(a, b) for a, b in zip(old, r["peak"]))
        return Done(task, r["kind"], r["value"], r["seconds"], r["slot"])


def _check(worker, got, expected):
    if got != expected:
        raise DaskError(f"the Dask worker {worker} runs dlgrade {got[0]} with suites {got[1]}, "
                        f"this batch dlgrade {expected[0]} with suites {expected[1]}: install the "
                        "same dlgrade (and suites) on every worker")


# ---------------------------------------------------------------- on a Dask worker

def versions() -> tuple:
    """(dlgrade version, suite version) of this machine's dlgrade."""
    return __version__, suite_version()


def grade_remote(packed: Packed, exercises, budget, launcher_factory, timeout) -> dict:
    """Grade one packed submission on this worker, as a local batch grades one."""
    from distributed import get_worker

    from .batch import _grader

    # Dask starts its workers as daemon processes, and multiprocessing refuses to let a
    # daemon start processes; the grader process dies with this one anyway (pool.die_with_parent).
    multiprocessing.current_process().daemon = False
    with _claim_slot() as slot, tempfile.TemporaryDirectory(prefix="dlgrade-remote-") as tmp:
        # made here, where the machine's sandbox is probed once per Dask worker process
        # (and a refusal of --require-sandbox is raised as such), not in every grader process
        launcher = Prepared(launcher_factory(slot))
        sub = unpack(packed, Path(tmp))
        pool = GraderPool(1, _grader, (exercises, budget, launcher), timeout)
        (done,) = list(pool.run([(sub.key, sub)]))
    if done.kind == "done" and done.value["report"] is not None:
        done.value["report"]["submission"] = packed.label
    return {"kind": done.kind, "value": done.value, "seconds": done.seconds, "slot": slot,
            "peak": pool.peak_rss_kb.get(0, (0, 0)), "worker": get_worker().address,
            "versions": versions()}


@dataclass(frozen=True)
class Prepared:
    """A launcher factory giving one launcher made beforehand, whatever slot it is asked for."""

    launcher: object

    def __call__(self, _slot):
        return self.launcher


class _claim_slot:
    """The lowest slot number no other task on this machine holds (a lock file per slot)."""

    def __enter__(self) -> int:
        folder = Path(tempfile.gettempdir(), "dlgrade-slots")
        folder.mkdir(mode=0o700, exist_ok=True)
        for slot in range(MAX_SLOTS):
            f = open(folder / f"{slot}.lock", "w")
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                f.close()
                continue
            self.lock = f
            return slot
        raise RuntimeError(f"more than {MAX_SLOTS} submissions graded at once on this machine")

    def __exit__(self, *exc):
        self.lock.close()  # closing the file releases the lock
