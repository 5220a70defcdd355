"""The worker's confinement: bubblewrap, dedicated uid, rlimits, Landlock, seccomp.

Each test starts real workers through `SandboxLauncher` on small throwaway
submissions and asks them, from the inside, what they can see and do. Tests are
skipped only when this machine lacks the mechanism they are about (the reason
names it). The full attack suite lives elsewhere; these tests pin down the
mechanisms it relies on.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from autograder.isolation import lockdown
from autograder.isolation.launch import WORKER_ENV, PlainLauncher
from autograder.isolation.sandbox import (
    UID_BASE,
    SandboxLauncher,
    SandboxUnavailable,
    _layout,
    detect,
    doctor,
)
from autograder.isolation.worker import WORKER_SCRIPT, StudentError, Worker, WorkerLost

ROOT = Path(__file__).resolve().parent.parent
CAPS = detect()
SLOT = 931  # uids 64931.. are unlikely to be used by anything else on the machine

needs_linux = pytest.mark.skipif(not CAPS.linux, reason=f"confinement is Linux only (this is {CAPS.system})")
needs_bwrap = pytest.mark.skipif(not CAPS.bwrap_ok, reason=f"bubblewrap unusable here: {CAPS.bwrap_error}")
needs_seccomp = pytest.mark.skipif(not CAPS.seccomp,
                                   reason=f"no seccomp filters on {CAPS.system} {CAPS.machine}")
needs_landlock = pytest.mark.skipif(not CAPS.landlock_abi, reason="this kernel offers no Landlock")
needs_root = pytest.mark.skipif(not CAPS.root, reason="dedicated worker uids are only used when the grader runs as root")

PROBE = '''
import os, sys, threading
import numpy as np


def _attempt(fn):
    try:
        fn()
        return "ok"
    except BaseException as exc:  # report, whatever it is
        return f"{type(exc).__name__}: {exc}"


def exists(path):
    return os.path.exists(path)


def listdir(path):
    try:
        return sorted(os.listdir(path))
    except OSError as exc:
        return f"{type(exc).__name__}: {exc}"


def read(path):
    return _attempt(lambda: open(path, "rb").read(16))


def write(path, nbytes=1):
    def go():
        with open(path, "wb") as f:
            f.write(b"x" * nbytes)
    return _attempt(go)


def write_many(directory, count, nbytes):
    def go():
        for i in range(count):
            with open(os.path.join(directory, f"f{i}"), "wb") as f:
                f.write(b"x" * nbytes)
    return _attempt(go)


def try_socket():
    import socket
    return _attempt(lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))


def try_unix_socket():
    import socket
    return _attempt(lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM))


def try_connect(host, port):
    import socket
    return _attempt(lambda: socket.create_connection((host, port), timeout=2))


def try_fork():
    def go():
        pid = os.fork()
        if pid == 0:
            os._exit(0)
        os.waitpid(pid, 0)
    return _attempt(go)


def try_subprocess():
    import subprocess
    return _attempt(lambda: subprocess.run(["/usr/bin/true"], check=True))


def try_multiprocessing():
    import multiprocessing
    def go():
        p = multiprocessing.get_context("fork").Process(target=print)
        p.start()
        p.join()
    return _attempt(go)


def try_exec():
    return _attempt(lambda: os.execv(sys.executable, [sys.executable, "-c", "pass"]))


def try_kill(pid):
    return _attempt(lambda: os.kill(pid, 0))


def threads_and_blas():
    rng = np.random.default_rng(0)
    a = rng.standard_normal((500, 500))
    b = rng.standard_normal((500, 500))
    expected = a @ b
    out = {}
    def work(i):
        out[i] = float(np.abs((a @ b) - expected).max())
    ts = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return [len(out), max(out.values()), threading.active_count()]


def start_threads(n):
    import time
    started = 0
    stop = threading.Event()
    try:
        for _ in range(n):
            threading.Thread(target=stop.wait, daemon=True).start()
            started += 1
    except RuntimeError:
        pass
    stop.set()
    time.sleep(0.1)
    return started


def ids():
    return [os.getuid(), os.geteuid(), os.getgid(), os.getegid(), list(os.getgroups())]


def environ():
    return dict(os.environ)


def status():
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("Seccomp", "NoNewPrivs", "CapEff", "CapPrm", "CapAmb"):
                out[key] = value.strip()
    return out


def limits():
    import resource
    return {n: list(resource.getrlimit(getattr(resource, "RLIMIT_" + n)))
            for n in ("CPU", "AS", "FSIZE", "NOFILE", "NPROC", "CORE")}


def alloc(nbytes):
    a = np.ones(nbytes // 8)
    return int(a.size)


def hoard():
    keep = []
    while True:
        keep.append(bytearray(64 << 20))


def spin():
    while True:
        pass


def cwd_and_paths():
    import numpy
    return [os.getcwd(), numpy.__file__, __file__, os.environ.get("TMPDIR", "")]
'''


def _write_probe(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "probe.py"
    path.write_text(PROBE)
    return path


@pytest.fixture(scope="module")
def probe_file(tmp_path_factory):
    return _write_probe(tmp_path_factory.mktemp("sandbox"))


@pytest.fixture(scope="module")
def sandboxed(probe_file):
    """One bubblewrap worker shared by the read-only questions."""
    if not CAPS.bwrap_ok:
        pytest.skip(f"bubblewrap unusable here: {CAPS.bwrap_error}")
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT))
    worker.start()
    yield worker
    worker.stop()


def call(worker, func, *args):
    return worker.call("probe", func, args)


def _descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def _gone(pids, wait=3.0):
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        alive = [p for p in pids if os.path.exists(f"/proc/{p}")]
        if not alive:
            return []
        time.sleep(0.02)
    return alive


# ---------------------------------------------------------------- the file system view

@needs_bwrap
def test_numpy_imports_and_the_submission_is_at_a_fixed_path(sandboxed):
    cwd, numpy_file, probe, tmpdir = call(sandboxed, "cwd_and_paths")
    assert cwd == "/submission"
    assert probe == "/submission/probe.py"
    assert numpy_file.endswith("numpy/__init__.py")
    assert tmpdir == "/tmp"


@needs_bwrap
def test_repository_and_grader_files_do_not_exist_inside(sandboxed, tmp_path):
    gradebook = tmp_path / "gradebook.json"
    gradebook.write_text("{}")
    for path in (ROOT / "reference", ROOT / "autograder", ROOT / "solutions", ROOT / "tests",
                 ROOT / "README.md", Path(__file__), gradebook, tmp_path):
        assert call(sandboxed, "exists", str(path)) is False, path
    # The checkout itself exists inside only as the parent of a virtual environment living in it
    # (the Python installation is bound read-only); nothing else of it is there. With Landlock the
    # directory cannot even be listed, since it lies outside every path the worker may read.
    venv = Path(sys.prefix)
    if ROOT in venv.parents:
        listing = call(sandboxed, "listdir", str(ROOT))
        assert listing == [venv.relative_to(ROOT).parts[0]] or (
            isinstance(listing, str) and listing.startswith("PermissionError")), listing
    else:
        assert call(sandboxed, "exists", str(ROOT)) is False
    # dlgrade itself is absent: only the four worker files exist
    assert call(sandboxed, "listdir", "/dlgrade/worker") == ["lockdown.py", "probes.py", "wire.py", "worker_main.py"]


@needs_bwrap
def test_site_packages_holds_numpy_only(sandboxed):
    for site_dir in _layout().site_dirs:
        names = call(sandboxed, "listdir", site_dir)
        assert isinstance(names, list)
        assert all(n.startswith("numpy") for n in names), names
    assert call(sandboxed, "exists", str(Path(sys.modules["pytest"].__file__).parent)) is False


@needs_bwrap
def test_home_is_hidden(sandboxed):
    home = Path.home()
    keep = {p.name for p in [Path(sys.base_prefix), *Path(sys.base_prefix).parents] if p.parent == home}
    hidden = [e for e in os.listdir(home) if e not in keep]
    for name in hidden[:50]:
        assert call(sandboxed, "exists", str(home / name)) is False, name


@needs_bwrap
def test_etc_holds_no_accounts_or_network_configuration(sandboxed):
    assert call(sandboxed, "read", "/etc/passwd").startswith("FileNotFoundError")
    assert call(sandboxed, "exists", "/etc/shadow") is False
    assert call(sandboxed, "exists", "/etc/resolv.conf") is False
    for name in ("hosts", "hostname", "group", "ssh", "ssl", "environment", "profile"):
        assert call(sandboxed, "exists", f"/etc/{name}") is False, name
    listing = call(sandboxed, "listdir", "/etc")  # Landlock may refuse to list /etc at all
    assert listing == ["alternatives", "ld.so.cache"] or listing.startswith("PermissionError")


@needs_bwrap
def test_writing_outside_tmp_fails(sandboxed):
    site_dir = _layout().site_dirs[0]
    for path in ("/submission/probe.py", "/submission/new.py", "/evil", "/usr/evil",
                 f"{sys.base_prefix}/evil", f"{site_dir}/evil.pth",
                 f"{site_dir}/numpy/evil.py", "/dlgrade/worker/wire.py", "/proc/self/evil"):
        result = call(sandboxed, "write", path)
        assert result != "ok", path
        assert re.match(r"(PermissionError|OSError|FileNotFoundError)", result), (path, result)
    assert call(sandboxed, "write", "/tmp/scratch.bin") == "ok"
    assert call(sandboxed, "read", "/tmp/scratch.bin") == "ok"


# ---------------------------------------------------------------- identity and environment

@needs_bwrap
def test_uid_is_not_root(sandboxed):
    uid, euid, gid, egid, groups = call(sandboxed, "ids")
    assert uid != 0 and euid != 0 and gid != 0 and egid != 0
    assert 0 not in groups
    caps = call(sandboxed, "status")
    assert int(caps["CapEff"], 16) == 0 and int(caps["CapPrm"], 16) == 0


@needs_root
@needs_bwrap
def test_root_grader_runs_each_slot_under_its_own_uid(probe_file):
    for slot in (SLOT + 1, SLOT + 2):
        worker = Worker(probe_file, launcher=SandboxLauncher(slot))
        try:
            assert call(worker, "ids")[:4] == [UID_BASE + slot] * 4
        finally:
            worker.stop()


@needs_bwrap
def test_environment_holds_no_grader_variables(probe_file, monkeypatch):
    monkeypatch.setenv("DLGRADE_SECRET_CANARY", "hidden-expected-values")
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT))
    try:
        env = call(worker, "environ")
    finally:
        worker.stop()
    assert "DLGRADE_SECRET_CANARY" not in env
    allowed = set(WORKER_ENV) | {"HOME", "TMPDIR", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "PWD"}
    assert set(env) <= allowed, set(env) - allowed
    assert env.get("PWD", "/submission") == "/submission"  # bubblewrap sets it on --chdir
    assert env["OPENBLAS_NUM_THREADS"] == "1" and env["OMP_NUM_THREADS"] == "1"
    assert "hidden-expected-values" not in repr(env)


# ---------------------------------------------------------------- processes, exec, network

@needs_bwrap
def test_threads_and_blas_work(sandboxed):
    done, err, _ = call(sandboxed, "threads_and_blas")
    assert done == 4 and err < 1e-9


@needs_bwrap
def test_no_new_processes(sandboxed):
    assert call(sandboxed, "try_fork").startswith("PermissionError")
    assert call(sandboxed, "try_subprocess").startswith("PermissionError")
    assert call(sandboxed, "try_multiprocessing") != "ok"
    assert call(sandboxed, "try_exec").startswith("PermissionError")
    assert call(sandboxed, "ids")  # still alive and serving


@needs_bwrap
def test_no_sockets(sandboxed):
    assert call(sandboxed, "try_socket") != "ok"
    assert call(sandboxed, "try_unix_socket") != "ok"
    assert call(sandboxed, "try_connect", "127.0.0.1", 22) != "ok"


@needs_bwrap
def test_other_processes_cannot_be_signalled(sandboxed):
    assert call(sandboxed, "try_kill", os.getpid()) != "ok"  # the grader (not visible)
    assert call(sandboxed, "try_kill", 1) != "ok"  # bubblewrap's init in the namespace
    assert call(sandboxed, "try_kill", -1) != "ok"


@needs_bwrap
@needs_seccomp
def test_seccomp_and_no_new_privs_are_on(sandboxed):
    st = call(sandboxed, "status")
    assert st["Seccomp"] == "2" and st["NoNewPrivs"] == "1"


@needs_bwrap
@needs_landlock
def test_landlock_hides_other_processes_files(sandboxed):
    # /proc/1 is bubblewrap's init inside the namespace: outside the Landlock allow-list
    assert call(sandboxed, "read", "/proc/1/cmdline").startswith("PermissionError")
    assert call(sandboxed, "read", "/proc/self/status") == "ok"


# ---------------------------------------------------------------- resource limits

@needs_bwrap
def test_rlimits_are_set(sandboxed):
    lim = call(sandboxed, "limits")
    assert lim["AS"] == [2 << 30, 2 << 30]
    assert lim["CORE"] == [0, 0]
    assert lim["FSIZE"] == [16 << 20, 16 << 20]
    assert lim["NOFILE"] == [256, 256]
    assert lim["NPROC"] == [64, 64]
    assert lim["CPU"] == [600, 601]


@needs_bwrap
def test_memory_over_rlimit_as_fails_cleanly(probe_file):
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT, memory=1 << 30))
    try:
        with pytest.raises(StudentError) as err:
            call(worker, "alloc", 3 << 30)
        assert err.value.type == "MemoryError"
        assert call(worker, "alloc", 64 << 20) == 8 << 20  # the same worker goes on
        try:
            call(worker, "hoard")
        except StudentError as exc:
            assert exc.type == "MemoryError"
        except WorkerLost as exc:  # dying is acceptable, hanging is not
            assert exc.kind == "crashed"
        assert call(worker, "alloc", 8) == 1  # a fresh or the same worker serves again
    finally:
        worker.stop()


@needs_bwrap
def test_cpu_limit_kills_a_spinning_worker(probe_file):
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT, cpu_seconds=1), call_timeout=20)
    try:
        worker.start()
        t0 = time.monotonic()
        with pytest.raises(WorkerLost) as lost:
            call(worker, "spin")
        assert lost.value.kind == "crashed"
        assert time.monotonic() - t0 < 15
    finally:
        worker.stop()


@needs_bwrap
def test_file_size_and_tmp_size_are_limited(probe_file):
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT, file_size=1 << 20, tmp_size=8 << 20))
    try:
        assert call(worker, "write", "/tmp/small", 1 << 19) == "ok"
        assert "File too large" in call(worker, "write", "/tmp/big", 2 << 20)
        assert "No space left" in call(worker, "write_many", "/tmp", 16, 1 << 20)
    finally:
        worker.stop()


@needs_bwrap
def test_thread_count_is_limited(probe_file):
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT, processes=16))
    try:
        started = call(worker, "start_threads", 40)
        assert 0 < started < 16
        assert call(worker, "ids")
    finally:
        worker.stop()


@needs_bwrap
def test_timeout_leaves_no_process_behind(probe_file):
    worker = Worker(probe_file, launcher=SandboxLauncher(SLOT), call_timeout=1.0)
    try:
        worker.start()
        tree = [worker.proc.pid, *_descendants(worker.proc.pid)]
        assert len(tree) >= 2  # bwrap and the worker (and bwrap's init)
        with pytest.raises(WorkerLost) as lost:
            call(worker, "spin")
        assert lost.value.kind == "timeout"
        assert _gone(tree) == []
        assert call(worker, "ids")  # a fresh worker takes over
    finally:
        worker.stop()


# ---------------------------------------------------------------- submissions

@needs_bwrap
def test_directory_submission_imports_its_own_modules(tmp_path):
    sub = tmp_path / "student"
    sub.mkdir()
    (sub / "helpers.py").write_text("def twice(x):\n    return 2 * x\n")
    (sub / "layers.py").write_text("from helpers import twice\n\ndef f(x):\n    return twice(x)\n")
    worker = Worker(sub, launcher=SandboxLauncher(SLOT))
    try:
        out = worker.call("layers", "f", (np.arange(3.0),))
        np.testing.assert_array_equal(out, [0.0, 2.0, 4.0])
    finally:
        worker.stop()


@needs_root
@needs_bwrap
def test_private_submission_is_still_readable_by_the_slot_uid(tmp_path):
    path = tmp_path / "secret_perms.py"
    path.write_text("def f():\n    return 41 + 1\n")
    os.chmod(path, 0o600)
    worker = Worker(path, launcher=SandboxLauncher(SLOT))
    try:
        assert worker.call("secret_perms", "f") == 42
    finally:
        worker.stop()


@needs_root
@needs_bwrap
def test_private_directory_submission_is_copied_without_following_links(tmp_path):
    secret = tmp_path / "root-only.txt"
    secret.write_text("not for students")
    os.chmod(secret, 0o600)
    sub = tmp_path / "student"
    sub.mkdir(mode=0o700)
    (sub / "probe.py").write_text(PROBE)
    os.chmod(sub / "probe.py", 0o600)
    (sub / "leak").symlink_to(secret)
    worker = Worker(sub, launcher=SandboxLauncher(SLOT))
    try:
        assert call(worker, "exists", "/submission/probe.py")
        assert call(worker, "read", "/submission/leak") != "ok"
    finally:
        worker.stop()
    assert secret.stat().st_mode & 0o777 == 0o600  # staging never chmods through a link


@needs_bwrap
def test_missing_submission_is_reported_not_crashed(tmp_path):
    worker = Worker(tmp_path / "absent.py", launcher=SandboxLauncher(SLOT))
    try:
        with pytest.raises(StudentError) as err:
            worker.load("absent")
        assert err.value.type == "LookupError"
    finally:
        worker.stop()


# ---------------------------------------------------------------- without bubblewrap

@needs_linux
@needs_landlock
@needs_seccomp
def test_without_bubblewrap_landlock_and_seccomp_still_confine(probe_file, tmp_path):
    launcher = SandboxLauncher(SLOT, use_bwrap=False)
    assert launcher.level.startswith("process: bubblewrap disabled")
    assert "landlock" in launcher.level and "seccomp" in launcher.level
    outside = tmp_path / "grader-output.json"
    outside.write_text("{}")
    worker = Worker(probe_file, launcher=launcher)
    try:
        assert call(worker, "read", str(ROOT / "autograder" / "grade.py")).startswith("PermissionError")
        assert call(worker, "read", "/etc/passwd").startswith("PermissionError")
        assert call(worker, "read", str(outside)).startswith("PermissionError")
        assert call(worker, "write", str(outside)).startswith("PermissionError")
        assert call(worker, "write", "/tmp/dlgrade-escape").startswith("PermissionError")
        tmpdir = call(worker, "cwd_and_paths")[3]
        assert call(worker, "write", f"{tmpdir}/ok") == "ok"
        assert call(worker, "try_fork").startswith("PermissionError")
        assert call(worker, "try_subprocess").startswith("PermissionError")
        assert call(worker, "try_socket").startswith("PermissionError")
        assert call(worker, "try_kill", os.getpid()).startswith("PermissionError")
        assert call(worker, "threads_and_blas")[0] == 4
        status = call(worker, "status")
        assert status["Seccomp"] == "2" and int(status["CapEff"], 16) == 0
    finally:
        worker.stop()
    assert not Path("/tmp/dlgrade-escape").exists()


# ---------------------------------------------------------------- levels, require, doctor

def _caps_without_bwrap():
    return dataclasses.replace(CAPS, bwrap=None, bwrap_version=None, bwrap_error="bubblewrap not found")


def test_level_names_what_was_applied():
    launcher = SandboxLauncher(SLOT)
    spec = launcher.prepare(WORKER_SCRIPT, ROOT / "tests" / "conftest.py", 3, 4)
    assert spec.level == launcher.level
    if CAPS.bwrap_ok:
        assert spec.level.startswith("sandbox: bubblewrap")
        assert spec.argv[0] == CAPS.bwrap and "--unshare-net" in spec.argv
        if CAPS.root:
            assert "dedicated uid" in spec.level
    if CAPS.landlock_abi:
        assert f"landlock v{CAPS.landlock_abi}" in spec.level
    if CAPS.seccomp:
        assert "seccomp" in spec.level


@needs_linux
def test_missing_bubblewrap_degrades_with_a_note():
    launcher = SandboxLauncher(SLOT, caps=_caps_without_bwrap())
    assert launcher.level.startswith("process: bubblewrap not found")
    assert any("apt-get install bubblewrap" in n for n in launcher.plan.notes)
    spec = launcher.prepare(WORKER_SCRIPT, ROOT / "tests" / "conftest.py", 3, 4)
    assert spec.argv[0] == sys.executable and spec.notes


@needs_linux
def test_require_raises_with_reason_and_fix():
    with pytest.raises(SandboxUnavailable) as err:
        SandboxLauncher(SLOT, require=True, caps=_caps_without_bwrap())
    text = str(err.value)
    assert "bubblewrap not found" in text and "apt-get install bubblewrap" in text
    assert "\n" not in text
    no_landlock = dataclasses.replace(CAPS, landlock_abi=0)
    with pytest.raises(SandboxUnavailable, match="Landlock"):
        SandboxLauncher(SLOT, require=True, caps=no_landlock)


@needs_bwrap
@needs_seccomp
@needs_landlock
def test_require_passes_when_everything_is_there():
    launcher = SandboxLauncher(SLOT, require=True)
    assert launcher.plan.missing == []


def test_doctor_reports_mechanisms():
    text = doctor(start_worker=CAPS.linux)
    assert "isolation level:" in text
    if CAPS.linux:
        assert "bubblewrap" in text and "Landlock" in text and "seccomp" in text
    if CAPS.bwrap_ok:
        assert "FAILED" not in text and "a sandboxed worker started" in text


def test_plain_launcher_is_unchanged(probe_file):
    worker = Worker(probe_file, launcher=PlainLauncher())
    try:
        assert call(worker, "exists", str(ROOT))  # no confinement at all
    finally:
        worker.stop()


# ---------------------------------------------------------------- the seccomp tables

@pytest.mark.parametrize("machine,header,pattern", [
    ("x86_64", "/usr/include/x86_64-linux-gnu/asm/unistd_64.h", r"#define __NR_(\w+)\s+(\d+)"),
    ("aarch64", "/usr/include/asm-generic/unistd.h", r"#define __NR(?:3264)?_(\w+)\s+(\d+)"),
])
def test_syscall_numbers_match_kernel_headers(machine, header, pattern):
    if not os.path.exists(header):
        pytest.skip(f"{header} not installed (Debian package linux-libc-dev)")
    numbers = {m.group(1): int(m.group(2)) for m in re.finditer(pattern, Path(header).read_text())}
    table = lockdown._ARCH[machine][1]
    for name, nr in table.items():
        assert numbers.get(name) == nr, (machine, name, nr, numbers.get(name))
    assert all(name in table for name in lockdown.DENIED if name in numbers)


def _run_lockdown(spec):
    code = ("import json, sys; sys.path.insert(0, sys.argv[1]); import lockdown; "
            "print(lockdown.apply(json.loads(sys.argv[2])))")
    return subprocess.run([sys.executable, "-I", "-c", code, str(WORKER_SCRIPT.parent), json.dumps(spec)],
                          capture_output=True, text=True, timeout=60)


def test_lockdown_skips_what_fails_unless_strict():
    lenient = _run_lockdown({"rlimits": {"BOGUS": 1}, "strict": False})
    assert lenient.returncode == 0 and "not applied: rlimits" in lenient.stdout
    strict = _run_lockdown({"rlimits": {"BOGUS": 1}, "strict": True})
    assert strict.returncode != 0 and "LockdownError: rlimits" in strict.stderr


@needs_linux
@needs_seccomp
def test_lockdown_alone_blocks_fork_but_not_threads():
    code = ("import json, os, sys, threading; sys.path.insert(0, sys.argv[1]); import lockdown; "
            "print(lockdown.apply({'seccomp': True, 'strict': True})); "
            "t = threading.Thread(target=print, args=('thread ran',)); t.start(); t.join()\n"
            "try:\n    os.fork()\nexcept PermissionError:\n    print('fork refused')")
    out = subprocess.run([sys.executable, "-I", "-c", code, str(WORKER_SCRIPT.parent)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["seccomp", "thread", "ran", "fork", "refused"]
