""""Check what I understood" on the results page, driven with Streamlit's AppTest as a person taps:
folded until opened, one question at a time from her own results, kind feedback that points back
to the page, skipping, never a score, and nothing left after Start over or the kiosk reset."""

from __future__ import annotations

import re
import time

import pytest
from streamlit.testing.v1 import AppTest

from components.kiosk import idle
from knowledge import load_knowledge

from .apptest_helpers import click, fresh_caches, gen, new_app, walk  # noqa: F401 (autouse fixture)

INVITE = "Check what I understood (3 short questions, nothing is saved)"
AI = "Aromatase inhibitor (hormone therapy pill)"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def maria(at: AppTest | None = None) -> AppTest:
    """HR-positive, HER2-low, spread to the bones and liver, after menopause: answered by tapping."""
    at = walk(at or new_app(), hr="positive", her2="low", sites=["bone", "liver"], menopause="post")
    assert not at.exception and at.session_state["step"] == "results"
    return at


def open_check(at: AppTest) -> AppTest:
    at.session_state[f"check__g{gen(at)}"] = True  # the invitation tapped open
    return at.run()


def question(at: AppTest):
    radios = [r for r in at.radio if r.key and r.key.startswith("check_")]
    assert len(radios) == 1, "one question at a time"
    return radios[0]


def answer(at: AppTest, choice: str) -> AppTest:
    question(at).set_value(choice)
    return at.run()


def feedback(at: AppTest) -> list[str]:
    return [str(m.value) for m in at.markdown if 'class="check-feedback"' in str(m.value)]


def said(at: AppTest) -> str:
    """The feedback as a person reads it (the link's words, without the markup)."""
    (html,) = feedback(at)
    return re.sub(r"<[^>]+>", "", html).strip()


def next_button(at: AppTest):
    return at.button(key=f"check_next__g{gen(at)}")


