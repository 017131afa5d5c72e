"""Each chosen place of spread, with its urgent warning signs set clearly apart."""

from __future__ import annotations

import streamlit as st

from knowledge import Explanation, KnowledgeBase, tier_headings
from knowledge.approvals import date_words
from knowledge.schema import UrgentSigns

from ..shared import glossary_terms, listen, svg
from ..shared.text import t
from . import body_picture


def render(explanation: Explanation, kb: KnowledgeBase) -> None:
    st.header(t("results.sites_heading"), anchor=False)
    if not explanation.sites:
        st.markdown(t("results.no_sites"))
    else:  # the same body picture as on the question, with her places filled in
        chosen = [s.site.id for s in explanation.sites]
        places = ", ".join(s.site.name.lower() for s in explanation.sites)
        svg.show(body_picture.svg(chosen, t("steps.body_label", places=places)), max_width_px=180)
    names = {r.option.id: r.option.name for r in explanation.options}
    for result in explanation.sites:
        site = result.site
        with st.container(border=True, key=f"site_{site.id}"):
            with listen.row(f"site_{site.id}", site.name):
                st.subheader(site.name, anchor=False)
            st.markdown(f"<p>{glossary_terms.marked(site.summary, kb, f'site-{site.id}')}</p>", unsafe_allow_html=True)
            urgent(kb, site.urgent_signs, key=f"urgent_{site.id}")
            with st.expander(t("results.site_means") + f": {site.name}"):
                st.markdown(site.what_it_means)
                _list(t("results.site_symptoms"), site.symptoms)
                _list(t("results.site_local"), site.local_treatments)
                if result.related_options:
                    st.markdown(t("results.site_related", names=", ".join(names[o] for o in result.related_options)))
                st.caption(t("results.reviewed", date=date_words(kb, site.reviewed)))
    with listen.row("urgent_general", t("results.general_urgent_heading")):
        st.subheader(t("results.general_urgent_heading"), anchor=False)
    urgent(kb, explanation.general_urgent_signs, key="urgent_general")


def urgent(kb: KnowledgeBase, signs: UrgentSigns, key: str) -> None:
    """Warning signs in a red-edged box of their own: emergency first, then call the team today,
    each sign once under its heading."""
    headings = tier_headings(kb)
    with st.container(key=key):
        st.error("\n\n".join(f"**{headings[tier]}**\n" + "".join(f"\n- {s}" for s in lines)
                              for tier, lines in signs if lines), icon="🚨")


def _list(title: str, items) -> None:
    if items:
        st.markdown(f"**{title}**\n" + "".join(f"\n- {i}" for i in items))
