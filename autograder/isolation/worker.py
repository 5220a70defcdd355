"""The grader's side of a worker process: start it, call into it, end it.

Every call has a deadline. While waiting for a reply the grader also drains the
worker's stdout and stderr (capped), so a student who prints megabytes can
neither block the worker on a full pipe nor fill the grader's memory. When the
worker hangs, dies, or sends anything malformed, the whole process group is
killed and `WorkerLost` is raised; the caller starts a new worker.
"""

from __future__ import annotations

import builtins
import os
import re
import selectors
import signal
import stat
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from . import wire
from .launch import Launcher, PlainLauncher

WORKER_SCRIPT = Path(__file__).with_name("worker_main.py")


_ADDRESS = re.compile(r"0x[0-9a-fA-F]{6,}")


class WorkerLost(BaseException):
    """The worker timed out, crashed or broke the protocol.

    A BaseException on purpose: it must abort a running hypothesis search at
    once instead of being shrunk like an ordinary failure.
    """

    def __init__(self, kind: str, detail: str):
        super().__init__(f"{kind}: {detail}")
        self.kind = kind  # "timeout" | "crashed" | "protocol"
        self.detail = detail


class StudentError(Exception):
    """The student's code raised an exception (reported, never re-raised in the grader).

    Everything in ``info`` comes from the worker, that is from the student's code,
    which can forge any of it (a class created at run time whose name holds a hidden
    input, a renamed code object, lines planted in ``linecache``). The report shows
    the type and ``where`` even for hidden properties, so with ``source`` (a
    `SubmissionSource`) they are checked against the submission as it is on disk:
    ``where`` keeps only a real line of a real file of the submission, with the text
    the grader reads there itself, and a type name must be a built-in exception, one
    of numpy's or the worker's, or a name the submission's source contains.
    """

    def __init__(self, info: dict, source: "SubmissionSource | None" = None):
        self.type = str(info.get("type", "Exception"))[:100]
        self.message = str(info.get("message", ""))[:2000]
        where = info.get("where")
        self.where = where if isinstance(where, dict) else None
        self.traceback = str(info.get("traceback", ""))[:4000]
        if source is not None:
            self.where = source.verified_where(self.where)
            if not source.plausible_type(self.type, self.where):
                self.message = f"(an exception of a class named {self.type!r}, made at run time) {self.message}"
                self.type = "Exception"
        super().__init__(self.summary())

    def summary(self) -> str:
        text = f"{self.type}: {self.message}" if self.message else self.type
        if self.where:
            w = self.where
            text += f" (at {w.get('file')}, line {w.get('line')}, in {w.get('function')}: {w.get('code')})"
        return text


#: Exception names a report may show without finding them in the submission's source.
KNOWN_ERRORS = frozenset(
    [n for n, v in vars(builtins).items() if isinstance(v, type) and issubclass(v, BaseException)]
    + ["AxisError", "LinAlgError", "ComplexWarning", "DTypePromotionError", "TooHardError",
       "ReturnValueError", "UnsendableResult"])
SPECIAL_FUNCTIONS = frozenset(["<module>", "<lambda>", "<listcomp>", "<dictcomp>", "<setcomp>",
                               "<genexpr>"])
IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,99}")
MAX_SOURCE_BYTES = 64 << 20


class SubmissionSource:
    """The submission's source files as the grader reads them (never through a link)."""

    def __init__(self, submission: Path):
        self.submission = Path(submission)
        self._lines = {}

    def lines(self, name):
        """The lines of the submission file ``name`` (a bare file name), or None."""
        if not isinstance(name, str) or name in self._lines:
            return self._lines.get(name) if isinstance(name, str) else None
        self._lines[name] = None
        if self.submission.is_dir():
            if not name or "/" in name or os.sep in name or name in (".", ".."):
                return None
            path = self._find(name)
            if path is None:
                return None
        elif name == self.submission.name:
            path = self.submission
        else:
            return None
        try:  # no links (the grader may be root), no fifos or devices, a bounded size
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            return None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_SOURCE_BYTES:
                return None
            with os.fdopen(fd, "rb", closefd=False) as f:
                data = f.read(MAX_SOURCE_BYTES + 1)
        except OSError:
            return None
        finally:
            os.close(fd)
        self._lines[name] = data.decode("utf-8", errors="replace").splitlines()
        return self._lines[name]

    def _find(self, name):
        """The one file called ``name`` in the submission folder or below it (links not followed)."""
        found, seen = [], 0
        for dirpath, dirnames, filenames in os.walk(self.submission):
            seen += len(dirnames) + len(filenames)
            if name in filenames:
                found.append(Path(dirpath) / name)
            if seen > 5000 or len(found) > 1:
                break
        return found[0] if len(found) == 1 else None

    def verified_where(self, where):
        if not isinstance(where, dict):
            return None
        name, line, function = where.get("file"), where.get("line"), where.get("function")
        lines = self.lines(name)
        if lines is None or type(line) is not int or not 1 <= line <= len(lines) + 1:
            return None
        code = lines[line - 1].strip()[:300] if line <= len(lines) else ""
        if not (isinstance(function, str) and (function in SPECIAL_FUNCTIONS or (
                IDENTIFIER.fullmatch(function) and self._mentions(name, function)))):
            function = "?"
        return {"file": name, "line": line, "function": function, "code": code}

    def plausible_type(self, type_name, where):
        if type_name in KNOWN_ERRORS:
            return True
        return bool(IDENTIFIER.fullmatch(type_name)) and where is not None and \
            self._mentions(where["file"], type_name)

    def _mentions(self, name, word):
        lines = self.lines(name) or []
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        return any(pattern.search(line) for line in lines)


