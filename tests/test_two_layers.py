"""Two layers per treatment: a short patient layer, and the evidence one tap away, complete.

Nothing a teacher or reviewer had is gone: every field of every shown option (its explanation,
medicines, questions, research, Europe, approvals, studies, rule, sources and review date) is
on the page once its card and its "Details and sources" are opened; and none of it is drawn
before she opens anything.
"""

from __future__ import annotations

import re

import pytest

from knowledge import Profile, explain, lines_for, load_knowledge
from knowledge.approvals import approval_sentences, date_words, research_sentences
from knowledge.engine import shows_research
from knowledge.teaching import rule_in_words

from .apptest_helpers import fresh_caches, new_app, open_cards, open_groups, shown_cards  # noqa: F401

PROFILES = {
    "typical": dict(hr="positive", her2="low", site=["bone", "liver"], menopause="post", sex="female"),
    "her2_positive_man": dict(hr="positive", her2="positive", site=["bone", "brain"], sex="male"),
    "triple_negative": dict(hr="negative", her2="zero", site=["lung"], sex="female", pdl1="positive"),
    "not_sure": dict(sex="female"),
}


def page_text(at) -> str:
    """The words on the page, glossary definitions and markup left out (a marked word reads as itself)."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    parts += [w.value for w in at.warning] + [e.value for e in at.error] + [h.value for h in at.subheader]
    text = "\n".join(str(p) for p in parts)
    text = re.sub(r'<span id="[^"]+" popover class="term-box">.*?</span>', "", text)
    return re.sub(r"<[^>]+>", "", text)


def profile_of(params: dict) -> Profile:
    markers = {k: v for k, v in params.items() if k in ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")}
    return Profile.create(hr=params.get("hr", "unknown"), her2=params.get("her2", "unknown"),
                          sites=params.get("site", []), menopause=params.get("menopause", "unknown"),
                          sex=params["sex"], markers=markers)


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_field_a_reviewer_had_is_one_tap_away(name):
    kb = load_knowledge()
    params = PROFILES[name]
    profile = profile_of(params)
    explanation = explain(profile, kb)
    at = open_cards(new_app(**params), evidence=True)
    assert not at.exception
    shown = page_text(at)
    assert set(shown_cards(at)) == {r.id for r in explanation.options}
    for result in explanation.options:
        o, d = result.option, result.option.details
        expected = [o.heading, o.plain, o.summary, o.why, d.what_it_is, d.how_it_works, d.how_given, d.may_help, d.may_cause,
                    d.typical_use, *lines_for(d.report_right_away, profile), *lines_for(d.notes, profile),
                    *lines_for(o.questions, profile), *approval_sentences(kb, o), *o.evidence.trials,
                    *(line.removeprefix("- ").strip() for line in rule_in_words(o.when, kb)),
                    *(kb.sources[s].title for s in o.sources), date_words(kb, o.reviewed),
                    *(kb.drug_name(drug) for drug in o.drugs)]
        expected += [o.europe] if o.europe else []
        expected += [o.evidence.basis] if o.evidence.basis and not approval_sentences(kb, o) else []
        if shows_research(o, profile):
            expected += [o.research, *research_sentences(kb, o)]
        missing = [text for text in expected if text not in shown]
        assert not missing, f"{o.id}: not on the page once opened: {missing[:3]}"


def test_nothing_of_a_card_is_drawn_before_she_opens_it():
    kb = load_knowledge()
    params = PROFILES["typical"]
    at = new_app(**params)
    shown = page_text(at)
    for result in explain(profile_of(params), kb).options:
        assert result.option.details.how_it_works not in shown
        assert not any(kb.sources[s].title in shown for s in result.option.sources)
    assert len(at.toggle) == 4, "each group folded behind its switch"
    opened = page_text(open_groups(at))
    assert all(r.option.heading in opened for r in explain(profile_of(params), kb).options)
    assert "how_it_works" not in opened and not any(  # one line per treatment, still closed
        r.option.details.how_it_works in opened for r in explain(profile_of(params), kb).options)


def test_a_card_says_for_cancers_like_yours_or_exactly_what_it_waits_on():
    at = open_cards(new_app(**PROFILES["typical"]), ["cdk46_with_endocrine", "capivasertib"])
    shown = page_text(at)
    assert "For cancers like yours" in shown
    assert "Only if: any one of: PIK3CA, AKT1 or PTEN: found" in shown
    assert "PIK3CA gene change in the cancer: found;" not in shown


def test_titles_carry_no_subtype_words_when_the_card_says_it_is_for_cancers_like_hers():
    kb = load_knowledge()
    explanation = explain(profile_of(PROFILES["typical"]), kb)
    for result in explanation.options:
        if result.status == "applies":
            heading = result.option.heading.lower()
            assert "hormone receptor-positive" not in heading and "her2-negative" not in heading, heading
