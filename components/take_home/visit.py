"""My questions for the visit, and what matters most to the person right now.

The tailored questions become a checklist (the first few ticked); "what matters most" adds the
matching questions; one short question of the person's own can be added. All of it lives in
this session's widget state only: it is never logged, stored, put in a link or sent anywhere,
and Start over or the kiosk reset forgets it with everything else. The ticked questions and
the choices go on the take-home page. No choice changes which treatments are shown or their
order (decision-aid standards: values are for the conversation, not for ranking).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import streamlit as st

from knowledge import Explanation, KnowledgeBase
from knowledge.schema import Matter

from ..shared import state
from ..shared.text import t

FIRST_TICKED = 3  # tailored questions ticked at the start; the rest are one tap away
SHOWN = 4  # questions in view; the others sit under "More questions", drawn (and kept) all the same
OWN_MAX_CHARS = 200
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Visit:
    """What goes on the take-home page: the chosen questions in order, and the choices that matter."""

    questions: tuple[str, ...]
    matters: tuple[str, ...] = ()


def _question_key(kb: KnowledgeBase, text: str) -> str:
    ids = {q.text: q.id for q in kb.questions}
    return state.key(f"visit_q_{ids.get(text, 'x')}")


def own_question(raw: object) -> str:
    """The person's own question as plain, single-line text of at most OWN_MAX_CHARS characters."""
    text = " ".join(_CONTROL.sub(" ", raw).split()) if isinstance(raw, str) else ""
    return text[:OWN_MAX_CHARS]


def picked_matters(kb: KnowledgeBase) -> list[Matter]:
    """The "what matters most" choices made so far, in the order they are offered."""
    picked = st.session_state.get(state.key("visit_matters")) or []
    return [m for m in kb.matters if m.id in picked]


def chosen(kb: KnowledgeBase, explanation: Explanation) -> Visit:
    """The questions and choices as they stand now (the widgets' defaults before they are drawn)."""
    ss = st.session_state
    matters = picked_matters(kb)
    questions = [q for i, q in enumerate(explanation.questions)
                 if ss.get(_question_key(kb, q), i < FIRST_TICKED)]
    questions += [m.text for m in matters if ss.get(state.key(f"visit_m_{m.id}"), True)]
    own = own_question(ss.get(state.key("visit_own")))
    return Visit(tuple(questions + ([own] if own else [])), tuple(m.label for m in matters))


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    """The first questions in view (the first few ticked); the others, a question of her own and
    what matters most folded under them. Folded parts are drawn all the same, so nothing ticked
    or typed is lost while they are closed."""
    with st.container(key="visit_questions"):
        st.header(t("visit.heading"), anchor=False)
        st.markdown(t("visit.intro"))
        questions = list(enumerate(explanation.questions))
        for i, question in questions[:SHOWN]:
            st.checkbox(question, value=i < FIRST_TICKED, key=_question_key(kb, question))
        for m in picked_matters(kb):  # added by a choice below, ticked
            st.checkbox(m.text, value=True, key=state.key(f"visit_m_{m.id}"))
        with st.expander(t("visit.more", n=len(questions[SHOWN:])), key="visit_more"):
            for i, question in questions[SHOWN:]:
                st.checkbox(question, value=i < FIRST_TICKED, key=_question_key(kb, question))
            st.text_input(t("visit.own_label"), max_chars=OWN_MAX_CHARS, key=state.key("visit_own"),
                          help=None, placeholder=t("visit.own_placeholder"))
            st.caption(t("visit.own_help", n=OWN_MAX_CHARS))
        if kb.matters:
            with st.expander(t("visit.matters_heading"), key="visit_matters_box"):
                labels = {m.id: m.label for m in kb.matters}
                st.pills(t("visit.matters_label"), options=list(labels), format_func=labels.__getitem__,
                         selection_mode="multi", key=state.key("visit_matters"), default=[])
                st.caption(t("visit.matters_note"))
