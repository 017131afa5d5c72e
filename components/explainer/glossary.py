"""Words explained: every glossary term, with a simple filter."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.approvals import status_sentence

from ..shared import state
from ..shared.text import t


def render(kb: KnowledgeBase) -> None:
    st.title(t("glossary.heading"), anchor=False)
    st.markdown(t("glossary.intro"))
    query = st.text_input(t("glossary.search"), key=state.key("glossary_search")).strip().lower()
    terms = sorted(kb.glossary, key=lambda g: g.term.lower())
    shown = [g for g in terms if not query or query in g.term.lower() or any(query in a.lower() for a in g.also)]
    if not shown:
        st.markdown(t("glossary.none"))
    for term in shown:
        lines = [f"**{term.term}**", term.definition]
        if term.pronunciation:
            lines.append(f"_{t('glossary.say_it', pronunciation=term.pronunciation)}_")
        if term.also:
            lines.append(t("glossary.also", names=", ".join(term.also)))
        if term.drug and kb.drugs[term.drug].status != "approved":
            lines.append(status_sentence(kb, term.drug))
        st.markdown("  \n".join(lines))
