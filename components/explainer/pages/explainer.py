"""Page: the explainer flow (start, questions, results)."""

from components.explainer import questions, results, start
from components.shared import navigation, start_over, state
from components.shared.knowledge_base import get_knowledge

kb = get_knowledge()
if state.step() == state.RESULTS and state.needs_sex():
    state.go(state.STEPS[0])  # results never assume a sex: ask first
step = state.step()
if step == state.START:
    start.render()
else:
    if step == state.RESULTS:
        results.render(kb)
        start_over.button("start_over_bottom")
    else:
        questions.render(kb)
navigation.step_marker()  # phone Back and Forward move between the steps
