"""The results screen, in the reader's order, short enough to finish before the nurse calls.

The first screen answers: what this means and what treatment aims to do, what often comes first
for cancers like hers (or, when the receptor results are not known, which results decide most
of this and where they are), when to get help right away (two tiers that look different: red,
call the emergency number now; amber, call the care team today), and what she entered.

Below it, an "On this page" row, then (for a reader not sure of her results) the card to show
the nurse. Then what helps her act, before the long list: support (and, for someone who cares for
her, a card of their own), with practical help for the ways her treatments are given folded under
it, her questions for the visit, "Check what I understood" (folded; three questions from her own
results, teach_back.py) and the take-home; every warning sign beside her places on a body outline;
and last the treatments, each timing group a heading over one line per treatment. A card opens on tap and is drawn only then; its evidence (sources, approvals,
Europe, research, review dates, the rule) is one more tap inside it (components/explainer/option_card.py).
"""

from __future__ import annotations

import os
from html import escape

import streamlit as st

from knowledge import KnowledgeBase, explain, missing_results, tier_headings
from knowledge.approvals import checked_sentence
from knowledge.profile import UNKNOWN

from ..shared import assets, listen, reader, settings, state
from ..shared.grouping import group
from ..shared.summary import answer_words, place_words
from ..shared.text import punctuate, t
from ..take_home import takehome, visit
from ..take_home.printable import first_sentence
from . import option_card, practical, sites, teach_back, treatments
from .notes import show_notes

CLINIC_PHONE_ENV = "EXPLAINER_CLINIC_PHONE"
FIRST_SCREEN_OPTIONS = 3  # at most this many names under "often one of the first treatments"
SHORT_SIGNS = 2  # per tier on the first screen; every sign is further down
TIER_LOOK = {"emergency": (st.error, "🚑"), "today": (st.warning, "📞")}  # red and amber, each with its own icon
SECTIONS = ("support", "my-questions", "warning-signs", "treatments")  # the "On this page" row, in page order
# A tap on a treatment's name on the first screen goes to its card and opens it: if its group is
# folded, the group's switch is pressed first and the card waited for. One listener on the
# document, installed once; fixed text, nothing from answers or links goes in.
_OPEN_CARD = assets.script("explainer/open_card.js")


def render(kb: KnowledgeBase) -> None:
    profile = state.profile()
    explanation = explain(profile, kb)
    groups = group(explanation)
    with st.container(key="disclaimer_top"):  # short here; the whole notice closes the page
        st.markdown(f'<p class="notice-short">ℹ️ {escape(t("results.notice_short"))}</p>', unsafe_allow_html=True)
    st.title(t("results.heading"), anchor=False)
    _meaning(kb)
    unsure = profile.hr == UNKNOWN or profile.her2 == UNKNOWN
    if unsure:
        _unsure()
    else:
        _often_first(groups)
    _get_help(kb, explanation)
    _entered(kb)
    st.html(_OPEN_CARD, unsafe_allow_javascript=True)
    show_notes(loaded=False)  # a link that opened these results needs no note; a part left out does
    _on_this_page()
    if unsure:  # the best help for a reader not sure of her results comes right after the first screen
        nurse_card(kb, explanation)
    _support(kb)
    practical.render(kb, explanation)
    if reader.caring():
        carer_card(kb)
    _anchor("my-questions")
    visit.render(kb, explanation)
    teach_back.render(kb, explanation)  # "Check what I understood", folded: easy to skip
    takehome.render(kb, explanation)  # print and the QR code, once the questions are chosen
    _anchor("warning-signs")
    sites.render(explanation, kb)
    _anchor("treatments")
    treatments.render(kb, explanation)
    _anchor("notice")
    with st.container(key="disclaimer_bottom"):  # the whole notice, and when approvals were checked
        st.info(f"{explanation.disclaimer}  \n{checked_sentence(kb)}", icon="ℹ️")
    st.button(t("results.change"), icon="✏️", key=state.key("change"), on_click=state.go, args=(state.STEPS[0],))


def _anchor(name: str) -> None:
    st.markdown(f'<span id="{name}"></span>', unsafe_allow_html=True)


