"""Who is reading: the person themselves, or someone who cares for them.

The choice lives in ``st.session_state["reader"]`` (``self`` or ``caregiver``; read by
:func:`components.shared.text.active_reader`). It is drawn on the start screen, under the
language, and in the settings beside the text size and language. A caregiver reads the warning
signs and what treatment aims to do in forms the content writes for them, a few of the app's
words in their ``carer:`` form, and a card of their own on the results page; nothing is made by
swapping pronouns in code.

Like the language, it is how the person reads, not an answer: Start over by the same person keeps
it, and the kiosk reset for the next person forgets it (``state.start_over(keep_settings=False)``).
A share link may carry ``reader=caregiver``.
"""

from __future__ import annotations

import streamlit as st

from knowledge.schema import CAREGIVER, READERS

from . import state
from .text import READER_KEY, active_reader, forget_language, t


def current() -> str:
    return active_reader()


def caring() -> bool:
    """True when the reader cares for the person the information is about."""
    return current() == CAREGIVER


def choose(reader: str) -> None:
    if reader in READERS:
        st.session_state[READER_KEY] = reader
        forget_language()


def from_link(values: list[str]) -> bool:
    """Take the reader from a link's ``reader`` values; False if it is not one this app knows."""
    if len(values) == 1 and values[0] in READERS:
        choose(values[0])
        return True
    return False


def link_value() -> list[tuple[str, str]]:
    """The share link's part for the reader: ``reader=caregiver``, or nothing for the person themselves."""
    return [("reader", CAREGIVER)] if caring() else []


def _store(widget_key: str) -> None:
    choose(st.session_state.get(widget_key) or current())


def switch(big: bool = False) -> None:
    """The choice in one tap: "I'm reading for myself" or "I'm reading for someone I care for".

    ``big`` draws it on the start screen, under the language choice; elsewhere it sits in the settings.
    """
    wkey = state.key("reader")
    labels = {r: t(f"reader.{r}") for r in READERS}  # in the language of this run, whenever they are asked for
    with st.container(key="reader_big" if big else "reader_small"):
        st.segmented_control(
            t("reader.label"), options=list(READERS), format_func=lambda r: labels[r], default=current(),
            key=wkey, required=True, on_change=_store, args=(wkey,), help=None,
            label_visibility="collapsed" if big else "visible",
        )

