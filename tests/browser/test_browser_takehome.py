"""The take-home page in a real, offline Chromium.

* It opens as a page served by the app itself (from memory) with a Print button that works under
  the hardened server's content security policy; the print action and QR code come after the
  first screen and the questions that go on the page, before the treatments.
* Printed to PDF on A4 and US Letter: one page at the Normal text size for the usual profiles in
  English and Spanish (also as someone who cares for the person reads it, every sign in its carer
  form: in Spanish its two busiest profiles run onto a second Letter sheet), never a font under
  12 pt (14 and 16 pt at Larger and Largest, which may take two pages and say so); every chosen
  question and every warning sign exactly once; no English on the Spanish page.
* Ticked, added and own questions and "what matters" choices appear; none of them reaches the
  server log, an address or browser storage.
* On a kiosk with printing turned on, the browser's print prints the page from a hidden frame.
* The results page itself prints without controls, with the cards she opened open.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_helpers import SETTLED, open_card, pick_setting, ready
from printouts import USUAL, printout
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect
from test_browser_spanish import stray_english

from components.shared.text import t
from components.take_home import printable
from knowledge import Profile, explain, load_knowledge, tier_headings
from tests.servers import streamlit_server

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
FORMATS = ("A4", "Letter")
MARIA = "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female"
OWN = "Can I still visit my grandson in June?"
MIN_FONT = """() => { let min = 1e9; const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) { const n = w.currentNode; if (!n.textContent.trim()) continue; const e = n.parentElement;
    const s = getComputedStyle(e); if (e.closest('.no-print, style, script') || s.display === 'none') continue;
    min = Math.min(min, parseFloat(s.fontSize)); }
  return Math.round(min * 75) / 100; }"""  # CSS px to pt, to a hundredth
STUB_PRINT = "window.print = () => { (window.top.__printed = window.top.__printed || []).push(document.body.innerText); };"


def pdf_facts(page: Page, fmt: str, name: str) -> tuple[int, str]:
    """(pages, printed text with spaces collapsed) of the page printed to PDF as paper of this size."""
    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        message = "poppler-utils (pdfinfo, pdftotext) not found; install it with apt-get install poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    path = ARTIFACTS / f"{name}-{fmt}.pdf"
    path.parent.mkdir(exist_ok=True)
    page.pdf(path=str(path), format=fmt)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return pages, " ".join(text.split())


def signs_in_short(explanation, reader: str = "self") -> list[str]:
    return [printable.first_sentence(s) for _, lines in explanation.urgent_signs(reader) for s in lines]


@pytest.fixture(scope="module")
def kbs():
    return {lang: load_knowledge(lang=lang) for lang in ("en", "es", "zh-Hans", "vi")}


@pytest.mark.parametrize("lang", ["en", "es", "zh-Hans", "vi"])
@pytest.mark.parametrize("name", list(USUAL))
def test_the_usual_profiles_print_on_one_page_at_12_pt(kbs, make_page, lang, name):
    kb = kbs[lang]
    html, explanation, visit = printout(kb, USUAL[name])
    page = make_page("tablet-portrait")
    page.set_content(html)
    page.emulate_media(media="print")
    assert page.evaluate(MIN_FONT) >= 12
    # What prints, read in the page's own order (a PDF's text of two columns side by side interleaves them).
    text = " ".join(page.inner_text("body").replace(page.inner_text(".no-print"), "").split())
    for question in visit.questions:
        assert text.count(" ".join(question.split())) == 1, question
    for sign in set(signs_in_short(explanation)):
        assert text.count(sign) == 1, f"{sign!r} should be printed once"
    for heading in tier_headings(kb).values():
        assert text.count(heading) == 1, heading
    assert t("results.notice_short", lang) in text
    for fmt in FORMATS:
        pages, _ = pdf_facts(page, fmt, f"takehome-{lang}-{name}")
        # Vietnamese runs about a fifth longer than English: its last question may reach a second sheet.
        assert pages <= (2 if lang == "vi" else 1), f"{lang} {name} on {fmt}: {pages} pages"
    if lang == "es":
        page.emulate_media(media="screen")
        assert not stray_english(page), stray_english(page)


# Read by someone who cares for the person, the Spanish signs say who they are about ("La persona…")
# and run longer: the two busiest usual profiles then take a few lines of a second US Letter sheet.
CARER_LETTER_TWO = {("es", "hr-positive-her2-low-bone-liver"), ("es", "triple-negative-brain-bone-lung")}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", list(USUAL))
def test_a_carers_printout_has_every_sign_as_a_family_member_sees_it(kbs, make_page, lang, name):
    kb = kbs[lang]
    html, explanation, visit = printout(kb, USUAL[name], reader="caregiver")
    page = make_page("tablet-portrait")
    page.set_content(html)
    page.emulate_media(media="print")
    assert page.evaluate(MIN_FONT) >= 12
    text = " ".join(page.inner_text("body").replace(page.inner_text(".no-print"), "").split())
    for sign in set(signs_in_short(explanation, "caregiver")):
        assert text.count(sign) == 1, f"{sign!r} should be printed once"
    assert not set(signs_in_short(explanation)) & set(text.split(". ")), "no sign as the person would read it"
    assert all(f"{h.name}: {h.phone}" in text for h in kb.support.carer.helplines)
    assert t("results.notice_short", lang, "caregiver") in text
    for fmt in FORMATS:
        pages, _ = pdf_facts(page, fmt, f"takehome-carer-{lang}-{name}")
        most = 2 if (lang, name) in CARER_LETTER_TWO and fmt == "Letter" else 1
        assert pages <= most, f"a carer's {lang} {name} on {fmt}: {pages} pages"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", ["large", "largest"])
def test_larger_text_prints_larger_on_at_most_two_pages_and_says_so(kbs, make_page, lang, size):
    kb = kbs[lang]
    for name in ("hr-positive-her2-low-bone-liver", "triple-negative-brain-bone-lung"):
        html, _, _ = printout(kb, USUAL[name], size)
        page = make_page("tablet-portrait")
        page.set_content(html)
        page.emulate_media(media="print")
        assert page.evaluate(MIN_FONT) >= printable.PRINT_PT[size]
        assert t("takehome.print_larger", lang) in page.inner_text("body")
        for fmt in FORMATS:
            pages, _ = pdf_facts(page, fmt, f"takehome-{lang}-{size}-{name}")
            assert pages <= 2, f"{lang} {name} at {size} on {fmt}: {pages} pages"


@pytest.fixture(scope="module")
def hardened_server():
    """The hardened server (serve.py, with its content security policy), with its own log."""
    log = ARTIFACTS / "takehome-server.log"
    ARTIFACTS.mkdir(exist_ok=True)
    with streamlit_server("serve.py", env={"PYTHONUNBUFFERED": "1"}, log_path=log) as server:
        yield server.url, log


def strict_page(browser, outside_requests) -> tuple[object, Page]:
    """A page that keeps the server's content security policy (the shared pages bypass it)."""
    context = browser.new_context(viewport={"width": 768, "height": 1024}, locale="en-US")
    context.add_init_script(STUB_PRINT)
    context.on("request", lambda r: not r.url.startswith(("http://127.0.0.1", "http://localhost", "data:", "blob:",
                                                         "about:")) and outside_requests.append(r.url))
    return context, context.new_page()


