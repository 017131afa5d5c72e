"""Words shared by the teaching pages: class names, subtypes, statuses, rules and sources."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase, Profile
from knowledge.engine import CARE_TEAM
from knowledge.profile import (HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, MENOPAUSE_VALUES, SEX_VALUES,
                               SITE_VALUES, UNKNOWN)
from knowledge.schema import Source
from knowledge.teaching import answer_words, short_answer, subtype_name

from ..shared import assets, settings
from ..shared.text import LANGUAGE, t

# Status mark shown next to every status word, so no meaning rests on colour alone.
MARK = {"applies": "✓", "conditional": "?", "hidden": "—"}


# Fixed text written here; nothing from answers or links goes in.
TEACHING_CSS = assets.style("teaching/teaching.css")

# Present mode: the page uses the full width of the screen, the table comes right under the title and
# fills the rest of the screen, in large type; the menu and the introduction step aside.
PRESENT_CSS = assets.style("teaching/present.css")


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
        return t("teaching.cell.conditional", inputs=cell_inputs(kb, cell))
    return t("teaching.cell.none")


def cell_inputs(kb: KnowledgeBase, cell: str) -> str:
    """The answers an "only if" cell waits on, in the page's words: "care team's view, ESR1, menopause"."""
    return ", ".join(short_answer(kb, n) for n in cell.split(":", 1)[1].split("+"))


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

