"""Printing a hidden kiosk screen prints the cover only, never the answers behind it.

"Hide my screen" covers the page, and the page behind is inert, but its answers are still in the
page; a keyboard's Ctrl+P (or a tablet set up to print) used to print them all. The page's print
rules now print nothing but the cover while the screen is hidden, both the browser's own instant
cover and the server's.
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from browser_helpers import ready
from test_kiosk_browser import ARTIFACTS, first_ready, kiosk_server  # noqa: F401  (fixture)

LINK = "/?hr=negative&her2=zero&site=liver&pdl1=positive&sex=female"
ANSWER_WORDS = ("Hormone receptors", "HER2", "What this means for you", "Liver", "Showing information for")


def pdf_text(page, name: str) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is missing (apt-get install poppler-utils)")
    path = ARTIFACTS / f"{name}.pdf"
    path.parent.mkdir(exist_ok=True)
    page.pdf(path=str(path), format="A4", print_background=True)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def results(make_page, base: str):
    page = make_page("tablet-landscape")
    page.goto(base + LINK)
    first_ready(page)
    expect(page.get_by_role("heading", name="What this means for you")).to_be_visible()
    return page


def test_printing_while_hidden_prints_the_cover_and_no_answer(kiosk_server, make_page):  # noqa: F811
    page = results(make_page, kiosk_server[0])
    shown = pdf_text(page, "kiosk-print-shown")
    assert "What this means for you" in shown  # the control: a shown screen prints its answers
    page.locator(".st-key-controls").get_by_role("button", name="Hide my screen").click()
    expect(page.locator(".st-key-hide_cover")).to_be_visible()
    expect(page.locator("#explainer-cover")).to_have_count(0)  # the server's cover has taken over
    ready(page)
    text = pdf_text(page, "kiosk-print-hidden")
    for words in ANSWER_WORDS:
        assert words not in text, f"the printout of a hidden screen holds {words!r}"
    assert "Your screen is hidden" in text


def test_printing_under_the_browsers_instant_cover_prints_no_answer(kiosk_server, make_page):  # noqa: F811
    """The moment between the tap and the server's cover: only the browser's own cover is up."""
    page = results(make_page, kiosk_server[0])
    page.evaluate("""() => { const c = document.createElement('div'); c.id = 'explainer-cover';
                            document.body.appendChild(c); }""")
    page.emulate_media(media="print")
    expect(page.locator("#explainer-cover")).to_have_count(1)
    expect(page.locator("#root")).to_be_hidden()  # in print, the app is not drawn at all under the cover
    text = pdf_text(page, "kiosk-print-instant-cover")
    for words in ANSWER_WORDS:
        assert words not in text, f"the printout under the instant cover holds {words!r}"
