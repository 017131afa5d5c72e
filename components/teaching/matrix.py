"""Subtypes side by side: every HR x HER2 subtype against every kind of treatment.

The cells come from :func:`knowledge.teaching.subtype_matrix`; this module only puts them
into words, colours and symbols, and offers the same CSV files as ``python -m knowledge matrix --csv``
(readable, in the chosen language) and ``--csv --codes`` (machine codes).
"""

from __future__ import annotations

from html import escape
from string import ascii_uppercase

import pandas as pd
import streamlit as st

from knowledge import APPLIES, CONDITIONAL, HIDDEN, KnowledgeBase
from knowledge.gate import INPUT_ORDER
from knowledge.profile import MENOPAUSE_VALUES, SEX_VALUES, SITE_VALUES, UNKNOWN
from knowledge.teaching import matrix_csv, readable_csv, short_answer, subtype_matrix, subtype_name, table_filters

from ..shared.text import t
from . import common, export, table


def display_frame(kb: KnowledgeBase, rows: list[dict[str, str]]) -> pd.DataFrame:
    """Rows labelled with the subtype's name and exact answers, columns with the kind of treatment in words."""
    return pd.DataFrame(
        [[common.cell_words(kb, row[c]) for c in kb.kinds] for row in rows],
        index=pd.Index([common.subtype_label(kb, r["hr"], r["her2"]) for r in rows],
                       name=kb.vocabulary.table.row_header),
        columns=[kind.name for kind in kb.kinds.values()],
    )


def table_rows(kb: KnowledgeBase, frame: pd.DataFrame, rows: list[dict[str, str]]) -> list[table.Row]:
    return [table.Row(label, tuple((common.cell_kind(row[c]), words) for c, words in zip(kb.kinds, cells)))
            for (label, cells), row in zip(frame.iterrows(), rows)]


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.matrix.heading", "teaching.matrix.intro")
    present, place = common.present_mode()
    sites, menopause, sex = _filters(kb, present)
    rows = subtype_matrix(kb, sites=sites, menopause=menopause, sex=sex)
    frame = display_frame(kb, rows)
    caption = _caption(kb, sites, menopause, sex)
    if not present:
        _legend(kb, rows)
        st.caption(t("teaching.matrix.scroll"))
    with place or st.container():
        if present:
            _present(kb, rows, caption, frame.index.name)
        else:
            table.show("subtype_matrix", caption, frame.index.name, list(frame.columns), table_rows(kb, frame, rows))
    with st.container(horizontal=True, key="matrix_downloads"):
        st.download_button(t("teaching.matrix.download"), icon="⬇️", key="matrix_csv", mime="text/csv",
                           data=readable_csv(kb, rows, sites, menopause, sex),
                           file_name=export.file_name(kb, sites, menopause, sex), help=t("teaching.matrix.download_help"))
        st.download_button(t("teaching.matrix.download_xlsx"), icon="⬇️", key="matrix_xlsx",
                           mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           data=export.readable_xlsx(kb, rows, sites, menopause, sex),
                           file_name=export.file_name(kb, sites, menopause, sex, suffix="xlsx"),
                           help=t("teaching.matrix.download_xlsx_help"))
        st.download_button(t("teaching.matrix.download_codes"), icon="⬇️", key="matrix_codes", mime="text/csv",
                           data=matrix_csv(rows), file_name=export.file_name(kb, sites, menopause, sex, codes=True),
                           help=t("teaching.matrix.download_codes_help"))


def letters(kb: KnowledgeBase, rows: list[dict[str, str]]) -> dict[str, str]:
    """Present mode: a letter (A, B, ...) for each different "only if" cell, in the order the table reads."""
    found: dict[str, str] = {}
    for row in rows:
        for c in kb.kinds:
            if common.cell_kind(row[c]) == CONDITIONAL:
                found.setdefault(row[c], _letter(len(found)))
    return found


