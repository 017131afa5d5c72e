"""The first screen of results answers first: what this means, what often comes first (or which
results decide most of it), and when to get help: without scrolling, on a tablet either way up
and on a phone (where the app's own row replaces the top bar and one sign per tier is shown). Both
languages, axe clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import assert_accessible, pick_setting, ready, shot

PROFILES = {
    "hr-positive-her2-low": "?hr=positive&her2=low&site=bone&site=liver&sex=female",
    "all-not-sure": "?sex=female",
    "a-man": "?hr=positive&her2=zero&site=bone&sex=male",
}
WORDS = {
    "en": {"heading": "What this means for you", "aims": "treatment aims to control the cancer",
           "first": "Often one of the first treatments for cancers like yours", "help": "Get help right away if…",
           "emergency": "Call 911 or go to the emergency department now if:",
           "today": "Call your care team today, even at night, if:", "unsure": "Two results decide most of this",
           "man": "Showing information for: a man", "treatments": "Kinds of treatment"},
    "es": {"heading": "Qué significa esto para usted", "aims": "el tratamiento busca controlar el cáncer",
           "first": "A menudo uno de los primeros tratamientos para cánceres como el suyo",
           "help": "Busque ayuda de inmediato si…", "emergency": "Llame al 911 o vaya a la sala de emergencias ahora si:",
           "unsure": "Dos resultados deciden la mayor parte", "man": "Información para: un hombre",
           "treatments": "Tipos de tratamiento"},
}


def open_results(make_page, base: str, size: str, profile: str, lang: str = "en") -> Page:
    page = make_page(size)
    query = PROFILES[profile] + ("&lang=es" if lang == "es" else "")
    page.goto(base + "/" + query)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    expect(page.get_by_role("heading", name=WORDS[lang]["heading"], level=1)).to_be_visible()
    return page


def in_first_screen(page: Page, text: str) -> None:
    expect(page.get_by_text(text, exact=False).first).to_be_in_viewport()


@pytest.mark.parametrize("size", ["tablet-portrait", "tablet-landscape"])
@pytest.mark.parametrize("profile", list(PROFILES))
def test_tablet_first_screen_holds_the_meaning_what_comes_first_and_when_to_get_help(app_server, make_page, size,
                                                                                     profile):
    base, _ = app_server
    page = open_results(make_page, base, size, profile)
    w = WORDS["en"]
    for text in (w["heading"], w["aims"], w["help"], w["emergency"]):
        in_first_screen(page, text)
    if profile == "all-not-sure":
        in_first_screen(page, w["unsure"])  # never an empty group: which results decide most of this
    else:
        in_first_screen(page, w["first"])
    if profile == "a-man":
        in_first_screen(page, w["man"])
    shot(page, f"results-first-{size}-{profile}")


@pytest.mark.parametrize("profile", list(PROFILES))
def test_phone_first_screen_holds_the_meaning_what_comes_first_and_when_to_get_help(app_server, make_page, profile):
    base, _ = app_server
    page = open_results(make_page, base, "phone", profile)
    w = WORDS["en"]
    for text in (w["heading"], w["aims"], w["help"], w["emergency"], w["today"]):
        in_first_screen(page, text)
    in_first_screen(page, w["unsure"] if profile == "all-not-sure" else w["first"])
    if profile == "a-man":
        in_first_screen(page, w["man"])
    # The emergency tier is whole: its heading and its most important sign.
    expect(page.locator(".st-key-help_first [data-testid='stAlert']").first).to_be_in_viewport(ratio=1)
    _in_reading_order(page, [w["aims"], w["help"], w["treatments"]])
    assert_accessible(page, f"results {profile} on a phone")
    shot(page, f"results-first-phone-{profile}")


@pytest.mark.parametrize("viewport", ["tablet-portrait", "tablet-landscape", "phone"])
@pytest.mark.parametrize("size_label", ["Larger", "Largest"])
def test_at_larger_text_the_order_stays_meaning_then_help_then_treatments(app_server, make_page, size_label,
                                                                          viewport):
    base, _ = app_server
    page = open_results(make_page, base, viewport, "hr-positive-her2-low")
    pick_setting(page, size_label)
    w = WORDS["en"]
    in_first_screen(page, w["heading"])
    _in_reading_order(page, [w["aims"], w["first"], w["help"], w["treatments"]])
    shot(page, f"results-first-{viewport}-{size_label.lower()}")


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("profile", list(PROFILES))
def test_every_results_state_is_accessible_in_both_languages(app_server, make_page, profile, lang):
    base, _ = app_server
    page = open_results(make_page, base, "tablet-portrait", profile, lang)
    in_first_screen(page, WORDS[lang]["help"])
    assert_accessible(page, f"results {profile} ({lang})")


def _in_reading_order(page: Page, texts: list[str]) -> None:
    tops = [page.get_by_text(text, exact=False).first.bounding_box()["y"] for text in texts]
    assert tops == sorted(tops), list(zip(texts, tops))
