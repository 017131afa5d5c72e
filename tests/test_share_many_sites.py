"""A link with more places of spread than any link this app makes: what is past the limit is noted, not dropped silently."""

from __future__ import annotations

from components.shared.share import MAX_VALUES, parse

from .apptest_helpers import fresh_caches, new_app  # noqa: F401  (fixture)

NOTE = "Some parts of the link could not be read"


def test_a_hostile_site_past_the_limit_gets_the_note():
    sites = ["bone", "liver"] * (MAX_VALUES // 2) + ["<script>alert(1)</script>"]
    answers, ignored, used = parse({"site": sites, "hr": ["positive"]})
    assert used
    assert answers["sites"] == ["bone", "liver"]  # the valid ones are still read
    assert ignored == ["site"]


def test_a_valid_site_past_the_limit_is_noted_too():
    _, ignored, _ = parse({"site": ["bone"] * MAX_VALUES + ["liver"]})
    assert ignored == ["site"]


def test_up_to_the_limit_no_note():
    answers, ignored, _ = parse({"site": ["bone", "liver"] * (MAX_VALUES // 2)})
    assert ignored == [] and answers["sites"] == ["bone", "liver"]


def test_the_app_shows_the_gentle_note_for_a_21st_hostile_site():
    at = new_app(hr="positive", sex="female",
                 site=["bone"] * MAX_VALUES + ["javascript:alert(1)"])
    assert not at.exception
    notes = [info.value for info in at.info]
    assert any(NOTE in note for note in notes), notes
    assert not any("javascript" in str(note) for note in notes)
