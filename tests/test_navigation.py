"""Page links, the Menu, and the hidden controls the phone's Back and Forward press (AppTest).

The browser side (history entries, the real Back button) is in tests/browser/test_phone_navigation.py.
"""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import answer, click, gen, new_app


def press(at: AppTest, name: str) -> AppTest:
    at.button(key=f"history_{name}").click()
    return at.run()


def test_back_and_forward_move_one_step_and_keep_the_answers():
    at = new_app()
    click(at, "start")
    answer(at, "sex", "male")
    click(at, "next_sex")
    answer(at, "hr", "positive")
    press(at, "back")
    assert at.session_state["step"] == "sex"
    assert at.radio(key=f"q_sex__g{gen(at)}").value == "male"
    press(at, "forward")
    assert at.session_state["step"] == "hr"
    assert at.radio(key=f"q_hr__g{gen(at)}").value == "positive"
    press(at, "back")
    press(at, "back")
    assert at.session_state["step"] == "start"
    press(at, "forward")
    assert at.session_state["step"] == "sex"


def test_forward_never_skips_the_first_question_unanswered():
    at = new_app()
    click(at, "start")
    assert at.button(key="history_forward").disabled
    answer(at, "sex", "female")
    assert not at.button(key="history_forward").disabled


def test_the_page_links_and_the_menu_speak_the_chosen_language():
    at = new_app(lang="es")
    assert not at.exception
    labels = [link.label for link in at.get("page_link")]
    assert labels.count("Palabras explicadas") == 2 and labels.count("Acerca de") == 2  # the row and the Menu
    assert "Words explained" not in labels
    assert "Menú" in [p.proto.popover.label for p in at.get("popover")]
