"""An example pathology report, drawn for this app, with the results people look for marked.

It is drawn with HTML and CSS rather than SVG so that its words are real text: they follow the
reader's text size (never below the app's 18 px), wrap on a phone and are read by screen
readers in order. No real patient, no real report. Every word comes from the interface words
(components/text_<lang>.yaml) and is escaped, so nothing from a link can reach the page.
"""

from __future__ import annotations

from html import escape

import streamlit as st

from ..shared import assets
from ..shared.text import t

CSS = assets.style("explainer/report_picture.css")


def html(lang: str | None = None) -> str:
    """The example report as one HTML figure; its label says what it is."""
    words = t("report_picture", lang)
    rows = [f'<li><span class="mark" style="visibility:hidden" aria-hidden="true"></span>'
            f'<span>{escape(words["diagnosis"])}</span></li>']
    rows += [f'<li><span class="mark" aria-hidden="true">{i}</span><span class="marked">{escape(text)}</span></li>'
             for i, text in enumerate(words["results"], 1)]
    return (f'{CSS}<figure class="report-example" role="figure" aria-label="{escape(words["label"])}">'
            f'<p class="title">{escape(words["title"])}</p><p class="note">{escape(words["subtitle"])}</p>'
            f'<ol>{"".join(rows)}</ol></figure>')


def show() -> None:
    st.markdown(html(), unsafe_allow_html=True)
