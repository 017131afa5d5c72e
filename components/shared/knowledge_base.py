"""Load the rule set once per process, language and day; on any fault, log it and report it as unavailable.

The day is part of the cache key, so a running server checks dated facts again after midnight
(home and kiosk alike): the day after a pending drug's decision day, its sentence changes to
"the FDA was due to decide…" without a restart. Overdue dates are logged for the operator and
never take the app down (see knowledge.loader).
"""

from __future__ import annotations

import datetime as dt
import os

import streamlit as st

from knowledge import CONTENT_DIR, KnowledgeBase, KnowledgeError, load_knowledge

from .operator_log import operator_log
from .text import active

CONTENT_ENV = "EXPLAINER_CONTENT_DIR"
log = operator_log("explainer.knowledge")


def content_dir() -> str:
    """The content folder: ``$EXPLAINER_CONTENT_DIR`` if set (tests, staging), else the packaged one."""
    return os.environ.get(CONTENT_ENV) or str(CONTENT_DIR)


@st.cache_resource(show_spinner=False, max_entries=8)  # languages x (today, yesterday) with room to spare
def _load(folder: str, lang: str, day: str) -> KnowledgeBase:
    kb = load_knowledge(folder, today=dt.date.fromisoformat(day), lang=lang)
    if kb.overdue:
        log.warning("content folder %s (%s): %d dated fact(s) past their day; the app still serves and says only "
                    "what is certain, but the release fails until they are updated:\n%s", folder, lang,
                    len(kb.overdue), "\n".join(f"  {p}" for p in kb.overdue))
    return kb


def get_knowledge(lang: str | None = None) -> KnowledgeBase | None:
    """The validated rule set in the session's language (or ``lang``), or None after logging
    every problem (never shown to the patient)."""
    folder = content_dir()
    lang = lang or active()
    try:
        return _load(folder, lang, dt.date.today().isoformat())
    except KnowledgeError as exc:
        log.error("content folder %s (%s) refused; %d problem(s):\n%s", folder, lang, len(exc.problems),
                  "\n".join(f"  {p}" for p in exc.problems))
        return None
