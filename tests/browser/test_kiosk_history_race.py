"""On the kiosk, answers that came in a link are never read back from the tab's history.

The app forgets a link in its first run; a Back pressed before that run (a fraction of a second
after the link opened) used to leave the link's entry behind as a Forward entry, and Forward
reopened the answers. The kiosk page now marks the entry before anything is drawn, and a marked
entry loses its query before the app can read it. Back and Forward after the idle reset,
Start over and Hide my screen show nothing either, and a reset leaves nothing to go Forward to.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import link_cleared, ready
from test_kiosk_browser import first_ready, kiosk_server  # noqa: F401  (fixture)

LINK = "/?hr=negative&her2=zero&site=liver&pdl1=positive&sex=female"
RESULTS_HEADING = "What this means for you"
ANSWER_WORDS = ("Hormone receptors: negative", "HER2: zero", "Liver", "PD-L1", RESULTS_HEADING)


def shows_no_answers(page: Page, where: str) -> None:
    page.wait_for_timeout(1_500)  # a run the entry might have started
    first_ready(page)
    text = page.evaluate("() => document.body.innerText")
    for words in ANSWER_WORDS:
        assert words not in text, f"{where}: {words!r} is on the page; address {page.url}"
    assert "hr=" not in page.url, f"{where}: the address holds answers: {page.url}"


def start_page(make_page, base: str) -> Page:
    page = make_page("tablet-landscape")
    page.goto(base + "/")  # the tab had a page before the link, as a real one does
    first_ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()
    return page


def open_link(make_page, base: str) -> Page:
    page = start_page(make_page, base)
    page.goto(base + LINK)
    first_ready(page)
    expect(page.get_by_role("heading", name=RESULTS_HEADING)).to_be_visible()
    link_cleared(page)
    return page


def back_and_forward(page: Page, what: str) -> None:
    page.go_back()
    shows_no_answers(page, f"Back after {what}")
    page.go_forward()
    shows_no_answers(page, f"Forward after {what}")


@pytest.mark.parametrize("delay_ms", [200, 50])
def test_back_right_after_a_link_opens_then_forward_shows_no_answers(kiosk_server, make_page, delay_ms):  # noqa: F811
    base = kiosk_server[0]
    page = start_page(make_page, base)
    page.goto(base + LINK, wait_until="commit")
    page.wait_for_timeout(delay_ms)
    page.go_back()
    shows_no_answers(page, f"Back {delay_ms} ms after the link opened")
    page.go_forward()
    shows_no_answers(page, "Forward into the link's entry")
    page.reload()
    shows_no_answers(page, "a reload of the link's entry")


def test_the_link_is_still_read_once(kiosk_server, make_page):  # noqa: F811
    """What the kiosk promises staff who show how the QR code works: the link opens its results, once."""
    page = open_link(make_page, kiosk_server[0])
    assert "Hormone receptors: negative" in page.evaluate("() => document.body.innerText")
    page.reload()
    shows_no_answers(page, "a reload after the link was read")


def start_over(page: Page) -> None:
    page.get_by_role("button", name="Start over", exact=True).last.click()
    page.get_by_role("dialog").get_by_role("button", name="Clear my answers", exact=True).click()
    ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()


def test_back_and_forward_after_start_over_show_no_answers(kiosk_server, make_page):  # noqa: F811
    page = open_link(make_page, kiosk_server[0])
    start_over(page)
    page.go_forward()  # nothing ahead to go to: the reset left no Forward entry with answers
    shows_no_answers(page, "Forward right after Start over")
    back_and_forward(page, "Start over")


def test_back_and_forward_after_hide_my_screen_show_no_answers(kiosk_server, make_page):  # noqa: F811
    page = open_link(make_page, kiosk_server[0])
    page.locator(".st-key-controls").get_by_role("button", name="Hide my screen").click()
    expect(page.locator(".st-key-hide_cover")).to_be_visible()
    back_and_forward(page, "Hide my screen")


def test_back_and_forward_after_the_idle_reset_show_no_answers(kiosk_server, make_page):  # noqa: F811
    page = open_link(make_page, kiosk_server[0])
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=70_000)  # the 45 s reset
    ready(page)
    shows_no_answers(page, "the idle reset")
    page.go_forward()
    shows_no_answers(page, "Forward right after the idle reset")
    back_and_forward(page, "the idle reset")