def _meaning(kb: KnowledgeBase) -> None:
    """Who this is for and what treatment for stage 4 aims to do; for a man, what is different."""
    answers = state.answers()
    with st.container(border=True, key="summary"):
        who = kb.inputs["sex"].values[answers["sex"]].label
        with st.container(horizontal=True, vertical_alignment="center", gap="small", key="showing_for"):
            st.markdown(f"**{t('results.showing_for', who=who)}**", width="content")
            st.button(t("results.change_who"), key=state.key("change_who"), type="tertiary",
                      on_click=state.go, args=(state.STEPS[0],))
            listen.control("summary", t("results.heading"))  # in a row that is there anyway: no taller screen
        if answers["sex"] == "male":  # what is different for men: its first sentence here, the rest in his cards
            st.markdown(escape(first_sentence(kb.meta.men_note)), unsafe_allow_html=True)
        aims = kb.support.aims_for(reader.current())
        aim = first_sentence(aims)  # on a phone the first sentence alone, so the signs stay in view
        rest = aims.removeprefix(aim).strip()
        st.markdown(f'<p>{escape(aim)}<span class="aims-rest"> {escape(rest)}</span></p>', unsafe_allow_html=True)


def _entered(kb: KnowledgeBase) -> None:
    """What was entered, every "not sure" named: after the signs, so a phone shows the signs first.
    (For a man, the rest of what is different for men is in his treatments' cards and on the printout.)"""
    answers = state.answers()
    places = place_words(kb, answers)
    said = "; ".join(answer_words(kb, answers, with_sex=False))
    where = t("results.summary_places", places=", ".join(places)) if places else t("results.summary_places_none")
    st.markdown(f'<p class="you-said">{escape(t("results.summary_entered", answers=said))} {escape(where)}</p>',
                unsafe_allow_html=True)


def _often_first(groups) -> None:
    """The one to three treatments usually met first, each with every way it is given and a tap to its card."""
    first = groups["first"][:FIRST_SCREEN_OPTIONS]
    if not first:
        return
    with st.container(key="often_first"):
        st.subheader(t("results.first_heading"), anchor=False)
        st.markdown("\n".join(first_line(r.option, "first") for r in first), unsafe_allow_html=True)


def first_line(option, group_name: str) -> str:
    """A treatment in one line: its pictures, its name (a tap opens its card), what it is, how it is given."""
    return punctuate(f'<p class="first-option">{option_card.way_pictures(option)}<span>'
                     f'<a href="#treatments" data-card="{option.id}" data-group="{group_name}">{escape(option.heading)}</a>: '
                     f'{escape(option.plain)}. '
                     f'<span class="way-words">{escape(option_card.way_words(option, capital=True))}.</span></span></p>')


def _unsure() -> None:
    """Never an empty first screen: which results decide most of this, and where they are."""
    _anchor("two-results")
    with st.container(border=True, key="unsure"):
        st.subheader(t("results.unsure_heading"), anchor=False)
        st.markdown(t("results.unsure_text"))
        st.button(t("results.unsure_find"), key=state.key("unsure_find"), on_click=state.go, args=("hr",))


def _get_help(kb: KnowledgeBase, explanation) -> None:
    """The most important warning signs for her places of spread, in the two tiers; every sign
    is further down, under "Warning signs"."""
    headings = tier_headings(kb)
    who = reader.current()
    parts = [s.site.signs(who) for s in explanation.sites] + [explanation.general_signs(who)]
    with st.container(key="help_first"):
        st.subheader(t("results.help_heading"), anchor=False)
        columns = st.columns(2)  # side by side on a tablet, one under the other on a phone
        for column, tier in zip(columns, ("emergency", "today")):
            signs = list(dict.fromkeys(first_sentence(sign) for p in parts for sign in getattr(p, tier)[:1]))
            signs = signs[:SHORT_SIGNS]
            if signs:
                box, icon = TIER_LOOK[tier]
                with column, st.container(key=f"tier_{tier}"):
                    box(f"**{headings[tier]}**\n" + "".join(f"\n- {s}" for s in signs), icon=icon)
        st.markdown(f"[{t('results.help_all')}](#warning-signs)")


