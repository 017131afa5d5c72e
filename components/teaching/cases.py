"""Case library: every teaching vignette, what the explainer shows for it (live), and one tap to open it.

An unfolding case moves through stages (first diagnosis, progression, a new biopsy): the teacher picks
a stage, and the page shows its story, its prompts in the order of clinical judgment (notice,
interpret, respond, reflect), what the explainer shows for it, and what changed since the stage before
(:func:`knowledge.changes.changes_between`, drawn as on What changes if).

Opening a case goes through the share link's reader (:func:`components.shared.share.parse`), so a
case fills in the explainer's answers exactly as a shared link with the same answers would.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from knowledge import CONDITIONAL, KnowledgeBase, Profile, explain, waiting_on
from knowledge.schema import CaseProfile, Prompts, Stage, Vignette
from knowledge.changes import changes_between
from knowledge.teaching import subtype_name, why_and_why_not

from ..shared import share, state
from ..shared.summary import answer_words, place_words
from ..shared.text import t
from . import changes, common

EXPLAINER = "components/explainer/pages/explainer.py"
# Tanner's clinical judgment model, in the order nurses are taught to reason.
STEPS = ("notice", "interpret", "respond", "reflect")


def case_params(profile: CaseProfile) -> dict[str, list[str]]:
    """A case's profile as share-link query parameters."""
    return {"hr": [profile.hr], "her2": [profile.her2], "site": list(profile.sites), "menopause": [profile.menopause],
            "sex": [profile.sex], **{m: [v] for m, v in profile.markers.items()}}


def case_answers(profile: CaseProfile) -> dict[str, Any]:
    """The explainer's answers for a case, read the way a share link is read."""
    answers, ignored, _ = share.parse(case_params(profile))
    assert not ignored, f"a case has answers a link cannot carry: {ignored}"
    return answers


def open_case(profile: CaseProfile) -> None:
    """Put the case's answers into the explainer and show its results (as a share link does)."""
    state.load_answers(case_answers(profile))
    state.set_notes([])
    state.go(state.RESULTS)
    st.switch_page(EXPLAINER)


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.cases.heading", "teaching.cases.intro")
    for vignette in kb.vignettes:
        with st.container(border=True, key=f"case_{vignette.id}"):
            st.subheader(vignette.title, anchor=False)
            if vignette.stages:
                _unfolding(vignette, kb)
            else:
                _snapshot(vignette, kb)


def _snapshot(vignette: Vignette, kb: KnowledgeBase) -> None:
    assert vignette.profile is not None  # the loader refuses a case without stages or a profile
    _answers(vignette.profile, kb)
    st.markdown(f"**{t('teaching.cases.story')}:** {vignette.story}")
    st.markdown(f"**{t('teaching.cases.discussion')}**")
    st.markdown(_numbered(vignette.discussion))
    _shows(vignette.profile, vignette.hides, kb)
    if st.button(t("teaching.cases.open"), icon="▶️", key=f"open_{vignette.id}", help=t("teaching.cases.open_help")):
        open_case(vignette.profile)


def _unfolding(vignette: Vignette, kb: KnowledgeBase) -> None:
    """The stage the teacher picks: its story, prompts, what the explainer shows and what changed."""
    stages = {s.id: (n, s) for n, s in enumerate(vignette.stages, 1)}
    st.markdown(vignette.story)
    picked = st.radio(t("teaching.cases.stage"), list(stages), horizontal=True, key=f"stage_{vignette.id}",
                      format_func=lambda i: t("teaching.cases.stage_option", n=stages[i][0], name=stages[i][1].name))
    n, stage = stages[picked]
    st.markdown(f"**{t('teaching.cases.stage_heading', n=n, total=len(stages), name=stage.name)}**")
    _answers(stage.profile, kb)
    st.markdown(f"**{t('teaching.cases.story')}:** {stage.story}")
    _prompts(stage.prompts)
    if n > 1:
        _changes(vignette.stages[n - 2], n - 1, stage, kb, key=f"stage_{vignette.id}_{stage.id}")
    _shows(stage.profile, stage.hides, kb)
    if st.button(t("teaching.cases.open"), icon="▶️", key=f"open_{vignette.id}",
                 help=t("teaching.cases.open_stage_help")):
        open_case(stage.profile)


def _answers(case: CaseProfile, kb: KnowledgeBase) -> None:
    """The answers in words after the subtype's teaching name, and the places of spread."""
    answers = case_answers(case)
    profile = state.profile(answers)
    places = place_words(kb, answers)
    name = subtype_name(kb, profile.hr, profile.her2)
    st.markdown(f"**{t('teaching.cases.profile')}:** {f'{name} · ' if name else ''}"
                f"{'; '.join(answer_words(kb, answers))}.  \n"
                + (t("teaching.cases.places", places=", ".join(places)) if places
                   else t("teaching.cases.places_none")))


def _prompts(prompts: Prompts) -> None:
    """The stage's questions under the four steps, numbered on from one step to the next."""
    st.markdown(f"**{t('teaching.cases.prompts')}**")
    st.caption(t("teaching.cases.prompts_note"))
    start = 1
    for step in STEPS:
        questions = getattr(prompts, step)
        st.markdown(f"*{t(f'teaching.cases.steps.{step}')}*\n\n" + _numbered(questions, start))
        start += len(questions)


def _changes(before: Stage, before_n: int, stage: Stage, kb: KnowledgeBase, key: str) -> None:
    """What came into view, what no longer applies and what else changed since the stage before, each
    change's reason and rule one tap away (the cards of What changes if)."""
    was_profile, now_profile = (state.profile(case_answers(s.profile)) for s in (before, stage))
    found = changes_between(kb, was_profile, now_profile).options
    with st.container(key=f"{key}_changes"):
        st.markdown(f"**{t('teaching.cases.changed', n=before_n, name=before.name)}**")
        if not found:
            st.markdown(t("teaching.cases.no_change"))
            return
        for kind in changes.KINDS:
            mine = [c for c in found if c.kind == kind]
            if mine:
                st.markdown(f"{t(f'teaching.cases.change_kinds.{kind}')} ({len(mine)}):\n\n" + "\n".join(
                    f"- {changes.marks(c)} {(c.after or c.before).option.name}" for c in mine))
        with st.expander(t("teaching.cases.why_changed")):
            was = {v.result.id: v for v in why_and_why_not(kb, was_profile)}
            now = {v.result.id: v for v in why_and_why_not(kb, now_profile)}
            for change in found:
                changes.card(kb, change, was[change.option_id], now[change.option_id],
                             key=f"{key}_change_{change.option_id}")


def _shows(case: CaseProfile, hides: list[str], kb: KnowledgeBase) -> None:
    profile = state.profile(case_answers(case))
    shown = explain(profile, kb).options
    names = {o.id: o.name for o in kb.options}
    with st.expander(t("teaching.cases.shows", n=len(shown))):
        st.markdown("\n".join(f"- {_shown(r, kb, profile)}" for r in shown))
        if hides:
            st.markdown(f"**{t('teaching.cases.hides')}:** " + ", ".join(names[i] for i in hides if i in names))


def _numbered(lines: list[str], start: int = 1) -> str:
    return "\n".join(f"{i}. {line}" for i, line in enumerate(lines, start))


def _shown(result, kb: KnowledgeBase, profile: Profile) -> str:
    mark = common.MARK[result.status]
    text = f"{mark} {result.option.name}"
    if result.status == CONDITIONAL:
        tests = "; ".join(waiting_on(result, kb, profile))
        text += f" ({t('teaching.cases.only_if', tests=tests)})"
    return text
