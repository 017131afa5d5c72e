"""Words explained: every glossary term, with a simple filter and a row of letters to jump to."""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.approvals import status_sentence
from knowledge.i18n import alphabetical
from knowledge.schema import Term

from ..shared import state
from ..shared.text import t


def other_names(term: Term) -> list[str]:
    """The other names the definition does not already say ("Also called T-DXd." is not said twice)."""
    said = term.definition.lower()
    return [name for name in term.also if name.lower() not in said]


def render(kb: KnowledgeBase) -> None:
    st.title(t("glossary.heading"), anchor=False)
    st.markdown(t("glossary.intro"))
    query = st.text_input(t("glossary.search"), key=state.key("glossary_search")).strip().lower()
    groups = [(letter, [g for g in terms if not query or query in g.term.lower()
                        or any(query in a.lower() for a in g.also)]) for letter, terms in by_letter(kb)]
    groups = [(letter, terms) for letter, terms in groups if terms]
    if not groups:
        st.markdown(t("glossary.none"))
    if not query:  # a filtered list is short: no letters needed
        links = "".join(f'<a href="#letter-{n}">{escape(letter)}</a>' for n, (letter, _) in enumerate(groups))
        st.html(f'<nav class="az" aria-label="{escape(t("glossary.jump"))}">{links}</nav>')
    for n, (letter, terms) in enumerate(groups):
        if not query:
            st.subheader(letter, anchor=f"letter-{n}")
        for term in terms:
            _term(kb, term)


def by_letter(kb: KnowledgeBase) -> list[tuple[str, list[Term]]]:
    """The glossary in the language's own alphabetical order, under its index letters (kept with the rule set)."""
    found = kb.cache.get("glossary_by_letter")
    if found is None:
        found = kb.cache["glossary_by_letter"] = alphabetical(kb.lang, kb.glossary, lambda g: g.term)
    return found


def _term(kb: KnowledgeBase, term: Term) -> None:
    lines = [f"**{term.term}**", term.definition]
    if term.pronunciation:
        lines.append(f"_{t('glossary.say_it', pronunciation=term.pronunciation)}_")
    names = other_names(term)
    if names:
        lines.append(t("glossary.also", names=", ".join(names)))
    if term.drug and kb.drugs[term.drug].status != "approved":
        lines.append(status_sentence(kb, term.drug))
    st.markdown("  \n".join(lines))
