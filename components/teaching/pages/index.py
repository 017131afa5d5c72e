"""Teaching page: the "For teachers" start page, with a short description of each teaching page."""

import streamlit as st

from components.shared.text import t
from components.teaching import PAGES, common, page_path

common.header("teaching.nav_section", "teaching.home_intro")
for file, title, icon, _ in PAGES[1:]:
    with st.container(border=True, key=f"teaching_card_{file.removesuffix('.py')}"):
        st.page_link(page_path(file), label=t(title), icon=icon)
        st.markdown(t(f"teaching.about_{file.removesuffix('.py')}"))
