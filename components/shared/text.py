"""UI strings, read once from ``text_<lang>.yaml``. Clinical words come from the content, not here.

Every file holds one top-level key, its language code, with the same keys and the same
``{placeholders}`` as English (a test checks both). ``t()`` answers in the language the
person chose for this session (see :mod:`components.shared.language`), or in ``lang`` if given.

A reader who cares for the person (:mod:`components.shared.reader`) reads a few texts in another
form: ``carer:`` holds them under the same keys (``carer.results.heading`` stands in for
``results.heading``), and ``t()`` looks there first for that reader. The set is small and
deliberate: the results page's and the take-home's words that would say "you" to the wrong person.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import streamlit as st
import yaml
from streamlit.runtime.scriptrunner import get_script_run_ctx

from knowledge.i18n import LANGUAGES, is_plural, plural
from knowledge.schema import CAREGIVER, READERS, SELF

LANGUAGE = "en"  # the default, and the language of a page opened without a choice
SESSION_KEY = "lang"
READER_KEY = "reader"  # who is reading: written by components/shared/reader.py
CARER = "carer"  # the texts a caregiver reads in another form, under the same keys
_HERE = Path(__file__).parent


@functools.cache
def strings(lang: str = LANGUAGE) -> dict[str, Any]:
    """All strings for one language, as nested dicts."""
    with open(_HERE / f"text_{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)[lang]


_RUN_CACHE = "_explainer_lang"  # (this run's cursor map, language, reader): read once per run, not per text


def _session() -> tuple[str, str]:
    """The session's language and reader; English and the person themselves outside a Streamlit run
    (tests, exports).

    A results page looks up several hundred texts; both are read from the session once per
    script run and kept on the run's context (Streamlit gives each run a new cursor map).
    """
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is None:
        return LANGUAGE, SELF
    cached = getattr(ctx, _RUN_CACHE, None)
    if cached is not None and cached[0] is ctx.cursors:
        return cached[1], cached[2]
    lang = st.session_state.get(SESSION_KEY)
    lang = lang if lang in LANGUAGES else LANGUAGE
    reader = st.session_state.get(READER_KEY)
    reader = reader if reader in READERS else SELF
    setattr(ctx, _RUN_CACHE, (ctx.cursors, lang, reader))
    return lang, reader


def active() -> str:
    """The language chosen in this session; English outside a Streamlit run (tests, exports)."""
    return _session()[0]


def active_reader() -> str:
    """Who is reading in this session: ``self`` or ``caregiver`` (``self`` outside a Streamlit run)."""
    return _session()[1]


def forget_language() -> None:
    """Call when the language or the reader changes during a run (a new choice, a reset)."""
    ctx = get_script_run_ctx(suppress_warning=True)
    if ctx is not None:
        setattr(ctx, _RUN_CACHE, None)


# Chinese takes its own full-width punctuation where the app joins texts with ": ", "; ", ", " or "."
# (a name and what it is, a label and its answer): after a Chinese character or bracket.
_AFTER_HAN = r"([\u3400-\u9fff）」](?:</\w+>)*)"  # a Chinese character or bracket, and any tags it closes
_HAN_MARKS = ((re.compile(_AFTER_HAN + r"\s*: "), r"\1："), (re.compile(_AFTER_HAN + r"\s*; "), r"\1；"),
              (re.compile(_AFTER_HAN + r", "), r"\1，"), (re.compile(_AFTER_HAN + r"\.(?=\s|<|$)"), r"\1。"),
              (re.compile(r": (?=[\u3400-\u9fff])"), "："), (re.compile(_AFTER_HAN + r":(?=</)"), r"\1："))


def punctuate(text: str, lang: str | None = None) -> str:
    """Text the app has joined from pieces, with the language's own punctuation (Chinese: ：；，。)."""
    if (lang or active()) != "zh-Hans":
        return text
    for pattern, mark in _HAN_MARKS:
        text = pattern.sub(mark, text)
    return text


def t(key: str, lang: str | None = None, reader: str | None = None, **values: object) -> Any:
    """The string (or list) at a dotted key such as ``"results.heading"``, with ``{placeholders}`` filled.

    For a caregiver (the session's reader, or ``reader``) the ``carer.`` form of the key is taken
    where there is one. A text written in plural forms takes the one the language's CLDR rules give
    for ``n`` ("Clearing in 1 second", "2 seconds"; Chinese and Vietnamese have one form)."""
    lang = lang or active()
    node = _carer_form(strings(lang), key) if (reader or active_reader()) == CAREGIVER else None
    if node is None:
        node = strings(lang)
        for part in key.split("."):
            node = node[part]
    if is_plural(node):
        node = node.get(plural(lang, values["n"]), node["other"])  # type: ignore[arg-type]
    if isinstance(node, str) and values:
        return node.format(**values)
    return node


def _carer_form(words: dict[str, Any], key: str) -> Any:
    """The text a caregiver reads in place of ``key``, or None where it is the same for everyone."""
    node: Any = words.get(CARER)
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
