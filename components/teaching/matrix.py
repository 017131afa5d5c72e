"""Subtypes side by side: every HR x HER2 subtype against every kind of treatment.

The cells come from :func:`knowledge.teaching.subtype_matrix`; this module only puts them
into words, colours and symbols, and offers the same CSV as ``python -m knowledge matrix --csv``.
"""

from __future__ import annotations

import csv
import io
from typing import Iterable

import pandas as pd
import streamlit as st

from knowledge import KnowledgeBase
from knowledge.engine import CARE_TEAM
from knowledge.profile import MARKERS, MENOPAUSE_VALUES, SEX_VALUES, SITE_VALUES, UNKNOWN
from knowledge.schema import OPTION_CLASSES
from knowledge.teaching import subtype_matrix

from ..text import t
from . import common

# Background and text colours per cell kind; every pair has a contrast of at least 7:1,
# and the symbol and words carry the meaning without the colour.
COLOURS = {"applies": ("#d7f0dd", "#0b3d1b"), "conditional": ("#fff0bf", "#4a3500"), "": ("#eeeeee", "#3a3a3a")}


def matrix_csv(rows: list[dict[str, str]]) -> str:
    """The table exactly as ``python -m knowledge matrix --csv`` prints it."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def kind(cell: str) -> str:
    """``applies``, ``conditional`` or ``""`` (not used) for one raw matrix cell."""
    return cell.split(":", 1)[0]


def cell_words(cell: str) -> str:
    """A raw cell (``applies``, ``conditional:marker:esr1+menopause``, ``""``) in words, with its symbol."""
    if cell == "applies":
        return t("teaching.cell.applies")
    if cell.startswith("conditional:"):
        names = cell.split(":", 1)[1].split("+")
        return t("teaching.cell.conditional", inputs=", ".join(common.input_short(n) for n in names))
    return t("teaching.cell.none")


def display_frame(kb: KnowledgeBase, rows: list[dict[str, str]]) -> pd.DataFrame:
    """Rows labelled with the subtype in words, columns with the kind of treatment in words."""
    frame = pd.DataFrame(
        [[cell_words(row[c]) for c in OPTION_CLASSES] for row in rows],
        index=pd.Index([common.subtype_label(kb, r["hr"], r["her2"]) for r in rows],
                       name=t("teaching.matrix.row_header")),
        columns=[common.class_name(c) for c in OPTION_CLASSES],
    )
    return frame


def styled(frame: pd.DataFrame, rows: list[dict[str, str]]):
    raw = pd.DataFrame([[kind(row[c]) for c in OPTION_CLASSES] for row in rows], index=frame.index,
                       columns=frame.columns)
    css = raw.map(lambda k: f"background-color: {COLOURS[k][0]}; color: {COLOURS[k][1]}")
    return frame.style.apply(lambda _: css, axis=None)


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.matrix.heading", "teaching.matrix.intro")
    sites, menopause, sex = _filters(kb)
    rows = subtype_matrix(kb, sites=sites, menopause=menopause, sex=sex)
    st.subheader(t("teaching.matrix.legend_heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in t("teaching.matrix.legend")))
    used = sorted({n for r in rows for c in OPTION_CLASSES if kind(r[c]) == "conditional"
                   for n in r[c].split(":", 1)[1].split("+")}, key=list(_input_names()).index)
    if used:
        st.markdown(t("teaching.matrix.legend_inputs") + "\n\n" + "\n".join(
            f"- {_input_words(kb, n)}" for n in used))
    st.caption(t("teaching.matrix.scroll"))
    frame = display_frame(kb, rows)
    with st.container(key="subtype_matrix"):
        st.table(styled(frame, rows))
        st.caption(_caption(kb, sites, menopause, sex))
    common.scrollable_tables()
    st.download_button(t("teaching.matrix.download"), data=matrix_csv(rows), file_name=t("teaching.matrix.file_name"),
                       mime="text/csv", icon="⬇️", key="matrix_csv", help=t("teaching.matrix.download_help"))


def _input_words(kb: KnowledgeBase, name: str) -> str:
    short, full = common.input_short(name), common.input_label(kb, name)
    return full if short.lower() == full.lower() else f"{short}: {full}"


def _input_names() -> Iterable[str]:
    return ["hr", "her2", "site", "menopause", "sex"] + [f"marker:{m}" for m in MARKERS] + [CARE_TEAM]


def _filters(kb: KnowledgeBase) -> tuple[list[str], str, str]:
    with st.container(border=True, key="matrix_filters"):
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
    places = ", ".join(common.value_label(kb, "site", s) for s in sites) or t("teaching.any_site")
    meno = "—" if sex == "male" else common.value_label(kb, "menopause", menopause)
    return t("teaching.matrix.table_caption", sites=places, menopause=meno, sex=common.value_label(kb, "sex", sex))
