"""The explainer in Spanish: every UI text as data in both languages, the switch, the whole flow,
the share link and the printout, checked with Streamlit's AppTest (no browser)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from components.take_home import printable
from components.take_home.takehome import qr_svg
from knowledge import CONTENT_DIR, Profile, explain
from knowledge.profile import SITE_VALUES

from .apptest_helpers import (  # noqa: F401 (autouse fixture)
    answer, begin, click, fresh_caches, gen, new_app, open_cards, open_groups, shown_cards, walk,
)

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
TEXT = {lang: yaml.safe_load((ROOT / "components" / "shared" / f"text_{lang}.yaml").read_text(encoding="utf-8"))
        for lang in ("en", "es")}
# Wording the content guide rules out, in its Spanish form.
UNSAFE_ES = ("usted debe", "le recomendamos", "la mejor opción", "recomendado para usted", "su tratamiento es",
             "debería")


# ---- helpers ---------------------------------------------------------------------------------

def switch_language(at: AppTest, lang: str) -> AppTest:
    at.button_group(key=f"lang__g{gen(at)}").set_value(lang)
    return at.run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [tg.label for tg in at.toggle]
    parts += [h.value for h in at.title] + [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [c.value for c in at.caption] + [e.label for e in at.expander] + [b.label for b in at.button]
    parts += [r.label for r in at.radio] + [g.label for g in at.button_group] + [tab.label for tab in at.tabs]
    return "\n".join(str(p) for p in parts)


def option_cards(at: AppTest) -> set[str]:
    """Every treatment on the page, once each group is opened (as a person taps its switch)."""
    return set(shown_cards(open_groups(at)))


def page_lang(at: AppTest) -> str:
    scripts = [h.proto.body for h in at.get("html") if "__explainerLang" in h.proto.body]
    assert len(scripts) == 1, "exactly one script sets <html lang>"
    return re.search(r'__explainerLang = "(\w+)"', scripts[0]).group(1)


def without_sources(text: str) -> str:
    """Sources are cited with their published (English) titles and publishers: leave those lines out,
    and the markup's own attributes (addresses within the page, such as #treatments), which nobody reads."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"\[[^\]]*\]\([^)]*\)[^\n]*", "", text))


def english_ui_phrases() -> set[str]:
    """Every English UI string long enough to be English rather than a shared word ("HER2", "Normal")."""
    out = set()
    for value in _leaves(TEXT["en"]["en"]):
        plain = re.sub(r"\{\w+\}", "", value).strip(" .:…()")
        if len(plain) >= 8 and plain not in _leaves(TEXT["es"]["es"]):
            out.add(plain)
    return out


def _leaves(node) -> list[str]:
    if isinstance(node, dict):
        return [leaf for value in node.values() for leaf in _leaves(value)]
    if isinstance(node, list):
        return [leaf for value in node for leaf in _leaves(value)]
    return [node]


# ---- UI text as data --------------------------------------------------------------------

# Keys, plural forms, placeholders and numbers of every language: tests/test_translations.py.


def test_spanish_ui_text_never_tells_the_reader_what_to_do_medically():
    for value in _leaves(TEXT["es"]["es"]):
        for phrase in UNSAFE_ES:
            assert phrase not in value.lower(), f"{phrase!r} in {value!r}"


# ---- the switch ---------------------------------------------------------------------------

def test_the_start_screen_offers_each_language_in_its_own_name():
    at = new_app()
    switch = at.button_group(key="lang__g0")
    assert switch.value == "en"
    assert switch.options == ["English", "Español", "中文", "Tiếng Việt"] or \
        [o.content for o in switch.proto.options] == ["English", "Español", "中文", "Tiếng Việt"]
    assert page_lang(at) == "en"
    switch_language(at, "es")
    assert not at.exception
    assert at.session_state["lang"] == "es"
    assert [t.value for t in at.title] == [TEXT["es"]["es"]["start"]["heading"]]
    assert [b.label for b in at.button if not b.key.startswith("history_")] == ["Empezar"]
    assert page_lang(at) == "es"
    assert at.button_group(key="text_size__g0").label == "Tamaño del texto"


def test_switching_back_gives_english_again():
    at = switch_language(new_app(), "es")
    begin(at)
    assert at.title[0].value == "Receptores hormonales"
    switch_language(at, "en")  # the small switch on a later screen
    assert at.session_state["step"] == "hr"
    assert at.title[0].value == "Hormone receptors"
    assert page_lang(at) == "en"


def test_the_language_is_kept_through_the_flow_and_reachable_on_every_screen():
    at = switch_language(new_app(), "es")
    begin(at)
    for step in ("hr", "her2", "sites"):
        assert at.button_group(key=f"lang__g{gen(at)}").value == "es"
        assert at.session_state["lang"] == "es"
        if step != "sites":
            answer(at, step, "unknown")
        click(at, f"next_{step}")
    assert at.title[0].value == "Más datos de mi informe"
    click(at, "next_more")
    assert at.title[0].value == "Qué significa esto para usted"
    assert at.button_group(key=f"lang__g{gen(at)}").value == "es"


