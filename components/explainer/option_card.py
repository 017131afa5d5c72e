"""One treatment option as a card. First layer: what it is in two or three sentences and why it
is shown for you. One tap opens the rest, in the order a reader asks: how it is given, what it
may do for you, what it may cause and what to report right away, then the rest, sources last."""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import CONDITIONAL, KnowledgeBase, OptionResult, Profile, lines_for, matched_because, waiting_on
from knowledge.approvals import approval_sentences, approval_sources, date_words, research_sentences
from knowledge.engine import shows_research

from ..shared import glossary_terms, listen, settings
from ..shared.icons import how_given, icon_svg
from ..shared.text import t


def anchor(option_id: str) -> str:
    """The in-page address of a card, so a summary line can take the reader straight to it."""
    return f"card-{option_id.replace('_', '-')}"


def render(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> None:
    option = result.option
    with st.container(border=True, key=f"option_{option.id}"):
        st.markdown(f'<span id="{anchor(option.id)}"></span>', unsafe_allow_html=True)
        with listen.row(f"option_{option.id}", option.name):
            st.subheader(option.name, anchor=False)
        st.markdown(f"<p>{glossary_terms.marked(option.summary, kb, anchor(option.id))}</p>", unsafe_allow_html=True)
        way = how_given(option)
        st.markdown(f'<span class="how-given">{icon_svg(way, size_px=32)} {t(f"results.given.{way}")}</span>',
                    unsafe_allow_html=True)
        if result.status == CONDITIONAL:
            st.markdown(f"**{t('results.only_if', tests='; '.join(waiting_on(result, kb, profile)))}**")
        reasons = matched_because(result, kb, profile) if result.status != CONDITIONAL else []
        why = glossary_terms.marked(option.why, kb, f"{anchor(option.id)}-why")
        st.markdown(f"<p><strong>{escape(t('results.why_shown'))}:</strong> {why}</p>", unsafe_allow_html=True)
        if reasons:
            st.markdown("\n".join(f"- {r}" for r in reasons))
        with st.expander(t("results.more", name=option.name)):
            _details(result, kb, profile)


def _section(title: str, body: str) -> None:
    st.markdown(f"**{title}**  \n{body}")


def _details(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> None:
    option, d = result.option, result.option.details
    _section(t("results.how_given"), d.how_given)
    notes = lines_for(d.notes, profile)
    if notes:
        _section(t("results.good_to_know"), "  \n".join(notes))
    left, right = st.columns(2)  # benefits and harms side by side, with equal weight
    with left:
        _section(t("results.may_help"), d.may_help)
    with right:
        _section(t("results.may_cause"), d.may_cause)
        st.markdown(f"**{t('results.report_right_away')}**")
        st.markdown("\n".join(f"- {line}" for line in lines_for(d.report_right_away, profile)))
    _section(t("results.what_it_is"), d.what_it_is)
    _section(t("results.how_it_works"), d.how_it_works)
    _section(t("results.typical_use"), d.typical_use)
    if option.drugs:
        _section(t("results.drugs"), "\n".join(f"- {_drug(kb, drug)}" for drug in option.drugs))
    if option.europe:
        _section(t("results.europe"), option.europe)
    if shows_research(option, profile):
        _section(t("results.research"), "  \n".join([option.research, *research_sentences(kb, option)]))
    approvals = approval_sentences(kb, option)
    if approvals or option.evidence.basis:
        _section(t("results.evidence"), "\n".join(f"- {line}" for line in approvals or [option.evidence.basis]))
    questions = lines_for(option.questions, profile)
    if questions:
        _section(t("results.questions"), "\n".join(f"- {q}" for q in questions))
    st.markdown(f"**{t('results.sources')}**")
    sources = dict.fromkeys([*option.sources, *approval_sources(kb, option)])
    with st.container(key=f"in_english_sources_{option.id}"):  # titles as published (marked lang="en")
        st.markdown("\n".join(f"- {_source(kb, s)}" for s in sources))
    st.caption(t("results.reviewed", date=date_words(kb, option.reviewed)))


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
