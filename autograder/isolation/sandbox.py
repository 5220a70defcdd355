"""Confine workers on Linux with whatever this machine offers.

`SandboxLauncher` starts the worker

* inside **bubblewrap** (``bwrap``): new pid, ipc, uts, network (none) and mount
  namespaces (plus a user namespace when the grader is not root), a private
  ``/tmp`` tmpfs, a fresh ``/proc``, a minimal ``/dev``, and a read-only file
  system view holding only the Python installation (its ``site-packages``
  emptied except for numpy), ``/usr``, ``/lib*``, ``/etc/alternatives``,
  ``/etc/ld.so.cache``, the three worker files under ``/dlgrade/worker/`` and
  the submission under ``/submission/``. The repository, the reference, the
  hidden suites, the grader's output and ``$HOME`` do not exist inside;
* as a **dedicated unprivileged uid** per worker slot (``64000 + slot``) when the
  grader runs as root, so that ``RLIMIT_NPROC`` applies;
* with **rlimits**, **Landlock** and a **seccomp** filter applied by the worker
  itself (`lockdown.py`) after numpy is imported and before student code runs;
* with BLAS single-threaded (`launch.worker_environment`).

Every mechanism the machine lacks is skipped, and ``LaunchSpec.level`` says
exactly what was applied, e.g. ``sandbox: bubblewrap, uid 64001, rlimits,
landlock v7, seccomp``; ``notes`` list what is missing and how to install it.
``SandboxLauncher(require=True)`` raises `SandboxUnavailable` instead.
Without bubblewrap the worker is an ordinary process that still gets rlimits,
Landlock (read access limited to the Python installation, numpy and the
submission; writes to a private scratch directory only) and seccomp.

Use one launcher per worker slot: the slot decides the uid, and the worker's
processes (threads included) count against that uid's ``RLIMIT_NPROC``.

`doctor()` describes what this machine offers and how to install the rest.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import platform
import shutil
import site
import stat
import subprocess
import sys
import tempfile
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from . import lockdown
from .launch import Launcher, LaunchSpec, worker_environment

UID_BASE = 64000
SANDBOX_WORKER_DIR = "/dlgrade/worker"
SANDBOX_SUBMISSION = "/submission"
WORKER_FILES = ("worker_main.py", "wire.py", "lockdown.py", "probes.py")
GiB = 1 << 30
MiB = 1 << 20

INSTALL_BWRAP = "install bubblewrap: `apt-get install bubblewrap` (Debian/Ubuntu), `dnf install bubblewrap` (Fedora)"
ENABLE_USERNS = ("allow unprivileged user namespaces: `sysctl -w kernel.unprivileged_userns_clone=1` "
                 "(Debian), `sysctl -w kernel.apparmor_restrict_unprivileged_userns=0` (Ubuntu 24.04), "
                 "or run the grader as root")
ENABLE_LANDLOCK = ("use a kernel with Landlock (Linux >= 5.13 with CONFIG_SECURITY_LANDLOCK=y and "
                   "`lsm=landlock,...` on the kernel command line)")
ENABLE_SECCOMP = "use a Linux kernel built with CONFIG_SECCOMP_FILTER (x86_64 or aarch64)"


class SandboxUnavailable(RuntimeError):
    """A confinement mechanism the caller required is missing on this machine."""


# ---------------------------------------------------------------- what the machine offers

@dataclass(frozen=True)
class Capabilities:
    system: str
    machine: str
    kernel: str
    root: bool
    uid: int
    bwrap: str | None = None              # path of the executable
    bwrap_version: str | None = None
    bwrap_error: str | None = None        # why bubblewrap cannot be used here
    bwrap_options: frozenset = frozenset()
    userns: str = "unknown"               # unprivileged user namespaces, in words
    seccomp: bool = False
    landlock_abi: int = 0
    rlimits: bool = False

    @property
    def linux(self) -> bool:
        return self.system == "Linux"

    @property
    def bwrap_ok(self) -> bool:
        return self.bwrap is not None and self.bwrap_error is None


_detected: Capabilities | None = None


def detect(refresh: bool = False) -> Capabilities:
    """What this machine offers (probed once per process; ``refresh`` probes again)."""
    global _detected
    if _detected is None or refresh:
        _detected = _probe()
    return _detected


capabilities = detect


def _probe() -> Capabilities:
    system, machine = platform.system(), platform.machine()
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    base = dict(system=system, machine=machine, kernel=platform.release(), root=root,
                uid=os.geteuid() if hasattr(os, "geteuid") else -1)
    try:
        import resource  # noqa: F401
        base["rlimits"] = True
    except ImportError:
        pass
    if system != "Linux":
        return Capabilities(**base, bwrap_error=f"bubblewrap needs Linux (this is {system})")
    base["seccomp"] = lockdown.seccomp_available()
    base["landlock_abi"] = lockdown.landlock_abi()
    base["userns"] = _userns_state()
    path = shutil.which("bwrap") or next(
        (p for p in ("/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap") if os.access(p, os.X_OK)), None)
    if path is None:
        return Capabilities(**base, bwrap_error="bubblewrap not found")
    version, options, error = None, frozenset(), None
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=10)
        version = (out.stdout.strip().split() or ["?"])[-1]
        out = subprocess.run([path, "--help"], capture_output=True, text=True, timeout=10)
        options = frozenset(w for w in (out.stdout + out.stderr).split() if w.startswith("--"))
        error = _try_bwrap(path, root, options)
    except (OSError, subprocess.SubprocessError) as exc:
        error = f"bubblewrap does not run: {exc}"
    return Capabilities(**base, bwrap=path, bwrap_version=version, bwrap_error=error,
                        bwrap_options=options)


def _userns_state() -> str:
    def read(p):
        try:
            return Path(p).read_text().strip()
        except OSError:
            return None

    if read("/proc/sys/user/max_user_namespaces") == "0":
        return "disabled (user.max_user_namespaces = 0)"
    if read("/proc/sys/kernel/unprivileged_userns_clone") == "0":
        return "disabled for unprivileged users (kernel.unprivileged_userns_clone = 0)"
    if read("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == "1":
        return "restricted by AppArmor (kernel.apparmor_restrict_unprivileged_userns = 1)"
    if not os.path.exists("/proc/self/ns/user"):
        return "not supported by this kernel"
    return "available"


def _namespace_args(root: bool, options) -> list:
    args = ["--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net"]
    if "--unshare-cgroup-try" in options:
        args.append("--unshare-cgroup-try")
    if root:
        # Root keeps every capability in bwrap by default: keep only what the worker
        # needs to switch to its slot's uid (after which the kernel clears them).
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    else:
        args.append("--unshare-user")
        if "--disable-userns" in options:
            args.append("--disable-userns")
    args += ["--die-with-parent", "--new-session"]
    return args


def _try_bwrap(path, root, options) -> str | None:
    """Start a throwaway sandbox with the namespaces we use; None if that works."""
    true = shutil.which("true") or "/bin/true"
    cmd = [path, *_namespace_args(root, options), "--ro-bind", "/", "/", "--proc", "/proc",
           "--dev", "/dev", "--", true]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=20, stdin=subprocess.DEVNULL)
    if out.returncode != 0:
        msg = (out.stderr.strip().splitlines() or [f"exit status {out.returncode}"])[-1]
        return f"bubblewrap cannot create the sandbox: {msg}"
    return None


# ---------------------------------------------------------------- the Python installation

@dataclass(frozen=True)
class _Layout:
    executable: str
    prefixes: tuple          # bound read-only whole, minus the site directories
    site_dirs: tuple         # emptied inside the sandbox
    numpy_paths: tuple       # put back into the emptied site directories
    hidden: tuple            # dlgrade's own package when it lies inside a bound tree


@functools.lru_cache(maxsize=1)
def _layout() -> _Layout:
    prefixes = []
    for p in (sys.base_prefix, sys.prefix, sys.exec_prefix, sys.base_exec_prefix):
        p = os.path.abspath(p)
        if p not in prefixes and os.path.isdir(p):
            prefixes.append(p)
    site_dirs = [os.path.abspath(d) for d in site.getsitepackages() if os.path.isdir(d)]
    spec = importlib.util.find_spec("numpy")
    numpy_dir = os.path.dirname(os.path.abspath(spec.origin))
    parent = os.path.dirname(numpy_dir)
    if parent not in site_dirs:
        site_dirs.append(parent)
    numpy_paths = [numpy_dir]
    for extra in ("numpy.libs", "numpy.dylibs"):
        if os.path.isdir(os.path.join(parent, extra)):
            numpy_paths.append(os.path.join(parent, extra))
    numpy_paths += sorted(str(p) for p in Path(parent).glob("numpy-*.dist-info"))
    package = str(Path(__file__).resolve().parents[1])
    hidden = [package] if not any(_under(package, d) for d in site_dirs) else []
    return _Layout(os.path.abspath(sys.executable), tuple(prefixes), tuple(site_dirs),
                   tuple(numpy_paths), tuple(hidden))


def _under(path, root) -> bool:
    path, root = os.path.abspath(path), os.path.abspath(root)
    return path == root or path.startswith(root.rstrip("/") + "/")


def _system_dirs():
    """(symlinks, directories) of the top-level library directories."""
    links, dirs = [], []
    for name in ("bin", "lib", "lib64", "lib32", "libx32"):
        p = "/" + name
        if os.path.islink(p):
            links.append((os.readlink(p), p))
        elif os.path.isdir(p):
            dirs.append(p)
    return links, dirs


def _readable_by_others(path) -> bool:
    """Can a stranger uid read ``path`` (and, for a directory, everything in it)?"""
    try:
        st = os.stat(path)
    except OSError:
        return True  # nothing to read: the worker reports the missing module itself
    if stat.S_ISDIR(st.st_mode):
        if st.st_mode & 0o005 != 0o005:
            return False
        for dirpath, dirnames, filenames in os.walk(path):
            for name in dirnames:
                try:
                    if os.stat(os.path.join(dirpath, name)).st_mode & 0o005 != 0o005:
                        return False
                except OSError:
                    pass
            for name in filenames:
                try:
                    if os.stat(os.path.join(dirpath, name)).st_mode & 0o004 == 0:
                        return False
                except OSError:
                    pass
        return True
    return bool(st.st_mode & 0o004)


def _reachable_by_others(path) -> bool:
    """Can a stranger uid reach ``path`` (execute permission on every parent)?"""
    p = Path(path).resolve()
    for parent in [*reversed(p.parents)]:
        try:
            if os.stat(parent).st_mode & 0o001 == 0:
                return False
        except OSError:
            return False
    return True


def _allowed_except(root, excluded) -> list:
    """Paths covering ``root`` but none of ``excluded`` (for Landlock's allow-list)."""
    inside = [e for e in excluded if _under(e, root)]
    if not inside:
        return [root]
    if any(os.path.abspath(e) == os.path.abspath(root) for e in inside):
        return []
    out = []
    try:
        names = sorted(os.listdir(root))
    except OSError:
        return []
    for name in names:
        out += _allowed_except(os.path.join(root, name), inside)
    return out


@functools.lru_cache(maxsize=1)
def _python_readable() -> tuple:
    """Without bubblewrap, what Landlock lets the worker read: Python, numpy, system libraries."""
    layout = _layout()
    _, dirs = _system_dirs()
    hidden = layout.site_dirs + layout.hidden
    readable = []
    for prefix in layout.prefixes:
        readable += _allowed_except(prefix, hidden)
    readable += [p for p in dirs if not _under(p, "/usr")]
    readable += _allowed_except("/usr", hidden)
    readable += [*layout.numpy_paths, layout.executable, "/etc/alternatives", "/etc/ld.so.cache",
                 "/proc/self", "/dev/zero", "/dev/urandom", "/dev/random"]
    return tuple(dict.fromkeys(readable))


# ---------------------------------------------------------------- the launcher

@dataclass
class _Plan:
    sandbox: bool
    uid: int | None
    level: str
    notes: list = field(default_factory=list)
    missing: list = field(default_factory=list)  # (reason, fix)


class SandboxLauncher(Launcher):
    """Start each worker as confined as this machine allows (see the module docstring).

    ``require``: raise `SandboxUnavailable` (at construction) if any mechanism is
    missing. ``memory``: address-space limit in bytes; ``cpu_seconds``: CPU time
    over the worker's whole life; ``file_size``: largest file the worker may
    write; ``tmp_size``: size of its private ``/tmp``; ``open_files`` and
    ``processes`` (threads count) are the usual rlimits.
    """

    level = "sandbox"

    def __init__(self, slot: int = 1, *, require: bool = False, memory: int = 2 * GiB,
                 cpu_seconds: int = 600, file_size: int = 16 * MiB, tmp_size: int = 64 * MiB,
                 open_files: int = 256, processes: int = 64, uid_base: int = UID_BASE,
                 use_bwrap: bool = True, use_landlock: bool = True, use_seccomp: bool = True,
                 caps: Capabilities | None = None):
        self.slot = int(slot)
        self.require = require
        self.rlimits = {"CPU": int(cpu_seconds), "AS": int(memory), "FSIZE": int(file_size),
                        "NOFILE": int(open_files), "NPROC": int(processes), "CORE": 0}
        self.tmp_size = int(tmp_size)
        self.uid = int(uid_base) + self.slot
        self.use_bwrap, self.use_landlock, self.use_seccomp = use_bwrap, use_landlock, use_seccomp
        self.caps = caps or detect()
        self._scratch = None
        self._staging = None
        self.plan = self._plan()
        self.level = self.plan.level
        if require and self.plan.missing:
            raise SandboxUnavailable(
                "the full sandbox is not available: "
                + "; ".join(f"{reason} (fix: {fix})" for reason, fix in self.plan.missing))

    # ------------------------------------------------------------ planning

    def _plan(self) -> _Plan:
        c = self.caps
        missing = []
        if not c.linux:
            missing.append((f"no sandbox on {c.system}", "grade on Linux for the full sandbox"))
            applied = ["rlimits"] if c.rlimits else []
            return _Plan(False, None, f"process: no sandbox on {c.system}"
                         + (f"; {', '.join(applied)}" if applied else ""),
                         [f"{r}: {f}" for r, f in missing], missing)
        sandbox = self.use_bwrap and c.bwrap_ok
        if not self.use_bwrap:
            missing.append(("bubblewrap disabled", "do not pass use_bwrap=False"))
        elif c.bwrap is None:
            missing.append(("bubblewrap not found", INSTALL_BWRAP))
        elif c.bwrap_error:
            fix = ENABLE_USERNS if not c.root and c.userns != "available" else INSTALL_BWRAP
            missing.append((c.bwrap_error, fix))
        uid = None
        if c.root:
            if sandbox:
                uid = self.uid
            else:
                layout = _layout()
                blocked = [p for p in (layout.executable, *layout.numpy_paths)
                           if not _reachable_by_others(p)]
                if blocked:
                    missing.append((f"no dedicated uid without bubblewrap: {blocked[0]} is not "
                                    "readable by other users", INSTALL_BWRAP))
                else:
                    uid = self.uid
        parts = []
        if sandbox:
            parts.append("bubblewrap")
        if uid is not None:
            parts.append("dedicated uid")  # which one depends on the slot: keep reports equal
        elif sandbox and not c.root:
            parts.append(f"user namespace (uid {c.uid})")
        elif c.root:
            parts.append("root without capabilities")
        if c.rlimits:
            parts.append("rlimits")
        if not self.use_landlock:
            missing.append(("Landlock disabled", "do not pass use_landlock=False"))
        elif c.landlock_abi:
            parts.append(f"landlock v{c.landlock_abi}")
        else:
            missing.append(("Landlock not offered by this kernel", ENABLE_LANDLOCK))
        if not self.use_seccomp:
            missing.append(("seccomp disabled", "do not pass use_seccomp=False"))
        elif c.seccomp:
            parts.append("seccomp")
        else:
            missing.append((f"seccomp filters not available ({c.machine})", ENABLE_SECCOMP))
        if sandbox:
            level = "sandbox: " + ", ".join(parts)
        else:
            why = next(r for r, _ in missing) if missing else "bubblewrap not used"
            level = f"process: {why}" + (f"; {', '.join(parts)}" if parts else "")
        notes = [f"{reason}: {fix}" for reason, fix in missing]
        if c.root and uid is not None:
            try:
                import pwd
                name = pwd.getpwuid(uid).pw_name
                notes.append(f"uid {uid} belongs to the existing user {name!r}: choose another uid_base")
            except (KeyError, ImportError):
                pass
        if sandbox and "--size" not in c.bwrap_options:
            notes.append(f"bubblewrap {c.bwrap_version} cannot limit the size of /tmp: upgrade to >= 0.8")
        return _Plan(sandbox, uid, level, notes, missing)

    # ------------------------------------------------------------ Launcher interface

    def prepare(self, worker_script, submission, fd_in, fd_out) -> LaunchSpec:
        worker_dir = Path(worker_script).resolve().parent
        submission = Path(submission).resolve()
        if not self.caps.linux:
            return self._prepare_plain(worker_dir, submission, fd_in, fd_out, linux=False)
        if self.plan.sandbox:
            return self._prepare_bwrap(worker_dir, submission, fd_in, fd_out)
        return self._prepare_plain(worker_dir, submission, fd_in, fd_out, linux=True)

    def _lockdown_spec(self, uid, landlock_rules, rlimits=None):
        return {"uid": uid, "gid": uid, "drop_caps": uid is None and self.caps.root,
                "rlimits": self.rlimits if rlimits is None else rlimits,
                "landlock": landlock_rules if (self.use_landlock and self.caps.landlock_abi) else None,
                "seccomp": bool(self.use_seccomp and self.caps.seccomp), "strict": self.require}

    def _prepare_bwrap(self, worker_dir, submission, fd_in, fd_out) -> LaunchSpec:
        c, layout = self.caps, _layout()
        if self.plan.uid is not None and not _readable_by_others(submission):
            submission = self._stage(submission)
        args = [c.bwrap, *_namespace_args(c.root, c.bwrap_options),
                "--hostname", "dlgrade-sandbox"]
        made = {"/", "/tmp"}
        perms = "--perms" in c.bwrap_options
        # The private /tmp comes first: binds below it (a virtual environment or a checkout
        # under /tmp) must be mounted on top of it, not hidden by it.
        if perms:
            args += ["--perms", "1777"]
        if "--size" in c.bwrap_options:
            args += ["--size", str(self.tmp_size)]
        args += ["--tmpfs", "/tmp"]
        if not perms:
            args += ["--chmod", "1777", "/tmp"]

        def mkdirs(path):
            # Parents bwrap would create copy the host's modes (/root is 0700): make them 0755.
            for parent in [*reversed(Path(path).parents)][1:]:
                p = str(parent)
                if p not in made:
                    made.add(p)
                    args.extend(["--perms", "0755", "--dir", p] if perms else ["--dir", p])

        def bind(src, dst, kind="--ro-bind"):
            mkdirs(dst)
            args.extend([kind, src, dst])
            made.add(dst)

        bind("/usr", "/usr")
        links, dirs = _system_dirs()
        for target, link in links:
            args.extend(["--symlink", target, link])
        for d in dirs:
            bind(d, d)
        for p in ("/etc/alternatives", "/etc/ld.so.cache"):
            if os.path.exists(p):
                bind(p, p)
        for prefix in layout.prefixes:
            if not any(_under(prefix, r) for r in ("/usr", *dirs)):
                bind(prefix, prefix)
        if not any(_under(layout.executable, r) for r in ("/usr", *dirs, *layout.prefixes)):
            bind(layout.executable, layout.executable)
        for d in layout.site_dirs:
            mkdirs(d)
            args.extend((["--perms", "0755"] if perms else []) + ["--tmpfs", d])
            made.add(d)
        for p in layout.numpy_paths:
            bind(p, p)
        for d in layout.site_dirs:
            args.extend(["--remount-ro", d])
        for p in layout.hidden:
            if any(_under(p, r) for r in ("/usr", *dirs, *layout.prefixes)):
                args.extend(["--tmpfs", p, "--remount-ro", p])
        for name in WORKER_FILES:
            bind(str(worker_dir / name), f"{SANDBOX_WORKER_DIR}/{name}")
        inside = SANDBOX_SUBMISSION if submission.is_dir() else f"{SANDBOX_SUBMISSION}/{submission.name}"
        mkdirs(SANDBOX_SUBMISSION + "/x")  # exists even when the submission does not
        bind(str(submission), inside, "--ro-bind-try")
        args += ["--proc", "/proc", "--dev", "/dev"]
        args += ["--chdir", SANDBOX_SUBMISSION, "--remount-ro", "/"]

        rules = [{"path": p, "access": "ro"} for p in
                 ("/usr", *dirs, "/etc/alternatives", "/etc/ld.so.cache", *layout.prefixes,
                  layout.executable, SANDBOX_WORKER_DIR, SANDBOX_SUBMISSION, "/proc/self",
                  "/dev/zero", "/dev/urandom", "/dev/random")]
        rules += [{"path": "/tmp", "access": "rw"}, {"path": "/dev/null", "access": "rw"},
                  {"path": "/dev/full", "access": "rw"}]
        spec = self._lockdown_spec(self.plan.uid, rules)
        args += ["--", layout.executable, "-I", "-B", "-X", "faulthandler",
                 f"{SANDBOX_WORKER_DIR}/worker_main.py", inside, str(fd_in), str(fd_out),
                 json.dumps(spec, separators=(",", ":"))]
        env = worker_environment()
        env["TMPDIR"] = "/tmp"
        return LaunchSpec(argv=args, env=env, cwd="/", level=self.plan.level,
                          notes=list(self.plan.notes))

    def _prepare_plain(self, worker_dir, submission, fd_in, fd_out, linux) -> LaunchSpec:
        uid = self.plan.uid
        if uid is not None and not _readable_by_others(submission):
            submission = self._stage(submission)
        scratch = self._fresh_scratch(uid)
        env = worker_environment()
        env["TMPDIR"] = env["HOME"] = scratch
        spec = None
        if linux:
            readable = [*_python_readable(), *(str(worker_dir / n) for n in WORKER_FILES),
                        str(submission)]
            rules = [{"path": p, "access": "ro"} for p in dict.fromkeys(readable)]
            rules += [{"path": scratch, "access": "rw"}, {"path": "/dev/null", "access": "rw"}]
            rlimits = dict(self.rlimits)
            if uid is None:
                # Not a dedicated uid: the limit would count every process of the grader's user
                # (and root ignores it). seccomp refuses new processes instead.
                rlimits.pop("NPROC")
            spec = self._lockdown_spec(uid, rules, rlimits)
        else:
            spec = {"rlimits": {k: v for k, v in self.rlimits.items() if k != "NPROC"},
                    "strict": False}
        argv = [sys.executable, "-I", "-B", "-X", "faulthandler", str(worker_dir / "worker_main.py"),
                str(submission), str(fd_in), str(fd_out), json.dumps(spec, separators=(",", ":"))]
        cwd = str(submission if submission.is_dir() else submission.parent)
        return LaunchSpec(argv=argv, env=env, cwd=cwd, level=self.plan.level, notes=list(self.plan.notes))

    # ------------------------------------------------------------ private directories

    def _fresh_scratch(self, uid) -> str:
        """The worker's writable directory without bubblewrap, emptied for each worker."""
        if self._scratch is None or not os.path.isdir(self._scratch):
            self._scratch = tempfile.mkdtemp(prefix=f"dlgrade-scratch-{self.slot}-")
            weakref.finalize(self, shutil.rmtree, self._scratch, True)
        else:
            for entry in os.scandir(self._scratch):
                if entry.is_dir(follow_symlinks=False):
                    shutil.rmtree(entry.path, ignore_errors=True)
                else:
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass
        if uid is not None:
            os.chown(self._scratch, uid, uid)
        os.chmod(self._scratch, 0o700)
        return self._scratch

    def _stage(self, submission: Path) -> Path:
        """A copy the slot's uid can read of a submission it could not.

        The copy is readable by anyone, inside a directory (mode 0700) that only
        root and the slot's uid can enter: nobody else on the machine reaches it.
        """
        if self._staging is None or not os.path.isdir(self._staging):
            self._staging = tempfile.mkdtemp(prefix=f"dlgrade-stage-{self.slot}-")
            weakref.finalize(self, shutil.rmtree, self._staging, True)
        os.chmod(self._staging, 0o700)
        if self.plan.uid is not None:
            os.chown(self._staging, self.plan.uid, self.plan.uid)
        target = Path(self._staging) / submission.name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        # Symbolic links stay links (copying their targets as root could leak any file),
        # and are never passed to chmod, which would follow them.
        if submission.is_dir():
            shutil.copytree(submission, target, symlinks=True)
            for dirpath, dirnames, filenames in os.walk(target):
                os.chmod(dirpath, 0o755)
                for name in filenames:
                    path = os.path.join(dirpath, name)
                    if not os.path.islink(path):
                        os.chmod(path, 0o644)
        else:
            shutil.copyfile(submission, target)
            os.chmod(target, 0o644)
        return target


# ---------------------------------------------------------------- doctor

def doctor(start_worker: bool = True) -> str:
    """What this machine offers for confining workers, and how to install the rest."""
    c = detect(refresh=True)
    lines = [f"dlgrade sandbox check: {c.system} {c.kernel} {c.machine}, Python "
             f"{platform.python_version()} at {sys.base_prefix}"]

    def row(ok, text):
        lines.append(f"  [{'ok' if ok else '--'}] {text}")

    fixes = []
    if not c.linux:
        row(False, f"bubblewrap, seccomp, Landlock: Linux only (this is {c.system})")
        fixes.append("grade on Linux (a VM or container with bubblewrap) for the full sandbox")
    else:
        if c.bwrap is None:
            row(False, "bubblewrap: not found")
            fixes.append(INSTALL_BWRAP)
        elif c.bwrap_error:
            row(False, f"bubblewrap {c.bwrap_version} at {c.bwrap}: {c.bwrap_error}")
            fixes.append(ENABLE_USERNS if not c.root else INSTALL_BWRAP)
        else:
            row(True, f"bubblewrap {c.bwrap_version} at {c.bwrap} (a test sandbox started)")
        row(c.userns == "available" or c.root,
            f"user namespaces for unprivileged users: {c.userns}"
            + (" (not needed: running as root)" if c.root and c.userns != "available" else ""))
        row(c.seccomp, "seccomp filters" + ("" if c.seccomp else f": not available on {c.machine}"))
        if not c.seccomp:
            fixes.append(ENABLE_SECCOMP)
        if c.landlock_abi:
            what = ["file system"]
            if c.landlock_abi >= 4:
                what.append("TCP bind/connect")
            if c.landlock_abi >= 6:
                what.append("signal and abstract-socket scoping")
            row(True, f"Landlock ABI {c.landlock_abi} ({', '.join(what)})")
        else:
            row(False, "Landlock: not offered by this kernel")
            fixes.append(ENABLE_LANDLOCK)
    if c.root:
        ok = c.bwrap_ok
        row(ok, "running as root: " + (f"each worker slot gets its own uid ({UID_BASE}+slot), "
                                       "so RLIMIT_NPROC applies" if ok else
                                       "dedicated uids need bubblewrap here (the Python "
                                       "installation is not readable by other users)"))
    else:
        row(True, f"running as uid {c.uid}: workers keep this uid"
            + (" inside a user namespace" if c.bwrap_ok else ""))
    row(c.rlimits, "rlimits: CPU, AS, FSIZE, NOFILE, NPROC, CORE" if c.rlimits else "rlimits: unavailable")
    launcher = SandboxLauncher(caps=c)
    lines.append(f"isolation level: {launcher.level}")
    if start_worker:
        lines.append(_try_worker(launcher))
    if fixes:
        lines.append("to install what is missing:")
        lines += [f"  - {f}" for f in dict.fromkeys(fixes)]
    else:
        lines.append("nothing is missing")
    return "\n".join(lines)


def _try_worker(launcher) -> str:
    import time

    from .worker import Worker, WorkerLost

    with tempfile.TemporaryDirectory(prefix="dlgrade-doctor-") as tmp:
        sub = Path(tmp) / "probe.py"
        sub.write_text("import os\n\ndef probe():\n    return [os.getuid(), os.getpid()]\n")
        os.chmod(sub, 0o644)
        worker = Worker(sub, launcher=launcher)
        try:
            t0 = time.perf_counter()
            worker.start()
            started = time.perf_counter() - t0
            uid, pid = worker.call("probe", "probe")
            return (f"a sandboxed worker started in {started * 1000:.0f} ms "
                    f"(uid {uid}, pid {pid} in its namespace)")
        except (WorkerLost, Exception) as exc:  # noqa: BLE001 - report, never crash the doctor
            out = worker.take_output().text.strip()
            return f"starting a worker FAILED: {exc}" + (f"\n    {out[-500:]}" if out else "")
        finally:
            worker.stop()
