"""Kiosk: the whole rule set, every translation included, must load, or no session starts.

A shared tablet must fail closed. The app loads only the language a session uses, so a
broken translation would otherwise surface halfway through a reader's visit. In kiosk mode
every language in the content folder is checked, again every few minutes, and any problem
shows the neutral "temporarily unavailable" screen; the exact problems go to the operator
log (stderr). Dated facts past their day (a decision day, a review window) are not faults
of the files: they fail the release, never the tablet (see knowledge.loader).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from knowledge import KnowledgeError, load_knowledge
from knowledge.i18n import LANGUAGES

from . import settings
from .knowledge_base import content_dir, log

RECHECK_SECONDS = 600  # picks up a fixed folder within minutes


@st.cache_resource(show_spinner=False, ttl=RECHECK_SECONDS)
def _problems(folder: str) -> tuple[str, ...]:
    root = Path(folder)
    langs = ["en"] + [code for code in LANGUAGES if code != "en" and (root / "lang" / code).is_dir()]
    problems: list[str] = []
    for lang in langs:
        try:
            load_knowledge(root, lang=lang)
        except KnowledgeError as exc:
            problems += [str(p) for p in exc.problems if str(p) not in problems]
    if problems:
        log.error("kiosk: content folder %s refused (languages: %s); %d problem(s):\n%s", folder, ", ".join(langs),
                  len(problems), "\n".join(f"  {p}" for p in problems))
    return tuple(problems)


def ok() -> bool:
    """True outside kiosk mode; in kiosk mode, True only if every language loads cleanly."""
    return not settings.kiosk() or not _problems(content_dir())
