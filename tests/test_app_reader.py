"""Reading for someone you care for: the choice at the start and in the settings, the carer forms
of the warning signs and the aims, the carer's card, Start over, the kiosk reset, the share link
and the take-home, checked by driving the app with Streamlit's AppTest (no browser)."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from components.shared.text import CARER, is_plural
from components.take_home import printable
from knowledge import Profile, explain, load_knowledge

from .apptest_helpers import click, fresh_caches, gen, new_app, open_cards, walk  # noqa: F401 (autouse fixture)

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("en", "es", "zh-Hans", "vi")
WORDS = {lang: yaml.safe_load((ROOT / "components" / "shared" / f"text_{lang}.yaml").read_text(encoding="utf-8"))[lang]
         for lang in LANGS}
TYPICAL = dict(hr="positive", her2="low", sites=["bone", "liver"])


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [i.value for i in at.info] + [h.value for h in at.title] + [h.value for h in at.header]
    parts += [h.value for h in at.subheader] + [c.value for c in at.caption] + [e.label for e in at.expander]
    return "\n".join(str(p) for p in parts)


def signs(at: AppTest) -> str:
    """Both warning tiers as drawn: red (error) and amber (warning)."""
    return "\n".join([e.value for e in at.error] + [w.value for w in at.warning])


def choose_reader(at: AppTest, who: str) -> AppTest:
    """One tap on the reader choice, on the start screen or in the settings."""
    at.button_group(key=f"reader__g{gen(at)}").set_value(who)
    return at.run()


def carer_results(lang: str = "en") -> AppTest:
    """A family member's walk: the language and "I'm reading for someone I care for" on the start
    screen, then every question, to the results."""
    at = new_app()
    if lang != "en":
        at.button_group(key="lang__g0").set_value(lang).run()
    return walk(choose_reader(at, "caregiver"), **TYPICAL)


def open_carer_card(at: AppTest) -> AppTest:
    """Open the folded card for the carer, as a tap would."""
    at.session_state[f"carer_card__g{gen(at)}"] = True
    return at.run()


def every_sign(signs_of) -> list[str]:
    return [s for tiers in signs_of for s in tiers.emergency + tiers.today]


def shown_as_a_sign(drawn: str, sign: str) -> bool:
    """The sign is a line of a tier as drawn ("- sign" on the first screen, "**Place:** sign" below),
    not just part of a longer one (a carer form may be the person's own with a subject before it)."""
    return re.search(rf"(?:^- |\*\* ){re.escape(sign)}", drawn, re.MULTILINE) is not None


# ---- the choice on the start screen, and the results it turns ---------------------------------

def test_the_start_screen_offers_the_choice_in_one_tap_with_nothing_chosen_for_a_carer():
    at = new_app()
    choice = at.button_group(key="reader__g0")
    assert choice.options == ["I'm reading for myself", "I'm reading for someone I care for"]
    assert choice.value == "self", "the person themselves, as before, until someone says otherwise"
    assert at.session_state["step"] == "start"


def test_a_carer_reads_the_signs_the_aims_and_the_words_as_a_family_member_sees_them(kb):
    at = carer_results()
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "What this means for the person you care for"
    assert kb.support.carer.aims.split(".")[0] in shown and kb.support.aims.split(".")[0] not in shown
    assert "Often one of the first treatments for cancers like theirs" in shown
    assert "General education, not medical advice. Their care team decides about treatment." in shown
    assert "What matters most to them right now" in shown and "Tick the questions to ask together" in shown
    drawn = signs(at)
    carer = every_sign([kb.sites["bone"].carer_signs, kb.sites["liver"].carer_signs, kb.meta.general_carer_signs])
    mine = every_sign([kb.sites["bone"].urgent_signs, kb.sites["liver"].urgent_signs, kb.meta.general_urgent_signs])
    assert all(shown_as_a_sign(drawn, sign) for sign in carer), "every sign in its carer form, each in its tier"
    assert not [sign for sign in mine if shown_as_a_sign(drawn, sign)], "and none as the person would read it"
    assert "Their legs feel weak or numb, or they cannot walk normally." in drawn
    # The card for the carer, right after Support, folded (so the page stays short) until opened;
    # then its sourced support lines.
    assert "For you, as someone who cares for them" in [e.label for e in at.expander]
    assert kb.support.carer.help_at_visit[0] not in shown, "drawn only once opened"
    open_carer_card(at)
    shown = texts(at)
    for line in kb.support.carer.help_at_visit + kb.support.carer.look_after_yourself:
        assert line in shown
    for helpline in kb.support.carer.helplines:
        assert f"[{helpline.name}]({helpline.url})" in shown and helpline.phone in shown
    assert "US Administration for Community Living (2026)" in shown
    # A card's own words follow the reader too.
    open_cards(at, ["aromatase_inhibitor"])
    assert "What it may do for them" in texts(at) and "What it may do for you" not in texts(at)


@pytest.mark.parametrize("lang", ["es", "zh-Hans", "vi"])
def test_a_carer_reads_the_carer_forms_in_every_language(lang):
    kb = load_knowledge(lang=lang)
    at = carer_results(lang)
    assert not at.exception
    assert at.title[0].value == WORDS[lang]["carer"]["results"]["heading"]
    drawn = signs(at)
    carer = every_sign([kb.sites["bone"].carer_signs, kb.meta.general_carer_signs])
    assert all(shown_as_a_sign(drawn, s) for s in carer)
    assert not [s for s in every_sign([kb.sites["bone"].urgent_signs]) if shown_as_a_sign(drawn, s)]
    assert WORDS[lang]["carer_card"]["heading"] in [e.label for e in at.expander]
    open_carer_card(at)
    assert all(h.name in texts(at) for h in kb.support.carer.helplines)
    if lang == "es":
        assert "La persona siente las piernas débiles o adormecidas" in drawn


def test_the_settings_switch_a_carer_back_to_the_person_themselves(kb):
    at = carer_results()
    choose_reader(at, "self")  # the same choice, in the settings beside the text size and language
    assert not at.exception
    assert at.session_state["reader"] == "self"
    assert at.title[0].value == "What this means for you"
    drawn = signs(at)
    assert all(sign in drawn for sign in every_sign([kb.sites["bone"].urgent_signs, kb.meta.general_urgent_signs]))
    assert "Their legs" not in drawn
    assert "For you, as someone who cares for them" not in [e.label for e in at.expander]
    assert at.session_state["answers"]["hr"] == "positive", "the answers stay"


def test_the_settings_hold_the_choice_past_the_start_screen():
    at = walk(new_app(), **TYPICAL)
    assert at.button_group(key=f"reader__g{gen(at)}").label == "Who is reading?"
    choose_reader(at, "caregiver")
    assert at.title[0].value == "What this means for the person you care for"


# ---- Start over keeps it; the kiosk reset for the next person forgets it ---------------------

def test_start_over_by_the_same_person_keeps_the_reader():
    at = carer_results()
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()
    assert not at.exception
    assert at.session_state["step"] == "start" and at.session_state["answers"]["hr"] == "unknown"
    assert at.session_state["reader"] == "caregiver"
    assert at.button_group(key="reader__g1").value == "caregiver"
    walk(at, **TYPICAL)
    assert at.title[0].value == "What this means for the person you care for"


def test_the_kiosk_reset_for_the_next_person_forgets_the_reader():
    at = AppTest.from_function(_carer_then_reset).run()
    assert not at.exception
    assert "reader" not in at.session_state
    assert at.button_group(key="reader__g4").value == "self", "the next person starts as reading for themselves"


def _carer_then_reset():
    import streamlit as st

    from components.kiosk import idle
    from components.shared import reader

    if "reset_done" not in st.session_state:
        st.session_state.update(reader="caregiver", lang="es", generation=3)
        idle.reset_for_next_person()
        st.session_state["reset_done"] = True
    reader.switch(big=True)


def test_on_a_kiosk_the_carers_support_lines_are_words_not_links(monkeypatch, kb):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = open_carer_card(carer_results())
    assert not at.exception
    shown = texts(at)
    for helpline in kb.support.carer.helplines:
        assert f"**{helpline.name}**: {helpline.what}" in shown
    assert not re.search(r"\]\(https?://", shown)


# ---- the share link --------------------------------------------------------------------------

def test_a_carers_share_link_carries_the_reader_and_reopens_for_a_carer(kb):
    link = carer_results().code[0].value
    assert parse_qs(urlsplit(link).query)["reader"] == ["caregiver"]
    again = new_app(**parse_qs(urlsplit(link).query))
    assert not again.exception
    assert again.session_state["step"] == "results"
    assert again.title[0].value == "What this means for the person you care for"
    assert kb.sites["bone"].carer_signs.emergency[0] in signs(again)
    assert not again.run().query_params


def test_the_persons_own_share_link_has_no_reader_part():
    at = walk(new_app(), **TYPICAL)
    assert "reader=" not in at.code[0].value


def test_an_unknown_reader_in_a_link_is_left_out_with_the_gentle_note(kb):
    at = new_app(hr="positive", her2="low", site="bone", sex="female", reader="parent")
    assert not at.exception
    assert at.session_state.get("reader", "self") == "self"
    assert "Some parts of the link could not be read, so they were left out: who is reading." in texts(at)
    assert kb.sites["bone"].urgent_signs.emergency[0] in signs(at)


# ---- the take-home follows the reader ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_printout_follows_the_reader(lang):
    kb = load_knowledge(lang=lang)
    answers = {"hr": "positive", "her2": "low", "sites": ["bone", "liver"], "menopause": "post", "sex": "female",
               "markers": {m: "unknown" for m in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}}
    explanation = explain(Profile.create(**answers), kb)
    page = printable.build(kb, explanation, answers, None, "", reader="caregiver")
    mine = printable.build(kb, explanation, answers, None, "")
    carer = kb.support.carer
    words = WORDS[lang]["carer"]["takehome"]

    def first(text: str) -> str:  # a sign or the aims in short, as the page writes it
        return escape(printable.first_sentence(text))
    assert first(carer.aims) in page and first(kb.support.aims) not in page
    assert first(kb.sites["bone"].carer_signs.emergency[0]) in page
    assert first(kb.sites["bone"].urgent_signs.emergency[0]) not in page
    assert escape(words["print_phones"].split(".")[0]) in page
    assert escape(WORDS[lang]["carer"]["results"]["notice_short"]) in page
    lines = escape(WORDS[lang]["takehome"]["print_carer_lines"])  # the carer's support lines, with their numbers
    assert lines in page and all(f"{escape(h.name)}: {h.phone}" in page for h in carer.helplines)
    assert lines not in mine and not any(h.phone in mine for h in carer.helplines) and first(kb.support.aims) in mine


# ---- the carer's words stand in for words that exist ------------------------------------------

def _leaves(node, path=()):
    if isinstance(node, dict) and not is_plural(node):
        for key, value in node.items():
            yield from _leaves(value, path + (key,))
    else:
        yield path, node


@pytest.mark.parametrize("lang", LANGS)
def test_every_carer_word_stands_in_for_a_word_of_the_same_key_and_placeholders(lang):
    words = WORDS[lang]
    found = list(_leaves(words[CARER]))
    assert found, "a small, deliberate set"
    for path, text in found:
        node = words
        for part in path:
            assert isinstance(node, dict) and part in node, f"carer.{'.'.join(path)} stands in for no word"
            node = node[part]
        assert sorted(re.findall(r"\{(\w+)\}", text)) == sorted(re.findall(r"\{(\w+)\}", node)), path
        assert text != node, f"carer.{'.'.join(path)} says the same as the word it stands in for"
