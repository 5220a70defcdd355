#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image. It installs
# bubblewrap (the sandbox; best effort), a Python 3.11 or newer if there is none, and
# dlgrade, from the wheel in dist/ beside this script, into its own virtual environment.
# Only the package registries are needed (apt and PyPI, for numpy and hypothesis).
#
# Settings, for running it elsewhere (the tests recreate Gradescope's layout in a folder):
#   AUTOGRADER_ROOT       Gradescope's folder (default /autograder)
#   DLGRADE_VENV          the virtual environment (default $AUTOGRADER_ROOT/dlgrade-venv)
#   DLGRADE_PYTHON        the Python to use (default: the newest python3.X >= 3.11 found)
#   DLGRADE_VENV_OPTIONS  options of `python -m venv`, e.g. --system-site-packages
#   DLGRADE_SKIP_APT=1    install no system packages
# and pip's own variables (PIP_INDEX_URL, PIP_NO_INDEX, ...).
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
HERE="$(cd "$(dirname "$0")" && pwd)"
VENV="${DLGRADE_VENV:-$ROOT/dlgrade-venv}"

apt_install() {
    [ "${DLGRADE_SKIP_APT:-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
        || return 1
    if [ -z "${APT_UPDATED:-}" ]; then
        apt-get update -qq || return 1
        APT_UPDATED=1
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

find_python() {
    local p
    for p in ${DLGRADE_PYTHON:-} python3.13 python3.12 python3.11 python3; do
        if command -v "$p" >/dev/null 2>&1 \
            && "$p" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$p"
            return 0
        fi
    done
    return 1
}

if ! command -v bwrap >/dev/null 2>&1; then
    apt_install bubblewrap \
        || echo "setup.sh: note: bubblewrap not installed; dlgrade confines the workers with what remains (rlimits, Landlock, seccomp)" >&2
fi
PYTHON="$(find_python)" \
    || { apt_install python3-venv && PYTHON="$(find_python)"; } \
    || { apt_install python3.11 python3.11-venv && PYTHON="$(find_python)"; } \
    || { echo "setup.sh: error: dlgrade needs Python 3.11 or newer with venv; none found or installable" >&2; exit 1; }
# shellcheck disable=SC2086 # DLGRADE_VENV_OPTIONS holds options, split on purpose
"$PYTHON" -m venv ${DLGRADE_VENV_OPTIONS:-} "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$HERE"/dist/dlgrade-*.whl
"$VENV/bin/dlgrade" --version
