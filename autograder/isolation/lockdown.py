"""Confine the worker process from the inside, before any student code runs.

Standard library only (ctypes): the worker imports this file by its location,
next to ``worker_main.py``, inside a sandbox that holds nothing else of dlgrade.
`apply(spec)` performs, in this order:

1. ``uid``: drop to a dedicated unprivileged uid/gid (when started as root),
   clearing supplementary groups; every capability is lost with it. A root
   worker that cannot change uid (``drop_caps``) gives up its capabilities.
2. ``rlimits``: hard and soft limits (CPU seconds, address space, file size,
   open files, processes/threads, no core dumps).
3. ``PR_SET_NO_NEW_PRIVS``.
4. ``landlock``: file access restricted to the listed paths (read-only, or
   read-write for the scratch directory), TCP bind/connect refused (ABI >= 4),
   signals and abstract unix sockets scoped to the worker (ABI >= 6).
5. ``seccomp``: a BPF filter (all threads) that refuses new processes (fork,
   vfork, clone without CLONE_THREAD, namespaces), exec, sockets, ptrace,
   cross-process memory access, signals to other processes, and kernel
   administration calls. Threads keep working: ``clone3`` answers ENOSYS so
   glibc falls back to ``clone``, whose flags the filter can inspect.

It returns a short description of what was applied. Mechanisms the kernel lacks
are skipped and named in the description, unless ``strict`` is set, in which
case `LockdownError` is raised and the worker must not run student code.
"""

import ctypes
import errno
import os
import platform
import stat
import struct

try:
    import resource
except ImportError:  # not POSIX
    resource = None

# --------------------------------------------------------------------- syscalls

_ARCH = {
    # machine: (AUDIT_ARCH value, syscall numbers)
    "x86_64": (0xC000003E, {
        "fork": 57, "vfork": 58, "clone": 56, "clone3": 435, "execve": 59, "execveat": 322,
        "socket": 41, "connect": 42, "accept": 43, "accept4": 288, "bind": 49, "listen": 50,
        "ptrace": 101, "process_vm_readv": 310, "process_vm_writev": 311,
        "kill": 62, "tkill": 200, "tgkill": 234, "rt_sigqueueinfo": 129, "rt_tgsigqueueinfo": 297,
        "pidfd_open": 434, "pidfd_send_signal": 424, "pidfd_getfd": 438,
        "mount": 165, "umount2": 166, "pivot_root": 155, "chroot": 161, "unshare": 272,
        "setns": 308, "bpf": 321, "perf_event_open": 298, "userfaultfd": 323, "keyctl": 250,
        "add_key": 248, "request_key": 249, "kexec_load": 246, "kexec_file_load": 320,
        "init_module": 175, "finit_module": 313, "delete_module": 176, "reboot": 169,
        "swapon": 167, "swapoff": 168, "acct": 163, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "open_by_handle_at": 304, "name_to_handle_at": 303, "kcmp": 312,
        "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "move_mount": 429,
        "open_tree": 428, "mount_setattr": 442, "process_madvise": 440, "quotactl": 179,
        "syslog": 103, "settimeofday": 164, "clock_settime": 227, "adjtimex": 159,
        "clock_adjtime": 305, "vhangup": 153, "iopl": 172, "ioperm": 173, "uselib": 134,
        "lookup_dcookie": 212,
        "capset": 126, "seccomp": 317, "landlock_create_ruleset": 444, "landlock_add_rule": 445,
        "landlock_restrict_self": 446,
    }),
    "aarch64": (0xC00000B7, {
        "clone": 220, "clone3": 435, "execve": 221, "execveat": 281,
        "socket": 198, "connect": 203, "accept": 202, "accept4": 242, "bind": 200, "listen": 201,
        "ptrace": 117, "process_vm_readv": 270, "process_vm_writev": 271,
        "kill": 129, "tkill": 130, "tgkill": 131, "rt_sigqueueinfo": 138, "rt_tgsigqueueinfo": 240,
        "pidfd_open": 434, "pidfd_send_signal": 424, "pidfd_getfd": 438,
        "mount": 40, "umount2": 39, "pivot_root": 41, "chroot": 51, "unshare": 97,
        "setns": 268, "bpf": 280, "perf_event_open": 241, "userfaultfd": 282, "keyctl": 219,
        "add_key": 217, "request_key": 218, "kexec_load": 104, "kexec_file_load": 294,
        "init_module": 105, "finit_module": 273, "delete_module": 106, "reboot": 142,
        "swapon": 224, "swapoff": 225, "acct": 89, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "open_by_handle_at": 265, "name_to_handle_at": 264, "kcmp": 272,
        "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "move_mount": 429,
        "open_tree": 428, "mount_setattr": 442, "process_madvise": 440, "quotactl": 60,
        "syslog": 116, "settimeofday": 170, "clock_settime": 112, "adjtimex": 171,
        "clock_adjtime": 266, "vhangup": 58, "lookup_dcookie": 18,
        "capset": 91, "seccomp": 277, "landlock_create_ruleset": 444, "landlock_add_rule": 445,
        "landlock_restrict_self": 446,
    }),
}
_ARCH["amd64"] = _ARCH["x86_64"]
_ARCH["arm64"] = _ARCH["aarch64"]