@dataclass
class Captured:
    """Student output, capped: what was kept and how many bytes were dropped."""

    text: str
    dropped: int


class Worker:
    """One running worker process bound to one submission."""

    def __init__(self, submission: Path, *, call_timeout=10.0, output_cap=64 * 1024,
                 launcher: Launcher | None = None, limits: wire.Limits | None = None):
        self.submission = Path(submission).resolve()
        self.call_timeout = call_timeout
        self.output_cap = output_cap
        self.launcher = launcher or PlainLauncher()
        self.limits = limits or wire.DEFAULT_LIMITS
        self.proc = None
        self.seq = 0
        self._out = bytearray()
        self._dropped = 0
        self.starts = 0
        self.recording = None  # a list to append (module, func, args, kwargs, keep, result) to
        self.source = SubmissionSource(self.submission)  # to check what errors claim
        self._pending_ready = False  # launched, but its ready frame not read yet

    # ------------------------------------------------------------ lifecycle

    @property
    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def start(self):
        """Start a worker process and wait until it is ready for requests."""
        self.launch()
        self._await_ready()

    def launch(self):
        """Start a worker process without waiting for it to be ready.

        The worker imports numpy while the grader goes on (importing hypothesis
        and the suites, say); the first request, or `ensure`, waits for it.
        """
        self.stop()
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        spec = self.launcher.prepare(WORKER_SCRIPT, self.submission, req_r, rep_w)
        try:
            self.proc = subprocess.Popen(
                spec.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(req_r, rep_w), env=spec.env, cwd=spec.cwd, start_new_session=True,
                preexec_fn=spec.preexec_fn, close_fds=True)
        finally:
            os.close(req_r)
            os.close(rep_w)
        self.isolation = spec.level
        self._spec_level = spec.level
        self._req_w, self._rep_r = req_w, rep_r
        os.set_blocking(self._rep_r, False)
        for f in (self.proc.stdout, self.proc.stderr):
            os.set_blocking(f.fileno(), False)
        self._sel = selectors.DefaultSelector()
        self._sel.register(self._rep_r, selectors.EVENT_READ, "reply")
        self._sel.register(self.proc.stdout, selectors.EVENT_READ, "out")
        self._sel.register(self.proc.stderr, selectors.EVENT_READ, "out")
        self.starts += 1
        self._pending_ready = True

    def _await_ready(self):
        self._pending_ready = False
        ready, _ = self._expect_reply(0, self.call_timeout + 20.0)  # start-up includes importing numpy
        # Sent before any student code ran, so it can be believed: what was really applied.
        applied = ready.get("isolation")
        if isinstance(applied, str) and applied:
            level = self._spec_level
            outer = "sandbox: bubblewrap, " if level.startswith("sandbox") else level.split(";")[0] + "; "
            self.isolation = outer + applied[:300]

    def stop(self):
        self._pending_ready = False
        if self.proc is None:
            return
        proc, self.proc = self.proc, None
        self._sel.close()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            proc.kill()
        except ProcessLookupError:
            pass
        proc.wait()
        for fd in (self._req_w, self._rep_r):
            try:
                os.close(fd)
            except OSError:
                pass
        for f in (proc.stdout, proc.stderr):
            try:
                f.close()
            except OSError:
                pass

    def ensure(self):
        """Have a running worker that is ready for requests."""
        if not self.alive:
            self.start()
        elif self._pending_ready:
            self._await_ready()

    # ------------------------------------------------------------ calls

    def load(self, module: str, names=()):
        """Import a unit module; returns the names of ``names`` it defines."""
        reply, _ = self.request({"op": "load", "module": module, "names": list(names)})
        if not reply.get("ok"):
            raise StudentError(reply.get("error") or {}, self.source)
        defined = reply.get("defined")
        if not isinstance(defined, list):
            raise self._lost("protocol", "malformed load reply")
        return [n for n in defined if isinstance(n, str)]

    def call(self, module: str, func: str, args=(), kwargs=None, keep=(), echo=False, on=None,
             keep_whole=False):
        """Call a student function; with ``echo`` return (result, args after, kwargs after).

        ``on`` (a Handle) calls the method ``func`` of an object kept in the worker instead;
        ``keep_whole`` keeps the whole result there and returns its Handle.
        """
        header = {"op": "call", "module": module, "func": func, "keep": list(keep), "echo": bool(echo)}
        if on is not None:
            header["on"] = on.id
        if keep_whole:
            header["keep_whole"] = True
        reply, value = self.request(header, (list(args), dict(kwargs or {})))
        if not reply.get("ok"):
            raise StudentError(reply.get("error") or {}, self.source)
        if self.recording is not None:
            self.recording.append((module, func, args, dict(kwargs or {}), tuple(keep),
                                   value[0] if echo else value, on, keep_whole))
        return value

    def drop_caches(self):
        if self.alive:
            self.request({"op": "drop"})

    def request(self, header, value=None):
        self.ensure()
        self.seq += 1
        seq = self.seq
        frame = wire.encode_frame(dict(header, id=seq), value)
        try:
            os.write(self._req_w, frame) if len(frame) < 60000 else self._write_slow(frame)
        except (BrokenPipeError, OSError):
            raise self._lost("crashed", self._exit_description())
        return self._expect_reply(seq, self.call_timeout)

    def _write_slow(self, frame):
        view = memoryview(frame)
        deadline = time.monotonic() + self.call_timeout
        os.set_blocking(self._req_w, False)
        try:
            while view:
                try:
                    view = view[os.write(self._req_w, view):]
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise self._lost("timeout", "the worker stopped reading its input")
                    self._drain_output(0.01)
        finally:
            os.set_blocking(self._req_w, True)

    # ------------------------------------------------------------ replies

    def _expect_reply(self, seq, timeout):
        deadline = time.monotonic() + timeout
        buf = bytearray()
        need = wire.PREFIX.size
        hlen = plen = None
        sel = self._sel
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self._lost("timeout", f"no answer within {timeout:g} s")
            for key, _ in sel.select(left):
                if key.data == "out":
                    self._read_output(key.fileobj, sel)
                    continue
                try:
                    chunk = os.read(self._rep_r, min(max(need - len(buf), 1), 1 << 20))
                except BlockingIOError:
                    continue
                if not chunk:
                    self._drain_output(0.05)
                    raise self._lost("crashed", self._exit_description())
                buf += chunk
                if hlen is None and len(buf) >= wire.PREFIX.size:
                    try:
                        hlen, plen = wire.parse_prefix(bytes(buf[:wire.PREFIX.size]), self.limits)
                    except wire.WireError as exc:
                        raise self._lost("protocol", str(exc))
                    need = wire.PREFIX.size + hlen + plen
                if hlen is not None and len(buf) >= need:
                    if len(buf) > need:
                        raise self._lost("protocol", "unrequested bytes after a reply")
                    head = bytes(buf[wire.PREFIX.size:wire.PREFIX.size + hlen])
                    try:
                        msg, value = wire.decode_message(head, bytes(buf[wire.PREFIX.size + hlen:]),
                                                         self.limits)
                    except wire.WireError as exc:
                        raise self._lost("protocol", str(exc))
                    if msg.get("id") != seq:
                        raise self._lost("protocol", "a reply that answers no pending request")
                    self._drain_output(0)
                    return msg, value

    def _read_output(self, f, sel=None):
        try:
            data = os.read(f.fileno(), 1 << 16)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            if sel is not None:
                sel.unregister(f)
            return
        room = self.output_cap - len(self._out)
        self._out += data[:max(room, 0)]
        self._dropped += max(len(data) - max(room, 0), 0)

    def _drain_output(self, wait):
        """Read what the student printed, waiting up to ``wait`` s for more.

        Bounded even when a student thread prints without pause.
        """
        if self.proc is None:
            return
        now = time.monotonic()
        deadline, hard_stop = now + wait, now + wait + 0.2
        while time.monotonic() < hard_stop:
            got = False
            for f in (self.proc.stdout, self.proc.stderr):
                before = len(self._out) + self._dropped
                self._read_output(f)
                got |= len(self._out) + self._dropped > before
            if not got:
                if time.monotonic() >= deadline:
                    return
                time.sleep(0.005)

    def take_output(self) -> Captured:
        """Return and forget the student's output since the last call to this.

        Memory addresses (in object reprs, or the thread ids of a crash dump) are
        masked: they change from run to run, and reports must not.
        """
        text = _ADDRESS.sub("0x…", self._out.decode("utf-8", errors="replace"))
        cap = Captured(text, self._dropped)
        self._out = bytearray()
        self._dropped = 0
        return cap

    # ------------------------------------------------------------ failure

    def _exit_description(self):
        if self.proc is None:
            return "the worker is not running"
        try:
            code = self.proc.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            return "the worker closed its reply channel"
        if code > 128:  # a sandbox's init process reports its child's signal this way
            code = 128 - code
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            return f"the process was killed by {name}"
        return f"the process exited with status {code}"

    def _lost(self, kind, detail):
        self._drain_output(0)
        self.stop()
        return WorkerLost(kind, detail)
