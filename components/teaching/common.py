"""Words shared by the teaching pages: class names, subtypes, statuses, rules and sources."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.engine import CARE_TEAM
from knowledge.schema import Source

from .. import settings
from ..text import LANGUAGE, t

# Status mark shown next to every status word, so no meaning rests on colour alone.
MARK = {"applies": "✓", "conditional": "?", "hidden": "—"}


# Fixed text written here; nothing from answers or links goes in.
TEACHING_CSS = """
<style>
/* Tables: readable at tablet size, at least 18px, long rows wrap instead of stretching. */
.st-key-subtype_matrix table, .st-key-evidence_table table { font-size: 0.9rem; }
.st-key-subtype_matrix th, .st-key-subtype_matrix td { min-width: 7.5rem; vertical-align: top; }
.st-key-subtype_matrix tbody th { min-width: 11rem; font-weight: 600; }
.st-key-evidence_table td, .st-key-evidence_table th { vertical-align: top; }
.st-key-evidence_table tbody th { min-width: 12rem; font-weight: 600; }
.st-key-evidence_table td:last-child, .st-key-evidence_table td:last-child * { white-space: nowrap !important; }
/* Headers in the body's own dark text, not a pale grey. */
.st-key-subtype_matrix th, .st-key-subtype_matrix th *, .st-key-evidence_table th, .st-key-evidence_table th *
  { color: #1a1a1a !important; }
/* The subtype stays in view while the table scrolls sideways. */
.st-key-subtype_matrix tbody th, .st-key-subtype_matrix thead th:first-child
  { position: sticky; left: 0; z-index: 1; background: #ffffff; box-shadow: 2px 0 0 #d0d0d0; }
/* The teaching menu: large, clear links. */
.st-key-teaching_menu a, [class*="st-key-teaching_card_"] a { min-height: 48px; align-items: center; border: 1px solid #c8c8c8; border-radius: 8px;
  padding: 0 0.6rem; }
.st-key-teaching_menu a p { font-size: 1rem !important; }
[class*="st-key-teaching_card_"] a p { font-size: 1.15rem !important; font-weight: 600; }
/* A keyboard focus ring on a table that scrolls sideways. */
[data-teaching-scroll]:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
</style>
"""

# A table wider than the screen scrolls sideways: keyboard users must be able to reach and scroll
# it (WCAG 2.1.1), so each scrolling box in a marked table container gets tabindex=0, a region role
# and the caption under the table (in the same container) as its name. Fixed text; the name comes from the page's own caption.
SCROLL_SCRIPT = """<script>
(() => {
  const mark = () => {
    document.querySelectorAll('[class*="st-key-subtype_matrix"], [class*="st-key-evidence_table"]').forEach((box) => {
      box.querySelectorAll('*').forEach((e) => {
        const x = getComputedStyle(e).overflowX;
        if ((x === 'auto' || x === 'scroll') && !e.hasAttribute('data-teaching-scroll')) {
          e.setAttribute('data-teaching-scroll', '');
          e.setAttribute('tabindex', '0');
          e.setAttribute('role', 'region');
          const cap = box.querySelector('[data-testid="stCaptionContainer"]');
          e.setAttribute('aria-label', (cap && cap.innerText.trim()) || document.title);
        }
      });
    });
  };
  mark();
  if (!window.__teachingScrollObserver) {
    window.__teachingScrollObserver = new MutationObserver(mark);
    window.__teachingScrollObserver.observe(document.body, {childList: true, subtree: true});
  }
})();
</script>"""


def style() -> None:
    st.html(TEACHING_CSS)


def scrollable_tables() -> None:
    st.html(SCROLL_SCRIPT, unsafe_allow_javascript=True)


def guard() -> None:
    """Teaching pages never draw on a kiosk (they are not registered there either)."""
    if settings.kiosk():
        st.stop()


def menu() -> None:
    """Links to every teaching page (the page list shows only "For teachers")."""
    from . import PAGES, page_path

    with st.container(horizontal=True, key="teaching_menu", gap="small"):
        for file, title, icon, _ in PAGES:
            st.page_link(page_path(file), label=t(title), icon=icon)


def header(title_key: str, intro_key: str) -> None:
    guard()
    style()
    menu()
    st.title(t(title_key), anchor=False)
    st.caption(t("teaching.note"))
    st.markdown(t(intro_key))


def class_name(option_class: str) -> str:
    return t(f"teaching.classes.{option_class}")


def value_label(kb: KnowledgeBase, field: str, value: str) -> str:
    """An answer's label from the content ("not sure" for unknown, as the explainer says it)."""
    entry = kb.inputs[field]
    return entry.values[value].label if value in entry.values else t("steps.not_sure_label")


def subtype_label(kb: KnowledgeBase, hr: str, her2: str) -> str:
    return t("teaching.subtype", hr_label=kb.inputs["hr"].label, hr=value_label(kb, "hr", hr),
             her2_label=kb.inputs["her2"].label, her2=value_label(kb, "her2", her2))


def field_of(input_name: str) -> str:
    """``marker:esr1`` -> ``esr1``: the engine's name for an answer, as the content keys it."""
    return input_name.removeprefix("marker:")


def input_short(input_name: str) -> str:
    return t(f"teaching.inputs_short.{field_of(input_name)}")


def input_label(kb: KnowledgeBase, input_name: str) -> str:
    if input_name == CARE_TEAM:  # no answer in the app decides it: the rule set's ask_team reasons do
        return t("teaching.care_team")
    return kb.inputs[field_of(input_name)].label


def status_words(status: str) -> str:
    return f"{MARK[status]} {t(f'teaching.status.{status}')}"


def source_line(source: Source, with_kind: bool = True) -> str:
    """A source with title, publisher and date; a link outside kiosk mode."""
    title = source.title if settings.kiosk() else f"[{source.title}]({source.url})"
    if not with_kind:
        return f"{title}, {source.publisher}, {source.date}"
    return t("teaching.evidence.source_line", title=title, publisher=source.publisher, date=source.date,
             kind=t(f"teaching.evidence.kinds.{source.kind}"))


def option_file(kb: KnowledgeBase, option_id: str) -> str:
    """Where an option's rule is written, as a content editor finds it: ``options/endocrine.yaml``."""
    return "options/" + kb.option_files.get(option_id, "").replace("\\", "/").rsplit("/", 1)[-1]


def english_note(kb: KnowledgeBase) -> None:
    if kb.lang != LANGUAGE:
        st.caption(t("teaching.evidence.english_only"))

