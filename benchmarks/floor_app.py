"""The floor: plain Streamlit drawing the same page as the app, with no logic behind it.

It replays the census (benchmarks/census.py) of the app's element tree: the same element
types, nesting, widgets and text lengths, with fixed filler text, the same navigation and
the same text-size control. Any query string (a share link) opens the results page, a tap
on the start screen's button does too; every other tap just reruns. Whatever the app costs
above this is the price of its own work (rules, wording, QR code, printout).
Run: streamlit run benchmarks/floor_app.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st

HERE = Path(__file__).resolve().parent
FRESH, COMMITTED = HERE / "results" / "census.json", HERE / "floor_census.json"


@st.cache_resource(show_spinner=False)
def census() -> dict:
    path = Path(os.environ.get("FLOOR_CENSUS") or (FRESH if FRESH.is_file() else COMMITTED))
    return json.loads(path.read_text(encoding="utf-8"))


def to_results() -> None:
    st.session_state["screen"] = "results"


def draw(nodes: list[dict], screen: str, counter: list[int]) -> None:
    for n in nodes:
        counter[0] += 1
        key = f"e{counter[0]}"
        kind = n["t"]
        if kind in ("markdown", "caption"):
            if kind == "caption":
                st.caption(n["text"])
            else:
                st.markdown(n["text"], unsafe_allow_html=n["html"])
        elif kind == "title":
            st.title(n["text"], anchor=False)
        elif kind == "header":
            st.header(n["text"], anchor=False)
        elif kind == "subheader":
            st.subheader(n["text"], anchor=False)
        elif kind in ("info", "error", "warning", "success"):
            getattr(st, kind)(n["text"], icon=n["icon"] or None)
        elif kind == "code":
            st.code(n["text"], language=None, wrap_lines=True)
        elif kind == "html":
            st.html(n["text"], unsafe_allow_javascript=n.get("js", False))
        elif kind == "button":
            st.button(n["label"], icon=n["icon"] or None, type=n["type"] or "secondary", key=key,
                      on_click=to_results if screen == "start" else None)
        elif kind == "download_button":
            st.download_button(n["label"], b"x" * n["bytes"], file_name="summary.html", mime="text/html",
                               icon=n["icon"] or None, type=n["type"] or "secondary", key=key, on_click="ignore")
        elif kind == "link_button":
            st.link_button(n["label"], "media/floor.html", icon=n["icon"] or None, type=n["type"] or "secondary",
                           key=key)
        elif kind == "page_link":
            st.page_link("http://localhost/", label=n["label"])  # a local address, never opened
        elif kind == "checkbox":
            st.checkbox(n["label"], value=n["value"], key=key)
        elif kind == "toggle":
            st.toggle(n["label"], value=n["value"], key=key)
        elif kind == "text_input":
            st.text_input(n["label"], max_chars=n["max_chars"] or None, key=key)
        elif kind == "button_group":
            choice(n, key)
        elif kind == "expander":
            with st.expander(n["label"], icon=n["icon"] or None):
                draw(n["children"], screen, counter)
        elif kind == "popover":
            with st.popover(n["label"], icon=n["icon"] or None):
                draw(n["children"], screen, counter)
        elif kind == "tabs":
            tabs = st.tabs([c["label"] for c in n["children"]])
            for tab, child in zip(tabs, n["children"]):
                with tab:
                    draw(child["children"], screen, counter)
        elif kind == "container":
            with st.container(border=n["border"], horizontal=n.get("horizontal", False), key=key):
                draw(n["children"], screen, counter)


def choice(n: dict, key: str) -> None:
    """A segmented control with the app's options. The text-size one makes the same one-line style
    change as the app when it is not at the first size, so a tap on it changes the page alike."""
    options = n["options"]
    text_size = "text_size" in n.get("key", "")
    picked = st.segmented_control(n["label"], options=options, default=options[(n.get("default") or [0])[0]],
                                  key="text_size" if text_size else key, required=True)
    if text_size and picked != options[0]:
        px = 20 + 4 * options.index(picked)
        st.html(f"<style>html {{ font-size: {px}px !important; }}</style>")


def explainer() -> None:
    screen = st.session_state.get("screen", "start")
    draw(census()[screen]["children"], screen, [0])


st.set_page_config(page_title="Floor", page_icon="🎗️", layout="centered", initial_sidebar_state="collapsed")
if st.query_params:  # a share link opens the results page; its contents are ignored
    to_results()
page = st.navigation([st.Page(explainer, title="Explainer", icon="🎗️", default=True),
                      st.Page(lambda: st.title("Glossary"), title="Glossary", icon="📖", url_path="glossary"),
                      st.Page(lambda: st.title("About"), title="About", icon="ℹ️", url_path="about")],
                     position="top")
page.run()
