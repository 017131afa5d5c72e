"""The question steps: one topic per screen, big choices, "I'm not sure" everywhere."""

from __future__ import annotations

from html import escape

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.profile import MARKERS, UNKNOWN

from ..shared import listen, state, svg
from ..shared.knowledge_base import get_knowledge
from ..shared.summary import asks_menopause
from ..shared.text import t
from . import body_picture, report_picture
from .notes import show_notes

# Glossary words worth showing next to a question, when the content defines them. The HER2 step
# shows none: each answer's own caption already says what it means, once.
STEP_TERMS = {"hr": ("hormone receptor",)}
# Steps whose helper shows the example report and the results strip.
REPORT_STEPS = ("hr", "her2")


def render(kb: KnowledgeBase) -> None:
    step = state.step()
    n = state.STEPS.index(step) + 1
    progress = t("steps.progress", n=n, total=len(state.STEPS))
    with listen.row(f"step_{step}", progress):
        st.caption(progress, width="stretch")
    st.progress(n / len(state.STEPS))
    with st.container(key=f"step_{step}"):  # the part Listen reads
        {"sex": _sex_step, "hr": _choice_step, "her2": _choice_step, "sites": _sites_step,
         "more": _more_step}[step](kb, step)
    _nav(step)


def answer_label(value: str, label: str, lang: str) -> str:
    """An answer as the questions show it: "Not sure" for unknown, else its label with a capital."""
    # The language is fixed when the widget is drawn: format functions may run later.
    return t("steps.not_sure_label", lang) if value == UNKNOWN else label[:1].upper() + label[1:]


def radio(kb: KnowledgeBase, field: str, marker: bool = False, horizontal: bool = False) -> None:
    """One question as a radio group, its answer copied to the answers on change."""
    entry = kb.inputs[field]
    values = list(entry.values)
    current = state.answers()["markers"][field] if marker else state.answers()[field]
    wkey = state.key(f"q_{field}")
    captions = None if horizontal else [v.help or "" for v in entry.values.values()]
    chosen = current in values and (field not in state.MUST_ANSWER or state.answered(field))
    st.radio(entry.question, values, index=values.index(current) if chosen else None,
             format_func=lambda v: answer_label(v, entry.values[v].label, kb.lang), captions=captions, key=wkey,
             horizontal=horizontal, on_change=_store, args=(field, wkey, marker))
    _help(kb, field, unsure=UNKNOWN in values, marker=marker)


def _help(kb: KnowledgeBase, field: str, unsure: bool = True, marker: bool = False) -> None:
    """"Where do I find this?": where the result is on a report, the example report for the
    receptor steps, and a strip of results as reports write them, each of which sets the answer."""
    label = f"{t('steps.not_sure')}: {t('steps.not_sure_help').lower()}" if unsure else t("steps.why_ask")
    entry = kb.inputs[field]
    with st.expander(label, icon="❓"):
        st.markdown(entry.help)
        if entry.on_report:
            st.markdown(entry.on_report)
        if field in REPORT_STEPS:
            _report_example()
        if entry.report_results:
            st.markdown(f"**{t('report_picture.pick_intro')}**")
            current = state.answers()[field]
            with st.container(key=f"strip_{field}"):
                for i, result in enumerate(entry.report_results):
                    answer = entry.values[result.value].label
                    picked = st.session_state.get(PICKED) == (field, i)
                    st.button(f"{'✓ ' if picked else ''}{result.says} → {answer[:1].upper()}{answer[1:]}",
                              key=state.key(f"pick_{field}_{i}"), width="stretch", type="primary" if picked else "secondary",
                              on_click=_pick, args=(field, result.value, marker, i))
                if st.session_state.get(PICKED, (None,))[0] == field:  # said where the finger is, and to a screen reader
                    words = t("report_picture.picked", answer=answer_label(current, entry.values[current].label, kb.lang))
                    st.markdown(f'<p class="picked" role="status">✓ {escape(words)}</p>', unsafe_allow_html=True)


def _report_example() -> None:
    words = t("report_picture")
    picture, legend = st.columns([3, 2], vertical_alignment="top")
    with picture:
        report_picture.show()
    with legend:
        st.markdown("\n".join(f"{i}. {line}" for i, line in enumerate(words["legend"], 1)))
        st.caption(words["example"])


PICKED = "report_strip_picked"  # (field, index) of the result last tapped on a strip


def _store(field: str, widget_key: str, marker: bool) -> None:
    """An answer chosen on the question itself: the strip no longer marks an earlier tap."""
    st.session_state.pop(PICKED, None)
    state.store(field, widget_key, marker)


