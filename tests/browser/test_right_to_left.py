"""Right to left, before any right-to-left translation exists: with the pseudo-locale on
(``EXPLAINER_PSEUDO_RTL=1``) every screen and the printout are laid out right to left, short
lines sit against the right edge, and nothing overlaps, on a phone and a tablet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SHOTS, open_card, shot
from test_languages_browser import no_overlap, walk_to_results, words
from test_no_overlap import go_to_page
from tests.servers import streamlit_server

# Where a short line's text sits in its block: a mirrored page puts it against the right edge.
SIDE = """(e) => {
  e = e.closest('h1, h2, h3, h4, p, li') || e;  // the block the line sits in
  const range = document.createRange(); range.selectNodeContents(e);
  const text = range.getBoundingClientRect(), box = e.getBoundingClientRect();
  return {dir: getComputedStyle(e).direction, fromRight: box.right - text.right, fromLeft: text.left - box.left};
}"""


@pytest.fixture(scope="module")
def rtl_url():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server("serve.py", env={"EXPLAINER_PSEUDO_RTL": "1", "EXPLAINER_MODE": ""}) as server:
        yield server.url


def mirrored(page: Page, text: str, where: str) -> None:
    side = page.get_by_text(text, exact=True).first.evaluate(SIDE)
    assert side["dir"] == "rtl", f"{where}: {side}"
    assert side["fromRight"] < 4 < side["fromLeft"], f"{where}: '{text}' does not sit against the right edge: {side}"


@pytest.mark.parametrize("size", ["phone", "tablet-portrait"])
def test_every_screen_mirrors_right_to_left_without_overlap(size, rtl_url, make_page):
    w = words("en")  # a pseudo-locale keeps the words of its language: English here
    page = make_page(size, touch=True)
    page.goto(rtl_url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    no_overlap(page, f"start ({size})")
    walk_to_results(page, w, f"rtl {size}", audit=False)
    mirrored(page, w["results"], f"results ({size})")
    no_overlap(page, f"results ({size})")
    open_card(page, "any")
    no_overlap(page, f"results with a card open ({size})")
    shot(page, f"rtl-{size}-results")
    for name, path in (("glossary", "glossary"), ("about", "about")):
        go_to_page(page, w, name, path, size == "phone")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        no_overlap(page, f"{name} ({size})")


def test_the_printout_mirrors_right_to_left(make_page, monkeypatch):
    from printouts import USUAL, printout

    from knowledge import load_knowledge

    monkeypatch.setenv("EXPLAINER_PSEUDO_RTL", "1")
    html, _, _ = printout(load_knowledge(), USUAL["hr-positive-her2-low-bone-liver"])
    assert '<html lang="en" dir="rtl">' in html
    page = make_page("tablet-portrait")
    page.set_content(html)
    page.emulate_media(media="print")
    side = page.locator("h2").first.evaluate(SIDE)
    assert side["dir"] == "rtl" and side["fromRight"] < 4 < side["fromLeft"], side
    # The lists' bars and indents move to the right side too.
    ul = page.locator(".signs .emergency ul").first.evaluate(
        "(e) => [getComputedStyle(e).borderRightWidth, getComputedStyle(e).borderLeftWidth]")
    assert ul == ["6px", "0px"], ul
