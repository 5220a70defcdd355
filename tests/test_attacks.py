"""The attack catalogue: submissions that cheat, leak or try to take the grader down.

Every file in ``tests/attacks/`` is one realistic attack (its module docstring says what it
tries); ``ATTACKS`` below says what a secure grader must make of it. Each attack is graded in
the full sandbox on the exercise it attacks and on a second exercise, and the test asserts:

* the attacked exercise never gets full marks (every attack wraps a wrong implementation, or
  none), scores zero where the implementation is garbage, and reports a clear error
  (``timeout``/``crashed``/``error``/``missing`` with a message) where the attack breaks the
  call;
* the second exercise of the same submission is still graded, and passes;
* the grader survives: the test goes on, and a selection also runs through the ``dlgrade``
  command in a subprocess, which must exit with status 0, print nothing of the student's and
  write a complete JSON report;
* nothing outside the worker's private scratch space changes: the repository, the submission
  folder, decoy gradebook and results files next to the submission, the report path, the
  command's working directory, a world-writable canary folder in /tmp and the names the
  attacks forge in /tmp are compared (path, size, mtime, sha256) before and after;
* nothing of the reference, the hidden suites or the hidden inputs reaches the student's
  report: no line of ``reference/*.py`` or ``autograder/suites/*.py`` longer than 25
  characters, no counterexample, message or output of a hidden property that the public
  part of the report does not also show, no digest of an input that only a hidden property
  sent, no grader environment variable, and nothing an attack marks ``ATTACK-SUCCEEDED``;
* no process is left behind (no worker uid, no ``worker_main.py``, no zombie child).

The suite needs the full sandbox (bubblewrap, rlimits, Landlock, seccomp and, when the
grader is root, dedicated uids) and is skipped, with the reason, where it is missing: some
attacks (signalling every pid, filling disks, fork bombs) are only safe to run confined.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import secrets
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np
import pytest

from autograder.checking import runner
from autograder.checking.runner import Budget
from autograder.grade import grade
from autograder.isolation.sandbox import UID_BASE, SandboxLauncher, detect
from autograder.isolation.worker import Worker
from autograder.report import build, render
from conftest import ROOT

ATTACK_DIR = ROOT / "tests" / "attacks"
SOFTMAX, DENSE = "activations.softmax", "layers.dense_forward"
UNIT = {SOFTMAX: "activations", DENSE: "layers"}
OTHER = {SOFTMAX: DENSE, DENSE: SOFTMAX}
BUDGET = Budget(call_seconds=1.5, exercise_seconds=10)
SLOT = 57  # uid 64057: no other test uses it, so its processes are this file's
OUR_UID = UID_BASE + SLOT
WORKER_UIDS = range(64000, 64101)
OUTPUT_CAP = 64 * 1024
SUCCESS = "ATTACK-SUCCEEDED"
FORGED_TMP_NAMES = ("results.json", "gradebook.csv", "grades.json", "fakepkgs", "dlgrade-stash.txt")
DEDICATED_UID = re.compile(r"\buid 640\d\d\b|\bdedicated uid\b")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

CAPS = detect()
_PLAN = SandboxLauncher(SLOT, caps=CAPS).plan
pytestmark = pytest.mark.skipif(
    not (CAPS.linux and _PLAN.sandbox and not _PLAN.missing),
    reason="the attack suite runs only in the full sandbox (some attacks are unsafe unconfined); "
           "missing here: " + "; ".join(f"{r} ({f})" for r, f in _PLAN.missing) if _PLAN.missing
    else "the attack suite runs only in the full sandbox: bubblewrap is unusable here")


# ---------------------------------------------------------------- expectations


@dataclass(frozen=True)
class Expect:
    """What a secure grader makes of one attack."""

    status: tuple                      # allowed statuses of the attacked exercise
    attacked: str = SOFTMAX
    zero: bool = True                  # the attacked exercise scores 0 (else: below full marks)
    folder: bool = False               # graded as a folder: the file is the attacked unit's module
    message: str = ""                  # regex the attacked exercise's messages must match
    cli: bool = False                  # also graded through the dlgrade command
    other_first: bool = False          # grade the second exercise first
    in_submission: bool = False        # the grader's working directory is the submission folder
    prepare: Callable | None = None    # prepare(case): extra files, servers, transformations
    check: Callable | None = None      # check(case, outcome): attack-specific assertions


def _latin1(case):
    text = case.module.read_text(encoding="utf-8")
    case.module.write_bytes(text.encode("latin-1"))


def _huge(case):
    comments = "".join(f"# epoch {i:07d} loss 0.{i % 9973:04d} accuracy 0.{i % 997:03d} (pasted log)\n"
                       for i in range(21 * 1024 * 1024 // 66))
    literal = "LOG = [" + ", ".join(f"{i * 0.5}" for i in range(300_000)) + "]\n"
    text = case.module.read_text().replace("# @@PADDING@@\n", comments + literal)
    case.module.write_text(text)
    assert case.module.stat().st_size > 20 * 1024 * 1024


def _symlinks(case):
    target = ROOT / "solutions" / "activations.py"
    (case.submission / "solution_link.py").symlink_to(target)
    (case.submission / "relative_link.py").symlink_to(os.path.relpath(target, case.submission))
    (case.submission / "reference_link").symlink_to(ROOT / "reference", target_is_directory=True)


def _shadows(case):
    source = case.module.read_text()
    for rel in ("reference/__init__.py", "reference/activations.py", "autograder/__init__.py",
                "autograder/checking/__init__.py", "hypothesis.py", "numpy.py", "wire.py", "json.py",
                "sitecustomize.py", "usercustomize.py"):
        path = case.submission / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(source)


def _planted_cache(case):
    """Hypothesis cache entries for every grader module: fifos, links to /dev/zero, constants."""
    constants = case.submission / ".hypothesis" / "constants"
    constants.mkdir(parents=True)
    modules = sorted(ROOT.glob("autograder/**/*.py")) + sorted(ROOT.glob("reference/*.py"))
    for i, module in enumerate(modules):
        entry = constants / hashlib.sha1(module.read_bytes()).hexdigest()[:16]
        if i % 3 == 0:
            os.mkfifo(entry)
        elif i % 3 == 1:
            entry.symlink_to("/dev/zero")
        else:
            entry.write_text("[123456789, 4294967295, 0.0, 1e300, -1e300, 'ATTACK-SUCCEEDED']\n")


class _Listener:
    """A TCP and a UDP socket on 127.0.0.1 that record everything they receive."""

    def __init__(self):
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(16)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.received = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def ports(self):
        return self.tcp.getsockname()[1], self.udp.getsockname()[1]

    def _serve(self):
        while not self._stop.is_set():
            ready, _, _ = select.select([self.tcp, self.udp], [], [], 0.05)
            for s in ready:
                if s is self.tcp:
                    conn, peer = s.accept()
                    conn.settimeout(0.5)
                    try:
                        data = conn.recv(4096)
                    except OSError:
                        data = b""
                    self.received.append(("tcp", peer, data))
                    conn.close()
                else:
                    data, peer = s.recvfrom(4096)
                    self.received.append(("udp", peer, data))

    def close(self):
        self._stop.set()
        self._thread.join(2)
        self.tcp.close()
        self.udp.close()


def _network(case):
    listener = _Listener()
    case.cleanups.append(listener.close)
    case.listener = listener
    (case.submission / "grader_port.txt").write_text(" ".join(map(str, listener.ports)))


def _no_connections(case, outcome):
    time.sleep(0.1)
    assert case.listener.received == [], f"the grader's service was reached: {case.listener.received}"


def _hidden_output_only_for_instructor(case, outcome):
    hidden_i = _failures(outcome.instructor, outcome.attacked, "hidden")
    assert any("SEEN" in f["student_output"] for f in hidden_i), \
        "the instructor view should show what the student printed under a hidden property"
    for f in _failures(outcome.student, outcome.attacked, "hidden"):
        assert f["student_output"] == "" and f["counterexample"] == ""
    assert outcome.hidden_only_digests, "the attack should have met inputs only hidden properties send"
    instructor = json.dumps(outcome.instructor)
    assert any(d in instructor for d in outcome.hidden_only_digests), \
        "the instructor view should show the hidden inputs the student printed"


def _stash_replayed(case, outcome):
    # Whether the stash holds hidden inputs when it is replayed depends on the order the
    # grader runs properties in; check_reports asserts that none reaches the student.
    assert "STASH" in json.dumps(outcome.instructor), "the attack should have replayed its stash"


def _no_smuggled_tags(case, outcome):
    hidden = _failures(outcome.student, outcome.attacked, "hidden")
    assert hidden, "the hidden property should fail"
    smuggled = [f for f in hidden if "HID" in json.dumps(f)]
    assert not smuggled, f"hidden-input values reach the student's report through an error: {smuggled}"
    assert "HID" in json.dumps(outcome.instructor), "the instructor view should show the exception"


def _no_host_paths(case, outcome):
    seen = json.dumps(outcome.instructor)
    assert "MOUNT" in seen, "the attack should have printed the mount table"
    assert str(ROOT) not in seen, "the sandbox's mount table shows where the grader's repository is"


def _output_capped(case, outcome):
    props = _exercise(outcome.result, outcome.attacked).properties
    assert all(len(p.student_output) <= OUTPUT_CAP for p in props)  # characters <= bytes received
    assert any(p.output_dropped > 0 for p in props)


def _softmax_met_hidden_inputs(case, outcome):
    assert outcome.hidden_only_digests, "softmax should have met inputs only hidden properties send"


ATTACKS = {
    # score forgery
    "forge_atexit_results": Expect(("failed",), zero=False),
    "forge_os_exit_fake_pass": Expect(("crashed",), message="exited with status 0", cli=True),
    "forge_sys_exit_at_import": Expect(("error",), folder=True, message="SystemExit"),
    "forge_signal_handlers": Expect(("timeout",), message="did not finish in time"),
    "forge_timer_replies": Expect(("crashed", "failed"), message="answers no pending request"),
    "forge_keyboard_interrupt": Expect(("crashed",), message="died"),
    "forge_base_exception": Expect(("failed",), message="SystemExit|GeneratorExit|AllTestsPassed|Unprintable"),
    # tampering inside the worker
    "tamper_numpy_compare": Expect(("failed",)),
    "tamper_hypothesis": Expect(("failed",)),
    "tamper_import_autograder": Expect(("failed",)),
    "tamper_worker_internals": Expect(("failed", "crashed"), zero=False),
    "tamper_gc_objects": Expect(("failed",)),
    "tamper_frame_walk": Expect(("failed",)),
    "tamper_trace_hooks": Expect(("failed",)),
    "tamper_builtins": Expect(("crashed", "failed")),
    # lying results
    "lie_ndarray_subclass": Expect(("failed",)),
    "lie_object_array": Expect(("failed",), message="dtype object|object"),
    "lie_zero_stride_huge": Expect(("failed",)),
    "lie_nan_inf": Expect(("failed",), message="non-finite"),
    "lie_iterables": Expect(("failed",), message="cannot read"),
    "lie_dunder_class": Expect(("failed",), message="cannot read"),
    "lie_huge_nested": Expect(("failed",), message="list of|cannot read"),
    "lie_dtype_tricks": Expect(("failed",), message="cannot read|dtype"),
    # leaks
    "leak_grader_files": Expect(("failed",)),
    "leak_proc_info": Expect(("failed",)),
    "leak_print_hidden_inputs": Expect(("failed",), zero=False, check=_hidden_output_only_for_instructor),
    "leak_stash_replay": Expect(("failed",), zero=False, check=_stash_replayed),
    "leak_stash_across_exercises": Expect(("failed",), attacked=DENSE, zero=False, other_first=True,
                                          check=_softmax_met_hidden_inputs),
    "leak_exception_channels": Expect(("failed",), check=_no_smuggled_tags),
    "leak_environment": Expect(("failed",), cli=True),
    "leak_network": Expect(("failed",), folder=True, prepare=_network, check=_no_connections),
    "leak_symlink_solution": Expect(("failed",), folder=True, prepare=_symlinks),
    "leak_host_paths": Expect(("failed",), check=_no_host_paths),
    "shadow_packages": Expect(("failed",), zero=False, folder=True, prepare=_shadows, cli=True,
                              in_submission=True),
    "shadow_hypothesis_cache": Expect(("failed",), zero=False, folder=True, prepare=_planted_cache,
                                      cli=True, in_submission=True),
    # denial of service
    "dos_infinite_loop_import": Expect(("timeout",), folder=True, message="no answer within"),
    "dos_long_sleep": Expect(("timeout",), message="did not finish in time"),
    "dos_memory_bomb": Expect(("failed", "crashed", "timeout")),
    "dos_fork_bomb": Expect(("failed",)),
    "dos_thread_bomb": Expect(("timeout", "failed", "crashed")),
    "dos_stdout_flood": Expect(("failed", "timeout"), check=_output_capped),
    "dos_stderr_flood": Expect(("failed", "timeout"), cli=True, check=_output_capped),
    "dos_deep_recursion": Expect(("crashed",), message="SIGSEGV"),
    "dos_segfault_import": Expect(("crashed",), folder=True, message="SIGSEGV"),
    "dos_kill_grader": Expect(("failed", "crashed"), cli=True),
    "dos_close_fds": Expect(("crashed",), message="died"),
    "dos_scribble_fds": Expect(("crashed",), message="died"),
    "dos_forged_huge_frame": Expect(("crashed",), cli=True, message="exceeds the limit|claims shape|dtype"),
    "dos_disk_fill": Expect(("failed",)),
    # honest but broken
    "broken_syntax_error": Expect(("error",), folder=True, message="SyntaxError.*line 11"),
    "broken_ipython_magics": Expect(("error",), folder=True, message="SyntaxError"),
    "broken_missing_imports": Expect(("error",), folder=True, message="torch|tensorflow"),
    "broken_non_utf8": Expect(("error",), folder=True, prepare=_latin1, message="SyntaxError|UTF-8|utf-8"),
    "broken_empty": Expect(("missing",), folder=True, message="softmax"),
    "broken_huge_file": Expect(("timeout", "failed"), zero=False, folder=True, prepare=_huge),
}
CLI_ATTACKS = sorted(name for name, e in ATTACKS.items() if e.cli)

#: Weaknesses found and not fixed: the attack's test is expected to fail, for the reason given.
KNOWN_WEAKNESSES = {
    "leak_host_paths": "bubblewrap's bind mounts show their host sources in /proc/self/mountinfo: "
                       "the worker learns the path of the grader's repository (through "
                       "/dlgrade/worker/*.py), of the Python installation and of the submission. "
                       "Paths only, no content; hiding them needs the worker files staged "
                       "elsewhere and Python mounted at another prefix",
}


def _params(names):
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=KNOWN_WEAKNESSES[n]))
            if n in KNOWN_WEAKNESSES else n for n in names]


# ---------------------------------------------------------------- observations


def _file_state(path):
    st = os.lstat(path)
    if stat.S_ISLNK(st.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISDIR(st.st_mode):
        return ("dir", stat.S_IMODE(st.st_mode), st.st_uid)
    digest = ""
    if stat.S_ISREG(st.st_mode):
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        digest = h.hexdigest()
    return ("file", st.st_size, st.st_mtime_ns, digest, stat.S_IMODE(st.st_mode), st.st_uid)


def tree_state(roots, skip=()):
    """{path: (kind, size, mtime, sha256, ...)} of everything under ``roots``."""
    state = {}
    for root in roots:
        root = str(root)
        if not os.path.lexists(root):
            state[root] = None
            continue
        state[root] = _file_state(root)
        if os.path.islink(root) or not os.path.isdir(root):
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if d not in skip)
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                try:
                    state[path] = _file_state(path)
                except FileNotFoundError:
                    pass
    return state


def diff_states(before, after):
    changed = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    return [(p, before.get(p), after.get(p)) for p in changed]


def tmp_root_entries():
    """Entries of /tmp an attack could have forged (other tests may write /tmp concurrently)."""
    out = {}
    for name in os.listdir("/tmp"):
        if name in FORGED_TMP_NAMES or name.startswith("dlgrade-attack"):
            out[name] = _file_state(os.path.join("/tmp", name))
        else:
            try:
                if os.lstat(os.path.join("/tmp", name)).st_uid == OUR_UID:
                    out[name] = ("owned by this file's worker uid",)
            except FileNotFoundError:
                pass
    return out


def _forged_name(path):
    name = os.path.basename(path)
    return name in FORGED_TMP_NAMES or name.startswith("dlgrade-attack")


def worker_could_have_made(change):
    """Could a worker running under a dedicated uid have made this change to the repository?

    Developers and other test runs may edit the repository while this suite runs. With the
    worker confined to a uid of its own (asserted through the report's isolation level), it
    can only create files it owns, change what is writable by others, or write the names
    the attacks forge; a change of anything else is someone else's.
    """
    path, before, after = change
    if _forged_name(path):
        return True
    for state in (before, after):
        if state is not None and state[0] != "link" and (state[-1] in WORKER_UIDS or state[-2] & 0o002):
            return True
    try:
        return bool(os.lstat(os.path.dirname(path)).st_mode & 0o002)
    except FileNotFoundError:
        return True


def files_owned_by_workers(root):
    owned = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            try:
                if os.lstat(path).st_uid in WORKER_UIDS:
                    owned.append(path)
            except FileNotFoundError:
                pass
    return owned


def _proc(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            status = f.read()
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmdline = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    uid = int(fields.get("Uid", "-1").split()[0])
    ppid = int(fields.get("PPid", "0").strip())
    state = fields.get("State", "?").strip()[:1]
    return {"pid": pid, "uid": uid, "ppid": ppid, "state": state, "cmdline": cmdline}


def processes():
    out = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            p = _proc(int(entry))
            if p is not None:
                out[p["pid"]] = p
    return out


def _descendants(procs, pid):
    children = {}
    for p in procs.values():
        children.setdefault(p["ppid"], []).append(p["pid"])
    out, todo = set(), [pid]
    while todo:
        for c in children.get(todo.pop(), []):
            if c not in out:
                out.add(c)
                todo.append(c)
    return out


def leftover_processes(baseline, tokens):
    """Worker-like processes (worker uid or worker_main.py) that are this test's and still alive.

    Other test runs may have workers of their own at the same time: a process counts as
    ours when it runs as this file's uid, names this test's files, descends from this
    process, or is an orphan no grader owns any more; anything present before the test is not.
    """
    procs = processes()
    mine = _descendants(procs, os.getpid())
    found = []
    for p in procs.values():
        if p["state"] == "Z" and p["ppid"] == os.getpid():
            found.append(p)
            continue
        worker_like = p["uid"] in WORKER_UIDS or "worker_main.py" in p["cmdline"]
        if not worker_like or (p["pid"], p["cmdline"]) in baseline:
            continue
        parent = procs.get(p["ppid"])
        orphan = parent is None or p["ppid"] == 1 or not (
            "bwrap" in parent["cmdline"] or "python" in parent["cmdline"] or parent["uid"] in WORKER_UIDS)
        if (p["uid"] == OUR_UID or p["pid"] in mine or orphan
                or any(t in p["cmdline"] for t in tokens)):
            found.append(p)
    return found


def worker_like_baseline():
    return {(p["pid"], p["cmdline"]) for p in processes().values()
            if p["uid"] in WORKER_UIDS or "worker_main.py" in p["cmdline"]}


def wait_for_no_leftovers(baseline, tokens, grace=5.0):
    deadline = time.monotonic() + grace
    while True:
        left = leftover_processes(baseline, tokens)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


def strings_of(value):
    """Every string in a report (keys and values), one per line."""
    out = []

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for k, x in v.items():
                out.append(str(k))
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)
        elif v is not None:
            out.append(str(v))

    walk(value)
    return "\n".join(out)


def _secret_lines():
    lines = set()
    for pattern in ("reference/*.py", "autograder/suites/*.py"):
        for path in sorted(ROOT.glob(pattern)):
            for line in path.read_text().splitlines():
                s = line.strip()
                # String fragments are the descriptions and hints the report shows on purpose.
                if len(s) > 25 and not s.startswith(('"', "'", 'f"', "f'", "hint=", '"""')):
                    lines.add(s)
    return lines


SECRET_LINES = _secret_lines()


def _exercise(result, ex_id):
    return next(e for e in result.exercises if e.id == ex_id)


def _report_exercise(report, ex_id):
    return next(e for e in report["exercises"] if e["id"] == ex_id)


def _failures(report, ex_id, visibility):
    return [f for f in _report_exercise(report, ex_id)["failures"] if f["visibility"] == visibility]


def _hidden_strings(instructor):
    """What the instructor view shows of hidden properties only (beyond their descriptions)."""
    public = json.loads(json.dumps(instructor))
    hidden = []
    for ex in public["exercises"]:
        keep = []
        for f in ex["failures"]:
            if f["visibility"] == "hidden":
                hidden += [f["counterexample"], f["message"]]
                hidden += f["student_output"].splitlines()
            else:
                keep.append(f)
        ex["failures"] = keep
    public_text = strings_of(public)
    return [s.strip() for s in hidden if len(s.strip()) > 25 and s.strip() not in public_text]


# ---------------------------------------------------------------- recording what hidden properties send


class _Recorder:
    """Digests of every softmax input sent while a hidden or a public property ran."""

    def __init__(self):
        self.public = None
        self.digests = {True: set(), False: set()}

    def hidden_only(self):
        return self.digests[False] - self.digests[True]


@pytest.fixture
def recorder(monkeypatch):
    rec = _Recorder()
    real_run_property, real_call = runner.run_property, Worker.call

    def run_property(ex, prop, student):
        rec.public = prop.public
        try:
            return real_run_property(ex, prop, student)
        finally:
            rec.public = None

    def call(self, module, func, args=(), kwargs=None, keep=(), echo=False, **more):
        if func == "softmax" and args and rec.public is not None:
            x = np.asarray(args[0])
            axis = (kwargs or {}).get("axis", args[1] if len(args) > 1 else -1)
            digest = hashlib.sha1(x.tobytes() + str(axis).encode()).hexdigest()[:16]
            rec.digests[rec.public].add(digest)
        return real_call(self, module, func, args, kwargs, keep, echo, **more)

    monkeypatch.setattr(runner, "run_property", run_property)
    monkeypatch.setattr(Worker, "call", call)
    return rec


# ---------------------------------------------------------------- one attack's surroundings


@dataclass
class Case:
    name: str
    expect: Expect
    root: Path                 # the case folder (world-writable, like a shared course folder)
    submission: Path           # what is graded: a folder or a single file
    module: Path               # the attack's source as installed
    report_path: Path
    cli_cwd: Path
    canary: Path               # a world-writable folder in /tmp
    token: str
    cleanups: list = field(default_factory=list)
    listener: object = None

    @property
    def ids(self):
        first, second = self.expect.attacked, OTHER[self.expect.attacked]
        return [second, first] if self.expect.other_first else [first, second]

    def watched(self):
        return [self.root, self.canary]


@dataclass
class Outcome:
    result: object
    student: dict
    instructor: dict
    attacked: str
    hidden_only_digests: set


def _make_case(tmp_path, name) -> Case:
    expect = ATTACKS[name]
    token = secrets.token_hex(6)
    root = tmp_path / f"case-{token}"
    root.mkdir()
    folder = root / "submission"
    folder.mkdir()
    for d in (root, folder):
        d.chmod(0o777)
        (d / "gradebook.csv").write_text("student,score\nattacker,12\nalice,61\n")
        (d / "results.json").write_text(json.dumps({"score": 12.0, "max_score": 74.0}))
        for decoy in ("gradebook.csv", "results.json"):
            (d / decoy).chmod(0o666)
    source = (ATTACK_DIR / f"{name}.py").read_bytes()
    if expect.folder:
        module = folder / f"{UNIT[expect.attacked]}.py"
        other = UNIT[OTHER[expect.attacked]]
        shutil.copyfile(ROOT / "solutions" / f"{other}.py", folder / f"{other}.py")
        submission = folder
    else:
        module = folder / f"attack_{name}_{token}.py"
        submission = module
    module.write_bytes(source)
    out = root / "out"
    cwd = root / "cwd"
    for d in (out, cwd):
        d.mkdir()
        d.chmod(0o777)
    canary = Path(f"/tmp/dlgrade-canary-{token}")
    canary.mkdir()
    canary.chmod(0o777)
    (canary / "results.json").write_text('{"score": 0}')
    (canary / "results.json").chmod(0o666)
    case = Case(name, expect, root, submission, module, out / "report.json",
                folder if expect.in_submission else cwd, canary, token)
    if expect.prepare:
        try:
            expect.prepare(case)
        except BaseException:
            shutil.rmtree(canary, ignore_errors=True)
            for cleanup in case.cleanups:
                cleanup()
            raise
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink() and not path.is_fifo():
            path.chmod(0o777 if path.is_dir() else 0o666)
    return case


@pytest.fixture
def case_factory(tmp_path):
    made = []

    def make(name):
        case = _make_case(tmp_path, name)
        made.append(case)
        return case

    yield make
    for case in made:
        for cleanup in case.cleanups:
            cleanup()
        shutil.rmtree(case.canary, ignore_errors=True)


@pytest.fixture(scope="module", autouse=True)
def warm_grader(tmp_path_factory):
    """Import everything grading needs before the first snapshot of the repository."""
    d = tmp_path_factory.mktemp("warm")
    (d / "ok.py").write_text((ROOT / "solutions" / "activations.py").read_text()
                             + "\n\ndef dense_forward(x, W, b):\n    return x @ W.T + b, (x, W)\n")
    result = grade(d / "ok.py", [SOFTMAX, DENSE], launcher=SandboxLauncher(SLOT), budget=BUDGET)
    assert [e.status for e in result.exercises] == ["passed", "passed"], result
    render(build(result, "student"), "terminal")


@pytest.fixture(autouse=True)
def watchdog():
    """Fail (instead of hanging the test run) if grading one attack blocks for 90 s."""
    def expired(signum, frame):
        raise TimeoutError("grading this attack blocked for 90 s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(90)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def canary_env(monkeypatch):
    value = "canary-" + secrets.token_hex(12)
    monkeypatch.setenv("DLGRADE_ATTACK_CANARY", value)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", value + "-aws")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    return value


class Watch:
    """Everything that must not change while an attack is graded."""

    def __init__(self, case, extra_tokens=()):
        self.case = case
        self.tokens = [str(case.root), case.token, *extra_tokens]
        self.repo = tree_state([ROOT], skip=(".git", "__pycache__", ".hypothesis"))
        self.watched = tree_state(case.watched())
        self.tmp = tmp_root_entries()
        self.autograder_dir = os.path.lexists("/autograder")
        self.procs = worker_like_baseline()
        self.maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    #: set by the test once the report says the worker ran under a dedicated uid
    confined = False

    def verify(self, allow=()):
        case = self.case
        left = wait_for_no_leftovers(self.procs, self.tokens)
        assert not left, f"processes left behind: {left}"
        repo_changes = diff_states(self.repo, tree_state([ROOT], skip=(".git", "__pycache__", ".hypothesis")))
        if self.confined:
            repo_changes = [c for c in repo_changes if worker_could_have_made(c)]
        assert not repo_changes, f"the repository changed: {repo_changes[:5]}"
        owned = files_owned_by_workers(ROOT)
        assert not owned, f"files in the repository owned by a worker uid: {owned[:5]}"
        after = tree_state(case.watched())
        changes = [c for c in diff_states(self.watched, after) if c[0] not in map(str, allow)]
        assert not changes, f"files outside the worker's scratch space changed: {changes[:5]}"
        tmp_after = tmp_root_entries()
        new_tmp = {k: v for k, v in tmp_after.items() if self.tmp.get(k) != v}
        assert not new_tmp, f"new or changed entries in /tmp: {new_tmp}"
        if not self.autograder_dir:
            assert not os.path.lexists("/autograder"), "the attack created /autograder"
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - self.maxrss
        assert grown < 512 * 1024, f"the grader's memory grew by {grown} kB"


# ---------------------------------------------------------------- the assertions


def check_exercises(result, expect, messages_of):
    """The attacked exercise: expected status, never full marks, a clear message; the other passes."""
    attacked = _exercise(result, expect.attacked)
    other = _exercise(result, OTHER[expect.attacked])
    detail = (attacked.status, attacked.score, attacked.message,
              [(p.name, p.outcome, p.message[:200]) for p in attacked.properties])
    assert attacked.status in expect.status, detail
    assert attacked.score < attacked.max_score, detail
    if expect.zero:
        assert attacked.score == 0, detail
    text = messages_of(attacked)
    if attacked.status in ("timeout", "crashed", "error", "missing"):
        assert text.strip(), f"{attacked.status} without a message: {detail}"
    if expect.message:
        assert re.search(expect.message, text), (expect.message, text[:2000])
    assert other.status == "passed" and other.score == other.max_score, \
        (other.status, other.message, [(p.name, p.outcome, p.message[:300]) for p in other.properties])


def _foreign(lines, case):
    """``lines`` minus those the student's own source shares (a student may write the same line)."""
    own = {o.strip() for o in case.module.read_bytes().decode("utf-8", "replace").splitlines()}
    own = [o for o in own if 10 < len(o) < 300 and not o.startswith("#")]
    return [s for s in lines if not any(o in s or s in o for o in own)]


def _messages(ex):
    return "\n".join([ex.message] + [p.message for p in ex.properties])


def check_reports(student, instructor, case, canary, hidden_only=()):
    student_text = strings_of(student)
    instructor_json = json.dumps(instructor)
    assert student["visibility"] == "student"
    assert SUCCESS not in instructor_json, \
        [line for line in strings_of(instructor).splitlines() if SUCCESS in line][:5]
    assert canary not in instructor_json, "a grader environment variable reached the worker"
    leaked = [line for line in _foreign(SECRET_LINES, case) if line in student_text]
    assert not leaked, f"reference or hidden-suite lines in the student's report: {leaked[:5]}"
    hidden = [s for s in _hidden_strings(instructor) if s in student_text]
    assert not hidden, f"hidden-property details in the student's report: {hidden[:5]}"
    digests = sorted(d for d in hidden_only if d in student_text)
    assert not digests, f"inputs only hidden properties sent appear in the student's report: {digests[:5]}"
    for ex in student["exercises"]:
        for f in ex["failures"]:
            if f["visibility"] == "hidden":
                assert f["counterexample"] == "" and f["student_output"] == "", f
    terminal = render(student, "terminal")
    assert not CONTROL.search(terminal), \
        f"control characters in the terminal report: {CONTROL.findall(terminal)[:10]}"


def check_complete_report(report, case):
    assert report["schema"] == "dlgrade.report/1"
    assert report["isolation"].startswith("sandbox: bubblewrap"), report["isolation"]
    assert [e["id"] for e in report["exercises"]] == case.ids
    for e in report["exercises"]:
        assert e["status"] in ("passed", "failed", "not_started", "missing", "error", "timeout", "crashed")
        assert 0 <= e["score"] <= e["max_score"]
    assert report["score"] == pytest.approx(sum(e["score"] for e in report["exercises"]))
    assert report["max_score"] == pytest.approx(sum(e["max_score"] for e in report["exercises"]))


# ---------------------------------------------------------------- the tests


def test_catalogue_is_complete():
    files = sorted(p.stem for p in ATTACK_DIR.glob("*.py"))
    assert files == sorted(ATTACKS), set(files) ^ set(ATTACKS)
    assert len(files) >= 30
    for name in files:
        head = (ATTACK_DIR / f"{name}.py").read_text(encoding="utf-8")
        assert head.startswith('"""') and len(head.split('"""')[1].strip()) > 40, name
    families = {n.split("_")[0] for n in files}
    assert {"forge", "tamper", "lie", "leak", "dos", "broken"} <= families
    assert len(CLI_ATTACKS) >= 5


@pytest.mark.parametrize("name", _params(sorted(ATTACKS)))
def test_attack(name, case_factory, canary_env, recorder, monkeypatch):
    case = case_factory(name)
    expect = case.expect
    if expect.in_submission:
        monkeypatch.chdir(case.cli_cwd)  # the instructor grades from inside the student's folder
    watch = Watch(case)
    started = time.monotonic()
    result = grade(case.submission, case.ids, launcher=SandboxLauncher(SLOT), budget=BUDGET)
    elapsed = time.monotonic() - started
    student, instructor = build(result, "student"), build(result, "instructor")
    outcome = Outcome(result, student, instructor, expect.attacked, recorder.hidden_only())

    watch.confined = DEDICATED_UID.search(result.isolation) is not None
    watch.verify()
    assert elapsed < 40, f"grading took {elapsed:.1f} s"
    check_complete_report(student, case)
    check_exercises(result, expect, _messages)
    check_reports(student, instructor, case, canary_env, recorder.hidden_only())
    if expect.check:
        expect.check(case, outcome)


@pytest.mark.parametrize("name", _params(CLI_ATTACKS))
def test_attack_through_the_command(name, case_factory, canary_env):
    case = case_factory(name)
    expect = case.expect
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
           "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "HOME": str(case.root / "cwd"),
           "DLGRADE_ATTACK_CANARY": canary_env}
    args = [sys.executable, "-P", "-m", "autograder.cli", "grade", str(case.submission),
            *[a for i in case.ids for a in ("-e", i)], "--format", "json", "-o", str(case.report_path),
            "--call-timeout", str(BUDGET.call_seconds), "--exercise-timeout", str(BUDGET.exercise_seconds)]
    watch = Watch(case)
    proc = subprocess.run(args, cwd=case.cli_cwd, env=env, capture_output=True, timeout=120)
    if case.report_path.exists():
        watch.confined = DEDICATED_UID.search(case.report_path.read_text()) is not None
    watch.verify(allow=[case.report_path])
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-2000:]
    assert proc.stdout == b"", f"the command printed: {proc.stdout[:500]!r}"
    assert b"74/74" not in proc.stderr and SUCCESS.encode() not in proc.stderr, proc.stderr[:500]
    report = json.loads(case.report_path.read_text())
    check_complete_report(report, case)
    assert report["visibility"] == "student"
    attacked = _report_exercise(report, expect.attacked)
    other = _report_exercise(report, OTHER[expect.attacked])
    assert attacked["status"] in expect.status, attacked
    assert attacked["score"] < attacked["max_score"]
    if expect.zero:
        assert attacked["score"] == 0
    assert other["status"] == "passed" and other["score"] == other["max_score"], other
    text = strings_of(report)
    assert SUCCESS not in text and canary_env not in text
    assert not [line for line in _foreign(SECRET_LINES, case) if line in text]
