"""How the rules work: the rule language in brief, then every option's rule in words, by kind.

Generated from the rule set itself (:func:`knowledge.teaching.rule_in_words`), so it cannot
drift from what the explainer does.
"""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.teaching import rule_in_words

from ..shared.text import t
from . import common


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.rules.heading", "teaching.rules.intro")
    st.header(t("teaching.rules.language_heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in t("teaching.rules.language")))
    st.header(t("teaching.rules.results_heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in t("teaching.rules.results")))
    st.header(t("teaching.rules.options_heading"), anchor=False)
    for option_class, kind in kb.kinds.items():
        options = [o for o in kb.options if o.class_ == option_class]
        if not options:
            continue
        st.subheader(f"{kind.emoji} {kind.name}", anchor=False)
        for option in options:
            with st.container(key=f"rule_{option.id}"):
                st.markdown(f"**{option.name}**")
                st.markdown("\n".join(rule_in_words(option.when, kb)))
                st.caption(t("teaching.rules.file", file=common.option_file(kb, option.id)))
