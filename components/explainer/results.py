"""The results screen, in the reader's order.

The first screen answers: what this means and what treatment aims to do, what often comes
first for cancers like hers (or, when the receptor results are not known, which results decide
most of this and where to find them), and when to get help right away. Everything else follows
on demand: the treatments in the order they are usually met, every warning sign, support, the
questions for the visit and what matters most, and the results still missing. The take-home
(print and QR code) comes right after the first screen, and its print action again after the
questions.
"""

from __future__ import annotations

import os
from html import escape

import streamlit as st

from knowledge import KnowledgeBase, explain, missing_results, tier_headings
from knowledge.approvals import checked_sentence
from knowledge.profile import UNKNOWN

from ..shared import listen, settings, state
from ..shared.grouping import GROUPS, group
from ..shared.icons import how_given, icon_svg
from ..shared.summary import answer_words, place_words
from ..shared.text import t
from ..take_home import takehome, visit
from ..take_home.printable import first_sentence
from . import option_card, sites
from .notes import show_notes

CLINIC_PHONE_ENV = "EXPLAINER_CLINIC_PHONE"
FIRST_SCREEN_OPTIONS = 3  # at most this many names under "often one of the first treatments"
SHORT_SIGNS = 2  # per tier on the first screen; every sign is further down


def render(kb: KnowledgeBase) -> None:
    profile = state.profile()
    explanation = explain(profile, kb)
    groups = group(explanation)
    with st.container(key="disclaimer_top"):  # short here; the whole notice closes the page
        st.markdown(f'<p class="notice-short">ℹ️ {escape(t("results.notice_short"))}</p>', unsafe_allow_html=True)
    st.title(t("results.heading"), anchor=False)
    _meaning(kb, explanation)
    unsure = profile.hr == UNKNOWN or profile.her2 == UNKNOWN
    if unsure:
        _unsure()
    else:
        _often_first(groups)
    _get_help(kb, explanation)
    _entered(kb)
    if unsure:
        _for_everyone(groups)
    takehome.render(kb, explanation)  # printing and the QR code near the top, after the first screen
    show_notes()

    st.button(t("results.change"), icon="✏️", key=state.key("change"), on_click=state.go, args=(state.STEPS[0],))
    st.header(t("results.options_heading"), anchor=False)
    for name in GROUPS:  # often first, often later, at any time, only if a test shows; empty ones left out
        if groups[name]:
            with st.container(key=f"group_{name}"):
                st.subheader(t("results.group_title", name=t(f"results.group_{name}"), n=len(groups[name])),
                             anchor=False)
                st.markdown(t(f"results.group_{name}_intro"))
                for result in groups[name]:
                    option_card.render(result, kb, profile)
    st.markdown('<span id="warning-signs"></span>', unsafe_allow_html=True)
    sites.render(explanation, kb)
    _support(kb)
    visit.render(kb, explanation)
    takehome.print_action(kb, explanation, "bottom")  # again, once the questions are chosen
    nurse_card(kb, explanation)
    with st.container(key="disclaimer_bottom"):  # the whole notice, and when approvals were checked
        st.info(f"{explanation.disclaimer}  \n{checked_sentence(kb)}", icon="ℹ️")


def _meaning(kb: KnowledgeBase, explanation) -> None:
    """Who this is for and what treatment for stage 4 aims to do; for a man, what is different."""
    answers = state.answers()
    with st.container(border=True, key="summary"):
        who = kb.inputs["sex"].values[answers["sex"]].label
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="showing_for"):
            st.markdown(f"**{t('results.showing_for', who=who)}**", width="content")
            st.button(t("results.change_who"), key=state.key("change_who"), type="tertiary",
                      on_click=state.go, args=(state.STEPS[0],))
            listen.control("summary", t("results.heading"))  # in a row that is there anyway: no taller screen
        if answers["sex"] == "male":  # what is different for men: its first sentence here, the rest below
            st.markdown(escape(first_sentence(kb.meta.men_note)), unsafe_allow_html=True)
        st.markdown(kb.support.aims)


def _entered(kb: KnowledgeBase) -> None:
    """What was entered, every "not sure" named, and for a man the rest of what is different for
    men: after the signs, so a phone shows the signs first."""
    answers = state.answers()
    if answers["sex"] == "male":
        rest = kb.meta.men_note.removeprefix(first_sentence(kb.meta.men_note)).strip()
        cited = "; ".join(kb.sources[s].publisher for s in kb.meta.men_note_sources)
        st.markdown(f'<p class="you-said">{escape(rest)} ({escape(t("results.sources"))}: {escape(cited)})</p>',
                    unsafe_allow_html=True)
    places = place_words(kb, answers)
    said = "; ".join(answer_words(kb, answers, with_sex=False))
    where = t("results.summary_places", places=", ".join(places)) if places else t("results.summary_places_none")
    st.markdown(f'<p class="you-said">{escape(t("results.summary_entered", answers=said))} {escape(where)}</p>',
                unsafe_allow_html=True)


