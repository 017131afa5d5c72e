"""Kinds of treatment: a picture of their usual order, then each group as a heading over one line
per treatment.

The picture is a line of time in boxes (often first, then often later; some at any time
alongside; some only if a test shows something), each box with how many treatments it holds
and pictures of how they are given, and a caption in words. It is drawn in HTML, so its words
are real text that follows the text size and reads in order on a screen reader.

The groups and their cards run as one fragment: opening a card (or its evidence) reruns only
this part of the page, and a card is drawn only once opened. Each group is folded to its
heading and a one-line list of names; a tap on its switch shows one line per treatment, and a
tap on a line opens its card.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import Explanation, KnowledgeBase

from ..shared import state
from ..shared.grouping import GROUPS, group
from ..shared.icons import icon_svg
from ..shared.text import t
from . import option_card


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    groups = group(explanation)
    with st.container(key="treatments_heading"):
        st.header(t("results.options_heading"), anchor=False)
    _certain(kb, explanation)
    st.markdown(timeline(groups), unsafe_allow_html=True)
    _groups(kb, explanation)


def _certain(kb: KnowledgeBase, explanation: Explanation) -> None:
    """Kinds of treatment that apply whatever the unknown results turn out to be (worked out from the
    rules by the engine): chemotherapy when nothing is known, say."""
    if explanation.certain_kinds:
        lines = "".join(f'<p class="first-option"><span class="ways">{icon_svg(kind, size_px=34)}</span><span><b>'
                        f'{escape(kb.kinds[kind].name)}</b>: {escape(t("results.certain_kind"))}</span></p>'
                        for kind in explanation.certain_kinds)
        st.markdown(lines, unsafe_allow_html=True)


def timeline(groups) -> str:
    """The order treatments are usually met, as boxes with arrows, a count and how they are given."""
    def box(name: str, extra: str = "") -> str:
        results = groups[name]
        ways = list(dict.fromkeys(w for r in results for w in r.option.given))
        pictures = "".join(icon_svg(w, size_px=28) for w in ways)
        words = t("results.given_join").join(t(f"results.given.{w}") for w in ways)
        return (f'<li class="step {extra}"><b>{escape(t(f"results.group_{name}"))}</b>'
                f'<span class="ways" aria-hidden="true">{pictures}</span>'
                f'<span class="count">{escape(t("results.timeline_count", n=len(results)))}</span>'
                f'<span class="sr-only">{escape(words)}</span></li>')

    line = [name for name in ("first", "later") if groups[name]]
    steps = '<li class="arrow" aria-hidden="true">→</li>'.join(box(name) for name in line)
    aside = "".join(box(name, extra) for name, extra in (("any", "aside"), ("conditional", "maybe")) if groups[name])
    return (f'<figure class="timeline"><ol class="steps">{steps}{aside}</ol>'
            f'<figcaption>{escape(t("results.timeline_caption"))}</figcaption></figure>')




@st.fragment
def _groups(kb: KnowledgeBase, explanation: Explanation) -> None:
    groups = group(explanation)
    profile = state.profile()
    for name in GROUPS:  # often first, often later, at any time, only if a test shows; empty ones left out
        results = groups[name]
        if not results:
            continue
        with st.container(key=f"group_{name}"):
            with st.container(horizontal=True, vertical_alignment="center", gap="medium"):  # heading and switch
                st.subheader(t("results.group_title", name=t(f"results.group_{name}"), n=len(results)),
                             anchor=False, width="content")
                shown = st.toggle(t("results.show_group"), key=state.key(f"show_{name}"))
            if name == "conditional":
                st.markdown(t("results.group_conditional_intro"))
            if not shown:
                st.markdown(escape(" · ".join(r.option.heading for r in results)), unsafe_allow_html=True)
                continue
            for result in results:
                option_card.render(result, kb, profile)
