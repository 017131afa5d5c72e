"""The neutral screen shown when the content cannot be used. No partial content, no details."""

import streamlit as st

from .text import t


def render() -> None:
    st.title(t("unavailable.title"), anchor=False)
    st.subheader(t("unavailable.body"), anchor=False)
