"""Teaching mode: the rule set made visible, for teachers of nursing and medical students.

Five pages (subtypes side by side, why and why not, case library, evidence, how the rules
work), each drawn from :mod:`knowledge.teaching` and the engine, never from rules of its own.
They are registered only outside kiosk mode (see :func:`pages`), and each page also stops
at once if it is somehow run in kiosk mode.
"""

from __future__ import annotations

import streamlit as st

from ..text import t

# (file in pages/, title key, icon, url path)
PAGES = (
    ("matrix.py", "teaching.nav_matrix", "🧮", "subtypes"),
    ("why.py", "teaching.nav_why", "🔍", "why-and-why-not"),
    ("cases.py", "teaching.nav_cases", "📚", "cases"),
    ("evidence.py", "teaching.nav_evidence", "📑", "evidence"),
    ("rules.py", "teaching.nav_rules", "⚙️", "rules"),
)


def pages() -> list[st.Page]:
    """The teaching pages for ``st.navigation`` (call only outside kiosk mode)."""
    return [st.Page(f"components/teaching/pages/{file}", title=t(title), icon=icon, url_path=url)
            for file, title, icon, url in PAGES]
