"""Practical help in a real, offline Chromium, on a phone and a tablet by touch.

* Folded under Support, one tap opens it: each way her treatments are given with its questions,
  then who can help; the page around it and the opened part pass axe, with no text under 18 px
  and no target under 44 px.
* Choosing "Cost and travel" under "What matters most to me right now" brings the cost and travel
  questions first.
* On the take-home page, the practical line sits beside the QR code: the sheet is no taller with it
  than without it, in every language, for the usual profiles.
"""

from __future__ import annotations

import pytest
from browser_helpers import SETTLED, assert_accessible, ready, shot
from playwright.sync_api import expect
from printouts import USUAL, printout

from components.shared.text import t
from knowledge import load_knowledge

MARIA = "?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def summary(page, label: str):
    return page.locator("[data-testid='stExpander'] summary").filter(has_text=label).first


@pytest.mark.parametrize("size", ["phone", "tablet-portrait"])
def test_practical_help_opens_by_touch_and_what_matters_comes_first(app_server, make_page, kb, size):
    base, _ = app_server
    page = make_page(size, touch=True)
    page.goto(base + "/" + MARIA)
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    drip = next(w for w in kb.practical.ways if w.id == "drip")
    lines = page.locator(".st-key-practical_drip li")
    expect(lines).to_have_count(0)  # folded: not drawn

    summary(page, t("practical.heading")).tap()
    ready(page)
    expect(lines.first).to_have_text(drip.questions[0].text)
    expect(lines).to_have_count(len(drip.questions))
    for helper in kb.practical.help:
        expect(page.locator(".st-key-practical").get_by_text(helper.name).first).to_be_visible()
    page.wait_for_function(SETTLED)
    assert_accessible(page, f"results with practical help open ({size})")
    shot(page, f"practical-{size}")

    summary(page, t("visit.matters_heading")).tap()
    ready(page)
    label = next(m.label for m in kb.matters if m.id == "cost_travel")
    pill = page.get_by_role("button", name=label, exact=True)
    pill.tap()
    expect(pill).to_have_attribute("aria-pressed", "true")
    ready(page)
    expect(lines.first).to_have_text(next(q.text for q in drip.questions if q.id == "cost"))
    expect(lines.nth(1)).to_have_text(next(q.text for q in drip.questions if q.id == "travel"))
    expect(page.get_by_text(t("practical.first", matters=label))).to_be_visible()


HEIGHT = "() => document.body.getBoundingClientRect().height"
WITHOUT = "() => { document.querySelectorAll('.end p + p').forEach((p) => p.remove()); }"


@pytest.mark.parametrize("lang", ["en", "es", "zh-Hans", "vi"])
def test_the_practical_line_makes_the_take_home_sheet_no_taller(make_page, lang):
    kb = load_knowledge(lang=lang)
    page = make_page("tablet-portrait")
    for name, profile in USUAL.items():
        html, _, _ = printout(kb, profile)
        page.set_content(html)
        page.emulate_media(media="print")
        line = page.locator(".end p").filter(has_text=kb.practical.take_home.text)
        expect(line).to_have_count(1)
        with_line = page.evaluate(HEIGHT)
        page.evaluate(WITHOUT)
        expect(line).to_have_count(0)
        assert page.evaluate(HEIGHT) == with_line, f"{lang} {name}: the practical line takes room of its own"