def _on_this_page() -> None:
    """Links to each part of the page, in its order, so nothing needed is far down."""
    links = "".join(f'<a href="#{name}">{escape(t(f"results.jump.{name}"))}</a>' for name in SECTIONS)
    st.markdown(f'<nav class="on-this-page" aria-label="{escape(t("results.jump_label"))}">'
                f'<span>{escape(t("results.jump_label"))}:</span>{links}</nav>', unsafe_allow_html=True)


def _support(kb: KnowledgeBase) -> None:
    """What supportive and palliative care are, and who to call: sourced and dated (sources one tap away)."""
    support = kb.support
    _anchor("support")
    with st.container(key="support"):
        st.header(t("results.support_heading"), anchor=False)
        st.markdown(support.care)
        phone = os.environ.get(CLINIC_PHONE_ENV, "").strip()
        lines = [t("results.clinic_phone", phone=escape(phone[:40]))] if phone else []
        for helpline in support.helplines:
            name = helpline.name if settings.kiosk() else f"[{helpline.name}]({helpline.url})"
            lines.append(f"**{name}**: {helpline.what}")
        st.markdown("\n".join(f"- {line}" for line in lines))
        men = kb.meta.men_note_sources if state.answers()["sex"] == "male" else []
        cited = dict.fromkeys([*support.care_sources, *support.aims_sources, *men,
                               *(s for h in support.helplines for s in h.sources)])
        with st.expander(t("results.where_from")), st.container(key="in_english_support_sources"):
            st.caption("; ".join(f"{kb.sources[s].publisher} ({kb.sources[s].date})" for s in cited))


def carer_card(kb: KnowledgeBase) -> None:
    """For someone who cares for the person: how to help at a visit, looking after themselves, and
    support lines for carers (sourced and dated, sources one tap away). Right after Support, folded
    like Practical help, so the page stays short: drawn only once opened."""
    with st.container(key="carer_card"):
        with st.expander(t("carer_card.heading"), icon="🤝", key=state.key("carer_card"), on_change="rerun") as box:
            if box.open:
                _carer_inside(kb)


def _carer_inside(kb: KnowledgeBase) -> None:
    carer = kb.support.carer
    for title, lines in ((t("carer_card.visit"), carer.help_at_visit),
                         (t("carer_card.yourself"), carer.look_after_yourself)):
        st.markdown(f"**{title}**\n" + "".join(f"\n- {line}" for line in lines))
    helplines = [f"**{h.name if settings.kiosk() else f'[{h.name}]({h.url})'}**: {h.what}" for h in carer.helplines]
    st.markdown(f"**{t('carer_card.lines')}**\n" + "".join(f"\n- {line}" for line in helplines))
    cited = dict.fromkeys([*carer.sources, *(s for h in carer.helplines for s in h.sources)])
    st.caption(t("results.where_from"))  # no expander inside the folded card: Streamlit nests none
    with st.container(key="in_english_carer_sources"):  # publishers as they name themselves (marked lang="en")
        st.caption("; ".join(f"{kb.sources[s].publisher} ({kb.sources[s].date})" for s in cited))


def nurse_card(kb: KnowledgeBase, explanation) -> None:
    """"Show this to your nurse": the results still missing, each with what it decides here,
    made from what the shown options wait on (never written by hand)."""
    missing = missing_results(explanation)
    if not missing:
        return
    with st.container(border=True, key="nurse_card"):
        st.subheader(t("results.nurse_heading"), anchor=False)
        st.markdown(t("results.nurse_intro"))
        parts = []
        for name, results in missing:  # one wrapped line: each result with how many treatments it decides
            entry = kb.inputs[name.removeprefix("marker:")]
            decides = (t("results.nurse_decides_one", name=results[0].option.heading) if len(results) == 1
                       else t("results.nurse_decides", n=len(results)))
            parts.append(f"**{entry.short or entry.label}** ({decides})")
        st.markdown(" · ".join(parts))
