"""Read aloud: a "Listen" control beside a part of a screen, spoken by the device's own voice.

The speaking happens in the browser with the Web Speech API (``speechSynthesis``): no audio
and no text leaves the device, and nothing is fetched. One inline script per page
(:func:`install`) handles every control on it. A control names the part it reads by that
part's container key; the script reads the text the person can see in it (an opened
"more" reads too, a closed one does not), so no text is sent to the page twice. Drug and gene
names are read as the glossary's ``say`` gives them. Only voices that run on the device are
used (``localService``): a browser's online voices would send the text away, so when the
device has none for the language, the control says so.

It keeps to the shared page events: while it speaks it sends ``explainer-activity`` every few
seconds (the kiosk's idle timer counts listening as activity), and it stops on
``explainer-stop``, on ``pagehide``, when its part leaves the screen, and when the screen
changes (another page, another step, Start over or another language).
"""

from __future__ import annotations

import contextlib
from html import escape
from typing import Iterator

import streamlit as st

from knowledge import KnowledgeBase

from . import assets, state
from .text import active, t

RATES = {"normal": 1.0, "slower": 0.8}
SPEED_KEY = "listen_speed"  # kept in the session like the text size (components/shared/state.py SETTINGS)

_CSS = assets.style("shared/listen.css")

# Fixed text written here; the only values put in are the page's words and the glossary's
# pronunciations, as JSON with "<" escaped, so nothing can end the script early.


def speed() -> str:
    choice = st.session_state.get(state.key(SPEED_KEY))
    return choice if choice in RATES else "normal"


def speed_control() -> None:
    """Normal or slower reading, for this session only (in the settings, beside the text size).
    Like the text size, the same person's Start over keeps it; the kiosk reset forgets it."""
    names = t("listen.speed_names")
    wkey = state.key(SPEED_KEY)
    chosen = st.session_state.get(SPEED_KEY, "normal")
    st.segmented_control(t("listen.speed"), options=list(RATES), format_func=lambda k: names[k],
                         default=chosen if chosen in RATES else "normal", key=wkey, required=True, help=None,
                         on_change=state.remember, args=(SPEED_KEY, wkey))


def install(page: str, kb: KnowledgeBase) -> None:
    """The page's read-aloud script, once a run. ``page`` names the page, so that moving to
    another page, step or person stops the speaking."""
    screen = f"{page}|{state.step()}|{st.session_state.get('generation', 0)}|{active()}"
    say = [[term.term, term.say] for term in kb.glossary if term.say]  # in the rule set's language
    config = {"screen": screen, "lang": active(), "rate": RATES[speed()], "say": say,
              "words": {key: t(f"listen.{key}") for key in ("pause", "resume", "no_voice")}}
    script = assets.script("shared/listen.js", config=config)
    st.html(_CSS)
    st.html(script, unsafe_allow_javascript=True)


def control(part: str, name: str) -> None:
    """Listen, and while it speaks Pause (Resume) and Stop, for the container keyed ``part``.

    ``name`` is the part's heading: it is in each button's accessible name, and it is read
    first when the heading is outside the part."""
    label = escape(t("listen.label", name=name))
    st.html(
        f'<div class="listen" data-part="{escape(part)}" data-name="{escape(name)}">'
        f'<button type="button" data-listen="play" aria-label="{label}">'
        f'<span aria-hidden="true">🔊</span> <span class="listen-play">{escape(t("listen.play"))}</span></button>'
        f'<button type="button" data-listen="pause" hidden><span class="listen-word">{escape(t("listen.pause"))}'
        f'</span></button><button type="button" data-listen="stop" hidden>{escape(t("listen.stop"))}</button>'
        f'<span class="listen-note" role="status"></span></div>', width="content")


@contextlib.contextmanager
def row(part: str, name: str) -> Iterator[None]:
    """A heading row: what is drawn inside, then the Listen control at its end."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small", wrap=False):
        yield
        control(part, name)
