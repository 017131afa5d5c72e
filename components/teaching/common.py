"""Words shared by the teaching pages: class names, subtypes, statuses, rules and sources."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase, Profile
from knowledge.engine import CARE_TEAM
from knowledge.profile import (HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, MENOPAUSE_VALUES, SEX_VALUES,
                               SITE_VALUES, UNKNOWN)
from knowledge.schema import Source
from knowledge.teaching import answer_words, short_answer, subtype_name

from ..shared import settings
from ..shared.text import LANGUAGE, t

# Status mark shown next to every status word, so no meaning rests on colour alone.
MARK = {"applies": "✓", "conditional": "?", "hidden": "—"}


# Fixed text written here; nothing from answers or links goes in.
TEACHING_CSS = """
<style>
/* Teaching tables (components/teaching/table.py): the column headers and the row headers stay in
   view while the table scrolls inside its own box, sideways and down. */
.teach-scroll { overflow: auto; max-height: 75vh; border: 1px solid #c8c8c8; }
.teach-table { border-collapse: separate; border-spacing: 0; font-size: 0.9rem; margin: 0; }
.teach-table caption { caption-side: bottom; text-align: left; padding: 0.4rem; color: #3a3a3a; }
.teach-table th, .teach-table td { padding: 0.35rem 0.5rem; min-width: 7.5rem; vertical-align: top; text-align: left;
  border-right: 1px solid #d0d0d0; border-bottom: 1px solid #d0d0d0; color: #1a1a1a; }
.teach-table thead th { position: sticky; top: 0; z-index: 2; background: #ffffff; box-shadow: 0 2px 0 #9a9a9a; }
.teach-table tbody th { position: sticky; left: 0; z-index: 1; background: #ffffff; min-width: 11rem; font-weight: 600;
  box-shadow: 2px 0 0 #9a9a9a; }
.teach-table thead th:first-child { left: 0; z-index: 3; }
/* Colours per cell kind; every pair has a contrast of at least 7:1, and symbols and words carry the
   meaning without the colour. */
.teach-table td.k-applies { background: #d7f0dd; color: #0b3d1b; }
.teach-table td.k-conditional { background: #fff0bf; color: #4a3500; }
.teach-table td.k-none { background: #eeeeee; color: #3a3a3a; }
.st-key-evidence_table td:last-child { white-space: nowrap; }  /* review dates stay on one line */
/* A difference between profiles: a thick bar and bold words, as well as the words in its header. */
.teach-table tr.marked th { border-left: 6px solid #1d4f91; }
.teach-table tr.marked td { font-weight: 700; }
/* The teaching menu: large, clear links. */
.st-key-teaching_menu a, [class*="st-key-teaching_card_"] a { min-height: 48px; align-items: center; border: 1px solid #c8c8c8; border-radius: 8px;
  padding: 0 0.6rem; }
.st-key-teaching_menu a p { font-size: 1rem !important; }
[class*="st-key-teaching_card_"] a p { font-size: 1.15rem !important; font-weight: 600; }
/* Present mode's switch and the choice lists: touch targets of at least 48 pixels. */
.st-key-teach_controls label { min-height: 48px; align-items: center; }
[class*="st-key-compare"][class*="_preset"] button, .st-key-changes_field button { min-width: 48px; min-height: 48px; }
/* A keyboard focus ring on a table that scrolls sideways. */
.teach-scroll:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
/* Printing: wide tables across landscape pages, every column on the page, headers repeated on each
   page; menus, controls and buttons left out. */
@page { size: landscape; margin: 8mm; }
@media print {
  .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] { position: static !important;
    overflow: visible !important; height: auto !important; min-height: 0 !important; }
  .block-container, [data-testid="stMainBlockContainer"] { max-width: none !important; padding: 0 !important; }
  .st-key-teaching_menu, .st-key-controls, .st-key-teach_controls, .st-key-matrix_filters, [data-testid="stExpander"],
  .stDownloadButton, .st-key-compare_n, [class*="st-key-compare"][class*="_box"], .st-key-compare_reasons,
  .st-key-teaching_intro,
  [data-testid="stElementToolbar"] { display: none !important; }
  .teach-scroll { overflow: visible !important; max-height: none !important; border: 0; }
  .teach-table { width: 100%; table-layout: fixed; font-size: 6.5pt; }
  .st-key-compare_table .teach-table { font-size: 7.5pt; }  /* two to four columns: room for larger type */
  .st-key-evidence_table .teach-table { font-size: 9pt; }
  .teach-table thead th:first-child { width: 12%; }
  .block-container h1 { font-size: 16pt !important; padding: 0 !important; }
  .block-container h2, .block-container h3 { font-size: 12pt !important; padding: 0 !important; }
  .block-container [data-testid="stMarkdownContainer"] p, .block-container [data-testid="stMarkdownContainer"] li
    { font-size: 10pt !important; line-height: 1.25 !important; }
  .block-container [data-testid="stMarkdownContainer"] p { margin: 0 !important; }
  .block-container [data-testid="stVerticalBlock"] { gap: 0.4rem !important; }
  .teach-table th, .teach-table td { position: static !important; min-width: 0 !important; padding: 2px 2px; line-height: 1.2;
    overflow-wrap: break-word; hyphens: auto; box-shadow: none !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .teach-table thead { display: table-header-group; }
  .teach-table tr { break-inside: avoid; }
}
</style>
"""

# Present mode: the page uses the full width of the screen, the table comes right under the title and
# fills the rest of the screen, in large type; the menu and the introduction step aside.
PRESENT_CSS = """
<style>
.block-container, [data-testid="stMainBlockContainer"] { max-width: none !important; padding-left: 1.5rem !important;
  padding-right: 1.5rem !important; }
.st-key-teaching_menu, .st-key-teaching_intro { display: none !important; }
.block-container h1 { font-size: 1.8rem !important; padding: 0 !important; }
.teach-table { font-size: 1.3rem; }
.teach-table th, .teach-table td { min-width: 9rem; }
.teach-table tbody th { min-width: 22rem; }
.teach-scroll { max-height: calc(100vh - 12.5rem); }
</style>
"""


def style() -> None:
    st.html(TEACHING_CSS)


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
    with st.container(key="teaching_intro"):
        st.caption(t("teaching.note"))
        st.markdown(t(intro_key))


def present_mode():
    """Present mode's switch for the page's teaching table: full width, large type, the table filling the screen.

    Returns (on, place): in present mode the table goes into ``place``, kept right under the title
    and above the switch and the page's controls; otherwise ``place`` is None and the page draws the
    table where it stands.
    """
    on = bool(st.session_state.get("teaching_present"))
    place = st.container()  # always made, so the switch keeps its place on the page when it is turned on
    with st.container(key="teach_controls"):
        st.toggle(t("teaching.present"), key="teaching_present")
        st.caption(t("teaching.present_help"))
    if on:
        st.html(PRESENT_CSS)
    return on, place if on else None


def value_label(kb: KnowledgeBase, field: str, value: str) -> str:
    """An answer's label from the content ("I'm not sure" for unknown, as the explainer says it)."""
    return answer_words(kb, field, value)


def exact_answers(kb: KnowledgeBase, hr: str, her2: str) -> str:
    return t("teaching.subtype", hr_label=kb.inputs["hr"].label, hr=value_label(kb, "hr", hr),
             her2_label=kb.inputs["her2"].label, her2=value_label(kb, "her2", her2))


def subtype_label(kb: KnowledgeBase, hr: str, her2: str) -> str:
    """The subtype's name next to the exact answers: "Triple-negative (HER2 0) · Hormone receptors: negative; …"."""
    name = subtype_name(kb, hr, her2)
    exact = exact_answers(kb, hr, her2)
    return f"{name} · {exact}" if name else exact


def cell_words(kb: KnowledgeBase, cell: str) -> str:
    """A raw matrix cell (``applies``, ``conditional:marker:esr1+menopause``, ``""``) in the page's words."""
    if cell == "applies":
        return t("teaching.cell.applies")
    if cell.startswith("conditional:"):
        names = cell.split(":", 1)[1].split("+")
        return t("teaching.cell.conditional", inputs=", ".join(short_answer(kb, n) for n in names))
    return t("teaching.cell.none")


def cell_kind(cell: str) -> str:
    """``applies``, ``conditional`` or ``""`` (not used) for one raw matrix cell."""
    return cell.split(":", 1)[0]


def profile_controls(kb: KnowledgeBase, prefix: str, start: dict[str, object] | None = None) -> Profile:
    """Any answers, chosen with the same kinds of controls as the explainer (large radio buttons).

    Each control keeps its value under ``<prefix>_<field>``; ``start`` gives the first values
    (hormone receptors and HER2 positive, everything else not sure, unless it says otherwise).
    """
    start = {"hr": HR_VALUES[0], "her2": HER2_VALUES[0], "sites": [], "sex": "female", "menopause": UNKNOWN,
             **{m: UNKNOWN for m in MARKERS}, **(start or {})}
    for field, value in start.items():
        st.session_state.setdefault(f"{prefix}_{field}", value)

    def choice(field: str, values: tuple[str, ...], disabled: bool = False) -> str:
        return st.radio(kb.inputs[field].label, values, horizontal=True, disabled=disabled,
                        format_func=lambda v: value_label(kb, field, v), key=f"{prefix}_{field}")

    hr = choice("hr", HR_VALUES)
    her2 = choice("her2", HER2_VALUES)
    sites = st.pills(kb.inputs["site"].label, list(SITE_VALUES), selection_mode="multi",
                     format_func=lambda v: value_label(kb, "site", v), key=f"{prefix}_sites") or []
    sex = choice("sex", SEX_VALUES)
    menopause = choice("menopause", MENOPAUSE_VALUES, disabled=sex == "male")
    with st.expander(t("teaching.why.markers")):
        markers = {m: choice(m, MARKER_VALUES) for m in MARKERS}
    return Profile.create(hr=hr, her2=her2, sites=sites, menopause=menopause, sex=sex, markers=markers)


def answers_in_words(kb: KnowledgeBase, profile: Profile) -> str:
    """Every answer that is not "not sure", in words: the subtype's name and receptors first, then the rest."""
    p = profile.to_dict()
    parts = [subtype_label(kb, profile.hr, profile.her2)]
    if p["sites"]:
        parts.append(f"{kb.inputs['site'].label}: " + ", ".join(value_label(kb, "site", s) for s in p["sites"]))
    parts.append(f"{kb.inputs['sex'].label}: {value_label(kb, 'sex', profile.sex)}")
    if profile.sex != "male":
        parts.append(f"{kb.inputs['menopause'].label}: {value_label(kb, 'menopause', profile.menopause)}")
    parts += [f"{kb.inputs[m].label}: {value_label(kb, m, v)}" for m, v in p["markers"].items() if v != UNKNOWN]
    return "; ".join(parts)


def field_of(input_name: str) -> str:
    """``marker:esr1`` -> ``esr1``: the engine's name for an answer, as the content keys it."""
    return input_name.removeprefix("marker:")


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

