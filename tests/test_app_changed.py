"""My results changed, driven through the real app with AppTest: from the results, enter what is new,
see what changes, then use the new results or go back. Session state only: Start over and the kiosk
reset forget it, and every widget key carries the generation."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.explainer import changed
from components.kiosk import idle
from components.shared.text import t
from knowledge import Profile, load_knowledge
from knowledge.changes import changes_between

from .apptest_helpers import (  # noqa: F401 (autouse fixture)
    click, fresh_caches, gen, new_app, open_groups, shown_cards, walk,
)
from .test_app_spanish import english_ui_phrases, texts, without_sources


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def open_changed(at: AppTest, lang: str = "en") -> AppTest:
    click(at, "changed_open")
    assert not at.exception
    assert [h.value for h in at.title] == [t("changed.enter_heading", lang)]
    return at


def enter(at: AppTest, **new) -> AppTest:
    """Change what is new on the first step (``sites`` adds places), then Show what changes."""
    g = gen(at)
    for field, value in new.items():
        if field == "sites":
            at.button_group(key=f"changed_sites__g{g}").set_value(value)
        else:
            at.radio(key=f"changed_{field}__g{g}").set_value(value)
        at.run()
    return click(at, "changed_show")


def option_name(kb, option_id: str) -> str:
    return next(o.name for o in kb.options if o.id == option_id)


def test_results_to_my_results_changed_to_the_changes_to_using_them(kb):
    at = walk(new_app(), hr="positive", her2="zero", sites=["bone"])
    assert at.button(key=f"changed_open__g{gen(at)}").label == "My results changed"
    assert "tdxd_her2_low" not in shown_cards(open_groups(at))
    open_changed(at)
    # Filled in as now; places can only be added, so the ones given are not offered again.
    assert at.radio(key=f"changed_hr__g{gen(at)}").value == "positive"
    assert at.radio(key=f"changed_her2__g{gen(at)}").value == "zero"
    assert "bone" not in at.button_group(key=f"changed_sites__g{gen(at)}").options
    assert "Already on your page: bones." in texts(at)
    enter(at, her2="low", sites=["liver"])
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "What changes with your new results"
    assert "Your care team decides about treatment." in at.info[0].value
    assert "Do not stop or change a treatment because of this page." in at.info[0].value
    assert "What is new: HER2: low (before: zero); new places of spread: liver." in shown
    assert "Treatments now shown for these results" in shown
    assert f"**{kb.kinds['her2_adc'].name}** (new on your page)" in shown
    assert option_name(kb, "tdxd_her2_low") in shown
    assert "no longer shown" not in shown.lower(), "nothing leaves the page here"
    assert "New warning signs" in shown
    liver = kb.sites["liver"].urgent_signs
    assert all(s in "\n".join(e.value for e in at.error) for s in liver.emergency)
    assert all(s in "\n".join(w.value for w in at.warning) for s in liver.today)
    bone = kb.sites["bone"].urgent_signs.emergency[0]
    assert bone not in "\n".join(e.value for e in at.error), "only the signs the new place brings"
    assert at.session_state["answers"]["her2"] == "zero", "nothing is replaced before she says so"

    click(at, "changed_use")
    assert not at.exception
    assert at.session_state["answers"]["her2"] == "low" and at.session_state["answers"]["sites"] == ["bone", "liver"]
    assert [s.value for s in at.success] == ["This page now shows your new results."]
    assert at.title[0].value == "What this means for you"
    assert "Where it has spread: bones, liver." in texts(at)
    assert "tdxd_her2_low" in shown_cards(open_groups(at)), "the whole results page follows"
    assert not at.success and "results_changed" not in at.session_state, "the note is said once"


@pytest.mark.parametrize("back_from", ["enter", "show"])
def test_go_back_keeps_the_old_results(back_from):
    at = new_app(hr="positive", her2="zero", site="bone", sex="female")
    before = at.session_state["answers"]
    open_changed(at)
    if back_from == "show":
        enter(at, hr="negative")
        assert "Treatments no longer shown for these results" in texts(at)
    click(at, "changed_back" if back_from == "show" else "changed_back_enter")
    assert not at.exception
    assert at.title[0].value == "What this means for you"
    assert at.session_state["answers"] == before
    assert "results_changed" not in at.session_state and not at.success


def test_hr_positive_to_negative_says_which_kinds_are_no_longer_shown(kb):
    at = open_changed(new_app(hr="positive", her2="zero", sex="female"))
    enter(at, hr="negative")
    shown = texts(at)
    expected = changes_between(kb, Profile.create(hr="positive", her2="zero"),
                               Profile.create(hr="negative", her2="zero"))
    for kind in expected.kinds:
        name = f"**{kb.kinds[kind.kind].name}**"
        if kind.change == "no_longer_shown":
            assert f"{name}: none of these are shown now" in shown
        elif kind.change == "comes_into_view":
            assert f"{name} (new on your page)" in shown
        for change in kind.options:  # every treatment that appears or leaves a kind still shown is named
            if kind.change != "no_longer_shown":
                assert change.option.name in shown
    assert "Hormone therapy**: none of these are shown now" in shown
    # An option that appears but waits on a test says on which, as its card does.
    assert f"{option_name(kb, 'pembrolizumab_tnbc')}: only if: PD-L1" in shown
    assert "New warning signs" not in shown, "no new place, no new signs"


def test_a_new_test_result_shows_treatments_that_no_longer_wait_on_it(kb):
    at = open_changed(new_app(hr="positive", her2="zero", menopause="post", sex="female"))
    enter(at, pik3ca="positive")
    shown = texts(at)
    assert "Treatments shown in a different way" in shown
    assert f"{option_name(kb, 'inavolisib_triplet')}: now shown for cancers like yours" in shown
    assert "What is new: PIK3CA: " in shown


def test_nothing_new_says_so_and_offers_only_go_back():
    at = open_changed(new_app(hr="negative", her2="low", site=["lung"], sex="female"))
    enter(at)
    assert "You did not change anything, so nothing changes on your page." in texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith("changed_use")]
    click(at, "changed_back")
    assert at.title[0].value == "What this means for you"


def test_every_place_already_given_leaves_only_the_biopsy_to_change():
    every = ["bone", "brain", "liver", "lung", "lymph_nodes", "skin", "other"]
    at = open_changed(new_app(hr="negative", her2="zero", site=every, sex="female"))
    assert "Every place is already on your page." in texts(at)
    assert not [g for g in at.button_group if g.key and g.key.startswith("changed_sites")]


def test_every_widget_key_of_the_step_carries_the_generation():
    at = open_changed(new_app(hr="positive", her2="low", site="bone", sex="female"))
    first = _changed_keys(at)
    assert first and all(k.endswith(f"__g{gen(at)}") for k in first)
    enter(at, her2="zero")
    assert all(k.endswith(f"__g{gen(at)}") for k in _changed_keys(at))


def _changed_keys(at: AppTest) -> list[str]:
    widgets = [*at.button, *at.radio, *at.button_group]
    return [w.key for w in widgets if w.key and w.key.startswith("changed_")]


def test_start_over_forgets_it():
    at = open_changed(new_app(hr="positive", her2="zero", site="bone", sex="female"))
    enter(at, her2="low")
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()
    assert not at.exception
    assert at.session_state["step"] == "start" and "results_changed" not in at.session_state
    assert not [k for k in at.session_state.keys() if str(k).startswith("changed_")]


def test_the_phone_back_to_a_question_closes_it():
    at = open_changed(new_app(hr="positive", her2="zero", sex="female"))
    at.button(key="history_back").click().run()  # what the phone's Back presses
    assert at.session_state["step"] == "more" and "results_changed" not in at.session_state


def test_the_kiosk_reset_for_the_next_person_forgets_it(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = open_changed(walk(new_app(), hr="positive", her2="zero", sites=["bone"]))
    enter(at, her2="low", sites=["liver"])
    assert at.session_state["results_changed"]["stage"] == "show"
    monkeypatch.setattr(idle, "action", lambda *_: idle.RESET)  # the idle time has run out
    at.run()
    monkeypatch.undo()
    assert not at.exception
    assert at.session_state["step"] == "start" and "results_changed" not in at.session_state
    assert not [k for k in at.session_state.keys() if "changed" in str(k)]
    assert "liver" not in texts(at).lower()
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    walk(at, hr="negative", her2="zero")  # the next person
    assert at.session_state["answers"]["sites"] == [] and at.title[0].value == "What this means for you"
    assert at.button(key=f"changed_open__g{gen(at)}").label == "My results changed"


def test_in_spanish_every_word_of_it_is_spanish(kb_es):
    at = new_app(hr="positive", her2="zero", site="bone", sex="female", lang="es")
    assert at.button(key=f"changed_open__g{gen(at)}").label == "Mis resultados cambiaron"
    open_changed(at, "es")
    english = english_ui_phrases()
    assert not [p for p in english if p in without_sources(texts(at))]
    enter(at, her2="low", sites=["liver"])
    shown = without_sources(texts(at))
    assert at.title[0].value == "Qué cambia con sus nuevos resultados"
    assert kb_es.kinds["her2_adc"].name in shown
    assert next(o.name for o in kb_es.options if o.id == "tdxd_her2_low") in shown
    assert kb_es.sites["liver"].urgent_signs.emergency[0] in "\n".join(e.value for e in at.error)
    assert not [p for p in english if p in shown]
    click(at, "changed_use")
    assert [s.value for s in at.success] == ["Esta página ahora muestra sus nuevos resultados."]


def test_the_screen_and_the_teaching_page_show_one_comparison():
    """The explainer's step and the teaching page both read knowledge.changes (no second copy)."""
    from components.teaching import changes as teaching_changes

    assert changed.changes_between is changes_between is teaching_changes.changes_between