def _pick(field: str, value: str, marker: bool, index: int) -> None:
    """A result tapped on the strip: it becomes the answer; the question above and the strip show it."""
    st.session_state[state.key(f"q_{field}")] = value
    st.session_state[PICKED] = (field, index)
    state.mark_answered(field)
    if marker:
        state.answers()["markers"][field] = value
    else:
        state.answers()[field] = value


def _glossary(kb: KnowledgeBase, step: str) -> None:
    wanted = {w.lower() for w in STEP_TERMS.get(step, ())}
    # A translation keeps the English glossary's order, so the English terms find the entries.
    english = kb if kb.lang == "en" else get_knowledge("en")
    for en_term, term in zip(english.glossary if english else (), kb.glossary):
        if en_term.term.lower() in wanted:
            st.markdown(f"**{term.term}**: {term.definition}")


def _choice_step(kb: KnowledgeBase, field: str) -> None:
    st.title(kb.inputs[field].label, anchor=False)
    _glossary(kb, field)
    radio(kb, field)
    if not state.answered(field):
        st.caption(t("steps.answer_needed"))


def _sites_step(kb: KnowledgeBase, _: str) -> None:
    entry = kb.inputs["site"]
    st.title(entry.label, anchor=False)
    chosen = state.answers()["sites"]
    words = [v.label for s, v in entry.values.items() if s in chosen]
    left, right = st.columns([3, 2], vertical_alignment="top")
    with left:
        wkey = state.key("q_sites")
        st.pills(entry.question, list(entry.values), selection_mode="multi", default=chosen,
                 format_func=lambda v: answer_label(v, entry.values[v].label, kb.lang), key=wkey, width="stretch", wrap=True,
                 on_change=state.store, args=("sites", wkey))
        helps = [f"{answer_label(v, e.label, kb.lang)}: {e.help}" for v, e in entry.values.items() if e.help]
        for line in helps:
            st.caption(line)
        st.markdown(t("steps.sites_picked", places=", ".join(words)) if words else t("steps.sites_picked_none"))
        st.caption(t("steps.sites_none"))
    with right, st.container(key="body_pick"):
        label = t("steps.body_label", places=", ".join(words)) if words else t("steps.body_label_none")
        svg.show(body_picture.svg(chosen, label, {s.id: s.name for s in kb.sites.values()}))
        st.caption(t("steps.sites_tap"))
    body_picture.tap_to_choose(list(entry.values))
    _help(kb, "site")


def _sex_step(kb: KnowledgeBase, _: str) -> None:
    st.title(t("steps.sex_heading"), anchor=False)
    show_notes()
    radio(kb, "sex")
    if state.needs_sex():
        st.caption(t("steps.sex_needed"))


def _more_step(kb: KnowledgeBase, _: str) -> None:
    st.title(t("steps.more_heading"), anchor=False)
    st.markdown(t("steps.more_intro"))
    if asks_menopause(state.answers()):  # the summary's "not sure" list follows the same rule
        radio(kb, "menopause", horizontal=True)
    known = [m for m in MARKERS if state.answers()["markers"][m] != UNKNOWN]
    with st.expander(t("steps.markers_heading") + (f" ({len(known)})" if known else ""), expanded=bool(known),
                     icon="🧬"):
        st.markdown(t("steps.markers_intro"))
        for marker in MARKERS:
            if marker in kb.inputs:
                radio(kb, marker, marker=True, horizontal=True)


def _waiting(step: str) -> bool:
    """Next waits for an answer on who it is for and on the two receptor questions."""
    return state.needs_sex() if step == "sex" else step in state.MUST_ANSWER and not state.answered(step)


def _nav(step: str) -> None:
    i = state.STEPS.index(step)
    back_to = state.STEPS[i - 1] if i else state.START
    last = i == len(state.STEPS) - 1
    back, forward = st.columns(2)
    back.button(t("steps.back"), width="stretch", key=state.key(f"back_{step}"), icon="⬅️",
                on_click=state.go, args=(back_to,))
    forward.button(t("steps.show") if last else t("steps.next"), type="primary", width="stretch",
                   key=state.key(f"next_{step}"), icon=None if last else "➡️", icon_position="right",
                   on_click=state.go, args=(state.RESULTS if last else state.STEPS[i + 1],),
                   disabled=_waiting(step))
    if not last and step == "sites":
        st.button(t("steps.skip"), type="tertiary", key=state.key(f"skip_{step}"),
                  on_click=state.go, args=(state.RESULTS,))
