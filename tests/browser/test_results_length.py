"""A results page a person can finish before the nurse calls her, measured in Chromium.

At 768×1024 (a tablet) and 390×844 (a phone), in English and Spanish, for a typical profile,
the same profile read by someone who cares for her (with the carer's card), one with every answer
"not sure", and a man: the page is at most 6 tablet screens (12 at the
Largest text) and 8 phone screens long, shows at most 1,220 words before anything is opened, and
"Support for you and your family" and "My questions for the visit" both start within the first
3 screens. Screenshots of the first three screens are kept for looking at.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SETTLED, SHOTS, pick_setting, ready

PROFILES = {
    "typical": "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female",
    "carer": "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female&reader=caregiver",
    "not-sure": "?sex=female",
    "man": "?hr=positive&her2=positive&site=bone&site=brain&sex=male",
}
LIMITS = {"tablet-portrait": 6, "phone": 8}  # screens long
# 1,200 until the folded invitation "Check what I understood (3 short questions, nothing is saved)"
# came (12 words in Spanish with its arrow), when a man's Spanish page stood at 1,197.
WORDS_SHOWN = 1220
WITHIN = 3  # screens: where Support and My questions must start
LARGEST = {"en": "Largest", "es": "Muy grande"}

MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const top = (sel) => { const e = document.querySelector(sel);
    return e ? e.getBoundingClientRect().top + main.scrollTop : null; };
  return {height: main.scrollHeight, screen: main.clientHeight,
          words: main.innerText.split(/\\s+/).filter(Boolean).length,
          support: top('.st-key-support'), questions: top('.st-key-visit_questions')};
}"""

STABLE = """() => { const h = document.querySelector('[data-testid="stMain"]').scrollHeight;
  const idle = !!document.querySelector('[data-testid="stApp"][data-test-script-state="notRunning"]');
  const same = idle && window.__explainerHeight === h; window.__explainerHeight = h; return same; }"""


def open_results(make_page, base: str, size: str, profile: str, lang: str) -> Page:
    page = make_page(size, touch=True)
    page.goto(base + "/" + PROFILES[profile] + ("&lang=es" if lang == "es" else ""))
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    expect(page.locator(".st-key-disclaimer_bottom")).to_be_attached()
    # Fonts, pictures and the layout for the screen's width in place: the page's height is the same
    # at two looks 0.4 s apart, with the app not running and no animation under way.
    page.evaluate("() => document.fonts.ready.then(() => true)")  # the page's own font, not a wider fallback
    page.wait_for_function(STABLE, polling=400, timeout=30_000)
    ready(page)
    page.wait_for_function(SETTLED)
    return page


def first_three_screens(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for i in range(3):
        page.evaluate("(i) => { const m = document.querySelector('[data-testid=\"stMain\"]');"
                      " m.scrollTo(0, i * m.clientHeight); }", i)
        page.wait_for_timeout(150)
        page.screenshot(path=str(SHOTS / f"{name}-screen-{i + 1}.png"))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", list(LIMITS))
@pytest.mark.parametrize("profile", list(PROFILES))
def test_the_results_page_is_short_and_support_and_questions_come_early(app_server, make_page, profile, size, lang):
    base, _ = app_server
    page = open_results(make_page, base, size, profile, lang)
    m = page.evaluate(MEASURE)
    screens = m["height"] / m["screen"]
    assert screens <= LIMITS[size], f"{profile} {size} {lang}: {screens:.1f} screens long"
    assert m["words"] <= WORDS_SHOWN, f"{profile} {size} {lang}: {m['words']} words shown before anything is opened"
    for part in ("support", "questions"):
        assert m[part] is not None and m[part] / m["screen"] <= WITHIN, (
            f"{profile} {size} {lang}: {part} starts {m[part] / m['screen']:.1f} screens down")
    first_three_screens(page, f"results-{profile}-{size}-{lang}")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_at_the_largest_text_a_tablet_page_stays_within_twelve_screens(app_server, make_page, lang):
    base, _ = app_server
    page = open_results(make_page, base, "tablet-portrait", "typical", lang)
    pick_setting(page, LARGEST[lang], timeout=30_000)
    page.wait_for_timeout(500)
    m = page.evaluate(MEASURE)
    assert m["height"] / m["screen"] <= 12, f"{lang}: {m['height'] / m['screen']:.1f} screens at the largest text"
    first_three_screens(page, f"results-typical-tablet-largest-{lang}")
