"""Teaching tables as HTML the page controls: a caption, column and row headers that stay in view
inside the table's own scroll box, a coloured cell per kind with its symbol and words, every text
escaped. Present mode and the print rules in :data:`components.teaching.common.TEACHING_CSS` style
this markup (``teach-scroll``, ``teach-table``)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import streamlit as st

# Cell kinds: "applies", "conditional" or "" (not used), or "text" for a plain cell; the classes pick
# the colours in TEACHING_CSS.
KIND_CLASS = {"applies": "k-applies", "conditional": "k-conditional", "": "k-none", "text": "k-text"}
MARKED = ' class="marked"'


@dataclass(frozen=True)
class Row:
    header: str
    cells: tuple[tuple[str, str], ...]  # (kind, words) per column
    marked: bool = False  # drawn apart (a difference between the columns)


def html(caption: str, corner: str, columns: list[str], rows: list[Row], compact: bool = False) -> str:
    """The table's markup; the scroll box is a named, keyboard-reachable region (WCAG 2.1.1).

    ``compact`` (present mode's whole subtype table on one screen) sets the column names in
    ``<span>``, which present mode's style turns on their side.
    """
    e = escape
    head = "".join(f'<th scope="col"><span>{e(c)}</span></th>' if compact else f'<th scope="col">{e(c)}</th>'
                   for c in columns)
    body = "".join(
        f'<tr{MARKED if r.marked else ""}><th scope="row">{e(r.header)}</th>'
        + "".join(f'<td class="{KIND_CLASS[kind]}">{e(words)}</td>' for kind, words in r.cells) + "</tr>"
        for r in rows)
    return (f'<div class="teach-scroll" tabindex="0" role="region" aria-label="{e(caption)}">'
            f'<table class="teach-table{" teach-compact" if compact else ""}"><caption>{e(caption)}</caption>'
            f'<thead><tr><th scope="col">{e(corner)}</th>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def show(key: str, caption: str, corner: str, columns: list[str], rows: list[Row], compact: bool = False) -> None:
    with st.container(key=key):
        st.html(html(caption, corner, columns, rows, compact))
