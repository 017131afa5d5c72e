"""Gentle notes about a shared link that could only partly be read."""

from __future__ import annotations

import streamlit as st

from . import language, state
from .knowledge_base import get_knowledge
from .share import parse
from .text import t


def take_link() -> None:
    """Read answers (and the language) from the page's query parameters once, then clear them from the address bar."""
    if not st.query_params:
        return
    params = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    st.query_params.clear()
    lang = params.pop("lang", None)
    answers, ignored, used = parse(params)
    if lang is not None and not language.from_link(lang):
        ignored.insert(0, "lang")
    notes = []
    if used:
        st.session_state["answers"] = answers
        # A link without who it is for asks that first: results never assume a sex.
        state.go(state.STEPS[0] if answers["sex"] is None else state.RESULTS)
        notes.append(("loaded_ask_sex", []) if answers["sex"] is None else ("loaded", []))
    if ignored:
        notes.append(("ignored", ignored))
    st.session_state["notes"] = notes


def show_notes() -> None:
    kb = get_knowledge()
    for kind, names in st.session_state.get("notes", []):
        if kind == "loaded":
            st.info(t("share.note_loaded"), icon="🔗")
        elif kind == "loaded_ask_sex":
            st.info(t("share.note_loaded_ask_sex"), icon="🔗")
        else:
            labels = [kb.inputs[n].label if n in kb.inputs else t("share.lang_part") if n == "lang"
                      else t("share.other_parts") for n in names]
            st.info(t("share.note_ignored", names=", ".join(labels)), icon="ℹ️")
