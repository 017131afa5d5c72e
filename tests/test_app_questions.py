"""Questions anyone can answer: the report helper sets answers, missing results are named for
the nurse, and a man's pages are a man's."""

from __future__ import annotations

import re

import pytest

from knowledge import Profile, explain, load_knowledge, missing_results

from .apptest_helpers import (  # noqa: F401 (autouse fixture)
    answer, begin, click, fresh_caches, new_app, open_cards, walk,
)
from .test_right_for_men import FEMALE_ONLY


def texts(at) -> str:
    return "\n".join(str(e.value) for e in [*at.markdown, *at.caption, *at.info, *at.subheader, *at.title])


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.mark.parametrize("field", ["hr", "her2"])
def test_every_result_on_the_strip_sets_its_answer(kb, field):
    at = new_app()
    begin(at)
    if field == "her2":
        answer(at, "hr", "unknown")
        click(at, "next_hr")
    assert at.button(key=f"next_{field}__g0").disabled  # nothing chosen yet: Next waits
    results = kb.inputs[field].report_results
    assert len(results) >= 3
    for i, result in enumerate(results):
        click(at, f"pick_{field}_{i}")
        assert at.radio(key=f"q_{field}__g0").value == result.value, result.says
        assert at.session_state["answers"][field] == result.value
        # said where the finger is, and to a screen reader; the tapped result is marked
        said = [m.value for m in at.markdown if 'class="picked" role="status"' in str(m.value)]
        assert said and kb.inputs[field].values[result.value].label.lower() in said[0].lower()
        assert at.button(key=f"pick_{field}_{i}__g0").label.startswith("✓ ")
        assert not at.button(key=f"next_{field}__g0").disabled


@pytest.mark.parametrize("field", ["hr", "her2"])
def test_i_am_not_sure_is_never_chosen_for_her_and_next_waits_for_an_answer(field):
    at = new_app()
    begin(at)
    if field == "her2":
        answer(at, "hr", "positive")
        click(at, "next_hr")
    assert at.radio(key=f"q_{field}__g0").value is None
    assert at.button(key=f"next_{field}__g0").disabled
    assert "is an answer too" in texts(at)
    answer(at, field, "unknown")  # "I'm not sure", chosen by her, is an answer
    assert not at.button(key=f"next_{field}__g0").disabled
    click(at, f"next_{field}")
    click(at, f"back_{[s for s in ('sites', 'her2') if s != field][0] if field == 'her2' else 'her2'}")
    assert at.radio(key=f"q_{field}__g0").value == "unknown"  # kept, and shown as chosen


def test_the_her2_strip_covers_each_category_a_report_can_give(kb):
    values = [r.value for r in kb.inputs["her2"].report_results]
    assert values == ["zero", "ultralow", "low", "low", "positive", "positive"]  # 0, faint, 1+, 2+/ISH-, 2+/ISH+, 3+


def test_the_her2_step_explains_each_category_once(kb):
    at = new_app()
    begin(at)
    answer(at, "hr", "unknown")
    click(at, "next_hr")
    shown = texts(at)  # everything but the answers' own captions
    for value in kb.inputs["her2"].values.values():
        if value.help:
            assert value.help not in shown, value.help  # said once, under its answer
    assert "**HER2-low**" not in shown and "**HER2-zero**" not in shown  # no glossary list saying it again


def test_the_helper_shows_the_example_report_with_every_mark(kb):
    at = new_app()
    begin(at)
    pictures = [m.value for m in at.markdown if "report-example" in str(m.value)]
    assert pictures and 'role="figure"' in pictures[0] and "Ki-67" in pictures[0]
    assert "Not a real person" in pictures[0] and "<script" not in pictures[0]


def test_markers_say_where_they_are_on_a_report(kb):
    at = walk(new_app(), hr="positive", her2="zero")
    click(at, "change")  # back to the questions
    for step in ("sex", "hr", "her2", "sites"):
        click(at, f"next_{step}")
    shown = texts(at)
    for marker in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1"):
        assert kb.inputs[marker].on_report in shown, marker


def test_nurse_card_lists_exactly_the_missing_results(kb):
    at = walk(new_app(), hr="positive", sites=["bone"])
    expected = missing_results(explain(Profile.create(hr="positive", sites=["bone"]), kb))
    card = "\n".join(str(m.value) for m in at.markdown if "**" in str(m.value))
    assert "Show this to your nurse" in texts(at)
    for name, _ in expected:
        entry = kb.inputs[name.removeprefix("marker:")]
        assert f"**{entry.short or entry.label}**" in card, name


def test_nothing_missing_means_no_nurse_card():
    markers = {m: "negative" for m in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}
    at = walk(new_app(), hr="positive", her2="zero", sites=["bone"], menopause="post", **markers)
    assert "Show this to your nurse" not in texts(at)


def test_a_mans_results_say_who_they_are_for_and_what_differs_and_hold_nothing_only_for_women(kb):
    at = walk(new_app(), hr="positive", her2="zero", sites=["bone", "liver"], sex="male")
    shown = texts(at)
    assert "Showing information for: a man" in shown
    # The first sentence of what differs for men is in the first card; the rest is in his treatments.
    first, _, rest = kb.meta.men_note.partition(". ")
    assert shown.index(first + ".") < shown.index("Often one of the first treatments")
    open_cards(at, evidence=True)  # every card, and its evidence, as he opens them
    shown = texts(at) + "\n".join(str(e.value) for e in [*at.error, *at.warning])
    # Glossary definitions opened from a word are general reference ("the ovaries or testicles"):
    # they name both sexes, so they are left out of this check.
    shown = re.sub(r'<span id="[^"]+" popover class="term-box">.*?</span>', "", shown)
    shown = re.sub(r"\[[^\]]*\]\(https://[^)]*\)", "", shown)  # publication titles, as published
    assert not FEMALE_ONLY.search(shown), FEMALE_ONLY.search(shown)
    assert "Tamoxifen" in shown and "erection" in shown
