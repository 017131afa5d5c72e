"""Load the rule set once per process and language; on any fault, log it and report it as unavailable."""

from __future__ import annotations

import logging
import os
import sys

import streamlit as st

from knowledge import CONTENT_DIR, KnowledgeBase, KnowledgeError, load_knowledge

from .text import active

CONTENT_ENV = "EXPLAINER_CONTENT_DIR"
log = logging.getLogger("explainer.knowledge")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def content_dir() -> str:
    """The content folder: ``$EXPLAINER_CONTENT_DIR`` if set (tests, staging), else the packaged one."""
    return os.environ.get(CONTENT_ENV) or str(CONTENT_DIR)


@st.cache_resource(show_spinner=False)
def _load(folder: str, lang: str) -> KnowledgeBase:
    return load_knowledge(folder, lang=lang)


def get_knowledge(lang: str | None = None) -> KnowledgeBase | None:
    """The validated rule set in the session's language (or ``lang``), or None after logging
    every problem (never shown to the patient)."""
    folder = content_dir()
    lang = lang or active()
    try:
        return _load(folder, lang)
    except KnowledgeError as exc:
        log.error("content folder %s (%s) refused; %d problem(s):\n%s", folder, lang, len(exc.problems),
                  "\n".join(f"  {p}" for p in exc.problems))
        return None
