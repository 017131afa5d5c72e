"""What changes if: one profile, one answer changed, and every option that is shown differently
because of it, with the reason before and after and the option's rule in words.

The list is :func:`knowledge.changes.changes_between` (the comparison the explainer's "My results
changed" shows too), two engine evaluations compared; the reasons are
:func:`knowledge.teaching.why_and_why_not`'s, as on Why and why not.
"""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.engine import HIDDEN
from knowledge.profile import CONDITION_FIELDS, MARKERS, SITE_VALUES
from knowledge.changes import Change, changes_between
from knowledge.teaching import rule_in_words, why_and_why_not, with_answer

from ..shared.text import t
from . import common, why

FIELDS = ("her2", "hr", "menopause", "sex", "site", *MARKERS)
KINDS = ("appears", "disappears", "becomes_conditional", "becomes_applies", "waits_on_other")
# The change a teacher sees first: HER2 0 becomes 1+ (HER2-low) for HR-positive cancer after menopause.
START = {"hr": "positive", "her2": "zero", "menopause": "post"}
# One-tap examples: (name, answers before, the answer that changes, its new value).
EXAMPLES = (
    ("her2_low", START, "her2", "low"),
    ("pik3ca", START, "pik3ca", "positive"),
    ("pdl1", {"hr": "negative", "her2": "zero"}, "pdl1", "positive"),
    ("menopause", {"hr": "positive", "her2": "zero", "menopause": "pre"}, "menopause", "post"),
)


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.changes.heading", "teaching.changes.intro")
    with st.container(horizontal=True, key="changes_examples"):
        for example in EXAMPLES:
            st.button(t(f"teaching.changes.examples.{example[0]}"), key=f"changes_example_{example[0]}",
                      on_click=_example, args=example[1:])
    with st.container(border=True, key="changes_base"):
        st.markdown(f"**{t('teaching.changes.base')}**")
        before = common.profile_controls(kb, "changes", START)
    with st.container(border=True, key="changes_flip"):
        field = st.selectbox(t("teaching.changes.field"), FIELDS, key="changes_field",
                             format_func=lambda f: kb.inputs[f].label)
        st.session_state.setdefault("changes_to_her2", "low")
        values = SITE_VALUES if field == "site" else tuple(v for v in CONDITION_FIELDS[field] if v in kb.inputs[field].values)
        value = st.radio(t("teaching.changes.site_value" if field == "site" else "teaching.changes.value"), values,
                         horizontal=True, key=f"changes_to_{field}",
                         format_func=lambda v: common.value_label(kb, field, v))
    after = with_answer(before, field, value)
    st.markdown(t("teaching.changes.before_after", before=common.answers_in_words(kb, before),
                  after=common.answers_in_words(kb, after)))
    changes = changes_between(kb, before, after).options
    with st.container(key="changes_count"):
        st.markdown(t("teaching.changes.count", n=len(changes)) if changes else t("teaching.changes.none"))
    was = {v.result.id: v for v in why_and_why_not(kb, before)}
    now = {v.result.id: v for v in why_and_why_not(kb, after)}
    for kind in KINDS:
        mine = [c for c in changes if c.kind == kind]
        if mine:
            st.subheader(f"{t(f'teaching.changes.kinds.{kind}')} ({len(mine)})", anchor=False)
            for change in mine:
                card(kb, change, was[change.option_id], now[change.option_id], key=f"change_{change.option_id}")


def _example(before: dict[str, str], field: str, value: str) -> None:
    """An example chosen: its answers replace the page's, every other answer goes back to its start."""
    for key in [k for k in st.session_state if str(k).startswith("changes_")
                and not str(k).startswith("changes_example_")]:
        del st.session_state[key]
    st.session_state.update({f"changes_{f}": v for f, v in before.items()})
    st.session_state.update({"changes_field": field, f"changes_to_{field}": value})


def marks(change: Change) -> str:
    """How an option is shown before and after, as status marks: "— → ✓", "? → —"."""
    return f"{common.MARK[(change.before.status if change.before else HIDDEN)]} → " \
           f"{common.MARK[(change.after.status if change.after else HIDDEN)]}"


def card(kb: KnowledgeBase, change: Change, was, now, key: str) -> None:
    """One changed option: its marks, name and kind, the reason before and after, and its rule in words
    (``was`` and ``now`` are its :func:`knowledge.teaching.why_and_why_not` verdicts)."""
    option = now.result.option
    with st.container(border=True, key=key):
        st.markdown(f"**{marks(change)} {option.name}** · {kb.kinds[option.class_].name}  \n"
                    f"{t('teaching.changes.was', reason=why.reason(was, kb))}  \n"
                    f"{t('teaching.changes.now', reason=why.reason(now, kb))}")
        st.markdown(f"_{t('teaching.changes.rule')}_\n\n" + "\n".join(rule_in_words(option.when, kb)))
