"""Page styling: large touch targets, readable text, a text-size choice, print rules.

All CSS here is fixed text written in this file; nothing from answers or links goes in.
"""

from __future__ import annotations

import streamlit as st

from . import assets, state
from .text import t

SIZES = {"normal": 20, "large": 24, "largest": 28}

BASE_CSS = assets.style("shared/base.css")


LARGEST_ROW_CSS = """<style>
.st-key-pages, [data-testid="stLayoutWrapper"]:has(> .st-key-pages) { display: none !important; }
[class*="st-key-menu_"] { display: block !important; }
.st-key-controls [data-testid="stPopoverButton"] div[aria-hidden="true"] { display: none; }
</style>"""


def apply_base() -> None:
    st.html(BASE_CSS)


def hide_this_container(key: str, marker: str = "<span hidden></span>") -> None:
    """Drawn first inside the container ``key``: the rule that hides it, with it.

    For the controls only page scripts press (never shown, never in the tab order). The rule
    comes with the container, so its controls never show, not even for a moment while a rerun
    redraws the page's stylesheet. ``marker`` is fixed markup that goes with it.
    """
    st.html(f"<style>.st-key-{key} {{ display: none !important; }}</style>{marker}")


SCROLL_TOP = """<script>
requestAnimationFrame(() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) { main.scrollTo(0, 0); }
  window.scrollTo(0, 0);
  // Keyboard and screen reader users continue from the new screen's heading.
  const h1 = document.querySelector('[data-testid="stMain"] h1');
  if (h1) { h1.setAttribute('tabindex', '-1'); h1.focus({preventScroll: true}); }
});
</script>"""


def scroll_to_top_if_moved() -> None:
    """After a step change, start the new screen at its top, not where the last one was scrolled.

    Call it after the page is drawn, so the new heading exists when the script runs.
    """
    if st.session_state.pop("scroll_top", False):
        st.html(SCROLL_TOP, unsafe_allow_javascript=True)


def text_size() -> str:
    """The reader's text size: "normal", "large" or "largest"."""
    choice = st.session_state.get(state.key("text_size"))
    return choice if choice in SIZES else "normal"


def text_size_control() -> None:
    """A three-step text size choice; scales every rem-based size on the page.

    The choice is copied into the session (``text_size``), so a new widget after Start over
    shows the same person's size; only the kiosk reset for the next person forgets it.
    """
    labels = t("app.text_size_names")
    wkey = state.key("text_size")
    chosen = st.session_state.get("text_size", "normal")
    choice = st.segmented_control(
        t("app.text_size"), options=list(SIZES), format_func=lambda k: labels[k],
        default=chosen if chosen in SIZES else "normal", key=wkey, help=None, label_visibility="visible",
        required=True, on_change=state.remember, args=("text_size", wkey),
    )
    px = SIZES.get(choice or "normal", 20)
    if px != SIZES["normal"]:
        st.html(f"<style>html {{ font-size: {int(px)}px !important; }}</style>")
    if choice == "largest":  # the page links go behind the Menu button, so the top row stays one row
        st.html(LARGEST_ROW_CSS)

