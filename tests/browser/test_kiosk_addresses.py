"""In Chromium: very long links leave the address bar and the tab's history; Streamlit's inner addresses
opened as pages show the start screen, never a blank page or a "Page not found" box."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from test_kiosk_browser import first_ready, kiosk_server  # noqa: F401  (fixture)

NOTE = "Some parts of the link could not be read"


@pytest.mark.parametrize("size", [100_000, 600_000])
def test_a_very_long_link_gets_the_note_and_leaves_no_answer_in_the_address_or_history(
        kiosk_server, make_page, size):  # noqa: F811
    base = kiosk_server[0]
    page = make_page("tablet-landscape")
    urls: list[str] = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and urls.append(frame.url[:300]))
    page.goto(base + "/?hr=positive&her2=low&sex=female&z=" + "x" * size)
    first_ready(page)
    expect(page.get_by_text(NOTE, exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="What this means for you")).to_have_count(0)
    expect(page).to_have_url(base + "/", timeout=10_000)
    text = page.evaluate("() => document.body.innerText")
    assert "Invalid HTTP request" not in text and "Bad Request" not in text
    # Every entry of the tab's history, down to the blank page it opened with: none holds the link.
    for _ in range(page.evaluate("() => history.length") - 1):
        page.evaluate("() => history.back()")
        page.wait_for_timeout(400)
        assert "hr=" not in page.url and "xxxx" not in page.url, page.url[:200]
    assert page.url == "about:blank"


@pytest.mark.parametrize("path", ["/_stcore/stream", "/_stcore/upload_file", "/media/", "/media/%00",
                                  "/media/..%2fserve.py", "/index.html", "/_stcore/host-config/.."])
def test_an_inner_address_opened_as_a_page_shows_the_start_screen(kiosk_server, make_page, path):  # noqa: F811
    base = kiosk_server[0]
    page = make_page("tablet-landscape")
    page.goto(base + path)
    first_ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)  # no "Page not found" box
    assert page.url.rstrip("/") == base
