"""Home use is served by serve.py too (`make run`): the same headers and content security policy
as the kiosk, and the app works with the policy enforced (no bypass, unlike the other tests)."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from test_kiosk_browser import first_ready
from tests.servers import streamlit_server

ROOT = Path(__file__).resolve().parents[2]


def test_make_run_serves_home_use_through_serve_py():
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M).group(1)
    assert "streamlit run serve.py" in recipe and "kiosk" not in recipe


def test_home_use_works_with_the_policy_enforced(browser):
    with streamlit_server("serve.py", env={"EXPLAINER_MODE": ""}) as server:
        context = browser.new_context(viewport={"width": 1024, "height": 768}, locale="en-US")
        try:
            page = context.new_page()
            page.set_default_timeout(30_000)
            refused: list[str] = []
            page.on("console", lambda msg: "Content Security Policy" in msg.text and refused.append(msg.text))
            response = page.goto(server.url + "/?hr=positive&her2=low&site=bone&sex=female")
            assert "default-src 'self'" in response.headers["content-security-policy"]
            first_ready(page)
            expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
            expect(page.locator(".st-key-print_action a").first).to_be_visible()  # home keeps the printout
            assert page.evaluate("() => document.documentElement.lang") == "en"  # the inline script ran
            assert not refused, refused
        finally:
            context.close()
