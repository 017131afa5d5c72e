"""Case library: every teaching vignette, what the explainer shows for it (live), and one tap to open it.

Opening a case goes through the share link's reader (:func:`components.shared.share.parse`), so a
case fills in the explainer's answers exactly as a shared link with the same answers would.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from knowledge import CONDITIONAL, KnowledgeBase, Profile, explain, waiting_on
from knowledge.schema import Vignette
from knowledge.teaching import subtype_name

from ..shared import share, state
from ..shared.summary import answer_words, place_words
from ..shared.text import t
from . import common

EXPLAINER = "components/explainer/pages/explainer.py"


def case_params(vignette: Vignette) -> dict[str, list[str]]:
    """The case's profile as share-link query parameters."""
    p = vignette.profile
    return {"hr": [p.hr], "her2": [p.her2], "site": list(p.sites), "menopause": [p.menopause], "sex": [p.sex],
            **{m: [v] for m, v in p.markers.items()}}


def case_answers(vignette: Vignette) -> dict[str, Any]:
    """The explainer's answers for a case, read the way a share link is read."""
    answers, ignored, _ = share.parse(case_params(vignette))
    assert not ignored, f"vignette {vignette.id} has answers a link cannot carry: {ignored}"
    return answers


def open_case(vignette: Vignette) -> None:
    """Put the case's answers into the explainer and show its results (as a share link does)."""
    state.load_answers(case_answers(vignette))
    state.set_notes([])
    state.go(state.RESULTS)
    st.switch_page(EXPLAINER)


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.cases.heading", "teaching.cases.intro")
    for vignette in kb.vignettes:
        _case(vignette, kb)


def _case(vignette: Vignette, kb: KnowledgeBase) -> None:
    answers = case_answers(vignette)
    profile = state.profile(answers)
    shown = explain(profile, kb).options
    names = {o.id: o.name for o in kb.options}
    with st.container(border=True, key=f"case_{vignette.id}"):
        st.subheader(vignette.title, anchor=False)
        places = place_words(kb, answers)
        name = subtype_name(kb, profile.hr, profile.her2)
        st.markdown(f"**{t('teaching.cases.profile')}:** {f'{name} · ' if name else ''}"
                    f"{'; '.join(answer_words(kb, answers))}.  \n"
                    + (t("teaching.cases.places", places=", ".join(places)) if places
                       else t("teaching.cases.places_none")))
        st.markdown(f"**{t('teaching.cases.story')}:** {vignette.story}")
        st.markdown(f"**{t('teaching.cases.discussion')}**")
        st.markdown("\n".join(f"{i}. {q}" for i, q in enumerate(vignette.discussion, 1)))
        with st.expander(t("teaching.cases.shows", n=len(shown))):
            st.markdown("\n".join(f"- {_shown(r, kb, profile)}" for r in shown))
            if vignette.hides:
                st.markdown(f"**{t('teaching.cases.hides')}:** " + ", ".join(names[i] for i in vignette.hides if i in names))
        if st.button(t("teaching.cases.open"), icon="▶️", key=f"open_{vignette.id}", help=t("teaching.cases.open_help")):
            open_case(vignette)


def _shown(result, kb: KnowledgeBase, profile: Profile) -> str:
    mark = common.MARK[result.status]
    text = f"{mark} {result.option.name}"
    if result.status == CONDITIONAL:
        tests = "; ".join(waiting_on(result, kb, profile))
        text += f" ({t('teaching.cases.only_if', tests=tests)})"
    return text
