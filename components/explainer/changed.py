"""My results changed: a new biopsy result or a new place of spread, and what it changes.

From the results, a short step where the person changes only what is new (hormone receptors,
HER2, gene and marker results; places of spread can only be added), then, in plain words, which
kinds of treatment now come into view, which are no longer shown, which are shown another way,
and the warning signs the new places bring, with the not-advice notice. "Use my new results"
puts the new answers in place of the old (the whole results page follows); "Go back" keeps the
old ones. The comparison is :func:`knowledge.changes.changes_between`, the same one the teaching
page "What changes if" shows. Everything lives in session state only; Start over and the kiosk
reset forget it, and every widget key carries the generation.
"""

from __future__ import annotations

import copy
from typing import Any

import streamlit as st

from knowledge import CONDITIONAL, KnowledgeBase, tier_headings, waiting_on
from knowledge.changes import Change, Changes, changes_between
from knowledge.profile import MARKERS, SITE_VALUES, UNKNOWN

from ..shared import state
from ..shared.summary import place_words
from ..shared.text import punctuate, t
from .questions import answer_label
from .results import TIER_LOOK

KEY = "results_changed"  # {"stage": "enter" | "show" | "used", "answers": the new answers while shown}
BIOPSY = ("hr", "her2")


def is_open() -> bool:
    return st.session_state.get(KEY, {}).get("stage") in ("enter", "show")


def button() -> None:
    """"My results changed", under the results."""
    st.button(t("changed.open"), key=state.key("changed_open"), help=t("changed.open_help"),
              on_click=_go, args=({"stage": "enter"},))


def used_note() -> None:
    """Once, at the top of the results after "Use my new results": the page now shows them."""
    if st.session_state.get(KEY, {}).get("stage") == "used":
        del st.session_state[KEY]
        st.success(t("changed.used"), icon="✅")


def close() -> None:
    """A question step drawn instead of the results (the phone's Back) closes the step."""
    st.session_state.pop(KEY, None)


def render(kb: KnowledgeBase) -> None:
    if st.session_state[KEY]["stage"] == "enter":
        _enter(kb)
    else:
        _show(kb, st.session_state[KEY]["answers"])


def _go(value: dict[str, Any] | None) -> None:
    if value is None:
        close()
    else:
        st.session_state[KEY] = value
    state.go(state.RESULTS)  # the new screen starts at its top


def _enter(kb: KnowledgeBase) -> None:
    """Every answer a new biopsy can change, filled in as now; the places not yet given, to add."""
    answers = state.answers()
    st.title(t("changed.enter_heading"), anchor=False)
    st.markdown(t("changed.enter_intro"))
    with st.container(border=True, key="changed_biopsy"):
        st.subheader(t("changed.biopsy_heading"), anchor=False)
        for field in BIOPSY:
            _radio(kb, field, answers[field])
        known = sum(answers["markers"][m] != UNKNOWN for m in MARKERS)
        with st.expander(t("steps.markers_heading") + (f" ({known})" if known else ""), icon="🧬"):
            for marker in MARKERS:
                if marker in kb.inputs:
                    _radio(kb, marker, answers["markers"][marker], horizontal=True)
    with st.container(border=True, key="changed_places"):
        st.subheader(t("changed.places_heading"), anchor=False)
        entry = kb.inputs["site"]
        now = place_words(kb, answers)
        st.markdown(t("changed.places_now", places=", ".join(now)) if now else t("results.summary_places_none"))
        new = [s for s in entry.values if s not in answers["sites"]]
        if new:
            st.pills(t("changed.places_question"), new, selection_mode="multi", key=state.key("changed_sites"),
                     format_func=lambda v: answer_label(v, entry.values[v].label, kb.lang), width="stretch")
        else:
            st.markdown(t("changed.places_all"))
    with st.container(horizontal=True, key="changed_enter_buttons", gap="small"):
        st.button(t("changed.show"), type="primary", key=state.key("changed_show"), on_click=_entered)
        st.button(t("changed.back"), key=state.key("changed_back_enter"), on_click=_go, args=(None,))


def _radio(kb: KnowledgeBase, field: str, current: str, horizontal: bool = False) -> None:
    entry = kb.inputs[field]
    values = list(entry.values)
    captions = None if horizontal else [v.help or "" for v in entry.values.values()]
    st.radio(entry.question if horizontal else entry.label, values, index=values.index(current),
             format_func=lambda v: answer_label(v, entry.values[v].label, kb.lang), captions=captions,
             horizontal=horizontal, key=state.key(f"changed_{field}"))


def _entered() -> None:
    """The new answers: the old ones with what was changed here, and the added places."""
    new = copy.deepcopy(state.answers())
    ss = st.session_state
    for field in BIOPSY:
        new[field] = ss.get(state.key(f"changed_{field}"), new[field])
    for marker in MARKERS:
        new["markers"][marker] = ss.get(state.key(f"changed_{marker}"), new["markers"][marker])
    added = ss.get(state.key("changed_sites")) or []
    new["sites"] = [s for s in SITE_VALUES if s in new["sites"] or s in added]
    _go({"stage": "show", "answers": new})


