"""Where do I find this? The example report and the results strip, in a real Chromium, by touch
and by keyboard, in both languages, on a tablet and a phone; a man's results in the browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import assert_accessible, choose, ready, shot, tap

WORDS = {
    "en": {"start": "Start", "woman": "A woman", "man": "A man", "next": "Next",
           "helper": "I'm not sure: where to find this", "hr_pick": "ER 1% to 10% (may say \"ER-low positive\") → Low",
           "hr_answer": "Low", "her2_pick": "IHC 2+, and ISH or FISH positive (amplified) → Positive",
           "her2_answer": "Positive", "picture": "Example pathology report"},
    "es": {"start": "Empezar", "woman": "Una mujer", "man": "Un hombre", "next": "Siguiente",
           "helper": "No lo sé: dónde encontrarlo", "hr_pick": "ER del 1 % al 10 % (puede decir \"ER bajo positivo\") → Bajos",
           "hr_answer": "Bajos", "her2_pick": "IHC 2+, e ISH o FISH positivo (amplificado) → Positivo",
           "her2_answer": "Positivo", "picture": "Ejemplo de informe de patología"},
}


def open_app(make_page, base: str, size: str, lang: str) -> Page:
    page = make_page(size)
    page.goto(base + "/" + ("?lang=es" if lang == "es" else ""))
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    return page


def open_helper(page: Page, words: dict, pick: str) -> None:
    """Open "where to find this" on the step now shown, until its results strip offers ``pick``.

    A tap that lands while the previous step is still being replaced can miss; a person taps again.
    """
    button = page.get_by_role("button", name=pick, exact=True)
    for attempt in range(3):
        ready(page)
        if not button.is_visible():
            page.get_by_text(words["helper"], exact=True).last.click()
            ready(page)
        try:
            expect(button).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == 2:
                raise
    expect(page.get_by_role("figure", name=words["picture"], exact=False).last).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", ["tablet-portrait", "phone"])
def test_report_helper_sets_answers_by_touch_and_is_accessible(app_server, make_page, size, lang):
    base, _ = app_server
    words = WORDS[lang]
    page = open_app(make_page, base, size, lang)
    tap(page, words["start"])
    expect(page.get_by_role("button", name=words["next"], exact=True)).to_be_disabled()  # no answer assumed
    assert_accessible(page, f"who-for step ({size}, {lang})")
    shot(page, f"helper-{lang}-{size}-1-who")
    choose(page, words["woman"])
    tap(page, words["next"])

    open_helper(page, words, words["hr_pick"])
    assert_accessible(page, f"hormone receptor helper ({size}, {lang})")
    shot(page, f"helper-{lang}-{size}-2-hr")
    tap(page, words["hr_pick"])
    expect(page.get_by_role("radio", name=words["hr_answer"], exact=True)).to_be_checked()

    tap(page, words["next"])
    open_helper(page, words, words["her2_pick"])
    assert_accessible(page, f"HER2 helper ({size}, {lang})")
    tap(page, words["her2_pick"])
    expect(page.get_by_role("radio", name=words["her2_answer"], exact=True)).to_be_checked()
    shot(page, f"helper-{lang}-{size}-3-her2")


def test_a_strip_result_can_be_chosen_by_keyboard(app_server, make_page):
    base, _ = app_server
    words = WORDS["en"]
    page = open_app(make_page, base, "tablet-landscape", "en")
    tap(page, words["start"])
    choose(page, words["woman"])
    tap(page, words["next"])
    negative = "ER and PR negative (under 1%) → Negative"
    open_helper(page, words, negative)
    pick = page.get_by_role("button", name=negative, exact=True)
    pick.focus()
    page.keyboard.press("Enter")
    ready(page)
    expect(page.get_by_role("radio", name="Negative", exact=True)).to_be_checked()


def test_a_mans_results_in_the_browser_show_who_and_nothing_only_for_women(app_server, make_page):
    base, _ = app_server
    page = open_app(make_page, base, "tablet-portrait", "en")
    page.goto(base + "/?hr=positive&her2=zero&site=bone&sex=male")
    ready(page)
    expect(page.get_by_text("Showing information for: a man")).to_be_in_viewport()
    expect(page.get_by_text("Breast cancer in men is treated much like")).to_be_visible()
    for card in page.get_by_text("More about", exact=False).all():
        if card.is_visible():
            card.click()
    ready(page)
    text = page.locator("[data-testid='stMain']").inner_text().lower()
    for words in ("vagina", "periods", "womb", "before menopause,"):
        assert words not in text, words
    assert_accessible(page, "a man's results")
    shot(page, "helper-en-tablet-portrait-4-man")
