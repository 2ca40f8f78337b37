"""Shared fixtures: one pipeline per test session, and the shared evaluation data when present."""

from pathlib import Path

import pytest

import claimx

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    return claimx.load()


def shared_file(relative: str) -> Path:
    """A file under ../shared/, or skip the test with a message saying what is missing."""
    path = SHARED / relative
    if not path.is_file():
        pytest.skip(f"{path} is absent: this test needs the shared evaluation data beside the project")
    return path