MACHINE = platform.machine().lower()

#: Refused with EPERM outright (those absent on an architecture are skipped).
DENIED = (
    "fork", "vfork", "execve", "execveat",
    "socket", "connect", "accept", "accept4", "bind", "listen",
    "ptrace", "process_vm_readv", "process_vm_writev", "tkill",
    "pidfd_open", "pidfd_send_signal", "pidfd_getfd", "kcmp",
    "mount", "umount2", "pivot_root", "chroot", "unshare", "setns", "open_tree", "move_mount",
    "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    "bpf", "perf_event_open", "userfaultfd", "keyctl", "add_key", "request_key",
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "reboot",
    "swapon", "swapoff", "acct", "io_uring_setup", "io_uring_enter", "io_uring_register",
    "open_by_handle_at", "name_to_handle_at", "process_madvise", "quotactl", "syslog",
    "settimeofday", "clock_settime", "adjtimex", "clock_adjtime", "vhangup", "iopl", "ioperm",
    "uselib", "lookup_dcookie",
)

CLONE_THREAD = 0x00010000
CLONE_NAMESPACES = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000

_libc = None


def _lib():
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
        _libc.syscall.restype = ctypes.c_long
        _libc.prctl.restype = ctypes.c_int
    return _libc


def arch_supported():
    return MACHINE in _ARCH


def _nr(name):
    return _ARCH[MACHINE][1][name]


def _syscall(name, *args):
    lib = _lib()
    conv = [ctypes.c_long(a) if isinstance(a, int) else a for a in args]
    ctypes.set_errno(0)
    res = lib.syscall(ctypes.c_long(_nr(name)), *conv)
    if res == -1:
        err = ctypes.get_errno()
        raise OSError(err, f"{name}: {os.strerror(err)}")
    return res


def _prctl(option, a2=0, a3=0, a4=0, a5=0):
    lib = _lib()
    ctypes.set_errno(0)
    res = lib.prctl(ctypes.c_int(option), ctypes.c_ulong(a2), ctypes.c_ulong(a3),
                    ctypes.c_ulong(a4), ctypes.c_ulong(a5))
    if res == -1:
        err = ctypes.get_errno()
        raise OSError(err, f"prctl({option}): {os.strerror(err)}")
    return res


class LockdownError(Exception):
    """A mechanism the caller required could not be applied."""


# --------------------------------------------------------------------- detection

PR_GET_SECCOMP = 21
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
PR_GET_NO_NEW_PRIVS = 39
PR_SET_PDEATHSIG = 1
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_CLEAR_ALL = 4
SECCOMP_MODE_FILTER = 2
SECCOMP_SET_MODE_FILTER = 1
SECCOMP_GET_ACTION_AVAIL = 2
SECCOMP_FILTER_FLAG_TSYNC = 1


