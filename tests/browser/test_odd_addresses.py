"""Addresses the app never makes: a query Streamlit drops whole, paths of several parts, pages that do not exist."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import link_cleared
from test_kiosk_browser import first_ready, kiosk_server  # noqa: F401  (fixture)

NOTE = "Some parts of the link could not be read"


def test_a_link_with_too_many_parts_gets_the_gentle_note_and_leaves_the_address_bar(kiosk_server, make_page):  # noqa: F811
    base = kiosk_server[0]
    page = make_page("tablet-landscape")
    page.goto(base + "/?" + "&".join(f"x{i}=1" for i in range(1_001)) + "&hr=positive")
    first_ready(page)
    expect(page.get_by_text(NOTE, exact=False)).to_be_visible()
    link_cleared(page)
    page.get_by_role("button", name="Start", exact=True).click()
    first_ready(page)
    page.wait_for_timeout(2_500)  # a few reruns of the kiosk watcher
    assert "?" not in page.url, page.url[:200]  # nothing put it back
    # No history entry holds the old address: step back through every one this app wrote
    # (the question steps are entries too) down to the blank page the browser opened with.
    for _ in range(page.evaluate("() => history.length") - 1):
        page.evaluate("() => history.back()")
        page.wait_for_timeout(400)
        assert "?" not in page.url, page.url[:200]
    assert page.url == "about:blank"  # every entry was looked at


# Several parts, an unknown page, or a teaching page (teaching is not part of a kiosk).
@pytest.mark.parametrize("path", ["/.git/config", "/a/b", "/knowledge/content/meta.yaml", "/nothing-here",
                                  "/subtypes"])
def test_an_address_that_is_no_page_shows_the_start_screen(kiosk_server, make_page, path):  # noqa: F811
    page = make_page("tablet-landscape")
    page.goto(kiosk_server[0] + path)
    first_ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)  # no "Page not found" box in developer's English
    assert page.url.rstrip("/") == kiosk_server[0]
