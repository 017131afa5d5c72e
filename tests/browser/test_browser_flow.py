"""End to end in a real, offline Chromium: the full flow, at three sizes, by touch and by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import (
    assert_accessible, choose, link_cleared, open_card, open_settings, ready, shot, tap, tap_places,
)
from conftest import SIZES


def open_app(make_page, base: str, size: str = "tablet-landscape", query: str = "") -> Page:
    page = make_page(size)
    page.goto(base + "/" + query)
    ready(page)
    return page


@pytest.mark.parametrize("size", list(SIZES))
def test_touch_flow_at_every_size_is_accessible(app_server, make_page, size):
    base, _ = app_server
    page = open_app(make_page, base, size)
    expect(page.get_by_role("heading", level=1)).to_contain_text("breast cancer that has spread")
    assert_accessible(page, f"start ({size})")
    shot(page, f"{size}-1-start")

    tap(page, "Start")

    choose(page, "A woman")

    tap(page, "Next")
    choose(page, "Positive")
    assert_accessible(page, f"hormone receptor step ({size})")
    shot(page, f"{size}-2-hr")

    tap(page, "Next")
    choose(page, "Low")
    page.get_by_text("I'm not sure: where to find this").click()
    assert_accessible(page, f"HER2 step ({size})")
    shot(page, f"{size}-3-her2")

    tap(page, "Next")
    tap_places(page, ("Bones", "Liver", "Brain"))
    expect(page.get_by_role("img", name="Body picture. Places chosen: bones, brain, liver.")).to_be_visible()
    assert_accessible(page, f"sites step ({size})")
    shot(page, f"{size}-4-sites")

    tap(page, "Next")
    expect(page.get_by_role("heading", name="More details from my report")).to_be_visible()
    choose(page, "Yes")
    assert_accessible(page, f"more details step ({size})")
    shot(page, f"{size}-5-more")

    tap(page, "Show my results")
    expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
    expect(page.get_by_text("This is general education, not medical advice").first).to_be_visible()
    expect(page.get_by_text("Where it has spread: bones, brain, liver.").first).to_be_visible()
    for place in ("Bones", "Liver", "Brain"):  # every sign says the place it belongs to
        expect(page.locator(".st-key-warning_signs").get_by_text(f"{place}:", exact=True).first).to_be_visible()
    open_card(page)
    page.get_by_text("Details and sources").first.click()
    ready(page)
    expect(page.get_by_text("Sources", exact=True).first).to_be_visible()
    assert_accessible(page, f"results with three sites ({size})")
    shot(page, f"{size}-6-results")

    page.get_by_role("button", name="Start over", exact=True).last.click()
    page.get_by_role("dialog").get_by_role("button", name="Clear my answers", exact=True).click()
    ready(page)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible()


def _focused(page: Page) -> tuple[str, str]:
    return page.evaluate("""() => { const e = document.activeElement; if (!e) return ['', ''];
        const label = e.labels && e.labels[0] ? e.labels[0].innerText : '';
        return [e.tagName, (e.getAttribute('aria-label') || label || e.innerText || '').trim()]; }""")


def tab_to(page: Page, wanted: str, tag: str = "BUTTON", limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused_tag, name = _focused(page)
        if focused_tag == tag and wanted in name:
            return
    raise AssertionError(f"keyboard focus never reached {wanted!r}")


def test_keyboard_alone_completes_the_flow(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base)
    tab_to(page, "Start")
    page.keyboard.press("Enter")
    ready(page)
    tab_to(page, "A woman", tag="INPUT")  # no answer is chosen: Tab reaches the first one, Space picks it
    page.keyboard.press("Space")
    ready(page)
    expect(page.get_by_role("radio", name="A woman", exact=True)).to_be_checked()
    tab_to(page, "Next")
    page.keyboard.press("Enter")
    ready(page)
    tab_to(page, "Positive", tag="INPUT")  # nothing is chosen for her: Tab reaches the first answer
    page.keyboard.press("ArrowDown")  # "Low"
    page.keyboard.press("ArrowDown")  # "Negative"
    ready(page)
    expect(page.get_by_role("radio", name="Negative", exact=True)).to_be_checked()
    tab_to(page, "Next")
    page.keyboard.press("Enter")
    ready(page)
    tab_to(page, "Positive", tag="INPUT")
    for _ in range(3):  # "Low", "Ultralow", "Zero"
        page.keyboard.press("ArrowDown")
    ready(page)
    expect(page.get_by_role("radio", name="Zero", exact=True)).to_be_checked()
    tab_to(page, "Next")
    page.keyboard.press("Enter")
    ready(page)
    tab_to(page, "Bones")  # the places form one toolbar: Tab enters it, arrow keys move inside
    for _ in range(6):
        if "Lungs" in _focused(page)[1]:
            break
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Space")
    ready(page)
    expect(page.get_by_role("button", name="Lungs", exact=True)).to_have_attribute("aria-pressed", "true")
    tab_to(page, "Next")
    page.keyboard.press("Enter")
    ready(page)
    tab_to(page, "Show my results")
    page.keyboard.press("Enter")
    ready(page)
    expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
    expect(page.locator(".st-key-warning_signs").get_by_text("Lungs:", exact=True).first).to_be_visible()


def test_glossary_is_accessible(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base)
    page.get_by_role("link", name="Words explained").click()
    ready(page)
    expect(page.get_by_role("heading", name="Words explained", level=1)).to_be_visible()
    assert_accessible(page, "glossary")
    shot(page, "tablet-landscape-7-glossary")
    page.get_by_role("link", name="About").click()
    ready(page)
    expect(page.get_by_role("heading", name="About this explainer")).to_be_visible()
    assert_accessible(page, "about")
    shot(page, "tablet-landscape-8-about")


def test_shared_link_reopens_results_and_bad_parts_are_noted(app_server, make_page):
    base, log_path = app_server
    page = open_app(make_page, base, "phone",
                    "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female&esr1=positive"
                    "&her2=zzz&site=<img src=x onerror=alert(1)>")
    expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
    expect(page.get_by_text("could not be read")).to_be_visible()
    link_cleared(page, "hr=")  # the answers do not stay in the address bar
    expect(page.locator("img[src='x']")).to_have_count(0)
    shot(page, "phone-9-shared-link")
    log = log_path.read_text()
    for answer in ("hr=positive", "esr1", "onerror"):
        assert answer not in log, f"server log holds an answer: {answer}"


def test_text_size_control_enlarges_the_text(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base, "tablet-portrait")
    paragraph = page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer'] p").first
    expect(paragraph).to_have_css("font-size", "20px")
    open_settings(page)
    choose(page, "Largest")
    expect(paragraph).to_have_css("font-size", "28px")
    shot(page, "tablet-portrait-text-largest")
