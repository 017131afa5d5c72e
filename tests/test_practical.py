"""Practical help by how a treatment is given (practical.yaml): what the loader refuses, which ways
and questions show for a profile, how "what matters most to me" brings its questions first, the
results page (AppTest, at home and on a kiosk) and the one line on the take-home page."""

from __future__ import annotations

import re
import shutil
from html import escape
from pathlib import Path

import pytest
import yaml

from components.explainer.practical import ordered, topics_first, ways_for
from components.shared.text import t
from components.take_home import printable
from components.take_home.visit import Visit
from knowledge import CONTENT_DIR, KnowledgeError, Profile, explain, load_knowledge
from knowledge.schema import MEDICINE_WAYS, WAYS

from .apptest_helpers import click, fresh_caches, gen, new_app  # noqa: F401 (autouse fixture)
from .conftest import FIXTURE_TODAY

FILE = "practical.yaml"
MARIA = {"hr": "positive", "her2": "low", "site": ["bone", "liver"], "menopause": "post", "sex": "female"}
PUBLIC = "https://explainer.clinic.example/"


def _break(content: Path, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` once in practical.yaml; return the line where ``new`` starts."""
    path = content / FILE
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old):], encoding="utf-8")
    return text[:at].count("\n") + 1


def _problems(content: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content, today=FIXTURE_TODAY)
    return [str(p).split("content/", 1)[1] for p in info.value.problems]


# ---- the loader refuses a broken practical.yaml, naming file:line ---------------------------

def test_the_fixture_loads_with_its_practical_help(fixture_kb):
    assert [w.id for w in fixture_kb.practical.ways] == list(MEDICINE_WAYS)
    assert fixture_kb.practical.matters == {"cost_travel": ["cost", "travel"]}


def test_an_unknown_way_is_refused(content_copy):
    line = _break(content_copy, "  - id: shot\n", "  - id: injection\n")
    allowed = " or ".join([", ".join(f"'{w}'" for w in WAYS[:-1]), f"'{WAYS[-1]}'"])
    problems = _problems(content_copy)
    assert f"{FILE}:{line}: ways[2].id: 'injection' is not allowed; use {allowed}" in problems, problems


def test_a_missing_way_is_refused(content_copy):
    shot = "  - id: shot\n    questions:\n      - id: visit\n        text: \"Where is the shot given?\"\n"
    _break(content_copy, shot, "")
    assert _problems(content_copy) == [
        f"{FILE}:2: ways: no practical questions for 'shot'; every way a medicine is given needs them: "
        "pill, drip, shot"]


REFUSED = {  # one break of practical.yaml (old, new) -> the one problem the loader names, at {line}
    "an unknown source": ("    sources: [acs_stage4]\n    reviewed", "    sources: [acs_stage5]\n    reviewed",
                          "help[0].sources[0]: unknown source id 'acs_stage5'; add it to sources.yaml or fix the id"),
    "an unknown source on the take-home line": (
        "  sources: [acs_stage4]\nmatters", "  sources: [take_home_guess]\nmatters",
        "take_home.sources[0]: unknown source id 'take_home_guess'; add it to sources.yaml or fix the id"),
    "an unknown matter": ("  cost_travel: [cost, travel]", "  costs: [cost, travel]",
                          "matters.costs: unknown matter 'costs'; use one of questions.yaml's matters: cost_travel"),
    "an unknown topic": ("  cost_travel: [cost, travel]", "  cost_travel: [cost, parking]",
                         "matters.cost_travel[1]: 'parking' is not allowed; use 'visit', 'travel', 'work', 'cost', "
                         "'bring' or 'family'"),
    "a second question on one topic": ("      - id: travel\n", "      - id: visit\n",
                                       "ways[1].questions[1].id: a second 'visit' question for 'drip'; each way has "
                                       "one question per topic"),
    "an answer with a web address": ("    what: \"Ask your doctor", "    what: \"See www.example.org. Ask your doctor",
                                     "help[0].what: a web address is not allowed in text; put it in sources.yaml"),
}


@pytest.mark.parametrize("fault", list(REFUSED))
def test_a_fault_is_refused_naming_file_line_and_field(content_copy, fault):
    old, new, message = REFUSED[fault]
    line = _break(content_copy, old, new)
    assert _problems(content_copy) == [f"{FILE}:{line}: {message}"]


def test_a_missing_practical_file_is_named(content_copy):
    (content_copy / FILE).unlink()
    [problem] = _problems(content_copy)
    assert problem.startswith(f"{FILE}:1: (file): cannot read the file")


def test_a_translation_missing_a_question_is_refused(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, content)
    path = content / "lang" / "es" / FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["ways"]["drip"]["questions"]["cost"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content, lang="es")
    assert any(re.search(r"lang/es/practical\.yaml:\d+: ways\.drip\.questions\.cost\.text: has no translation", str(p))
               for p in info.value.problems), info.value.problems


# ---- what shows for a profile ---------------------------------------------------------------

@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def ways(kb, **answers) -> list[str]:
    return [w.id for w in ways_for(kb, explain(Profile.create(**answers), kb))]


def test_her_ways_come_in_the_order_her_treatments_do(kb):
    # Hormone pills come first for HR-positive cancer; HER2 drugs by drip for HER2-positive cancer.
    assert ways(kb, hr="positive", her2="zero", sites=["bone"], menopause="post")[0] == "pill"
    assert ways(kb, hr="negative", her2="positive", sites=["brain"])[0] == "drip"
    assert ways(kb, hr="negative", her2="zero", sites=["lung"])[0] == "drip"


def test_only_ways_with_practical_questions_and_only_her_treatments_ways(kb):
    for answers in ({"hr": "positive", "her2": "low", "sites": ["bone", "liver"], "menopause": "post"},
                    {"hr": "negative", "her2": "zero", "sites": ["brain", "bone", "lung"]},
                    {"hr": "positive", "her2": "zero", "sites": ["lymph_nodes"], "sex": "male"}):
        explanation = explain(Profile.create(**answers), kb)
        given = {way for r in explanation.options if r.status == "applies" for way in r.option.given}
        shown = ways(kb, **answers)
        assert shown and set(shown) <= given & {w.id for w in kb.practical.ways}, (answers, shown)
        assert len(shown) == len(set(shown))


def test_when_no_medicine_is_known_to_fit_the_ways_of_those_that_may_come(kb):
    explanation = explain(Profile.create(), kb)  # every answer "not sure": only care and trials apply
    assert not {w for r in explanation.options if r.status == "applies" for w in r.option.given} & set(MEDICINE_WAYS)
    assert set(ways(kb)) == set(MEDICINE_WAYS)


def test_no_choice_keeps_the_questions_as_written(kb):
    for way in kb.practical.ways:
        assert ordered(way, topics_first(kb, [])) == list(way.questions)


def test_a_choice_brings_its_topics_first_and_keeps_the_rest_in_order(kb):
    first = topics_first(kb, ["cost_travel"])
    assert first == ["cost", "travel"]
    drip = next(w for w in kb.practical.ways if w.id == "drip")
    got = [q.id for q in ordered(drip, first)]
    assert got[:2] == ["cost", "travel"]
    assert got[2:] == [q.id for q in drip.questions if q.id not in first]


def test_several_choices_go_in_the_order_they_are_offered(kb):
    offered = [m.id for m in kb.matters]
    assert offered.index("work_family") < offered.index("cost_travel")
    assert topics_first(kb, ["cost_travel", "work_family"]) == ["work", "family", "cost", "travel"]
    assert topics_first(kb, ["live_longer"]) == [], "a choice the mapping does not name moves nothing"


def test_every_mapped_topic_has_a_question_and_every_matter_named_exists(kb):
    asked = {q.id for w in kb.practical.ways for q in w.questions}
    for matter, topics in kb.practical.matters.items():
        assert matter in {m.id for m in kb.matters}
        assert set(topics) <= asked, (matter, topics)


@pytest.mark.parametrize("lang", ["es", "zh-Hans", "vi"])
def test_every_language_has_the_same_questions_in_the_same_order(kb, lang):
    other = load_knowledge(lang=lang)
    for en, tr in zip(kb.practical.ways, other.practical.ways, strict=True):
        assert [q.id for q in en.questions] == [q.id for q in tr.questions]
        assert all(a.text != b.text for a, b in zip(en.questions, tr.questions))
    assert other.practical.take_home.text != kb.practical.take_home.text


def test_a_phone_number_is_the_one_its_words_give(kb):
    for helper in kb.practical.help:
        if helper.phone:
            assert helper.phone in helper.what, "the number on screen is the number on paper"


# ---- the results page ---------------------------------------------------------------------

def open_practical(at):
    at.session_state[f"practical__g{gen(at)}"] = True
    return at.run()


def markdown(at) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def test_results_show_practical_help_for_her_ways_folded_until_opened(kb):
    at = new_app(**MARIA)
    assert not at.exception
    question = kb.practical.ways[0].questions[0].text
    assert t("practical.heading") in [e.label for e in at.expander]
    assert question not in markdown(at), "folded, it is not drawn"
    open_practical(at)
    assert not at.exception
    text = markdown(at)
    expected = ways(kb, hr="positive", her2="low", sites=["bone", "liver"], menopause="post")
    headings = [re.search(r"<span>([^<]*)</span></p>$", str(m.value)).group(1)
                for m in at.markdown if 'class="how-given"' in str(m.value)]  # closed cards draw none
    words = [t(f"results.given.{w}") for w in expected]
    assert headings == [w[:1].upper() + w[1:] for w in words], "her ways, in the order her treatments come"
    assert expected[0] == "pill", "hormone pills come first for her"
    for way in kb.practical.ways:
        if way.id in expected:
            assert all(q.text in text for q in way.questions)
    for helper in kb.practical.help:
        assert helper.what in text
    linked = kb.practical.help[-1]
    assert f"[{linked.name}]({linked.url})" in text, "at home, a name with an address is a link"


def test_choosing_what_matters_moves_its_questions_first(kb):
    at = open_practical(new_app(**MARIA))
    drip = next(w for w in kb.practical.ways if w.id == "drip")
    first_before = _first_question(at, drip)
    assert first_before == drip.questions[0].text
    at.button_group(key=f"visit_matters__g{gen(at)}").set_value(["cost_travel"])
    at.run()
    assert not at.exception
    cost = next(q.text for q in drip.questions if q.id == "cost")
    assert _first_question(at, drip) == cost
    label = next(m.label for m in kb.matters if m.id == "cost_travel")
    assert t("practical.first", matters=label) in [c.value for c in at.caption]


def _first_question(at, way) -> str:
    """The first question drawn under a way (the page lists each way's questions as one list)."""
    texts = {q.text for q in way.questions}
    for m in at.markdown:
        lines = [line[2:] for line in str(m.value).split("\n") if line.startswith("- ")]
        if lines and lines[0] in texts:
            return lines[0]
    raise AssertionError(f"no list of {way.id} questions on the page")


def test_in_spanish_it_speaks_spanish():
    es = load_knowledge(lang="es")
    at = open_practical(new_app(**MARIA, lang="es"))
    assert not at.exception
    assert t("practical.heading", "es") in [e.label for e in at.expander]
    text = markdown(at)
    assert es.practical.ways[0].questions[0].text in text and es.practical.help[0].what in text


def test_on_a_kiosk_the_help_has_no_links_and_the_sources_are_text(monkeypatch, kb):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    monkeypatch.setenv("EXPLAINER_PUBLIC_URL", PUBLIC)
    at = open_practical(new_app(**MARIA))
    assert not at.exception
    text = markdown(at)
    assert kb.practical.help[0].what in text, "opened, the help is there"
    assert not re.search(r"\]\(https?://", text), "no link leaves the kiosk"
    captions = " ".join(c.value for c in at.caption)
    assert "City of Hope (2026)" in captions and "https://" not in captions, "sources as text"


def test_start_over_folds_it_again(kb):
    at = open_practical(new_app(**MARIA))
    assert kb.practical.help[0].what in markdown(at) and at.session_state[f"practical__g{gen(at)}"]
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()
    assert not any(k.startswith("practical__") and at.session_state[k] for k in at.session_state)


# ---- the take-home page: one line, in the room beside the QR code ---------------------------

def test_the_take_home_page_carries_the_line_once_beside_the_code(kb):
    answers = {"hr": "positive", "her2": "low", "sites": ["bone"], "menopause": "post", "sex": "female",
               "markers": {m: "unknown" for m in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}}
    e = explain(Profile.create(hr="positive", her2="low", sites=["bone"], menopause="post"), kb)
    line = f"<b>{escape(t('practical.heading'))}:</b> {escape(kb.practical.take_home.text)}"
    with_code = printable.build(kb, e, answers, PUBLIC, "<svg></svg>", Visit(e.questions[:3]))
    assert with_code.count(line) == 1
    end = with_code[with_code.index('<div class="end">'):]
    assert line in end, "beside the QR code, where the sheet has room"
    without = printable.build(kb, e, answers, None, "", Visit(e.questions[:3]))
    assert without.count(line) == 1 and '<div class="end">' not in without
