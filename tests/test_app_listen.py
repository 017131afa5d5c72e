"""Read aloud under AppTest: a Listen control beside each part, named in the chosen language;
the reading speed in the settings, kept for the session; the page script's words and the
glossary's pronunciations in the chosen language. What the voice says is tested in Chromium
(tests/browser/test_browser_listen.py)."""

from __future__ import annotations

import html
import json
import re

from knowledge import explain
from knowledge.profile import Profile

from tests.apptest_helpers import answer, begin, click, gen, new_app, open_cards

QUERY = {"hr": "positive", "her2": "low", "site": ["bone", "liver"], "sex": "female"}
CONTROL = re.compile(r'<div class="listen" data-part="([^"]+)" data-name="([^"]*)">'
                     r'<button type="button" data-listen="play" aria-label="([^"]+)">.*?</button>'
                     r'<button type="button" data-listen="pause" hidden><span class="listen-word">([^<]+)</span>'
                     r'</button><button type="button" data-listen="stop" hidden>([^<]+)</button>')


def controls(at) -> dict[str, tuple[str, ...]]:
    """Each Listen control on the screen: the part it reads -> (name, accessible name, pause, stop)."""
    found = {}
    for element in at.get("html"):
        match = CONTROL.search(element.proto.body)
        if match:
            part, *words = (html.unescape(g) for g in match.groups())
            found[part] = tuple(words)
    return found


def config(at) -> dict:
    body = next(e.proto.body for e in at.get("html") if "__explainerListen" in e.proto.body)
    return json.loads(re.search(r"L\.config = (\{.*?\});\n", body).group(1))


def test_results_have_a_listen_control_for_each_part_in_english(kb_en):
    at = new_app(**QUERY)
    assert not at.exception
    expected = {"summary": "What this means for you", "takehome": "Take this home", "warning_signs": "Warning signs"}
    assert controls(at) == {part: (name, f"Listen: {name}", "Pause", "Stop") for part, name in expected.items()}
    explanation = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], sex="female"), kb_en)
    open_cards(at)  # each opened card reads itself
    expected |= {f"card_{r.option.id}__g0": r.option.heading for r in explanation.options}
    found = controls(at)
    assert set(found) == set(expected)
    for part, name in expected.items():
        assert found[part] == (name, f"Listen: {name}", "Pause", "Stop")


def test_results_controls_are_named_in_spanish(kb_es):
    at = new_app(**QUERY, lang="es")
    found = controls(at)
    assert found["summary"] == ("Qué significa esto para usted", "Escuchar: Qué significa esto para usted",
                                "Pausa", "Parar")
    assert found["warning_signs"][1] == "Escuchar: Señales de alarma"
    cfg = config(at)
    assert cfg["lang"] == "es"
    assert cfg["words"] == {"pause": "Pausa", "resume": "Seguir",
                            "no_voice": "Este dispositivo no tiene una voz en español."}
    assert ["HER2", "jer dos"] in cfg["say"]  # the Spanish glossary's way of saying it, not the English one


def test_every_question_step_has_a_listen_control():
    at = click(new_app(), "start")
    assert list(controls(at)) == ["step_sex"]
    assert controls(at)["step_sex"][1] == "Listen: Question 1 of 5"
    assert not controls(new_app())  # the start screen has its three lines and one button
    begin(at := new_app())
    seen = []
    for step in ("hr", "her2", "sites", "more"):
        assert at.session_state["step"] == step
        if step in ("hr", "her2"):
            answer(at, step, "unknown")
        found = controls(at)
        assert list(found) == [f"step_{step}"], found
        seen.append(found[f"step_{step}"][1])
        click(at, f"next_{step}")
    assert seen == [f"Listen: Question {n} of 5" for n in range(2, 6)]
    assert not at.exception


def test_the_reading_speed_is_in_the_settings_and_kept_by_the_same_persons_start_over():
    at = new_app(**QUERY)
    speed = at.button_group(key=f"listen_speed__g{gen(at)}")
    assert speed.label == "Reading speed"
    assert config(at)["rate"] == 1.0
    speed.set_value("slower").run()
    assert config(at)["rate"] == 0.8
    assert config(at)["say"][0] == ["HER2", "her two"]
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()  # the same person starting again keeps the speed
    assert config(at)["rate"] == 0.8
    assert at.button_group(key=f"listen_speed__g{gen(at)}").value == "slower"


def test_the_screen_token_changes_with_the_step_the_page_and_start_over():
    at = new_app()
    start = config(at)["screen"]
    begin(at)
    question = config(at)["screen"]
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()  # Start over asks first
    again = config(at)["screen"]
    assert len({start, question, again}) == 3
