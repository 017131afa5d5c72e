"""The running app past a pending drug's decision day, its clock moved with ``faketime``.

A kiosk and a home server both keep answering every profile after the day; a home server
started just before midnight changes the drug's sentence at midnight without a restart.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import ready
from knowledge import load_knowledge
from knowledge.approvals import date_words
from tests.servers import streamlit_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
KB = load_knowledge()
PENDING = sorted((d.expected_decision, d.id) for d in KB.drugs.values()
                 if d.status == "pending" and d.expected_decision is not None)
LINK = "?sex=female&hr=positive&her2=zero&site=bone&menopause=post&esr1=positive"
UNAVAILABLE = "temporarily unavailable"


def _faketime(start: str) -> list[str]:
    """Run a server with its clock starting at ``start`` and then running on."""
    path = shutil.which("faketime")
    if not path:
        message = "faketime not found; install it (apt-get install faketime)"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return [path, "-f", f"@{start}"]


def _open(make_page, base: str, path: str) -> Page:
    page = make_page("tablet-portrait", touch=True)
    page.goto(base + path)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(
        timeout=30_000)
    ready(page)
    return page


pytestmark = pytest.mark.skipif(not PENDING, reason="no pending drug with a decision day in the registry")


def test_a_kiosk_past_the_decision_day_still_answers_every_reader(make_page):
    day, drug = PENDING[0]
    after = (day + dt.timedelta(days=1)).isoformat()
    env = {"EXPLAINER_MODE": "kiosk", "PYTHONUNBUFFERED": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "decision-day-kiosk.log"
    with streamlit_server("serve.py", env=env, log_path=log, prefix=_faketime(f"{after} 10:00:00")) as server:
        page = _open(make_page, server.url, "/" + LINK)
        expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
        assert UNAVAILABLE not in page.locator("[data-testid='stMain']").inner_text()
        about = _open(make_page, server.url, "/about")
        expect(about.get_by_text(f"the FDA was due to decide by {date_words(KB, day)}", exact=False)).to_be_visible()
    assert drug in log.read_text()  # the operator hears of it in the log


def test_a_running_home_server_changes_the_sentence_at_midnight_without_a_restart(make_page):
    day, _ = PENDING[0]
    env = {"PYTHONUNBUFFERED": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    started = time.monotonic()
    with streamlit_server("serve.py", env=env, prefix=_faketime(f"{day.isoformat()} 23:59:40")) as server:
        page = _open(make_page, server.url, "/about")
        expected = page.get_by_text(f"The FDA expects to decide by {date_words(KB, day)}", exact=False)
        if time.monotonic() - started < 18:  # still the decision day on the server (a slow start skips this half)
            print(f"before midnight at {time.monotonic() - started:.1f} s")
            expect(expected).to_be_visible()
        time.sleep(max(0.0, 22 - (time.monotonic() - started)))  # past midnight on the server's clock
        page.reload()
        ready(page)
        expect(page.get_by_text(f"the FDA was due to decide by {date_words(KB, day)}", exact=False)).to_be_visible()
        results = _open(make_page, server.url, "/" + LINK)
        expect(results.get_by_role("heading", name="What this means for you")).to_be_visible()
