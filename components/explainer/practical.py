"""Practical help, by how her treatments are given: one folded line right under Support.

Opened (and only then drawn), it shows for each way her treatments are given (a pill at home, a
drip in the clinic, a shot), in the order her treatments come on the page, the practical
questions people ask (how long a visit takes, travel, time off work, cost, what to bring), written
for the care team: the app cannot know the answers. Her "what matters most to me" choices bring
their topics first (practical.yaml ``matters`` says which). Then who can help, taking no industry
money, and where it comes from. All of it comes from practical.yaml; nothing is stored.
"""

from __future__ import annotations

from html import escape
from typing import Iterable

import streamlit as st

from knowledge import Explanation, KnowledgeBase
from knowledge.schema import PracticalQuestion, PracticalWay

from ..shared import settings, state
from ..shared.grouping import group
from ..shared.icons import icon_svg
from ..shared.text import punctuate, t
from ..take_home.visit import picked_matters


def ways_for(kb: KnowledgeBase, explanation: Explanation) -> list[PracticalWay]:
    """The ways her treatments are given that have practical questions, in the order the page lists
    her treatments: those for cancers like hers; when none of those is given such a way, those shown
    only if a test shows something."""
    known = {w.id: w for w in kb.practical.ways}
    groups = group(explanation)
    for results in (groups["first"] + groups["later"] + groups["any"], groups["conditional"]):
        ways = dict.fromkeys(way for r in results for way in r.option.given if way in known)
        if ways:
            return [known[way] for way in ways]
    return []


def topics_first(kb: KnowledgeBase, matters: Iterable[str]) -> list[str]:
    """The topics the chosen "what matters" bring first, in the order the choices are offered."""
    chosen = set(matters)
    return list(dict.fromkeys(topic for m in kb.matters if m.id in chosen
                              for topic in kb.practical.matters.get(m.id, ())))


def ordered(way: PracticalWay, first: list[str]) -> list[PracticalQuestion]:
    """The way's questions, those about the ``first`` topics first (in that order), the rest as written."""
    rank = {topic: i for i, topic in enumerate(first)}
    return sorted(way.questions, key=lambda q: rank.get(q.id, len(rank)))


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    ways = ways_for(kb, explanation)
    with st.container(key="practical"):
        with st.expander(t("practical.heading"), icon="🧭", key=state.key("practical"), on_change="rerun") as box:
            if box.open:
                _inside(kb, ways)


def _inside(kb: KnowledgeBase, ways: list[PracticalWay]) -> None:
    st.markdown(t("practical.intro"))
    matters = [m for m in picked_matters(kb) if kb.practical.matters.get(m.id)]
    first = topics_first(kb, [m.id for m in matters])
    if matters:
        st.caption(punctuate(t("practical.first", matters="; ".join(m.label for m in matters))))
    for way in ways:
        words = t(f"results.given.{way.id}")
        st.markdown(f'<p class="how-given">{icon_svg(way.id, size_px=34)}<span>{escape(words[:1].upper() + words[1:])}'
                    "</span></p>", unsafe_allow_html=True)
        with st.container(key=f"practical_{way.id}"):
            st.markdown("\n".join(f"- {q.text}" for q in ordered(way, first)))
    st.markdown(f"**{t('practical.who')}**")
    lines = []
    for helper in kb.practical.help:
        name = helper.name if settings.kiosk() or not helper.url else f"[{helper.name}]({helper.url})"
        lines.append(punctuate(f"**{name}**: {helper.what}"))
    st.markdown("\n".join(f"- {line}" for line in lines))
    cited = dict.fromkeys(f"{kb.sources[s].publisher} ({kb.sources[s].date})"
                          for helper in kb.practical.help for s in helper.sources)
    st.caption(t("results.where_from"))
    with st.container(key="in_english_practical_sources"):  # publishers as they name themselves (marked lang="en")
        st.caption("; ".join(cited))
