"""Compare profiles: two to four sets of answers side by side, one row per kind of treatment.

The cells come from :func:`knowledge.teaching.compare` (the same summary as the subtype table); the
reason for each difference comes from :func:`knowledge.teaching.why_and_why_not`, as on Why and why not.
"""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase, Profile
from knowledge.teaching import PRESETS, compare, differs, subtype_key, why_and_why_not

from ..shared.text import t
from . import common, table, why

CUSTOM = "custom"
# The first profiles a teacher sees, as (hormone receptors, HER2) presets.
STARTS = (("negative", "zero"), ("positive", "low"), ("positive", "positive"), ("positive", "zero"))


def preset_answers(key: str) -> dict[str, object]:
    """Every answer of a preset: its receptors; everything else as the controls start."""
    hr, her2 = next(p for p in PRESETS if subtype_key(*p) == key)
    return {"hr": hr, "her2": her2}


def render(kb: KnowledgeBase) -> None:
    common.header("teaching.compare.heading", "teaching.compare.intro")
    _, place = common.present_mode()
    n = st.radio(t("teaching.compare.how_many"), (2, 3, 4), horizontal=True, key="compare_n")
    profiles = [_profile(kb, i) for i in range(n)]
    rows = compare(kb, profiles)
    columns = [t("teaching.compare.column", n=i + 1, name=common.subtype_label(kb, p.hr, p.her2))
               for i, p in enumerate(profiles)]
    marked = [differs(r) for r in rows]
    with place or st.container():
        table.show("compare_table", t("teaching.compare.caption"), t("teaching.compare.corner"), columns, [
            table.Row(kb.kinds[r["class"]].name + (f" {t('teaching.compare.differs')}" if m else ""),
                      tuple((common.cell_kind(c), common.cell_words(kb, c)) for c in r["cells"]), m)
            for r, m in zip(rows, marked)])
    st.subheader(t("teaching.compare.profiles_heading"), anchor=False)
    st.markdown("\n".join(f"{i}. {common.answers_in_words(kb, p)}" for i, p in enumerate(profiles, 1)))
    with st.container(key="compare_reasons"):
        st.subheader(t("teaching.compare.reasons_heading"), anchor=False)
        if not any(marked):
            st.markdown(t("teaching.compare.no_difference"))
            return
        verdicts = [why_and_why_not(kb, p) for p in profiles]
        for row, m in zip(rows, marked):
            if m:
                _reasons(kb, row["class"], columns, verdicts)


def _profile(kb: KnowledgeBase, i: int) -> Profile:
    prefix = f"compare{i}"
    presets = [subtype_key(*p) for p in PRESETS]
    names = {s.id: s.name for s in kb.vocabulary.subtypes}
    st.session_state.setdefault(f"{prefix}_preset", subtype_key(*STARTS[i]))
    with st.container(border=True, key=f"{prefix}_box"):
        st.markdown(f"**{t('teaching.compare.profile', n=i + 1)}**")
        st.selectbox(t("teaching.compare.start_from"), presets + [CUSTOM], key=f"{prefix}_preset",
                     format_func=lambda k: names.get(k, t("teaching.compare.custom")),
                     on_change=_apply_preset, args=(prefix,))
        with st.expander(t("teaching.compare.answers")):
            return common.profile_controls(kb, prefix, _start(st.session_state[f"{prefix}_preset"]))


def _start(preset: str) -> dict[str, object]:
    return {} if preset == CUSTOM else preset_answers(preset)


def _apply_preset(prefix: str) -> None:
    """A preset chosen: its answers replace the profile's, every other answer goes back to its start."""
    for key in [k for k in st.session_state if str(k).startswith(f"{prefix}_") and k != f"{prefix}_preset"]:
        del st.session_state[key]
    st.session_state.update({f"{prefix}_{field}": value
                             for field, value in _start(st.session_state[f"{prefix}_preset"]).items()})


def _reasons(kb: KnowledgeBase, option_class: str, columns: list[str], verdicts) -> None:
    """For one kind of treatment: per profile, each of its options that is not shown the same way everywhere."""
    mine = [[v for v in vs if v.result.option.class_ == option_class] for vs in verdicts]
    seen = [{v.result.id: (v.result.status, v.result.depends_on) for v in vs} for vs in mine]
    varying = {i for i in seen[0] if len({s[i] for s in seen}) > 1}
    with st.expander(t("teaching.compare.reason_for", kind=kb.kinds[option_class].name),
                     key=f"compare_reason_{option_class}"):
        for column, vs in zip(columns, mine):
            lines = [f"- {common.MARK[v.result.status]} **{v.result.option.name}**: {why.reason(v, kb)}"
                     for v in vs if v.result.id in varying]
            st.markdown(f"**{column}**\n\n" + "\n".join(lines))

