"""Teaching mode: the rule set made visible, for teachers of nursing and medical students.

A "For teachers" page and seven pages it links to (subtypes side by side, compare profiles,
what changes if, why and why not, case library, evidence, how the rules work), each drawn from :mod:`knowledge.teaching` and the engine, never from rules of its own.
They are registered only outside kiosk mode (see :func:`pages`), and each page also stops
at once if it is somehow run in kiosk mode.
"""

from __future__ import annotations

import streamlit as st

from ..shared.text import t

# (file in pages/, title key, icon, url path); the first is the one link in the page list,
# the others are reached from the teaching menu on every teaching page.
PAGES = (
    ("index.py", "teaching.nav_section", "🎓", "teaching"),
    ("matrix.py", "teaching.nav_matrix", "🧮", "subtypes"),
    ("compare.py", "teaching.nav_compare", "⚖️", "compare"),
    ("changes.py", "teaching.nav_changes", "🔀", "what-changes-if"),
    ("why.py", "teaching.nav_why", "🔍", "why-and-why-not"),
    ("cases.py", "teaching.nav_cases", "📚", "cases"),
    ("evidence.py", "teaching.nav_evidence", "📑", "evidence"),
    ("rules.py", "teaching.nav_rules", "⚙️", "rules"),
)


def page_path(file: str) -> str:
    return f"components/teaching/pages/{file}"


def pages() -> list[st.Page]:
    """The teaching pages for ``st.navigation`` (call only outside kiosk mode).

    Only the first shows in the page list: seven more links would crowd the patient's menu,
    and Streamlit's grouped menu writes list markup that fails the accessibility audit on phones.
    """
    return [st.Page(page_path(file), title=t(title), icon=icon, url_path=url,
                    visibility="visible" if i == 0 else "hidden")
            for i, (file, title, icon, url) in enumerate(PAGES)]
