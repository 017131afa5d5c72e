"""Take-home: a printable one-page summary and a share link with a QR code."""

from __future__ import annotations

import os
from html import escape

import segno
import streamlit as st

from knowledge import Explanation, KnowledgeBase

from . import printable, share, state, svg
from .text import t

PUBLIC_URL_ENV = "EXPLAINER_PUBLIC_URL"  # the address phones should open, when it differs from the browser's


def base_url() -> str:
    return os.environ.get(PUBLIC_URL_ENV) or st.context.url or "http://localhost:8501/"


def qr_svg(link: str, label: str) -> str:
    """The QR code as inline SVG with an accessible name; it holds the link as data, not as text."""
    svg = segno.make(link, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    answers = state.answers()
    link = share.link(base_url(), answers)
    qr = qr_svg(link, t("takehome.qr_label"))
    st.header(t("takehome.heading"), anchor=False)
    st.markdown(t("takehome.intro"))
    st.download_button(t("takehome.download"), printable.build(kb, explanation, answers, link, qr),
                       file_name="summary.html", mime="text/html", icon="🖨️", type="primary",
                       key=state.key("download"), on_click="ignore", help=None)
    st.caption(t("takehome.download_help"))
    st.subheader(t("takehome.share_heading"), anchor=False)
    st.markdown(t("takehome.share_intro"))
    svg.show(qr)  # only drawing paths; the link's text never becomes HTML
    st.code(link, language=None, wrap_lines=True)
