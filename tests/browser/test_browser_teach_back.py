""""Check what I understood" by touch in a real, offline Chromium, at tablet and phone size, in
English and Spanish: opened from its invitation, answered not quite and then right, each
feedback's link taking the page to the place that says it (the warning signs; the treatment's
card, opened), a question skipped, the end without a score; axe clean with 44 px targets."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import SETTLED, assert_accessible, choose, open_by_touch, ready, shot, tap
from components.explainer import teach_back
from components.shared.text import t
from knowledge import Profile, explain, load_knowledge

QUERY = "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female"
PROFILE = Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post", sex="female")


def feedback(page: Page):
    return page.locator(".st-key-teach_back .check-feedback")


def tap_link(page: Page, name: str) -> None:
    feedback(page).get_by_role("link", name=name, exact=True).click()
    page.wait_for_function(SETTLED)


def back_to_the_check(page: Page) -> None:
    """Scroll back up to the questions, as a person does after reading."""
    page.locator(".st-key-teach_back").scroll_into_view_if_needed()
    ready(page)


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", ["tablet-landscape", "phone"])
def test_check_what_i_understood_by_touch(app_server, make_page, size, lang):
    base, _ = app_server
    kb = load_knowledge(lang=lang)
    signs, given, _ = teach_back.questions(explain(PROFILE, kb), kb)
    page = open_by_touch(make_page, base, size, QUERY + ("&lang=es" if lang == "es" else ""))
    expect(page.get_by_role("heading", name=t("results.heading", lang), level=1)).to_be_visible()

    invite = page.locator(".st-key-teach_back summary")
    expect(invite).to_contain_text(t("check.invite", lang))
    expect(page.get_by_role("radio", name=signs.signs["emergency"], exact=True)).to_have_count(0)
    invite.scroll_into_view_if_needed()
    invite.click()
    ready(page)
    expect(page.get_by_role("radio", name=signs.signs["emergency"], exact=True)).to_be_visible()
    assert_accessible(page, f"the first question ({size}, {lang})")

    choose(page, signs.signs["today"])
    expect(feedback(page)).to_contain_text(t("check.signs.feedback.today", lang))
    assert_accessible(page, f"feedback on a not-quite answer ({size}, {lang})")
    shot(page, f"check-{lang}-{size}-1-not-quite")
    tap_link(page, t("check.signs.link", lang))  # back to the warning signs on the page
    expect(page.get_by_role("heading", name=t("results.signs_heading", lang), exact=True)).to_be_in_viewport()

    back_to_the_check(page)
    choose(page, signs.signs["emergency"])
    expect(feedback(page)).to_contain_text(t("check.signs.feedback.emergency", lang, number="911"))
    tap(page, t("check.next", lang))

    drip = teach_back.choice_words(given, "drip", lang)
    expect(page.get_by_role("radio", name=drip, exact=True)).to_be_visible()
    choose(page, drip)
    expect(feedback(page)).to_contain_text(teach_back.feedback(given, "drip", kb, lang))
    tap_link(page, t("check.given.link", lang))  # opens the treatment's card, as a name on the first screen does
    card = page.locator(f"[class*='st-key-card_{given.option.id}__'] details")
    expect(card).to_have_attribute("open", "")
    expect(card.locator(".how-given")).to_be_in_viewport()

    back_to_the_check(page)
    tap(page, t("check.next", lang))
    expect(page.get_by_role("radio", name=t("check.decides.choices.together", lang), exact=True)).to_be_visible()
    tap(page, t("check.skip", lang))
    expect(page.locator(".st-key-teach_back")).to_contain_text(t("check.done", lang))
    expect(page.get_by_role("radio", name=t("check.decides.choices.together", lang), exact=True)).to_have_count(0)
    assert_accessible(page, f"the end of the check ({size}, {lang})")
    shot(page, f"check-{lang}-{size}-2-done")