def test_start_over_asks_in_spanish_keeps_the_language_and_clears_the_answers():
    at = walk(switch_language(new_app(), "es"), hr="positive", her2="low", sites=["bone"])
    click(at, "start_over_top")
    assert "Esto borra sus respuestas." in texts(at)
    assert at.button(key="start_over_clear").label == "Borrar mis respuestas"
    assert at.button(key="start_over_back").label == "Volver"
    at.button(key="start_over_clear").click().run()
    assert at.session_state["step"] == "start"
    assert at.session_state["answers"]["hr"] == "unknown"
    assert at.session_state["lang"] == "es"
    assert at.button_group(key="lang__g1").value == "es"
    assert at.title[0].value == TEXT["es"]["es"]["start"]["heading"]


def test_the_kiosk_reset_for_the_next_person_goes_back_to_english():
    at = AppTest.from_function(_reset_for_next_person)
    at.session_state["lang"] = "es"
    at.session_state["listen_speed"] = "slower"
    at.session_state["generation"] = 3
    at.run()
    assert not at.exception
    assert "lang" not in at.session_state and "listen_speed" not in at.session_state
    assert at.session_state["generation"] == 4


def _reset_for_next_person():
    from components.shared import state

    state.start_over(keep_settings=False)


# ---- the whole flow in Spanish --------------------------------------------------------------

def test_full_flow_in_spanish_shows_only_spanish_content(kb_es):
    at = walk(switch_language(new_app(), "es"), hr="positive", her2="low", sites=["bone", "liver"],
              esr1="positive")
    assert not at.exception
    expected = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"],
                                      markers={"esr1": "positive"}), kb_es)
    assert option_cards(at) == {r.id for r in expected.options}
    open_cards(at, evidence=True)
    shown = texts(at)
    for result in expected.options:
        assert result.option.heading in shown and result.option.plain in shown
    assert kb_es.meta.disclaimer in at.info[0].value
    for heading in ("Suelen usarse primero", "Suelen usarse después", "En cualquier momento",
                    "Solo si una prueba muestra…", "Señales de alarma", "Mis preguntas para la consulta",
                    "Para llevar a casa", "Usted indicó: Receptores hormonales: positivos; HER2: bajo"):
        assert heading in shown, heading
    for site in ("bone", "liver"):
        for sign in kb_es.sites[site].urgent_signs.emergency + kb_es.sites[site].urgent_signs.today:
            assert sign in shown
    for phrase in english_ui_phrases():
        assert phrase not in without_sources(shown), f"English UI text on a Spanish screen: {phrase!r}"


def test_drug_names_and_test_words_are_spanish(kb_es):
    at = walk(switch_language(new_app(), "es"), hr="positive", her2="unknown")
    shown = texts(open_cards(at))
    assert "letrozol" in shown and "letrozole" not in shown  # the Spanish spelling, in "Medicamentos"
    assert "Solo si: " in shown
    only_if = [line for line in shown.splitlines() if "Solo si:" in line]
    assert only_if and not any(" or " in line for line in only_if), only_if


def test_every_question_step_is_spanish(kb_es):
    at = switch_language(new_app(), "es")
    begin(at)
    assert at.radio(key="q_hr__g0").label == kb_es.inputs["hr"].question
    assert "No lo sé" in [o for o in at.radio(key="q_hr__g0").options]
    assert "Pregunta 2 de 5" in texts(at)
    answer(at, "hr", "unknown")
    click(at, "next_hr")
    assert at.radio(key="q_her2__g0").label == kb_es.inputs["her2"].question
    assert "HER2 bajo" in texts(at)  # the glossary words shown next to the question, in Spanish
    answer(at, "her2", "unknown")
    click(at, "next_her2")
    answer(at, "sites", ["bone", "brain"])
    shown = texts(at)
    assert "Usted eligió: huesos, cerebro." in shown
    assert any('aria-label="Dibujo del cuerpo. Lugares elegidos: huesos, cerebro."' in m.value for m in at.markdown)
    click(at, "next_sites")
    shown = texts(at)
    assert "Pruebas de genes y marcadores (opcional)" in shown
    for phrase in english_ui_phrases():
        assert phrase not in without_sources(shown), f"English UI text on a Spanish screen: {phrase!r}"


