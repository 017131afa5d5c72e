"""Every warning sign, beside a body outline with her places of spread filled in.

The signs are in the two tiers, each tier its own look (red: call the emergency number now;
amber: call the care team today), each sign once with the place it belongs to. What each place
means, its symptoms and the treatments aimed at it are one tap away per place.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import Explanation, KnowledgeBase, tier_headings
from knowledge.approvals import date_words

from ..shared import listen, reader
from ..shared.text import t
from . import body_picture


def render(explanation: Explanation, kb: KnowledgeBase) -> None:
    from .results import TIER_LOOK  # the same two looks as on the first screen

    with listen.row("warning_signs", t("results.signs_heading")):
        st.header(t("results.signs_heading"), anchor=False)
    with st.container(key="warning_signs"):
        chosen = [s.site.id for s in explanation.sites]
        names = {s.id: s.name for s in kb.sites.values()}
        places = ", ".join(s.site.name.lower() for s in explanation.sites)
        label = t("steps.body_label", places=places) if places else t("steps.body_label_none")
        caption = t("results.body_caption", places=places) if places else t("results.no_sites")
        st.markdown(f'<figure class="body-row"><div class="body-small">{body_picture.svg(chosen, label, names)}</div>'
                    f'<figcaption>{escape(caption)}</figcaption></figure>', unsafe_allow_html=True)
        headings = tier_headings(kb)
        for tier, (box, icon) in TIER_LOOK.items():
            lines = _tier_lines(explanation, tier)
            if lines:
                with st.container(key=f"urgent_{tier}"):
                    box(f"**{headings[tier]}**\n" + "".join(f"\n- {line}" for line in lines), icon=icon)
    if explanation.sites:  # what each place means, one tap away for all of them
        names = {r.option.id: r.option.heading for r in explanation.options}
        with st.expander(t("results.sites_about"), key="sites_about"):
            for result in explanation.sites:
                site = result.site
                st.markdown(f"**{site.name}**  \n{site.what_it_means}")
                _list(t("results.site_symptoms"), site.symptoms)
                _list(t("results.site_local"), site.local_treatments)
                if result.related_options:
                    st.markdown(t("results.site_related", names=", ".join(names[o] for o in result.related_options)))
                st.caption(t("results.reviewed", date=date_words(kb, site.reviewed)))


def _tier_lines(explanation: Explanation, tier: str) -> list[str]:
    """Each sign of one tier once, led by the place it belongs to (or "For everyone"), as the reader reads it."""
    seen: dict[str, str] = {}
    who = reader.current()
    parts = [(s.site.name, s.site.signs(who)) for s in explanation.sites]
    parts.append((t("results.general_urgent_heading"), explanation.general_signs(who)))
    for place, signs in parts:
        for sign in getattr(signs, tier):
            seen.setdefault(sign, place)
    return [f"**{place}:** {sign}" for sign, place in seen.items()]


def _list(title: str, items) -> None:
    if items:
        st.markdown(f"**{title}**\n" + "".join(f"\n- {i}" for i in items))
