"""The language of the session: the switch, the language a link carries, and ``<html lang>``.

The choice lives in ``st.session_state["lang"]`` (read by :func:`components.shared.text.active`
and :func:`components.shared.knowledge_base.get_knowledge`). The switch is a widget whose key
carries the generation number like every other widget; its value is copied into the
session on change. "Start over" keeps the language: the same person is starting again,
and a Spanish reader should not be dropped back into English. The kiosk reset for the
next person goes back to English (``state.start_over(keep_settings=False)``).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.i18n import LANGUAGES

from . import assets, settings, state
from .knowledge_base import content_dir, get_knowledge
from .text import LANGUAGE, SESSION_KEY, active, forget_language, t

_HERE = Path(__file__).parent


def available() -> list[str]:
    """Languages with both UI strings and a translation of the rule set in the content folder.

    A kiosk offers English, every translation a medical translator has checked, and the drafts
    its operator lists (``EXPLAINER_KIOSK_LANGUAGES``); at home every language is offered.
    """
    root = Path(content_dir())
    codes = [code for code in LANGUAGES
             if (_HERE / f"text_{code}.yaml").is_file() and (code == LANGUAGE or (root / "lang" / code).is_dir())]
    if settings.kiosk():
        kb = get_knowledge(LANGUAGE)
        reviewed = {c for c, tr in kb.translations.items() if tr.status == "reviewed"} if kb else set()
        codes = [c for c in codes if c == LANGUAGE or c in reviewed or c in settings.kiosk_languages()]
    return codes


def draft_note(kb: KnowledgeBase | None) -> None:
    """Under the language switch and in About: a draft translation says so, in its language and in English."""
    translation = kb.translation if kb else None
    if translation is None or translation.status != "draft":
        return
    with st.container(key="draft_note"):
        st.caption(translation.draft_note)
        with st.container(key="in_english_draft_note"):  # marked lang="en" by the page script
            st.caption(translation.draft_note_en)


def current() -> str:
    return active()


def choose(code: str) -> None:
    if code in LANGUAGES:
        st.session_state[SESSION_KEY] = code
        forget_language()


def from_link(values: list[str]) -> bool:
    """Take the language from a link's ``lang`` values; False if it is not one this app has."""
    if len(values) == 1 and values[0] in available():
        choose(values[0])
        return True
    return False


def _store(widget_key: str) -> None:
    choose(st.session_state.get(widget_key) or current())


def switch(big: bool = False) -> None:
    """The language choice, each language named in its own words ("English", "Español").

    ``big`` draws it large, for the start screen; elsewhere it sits beside the text size.
    """
    codes = available()
    if len(codes) < 2:
        return
    wkey = state.key("lang")
    with st.container(key="lang_big" if big else "lang_small"):
        st.segmented_control(
            t("app.language"), options=codes, format_func=lambda code: LANGUAGES[code], default=current(),
            key=wkey, required=True, on_change=_store, args=(wkey,), help=None,
        )


# Sets the page's language for screen readers, hyphenation and translation tools, and marks
# each language name on the switch with its own language (WCAG 3.1.1 and 3.1.2). Streamlit
# fixes <html lang="en">; this runs in the page (st.html, no iframe, allowed by the app's
# script-src 'self' 'unsafe-inline'). It also puts the chosen language's words in place of
# Streamlit's own fixed English ones (the skip link, the page list's name, the progress bar's
# name, the copy button, the text box hint), and marks the parts kept in English as such. A MutationObserver keeps all of it true when
# Streamlit redraws; every word it writes is fixed text from the text files, never from a link.


def _streamlit_words(lang: str) -> list[tuple[str, list[str]]]:
    """For each of Streamlit's fixed words: this language's word, and every language's (to replace)."""
    keys = t("streamlit", LANGUAGE)
    return [(t(f"streamlit.{k}", lang), [t(f"streamlit.{k}", code) for code in available()]) for k in keys]


def mark_page() -> None:
    """Set ``<html lang>`` and ``dir`` to the session's language (a tiny inline script, nothing loaded)."""
    lang = current()
    script = assets.script("shared/language.js", lang=lang, dir=settings.direction(lang), words=_streamlit_words(lang),
                           names={name: code for code, name in LANGUAGES.items()})
    st.html(script, unsafe_allow_javascript=True)
