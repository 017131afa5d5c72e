"""Safety promises of the explainer: broken content, share links, the printout."""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.shared import share
from components.take_home import printable
from components.take_home.visit import Visit
from components.take_home.takehome import qr_svg
from knowledge import CONTENT_DIR, Profile, explain, load_knowledge

from .apptest_helpers import operator_log

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")


@pytest.fixture(autouse=True)
def fresh_caches():
    import streamlit as st

    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture
def broken_content(tmp_path, monkeypatch) -> Path:
    """A copy of the packaged content with one file broken, used through EXPLAINER_CONTENT_DIR."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, target)
    meta = target / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("disclaimer:", "disclamer:", 1), encoding="utf-8")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(target))
    return target


def test_broken_content_shows_only_a_neutral_screen_and_logs_the_exact_problem(broken_content):
    with operator_log() as messages:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params["hr"] = "positive"
        at.run()
    assert not at.exception
    assert [t.value for t in at.title] == ["This information is temporarily unavailable"]
    assert [s.value for s in at.subheader] == ["Please ask a member of staff."]
    assert not at.markdown
    assert not at.button and not at.radio and not at.info and not at.error and not at.expander
    log = "\n".join(messages)
    assert "meta.yaml:" in log and "disclamer" in log


def test_share_link_round_trip_keeps_every_answer():
    answers = {"hr": "positive", "her2": "low", "sites": ["bone", "liver"], "menopause": "post", "sex": "female",
               "markers": {"brca": "unknown", "pik3ca": "negative", "akt1": "unknown", "pten": "unknown",
                           "esr1": "positive", "pdl1": "unknown"}}
    url = share.link("http://localhost:8501/?old=1#frag", answers)
    assert url == ("http://localhost:8501/?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female"
                   "&pik3ca=negative&esr1=positive")
    from urllib.parse import parse_qs, urlsplit

    parsed, ignored, used = share.parse(parse_qs(urlsplit(url).query))
    assert parsed == answers and not ignored and used


@pytest.mark.parametrize("params, ignored", [
    ({"hr": ["POSITIVE"]}, ["hr"]),
    ({"hr": ["positive", "negative"]}, ["hr"]),
    ({"site": ["bone", "../etc"]}, ["site"]),
    ({"esr1": [""]}, ["esr1"]),
    ({"x": ["1"], "y": ["2"]}, ["other"]),
    ({"site": ["bone"] * 500}, ["site"]),  # past the limit nothing more is read, and the note says so
])
def test_malformed_link_parts_are_dropped_never_raised(params, ignored):
    answers, got, _ = share.parse(params)
    assert got == ignored
    assert answers["hr"] in ("unknown", "positive")


def test_printout_is_self_contained_escaped_and_nameless():
    kb = load_knowledge()
    answers = {"hr": "negative", "her2": "zero", "sites": ["brain", "bone"], "menopause": "unknown",
               "sex": "female", "markers": {m: "unknown" for m in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}}
    e = explain(Profile.create(hr="negative", her2="zero", sites=["brain", "bone"]), kb)
    link = share.link("http://localhost:8501/", answers) + "&x=<b>"
    html = printable.build(kb, e, answers, link, qr_svg(link, "QR"), Visit(("Can I <b>travel</b>?",)))
    assert "Can I &lt;b&gt;travel&lt;/b&gt;?" in html and "<b>travel" not in html
    assert "&x=" not in html  # the link is in the code only, never printed as text
    assert "src=" not in html and "@import" not in html and "<link" not in html
    for sign in kb.sites["brain"].urgent_signs.emergency + kb.sites["brain"].urgent_signs.today:
        short = printable.first_sentence(sign)  # the sign itself; its details stay on the results page
        assert escape(short) in html
    for r in e.options:  # every treatment by its plain heading, the "only if" ones as names too
        assert escape(r.option.heading) in html
        if r.option.timing in ("first", "later") and r.status == "applies":
            assert escape(r.option.plain) in html  # with a few plain words of what it is
    assert "Ask: has my cancer been tested for" in html  # the question to tick, on paper