def page_markup(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def check_texts(at: AppTest) -> list[str]:
    """Every text of the check that is on the page now."""
    parts = [str(m.value) for m in at.expander[_check_index(at)].markdown] + [b.label for b in at.button
                                                                            if b.key.startswith("check_")]
    return parts + [r.label for r in at.radio if r.key.startswith("check_")]


def _check_index(at: AppTest) -> int:
    return [e.label for e in at.expander].index(INVITE)


def test_the_invitation_is_folded_after_my_questions_and_before_the_take_home():
    at = maria()
    labels = [e.label for e in at.expander]
    assert labels.index("What matters most to me right now") < labels.index(INVITE) < labels.index("Copy the link")
    assert not [r for r in at.radio if r.key.startswith("check_")], "nothing is asked until she opens it"


def test_right_and_not_quite_answers_get_kind_feedback_that_points_back_to_the_page(kb):
    at = open_check(maria())
    signs = question(at)
    assert signs.label == "Which of these is a reason to call 911 now?"
    assert signs.value is None, "no answer is chosen for her"
    hers = {"Your legs feel weak or numb, or you cannot walk normally.",  # her first place's first signs
            "You have new or worse back or neck pain."}
    assert all(kb.sites["bone"].urgent_signs.emergency[0].startswith(s) or kb.sites["bone"].urgent_signs.today[0]
               .startswith(s) for s in hers)
    everyday = set(signs.options) - hers
    assert len(everyday) == 1 and everyday <= set(kb.meta.everyday_lines)
    assert next_button(at).label == "Skip this question"

    answer(at, "today")
    assert said(at) == "💡 Not quite: for this one, call your care team today, even at night. See the warning signs"
    assert 'href="#warning-signs"' in feedback(at)[0] and '<span id="warning-signs">' in page_markup(at)
    answer(at, "emergency")
    assert said(at) == ("✓ Yes: this is a reason to call 911 or go to the emergency department now. "
                        "See the warning signs")
    assert next_button(at).label == "Next question"

    next_button(at).click().run()
    given = question(at)
    assert given.label == f"How is **{AI}** given?"
    assert given.value is None and not feedback(at)
    assert sorted(given.options) == ["A drip (infusion) in the clinic", "A pill at home", "A shot (injection)"]
    answer(at, "drip")
    assert said(at) == f"💡 Not quite: {AI} is given as a pill at home. See this treatment"
    assert 'href="#treatments" data-card="aromatase_inhibitor" data-group="first"' in feedback(at)[0]
    answer(at, "pill")
    assert said(at) == f"✓ Yes: {AI} is given as a pill at home. See this treatment"

    next_button(at).click().run()
    decides = question(at)
    assert decides.label == "Who decides about your treatment?"
    answer(at, "page")
    assert said(at) == ("💡 Not quite: this page cannot know your full story, so you and your care team decide "
                        "together. Read the notice")
    assert 'href="#notice"' in feedback(at)[0] and '<span id="notice">' in page_markup(at)
    assert next_button(at).label == "Finish"
    next_button(at).click().run()
    assert "That was the last question. You can go back to any part of this page at any time." in check_texts(at)
    assert not [r for r in at.radio if r.key.startswith("check_")]
    assert not any(re.search(r"\d", text) for text in check_texts(at)), "never a score, not even a count"


def test_each_question_can_be_skipped_and_asked_again():
    at = open_check(maria())
    for n in range(3):
        assert f"**Question {n + 1} of 3**" in check_texts(at)
        assert next_button(at).label == "Skip this question"
        next_button(at).click().run()
    assert not feedback(at)
    again = at.button(key=f"check_again__g{gen(at)}")
    assert again.label == "Ask me again"
    again.click().run()
    assert question(at).label == "Which of these is a reason to call 911 now?" and question(at).value is None


def test_ask_me_again_clears_every_answer():
    at = open_check(maria())
    for choice in ("emergency", "pill", "together"):
        answer(at, choice)
        next_button(at).click().run()
    at.button(key=f"check_again__g{gen(at)}").click().run()
    assert question(at).value is None and not feedback(at)
    next_button(at).click().run()
    assert question(at).value is None and not feedback(at)


def test_a_reader_not_sure_of_her_results_is_asked_where_they_are_and_pointed_to_them():
    at = walk(new_app(), hr="unknown", her2="unknown", sites=["bone"])
    open_check(at)
    next_button(at).click().run()
    results = question(at)
    assert results.label == "Where are your hormone receptor and HER2 results written?"
    assert sorted(results.options) == ["On a scan report, such as a CT scan", "On the pathology report from a biopsy",
                                       "On your list of medicines"]
    answer(at, "scan")
    assert said(at) == ("💡 Not quite: a scan shows where the cancer is, and these two results are on your pathology "
                        "report. See where to find them")
    assert 'href="#two-results"' in feedback(at)[0] and '<span id="two-results">' in page_markup(at)


def test_the_check_speaks_spanish():
    at = new_app()
    at.button_group(key="lang__g0").set_value("es").run()
    open_check(maria(at))
    assert "Comprobar lo que entendí (3 preguntas cortas, no se guarda nada)" in [e.label for e in at.expander]
    assert question(at).label == "¿Cuál de estas es una razón para llamar al 911 ahora?"
    answer(at, "everyday")
    assert said(at) == ("💡 No exactamente: esto no es una señal de alarma y puede esperar a su próxima consulta. "
                        "Ver las señales de alarma")
    assert next_button(at).label == "Siguiente pregunta"


def test_the_answers_live_only_in_this_generations_keys_and_start_over_forgets_them():
    at = open_check(maria())
    answer(at, "emergency")
    next_button(at).click().run()
    answer(at, "drip")
    kept = [k for k in at.session_state if k.startswith("check")]
    assert kept and all(k.endswith(f"__g{gen(at)}") for k in kept), kept
    click(at, "start_over_top")
    at.button(key="start_over_clear").click().run()
    assert not [k for k in at.session_state if k.startswith("check")]
    open_check(maria(at))
    assert question(at).label == "Which of these is a reason to call 911 now?"
    assert question(at).value is None and not feedback(at)


def test_the_kiosk_reset_for_the_next_person_forgets_the_check(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = open_check(maria())
    answer(at, "emergency")
    next_button(at).click().run()
    answer(at, "drip")
    with monkeypatch.context() as quiet:  # the tablet left alone: no tap, no activity from the page
        quiet.setattr(idle, "mark_active", lambda: None)
        at.session_state["last_active"] = time.monotonic() - 3600
        at.run()
    assert not at.exception and at.session_state["step"] == "start"
    assert not [k for k in at.session_state if k.startswith("check")]
    open_check(maria(at))
    assert question(at).label == "Which of these is a reason to call 911 now?"
    assert question(at).value is None and not feedback(at)
