"""Take-home: the one-page summary to print, and a share link with a QR code.

The summary opens as a page in the browser with a Print button. The app serves it itself from
memory (Streamlit's media store, never written to disk) at an address that exists only while
these results are on screen in this session: the next change, Start over, the kiosk reset or
closing the tab takes it away. A random marker per session makes the address impossible to
guess from the answers.

In kiosk mode (a shared tablet) there is no new tab and no link text. The QR code points at
``EXPLAINER_PUBLIC_URL`` with the answers as query parameters, for the person's own phone; the
tablet never opens that address itself, so the answers never reach its address bar or history.
With ``EXPLAINER_KIOSK_PRINT=1`` a "Print my summary" button also prints the page with the
browser's print (for tablets set up with a printer), from a hidden frame that is removed again.
"""

from __future__ import annotations

import secrets
from html import escape

import segno
import streamlit as st
from streamlit import runtime

from knowledge import Explanation, KnowledgeBase

from ..shared import assets, listen, reader, settings, share, state, style, svg
from ..shared.text import t
from . import printable, visit

QR_KEY = "_qr_drawing"
NONCE_KEY = "_printout_nonce"
PRINT_NOW = "_print_now"


def base_url() -> str:
    """The address phones should open: the public one when set, else the browser's own."""
    return settings.public_url() or st.context.url or "http://localhost:8501/"


def share_link(kb: KnowledgeBase) -> str | None:
    """The share link, or None on a kiosk without a public address (no QR code at all)."""
    if settings.kiosk():
        public = settings.public_url()
        return share.link(public, state.answers(), kb.lang, reader.link_value()) if public else None
    return share.link(base_url(), state.answers(), kb.lang, reader.link_value())


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


def printout(kb: KnowledgeBase, explanation: Explanation) -> str:
    """The take-home page as it stands now: chosen questions, what matters, the reader's text size."""
    link = share_link(kb)
    nonce = st.session_state.setdefault(NONCE_KEY, secrets.token_hex(16))
    return printable.build(kb, explanation, state.answers(), link, qr_svg(link, t("takehome.qr_label")) if link else "",
                           visit.chosen(kb, explanation), style.text_size(), nonce, reader.current())


def printout_url(kb: KnowledgeBase, explanation: Explanation) -> str:
    """Where this session's take-home page is served from memory (relative to the app)."""
    url = runtime.get_instance().media_file_mgr.add(printout(kb, explanation).encode("utf-8"), "text/html",
                                                     coordinates="takehome.printout")
    return url.lstrip("/")


def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    """The take-home, right after the questions for the visit: the print action and the QR code."""
    link = share_link(kb)
    printing = not settings.kiosk() or settings.kiosk_print()
    if not (printing or link):
        return
    with st.container(key="takehome"):
        with listen.row("takehome", t("takehome.heading")):
            st.header(t("takehome.heading"), anchor=False)
        left, right = st.columns([3, 2], vertical_alignment="center") if link else (st.container(), None)
        with left:
            if printing:
                print_action(kb, explanation)
            if link:
                with st.container(key="share_text"):  # left out on a phone: it is the phone already
                    st.markdown(f"**{t('takehome.share_heading')}**  \n"
                                + t("takehome.kiosk_intro" if settings.kiosk() else "takehome.share_intro"))
        if link:
            with right:
                svg.show(qr_svg(link, t("takehome.qr_label")), max_width_px=150)
            if not settings.kiosk():
                with st.expander(t("takehome.copy_link")):
                    st.code(link, language=None, wrap_lines=True)


def print_action(kb: KnowledgeBase, explanation: Explanation) -> None:
    """One obvious Print action with a caption that says what happens.

    At home: a link that opens the take-home page in a new tab. On a kiosk with printing on:
    a button that prints it on the tablet's printer, without leaving the screen.
    """
    if settings.kiosk() and not settings.kiosk_print():
        return
    with st.container(key="print_action"):  # left out when the results page itself is printed
        if not settings.kiosk():
            st.link_button(t("takehome.open_print"), printout_url(kb, explanation), icon="🖨️", type="primary",
                           key=state.key("print"))
            st.caption(t("takehome.open_print_help"))
            return
        st.button(t("takehome.kiosk_print"), icon="🖨️", type="primary", key=state.key("print"),
                  on_click=st.session_state.__setitem__, args=(PRINT_NOW, True))
        st.caption(t("takehome.kiosk_print_help"))
        if st.session_state.pop(PRINT_NOW, False):
            st.html(assets.script("take_home/print.js", url=printout_url(kb, explanation)), unsafe_allow_javascript=True)


# Prints the take-home page from a hidden frame: the page is fetched from this app (same origin),
# put in the frame as its own document, printed with the browser's print, and the frame removed
# after printing or when the kiosk resets the screen. The only value put in is the page's
# relative address, written as a JSON string.
