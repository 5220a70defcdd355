"""Layer 2 of the grader: running student code in an isolated worker process."""

from __future__ import annotations

from .launch import Launcher, PlainLauncher


def default_launcher(*, slot: int = 1, sandbox: bool = True, require: bool = False) -> Launcher:
    """The most confined launcher this machine offers (or a plain process).

    ``require`` raises `sandbox.SandboxUnavailable` when a mechanism is missing;
    ``sandbox=False`` asks for a plain process (for debugging; reports say so).
    """
    if not sandbox:
        return PlainLauncher()
    from .sandbox import SandboxLauncher

    return SandboxLauncher(slot, require=require)