def seccomp_available():
    """True when this kernel accepts seccomp filters and the architecture is known."""
    if not (os.name == "posix" and platform.system() == "Linux" and arch_supported()):
        return False
    try:
        _prctl(PR_GET_SECCOMP)
    except OSError:
        return False
    try:
        action = ctypes.c_uint32(SECCOMP_RET_ERRNO)
        _syscall("seccomp", SECCOMP_GET_ACTION_AVAIL, 0, ctypes.byref(action))
    except OSError as exc:
        return exc.errno not in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP)
    return True


def landlock_abi():
    """The Landlock ABI version this kernel offers (0: none)."""
    if not (platform.system() == "Linux" and arch_supported()):
        return 0
    try:
        return int(_syscall("landlock_create_ruleset", None, 0, LANDLOCK_CREATE_RULESET_VERSION))
    except OSError:
        return 0


# --------------------------------------------------------------------- uid

def drop_privileges(uid, gid):
    """Become uid/gid for good (real, effective and saved), no supplementary groups."""
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)
    if os.getresuid() != (uid, uid, uid) or os.getresgid() != (gid, gid, gid):
        raise LockdownError(f"could not become uid {uid}")
    try:  # capabilities are cleared by the kernel when every uid becomes non-zero
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(("CapPrm:", "CapEff:", "CapAmb:")) and int(line.split()[1], 16):
                    raise LockdownError(f"capabilities left after dropping to uid {uid}: {line.strip()}")
    except OSError:
        pass
    # The kernel clears the parent-death signal on a change of credentials; restore it.
    try:
        _prctl(PR_SET_PDEATHSIG, 9)
    except OSError:
        pass


def drop_capabilities():
    """Keep the uid but lose every capability (for a root worker that cannot change uid)."""
    header = ctypes.create_string_buffer(struct.pack("<Ii", 0x20080522, 0), 8)  # version 3, self
    data = ctypes.create_string_buffer(bytes(24), 24)  # two empty {effective, permitted, inheritable}
    _syscall("capset", header, data)
    try:
        _prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    except OSError:
        pass
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("CapPrm:", "CapEff:")) and int(line.split()[1], 16):
                raise LockdownError(f"capabilities left: {line.strip()}")


# --------------------------------------------------------------------- rlimits

def set_rlimits(limits):
    """Set each limit as both soft and hard (CPU: hard = soft + 1, so SIGXCPU comes first)."""
    if resource is None:
        raise OSError(errno.ENOSYS, "no resource module on this platform")
    names = []
    for name, value in limits.items():
        res = getattr(resource, "RLIMIT_" + name.upper())
        value = int(value)
        soft, hard = value, value
        if name.upper() == "CPU":
            hard = value + 1
        cur_soft, cur_hard = resource.getrlimit(res)
        if cur_hard != resource.RLIM_INFINITY:  # never try to raise a hard limit
            hard = min(hard, cur_hard)
            soft = min(soft, hard)
        resource.setrlimit(res, (soft, hard))
        names.append(name.upper())
    return names


# --------------------------------------------------------------------- landlock

LANDLOCK_CREATE_RULESET_VERSION = 1
LANDLOCK_RULE_PATH_BENEATH = 1

FS_EXECUTE = 1 << 0
FS_WRITE_FILE = 1 << 1
FS_READ_FILE = 1 << 2
FS_READ_DIR = 1 << 3
FS_REMOVE_DIR = 1 << 4
FS_REMOVE_FILE = 1 << 5
FS_MAKE_CHAR = 1 << 6
FS_MAKE_DIR = 1 << 7
FS_MAKE_REG = 1 << 8
FS_MAKE_SOCK = 1 << 9
FS_MAKE_FIFO = 1 << 10
FS_MAKE_BLOCK = 1 << 11
FS_MAKE_SYM = 1 << 12
FS_REFER = 1 << 13       # ABI 2
FS_TRUNCATE = 1 << 14    # ABI 3
FS_IOCTL_DEV = 1 << 15   # ABI 5
NET_BIND_TCP = 1 << 0    # ABI 4
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX_SOCKET = 1 << 0  # ABI 6
SCOPE_SIGNAL = 1 << 1

_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV


def _handled_fs(abi):
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= FS_REFER
    if abi >= 3:
        rights |= FS_TRUNCATE
    if abi >= 5:
        rights |= FS_IOCTL_DEV
    return rights


