"""The worker: the only process that ever runs student code.

Run as a script (``python -I worker_main.py SUBMISSION FD_IN FD_OUT [LOCKDOWN]``).
It needs only the standard library, numpy, and ``wire.py`` and ``lockdown.py``
beside it, so a sandbox can show it nothing else of dlgrade. LOCKDOWN, when
given, is a JSON object for `lockdown.apply` (uid, rlimits, Landlock rules,
seccomp): it is applied after numpy is imported and before any student code
runs; what was applied is sent in the ``ready`` frame as ``isolation``. It reads
requests from FD_IN and writes replies to FD_OUT; the student's stdout and
stderr go to the grader on separate pipes.

Requests: ``load`` (import a unit module of the submission), ``call`` (call a
function; results at the ``keep`` positions, or the whole result with
``keep_whole``, stay here and are sent back as handles; ``on`` names a kept
object whose method is called; module ``@probe`` builds one of the objects of
``probes.py``), ``drop`` (forget every kept object).
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import importlib.util  # noqa: E402
import linecache  # noqa: E402
import traceback  # noqa: E402

import numpy as np  # noqa: E402  (imported before any student code)

import probes  # noqa: E402
import wire  # noqa: E402

MAX_TRACEBACK = 4000


def _read_exact(fd, n):
    buf = bytearray()
    while len(buf) < n:
        chunk = os.read(fd, n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


class Worker:
    def __init__(self, submission, fd_in, fd_out, isolation=None):
        self.submission = os.path.abspath(submission)
        self.isolation = isolation
        self.fd_in, self.fd_out = fd_in, fd_out
        self.modules = {}
        self.kept = {}
        self.next_handle = 1
        limits = wire.Limits(header_bytes=1 << 26, payload_bytes=1 << 30, items=1 << 20)
        self.limits = limits
        if os.path.isdir(self.submission):
            sys.path.insert(0, self.submission)
        else:
            sys.path.insert(0, os.path.dirname(self.submission))

    # ------------------------------------------------------------ modules

    def module_file(self, unit):
        if os.path.isdir(self.submission):
            return os.path.join(self.submission, unit + ".py")
        return self.submission  # a single file serves every unit

    def load(self, unit):
        path = self.module_file(unit)
        if path in self.modules:
            return self.modules[path]
        if not os.path.exists(path):
            raise LookupError(f"the submission has no module {unit}.py")
        name = unit if os.path.isdir(self.submission) else os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        self.modules[path] = module
        return module

    # ------------------------------------------------------------ requests

    def resolve(self, value):
        if isinstance(value, wire.Handle):
            if value.id not in self.kept:
                raise LookupError("unknown cache handle")
            return self.kept[value.id]
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if isinstance(value, tuple):
            return tuple(self.resolve(v) for v in value)
        if isinstance(value, dict):
            return {k: self.resolve(v) for k, v in value.items()}
        return value

    def keep(self, obj):
        handle = wire.Handle(self.next_handle)
        self.next_handle += 1
        self.kept[handle.id] = obj
        return handle

    def handle(self, msg, value):
        op = msg.get("op")
        if op == "load":
            module = self.load(msg["module"])
            names = [n for n in msg.get("names", []) if callable(getattr(module, n, None))]
            return {"defined": names}, None
        if op == "call":
            if msg.get("on") is not None:  # a method of an object kept earlier (e.g. a class instance)
                target = self.resolve(wire.Handle(msg["on"]))
                name = str(msg["func"])
                func = None if name.startswith("_") else getattr(target, name, None)
                if func is None or not callable(func):
                    raise LookupError(f"{type(target).__name__} has no method {name}")
            elif msg.get("module") == "@probe":  # an object the grader asks for (probes.py)
                func = probes.BUILDERS.get(msg.get("func"))
                if func is None:
                    raise LookupError(f"unknown probe {msg.get('func')!r}")
            else:
                module = self.load(msg["module"])
                func = getattr(module, msg["func"], None)
                if func is None or not callable(func):
                    raise LookupError(f"{msg['func']} is not defined in the submission")
            args, kwargs = value if value is not None else ((), {})
            result = func(*self.resolve(list(args)), **self.resolve(dict(kwargs)))
            if msg.get("echo"):  # the grader checks that the inputs were not modified
                result = self._keep_positions(result, msg)
                room = wire.DEFAULT_LIMITS.items - 1 - wire.count_parts(list(args), 1 << 20) \
                    - wire.count_parts(dict(kwargs), 1 << 20)
                if wire.count_parts(result, room) > room:  # keep the inputs readable
                    result = wire.Unsupported(f"a value made of more than {max(room, 0)} parts")
                return {}, (result, list(args), dict(kwargs))
            return {}, self._keep_positions(result, msg)
        if op == "drop":
            self.kept.clear()
            return {}, None
        raise ValueError(f"unknown op {op!r}")

    def _keep_positions(self, result, msg):
        if msg.get("keep_whole"):  # the grader gets a handle to the whole result
            return self.keep(result)
        keep = msg.get("keep") or []
        if keep:
            if not isinstance(result, (tuple, list)) or len(result) <= max(keep):
                got = type(result).__name__
                size = f" of length {len(result)}" if isinstance(result, (tuple, list)) else ""
                raise ReturnValueError(f"it should return a tuple of {max(keep) + 1} values (the outputs, then the cache), but it returned a {got}{size}")
            result = tuple(self.keep(r) if i in keep else r for i, r in enumerate(result))
        return result

    def describe_error(self, exc):
        frames = traceback.extract_tb(exc.__traceback__)
        where = None
        for fr in frames:
            if self._is_student_file(fr.filename):
                where = {"file": os.path.basename(fr.filename), "line": fr.lineno,
                         "function": fr.name, "code": (fr.line or "").strip()[:300]}
        if isinstance(exc, SyntaxError) and exc.filename and self._is_student_file(exc.filename):
            where = {"file": os.path.basename(exc.filename), "line": exc.lineno or 0,
                     "function": "<module>", "code": (exc.text or "").strip()[:300]}
        student_frames = [fr for fr in frames if self._is_student_file(fr.filename)]
        tb = "".join(traceback.format_list(student_frames))[-MAX_TRACEBACK:]
        try:  # the student's exception may refuse to be printed
            message = str(exc) if not isinstance(exc, SyntaxError) else (exc.msg or str(exc))
        except BaseException:  # noqa: BLE001
            message = "(the exception's message could not be converted to text)"
        return {"type": type(exc).__name__, "message": message[:2000], "where": where,
                "traceback": tb}

    def _is_student_file(self, filename):
        path = os.path.abspath(filename or "")
        if os.path.isdir(self.submission):
            return path.startswith(self.submission + os.sep)
        return path == self.submission

    def serve(self):
        ready = {"id": 0, "ready": True}
        if self.isolation is not None:
            ready["isolation"] = self.isolation
        _write_all(self.fd_out, wire.encode_frame(ready))
        while True:
            try:
                hlen, plen = wire.parse_prefix(_read_exact(self.fd_in, wire.PREFIX.size), self.limits)
                msg, value = wire.decode_message(_read_exact(self.fd_in, hlen),
                                                 _read_exact(self.fd_in, plen), self.limits)
            except EOFError:
                return
            reply = {"id": msg.get("id")}
            result = None
            try:
                extra, result = self.handle(msg, value)
                reply.update(extra)
                reply["ok"] = True
            except BaseException as exc:  # noqa: BLE001 - student code may raise anything
                if isinstance(exc, KeyboardInterrupt):
                    raise
                reply["ok"] = False
                reply["error"] = self.describe_error(exc)
                result = None
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except Exception:  # noqa: BLE001 - the student may have replaced them
                pass
            try:
                frame = (wire.encode_frame(reply, result, limits=wire.DEFAULT_LIMITS) if reply["ok"]
                         else wire.encode_frame(reply))
            except Exception as exc:  # noqa: BLE001 - e.g. a result whose __len__ lies
                frame = wire.encode_frame({"id": msg.get("id"), "ok": False, "error": {
                    "type": "UnsendableResult", "message": str(exc)[:500], "where": None,
                    "traceback": ""}})
            _write_all(self.fd_out, frame)
            linecache.clearcache()


class ReturnValueError(Exception):
    """A forward function did not return its (outputs..., cache) tuple."""


def _lock_down(spec_json):
    """Apply the lockdown spec with ``lockdown.py`` loaded from beside this file."""
    import json

    spec = importlib.util.spec_from_file_location("_dlgrade_lockdown", os.path.join(HERE, "lockdown.py"))
    lockdown = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lockdown)
    try:
        return lockdown.apply(json.loads(spec_json))
    except lockdown.LockdownError as exc:
        sys.stderr.write(f"dlgrade worker: the required confinement failed: {exc}\n")
        sys.stderr.flush()
        os._exit(70)


def main(argv):
    submission, fd_in, fd_out = argv[1], int(argv[2]), int(argv[3])
    isolation = _lock_down(argv[4]) if len(argv) > 4 else None
    Worker(submission, fd_in, fd_out, isolation).serve()


if __name__ == "__main__":
    main(sys.argv)
