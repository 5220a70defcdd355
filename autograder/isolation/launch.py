"""How a worker process is started: the command, its environment, its limits.

`PlainLauncher` runs the worker as an ordinary child process with a scrubbed
environment. Confinement (namespaces, a private file system view, seccomp,
resource limits) is layered on by other launchers with the same interface, so
the rest of the grader never knows which one it uses; it only reports
``LaunchSpec.level``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

#: Environment every worker gets: BLAS single-threaded, hashing fixed.
WORKER_ENV = {
    "PATH": "/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
}
# Some machines need these for OpenBLAS to pick a working kernel; they carry no secrets.
PASSED_THROUGH = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def worker_environment() -> dict:
    env = dict(WORKER_ENV)
    env["HOME"] = "/tmp"
    for name in PASSED_THROUGH:
        if name in os.environ:
            env[name] = os.environ[name]
    return env


@dataclass
class LaunchSpec:
    argv: list
    env: dict
    cwd: str | None = None
    preexec_fn: Callable | None = None
    level: str = "process"
    notes: list = field(default_factory=list)


class Launcher:
    """Interface: build the command that starts one worker."""

    level = "process"

    def prepare(self, worker_script: Path, submission: Path, fd_in: int, fd_out: int) -> LaunchSpec:
        raise NotImplementedError


class PlainLauncher(Launcher):
    """A separate process, scrubbed environment, no confinement beyond that."""

    level = "process: no sandbox (plain subprocess)"

    def prepare(self, worker_script, submission, fd_in, fd_out):
        argv = [sys.executable, "-I", "-B", "-X", "faulthandler", str(worker_script), str(submission),
                str(fd_in), str(fd_out)]
        cwd = str(submission if Path(submission).is_dir() else Path(submission).parent)
        return LaunchSpec(argv=argv, env=worker_environment(), cwd=cwd, level=self.level)
