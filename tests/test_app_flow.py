"""The explainer's promises, checked by driving the app with Streamlit's AppTest (no browser)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components.explainer import glossary
from knowledge import Profile, explain, load_knowledge
from knowledge.profile import SITE_VALUES

from .apptest_helpers import (  # noqa: F401 (autouse fixture)
    answer, begin, click, fresh_caches, new_app, open_cards, open_groups, shown_cards, walk,
)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [i.value for i in at.info]
    parts += [w.value for w in at.warning]
    parts += [h.value for h in at.title] + [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [c.value for c in at.caption] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def option_cards(at: AppTest) -> set[str]:
    """Every treatment on the page, once each group is opened (as a person taps its switch)."""
    return set(shown_cards(open_groups(at)))


def signs(at: AppTest) -> str:
    """The text of both warning tiers: the emergency tier red (error), the "today" tier amber (warning)."""
    return "\n".join([e.value for e in at.error] + [w.value for w in at.warning])


def test_start_screen_is_three_lines_and_one_start_button():
    at = new_app()
    assert not at.exception
    # The hidden controls for the phone's Back and Forward are never shown (tests/browser checks that).
    assert [b.label for b in at.button if not b.key.startswith("history_")] == ["Start"]
    assert len(at.markdown) == 3
    assert "not medical advice" in texts(at)


def test_full_flow_shows_grouped_options_sites_and_notice(kb):
    at = walk(new_app(), hr="positive", her2="low", sites=["bone", "liver"])
    assert not at.exception
    assert at.session_state["step"] == "results"
    shown = texts(at)
    assert kb.meta.disclaimer.split(".")[0] in at.info[0].value
    for heading in ("Often used first", "Often used later", "At any time", "Only if a test shows…",
                    "Warning signs", "Support for you and your family", "My questions for the visit", "Take this home"):
        assert heading in shown
    for tiers in [kb.sites["bone"].urgent_signs, kb.sites["liver"].urgent_signs, kb.meta.general_urgent_signs]:
        assert all(sign in "\n".join(e.value for e in at.error) for sign in tiers.emergency)
        assert all(sign in "\n".join(w.value for w in at.warning) for sign in tiers.today)
    assert any(f"Call {kb.meta.emergency_number} or go to the emergency department now if:" in e.value
               for e in at.error)
    assert "Checked against US FDA approvals up to" in shown


def test_the_screen_shows_exactly_the_options_the_engine_gives(kb):
    at = walk(new_app(), hr="positive", her2="low", sites=["bone", "liver"])
    expected = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"]), kb)
    assert option_cards(at) == {r.id for r in expected.options}


def test_all_unknown_answers_still_give_results_with_tests_named(kb):
    at = walk(new_app())
    assert not at.exception
    expected = explain(Profile.create(), kb)
    assert option_cards(at) == {r.id for r in expected.options}
    conditional = [r.id for r in expected.options if r.status == "conditional"]
    assert conditional
    open_cards(at, conditional[:3])
    assert "Only if:" in texts(at)


def test_every_site_shows_its_urgent_signs(kb):
    at = walk(new_app(), hr="negative", her2="zero", sites=list(SITE_VALUES))
    assert not at.exception
    shown = signs(at)
    for site in kb.sites.values():
        for sign in site.urgent_signs.emergency + site.urgent_signs.today:
            assert sign in shown, f"urgent sign for {site.id} missing"


def test_back_keeps_every_answer():
    at = new_app()
    begin(at)
    answer(at, "hr", "negative")
    click(at, "next_hr")
    answer(at, "her2", "ultralow")
    click(at, "next_her2")
    answer(at, "sites", ["brain"])
    click(at, "back_sites")
    assert at.radio(key="q_her2__g0").value == "ultralow"
    click(at, "back_her2")
    assert at.radio(key="q_hr__g0").value == "negative"
    click(at, "next_hr")
    click(at, "next_her2")
    assert at.button_group(key="q_sites__g0").value == ["brain"]


def test_a_man_is_not_asked_about_menopause():
    at = new_app()
    begin(at)
    for step in ("hr", "her2"):
        answer(at, step, "unknown")
        click(at, f"next_{step}")
    click(at, "next_sites")
    assert at.radio(key="q_menopause__g0")
    at = new_app()
    begin(at, sex="male")
    for step in ("hr", "her2"):
        answer(at, step, "unknown")
        click(at, f"next_{step}")
    click(at, "next_sites")
    assert not [r for r in at.radio if r.key == "q_menopause__g0"]


def test_menopause_is_not_asked_when_the_cancer_is_hormone_receptor_negative():
    at = new_app()
    begin(at)
    answer(at, "hr", "negative")
    click(at, "next_hr")
    answer(at, "her2", "zero")
    click(at, "next_her2")
    click(at, "next_sites")
    assert not [r for r in at.radio if r.key == "q_menopause__g0"]


def test_start_over_clears_every_answer_and_widget_once_confirmed():
    at = walk(new_app(), hr="positive", her2="positive", sites=["lung"])
    click(at, "start_over_top")
    assert at.session_state["step"] == "results", "Start over asks first"
    at.button(key="start_over_clear").click().run()
    assert at.session_state["step"] == "start"
    assert at.session_state["answers"]["hr"] == "unknown"
    begin(at)
    assert at.radio(key="q_hr__g1").value is None  # nothing chosen for the next answer either


def test_shared_link_reopens_the_same_results(kb):
    at = new_app(hr="positive", her2="low", site=["bone", "liver"], menopause="post", sex="female",
                 esr1="positive")
    assert not at.exception
    assert at.session_state["step"] == "results"
    answers = at.session_state["answers"]
    assert (answers["hr"], answers["her2"], answers["sites"]) == ("positive", "low", ["bone", "liver"])
    assert answers["markers"]["esr1"] == "positive"
    expected = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post",
                                      markers={"esr1": "positive"}), kb)
    assert option_cards(at) == {r.id for r in expected.options}
    assert not at.run().query_params  # answers do not linger in the address bar (the next run clears them)


def test_bad_link_parameters_are_ignored_with_a_gentle_note():
    at = new_app(hr="banana", her2="low", site=["bone", "moon"], pdl1=["positive", "negative"], sex="female",
                 evil="<script>alert(1)</script>")
    assert not at.exception
    assert at.session_state["step"] == "results"
    assert at.session_state["answers"]["sites"] == ["bone"]
    note = "\n".join(i.value for i in at.info)
    assert "could not be read" in note and "Hormone receptors" in note
    shown = texts(at)
    assert "banana" not in shown and "<script>" not in shown and "moon" not in shown


def test_a_link_without_who_it_is_for_asks_before_showing_results():
    at = new_app(hr="positive", her2="low", site="bone")
    assert not at.exception
    assert at.session_state["step"] == "sex" and at.session_state["answers"]["sex"] is None
    assert "First, please say who the information is for." in "\n".join(i.value for i in at.info)
    assert at.radio(key="q_sex__g0").value is None  # no answer is chosen for her
    assert at.button(key="next_sex__g0").disabled
    at.radio(key="q_sex__g0").set_value("male").run()
    click(at, "next_sex")
    assert at.session_state["answers"]["hr"] == "positive"  # the link's answers are kept


def test_results_are_never_shown_before_the_person_says_who_they_are_for():
    at = new_app()
    click(at, "start")
    assert at.session_state["step"] == "sex" and at.button(key="next_sex__g0").disabled
    assert not [b for b in at.button if b.key and b.key.startswith("skip_")]  # no skipping past it
    at.session_state["step"] = "results"  # even if the flow were forced there
    at.run()
    assert at.session_state["step"] == "sex" and not at.exception


def test_a_link_with_nothing_usable_stays_on_the_start_screen():
    at = new_app(foo="bar")
    assert not at.exception
    assert at.session_state["step"] == "start"
    assert "could not be read" in "\n".join(i.value for i in at.info)


def test_text_size_control_is_on_every_screen():
    at = new_app()
    assert at.button_group(key="text_size__g0").value == "normal"
    at.button_group(key="text_size__g0").set_value("largest").run()
    assert not at.exception


def test_glossary_and_about_pages(kb):
    at = new_app()
    at.switch_page("components/explainer/pages/glossary.py").run()
    assert not at.exception
    shown = texts(at)
    assert all(term.term in shown for term in kb.glossary)
    # Letters to jump to, one heading per letter, and no other name said twice in an entry.
    letters = [letter for letter, _ in glossary.by_letter(kb)]
    assert [h.value for h in at.subheader] == letters and letters[:2] == ["A", "B"]
    nav = next(h.proto.body for h in at.get("html") if 'class="az"' in h.proto.body)
    assert all(f'href="#letter-{n}">{c}</a>' in nav for n, c in enumerate(letters))
    tdxd = next(m.value for m in at.markdown if m.value.startswith("**trastuzumab deruxtecan**"))
    assert "Also called T-DXd." in tdxd and "Also called: T-DXd" not in tdxd
    at.text_input(key="glossary_search__g0").input(kb.glossary[0].term).run()
    assert kb.glossary[0].definition in texts(at)
    assert not at.subheader, "a filtered list has no letter headings"
    at.switch_page("components/explainer/pages/about.py").run()
    shown = texts(at)
    assert kb.version in shown and kb.meta.baseline in shown and "no money from drug companies" in shown