def install_landlock(rules, abi=None):
    """Restrict file access of this thread and its future threads to ``rules``.

    ``rules``: dicts ``{"path", "access": "ro" | "rw"}``; paths this machine does
    not have are skipped.
    Returns the ABI version used.
    """
    abi = landlock_abi() if abi is None else abi
    if abi < 1:
        raise OSError(errno.EOPNOTSUPP, "Landlock is not available")
    handled = _handled_fs(abi)
    net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX_SOCKET | SCOPE_SIGNAL if abi >= 6 else 0
    attr = struct.pack("<QQQ", handled, net, scoped)
    size = 8 if abi < 4 else 16 if abi < 6 else 24
    attr_buf = ctypes.create_string_buffer(attr[:size], size)
    ruleset = _syscall("landlock_create_ruleset", attr_buf, size, 0)
    try:
        ro = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
        for rule in rules:
            path = rule["path"]
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue  # a path this machine does not have
            try:
                allowed = handled if rule.get("access") == "rw" else ro
                if not stat.S_ISDIR(os.fstat(fd).st_mode):
                    allowed &= _FILE_RIGHTS
                beneath = ctypes.create_string_buffer(struct.pack("<Qi", allowed & handled, fd), 12)
                _syscall("landlock_add_rule", ruleset, LANDLOCK_RULE_PATH_BENEATH, beneath, 0)
            finally:
                os.close(fd)
        _set_no_new_privs()
        _syscall("landlock_restrict_self", ruleset, 0)
    finally:
        os.close(ruleset)
    return abi


def _set_no_new_privs():
    _prctl(PR_SET_NO_NEW_PRIVS, 1)


# --------------------------------------------------------------------- seccomp

SECCOMP_RET_KILL_PROCESS = 0x80000000
SECCOMP_RET_ERRNO = 0x00050000
SECCOMP_RET_ALLOW = 0x7FFF0000

_LD_W_ABS = 0x00 | 0x00 | 0x20
_JEQ_K = 0x05 | 0x10 | 0x00
_JGE_K = 0x05 | 0x30 | 0x00
_AND_K = 0x04 | 0x50 | 0x00
_RET_K = 0x06 | 0x00

_OFF_NR = 0
_OFF_ARCH = 4
_OFF_ARG0_LO = 16  # seccomp_data.args[0], low 32 bits (little endian)


def _errno(e):
    return SECCOMP_RET_ERRNO | (e & 0xFFFF)


def build_filter(own_pid):
    """The BPF program (list of (code, jt, jf, k)) for this architecture."""
    audit_arch, nrs = _ARCH[MACHINE]
    prog = [
        (_LD_W_ABS, 0, 0, _OFF_ARCH),
        (_JEQ_K, 1, 0, audit_arch),
        (_RET_K, 0, 0, SECCOMP_RET_KILL_PROCESS),  # another ABI (i386, x32 entry...)
        (_LD_W_ABS, 0, 0, _OFF_NR),
    ]
    if MACHINE in ("x86_64", "amd64"):  # x32 system calls share the arch value
        prog += [(_JGE_K, 0, 1, 0x40000000), (_RET_K, 0, 0, _errno(errno.ENOSYS))]
    for name in DENIED:
        if name in nrs:
            prog += [(_JEQ_K, 0, 1, nrs[name]), (_RET_K, 0, 0, _errno(errno.EPERM))]
    # clone3 passes its flags in memory a filter cannot read: make glibc fall back to clone.
    prog += [(_JEQ_K, 0, 1, nrs["clone3"]), (_RET_K, 0, 0, _errno(errno.ENOSYS))]
    # clone: threads only (CLONE_THREAD set, no namespace flags).
    prog += [
        (_JEQ_K, 0, 5, nrs["clone"]),
        (_LD_W_ABS, 0, 0, _OFF_ARG0_LO),
        (_AND_K, 0, 0, CLONE_THREAD | CLONE_NAMESPACES),
        (_JEQ_K, 0, 1, CLONE_THREAD),
        (_RET_K, 0, 0, SECCOMP_RET_ALLOW),
        (_RET_K, 0, 0, _errno(errno.EPERM)),
    ]
    # kill: only this process (or its own process group, pid 0).
    prog += [
        (_JEQ_K, 0, 5, nrs["kill"]),
        (_LD_W_ABS, 0, 0, _OFF_ARG0_LO),
        (_JEQ_K, 2, 0, own_pid),
        (_JEQ_K, 1, 0, 0),
        (_RET_K, 0, 0, _errno(errno.EPERM)),
        (_RET_K, 0, 0, SECCOMP_RET_ALLOW),
    ]
    # tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo: first argument must be this process.
    for name in ("tgkill", "rt_sigqueueinfo", "rt_tgsigqueueinfo"):
        prog += [
            (_JEQ_K, 0, 4, nrs[name]),
            (_LD_W_ABS, 0, 0, _OFF_ARG0_LO),
            (_JEQ_K, 1, 0, own_pid),
            (_RET_K, 0, 0, _errno(errno.EPERM)),
            (_RET_K, 0, 0, SECCOMP_RET_ALLOW),
        ]
    prog.append((_RET_K, 0, 0, SECCOMP_RET_ALLOW))
    return prog


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8),
                ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.POINTER(_SockFilter))]