def _letter(n: int) -> str:
    return ascii_uppercase[n] if n < 26 else _letter(n // 26 - 1) + ascii_uppercase[n % 26]


def present_rows(kb: KnowledgeBase, rows: list[dict[str, str]], marks: dict[str, str]) -> list[table.Row]:
    """Present mode's rows: each subtype by its teaching name, each cell by its mark (✓, —, or ? with the
    letter of the answers it waits on), so every subtype and every kind of treatment fit one screen."""
    def cell(raw: str) -> tuple[str, str]:
        kind = common.cell_kind(raw)
        if kind == CONDITIONAL:
            return kind, f"{common.MARK[CONDITIONAL]} {marks[raw]}"
        return kind, common.MARK[APPLIES if kind else HIDDEN]

    return [table.Row(subtype_name(kb, r["hr"], r["her2"]) or common.exact_answers(kb, r["hr"], r["her2"]),
                      tuple(cell(r[c]) for c in kb.kinds)) for r in rows]


def _present(kb: KnowledgeBase, rows: list[dict[str, str]], caption: str, corner: str) -> None:
    """The whole table on one projector screen, with the key to its marks and letters under it."""
    marks = letters(kb, rows)
    table.show("subtype_matrix", caption, corner, [k.name for k in kb.kinds.values()], present_rows(kb, rows, marks),
               compact=True)
    key = " · ".join([t("teaching.cell.applies"), t("teaching.cell.none")] + [
        t("teaching.matrix.letter_key", letter=letter, inputs=common.cell_inputs(kb, cell)) for cell, letter in marks.items()])
    with st.container(key="matrix_key"):
        st.html(f'<p class="teach-key">{escape(key)}</p>')


def _legend(kb: KnowledgeBase, rows: list[dict[str, str]]) -> None:
    st.subheader(t("teaching.matrix.legend_heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in t("teaching.matrix.legend")))
    used = sorted({n for r in rows for c in kb.kinds if common.cell_kind(r[c]) == "conditional"
                   for n in r[c].split(":", 1)[1].split("+")}, key=INPUT_ORDER.index)
    if used:
        st.markdown(t("teaching.matrix.legend_inputs") + "\n\n" + "\n".join(
            f"- {_input_words(kb, n)}" for n in used))


def _input_words(kb: KnowledgeBase, name: str) -> str:
    short, full = short_answer(kb, name), common.input_label(kb, name)
    return full if short.lower() == full.lower() else f"{short}: {full}"


def _filters(kb: KnowledgeBase, present: bool) -> tuple[list[str], str, str]:
    """The filters; folded away in present mode, so the table fills the screen."""
    box = (st.expander(t("teaching.matrix.filters"), key="matrix_filters_folded") if present
           else st.container(border=True, key="matrix_filters"))
    with box:
        if not present:
            st.markdown(f"**{t('teaching.matrix.filters')}**")
        picked = st.pills(t("teaching.matrix.sites"), options=list(SITE_VALUES), selection_mode="multi",
                          format_func=lambda s: common.value_label(kb, "site", s), key="matrix_sites")
        sex = st.radio(t("teaching.matrix.sex"), options=list(SEX_VALUES), horizontal=True,
                       format_func=lambda v: common.value_label(kb, "sex", v), key="matrix_sex")
        menopause = st.radio(t("teaching.matrix.menopause"), options=list(MENOPAUSE_VALUES), horizontal=True,
                             index=MENOPAUSE_VALUES.index(UNKNOWN), disabled=sex == "male",
                             format_func=lambda v: common.value_label(kb, "menopause", v), key="matrix_menopause")
    sites = [s for s in SITE_VALUES if s in (picked or [])]
    return sites, menopause, sex


def _caption(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str) -> str:
    (_, places), (_, meno), (_, sex_words) = table_filters(kb, sites, menopause, sex)
    return t("teaching.matrix.table_caption", sites=places, menopause=meno, sex=sex_words)
