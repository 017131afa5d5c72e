"""One treatment as a card in two layers.

Closed, a card is one line: its heading and a few plain words of what it is. A tap opens it,
and only then is it drawn (a closed card costs the page almost nothing). The patient layer:
every way it is given, whether it is for cancers like hers or only if a test shows something,
why it is shown, what it may do and what it may cause side by side with what to report right
away, and the safety sentences that concern her (pregnancy, other medicines). The evidence
layer, one more tap inside the card, keeps everything a teacher or reviewer needs: its summary,
what it is and how it works, when it is used, the medicines and how to say them, questions, research, the
US approvals from the registry, Europe, trials, the rule, sources and the review date.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import (
    APPLIES, CONDITIONAL, KnowledgeBase, OptionResult, Profile, lines_for, safety_lines, waiting_on,
)
from knowledge.approvals import approval_sentences, approval_sources, date_words, research_sentences
from knowledge.engine import ask_team_reasons, safety_sources, shows_research
from knowledge.teaching import rule_in_words

from ..shared import glossary_terms, listen, settings, state
from ..shared.icons import icon_svg
from ..shared.text import t


def anchor(option_id: str) -> str:
    """A card's own name in the page, for the ids of what is drawn inside it."""
    return f"card-{option_id.replace('_', '-')}"


def card_key(option_id: str) -> str:
    return state.key(f"card_{option_id}")


def way_pictures(option, size_px: int = 34) -> str:
    """One picture for every way the option is given (decoration: the words say it too)."""
    return f'<span class="ways">{"".join(icon_svg(way, size_px=size_px) for way in option.given)}</span>'


def way_words(option, capital: bool = False, lang: str | None = None) -> str:
    """Every way it is given in words: "a pill at home, or a drip (infusion) in the clinic"."""
    words = t("results.given_join", lang).join(t(f"results.given.{way}", lang) for way in option.given)
    return first_capital(words) if capital else words


def render(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> None:
    option = result.option
    with st.expander(f"**{option.heading}**: {option.plain}", key=card_key(option.id), on_change="rerun") as card:
        if card.open:
            _patient_layer(result, kb, profile)
            if st.toggle(t("results.evidence_toggle"), key=state.key(f"evidence_{option.id}")):
                with st.container(key=f"evidence_{option.id}"):
                    _evidence_layer(result, kb, profile)


def _patient_layer(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> None:
    option, d = result.option, result.option.details
    with st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False):
        st.markdown(f'<p class="how-given">{way_pictures(option)}<span>{escape(way_words(option, capital=True))}'
                    "</span></p>", unsafe_allow_html=True)
        listen.control(card_key(option.id), option.heading)
    if option.drugs:
        st.markdown(f"**{t('results.medicines')}:** {', '.join(kb.drug_name(d) for d in option.drugs)}")
    if result.status == APPLIES:
        st.markdown(f'<p class="like-yours">✓ {escape(t("results.like_yours"))}</p>', unsafe_allow_html=True)
    elif result.status == CONDITIONAL:
        st.markdown(f"**{t('results.only_if', tests='; '.join(waiting_on(result, kb, profile)))}**")
    why = glossary_terms.marked(option.why, kb, f"{anchor(option.id)}-why")
    st.markdown(f"<p><strong>{escape(t('results.why_shown'))}:</strong> {why}</p>", unsafe_allow_html=True)
    left, right = st.columns(2)  # benefits and harms side by side, with equal weight
    with left:
        _section(t("results.may_help"), d.may_help)
    with right:
        _section(t("results.may_cause"), d.may_cause)
        st.markdown(f"**{t('results.report_right_away')}**")
        st.markdown("\n".join(f"- {line}" for line in lines_for(d.report_right_away, profile)))
    notes = lines_for(d.notes, profile)
    if notes:
        _section(t("results.good_to_know"), "  \n".join(notes))
    safety = safety_lines(option, profile, kb)
    if safety:
        st.markdown(f"**{t('results.safety')}**\n" + "".join(f"\n- {line}" for line in safety))


def _evidence_layer(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> None:
    option, d = result.option, result.option.details
    st.markdown(f"<p>{glossary_terms.marked(option.summary, kb, anchor(option.id))}</p>", unsafe_allow_html=True)
    _section(t("results.what_it_is"), d.what_it_is)
    _section(t("results.how_it_works"), d.how_it_works)
    _section(t("results.how_given"), d.how_given)
    _section(t("results.typical_use"), d.typical_use)
    if option.drugs:
        _section(t("results.drugs"), "\n".join(f"- {_drug(kb, drug)}" for drug in option.drugs))
    questions = lines_for(option.questions, profile)
    if questions:
        _section(t("results.questions"), "\n".join(f"- {q}" for q in questions))
    if shows_research(option, profile):
        _section(t("results.research"), "  \n".join([option.research, *research_sentences(kb, option)]))
    if option.europe:
        _section(t("results.europe"), option.europe)
    approvals = approval_sentences(kb, option)
    if approvals or option.evidence.basis:
        _section(t("results.evidence"), "\n".join(f"- {line}" for line in approvals or [option.evidence.basis]))
    if option.evidence.trials:
        _section(t("results.trials"), ", ".join(option.evidence.trials))
    reasons = ask_team_reasons(option, profile)
    rule = "\n".join(rule_in_words(option.when, kb)) + "".join(f"\n- {r}" for r in reasons)
    _section(t("results.rule"), rule)
    st.markdown(f"**{t('results.sources')}**")
    sources = dict.fromkeys([*option.sources, *approval_sources(kb, option), *safety_sources(option, kb)])
    with st.container(key=f"in_english_sources_{option.id}"):  # titles as published (marked lang="en")
        st.markdown("\n".join(f"- {_source(kb, s)}" for s in sources))
    st.caption(t("results.reviewed", date=date_words(kb, option.reviewed)))


def _section(title: str, body: str) -> None:
    st.markdown(f"**{title}**  \n{body}")


def first_capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _drug(kb: KnowledgeBase, drug: str) -> str:
    """A drug as spelt in the rule set's language, with how to say it when the glossary has it."""
    name = kb.drug_name(drug)
    term = next((g for g in kb.glossary if g.term.lower() == name.lower()), None)
    if term and term.pronunciation:
        return f"{name} ({t('glossary.say_it', pronunciation=term.pronunciation)})"
    return name


def _source(kb: KnowledgeBase, source_id: str) -> str:
    s = kb.sources[source_id]
    if settings.kiosk():  # a shared tablet never leaves the app: the source as text, not a link
        return f"{s.title}, {s.publisher}, {s.date}"
    return f"[{s.title}]({s.url}), {s.publisher}, {s.date}"
