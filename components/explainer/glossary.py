"""Words explained: every glossary term, with a simple filter and a row of letters to jump to."""

from __future__ import annotations

import unicodedata
from html import escape

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.approvals import status_sentence
from knowledge.schema import Term

from ..shared import state
from ..shared.text import t


def _plain(words: str) -> str:
    """Lower case without accents, so "ácido" sorts and files under A."""
    return "".join(c for c in unicodedata.normalize("NFD", words.lower()) if not unicodedata.combining(c))


def letter(term: Term) -> str:
    return _plain(term.term)[:1].upper()


def other_names(term: Term) -> list[str]:
    """The other names the definition does not already say ("Also called T-DXd." is not said twice)."""
    said = term.definition.lower()
    return [name for name in term.also if name.lower() not in said]


def render(kb: KnowledgeBase) -> None:
    st.title(t("glossary.heading"), anchor=False)
    st.markdown(t("glossary.intro"))
    query = st.text_input(t("glossary.search"), key=state.key("glossary_search")).strip().lower()
    terms = sorted(kb.glossary, key=lambda g: _plain(g.term))
    shown = [g for g in terms if not query or query in g.term.lower() or any(query in a.lower() for a in g.also)]
    if not shown:
        st.markdown(t("glossary.none"))
    by_letter = not query  # a filtered list is short: no letters needed
    if by_letter:
        links = "".join(f'<a href="#letter-{escape(c.lower())}">{escape(c)}</a>'
                        for c in dict.fromkeys(letter(g) for g in shown))
        st.html(f'<nav class="az" aria-label="{escape(t("glossary.jump"))}">{links}</nav>')
    current = None
    for term in shown:
        if by_letter and letter(term) != current:
            current = letter(term)
            st.subheader(current, anchor=f"letter-{current.lower()}")
        lines = [f"**{term.term}**", term.definition]
        if term.pronunciation:
            lines.append(f"_{t('glossary.say_it', pronunciation=term.pronunciation)}_")
        names = other_names(term)
        if names:
            lines.append(t("glossary.also", names=", ".join(names)))
        if term.drug and kb.drugs[term.drug].status != "approved":
            lines.append(status_sentence(kb, term.drug))
        st.markdown("  \n".join(lines))
