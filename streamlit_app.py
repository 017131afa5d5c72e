"""The patient explainer: page setup, the content check, navigation. Screens live in components/."""

import streamlit as st

from components import content_check, idle, notes, state, style, unavailable
from components.knowledge_base import get_knowledge
from components.text import t

st.set_page_config(page_title=t("app.title"), page_icon="🎗️", layout="centered",
                   initial_sidebar_state="collapsed")
style.apply_base()

kb = get_knowledge()
if kb is None or not content_check.ok():  # the exact problems are already in the server log
    unavailable.render()
    st.stop()

state.init()
idle.mark_active()  # every full run is a tap or a page load
notes.take_link()
home = st.Page("components/pages/explainer.py", title=t("app.nav_explainer"), icon="🎗️", default=True)
page = st.navigation(
    [
        home,
        st.Page("components/pages/glossary.py", title=t("app.nav_glossary"), icon="📖", url_path="glossary"),
        st.Page("components/pages/about.py", title=t("app.nav_about"), icon="ℹ️", url_path="about"),
    ],
    position="top",
)
style.text_size_control()
idle.watch(page, home)  # kiosk mode only: Start over on every screen, idle reset
page.run()
style.scroll_to_top_if_moved()
