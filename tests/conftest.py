"""Shared fixtures: the packaged rule set (loaded once) and a fixed test rule set."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from knowledge import KnowledgeBase, load_knowledge

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_CONTENT = Path(__file__).parent / "fixtures" / "content"
# Lanes. Every test in tests/browser/ drives Chromium; these modules start servers and push load or
# many hostile inputs through them. `make fast` leaves both out (docs/testing.md).
LOAD_MODULES = {"test_benchmarks_smoke.py", "test_benchmarks_load_smoke.py", "test_kiosk_load.py",
                "test_kiosk_fuzz.py", "test_server_crowd.py", "test_server_quiet_log.py", "test_ci_audit.py"}


def pytest_collection_modifyitems(config, items) -> None:
    for item in items:
        path = Path(str(item.path))
        if path.parent.name == "browser":
            item.add_marker(pytest.mark.browser)
        elif path.name in LOAD_MODULES:
            item.add_marker(pytest.mark.load)
        else:
            continue
        # A real browser or a loaded server on a busy two-core machine: up to two reruns, each
        # reported in the summary ("R" and "rerun"), so a flaky test is seen, not hidden.
        item.add_marker(pytest.mark.flaky(reruns=2))


# The fixture rule set was reviewed on this date; loading it "today" keeps its review window open.
FIXTURE_TODAY = dt.date(2026, 11, 21)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """The packaged rule set, as the app and the command line load it."""
    return load_knowledge()


@pytest.fixture(scope="session")
def kb_en() -> KnowledgeBase:
    return load_knowledge()


@pytest.fixture(scope="session")
def kb_es() -> KnowledgeBase:
    """The packaged rule set in Spanish."""
    return load_knowledge(lang="es")


@pytest.fixture(scope="session")
def fixture_kb() -> KnowledgeBase:
    return load_knowledge(FIXTURE_CONTENT, today=FIXTURE_TODAY)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture rule set, for breaking on purpose."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE_CONTENT, target)
    return target
