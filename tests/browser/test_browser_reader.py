"""A family member reads for someone they care for, as a new user would, in a real offline Chromium at
phone and tablet size, in English and Spanish: the choice under the language with Start still on the
first screen, the warning signs as a family member sees them, the carer's card, the share link, and
the settings turning the page back to the person themselves. axe clean."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import (
    assert_accessible, choose, close_settings, open_by_touch, ready, shot, tap, tap_places,
)

WORDS = {
    "en": {"language": "English", "carer": "I'm reading for someone I care for", "self": "I'm reading for myself",
           "start": "Start", "woman": "A woman", "next": "Next", "hr": "Positive", "her2": "Low",
           "places": ("Bones", "Liver"), "show": "Show my results",
           "heading": "What this means for the person you care for", "own_heading": "What this means for you",
           "sign": "Their legs feel weak or numb, or they cannot walk normally.",
           "own_sign": "Your legs feel weak or numb", "card": "For you, as someone who cares for them",
           "visit": "Helping at a visit"},
    "es": {"language": "Español", "carer": "Leo para alguien a quien cuido", "self": "Leo para mí",
           "start": "Empezar", "woman": "Una mujer", "next": "Siguiente", "hr": "Positivos", "her2": "Bajo",
           "places": ("Huesos", "Hígado"), "show": "Ver mis resultados",
           "heading": "Qué significa esto para la persona",
           "own_heading": "Qué significa esto para usted",
           "sign": "La persona siente las piernas débiles o adormecidas, o no puede caminar normalmente.",
           "own_sign": "Siente las piernas débiles", "card": "Para usted, que cuida a esta persona",
           "visit": "Cómo ayudar en una consulta"},
}


def heading(page: Page, name: str, level: int = 1) -> None:
    expect(page.get_by_role("heading", name=name, level=level)).to_be_visible()


def pick(page: Page, name: str) -> None:
    """One tap on a choice of the start screen or the settings (language, who is reading)."""
    choice = page.get_by_role("radio", name=name, exact=True)
    choice.click()
    ready(page)
    expect(choice).to_be_checked()


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", ["phone", "tablet-portrait"])
def test_a_family_member_reads_for_someone_they_care_for(app_server, make_page, size, lang):
    base, _ = app_server
    w = WORDS[lang]
    page = open_by_touch(make_page, base, size)
    if lang != "en":
        pick(page, w["language"])
        expect(page.locator("html")).to_have_attribute("lang", lang)

    # The start screen: the choice in one calm tap under the language, and Start still in view.
    expect(page.get_by_role("radio", name=w["self"], exact=True)).to_be_checked()
    pick(page, w["carer"])
    expect(page.get_by_role("button", name=w["start"], exact=True)).to_be_in_viewport(ratio=1)
    assert_accessible(page, f"the start screen for a carer ({lang}, {size})")
    shot(page, f"reader-{lang}-{size}-1-start")

    tap(page, w["start"])
    choose(page, w["woman"])
    tap(page, w["next"])
    choose(page, w["hr"])
    tap(page, w["next"])
    choose(page, w["her2"])
    tap(page, w["next"])
    tap_places(page, w["places"])
    tap(page, w["next"])
    tap(page, w["show"])

    # The results, turned to the reader: the heading, and the signs as a family member sees them,
    # the most important one on the first screen.
    heading(page, w["heading"])
    first = page.locator(".st-key-help_first")
    expect(first.get_by_text(w["sign"])).to_be_in_viewport()
    main = page.locator("[data-testid='stMain']")
    assert w["own_sign"] not in main.inner_text(), "no sign as the person would read it (case as written)"
    expect(page.locator(".st-key-warning_signs").get_by_text(w["sign"])).to_have_count(1)
    # The carer's card, folded after Support so the page stays short, opens with one tap.
    card = page.locator(".st-key-carer_card")
    card.scroll_into_view_if_needed()
    summary = card.locator("summary")
    expect(summary).to_contain_text(w["card"])
    expect(card.get_by_text(w["visit"])).to_have_count(0)
    summary.tap()
    ready(page)
    expect(card.get_by_text(w["visit"])).to_be_visible()
    expect(card).to_contain_text("1-800-677-1116")
    expect(page.locator("[data-testid='stCode']")).to_contain_text("reader=caregiver")
    assert_accessible(page, f"the results for a carer ({lang}, {size})")
    shot(page, f"reader-{lang}-{size}-2-results")

    # The settings turn the page back to the person themselves, answers kept.
    page.locator(".st-key-settings button").first.click()
    pick(page, w["self"])
    close_settings(page)
    heading(page, w["own_heading"])
    expect(page.locator(".st-key-carer_card")).to_have_count(0)
    assert w["own_sign"] in main.inner_text() and w["sign"] not in main.inner_text()
    expect(page.locator("[data-testid='stCode']")).not_to_contain_text("reader=")