def open_results(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=60_000)
    ready(page)


def test_the_page_opens_from_the_app_with_a_print_button_and_keeps_what_was_typed_private(
        hardened_server, browser, outside_requests):
    base, log = hardened_server
    context, page = strict_page(browser, outside_requests)
    try:
        open_results(page, base + "/" + MARIA)
        kb = load_knowledge()
        questions = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post"),
                            kb).questions
        # The print action and the QR code come right after the first screen, before the treatments.
        help_box = page.locator(".st-key-help_first").bounding_box()
        takehome = page.locator(".st-key-takehome").bounding_box()
        treatments = page.get_by_role("heading", name="Kinds of treatment", exact=True).bounding_box()
        assert help_box["y"] + help_box["height"] <= takehome["y"] < treatments["y"]
        expect(page.locator(".st-key-takehome").get_by_role("img", name=re.compile("QR code"))).to_be_visible()

        matter = next(m for m in kb.matters if m.id == "time_at_home")
        for folded in ("What matters most to me right now", "More questions"):  # open the folded parts, as she does
            page.locator("summary").filter(has_text=folded).first.click()
            ready(page)
        pill = page.get_by_role("button", name=matter.label, exact=True)
        pill.scroll_into_view_if_needed()
        pill.click()
        expect(pill).to_have_attribute("aria-pressed", "true")
        ready(page)
        page.get_by_text(questions[0], exact=True).click()  # untick the first question
        expect(page.get_by_role("checkbox", name=questions[0])).not_to_be_checked()
        ready(page)
        page.get_by_text(questions[4], exact=True).click()  # tick a fifth
        expect(page.get_by_role("checkbox", name=questions[4])).to_be_checked()
        ready(page)
        link = page.get_by_role("link", name="Open my summary to print").first
        before = link.get_attribute("href")
        box = page.get_by_label("Add a question of your own (optional)")
        box.fill(OWN)
        box.press("Enter")
        expect(link).not_to_have_attribute("href", before)  # the page now holds the typed question
        ready(page)

        with context.expect_page() as opened:
            link.click()
        summary = opened.value
        summary.wait_for_load_state()
        assert re.fullmatch(re.escape(base) + r"/media/[0-9a-f]+\.html", summary.url), summary.url
        expect(summary.get_by_role("heading", level=1)).to_have_text(t("takehome.print_title", "en"))
        text = summary.inner_text("body")
        for shown in (questions[1], questions[2], questions[4], matter.text, matter.label, OWN):
            assert text.count(shown) == 1, shown
        assert questions[0] not in text and questions[3] not in text
        summary.get_by_role("button", name="Print").click()  # the inline button runs under the policy
        assert summary.evaluate("window.__printed.length") == 1
        summary.emulate_media(media="print")
        assert summary.evaluate(MIN_FONT) >= 12
        for fmt in FORMATS:
            pages, printed = pdf_facts(summary, fmt, "takehome-from-the-app")
            # Five questions of the person's choosing on the busiest usual profile: one page, or two.
            assert pages <= 2 and printed.count(OWN) == 1 and "Tap Print" not in printed
        summary.emulate_media(media="screen")
        summary.screenshot(path=str(ARTIFACTS / "screenshots" / "takehome-page.png"), full_page=True)

        # Nothing typed or chosen reaches an address, browser storage or the server log.
        for where in (page, summary):
            assert OWN not in where.url and "grandson" not in where.url
            stored = where.evaluate("() => JSON.stringify([Object.entries(localStorage), Object.entries(sessionStorage),"
                                    " document.cookie])")
            assert "grandson" not in stored and matter.id not in stored and "positive" not in stored, stored
        server_log = log.read_text()
        for secret in ("grandson", matter.label, matter.id, "hr=positive"):
            assert secret not in server_log, f"the server log holds {secret!r}"
    finally:
        context.close()
    assert not outside_requests, outside_requests