def _show(kb: KnowledgeBase, new: dict[str, Any]) -> None:
    """What changes, in plain words: what is new, the treatments, the warning signs; then use or go back."""
    old = state.answers()
    st.title(t("changed.heading"), anchor=False)
    with st.container(key="changed_notice"):
        st.info(t("changed.notice"), icon="ℹ️")
    said = _what_is_new(kb, old, new)
    if not said:
        st.markdown(t("changed.nothing_new"))
    else:
        st.markdown(t("changed.what_new", changes=punctuate("; ".join(said))))
        changes = changes_between(kb, state.profile(old), state.profile(new))
        _treatments(kb, changes)
        _signs(kb, changes)
    with st.container(horizontal=True, key="changed_show_buttons", gap="small"):
        if said:
            st.button(t("changed.use"), type="primary", key=state.key("changed_use"), on_click=_use, args=(new,))
        st.button(t("changed.back"), key=state.key("changed_back"), on_click=_go, args=(None,))


def _what_is_new(kb: KnowledgeBase, old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Each changed answer as "HER2: low (before: zero)", then the new places."""
    def words(field: str, value: str) -> str:
        return kb.inputs[field].values[value].label

    said = [t("changed.was_now", label=kb.inputs[f].short or kb.inputs[f].label, now=words(f, new[f]),
              was=words(f, old[f])) for f in BIOPSY if new[f] != old[f]]
    said += [t("changed.was_now", label=kb.inputs[m].short or kb.inputs[m].label, now=words(m, new["markers"][m]),
               was=words(m, old["markers"][m])) for m in MARKERS if new["markers"][m] != old["markers"][m]]
    added = [s for s in new["sites"] if s not in old["sites"]]
    if added:
        said.append(t("changed.places_added", places=", ".join(place_words(kb, {"sites": added}))))
    return said


def _treatments(kb: KnowledgeBase, changes: Changes) -> None:
    """Kinds of treatment that come into view, are no longer shown, or have treatments shown another way."""
    if not changes.kinds:
        st.markdown(t("changed.no_treatment_change"))
        return
    sections = {"in_view": [], "gone": [], "other": []}
    for kind in changes.kinds:
        name = f"{kb.kinds[kind.kind].emoji} **{kb.kinds[kind.kind].name}**"
        appear = [c for c in kind.options if c.kind == "appears"]
        if appear:
            head = t("changed.new_kind", name=name) if kind.change == "comes_into_view" else name
            sections["in_view"].append(f"- {head}" + "".join(f"\n  - {_line(kb, changes, c)}" for c in appear))
        gone = [c for c in kind.options if c.kind == "disappears"]
        if kind.change == "no_longer_shown":
            sections["gone"].append(f"- {name}: {t('changed.none_now')}")
        elif gone:
            sections["gone"].append(f"- {name}" + "".join(f"\n  - {c.option.name}" for c in gone))
        other = [c for c in kind.options if c.kind not in ("appears", "disappears")]
        if other:
            sections["other"].append(f"- {name}" + "".join(f"\n  - {_line(kb, changes, c)}" for c in other))
    for section, lines in sections.items():
        if lines:
            with st.container(key=f"changed_{section}"):
                st.subheader(t(f"changed.{section}_heading"), anchor=False)
                st.markdown(punctuate("\n".join(lines)))


def _line(kb: KnowledgeBase, changes: Changes, change: Change) -> str:
    """A treatment as it is shown now: its name, and what it waits on or that it no longer waits."""
    now = change.after
    assert now is not None
    if now.status == CONDITIONAL:
        tests = "; ".join(waiting_on(now, kb, changes.after.profile))
        key = "changed.only_if" if change.kind == "appears" else "changed.now_only_if"
        return f"{now.option.name}: {t(key, tests=tests)}"
    return now.option.name if change.kind == "appears" else f"{now.option.name}: {t('changed.now_like_yours')}"


def _signs(kb: KnowledgeBase, changes: Changes) -> None:
    """The warning signs each new place brings, in the two tiers, each as it looks on the results."""
    if not changes.new_places:
        return
    headings = tier_headings(kb)
    with st.container(key="changed_signs"):
        st.subheader(t("changed.signs_heading"), anchor=False)
        st.markdown(t("changed.signs_intro"))
        for place in changes.new_places:
            st.markdown(f"**{place.site.name}**")
            if not (place.emergency or place.today):
                st.markdown(t("changed.signs_none_new"))
            for tier, (box, icon) in TIER_LOOK.items():
                signs = getattr(place, tier)
                if signs:
                    box(f"**{headings[tier]}**\n" + "".join(f"\n- {s}" for s in signs), icon=icon)


def _use(new: dict[str, Any]) -> None:
    """The new answers replace the old; the results page follows and says so once."""
    state.load_answers(copy.deepcopy(new))
    _go({"stage": "used"})
