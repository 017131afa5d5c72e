"""My questions for the visit and what matters most, on the results page, and the take-home
page they go on: checked with Streamlit's AppTest (the printout is read from the app's own
in-memory media store, as the browser would fetch it)."""

from __future__ import annotations

from html import escape

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from components.take_home.visit import FIRST_TICKED, OWN_MAX_CHARS, own_question
from knowledge import Profile, explain, load_knowledge

from .apptest_helpers import click, fresh_caches, gen, new_app  # noqa: F401 (autouse fixture)

MARIA = {"hr": "positive", "her2": "low", "site": ["bone", "liver"], "menopause": "post", "sex": "female"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture
def printouts(monkeypatch):
    """Every HTML page the app puts in its media store during these runs, newest last."""
    seen: list[str] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        if mimetype == "text/html":
            seen.append(path_or_data.decode("utf-8"))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_page_says_when_more_questions_may_take_a_second_sheet(lang):
    from components.shared.text import t
    from components.take_home import printable
    from components.take_home.visit import Visit

    kb = load_knowledge(lang=lang)
    e = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post"), kb)
    answers = {"hr": "positive", "her2": "low", "sites": ["bone", "liver"], "menopause": "post", "sex": "female",
               "markers": {m: "unknown" for m in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}}
    note = escape(t("takehome.print_more_questions", lang))
    questions = tuple(e.questions)
    assert len(questions) > FIRST_TICKED
    few = printable.build(kb, e, answers, None, "", Visit(questions[:FIRST_TICKED]))
    more = printable.build(kb, e, answers, None, "", Visit(questions[:FIRST_TICKED + 1]))
    large = printable.build(kb, e, answers, None, "", Visit(questions[:FIRST_TICKED + 1]), size="large")
    assert note not in few and note in more
    assert note not in large and escape(t("takehome.print_larger", lang)) in large  # one note, not two


def maria():
    at = new_app(**MARIA)
    assert not at.exception and at.session_state["step"] == "results"
    return at


def question_boxes(at):
    return [c for c in at.checkbox if c.key.startswith("visit_q_")]


def test_tailored_questions_are_checkboxes_with_the_first_few_ticked(kb, printouts):
    at = maria()
    expected = explain(Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post"), kb)
    boxes = question_boxes(at)
    assert [b.label for b in boxes] == list(expected.questions)
    assert [b.value for b in boxes] == [i < FIRST_TICKED for i in range(len(boxes))]
    html = printouts[-1]
    for i, question in enumerate(expected.questions):
        assert (question in html) == (i < FIRST_TICKED), question


def test_unticking_and_ticking_changes_the_printout(printouts):
    at = maria()
    boxes = question_boxes(at)
    dropped, added = boxes[0].label, boxes[-1].label
    boxes[0].uncheck()
    boxes[-1].check()
    at.run()
    html = printouts[-1]
    assert dropped not in html and added in html
    assert [b.value for b in question_boxes(at)][0] is False


def test_what_matters_adds_its_questions_and_never_changes_the_treatments(kb, printouts):
    at = maria()
    shown_before = [m.value for m in at.subheader]
    at.button_group(key=f"visit_matters__g{gen(at)}").set_value(["time_at_home", "cost_travel"])
    at.run()
    assert not at.exception
    chosen = {m.id: m for m in kb.matters}
    labels = [c.label for c in at.checkbox]
    for mid in ("time_at_home", "cost_travel"):
        assert chosen[mid].text in labels, "the choice adds its question, ticked"
    html = printouts[-1]
    for mid in ("time_at_home", "cost_travel"):
        assert chosen[mid].label in html and chosen[mid].text in html
    assert chosen["live_longer"].label not in html
    # No ranking: the same treatments, in the same order, under the same headings.
    assert [m.value for m in at.subheader] == shown_before
    assert "does not rank the treatments" in " ".join(c.value for c in at.caption)


def test_own_question_is_plain_text_limited_and_escaped(printouts):
    at = maria()
    box = at.text_input(key=f"visit_own__g{gen(at)}")
    assert box.max_chars == OWN_MAX_CHARS
    raw = "<b>Can I travel</b>\nin May?\x07 " + "x" * 300
    box.set_value(raw)
    at.run()
    html = printouts[-1]
    assert "&lt;b&gt;Can I travel&lt;/b&gt; in May?" in html and "<b>Can I travel" not in html
    assert "\x07" not in html
    kept = own_question(raw[:OWN_MAX_CHARS])  # the box itself takes no more than the limit
    assert kept.startswith("<b>Can I travel</b> in May? x") and "\n" not in kept
    assert f"<li>{escape(kept)}</li>" in html, "on one line, escaped"
    assert len(own_question("y" * 5000)) == OWN_MAX_CHARS, "the limit holds on the server too"


def test_start_over_forgets_the_questions_and_choices(printouts):
    at = maria()
    at.text_input(key=f"visit_own__g{gen(at)}").set_value("Can I keep working?")
    at.button_group(key=f"visit_matters__g{gen(at)}").set_value(["work_family"])
    at.run()
    assert "Can I keep working?" in printouts[-1]
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()  # Start over asks first
    assert not any("Can I keep working?" in str(at.session_state[k]) for k in at.session_state)


def test_print_size_follows_the_text_size(printouts):
    at = maria()
    assert "--pt: 12pt;" in printouts[-1] and "may take two pages" not in printouts[-1]
    at.button_group(key=f"text_size__g{gen(at)}").set_value("largest")
    at.run()
    assert "--pt: 16pt;" in printouts[-1] and "may take two pages" in printouts[-1]


def test_the_print_action_opens_the_page_from_memory_at_home(printouts):
    at = maria()
    links = at.get("link_button")
    assert len(links) == 1, "one, right after the questions that go on it"
    urls = {link.proto.url for link in links}
    assert len(urls) == 1 and next(iter(urls)).endswith(".html")
    assert "hr=" not in next(iter(urls)) and "positive" not in next(iter(urls))
    assert not at.get("download_button"), "nothing is downloaded or written to disk"
