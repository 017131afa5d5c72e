"""The results screen: summary, options in four groups, places of spread, questions, take-home."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase, explain, missing_results
from knowledge.approvals import checked_sentence

from . import option_card, sites, state, takehome
from .grouping import GROUPS, group
from .notes import show_notes
from .summary import answer_words, place_words
from .text import t


def render(kb: KnowledgeBase) -> None:
    profile = state.profile()
    explanation = explain(profile, kb)
    disclaimer(explanation.disclaimer, "top")
    st.title(t("results.heading"), anchor=False)
    show_notes()
    _summary(kb, explanation)
    st.button(t("results.change"), icon="✏️", key=state.key("change"), on_click=state.go, args=(state.STEPS[0],))
    groups = group(explanation)
    st.header(t("results.options_heading"), anchor=False)
    st.markdown(t("results.options_intro"))
    tabs = st.tabs([t("results.tab", name=t(f"results.group_{name}"), n=len(groups[name])) for name in GROUPS])
    for tab, name in zip(tabs, GROUPS):
        with tab:
            st.markdown(f"**{t(f'results.group_{name}')}.** {t(f'results.group_{name}_intro')}")
            if not groups[name]:
                st.markdown(f"_{t('results.group_empty')}_")
            for result in groups[name]:
                option_card.render(result, kb, profile)
    sites.render(explanation, kb)
    st.header(t("results.questions_heading"), anchor=False)
    st.markdown("\n".join(f"{i}. {q}" for i, q in enumerate(explanation.questions, 1)))
    nurse_card(kb, explanation)
    takehome.render(kb, explanation)
    disclaimer(explanation.disclaimer, "bottom", kb)


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


def disclaimer(text: str, where: str, kb: KnowledgeBase | None = None) -> None:
    with st.container(key=f"disclaimer_{where}"):
        st.info(text + (f"  \n{checked_sentence(kb)}" if kb else ""), icon="ℹ️")


def _summary(kb: KnowledgeBase, explanation) -> None:
    answers = state.answers()
    places = place_words(kb, answers)
    conditional = sum(1 for r in explanation.options if r.status == "conditional")
    lines = [
        t("results.summary_entered", answers="; ".join(answer_words(kb, answers, with_sex=False))),
        t("results.summary_places", places=", ".join(places)) if places else t("results.summary_places_none"),
        " ".join(filter(None, [
            t("results.summary_count_one") if len(explanation.options) == 1
            else t("results.summary_count", n=len(explanation.options)),
            "" if conditional == 0 else t("results.summary_conditional_one") if conditional == 1
            else t("results.summary_conditional", m=conditional),
            t("results.summary_decide")])),
    ]
    with st.container(border=True, key="summary"):
        who = kb.inputs["sex"].values[answers["sex"]].label
        st.markdown(f"**{t('results.showing_for', who=who)}**")
        if answers["sex"] == "male":  # what is different for men, before anything else
            st.markdown(kb.meta.men_note)
            st.caption(t("results.sources") + ": " + "; ".join(kb.sources[s].publisher for s in kb.meta.men_note_sources))
        st.button(t("results.change_who"), key=state.key("change_who"), type="tertiary",
                  on_click=state.go, args=(state.STEPS[0],))
        st.markdown("  \n".join(lines))
