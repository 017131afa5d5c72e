"""Browser Back after Start over or the kiosk reset must never bring back answers that came in a link.

A link is read once; its address is then replaced in the tab's history (not pushed over),
so the entry that carried the answers no longer exists for Back to return to.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import link_cleared, ready
from test_kiosk_browser import KIOSK_ENV, first_ready, kiosk_server  # noqa: F401  (fixture)

LINK = "/?hr=negative&her2=zero&site=liver&pdl1=positive&sex=female"
RESULTS_HEADING = "What this means for you"
ANSWER_WORDS = ("Hormone receptors: negative", "HER2: zero", "liver", RESULTS_HEADING)


def open_link(make_page, base: str) -> Page:
    page = make_page("tablet-landscape")
    page.goto(base + "/")  # the tab had a page before the link, as a real one does
    first_ready(page)
    page.goto(base + LINK)
    first_ready(page)
    expect(page.get_by_role("heading", name=RESULTS_HEADING)).to_be_visible()
    link_cleared(page)
    return page


def go_back_and_check(page: Page) -> None:
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    page.go_back()
    page.wait_for_timeout(1_500)  # a rerun the old entry might start
    ready(page)
    text = page.evaluate("() => document.body.innerText")
    for words in ANSWER_WORDS:
        assert words not in text, f"Back brought back {words!r}; address {page.url}"
    assert "hr=" not in page.url


def start_over(page: Page) -> None:
    page.get_by_role("button", name="Start over", exact=True).last.click()
    page.get_by_role("button", name="Clear my answers", exact=True).click()  # Start over asks first
    ready(page)


@pytest.mark.parametrize("mode", ["home", "kiosk"])
def test_back_after_start_over_shows_no_answers_from_a_link(mode, app_server, kiosk_server, make_page):  # noqa: F811
    base = app_server[0] if mode == "home" else kiosk_server[0]
    page = open_link(make_page, base)
    start_over(page)
    go_back_and_check(page)


def test_back_after_the_kiosk_idle_reset_shows_no_answers_from_a_link(kiosk_server, make_page):  # noqa: F811
    page = open_link(make_page, kiosk_server[0])
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=70_000)  # the 45 s reset
    ready(page)
    go_back_and_check(page)
