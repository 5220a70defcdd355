#!/usr/bin/env bash
# Set up dlgrade in ./.venv. With --test, also what the project's own tests need
# (pytest, and torch to check the references against PyTorch).
# The full sandbox needs bubblewrap: installed here when running as root on Debian/Ubuntu;
# otherwise `dlgrade doctor` says what is missing and how to install it.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v bwrap >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        apt-get update -qq && apt-get install -y -qq bubblewrap >/dev/null
    else
        echo "note: bubblewrap is not installed; workers will be less isolated (see: dlgrade doctor)" >&2
    fi
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install --quiet -e '.[test]' 'torch==2.13.0'
else
    .venv/bin/python -m pip install --quiet -e .
fi
