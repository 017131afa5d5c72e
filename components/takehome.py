"""Take-home: a printable one-page summary and a share link with a QR code.

In kiosk mode (a shared tablet) there is no download and no link text: only a QR code the
person scans with their own phone, pointing at ``EXPLAINER_PUBLIC_URL`` with the answers as
query parameters. The tablet never opens that address itself, so the answers never reach
its address bar or history. Without a public address the section is left out.
"""

from __future__ import annotations

from html import escape

import segno
import streamlit as st

from knowledge import Explanation, KnowledgeBase

from . import listen, printable, settings, share, state, svg
from .text import active, t


def base_url() -> str:
    """The address phones should open: the public one when set, else the browser's own."""
    return settings.public_url() or st.context.url or "http://localhost:8501/"


QR_KEY = "_qr_drawing"


def qr_svg(link: str, label: str) -> str:
    """The QR code as inline SVG with an accessible name; it holds the link as data, not as text.

    Drawing it is a large share of a results rerun, so the last drawing is kept in this
    session's own state (cleared with everything else by Start over and the idle reset),
    never in a cache shared between people.
    """
    kept = st.session_state.get(QR_KEY)
    if kept and kept[0] == (link, label):
        return kept[1]
    svg = segno.make(link, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
    st.session_state[QR_KEY] = ((link, label), svg)
    return svg


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    if settings.kiosk():
        _kiosk()
        return
    answers = state.answers()
    link = share.link(base_url(), answers, kb.lang)
    qr = qr_svg(link, t("takehome.qr_label"))
    with listen.row("takehome", t("takehome.heading")):
        st.header(t("takehome.heading"), anchor=False)
    st.markdown(t("takehome.intro"))
    st.download_button(t("takehome.download"), printable.build(kb, explanation, answers, link, qr),
                       file_name=t("takehome.file_name"), mime="text/html", icon="🖨️", type="primary",
                       key=state.key("download"), on_click="ignore", help=None)
    st.caption(t("takehome.download_help"))
    st.subheader(t("takehome.share_heading"), anchor=False)
    st.markdown(t("takehome.share_intro"))
    svg.show(qr)  # only drawing paths; the link's text never becomes HTML
    st.code(link, language=None, wrap_lines=True)


def _kiosk() -> None:
    public = settings.public_url()
    if not public:
        return
    link = share.link(public, state.answers(), active())
    with listen.row("takehome", t("takehome.share_heading")):
        st.header(t("takehome.share_heading"), anchor=False)
    st.markdown(t("takehome.kiosk_intro"))
    svg.show(qr_svg(link, t("takehome.qr_label")), max_width_px=260)
