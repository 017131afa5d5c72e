"""My results changed in a real, offline Chromium by touch, on a phone and a tablet, in English and
Spanish: from the results, enter a new HER2 result and a new place, see what changes, go back (the
old results stay), then do it again and use the new results (the whole page follows). Each screen
passes the accessibility audit (axe, text of at least 18 px, targets of at least 44 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import assert_accessible, open_by_touch, ready, shot, tap, tap_places, tap_until
from knowledge import load_knowledge

WORDS = {
    "en": {"results": "What this means for you", "open": "My results changed", "enter": "What is new?",
           "show": "Show what changes", "changes": "What changes with your new results", "back": "Go back",
           "use": "Use my new results", "in_view": "Treatments now shown for these results",
           "signs": "New warning signs", "used": "This page now shows your new results.",
           "notice": "Do not stop or change a treatment because of this page."},
    "es": {"results": "Qué significa esto para usted", "open": "Mis resultados cambiaron",
           "enter": "¿Qué hay de nuevo?", "show": "Mostrar qué cambia",
           "changes": "Qué cambia con sus nuevos resultados", "back": "Volver", "use": "Usar mis nuevos resultados",
           "in_view": "Tratamientos que ahora aparecen para estos resultados", "signs": "Nuevas señales de alarma",
           "used": "Esta página ahora muestra sus nuevos resultados.",
           "notice": "No suspenda ni cambie ningún tratamiento por lo que dice esta página."},
}
LINK = "?hr=positive&her2=zero&site=bone&sex=female"


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def enter_her2_low_and_liver(page: Page, kb, w: dict[str, str]) -> None:
    """On the first step: HER2 low (in the HER2 question, not the receptors'), and the liver added."""
    tap_until(page, w["open"], heading(page, w["enter"]))
    her2 = page.locator(".st-key-changed_biopsy [role='radiogroup']").nth(1)
    low = her2.get_by_role("radio", name=kb.inputs["her2"].values["low"].label.capitalize(), exact=True)
    low.check(force=True)
    expect(low).to_be_checked()
    ready(page)
    liver = kb.inputs["site"].values["liver"].label.capitalize()
    tap_places(page, (liver,))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("size", ["phone", "tablet-portrait"])
def test_my_results_changed_by_touch_then_go_back_then_use_them(app_server, make_page, size, lang):
    base, _ = app_server
    kb, w = load_knowledge(lang=lang), WORDS[lang]
    page = open_by_touch(make_page, base, size, LINK + ("&lang=es" if lang == "es" else ""))
    expect(heading(page, w["results"])).to_be_visible()
    tdxd = next(o.name for o in kb.options if o.id == "tdxd_her2_low")
    liver_sign = kb.sites["liver"].urgent_signs.emergency[0]

    enter_her2_low_and_liver(page, kb, w)
    assert_accessible(page, f"My results changed, what is new ({size}, {lang})")
    shot(page, f"changed-{lang}-{size}-1-enter")
    tap_until(page, w["show"], heading(page, w["changes"]))
    expect(page.get_by_text(w["notice"])).to_be_visible()
    expect(page.get_by_role("heading", name=w["in_view"])).to_be_visible()
    expect(page.get_by_text(tdxd)).to_be_visible()
    expect(page.get_by_role("heading", name=w["signs"])).to_be_visible()
    expect(page.get_by_text(liver_sign)).to_be_visible()
    assert_accessible(page, f"My results changed, what changes ({size}, {lang})")
    shot(page, f"changed-{lang}-{size}-2-changes")

    tap_until(page, w["back"], heading(page, w["results"]))  # the old results, as they were
    entered = page.locator(".you-said")
    expect(entered).to_contain_text(kb.inputs["her2"].values["zero"].label)
    expect(entered).not_to_contain_text(kb.inputs["site"].values["liver"].label)

    enter_her2_low_and_liver(page, kb, w)
    tap_until(page, w["show"], heading(page, w["changes"]))
    tap_until(page, w["use"], heading(page, w["results"]))
    expect(page.get_by_text(w["used"])).to_be_visible()
    expect(entered).to_contain_text(kb.inputs["her2"].values["low"].label)
    expect(entered).to_contain_text(kb.inputs["site"].values["liver"].label)
    expect(page.locator(".st-key-help_first")).to_contain_text(liver_sign.split(".")[0])
    assert_accessible(page, f"results after using the new ones ({size}, {lang})")
    shot(page, f"changed-{lang}-{size}-3-used")
    tap(page, w["open"])  # and the step starts from the new answers
    expect(heading(page, w["enter"])).to_be_visible()
    expect(page.get_by_role("button", name=kb.inputs["site"].values["liver"].label.capitalize(), exact=True)) \
        .to_have_count(0)