def test_spanish_at_largest_prints_larger_and_all_in_spanish(app_server, make_page):
    base, _ = app_server
    page = make_page("tablet-portrait")
    open_results(page, base + "/" + MARIA + "&lang=es")
    pick_setting(page, t("app.text_size_names.largest", "es"))
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Abrir mi resumen para imprimir").first.click()
    summary = opened.value
    summary.wait_for_load_state()
    expect(summary.locator("html")).to_have_attribute("lang", "es")
    assert not stray_english(summary), stray_english(summary)
    assert t("takehome.print_larger", "es") in summary.inner_text("body")
    summary.emulate_media(media="print")
    assert summary.evaluate(MIN_FONT) >= 16
    for fmt in FORMATS:
        pages, _ = pdf_facts(summary, fmt, "takehome-es-largest")
        assert pages <= 2


@pytest.fixture(scope="module")
def kiosk_print_server():
    log = ARTIFACTS / "takehome-kiosk-server.log"
    env = {"PYTHONUNBUFFERED": "1", "EXPLAINER_MODE": "kiosk", "EXPLAINER_KIOSK_LANGUAGES": "es", "EXPLAINER_KIOSK_PRINT": "1",
           "EXPLAINER_PUBLIC_URL": "https://clinic.example.org/"}
    with streamlit_server("serve.py", env=env, log_path=log) as server:
        yield server.url


