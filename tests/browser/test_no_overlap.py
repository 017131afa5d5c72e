"""No control ever sits on top of another: every screen, every supported size, text size and language.

One page session per viewport and text size walks every screen in English and then in Spanish
(the start screen, each question, the results, Words explained, About), on the kiosk (the most
controls in the top row) and at home (one more page link). On each screen every visible
interactive element's box is compared with every other's.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SETTLED, SHOTS, choose, open_card, pick_setting, ready, shot
from tests.servers import streamlit_server

KIOSK_ENV = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_KIOSK_LANGUAGES": "es", "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/",
             "PYTHONUNBUFFERED": "1"}
TEXT_SIZES = {"normal": ("Normal", "Normal"), "large": ("Larger", "Grande"), "largest": ("Largest", "Muy grande")}
SLOW = 20_000  # ms: a results page at Largest text can take a while on a busy machine
WORDS = {
    "en": {"start": "Start", "woman": "A woman", "next": "Next", "bones": "Bones", "show": "Show my results",
           "glossary": "Words explained", "about": "About", "menu": "Menu", "results": "What this means for you",
           "progress": "Question {n} of 5", "unsure": "I'm not sure"},
    "es": {"start": "Empezar", "woman": "Una mujer", "next": "Siguiente", "bones": "Huesos",
           "show": "Ver mis resultados", "glossary": "Palabras explicadas", "about": "Acerca de", "menu": "Menú",
           "results": "Qué significa esto para usted", "progress": "Pregunta {n} de 5", "unsure": "No lo sé"},
}

# Every control a person can tap, as the box they tap: a radio's label, not its hidden input.
OVERLAPS = """() => {
  const sel = 'a[href], button, input:not([type=radio]):not([type=checkbox]), select, textarea, summary,'
    + ' label:has(input[type=radio]), label:has(input[type=checkbox]), [role=tab], [role=slider]';
  const els = [...document.querySelectorAll(sel)].filter((e) => {
    const r = e.getBoundingClientRect();
    return r.width > 2 && r.height > 2 && getComputedStyle(e).visibility === 'visible'
      && e.getAttribute('href') !== '#stMain' && !e.closest('[inert]');
  });
  const name = (e) => `${e.tagName} "${(e.innerText || e.getAttribute('aria-label') || '').trim()
    .replace(/\\s+/g, ' ').slice(0, 30)}"`;
  const out = [];
  for (let i = 0; i < els.length; i++) {
    for (let j = i + 1; j < els.length; j++) {
      const a = els[i], b = els[j];
      if (a.contains(b) || b.contains(a)) { continue; }
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      const x = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const y = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (x > 1 && y > 1) { out.push(`${name(a)} and ${name(b)} overlap by ${Math.round(x)}x${Math.round(y)}px`); }
    }
  }
  return {count: els.length, overlaps: out};
}"""


@pytest.fixture(scope="module")
def kiosk_url():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with streamlit_server("serve.py", env=KIOSK_ENV) as server:
        yield server.url


# A card that opens or closes slides; boxes are compared once every finite animation has ended.
def check(page: Page, where: str) -> None:
    ready(page, SLOW)
    page.wait_for_function(SETTLED, timeout=SLOW)
    page.evaluate("() => document.querySelector('[data-testid=stMain]')?.scrollTo(0, 0)")
    found = page.evaluate(OVERLAPS)
    assert found["count"] >= 3, f"{where}: the sweep found almost no controls ({found['count']})"
    if found["overlaps"]:
        shot(page, "overlap-found")
    assert not found["overlaps"], f"{where}: {found['overlaps']}"


def tap(page: Page, name: str, role: str = "button") -> None:
    page.get_by_role(role, name=name, exact=True).click()
    ready(page, SLOW)


def go_to_page(page: Page, words: dict, name: str, path: str, narrow: bool) -> None:
    if narrow:  # on a phone the page links are behind the Menu button
        tap(page, words["menu"])
    page.get_by_role("link", name=words[name], exact=True).first.click()
    page.wait_for_url(f"**/{path}")
    ready(page, SLOW)
    expect(page.locator("[data-testid='stPopoverBody']")).to_have_count(0)  # the Menu closed after the choice


def at_question(page: Page, words: dict, n: int) -> None:
    expect(page.get_by_text(words["progress"].format(n=n), exact=True)).to_be_visible()


@pytest.mark.parametrize("text_size", list(TEXT_SIZES))
@pytest.mark.parametrize("size", ["phone", "tablet-portrait", "tablet-landscape", "laptop"])
@pytest.mark.parametrize("mode", ["kiosk", "home"])
def test_no_control_overlaps_another_on_any_screen(mode, size, text_size, kiosk_url, app_server, make_page):
    base = kiosk_url if mode == "kiosk" else app_server[0]
    narrow = size == "phone" or text_size == "largest"  # page links sit behind the Menu there
    for lang, words in WORDS.items():
        page = make_page(size, touch=True)
        page.goto(f"{base}/?lang={lang}")
        expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(
            timeout=30_000)
        ready(page, SLOW)
        pick_setting(page, TEXT_SIZES[text_size][lang == "es"], SLOW)
        where = f"{mode}, {size}, {text_size}, {lang}"
        check(page, f"start screen ({where})")
        tap(page, words["start"])
        at_question(page, words, 1)
        check(page, f"question 1 ({where})")
        choose(page, words["woman"])
        page.screenshot(path=str(SHOTS / f"overlap-{mode}-{size}-{text_size}-{lang}-question.png"))
        for n in (2, 3, 4):
            tap(page, words["next"])
            at_question(page, words, n)
            check(page, f"question {n} ({where})")
            if n in (2, 3):  # the receptor questions wait for an answer
                choose(page, words["unsure"])
        tap(page, words["bones"])
        tap(page, words["next"])
        at_question(page, words, 5)
        check(page, f"question 5 ({where})")
        tap(page, words["show"])
        expect(page.get_by_role("heading", name=words["results"])).to_be_visible(timeout=20_000)
        check(page, f"results ({where})")
        open_card(page, "any")  # a group shown and a card open: nothing overlaps there either
        check(page, f"results with a card open ({where})")
        go_to_page(page, words, "glossary", "glossary", narrow)
        check(page, f"words explained ({where})")
        go_to_page(page, words, "about", "about", narrow)
        check(page, f"about ({where})")
        page.context.close()
