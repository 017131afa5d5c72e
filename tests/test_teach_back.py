"""The questions of "Check what I understood", built from a person's own results: the same for the
same answers, every choice from her results (or the content's everyday lines), the right answer
always among the choices, no choice twice, and feedback for every choice in every language."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import pytest

from components.explainer import teach_back
from components.explainer.teach_back import WAYS, questions
from components.shared.grouping import group
from components.take_home.printable import first_sentence
from knowledge import Profile, explain, load_knowledge
from knowledge.i18n import LANGUAGES
from knowledge.profile import SITE_VALUES, UNKNOWN

HR = ("positive", "low", "negative", "unknown")
HER2 = ("positive", "low", "ultralow", "zero", "unknown")
# Every receptor answer for a woman and a man, with no place, each place alone and a few together.
PLACES = [(), *((s,) for s in SITE_VALUES), ("bone", "liver"), ("brain", "lung", "skin"), tuple(SITE_VALUES)]
# How feedback begins in each language: (right, not quite). Never "wrong".
KIND = {"en": ("Yes:", "Not quite:"), "es": ("Sí:", "No exactamente:"), "zh-Hans": ("对：", "不太对："),
        "vi": ("Đúng:", "Chưa đúng lắm:")}
HARSH = re.compile(r"\b(wrong|incorrect|fail|mal|incorrect[oa]|sai)\b|错", re.IGNORECASE)
PROFILES = [Profile.create(hr=hr, her2=her2, sites=list(sites), sex=sex, menopause="post" if sex == "female" else UNKNOWN)
            for hr, her2, sites, sex in itertools.product(HR, HER2, PLACES, ("female", "male"))]


@pytest.fixture(scope="module")
def kbs():
    return {lang: load_knowledge(lang=lang) for lang in LANGUAGES}


@pytest.fixture(scope="module")
def kb(kbs):
    return kbs["en"]


@pytest.fixture(scope="module")
def asked(kb):
    """Every profile with its explanation and its three questions, in English."""
    out = []
    for profile in PROFILES:
        explanation = explain(profile, kb)
        out.append((profile, explanation, questions(explanation, kb)))
    return out


def test_three_questions_for_everyone_in_the_same_order(asked):
    for _, _, qs in asked:
        assert len(qs) == 3
        assert qs[0].id == "signs" and qs[1].id in ("given", "results") and qs[2].id == "decides"


def test_the_same_answers_give_the_same_questions_every_time_and_in_every_language(kbs):
    profile = Profile.create(hr="positive", her2="low", sites=["bone", "liver"], menopause="post", sex="female")
    english = questions(explain(profile, kbs["en"]), kbs["en"])
    assert questions(explain(profile, kbs["en"]), kbs["en"]) == english
    for lang, kb in kbs.items():
        again = questions(explain(profile, kb), kb)
        assert [(q.id, q.choices, q.right) for q in again] == [(q.id, q.choices, q.right) for q in english], lang


def test_the_sign_choices_are_her_own_signs_and_one_everyday_line(asked, kb):
    for profile, explanation, (signs, _, _) in asked:
        hers = explanation.urgent_signs()
        assert signs.signs["emergency"] in [first_sentence(s) for s in hers.emergency]
        assert signs.signs["today"] in [first_sentence(s) for s in hers.today]
        assert signs.signs["everyday"] in kb.meta.everyday_lines
        assert signs.right == {"emergency"}
        if explanation.sites:  # with a place of spread, the emergency sign is her first place's own
            assert signs.signs["emergency"] == first_sentence(explanation.sites[0].site.urgent_signs.emergency[0])


def test_the_treatment_asked_about_is_one_of_her_first_treatments_and_the_right_ways_are_its_own(asked):
    seen = Counter()
    for profile, explanation, (_, second, _) in asked:
        first = [r.option for r in group(explanation)["first"]]
        if second.id == "results":
            assert not any(set(o.given) & set(WAYS) for o in first), profile
            continue
        assert second.option in first
        assert second.choices and set(second.choices) == set(WAYS)
        assert second.right == set(second.option.given) & set(WAYS)
        if any(len(set(o.given) & set(WAYS)) == 1 for o in first):  # one given one way is asked about first
            assert len(second.right) == 1, (profile, second.option.id)
        seen[second.option.id] += 1
    assert {"aromatase_inhibitor", "tamoxifen_men", "tdxd_pertuzumab_first_line",
            "chemotherapy_triple_negative"} <= set(seen)


def test_the_results_question_comes_only_when_the_page_says_where_the_results_are(asked):
    """Its feedback points to the "Two results decide most of this" box, shown when a receptor result is
    not known; and a person whose results are both known always gets a treatment of her own."""
    for profile, _, (_, second, _) in asked:
        if second.id == "results":
            assert UNKNOWN in (profile.hr, profile.her2), profile
            assert second.right == {"report"}
    assert any(second.id == "results" for *_, (_, second, _) in asked)


def test_the_right_answer_is_always_there_and_no_choice_comes_twice_in_any_language(asked, kbs):
    for lang, kb in kbs.items():
        for profile, _, _ in asked[:: 1 if lang == "en" else 7]:
            for q in questions(explain(profile, kb), kb):
                words = [teach_back.choice_words(q, c, lang) for c in q.choices]
                assert q.right and q.right <= set(q.choices), (lang, profile, q.id)
                assert len(set(q.choices)) == len(q.choices) == 3, (lang, profile, q.id)
                assert len({w.casefold() for w in words}) == len(words), (lang, profile, q.id, words)
                assert all(w.strip() for w in words)


def test_the_right_answer_is_not_always_in_the_same_place(asked):
    for n in range(3):
        places = Counter(qs[n].choices.index(sorted(qs[n].right)[0]) for *_, qs in asked)
        assert len(places) == 3, (n, places)


def test_every_choice_has_kind_feedback_and_a_link_back_in_every_language(asked, kbs):
    profile, _, _ = asked[0]
    for lang, kb in kbs.items():
        unsure = questions(explain(Profile.create(hr="unknown", her2="unknown", sex="female"), kb), kb)
        for q in [*questions(explain(profile, kb), kb), unsure[1]]:
            for choice in q.choices:
                said = teach_back.feedback(q, choice, kb, lang)
                assert said.startswith(KIND[lang][choice not in q.right]), (lang, q.id, choice, said)
                assert not HARSH.search(said), said
            assert f'href="#{teach_back.LINKS[q.id]}"' in teach_back.link(q, lang)


def test_everyday_lines_are_never_a_warning_sign(kbs):
    for lang, kb in kbs.items():
        signs = {first_sentence(s) for site in kb.sites.values() for _, tier in site.urgent_signs for s in tier}
        signs |= {first_sentence(s) for _, tier in kb.meta.general_urgent_signs for s in tier}
        assert not signs & set(kb.meta.everyday_lines), lang
