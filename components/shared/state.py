"""The person's answers and where they are in the flow, kept in session state only.

Widget keys carry a generation number: "Start over" bumps it, so every widget is
created fresh and shows its default, not the last person's answer.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from knowledge import Profile
from knowledge.profile import MARKERS, SITE_VALUES, UNKNOWN

from .text import forget_language

# Who the information is for comes first and has no pre-selected answer: a man must never get
# a woman's results by default, and no step can be skipped past it.
STEPS = ("sex", "hr", "her2", "sites", "more")
START, RESULTS = "start", "results"
# How the person reads, not what they answered: kept when the same person starts again.
SETTINGS = ("lang", "reader", "text_size", "listen_speed")


def blank_answers() -> dict[str, Any]:
    return {"hr": UNKNOWN, "her2": UNKNOWN, "sites": [], "menopause": UNKNOWN, "sex": None,
            "markers": {m: UNKNOWN for m in MARKERS}}


# Questions with an "I'm not sure" answer that nothing is chosen for until the person answers:
# Next waits, so a tap on Next never answers "not sure" silently.
MUST_ANSWER = ("hr", "her2")


def init() -> None:
    ss = st.session_state
    ss.setdefault("generation", 0)
    ss.setdefault("answers", blank_answers())
    ss.setdefault("answered", [])
    ss.setdefault("step", START)
    ss.setdefault("notes", [])


def load_answers(given: dict[str, Any]) -> None:
    """Answers that arrive whole (a shared link, a teaching case): each counts as answered."""
    st.session_state["answers"] = given
    st.session_state["answered"] = list(MUST_ANSWER)


def set_notes(notes: list) -> None:
    """What the app says about how the answers arrived (opened from a link, parts it could not read)."""
    st.session_state["notes"] = list(notes)


def answered(field: str) -> bool:
    """Whether the person has given this answer (a choice, a tap on the report's strip, or a link)."""
    return field in st.session_state.get("answered", [])


def mark_answered(field: str) -> None:
    if field not in st.session_state.setdefault("answered", []):
        st.session_state["answered"].append(field)


def answers() -> dict[str, Any]:
    return st.session_state["answers"]


def step() -> str:
    return st.session_state["step"]


def go(to: str) -> None:
    """Move to a step (used as a button callback, so the new step draws in the same run)."""
    st.session_state["step"] = to
    st.session_state["scroll_top"] = True


def key(name: str) -> str:
    """A widget key that changes after Start over."""
    return f"{name}__g{st.session_state['generation']}"


def start_over(keep_settings: bool = True) -> None:
    """Forget every answer and note; fresh widgets on the next run.

    The person who taps Start over keeps their language, who is reading, text size and reading speed; the
    kiosk reset for the next person passes ``keep_settings=False`` and the screen goes back to the defaults.
    """
    gen = st.session_state.get("generation", 0) + 1
    kept = {k: st.session_state[k] for k in SETTINGS if keep_settings and k in st.session_state}
    for k in list(st.session_state.keys()):
        del st.session_state[k]
    st.session_state.update(kept)
    st.session_state["generation"] = gen
    st.session_state["answers"] = blank_answers()
    st.session_state["answered"] = []
    st.session_state["step"] = START
    st.session_state["notes"] = []
    st.query_params.clear()
    forget_language()


def remember(setting: str, widget_key: str) -> None:
    """Copy a setting's widget value into the session, where the same person's Start over keeps it."""
    st.session_state[setting] = st.session_state.get(widget_key)


def needs_sex() -> bool:
    """True until the person has said who the information is for."""
    return answers()["sex"] is None


def profile(ans: dict[str, Any] | None = None) -> Profile:
    ans = ans or answers()
    return Profile.create(hr=ans["hr"], her2=ans["her2"], sites=ans["sites"], menopause=ans["menopause"],
                          sex=ans["sex"], markers=ans["markers"])


def store(field: str, widget_key: str, marker: bool = False) -> None:
    """on_change callback: copy a widget's value into the answers."""
    value = st.session_state[widget_key]
    mark_answered(field)
    if field == "sites":
        answers()["sites"] = [s for s in SITE_VALUES if s in (value or [])]
    elif marker:
        answers()["markers"][field] = value
    else:
        answers()[field] = value