def install_seccomp():
    """Install the filter on every thread of the process (TSYNC)."""
    if not arch_supported():
        raise OSError(errno.ENOSYS, f"no seccomp table for {MACHINE}")
    prog = build_filter(os.getpid())
    if len(prog) > 4096:
        raise LockdownError("seccomp program too long")
    arr = (_SockFilter * len(prog))(*[_SockFilter(*ins) for ins in prog])
    fprog = _SockFprog(len(prog), ctypes.cast(arr, ctypes.POINTER(_SockFilter)))
    _set_no_new_privs()
    try:
        _syscall("seccomp", SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, ctypes.byref(fprog))
    except OSError as exc:
        if exc.errno != errno.ENOSYS:
            raise
        _prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog))
    return len(prog)


# --------------------------------------------------------------------- all together

def _threads():
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


def apply(spec):
    """Apply ``spec`` (a dict, see the module docstring); returns what was applied.

    Keys: ``uid``/``gid`` (int or None), ``drop_caps`` (bool: without a uid
    switch, give up every capability); failing either is always fatal.
    ``rlimits`` ({name: value}), ``landlock`` (list of rules or None),
    ``seccomp`` (bool), ``strict`` (bool).
    """
    strict = bool(spec.get("strict"))
    done, missing = [], []

    def fail(what, exc):
        if strict:
            raise LockdownError(f"{what}: {exc}") from None
        missing.append(f"{what} ({exc})")

    uid, gid = spec.get("uid"), spec.get("gid")
    if uid is not None:
        # Never lenient: the process may still be root with CAP_SETUID at this point.
        try:
            drop_privileges(int(uid), int(gid if gid is not None else uid))
        except (OSError, LockdownError) as exc:
            raise LockdownError(f"uid {uid}: {exc}") from None
        done.append("dedicated uid")  # the number varies by slot; reports must not
    elif spec.get("drop_caps"):
        try:
            drop_capabilities()
        except (OSError, LockdownError) as exc:
            raise LockdownError(f"dropping capabilities: {exc}") from None
        done.append("no capabilities")
    if spec.get("rlimits"):
        try:
            set_rlimits(spec["rlimits"])
            done.append("rlimits")
        except (OSError, ValueError, AttributeError, ImportError) as exc:
            fail("rlimits", exc)
    if platform.system() == "Linux":
        try:
            _set_no_new_privs()
        except OSError as exc:
            fail("no_new_privs", exc)
    if spec.get("landlock") is not None:
        try:
            if _threads() > 1:
                raise LockdownError("other threads already run and would escape Landlock")
            abi = install_landlock(spec["landlock"])
            done.append(f"landlock v{abi}")
        except (OSError, LockdownError) as exc:
            fail("landlock", exc)
    if spec.get("seccomp"):
        try:
            install_seccomp()
            done.append("seccomp")
        except (OSError, LockdownError) as exc:
            fail("seccomp", exc)
    text = ", ".join(done) if done else "nothing"
    if missing:
        text += "; not applied: " + ", ".join(missing)
    return text
