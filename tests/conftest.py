"""Shared fixtures: paths of the repository and a grading helper."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = ROOT / "tests" / "submissions"


@pytest.fixture(scope="session")
def root():
    return ROOT
