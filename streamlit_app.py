"""The patient explainer: page setup, the content check, navigation. Screens live in components/."""

import streamlit as st

from components import explainer, teaching
from components.explainer import notes
from components.kiosk import idle
from components.shared import (content_check, language, listen, navigation, reader, settings, start_over, state,
                               style, unavailable)
from components.shared.knowledge_base import get_knowledge
from components.shared.text import t

state.init()
notes.take_link()  # a shared link may carry answers, the language and the reader, so it is read first
st.set_page_config(page_title=t("app.title"), page_icon="🎗️", layout="centered",
                   initial_sidebar_state="collapsed")
style.apply_base()
language.mark_page()  # <html lang> follows the chosen language

kb = get_knowledge()
if kb is None or not content_check.ok():  # the exact problems are already in the server log
    unavailable.render()
    st.stop()

idle.mark_active()  # every full run is a tap or a page load
home = st.Page("components/explainer/pages/explainer.py", title=t("app.nav_explainer"), icon="🎗️", default=True)
patient_pages = [
    home,
    st.Page("components/explainer/pages/glossary.py", title=t("app.nav_glossary"), icon="📖",
            url_path=explainer.GLOSSARY_PATH),
    st.Page("components/explainer/pages/about.py", title=t("app.nav_about"), icon="ℹ️", url_path=explainer.ABOUT_PATH),
]
# Teaching pages exist only outside kiosk mode: on a kiosk they are not registered at all.
# One "For teachers" link; the teaching pages link to each other (see components/teaching).
pages = patient_pages + ([] if settings.kiosk() else teaching.pages())
# The app draws its own page links, in the page's flow and the chosen language (components/shared/navigation.py).
page = st.navigation(pages, position="hidden")
notes.clear_address()  # now that the browser knows the pages, a link's address can be cleaned
# One slim row on every screen, so the settings never push the content down: the page links (on a
# phone, or at the largest text size, the Menu), text size and language behind one labelled
# button, and once past the start screen Start over (on a kiosk with Hide my screen). All of it
# sits in the page's flow and wraps, so nothing covers anything else.
with st.container(horizontal=True, key="controls", gap="small", vertical_alignment="center"):
    on_start = page == home and state.step() == state.START
    navigation.links(pages)
    navigation.menu(pages, page)
    # The start screen has big language and reader choices of its own, so its settings hold only how to read.
    with st.popover(t("app.settings_start" if on_start else "app.settings"), icon="⚙️", key="settings"):
        style.text_size_control()
        listen.speed_control()
        if not on_start:
            language.switch()
            reader.switch()
    if not on_start:  # an untouched start screen has nothing to clear or hide
        start_over.button("start_over_top")
        idle.hide_button()
start_over.confirm(page, home)
navigation.follow_history()
idle.watch(page, home)  # kiosk mode only: the idle reset and the hidden screen
page.run()
style.scroll_to_top_if_moved()
listen.install(page.url_path, kb)  # read aloud; stops when the page, step or person changes
