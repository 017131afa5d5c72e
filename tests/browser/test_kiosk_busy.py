"""In Chromium: a full server shows a calm busy page, which opens the app by itself once a place is free."""

from __future__ import annotations

from playwright.sync_api import expect

from test_kiosk_browser import KIOSK_ENV, first_ready
from tests.servers import streamlit_server


def test_a_full_server_shows_the_busy_page_then_the_app_when_a_place_frees(make_page):
    with streamlit_server("serve.py", env={**KIOSK_ENV, "EXPLAINER_MAX_SESSIONS": "1"}) as server:
        first = make_page("tablet-landscape")
        first.goto(server.url + "/")
        first_ready(first)  # holds the only place
        second = make_page("tablet-portrait")
        response = second.goto(server.url + "/")
        assert response.status == 503
        expect(second.get_by_role("heading", name="Many people are using this right now")).to_be_visible()
        expect(second.get_by_text("Please try again in a moment. This page will try again by itself.")).to_be_visible()
        assert "Traceback" not in second.content()
        first.context.close()  # the first tablet's tab goes; its place is free at once
        # The busy page tries again by itself (every 10 seconds) and gets the app.
        expect(second.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=40_000)
        first_ready(second)