def test_kiosk_prints_with_the_browser_from_a_hidden_frame(kiosk_print_server, browser, outside_requests):
    context, page = strict_page(browser, outside_requests)
    try:
        downloads = []
        page.on("download", lambda d: downloads.append(d))
        open_results(page, kiosk_print_server + "/" + MARIA)
        button = page.get_by_role("button", name="Print my summary").first
        expect(button).to_be_visible()
        assert page.locator(".st-key-help_first").bounding_box()["y"] < button.bounding_box()["y"]
        button.click()
        ready(page)
        page.wait_for_function("() => (window.__printed || []).length === 1")
        printed = page.evaluate("window.__printed[0]")
        assert t("takehome.print_title", "en") in printed
        assert t("results.notice_short", "en") in printed
        assert len(context.pages) == 1 and not downloads, "no new tab and no file on the tablet"
        assert "hr=" not in page.url
        frame = page.locator("iframe#takehome-print")
        expect(frame).to_have_count(1)
        page.evaluate("() => window.dispatchEvent(new Event('explainer-stop'))")
        expect(frame).to_have_count(0)  # the reset takes the page away
    finally:
        context.close()
    assert not outside_requests, outside_requests


def test_the_results_page_prints_without_controls_and_with_the_opened_cards_open(app_server, make_page):
    base, _ = app_server
    page = make_page("tablet-portrait")
    open_results(page, base + "/" + MARIA)
    open_card(page)  # a card she opened prints open, its patient layer whole
    page.emulate_media(media="print")
    visible_controls = """() => [...document.querySelectorAll('button, a[role=button], input, [data-testid=stPopover]')]
        .filter(e => !e.classList.contains('term') && e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
        .filter(e => !e.closest('[data-testid=stCheckbox], [data-testid=stButtonGroup]'))
        .map(e => e.innerText || e.getAttribute('aria-label') || e.tagName)"""
    with contextlib.suppress(PlaywrightError):  # on a busy machine the last style sheets can land a moment later
        page.wait_for_function(f"() => ({visible_controls})().length === 0", timeout=10_000)
    controls = page.evaluate(visible_controls)
    assert not controls, f"controls left on the printed page: {controls}"
    page.wait_for_function(SETTLED)  # the print layout's own transitions end before the page is printed
    expect(page.locator("[class*='st-key-card_'] details[open]").get_by_text("What it may cause").first).to_be_visible()
    expect(page.locator("nav.on-this-page")).to_be_hidden()
    for part in (".st-key-help_first", ".st-key-warning_signs"):  # the signs are printed, each box kept together
        expect(page.locator(part)).to_be_visible()
    pages, text = pdf_facts(page, "Letter", "results-page-printed")
    assert "Open my summary to print" not in text, "the print action is printed"
    assert "What it may cause" in text, "the card she opened is not printed whole"
    assert pages >= 2
