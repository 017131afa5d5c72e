"""The patient explainer: page setup, the content check, navigation. Screens live in components/."""

import streamlit as st

from components import content_check, idle, language, listen, notes, settings, state, style, teaching, unavailable
from components.knowledge_base import get_knowledge
from components.text import t

state.init()
notes.take_link()  # a shared link may carry answers and the language, so it is read first
st.set_page_config(page_title=t("app.title"), page_icon="🎗️", layout="centered",
                   initial_sidebar_state="collapsed")
style.apply_base()
language.mark_page()  # <html lang> follows the chosen language

kb = get_knowledge()
if kb is None or not content_check.ok():  # the exact problems are already in the server log
    unavailable.render()
    st.stop()

idle.mark_active()  # every full run is a tap or a page load
home = st.Page("components/pages/explainer.py", title=t("app.nav_explainer"), icon="🎗️", default=True)
patient_pages = [
    home,
    st.Page("components/pages/glossary.py", title=t("app.nav_glossary"), icon="📖", url_path="glossary"),
    st.Page("components/pages/about.py", title=t("app.nav_about"), icon="ℹ️", url_path="about"),
]
# Teaching pages exist only outside kiosk mode: on a kiosk they are not registered at all.
# One "For teachers" link; the teaching pages link to each other (see components/teaching).
page = st.navigation(patient_pages + ([] if settings.kiosk() else teaching.pages()), position="top")
# One slim row on every screen, so the settings never push the content down: text size and
# language behind one labelled button, and Start over beside it during the questions and results.
with st.container(horizontal=True, key="controls", gap="small", vertical_alignment="center"):
    on_start = page == home and state.step() == state.START
    with st.popover(t("app.settings"), icon="⚙️"):
        style.text_size_control()
        listen.speed_control()
        if not on_start:  # the start screen has a big language choice of its own
            language.switch()
    if page == home and not on_start:
        st.button(t("app.start_over"), icon="🔄", key=state.key("start_over_top"), on_click=state.start_over)
idle.watch(page, home)  # kiosk mode only: Start over on every screen, idle reset
page.run()
style.scroll_to_top_if_moved()
listen.install(page.url_path, kb)  # read aloud; stops when the page, step or person changes
