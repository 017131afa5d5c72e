"""The place for a named clinical reviewer: empty now, so About says no one has signed off yet;
filled in, About names them and the date. No reviewer is ever invented."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from knowledge import CONTENT_DIR, load_knowledge

from .apptest_helpers import new_app


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    import streamlit as st

    monkeypatch.delenv("EXPLAINER_MODE", raising=False)
    monkeypatch.delenv("EXPLAINER_CONTENT_DIR", raising=False)
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def about_text(at: AppTest) -> str:
    at.switch_page("components/explainer/pages/about.py").run()
    assert not at.exception
    return "\n".join(str(m.value) for m in at.markdown)


def test_the_packaged_content_has_no_reviewer_yet():
    assert load_knowledge().meta.clinical_review is None


@pytest.mark.parametrize("lang,words", [("en", "No named clinician has yet signed off this content."),
                                        ("es", "Ningún profesional clínico con nombre ha aprobado todavía")])
def test_about_says_not_yet_reviewed_in_both_languages(lang, words):
    at = new_app(lang=lang) if lang != "en" else new_app()
    text = about_text(at)
    assert words in text
    assert "Signed off for this version by" not in text and "Aprobado para esta versión por" not in text


REVIEWED = load_knowledge().meta.reviewed  # the version's own review day
LINE = f"reviewed: {REVIEWED.isoformat()}\n"


def test_a_signed_off_version_names_the_reviewer_and_the_date(tmp_path, monkeypatch):
    from knowledge.approvals import date_words

    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    meta = folder / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        LINE, f'{LINE}clinical_review: {{reviewer: "Test Reviewer, oncology nurse", date: {REVIEWED.isoformat()}}}\n',
        1), encoding="utf-8")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(folder))
    text = about_text(new_app())
    when = date_words(load_knowledge(), REVIEWED)
    assert f"Signed off for this version by Test Reviewer, oncology nurse, on {when}." in text
    assert "No named clinician has yet signed off" not in text


@pytest.mark.parametrize("date,message", [
    ("2026-11-20", "meta.yaml:{line}: clinical_review.date: the sign-off of 2026-11-20 is older than this version's "
                   f"review ({REVIEWED.isoformat()}); empty clinical_review until a clinician signs this version off"),
    ("2099-01-01", "meta.yaml:{line}: clinical_review.date: sign-off date 2099-01-01 is in the future"),
])
def test_a_sign_off_covers_only_the_version_it_was_given_for(tmp_path, date, message):
    from knowledge import KnowledgeError

    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    meta = folder / "meta.yaml"
    text = meta.read_text(encoding="utf-8")
    line = text[: text.index(LINE)].count("\n") + 2
    meta.write_text(text.replace(LINE, f'{LINE}clinical_review: {{reviewer: "Test Reviewer", date: {date}}}\n', 1),
                    encoding="utf-8")
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(folder, today=REVIEWED)
    assert any(str(p).endswith(message.format(line=line)) for p in info.value.problems), info.value.problems
