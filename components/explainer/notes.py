"""Gentle notes about a shared link that could only partly be read."""

from __future__ import annotations

import streamlit as st

from ..shared import language, reader, state
from ..shared.knowledge_base import get_knowledge
from ..shared.share import parse
from ..shared.text import t

# Replaces the address of the tab's current history entry with one without the query. Streamlit
# would push a new entry when its query is cleared, leaving the link's entry for Back to reopen
# after Start over or the kiosk reset. The popstate event makes Streamlit's page forget its own
# copy of the query at once (it reruns with the clean address), so a reconnect to a restarted
# or another server cannot send the link again. Fixed text: nothing from the link is written here.
_FORGET_LINK = """<script>
history.replaceState(history.state, "", location.pathname + location.hash);
window.dispatchEvent(new PopStateEvent("popstate"));
</script>"""
_CLEARING = "link_clearing"
# Streamlit drops a query of more than 1,000 parts or 512 KiB whole, before the app sees it, yet
# leaves it in the address bar. Checked once per session, in the page: such an address is
# replaced by one unknown part, which the app then reads like any link (the gentle note) and clears.
_DROPPED_LINK = """<script>
if (location.search) {
  history.replaceState(history.state, "", location.pathname + "?unreadable" + location.hash);
  window.dispatchEvent(new PopStateEvent("popstate"));
}
</script>"""
_CHECKED = "address_checked"
# The address-bar script waits until the run has told the browser its pages (clear_address):
# sent earlier, on a server still loading the rule set, the browser would reload the default page.
_SCRIPT = "address_script"


def take_link() -> None:
    """Read answers (and the language and reader) from the page's query parameters once, then clear them from the address bar.

    The clearing takes two runs: this one replaces the browser's history entry (a tiny script,
    which also starts the next run), the next clears the server's copy of the query, which then
    finds the address bar already clean and adds no history entry of its own.
    """
    clearing = st.session_state.pop(_CLEARING, None)
    params = {name: st.query_params.get_all(name) for name in st.query_params.keys()}
    if clearing is not None and (not params or params == clearing):  # the link already read, sent again
        st.query_params.clear()  # before Streamlit knew it was gone
        return
    if not params:
        if not st.session_state.get(_CHECKED):
            st.session_state[_CHECKED] = True
            st.session_state[_SCRIPT] = _DROPPED_LINK
        return
    st.session_state[_CLEARING] = dict(params)
    st.session_state[_SCRIPT] = _FORGET_LINK
    lang = params.pop("lang", None)
    who = params.pop("reader", None)
    answers, ignored, used = parse(params)
    if who is not None and not reader.from_link(who):
        ignored.insert(0, "reader")
    if lang is not None and not language.from_link(lang):
        ignored.insert(0, "lang")
    notes = []
    if used:
        state.load_answers(answers)
        # A link without who it is for asks that first: results never assume a sex.
        state.go(state.STEPS[0] if answers["sex"] is None else state.RESULTS)
        notes.append(("loaded_ask_sex", []) if answers["sex"] is None else ("loaded", []))
    if ignored:
        notes.append(("ignored", ignored))
    state.set_notes(notes)


def clear_address() -> None:
    """Send the address-bar script take_link chose, once the pages are known to the browser."""
    script = st.session_state.pop(_SCRIPT, None)
    if script:
        st.html(script, unsafe_allow_javascript=True)


def show_notes(loaded: bool = True) -> None:
    """The link's notes; ``loaded=False`` leaves out "opened from a shared link" (on the results,
    where the answers themselves show what the link held)."""
    kb = get_knowledge()
    for kind, names in st.session_state.get("notes", []):
        if kind == "loaded" and not loaded:
            continue
        if kind == "loaded":
            st.info(t("share.note_loaded"), icon="🔗")
        elif kind == "loaded_ask_sex":
            st.info(t("share.note_loaded_ask_sex"), icon="🔗")
        else:
            labels = [kb.inputs[n].label if n in kb.inputs else t(f"share.{n}_part") if n in ("lang", "reader")
                      else t("share.other_parts") for n in names]
            st.info(t("share.note_ignored", names=", ".join(labels)), icon="ℹ️")
