#!/usr/bin/env bash
# Set up dlgrade in ./.venv. With --test, also what the project's own tests need
# (pytest, and torch to check the references against PyTorch).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "${1:-}" = "--test" ]; then
    .venv/bin/python -m pip install --quiet -e '.[test]' 'torch==2.13.0'
else
    .venv/bin/python -m pip install --quiet -e .
fi
