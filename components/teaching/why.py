"""Why and why not: every option in the rule set for any answers, with the reason and the rule."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase, Profile
from knowledge.engine import APPLIES, CONDITIONAL, HIDDEN
from knowledge.teaching import Verdict, why_and_why_not

from ..shared.text import t
from . import common

STATUSES = (APPLIES, CONDITIONAL, HIDDEN)


def reason(verdict: Verdict, kb: KnowledgeBase) -> str:
    """The reason in one sentence: what holds, what it waits on, or the part of the rule that failed."""
    reasons = "; ".join(verdict.reasons)
    status = verdict.result.status
    if status == APPLIES and not reasons:
        return t("teaching.why.reason_always")
    return t(f"teaching.why.reason_{status}", reasons=reasons)


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.why.heading", "teaching.why.intro")
    profile = _profile(kb)
    verdicts = why_and_why_not(kb, profile)
    by_status = {s: [v for v in verdicts if v.result.status == s] for s in STATUSES}
    with st.container(key="why_counts"):
        st.markdown(t("teaching.why.counts", applies=len(by_status[APPLIES]),
                      conditional=len(by_status[CONDITIONAL]), hidden=len(by_status[HIDDEN]), total=len(verdicts)))
    for status in STATUSES:
        st.header(t("teaching.why.section", status=common.status_words(status), n=len(by_status[status])),
                  anchor=False)
        if not by_status[status]:
            st.markdown(f"_{t('teaching.why.none')}_")
        for verdict in by_status[status]:
            _verdict(verdict, kb)


def _verdict(verdict: Verdict, kb: KnowledgeBase) -> None:
    option = verdict.result.option
    with st.container(key=f"why_{option.id}"):
        st.markdown(f"**{common.MARK[verdict.result.status]} {option.name}** · {kb.kinds[option.class_].name}  \n"
                    f"{reason(verdict, kb)}")
        with st.expander(t("teaching.why.rule_and_sources", name=option.name)):
            st.markdown(t("teaching.why.rule", file=common.option_file(kb, option.id)))
            st.code(verdict.rule, language=None)  # plain: the highlighter's colours fail contrast
            st.markdown(f"**{t('teaching.why.sources')}**")
            st.markdown("\n".join(f"- {common.source_line(kb.sources[s])}" for s in option.sources))


def _profile(kb: KnowledgeBase) -> Profile:
    with st.container(border=True, key="why_profile"):
        st.markdown(f"**{t('teaching.why.profile')}**")
        return common.profile_controls(kb, "why")
