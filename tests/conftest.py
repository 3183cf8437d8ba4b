"""Shared fixtures; Qt runs offscreen, and Qt tests are marked ``gui``."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before any QApplication exists: headless Qt, and settings kept out of the user's home.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The jieba dictionary cache and the fitted plan index go to a scratch folder, not the user's cache.
os.environ["PLANALIGN_CACHE"] = tempfile.mkdtemp(prefix="planalign-test-cache-")

DATA = Path(__file__).parent / "data"


def _quiet_jieba() -> None:
    """As main.py does. jieba's console handler holds the sys.stderr of the moment it is
    imported: imported first inside a test that captures stderr, it later writes to that closed
    capture ("Logging error"), into another test's captured stderr."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)


_quiet_jieba()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in item.path.as_posix():
            item.add_marker(pytest.mark.gui)


@pytest.fixture(scope="session")
def plan():
    from alignment import load_plan

    return load_plan()


@pytest.fixture(scope="session")
def rules():
    from alignment import load_rules

    return load_rules()


@pytest.fixture
def data_dir() -> Path:
    return DATA
