"""Page styling: large touch targets, readable text, a text-size choice, print rules.

All CSS here is fixed text written in this file; nothing from answers or links goes in.
"""

from __future__ import annotations

import streamlit as st

from . import state
from .text import t

SIZES = {"normal": 20, "large": 24, "largest": 28}

BASE_CSS = """
<style>
/* Touch targets of at least 48px, for tablets and shaky hands. */
.stButton button, .stDownloadButton button, .stLinkButton a, [data-testid="stButtonGroup"] button
  { min-height: 48px; min-width: 48px; }
.stButton button p, .stDownloadButton button p, .stLinkButton a p { font-size: 1.05rem; }
[data-testid="stRadioOption"] { min-height: 48px; min-width: 48px; align-items: center; }
[data-testid="stTextInput"] [data-baseweb="input"], [data-testid="stTextInput"] input { min-height: 48px; }
[data-testid="stRadio"] div[role="radiogroup"] { gap: 0.35rem; }
[data-testid="stRadioOption"] p { font-size: 1.1rem !important; }
[data-testid="stExpander"] summary { min-height: 48px; }
[data-testid="stExpander"] summary p, [data-testid="stButtonGroup"] p, header a p, [data-testid="stTab"] p
  { font-size: 1rem !important; }
[data-testid="stTab"] { min-height: 48px; }
/* All four groups stay in view on a phone instead of scrolling sideways. */
[data-testid="stTabs"] [role="tablist"] { flex-wrap: wrap; row-gap: 0.25rem; }
[data-testid="stTabs"] button { min-width: 44px !important; min-height: 44px !important; }
header button, [data-testid="stSidebar"] button { min-width: 48px !important; min-height: 48px !important; }
[data-testid="stCode"] code, [data-testid="stCode"] code span { font-size: 0.95rem !important; }
[data-testid="stCode"] button { min-width: 48px !important; min-height: 48px !important; }
/* A chosen place must look clearly chosen, not just a shade lighter. */
button[data-variant="pills"][aria-pressed="true"] { background: #1d4f91 !important; border-color: #1d4f91 !important; }
button[data-variant="pills"][aria-pressed="true"] p { color: #fff !important; }
button[data-variant="pills"][aria-pressed="true"] p::before { content: "✓ " / ""; }
/* Captions under answers carry meaning: keep them at body size. */
[data-testid="stCaptionContainer"], [data-testid="stWidgetLabel"] p, .stRadio [data-testid="stCaptionContainer"] p
  { font-size: 1rem !important; }
[data-testid="stWidgetLabel"] p { font-weight: 600; }
/* The start screen's language choice is large: a reader of either language finds it first. */
[class*="st-key-lang_big"] button { min-height: 60px !important; min-width: 7.5rem !important; }
[class*="st-key-lang_big"] button p { font-size: 1.3rem !important; }
/* Streamlit's "Press Enter" hint in a text box: readable, like every other text. */
[data-testid="InputInstructions"], [data-testid="InputInstructions"] span { font-size: 0.9rem !important; }
/* Captions carry meaning (what an answer means, review dates): dark enough for 7:1 contrast. */
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p, .stRadio [data-testid="stCaptionContainer"] p,
[data-testid="stRadio"] label div p + div, [data-testid="stMarkdownContainer"] small
  { color: #262730 !important; opacity: 1 !important; }
/* The first screen of results: the treatments often used first, each with every way it is given. */
.first-option { display: flex; align-items: center; gap: .6rem; margin: .35rem 0; }
.first-option a { font-weight: 600; }
.first-option svg, .how-given svg { flex: none; }
.ways { display: inline-flex; flex: none; gap: .15rem; }
.way-words { white-space: nowrap; }
.how-given { display: flex; align-items: center; gap: .5rem; margin: 0; font-weight: 600; }
.like-yours, .picked { margin: 0; font-weight: 600; color: #1b5e20; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* "On this page": a row of links to each part, each a full-size touch target. */
nav.on-this-page { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .5rem; margin: .2rem 0; }
nav.on-this-page span { font-weight: 600; }
nav.on-this-page a { display: inline-flex; align-items: center; min-height: 48px; padding: 0 .9rem; font-weight: 600;
  color: #1d4f91; border: 2px solid #b8c7dd; border-radius: 999px; text-decoration: none; }
nav.on-this-page a:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
/* The line of time: boxes with arrows; "at any time" and "only if" sit beside it, drawn apart. */
figure.timeline { margin: .3rem 0 .6rem; }
figure.timeline ol { display: flex; flex-wrap: wrap; align-items: stretch; gap: .4rem; list-style: none; padding: 0;
  margin: 0; }
figure.timeline li.step { display: flex; flex-wrap: wrap; align-items: center; column-gap: .5rem; padding: .35rem .6rem;
  min-width: 7rem; font-size: .95rem; border: 2px solid #0e5a63; border-radius: 10px; background: #f2f9f8; }
figure.timeline li.step b { flex: 1 0 100%; }
figure.timeline li.aside { border-style: double; border-width: 4px; }
figure.timeline li.maybe { border-style: dashed; background: #fff; }
figure.timeline li.arrow { align-self: center; font-size: 1.6rem; color: #0e5a63; }
figure.timeline figcaption { font-size: .95rem; margin-top: .35rem; }
/* Warning signs: a small body outline beside the words that name her places. */
figure.body-row { display: flex; align-items: center; gap: 1rem; margin: 0; }
.body-small { width: 96px; flex: none; }
/* Each group: its heading and switch on one row, close to its one-line list or cards. */
[class*="st-key-group_"] [data-testid="stVerticalBlock"] { gap: .35rem; }
[class*="st-key-group_"] [data-testid="stHorizontalBlock"] { row-gap: 0; column-gap: .8rem; }
[class*="st-key-group_"] h3 { font-size: 1.25rem; }
[class*="st-key-card_"] summary p { font-size: 1rem !important; }
/* The settings row stays slim; on a phone the settings button shows its icon, and its name
   stays for screen readers. */
.st-key-controls { min-height: 48px; }
[data-testid="stPopover"] button p { font-size: 1rem !important; }
[data-testid="stPopover"] button { min-height: 48px; }
@media (max-width: 640px) {
  .st-key-controls [data-testid="stPopover"] button p { position: absolute; width: 1px; height: 1px;
    overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
}
/* Results: the short notice, a smaller page heading and compact first-screen sections. */
.notice-short { margin: 0; color: #0b3d7a; font-weight: 600; font-size: .9rem; }
.you-said { font-size: .9rem; margin: 0; }
.st-key-summary [data-testid="stVerticalBlock"] { gap: .4rem; }
/* Less air between blocks and around headings, so the first screen holds what matters most. */
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: .7rem; }
[data-testid="stMain"] h1 { padding: .2rem 0 .3rem; }
[data-testid="stMain"] h3 { padding: .3rem 0 .1rem; }
.st-key-help_first [data-testid="stAlert"] > div { padding: .6rem .8rem; }
.st-key-summary h1, [data-testid="stMain"] h1 { font-size: 2.3rem; }
.st-key-often_first h3, .st-key-help_first h3, .st-key-unsure h3 { font-size: 1.35rem; padding: .2rem 0; }
/* Glossary words in a text: a dotted underline; a tap opens the definition in the middle of the screen. */
button.term { background: none; border: none; padding: 0; margin: 0; font: inherit; color: inherit; cursor: help;
  border-bottom: 2px dotted #0e5a63; min-height: 0; min-width: 0; }
button.term:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.term-box { max-width: min(90vw, 30rem); padding: 1rem 1.2rem; border: 2px solid #0e5a63; border-radius: 10px;
  font-size: 1rem; line-height: 1.45; color: #111; background: #fff; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
.term-box::backdrop { background: rgba(0, 0, 0, .15); }
/* Urgent signs stand apart: the emergency tier red, the "today" tier amber, each with its own words and icon. */
.st-key-tier_emergency, .st-key-urgent_emergency { border-left: 8px solid #b00020; }
.st-key-tier_today, .st-key-urgent_today { border-left: 8px solid #9a6700; }
.st-key-intro p { font-size: 1.3rem; line-height: 1.45; }
/* The app draws its own top row (page links or Menu, settings, Start over), so Streamlit's empty
   top bar goes on every screen and the row takes its place: on a tablet at Largest text the bar
   and the room kept for it took a tenth of the screen above the first words. */
header[data-testid="stHeader"] { display: none; }
.block-container { padding-top: 1rem; max-width: 52rem; }
/* Words explained: a row of letters to jump to, each a full-size touch target. */
nav.az { display: flex; flex-wrap: wrap; gap: .3rem; }
nav.az a { display: inline-flex; align-items: center; justify-content: center; min-width: 48px; min-height: 48px;
  font-size: 1.1rem; font-weight: 600; border: 1px solid #b8c7dd; border-radius: 8px; text-decoration: none;
  color: #1d4f91; }
nav.az a:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
h3[id^="letter-"] [data-testid="stHeaderActionElements"] { display: none; }  /* the row above links here */
/* Page scripts and the hidden controls they press take no room: each would add a gap above
   the first words. */
[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child),
[data-testid="stLayoutWrapper"]:has(> .st-key-history) { display: none !important; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"]
  > [data-testid="stLayoutWrapper"]:has(.st-key-kiosk_activity):not(:has(.st-key-idle_warning))
  { display: none !important; }
/* The heading takes focus after a step change so screen readers start there; it is not a control. */
h1[tabindex="-1"]:focus { outline: none; }
@media (max-width: 640px) {
  /* A phone is held closer than a tablet on a stand: Normal is a little smaller there (18 px, the smallest text the app uses anywhere), and the
     first screen of results keeps one sign per tier (every sign is further down). */
  html { font-size: 18px; }
  .notice-short, .you-said, [data-testid="stCode"] code, [data-testid="stCode"] code span
    { font-size: 1rem !important; }
  h1, .st-key-summary h1, [data-testid="stMain"] h1 { font-size: 1.5rem !important; }
  h2 { font-size: 1.4rem !important; } h3 { font-size: 1.2rem !important; }
  .st-key-often_first h3, .st-key-help_first h3, .st-key-unsure h3 { font-size: 1.05rem !important; }
  .st-key-help_first li:nth-child(n+2) { display: none; }
  .st-key-help_first [data-testid="stAlert"] p { margin-bottom: .15rem; }
  .st-key-help_first [data-testid="stAlert"] ul { margin-top: 0; padding-left: 1.1rem; }
  .st-key-help_first [data-testid="stAlert"] li { margin: 0; }
  .st-key-help_first [data-testid="stAlert"] [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
  .st-key-help_first [data-testid="stHorizontalBlock"] { row-gap: .5rem; }
  .st-key-showing_for [data-testid="stElementContainer"]:first-child { flex: 1 1 0; min-width: min(8rem, 100%); }
  .st-key-unsure { padding: .4rem .75rem .6rem !important; }
  .st-key-unsure [data-testid="stVerticalBlock"], .st-key-summary [data-testid="stVerticalBlock"] { gap: .3rem; }
  .st-key-summary { padding: .5rem .75rem !important; }
  .st-key-showing_for button { min-height: 44px; }
  .st-key-showing_for .listen-play { display: none; }  /* the icon alone here, so the row stays one line; its name stays */
  .st-key-help_first [data-testid="stAlertContainer"] { padding: .45rem .7rem; }
  .st-key-help_first [data-testid="stHeading"] { margin-bottom: .25rem; }
  .st-key-showing_for { flex-wrap: wrap !important; }
  .block-container { padding-top: .4rem !important; }
  .st-key-help_first [data-testid="stAlert"] ul { margin-bottom: 0; }
  .first-option { margin: .15rem 0; align-items: flex-start; }
  /* On a phone the first screen keeps what matters most in view: the pictures say how each
     treatment is given (the card says it in words), and the aim of treatment is its first sentence. */
  .first-option .way-words, .aims-rest { display: none; }
  .first-option svg { width: 28px; height: 28px; }
  .first-option { margin: 0 0 .1rem; line-height: 1.35 !important; }
  .st-key-often_first [data-testid="stVerticalBlock"], .st-key-help_first [data-testid="stVerticalBlock"] { gap: .3rem; }
  figure.timeline li.step { min-width: 0; flex: 1 1 9rem; padding: .3rem .5rem; font-size: 1rem; }
  figure.timeline figcaption { font-size: 1rem; line-height: 1.35; }
  [class*="st-key-group_"] h3 { font-size: 1.05rem !important; }
  /* On the phone itself, a code to open the results on a phone is no use: the link stays. */
  .st-key-takehome [data-testid="stColumn"]:has(svg[role="img"]), .st-key-share_text { display: none; }
  /* Every sign, on a narrow screen: the words take the whole width (the tier's heading, colour and
     edge still tell the two apart). */
  .st-key-warning_signs [data-testid="stAlert"] :has(> [data-testid="stAlertDynamicIcon"]),
  .st-key-disclaimer_bottom [data-testid="stAlert"] :has(> [data-testid="stAlertDynamicIcon"]) { display: none; }
  .st-key-warning_signs [data-testid="stAlert"] [data-testid="stMarkdownContainer"],
  .st-key-disclaimer_bottom [data-testid="stAlert"] [data-testid="stMarkdownContainer"] { width: 100% !important; }
  .st-key-warning_signs [data-testid="stAlertContainer"], .st-key-disclaimer_bottom [data-testid="stAlertContainer"]
    { padding: .5rem .7rem; }
  .st-key-warning_signs [data-testid="stAlert"] ul { padding-left: 1.1rem; }
  .st-key-warning_signs [data-testid="stAlert"] li { margin-left: 0; }
  nav.on-this-page a { padding: 0 .7rem; }
  [data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: .5rem; }
  [data-testid="stMain"] p, [data-testid="stMain"] li { line-height: 1.45; }
  .block-container { padding-left: 1rem; padding-right: 1rem; }
}
/* Page links and the Menu (components/shared/navigation.py): in the page's flow, links at least 48px
   tall; a row of links on wider screens, the labelled Menu button on a phone. */
[data-testid="stPageLink"] a { min-height: 48px; align-items: center; }
[data-testid="stPageLink"] p { font-size: 1rem !important; }
.st-key-controls [class*="st-key-menu_"] button p { position: static; width: auto; height: auto; overflow: visible;
  clip: auto; }
[class*="st-key-menu_"] button p::before { content: "☰" / ""; margin-right: .4rem; }
[class*="st-key-menu_"] { display: none !important; }
@media (max-width: 640px) {
  .st-key-pages, [data-testid="stLayoutWrapper"]:has(> .st-key-pages) { display: none !important; }
  [class*="st-key-menu_"] { display: block !important; }
  /* No open/close arrows in the top row on a phone, so Menu, settings and Start over fit one line. */
  .st-key-controls [data-testid="stPopoverButton"] div[aria-hidden="true"] { display: none; }
}
/* Questions for the visit: every checkbox a full-size touch target; "what matters" choices
   wrap onto two lines on a phone instead of being cut off. */
[data-testid="stCheckbox"] label { min-height: 48px; align-items: center; }
.st-key-visit_matters_box button { height: auto; }
.st-key-visit_matters_box button p { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; text-align: left; }
/* Printing the results page itself (the browser's own Print): no controls, the whole page
   rather than one screen of it, every card opened so far printed open, warning signs kept
   together. (The take-home page is the printout made for the visit.) */
@media print {
  header, [data-testid="stSidebar"], [data-testid="stToolbar"], [data-testid="stDecoration"], .st-key-controls,
  .stButton, .stLinkButton, .stDownloadButton, [data-testid="stPopover"], [data-testid="stTextInput"],
  [data-testid="stSkipLink"], [class*="st-key-print_action"], iframe { display: none !important; }
  html, body, [data-testid="stApp"], [data-testid="stAppViewContainer"], [data-testid="stMain"],
  [data-testid="stMainBlockContainer"], .block-container
    { height: auto !important; min-height: 0 !important; overflow: visible !important; position: static !important; }
  .block-container { padding-top: 0 !important; max-width: none !important; }
  details::details-content { content-visibility: visible !important; display: block !important; height: auto !important; }
  details summary svg { display: none; }
  [class*="st-key-urgent"], .st-key-help_first, [data-testid="stAlert"], figure.timeline
    { break-inside: avoid; }
  nav.on-this-page { display: none; }
  h1, h2, h3 { break-after: avoid; }
}
</style>
"""


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

