"""UI strings, read once from ``text_<lang>.yaml``. Clinical words come from the content, not here.

Every file holds one top-level key, its language code, with the same keys and the same
``{placeholders}`` as English (a test checks both). ``t()`` answers in the language the
person chose for this session (see :mod:`components.language`), or in ``lang`` if given.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import streamlit as st
import yaml
from streamlit.runtime.scriptrunner import get_script_run_ctx

from knowledge.i18n import LANGUAGES

LANGUAGE = "en"  # the default, and the language of a page opened without a choice
SESSION_KEY = "lang"
_HERE = Path(__file__).parent


@functools.cache
def strings(lang: str = LANGUAGE) -> dict[str, Any]:
    """All strings for one language, as nested dicts."""
    with open(_HERE / f"text_{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)[lang]


def active() -> str:
    """The language chosen in this session; English outside a Streamlit run (tests, exports)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return LANGUAGE
    lang = st.session_state.get(SESSION_KEY)
    return lang if lang in LANGUAGES else LANGUAGE


def t(key: str, lang: str | None = None, **values: object) -> Any:
    """The string (or list) at a dotted key such as ``"results.more"``, with ``{placeholders}`` filled."""
    node: Any = strings(lang or active())
    for part in key.split("."):
        node = node[part]
    if isinstance(node, str) and values:
        return node.format(**values)
    return node
