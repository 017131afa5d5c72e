"""Kiosk mode on a shared waiting-room tablet, checked with AppTest (the browser tests cover timing)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from components.kiosk import idle
from components.shared import settings, share
from components.shared.state import blank_answers

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
PUBLIC = "https://explainer.clinic.example/"


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    import streamlit as st

    for name in ("EXPLAINER_CONTENT_DIR", "EXPLAINER_MODE", "EXPLAINER_IDLE_SECONDS", "EXPLAINER_PUBLIC_URL",
                 "EXPLAINER_KIOSK_PRINT"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture
def kiosk(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    monkeypatch.setenv("EXPLAINER_PUBLIC_URL", PUBLIC)


def new_app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=f"{key}__g{at.session_state['generation']}").click()
    return at.run()


def walk_to_results(at: AppTest) -> AppTest:
    """Answer by tapping, as a person does (no link): HR positive, HER2 low, bones."""
    gen = lambda: at.session_state["generation"]  # noqa: E731
    click(at, "start")
    at.radio(key=f"q_sex__g{gen()}").set_value("female").run()
    click(at, "next_sex")
    at.radio(key=f"q_hr__g{gen()}").set_value("positive").run()
    click(at, "next_hr")
    at.radio(key=f"q_her2__g{gen()}").set_value("low").run()
    click(at, "next_her2")
    at.button_group(key=f"q_sites__g{gen()}").set_value(["bone"]).run()
    click(at, "next_sites")
    return click(at, "next_more")


def all_markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


# --- settings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [("", 120), ("120", 120), ("300", 300), ("45", 45), ("10", 45),
                                           ("0", 45), ("-5", 45), ("abc", 120), (" 90 ", 90)])
def test_idle_time_comes_from_the_environment_with_a_safe_floor(monkeypatch, raw, expected):
    monkeypatch.setenv("EXPLAINER_IDLE_SECONDS", raw)
    assert settings.idle_seconds() == expected


@pytest.mark.parametrize("raw", ["", "1", "20", "45", "59", "60", "120", "3600", "nonsense"])
def test_no_setting_can_make_the_warning_shorter_than_twenty_seconds(monkeypatch, raw):
    monkeypatch.setenv("EXPLAINER_IDLE_SECONDS", raw)
    warning = settings.warning_seconds()
    assert warning >= 20
    assert settings.idle_seconds() - warning >= 25  # and some quiet time comes before it


@pytest.mark.parametrize("mode, on", [("kiosk", True), ("KIOSK ", True), ("", False), ("home", False)])
def test_kiosk_mode_is_one_environment_switch(monkeypatch, mode, on):
    monkeypatch.setenv("EXPLAINER_MODE", mode)
    assert settings.kiosk() is on


def test_the_old_idle_variable_is_gone():
    found = subprocess.run(["git", "grep", "-l", "EXPLAINER_IDLE_RESET_SECONDS", "--", "*.py", "*.md", "Makefile",
                            "deploy"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in found if f != "tests/test_kiosk.py"]


@pytest.mark.parametrize("quiet, expected", [
    (0, "none"), (24.9, "none"), (25, "warn"), (44.9, "warn"), (45, "reset"), (1000, "reset")])
def test_idle_reset_warns_before_clearing(quiet, expected):
    assert idle.action(quiet, 45, 20) == expected


def test_countdown_counts_whole_seconds_down_to_zero():
    assert idle.seconds_left(25.0, 45) == 20
    assert idle.seconds_left(44.2, 45) == 1
    assert idle.seconds_left(50, 45) == 0


# --- the kiosk screens ----------------------------------------------------------------------------

def test_kiosk_results_have_no_download_no_link_text_and_no_outside_links(kiosk):
    at = walk_to_results(new_app())
    assert not at.exception
    assert at.session_state["step"] == "results"
    assert not at.get("download_button"), "a download on a shared tablet would be seen by the next person"
    assert not at.code, "the share link is not shown as text on a tablet"
    assert not re.search(r"\]\(https?://", all_markdown(at)), "sources must be text, not links"
    assert "Open these results on your phone" in all_markdown(at)  # the QR code for their phone
    assert not at.get("link_button"), "no print page in a new tab on a tablet"
    assert not [b for b in at.button if b.key and b.key.startswith("print_")], "no printing unless turned on"


def test_kiosk_without_a_public_address_leaves_the_qr_code_out(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = walk_to_results(new_app())
    assert not at.exception
    assert "Open these results on your phone" not in all_markdown(at)
    assert not at.get("download_button") and not at.code
    assert "Take this home" not in [h.value for h in at.header], "nothing to take home: the section is left out"


def test_kiosk_print_is_one_setting_and_keeps_the_tablet_in_place(kiosk, monkeypatch):
    monkeypatch.setenv("EXPLAINER_KIOSK_PRINT", "1")
    at = walk_to_results(new_app())
    prints = [b for b in at.button if b.key and b.key.startswith("print_")]
    assert [b.label for b in prints] == ["Print my summary"], "once, right after the questions"
    assert not at.get("link_button") and not at.get("download_button"), "no new tab, no file on the tablet"
    prints[0].click()
    at.run()
    assert not at.exception
    script = [h.proto.body for h in at.get("html") if "takehome-print" in h.proto.body]
    assert len(script) == 1 and "media/" in script[0] and "hr=" not in script[0]


def test_outside_kiosk_mode_the_print_page_and_link_stay():
    at = walk_to_results(new_app())
    assert at.get("link_button") and at.code
    assert re.search(r"\]\(https?://", all_markdown(at))


def test_the_qr_link_points_at_the_public_address_with_only_the_answers():
    answers = blank_answers() | {"hr": "positive", "her2": "low", "sites": ["bone"], "sex": "female"}
    link = share.link(PUBLIC, answers)
    parts = urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}/" == PUBLIC
    assert parse_qs(parts.query) == {"hr": ["positive"], "her2": ["low"], "site": ["bone"], "sex": ["female"]}


def test_kiosk_never_writes_answers_into_the_address(kiosk):
    at = walk_to_results(new_app())
    assert not at.query_params


def test_kiosk_about_page_lists_sources_as_text(kiosk):
    at = new_app()
    at.switch_page("components/explainer/pages/about.py").run()
    assert not at.exception
    assert "Sources" in [h.value for h in at.header]
    assert not re.search(r"\]\(https?://", all_markdown(at))


@pytest.mark.parametrize("page", [None, "components/explainer/pages/glossary.py", "components/explainer/pages/about.py"])
def test_start_over_and_hide_my_screen_are_on_every_kiosk_screen_past_the_untouched_start(kiosk, page):
    at = new_app()
    if page:
        at.switch_page(page).run()
    else:
        assert not [b for b in at.button if b.key in ("start_over_top__g0", "hide__g0")]  # nothing to clear yet
        click(at, "start")
    assert at.button(key="start_over_top__g0").label == "Start over"
    assert at.button(key="hide__g0").label == "Hide my screen"


def confirm(at: AppTest) -> AppTest:
    at.button(key="start_over_clear").click()
    return at.run()


def test_kiosk_start_over_asks_first_and_go_back_keeps_everything(kiosk):
    at = walk_to_results(new_app())
    click(at, "start_over_top")
    assert not at.exception
    assert [m.value for m in at.markdown if m.value == "This clears your answers."]
    assert at.button(key="start_over_clear").label == "Clear my answers"
    assert at.session_state["step"] == "results", "nothing is cleared before the person says so"
    at.button(key="start_over_back").click().run()
    assert at.session_state["step"] == "results"
    assert at.session_state["answers"]["hr"] == "positive"
    assert not [b for b in at.button if b.key == "start_over_clear"], "the question is closed"


def test_kiosk_start_over_by_the_same_person_keeps_text_size_and_language(kiosk, monkeypatch):
    monkeypatch.setenv("EXPLAINER_KIOSK_LANGUAGES", "es")  # the operator offers the Spanish draft
    at = new_app()
    at.button_group(key="text_size__g0").set_value("largest").run()
    at.button_group(key="lang__g0").set_value("es").run()
    walk_to_results(at)
    click(at, "start_over_top")
    confirm(at)
    assert not at.exception
    assert at.session_state["step"] == "start"
    assert at.session_state["answers"] == blank_answers()
    assert at.session_state["generation"] == 1
    assert at.button_group(key="text_size__g1").value == "largest"
    assert at.session_state["lang"] == "es"
    assert at.button(key="start__g1").label == "Empezar"
    click(at, "start")
    assert at.radio(key="q_sex__g1").value is None  # the last answer is gone, and none is assumed


def test_only_the_idle_reset_for_the_next_person_goes_back_to_the_defaults():
    at = AppTest.from_function(_reset_after_settings_and_answers).run()
    assert not at.exception
    assert "lang" not in at.session_state and "text_size" not in at.session_state
    assert at.session_state["answers"] == blank_answers()
    assert at.session_state["generation"] == 4


def _reset_after_settings_and_answers():
    import streamlit as st

    from components.kiosk import idle

    st.session_state.update(lang="es", text_size="largest", generation=3, hide_screen=True)
    idle.reset_for_next_person()


def test_kiosk_start_over_from_another_page_returns_to_the_start_screen(kiosk):
    at = new_app()
    at.switch_page("components/explainer/pages/glossary.py").run()
    click(at, "start_over_top")
    confirm(at)
    assert not at.exception
    assert [b.label for b in at.button if b.label == "Start"] == ["Start"]


def test_outside_kiosk_mode_the_start_screen_has_no_start_over_and_no_hide_button():
    at = new_app()
    assert not [b for b in at.button if b.key and b.key.startswith(("start_over", "hide"))]


def test_hide_my_screen_covers_the_page_and_one_tap_brings_it_back(kiosk):
    at = walk_to_results(new_app())
    click(at, "hide")
    assert not at.exception
    assert "Your screen is hidden" in [h.value for h in at.header]
    assert at.button(key="show__g0").label == "Show my screen"
    click(at, "show")
    assert "Your screen is hidden" not in [h.value for h in at.header]
    assert at.session_state["step"] == "results" and at.session_state["answers"]["hr"] == "positive"


def test_a_hidden_start_screen_is_not_left_hidden_for_the_next_person():
    """The idle watcher leaves only the untouched start screen alone: a hidden one is touched."""
    at = AppTest.from_function(_hidden_start_is_touched).run()
    assert not at.exception
    assert at.session_state["touched"] is True


def _hidden_start_is_touched():
    import streamlit as st

    from components.kiosk import idle

    st.session_state["hide_screen"] = True
    st.session_state["touched"] = not idle.untouched(True)


@pytest.mark.parametrize("left, said, expected", [(30, None, 30), (29, 30, 30), (21, 30, 30), (20, 30, 20),
                                                  (11, 20, 20), (10, 20, 10), (1, 10, 10), (0, 10, 0)])
def test_the_countdown_is_announced_every_ten_seconds_not_every_second(left, said, expected):
    assert idle.announced(left, said) == expected
