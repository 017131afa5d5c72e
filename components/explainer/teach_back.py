"""Check what I understood: three short questions drawn from the reader's own results (teach-back).

Folded under one invitation near the end of the short page, before the take-home, so it is easy
to skip. One question at a time: which of her own warning signs means calling the emergency
number now (beside one of her "call today" signs and an everyday line from the content that is
no warning sign); how one of her first treatments is given (or, when no first treatment can be
shown yet, where her two receptor results are written); and who decides about treatment. Each
answer gets kind feedback in one sentence, with a link back to the place on the page that says
it, the way the page's own links work. Never a score.

Nothing is stored or sent: the answers are widget values in this session, under keys that carry
the generation, so Start over and the kiosk reset forget them. The questions are the same for
the same answers every time, in every language (their order comes from the answers, not chance).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from html import escape

import streamlit as st

from knowledge import Explanation, KnowledgeBase, schema

from ..shared import state
from ..shared.grouping import group
from ..shared.text import punctuate, t
from ..take_home.printable import first_sentence
from . import option_card

WAYS = ("pill", "drip", "shot")  # the ways of giving a medicine the treatment question offers
# Where on the results page each question's feedback points back to (anchors of results.py).
LINKS = {"signs": "warning-signs", "given": "treatments", "results": "two-results", "decides": "notice"}


@dataclass(frozen=True)
class Question:
    """One question: its choices in the order shown (ids), the right ones, and what it is about.

    The words of a question and of its choices are the app's own (``check.<id>`` in the UI words),
    except the warning-sign question's choices, which are her own signs and an everyday line from
    the content (``signs``), and the treatment question's name (``option``)."""

    id: str  # signs, given, results or decides
    choices: tuple[str, ...]
    right: frozenset[str]
    signs: dict[str, str] = field(default_factory=dict)
    option: schema.Option | None = None


def questions(explanation: Explanation, kb: KnowledgeBase) -> tuple[Question, ...]:
    """The three questions for these results, the same every time for the same answers."""
    seed = hashlib.sha256(json.dumps(explanation.profile.to_dict(), sort_keys=True).encode()).hexdigest()
    asked = (_signs(explanation, kb, seed), _second(explanation), _decides())
    return tuple(replace(q, choices=_in_order(q.choices, f"{seed}:{q.id}")) for q in asked)


def _in_order(choices: tuple[str, ...], seed: str) -> tuple[str, ...]:
    """The choices in an order that depends on the answers only, so the right one is not always first."""
    return tuple(sorted(choices, key=lambda c: hashlib.sha256(f"{seed}:{c}".encode()).hexdigest()))


def _signs(explanation: Explanation, kb: KnowledgeBase, seed: str) -> Question:
    """Her first emergency sign, her first "call today" sign and an everyday line: which means calling now?"""
    signs = explanation.urgent_signs()  # her places' signs first, then those for everyone
    everyday = kb.meta.everyday_lines
    words = {"emergency": first_sentence(signs.emergency[0]), "everyday": everyday[int(seed[:8], 16) % len(everyday)]}
    if signs.today:
        words["today"] = first_sentence(signs.today[0])
    return Question("signs", tuple(words), frozenset({"emergency"}), signs=words)


def _second(explanation: Explanation) -> Question:
    """How one of her first treatments is given, one given one way if there is one; when no first
    treatment is shown (her receptor results are not known), where those results are written."""
    usable = [r.option for r in group(explanation)["first"] if set(r.option.given) & set(WAYS)]
    if not usable:
        return Question("results", ("report", "scan", "medicines"), frozenset({"report"}))
    option = next((o for o in usable if len(set(o.given) & set(WAYS)) == 1), usable[0])
    return Question("given", WAYS, frozenset(set(option.given) & set(WAYS)), option=option)


def _decides() -> Question:
    return Question("decides", ("together", "page", "same"), frozenset({"together"}))


# ---- on the page --------------------------------------------------------------------------------

def render(kb: KnowledgeBase, explanation: Explanation) -> None:
    """The invitation, folded; opened, the questions one at a time (drawn only once opened)."""
    with st.container(key="teach_back"):
        _check(kb, explanation)


@st.fragment
def _check(kb: KnowledgeBase, explanation: Explanation) -> None:
    with st.expander(t("check.invite"), key=state.key("check"), on_change="rerun") as box:
        if box.open:
            _ask(kb, questions(explanation, kb))


def _ask(kb: KnowledgeBase, asked: tuple[Question, ...]) -> None:
    at = st.session_state.get(state.key("check_at"), 0)
    if at >= len(asked):
        st.markdown(t("check.done"))
        st.button(t("check.again"), key=state.key("check_again"), on_click=_again, args=(asked,))
        return
    st.markdown(t("check.intro"))
    question = asked[at]
    st.markdown(f"**{t('steps.progress', n=at + 1, total=len(asked))}**")
    picked = st.radio(question_words(question, kb), question.choices, index=None,
                      format_func=lambda c: choice_words(question, c), key=state.key(f"check_{question.id}"))
    if picked is not None:
        mark = "✓" if picked in question.right else "💡"  # a picture only: the words say right or not quite
        st.markdown(f'<p class="check-feedback" role="status"><span aria-hidden="true">{mark}</span> '
                    f'{escape(feedback(question, picked, kb))} {link(question)}</p>', unsafe_allow_html=True)
    last = at == len(asked) - 1
    label = t("check.skip") if picked is None else t("check.finish") if last else t("check.next")
    st.button(label, key=state.key("check_next"), on_click=_go, args=(at + 1,))


def question_words(question: Question, kb: KnowledgeBase, lang: str | None = None) -> str:
    if question.id == "given":  # the name in bold, as it stands on the page
        return t("check.given.question", lang, name=f"**{question.option.heading}**")
    return t(f"check.{question.id}.question", lang, number=kb.meta.emergency_number)


def choice_words(question: Question, choice: str, lang: str | None = None) -> str:
    if question.id == "signs":
        return question.signs[choice]
    if question.id == "given":
        return option_card.first_capital(t(f"results.given.{choice}", lang))
    return t(f"check.{question.id}.choices.{choice}", lang)


def feedback(question: Question, picked: str, kb: KnowledgeBase, lang: str | None = None) -> str:
    """One kind sentence: "Yes: …" or "Not quite: …", never "wrong"."""
    if question.id == "given":
        verdict = "right" if picked in question.right else "not_quite"
        return punctuate(t(f"check.given.{verdict}", lang, name=question.option.heading,
                           ways=option_card.way_words(question.option, lang=lang)), lang)
    return t(f"check.{question.id}.feedback.{picked}", lang, number=kb.meta.emergency_number)


def link(question: Question, lang: str | None = None) -> str:
    """Back to the place on the page that says it: a treatment's link opens its card, as on the first screen."""
    words = escape(t(f"check.{question.id}.link", lang))
    if question.id == "given":
        return f'<a href="#{LINKS["given"]}" data-card="{question.option.id}" data-group="first">{words}</a>'
    return f'<a href="#{LINKS[question.id]}">{words}</a>'


def _go(to: int) -> None:
    st.session_state[state.key("check_at")] = to


def _again(asked: tuple[Question, ...]) -> None:
    """Ask the same three again, every answer cleared."""
    for question in asked:
        st.session_state.pop(state.key(f"check_{question.id}"), None)
    _go(0)
