"""Evidence: for each option its pivotal trials, approval, sources and review date; the content's
version and changelog."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from knowledge import KnowledgeBase
from knowledge.approvals import approval_sentences, approval_sources, checked_sentence, first_approval_year
from knowledge.schema import Option

from ..shared.text import t
from . import common, table


def evidence_frame(kb: KnowledgeBase) -> pd.DataFrame:
    """One row per option, in class order: name, kind, first sourced US approval year (from the
    drug registry), trials, review date."""
    none = t("teaching.evidence.none")
    rows = [[o.name, kb.kinds[o.class_].name, str(first_approval_year(kb, o) or none),
             ", ".join(o.evidence.trials) or none, o.reviewed.isoformat()] for o in _ordered(kb)]
    columns = [t(f"teaching.evidence.col_{c}") for c in ("option", "class", "year", "trials", "reviewed")]
    return pd.DataFrame(rows, columns=columns).set_index(columns[0])


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.evidence.heading", "teaching.evidence.intro")
    _, place = common.present_mode()
    st.markdown(f"{kb.meta.baseline} {checked_sentence(kb)}")
    common.english_note(kb)
    frame = evidence_frame(kb)
    with place or st.container():
        table.show("evidence_table", t("teaching.evidence.table_caption"), frame.index.name, list(frame.columns),
                   [table.Row(name, tuple(("text", v) for v in values)) for name, values in frame.iterrows()])
    for option_class, kind in kb.kinds.items():
        options = [o for o in kb.options if o.class_ == option_class]
        if not options:
            continue
        st.subheader(kind.name, anchor=False)
        for option in options:
            _option(option, kb)
    st.header(t("teaching.evidence.version_heading"), anchor=False)
    st.markdown(t("teaching.evidence.version", version=kb.version, date=kb.meta.reviewed.isoformat(),
                  days=kb.meta.review_window_days))
    st.subheader(t("teaching.evidence.changelog_heading"), anchor=False)
    st.markdown(t("teaching.evidence_diff_how"))
    for entry in kb.changelog:
        st.markdown(f"**{entry.version}** ({entry.date.isoformat()})\n" + "".join(f"\n- {c}" for c in entry.changes))


def _ordered(kb: KnowledgeBase) -> list[Option]:
    return list(kb.options)  # the loader keeps them in the order of the kinds of treatment


def _option(option: Option, kb: KnowledgeBase) -> None:
    ev = option.evidence
    with st.expander(t("teaching.evidence.details", name=option.name), key=f"evidence_{option.id}"):
        lines = approval_sentences(kb, option) or ([ev.basis] if ev.basis else [])
        if lines:
            st.markdown(f"**{t('teaching.evidence.approval')}:**" + "".join(f"\n- {line}" for line in lines))
        if ev.trials:
            st.markdown(f"**{t('teaching.evidence.trials')}:** {', '.join(ev.trials)}")
        st.markdown(f"**{t('teaching.evidence.sources')}**")
        sources = dict.fromkeys([*option.sources, *approval_sources(kb, option)])
        st.markdown("\n".join(f"- {common.source_line(kb.sources[s])}" for s in sources))
        st.caption(t("teaching.evidence.reviewed", date=option.reviewed.isoformat()))