def test_glossary_and_about_in_spanish(kb_es):
    at = switch_language(new_app(), "es")
    at.switch_page("components/explainer/pages/glossary.py").run()
    assert not at.exception
    shown = texts(at)
    assert at.title[0].value == "Palabras explicadas"
    assert all(term.term in shown for term in kb_es.glossary)
    at.text_input(key="glossary_search__g0").input("letrozol").run()
    assert "le-tro-ZOL" in texts(at)
    at.switch_page("components/explainer/pages/about.py").run()
    shown = texts(at)
    assert at.title[0].value == "Acerca de esta guía"
    assert kb_es.meta.baseline in shown and "No recibe dinero de compañías farmacéuticas" in shown
    assert "Estas listas están en inglés" in shown


# ---- links and the printout ----------------------------------------------------------------

def test_spanish_share_link_carries_the_language_and_reopens_in_spanish(kb_es):
    at = walk(switch_language(new_app(), "es"), hr="negative", her2="zero", sites=["brain"], pdl1="positive")
    link = at.code[0].value
    query = parse_qs(urlsplit(link).query)
    assert query["lang"] == ["es"] and query["hr"] == ["negative"]
    cards = option_cards(at)

    again = new_app(**query)
    assert not again.exception
    assert again.session_state["lang"] == "es"
    assert again.session_state["step"] == "results"
    assert option_cards(again) == cards
    assert again.title[0].value == "Qué significa esto para usted"
    assert "Estos resultados se abrieron desde un enlace compartido." not in texts(again)  # her answers say it
    assert page_lang(again) == "es"
    assert not again.run().query_params


def test_english_share_link_has_no_language_part():
    at = walk(new_app(), hr="positive")
    assert "lang=" not in at.code[0].value


def test_a_link_with_lang_es_alone_opens_the_start_screen_in_spanish():
    at = new_app(lang="es")
    assert at.session_state["step"] == "start"
    assert at.title[0].value == TEXT["es"]["es"]["start"]["heading"]
    assert not at.info  # nothing was ignored


@pytest.mark.parametrize("bad", ["xx", "ES", "<script>alert(1)</script>", ["es", "en"]])
def test_an_unknown_language_in_a_link_is_ignored_with_the_gentle_note(bad):
    at = new_app(lang=bad, hr="positive", sex="female")
    assert not at.exception
    assert at.session_state.get("lang", "en") == "en"
    assert at.session_state["step"] == "results"
    note = "\n".join(i.value for i in at.info)
    assert "could not be read" in note and "the language" in note
    assert "script" not in texts(at)


def test_a_bad_part_in_a_spanish_link_gets_the_note_in_spanish():
    at = new_app(lang="es", hr="banana", her2="low")
    note = "\n".join(i.value for i in at.info)
    assert "no se pudieron leer" in note and "Receptores hormonales" in note
    assert "banana" not in texts(at)


def test_spanish_printout_is_spanish_and_marked_as_such(kb_es):
    profile = Profile.create(hr="positive", her2="unknown", sites=list(SITE_VALUES), menopause="post")
    explanation = explain(profile, kb_es)
    answers = {"hr": "positive", "her2": "unknown", "sites": list(SITE_VALUES), "menopause": "post",
               "sex": "female", "markers": dict(profile.markers)}
    link = "http://localhost:8501/?lang=es&hr=positive"
    html = printable.build(kb_es, explanation, answers, link, qr_svg(link, "Código QR"))
    assert html.startswith("<!doctype html>\n<html lang=\"es\" dir=\"ltr\">")
    assert "Mi resumen: tratamientos para el cáncer de mama que se diseminó" in html
    assert "No lo sabe con certeza: HER2" in html and "¿se hizo a mi cáncer la prueba de HER2" in html
    assert " or " not in html
    assert "Información educativa general, no consejo médico." in html  # the short notice, in Spanish
    assert kb_es.translation.draft_note in html and kb_es.translation.draft_note_en in html
    for phrase in english_ui_phrases():
        assert phrase not in html, f"English UI text in the Spanish printout: {phrase!r}"


def test_english_printout_is_unchanged_in_language(kb_en):
    explanation = explain(Profile.create(hr="positive"), kb_en)
    answers = {"hr": "positive", "her2": "unknown", "sites": [], "menopause": "unknown", "sex": "female",
               "markers": dict(Profile.create().markers)}
    html = printable.build(kb_en, explanation, answers, "http://x/", "<svg></svg>")
    assert '<html lang="en" dir="ltr">' in html and "My summary" in html
    assert "medical translator" not in html, "English is the original: no draft label"


def test_the_switch_is_hidden_when_the_content_has_no_translation(monkeypatch, tmp_path):
    shutil.copytree(CONTENT_DIR, tmp_path / "content", ignore=shutil.ignore_patterns("lang"))
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(tmp_path / "content"))
    at = new_app(lang="es")
    assert not at.exception
    assert not [g for g in at.button_group if g.key.startswith("lang__")]
    assert at.session_state.get("lang", "en") == "en"  # a language the content lacks is not taken
