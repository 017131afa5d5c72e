"""About: who made this, what it cannot do, sources, versions and review dates."""

from __future__ import annotations

import streamlit as st

from knowledge import KnowledgeBase
from knowledge.approvals import checked_sentence, date_words, status_sentence
from knowledge.i18n import LANGUAGES

from ..shared import language, settings
from ..shared.text import t


def render(kb: KnowledgeBase) -> None:
    st.title(t("about.heading"), anchor=False)
    st.info(kb.meta.disclaimer, icon="ℹ️")
    st.header(t("about.who_heading"), anchor=False)
    st.markdown(t("about.who"))
    st.header(t("about.cannot_heading"), anchor=False)
    st.markdown("\n".join(f"- {line}" for line in t("about.cannot")))
    st.header(t("about.stored_heading"), anchor=False)
    st.markdown(t("about.stored"))
    st.header(t("about.baseline_heading"), anchor=False)
    st.markdown(kb.meta.baseline)
    st.markdown(f"**{checked_sentence(kb)}**")
    not_yet = [status_sentence(kb, d.id) for d in kb.drugs.values() if d.status != "approved"]
    if not_yet:
        st.markdown(t("about.not_yet_heading") + "".join(f"\n- {line}" for line in not_yet))
    st.header(t("about.version_heading"), anchor=False)
    if kb.lang != "en":  # publication titles and the editors' changelog are not translated
        st.caption(t("about.english_only"))
    st.markdown(t("about.version", date=date_words(kb, kb.meta.reviewed)))
    _translations(kb)
    st.header(t("about.review_heading"), anchor=False)
    signed = kb.meta.clinical_review
    st.markdown(t("clinical_review.signed", reviewer=signed.reviewer, date=date_words(kb, signed.date))
                if signed else t("about.review"))
    with st.expander(t("about.changelog_heading")), st.container(key="in_english_changelog"):
        for entry in kb.changelog:
            st.markdown(f"**{entry.version}** ({entry.date.isoformat()})\n" + "".join(f"\n- {c}" for c in entry.changes))
    with st.expander(t("about.reviewed_heading")):
        items = [(o.name, o.reviewed) for o in kb.options] + [(s.name, s.reviewed) for s in kb.sites.values()]
        st.markdown("\n".join(f"- {t('about.reviewed_line', name=n, date=date_words(kb, d))}" for n, d in items))
    st.header(t("about.sources_heading"), anchor=False)
    with st.container(key="in_english_sources"):  # marked lang="en" by components/shared/language.py
        _sources(kb)


def _translations(kb: KnowledgeBase) -> None:
    """Who translated each language and whether a medical translator has checked it."""
    st.header(t("about.translations_heading"), anchor=False)
    language.draft_note(kb)
    lines = []
    for code, tr in kb.translations.items():
        name = LANGUAGES.get(code, code)
        lines.append(t("about.translation_reviewed", language=name, by=tr.translated_by, reviewer=tr.reviewed_by,
                       date=date_words(kb, tr.reviewed_on)) if tr.status == "reviewed" else
                     t("about.translation_draft", language=name, by=tr.translated_by,
                       date=date_words(kb, tr.translated_on)))
    st.markdown("\n".join(f"- {line}" for line in lines))


def _sources(kb: KnowledgeBase) -> None:
    st.markdown("\n".join(
        f"- {s.title if settings.kiosk() else f'[{s.title}]({s.url})'}, "
        f"{t('about.source_line', publisher=s.publisher, date=s.date)}"
        for s in kb.sources.values()))
