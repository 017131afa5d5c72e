"""Page: the explainer flow (start, questions, results, and "My results changed" from the results)."""

import streamlit as st

from components.explainer import changed, questions, results, start
from components.shared import navigation, start_over, state
from components.shared.knowledge_base import get_knowledge

kb = get_knowledge()
if state.step() == state.RESULTS and state.needs_sex():
    state.go(state.STEPS[0])  # results never assume a sex: ask first
step = state.step()
if step == state.START:
    start.render()
else:
    if step == state.RESULTS and changed.is_open():
        changed.render(kb)
    elif step == state.RESULTS:
        changed.used_note()
        results.render(kb)
        with st.container(horizontal=True, key="results_end", gap="small"):  # one row: the page stays short
            changed.button()
            start_over.button("start_over_bottom")
    else:
        changed.close()  # a question step (the phone's Back) closes "My results changed"
        questions.render(kb)
navigation.step_marker()  # phone Back and Forward move between the steps