def _often_first(groups) -> None:
    """The one to three treatments often used first, each with how it is given and a tap to its card."""
    first = groups["first"][:FIRST_SCREEN_OPTIONS]
    if not first:
        return
    with st.container(key="often_first"):
        st.subheader(t("results.first_heading"), anchor=False)
        st.markdown("\n".join(_first_line(r.option) for r in first), unsafe_allow_html=True)


def _first_line(option) -> str:
    way = how_given(option)
    return (f'<p class="first-option">{icon_svg(way, size_px=36)}<span><a href="#{option_card.anchor(option.id)}">'
            f'{escape(option.name)}</a>: {escape(t(f"results.given.{way}"))}</span></p>')


def _unsure() -> None:
    """Never an empty first screen: which results decide most of this, and where they are."""
    with st.container(border=True, key="unsure"):
        st.subheader(t("results.unsure_heading"), anchor=False)
        st.markdown(t("results.unsure_text"))
        st.button(t("results.unsure_find"), key=state.key("unsure_find"), on_click=state.go, args=("hr",))


def _for_everyone(groups) -> None:
    """What applies to everyone, before any "only if a test shows" option."""
    everyone = [r for r in groups["any"] if r.option.class_ in ("supportive_care", "clinical_trial")]
    if everyone:
        with st.container(key="everyone"):
            st.subheader(t("results.everyone_heading"), anchor=False)
            st.markdown(t("results.everyone_text") + "\n" + "\n".join(_first_line(r.option) for r in everyone),
                        unsafe_allow_html=True)


def _get_help(kb: KnowledgeBase, explanation) -> None:
    """The most important warning signs for her places of spread, in the two tiers; every sign
    is in "Where it has spread" further down."""
    headings = tier_headings(kb)
    parts = [s.site.urgent_signs for s in explanation.sites] + [explanation.general_urgent_signs]
    with st.container(key="help_first"):
        st.subheader(t("results.help_heading"), anchor=False)
        columns = st.columns(2)  # side by side on a tablet, one under the other on a phone
        for column, tier in zip(columns, ("emergency", "today")):
            signs = list(dict.fromkeys(first_sentence(sign) for p in parts for sign in getattr(p, tier)[:1]))
            signs = signs[:SHORT_SIGNS]
            if signs:
                with column:
                    st.error(f"**{headings[tier]}**\n" + "".join(f"\n- {s}" for s in signs), icon="🚨")
        st.markdown(f"[{t('results.help_all')}](#warning-signs)")


def _support(kb: KnowledgeBase) -> None:
    """What supportive and palliative care are, and where to find support: sourced and dated."""
    support = kb.support
    with st.container(key="support"):
        st.header(t("results.support_heading"), anchor=False)
        st.markdown(support.care)
        phone = os.environ.get(CLINIC_PHONE_ENV, "").strip()
        lines = [t("results.clinic_phone", phone=escape(phone[:40]))] if phone else []
        for helpline in support.helplines:
            name = helpline.name if settings.kiosk() else f"[{helpline.name}]({helpline.url})"
            lines.append(f"**{name}**: {helpline.what}")
        st.markdown("\n".join(f"- {line}" for line in lines))
        cited = dict.fromkeys([*support.care_sources, *support.aims_sources,
                               *(s for h in support.helplines for s in h.sources)])
        st.caption(t("results.sources") + ":")
        with st.container(key="in_english_support_sources"):  # publishers as published (marked lang="en")
            st.caption("; ".join(f"{kb.sources[s].publisher} ({kb.sources[s].date})" for s in cited))


def nurse_card(kb: KnowledgeBase, explanation) -> None:
    """"Show this to your nurse": the results still missing, each with what it decides here,
    made from what the shown options wait on (never written by hand)."""
    missing = missing_results(explanation)
    if not missing:
        return
    with st.container(border=True, key="nurse_card"):
        st.subheader(t("results.nurse_heading"), anchor=False)
        st.markdown(t("results.nurse_intro"))
        lines = []
        for name, results in missing:
            decides = (t("results.nurse_decides_one", name=results[0].option.name) if len(results) == 1
                       else t("results.nurse_decides", n=len(results)))
            lines.append(f"- **{kb.inputs[name.removeprefix('marker:')].label}**: {decides}")
        st.markdown("\n".join(lines))
