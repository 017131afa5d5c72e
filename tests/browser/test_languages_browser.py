"""Chinese and Vietnamese in a real, offline Chromium: the draft label, every screen axe-clean with
nothing overlapping (phone and tablet, Normal and Largest text), the page marked with its language,
the printout in the right fonts, and Listen with a voice of the language (never Cantonese)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SETTLED, assert_accessible, choose, open_card, pick_setting, ready, tap
from components.shared.text import t
from knowledge import load_knowledge
from test_no_overlap import OVERLAPS, at_question, go_to_page

LANGS = ["zh-Hans", "vi"]
SLOW = 20_000
STUB = (Path(__file__).parent / "speech_stub.js").read_text(encoding="utf-8")


def words(lang: str) -> dict[str, str]:
    """What a person taps, in the language, from the app's words and the rule set (not typed here)."""
    kb = load_knowledge(lang=lang)
    woman = kb.inputs["sex"].values["female"].label
    return {"start": t("start.button", lang), "woman": woman[:1].upper() + woman[1:], "next": t("steps.next", lang),
            "bones": kb.sites["bone"].name, "show": t("steps.show", lang), "glossary": t("app.nav_glossary", lang),
            "about": t("app.nav_about", lang), "menu": t("menu.button", lang), "results": t("results.heading", lang),
            "progress": t("steps.progress", lang, n="{n}", total=5), "unsure": t("steps.not_sure", lang),
            "largest": t("app.text_size_names.largest", lang)}


def no_overlap(page: Page, where: str) -> None:
    ready(page, SLOW)
    page.wait_for_function(SETTLED, timeout=SLOW)
    found = page.evaluate(OVERLAPS)
    assert found["count"] >= 3 and not found["overlaps"], f"{where}: {found}"


def walk_to_results(page: Page, w: dict, where: str, audit: bool) -> None:
    tap(page, w["start"])
    at_question(page, w, 1)
    choose(page, w["woman"])
    for n in (2, 3, 4):
        tap(page, w["next"])
        at_question(page, w, n)
        no_overlap(page, f"question {n} ({where})")
        if audit and n == 2:
            assert_accessible(page, f"question 2 ({where})")
        if n in (2, 3):
            choose(page, w["unsure"])
    tap(page, w["bones"])
    tap(page, w["next"])
    at_question(page, w, 5)
    tap(page, w["show"])
    expect(page.get_by_role("heading", name=w["results"])).to_be_visible(timeout=SLOW)


@pytest.mark.parametrize("text_size", ["normal", "largest"])
@pytest.mark.parametrize("size", ["phone", "tablet-portrait"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_screen_in_chinese_and_vietnamese_is_marked_labelled_clean_and_uncrowded(lang, size, text_size,
                                                                                        app_server, make_page):
    w, tr = words(lang), load_knowledge(lang=lang).translation
    narrow = size == "phone" or text_size == "largest"
    audit = text_size == "normal"  # axe once per size; the overlap sweep at both text sizes
    page = make_page(size, touch=True)
    page.goto(f"{app_server[0]}/?lang={lang}")
    ready(page, SLOW)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_text(tr.draft_note, exact=True)).to_be_visible()
    expect(page.get_by_text(tr.draft_note_en, exact=True)).to_be_visible()
    assert page.get_by_text(tr.draft_note_en, exact=True).evaluate("(e) => e.closest('[lang]').lang") == "en"
    if text_size == "largest":
        pick_setting(page, w["largest"], SLOW)
    where = f"{lang}, {size}, {text_size}"
    no_overlap(page, f"start ({where})")
    if audit:
        assert_accessible(page, f"start ({where})")
    walk_to_results(page, w, where, audit)
    no_overlap(page, f"results ({where})")
    if audit:
        assert_accessible(page, f"results ({where})")
    open_card(page, "any")
    no_overlap(page, f"results with a card open ({where})")
    for name, path in (("glossary", "glossary"), ("about", "about")):
        go_to_page(page, w, name, path, narrow)
        no_overlap(page, f"{name} ({where})")
        if audit:
            assert_accessible(page, f"{name} ({where})")
    expect(page.get_by_text(tr.draft_note, exact=True)).to_be_visible()  # About says it too


# The face the browser really draws each language's text in (Chromium's own account, through
# the DevTools protocol): printed PDFs name CJK faces only as anonymous Type 3 fonts.
FONTS = {"zh-Hans": "Noto Sans CJK SC", "vi": "Liberation Sans"}


def faces(page: Page, selector: str) -> dict[str, int]:
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {f["familyName"]: f["glyphCount"] for f in fonts}


@pytest.mark.parametrize("lang", LANGS)
def test_the_printout_is_in_the_language_with_its_own_fonts_and_its_draft_label(lang, tmp_path, make_page):
    from printouts import USUAL, printout

    kb = load_knowledge(lang=lang)
    html, _, _ = printout(kb, USUAL["hr-positive-her2-low-bone-liver"])
    assert f'<html lang="{lang}" dir="ltr">' in html
    page = make_page("tablet-portrait")
    page.set_content(html)
    page.emulate_media(media="print")
    used = faces(page, ".key li")
    assert max(used, key=used.get) == FONTS[lang], used  # nearly every letter in the language's own face
    note = page.locator(".note").inner_text()  # the printed page's notice, read in the page's own order
    assert kb.translation.draft_note in note and kb.translation.draft_note_en in note
    pdf = tmp_path / f"takehome-{lang}.pdf"
    page.pdf(path=str(pdf), format="Letter")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                          check=True).stdout).group(1))
    assert pages <= 2


VOICES = """window.__extraVoices = [
  {name: 'Test Cantonese', lang: 'zh-HK', localService: true, default: false, voiceURI: 'test-yue'},
  {name: 'Test Mandarin', lang: 'zh-CN', localService: true, default: false, voiceURI: 'test-cmn'},
  {name: 'Test Vietnamese', lang: 'vi-VN', localService: true, default: false, voiceURI: 'test-vi'}];"""


@pytest.mark.parametrize("lang, voice", [("zh-Hans", "Test Mandarin"), ("vi", "Test Vietnamese")])
def test_listen_reads_chinese_in_mandarin_and_vietnamese_in_vietnamese(lang, voice, app_server, make_page):
    page = make_page("tablet-portrait", touch=True)
    page.add_init_script(VOICES + STUB)
    page.goto(f"{app_server[0]}/?lang={lang}")
    ready(page, SLOW)
    w = words(lang)
    walk_to_results(page, w, lang, audit=False)
    page.locator(".listen button").first.click()
    page.wait_for_function("() => (window.__speech.spoken || []).length > 0", timeout=SLOW)
    spoken = page.evaluate("() => window.__speech.spoken")
    assert {s["voice"] for s in spoken} == {voice}, spoken
