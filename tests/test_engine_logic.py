"""Three-valued gate logic: true applies, unknown is conditional (naming the inputs), false hides."""

from __future__ import annotations

import pytest

from knowledge import Profile, describe_test, explain, failed_because, matched_because, waiting_on
from knowledge.conditions import Truth, evaluate, parse_condition

T, F, U = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def cond(data):
    problems: list = []
    parsed = parse_condition(data, problems)
    assert not problems, problems
    return parsed


def ev(data, **answers):
    return evaluate(cond(data), Profile.create(**answers))


@pytest.mark.parametrize(
    "data,answers,truth,depends",
    [
        # a single field test
        ({"hr": ["positive"]}, {"hr": "positive"}, T, set()),
        ({"hr": ["positive"]}, {"hr": "negative"}, F, set()),
        ({"hr": ["positive"]}, {"hr": "unknown"}, U, {"hr"}),
        # unknown is decided when every possible answer gives the same result
        ({"hr": ["positive", "low", "negative"]}, {"hr": "unknown"}, T, set()),
        ({"her2": ["low", "ultralow", "zero"]}, {"her2": "unknown"}, U, {"her2"}),
        ({"menopause": ["pre", "post"]}, {"menopause": "unknown"}, T, set()),
        # markers are named marker:<name>
        ({"pik3ca": ["positive"]}, {}, U, {"marker:pik3ca"}),
        ({"pik3ca": ["positive"]}, {"markers": {"pik3ca": "negative"}}, F, set()),
        # 'unknown' may be named (questions about testing): it matches the answer "not sure"
        ({"pik3ca": ["unknown"]}, {}, T, set()),
        ({"pik3ca": ["unknown"]}, {"markers": {"pik3ca": "positive"}}, F, set()),
        # sites are a set: true when any chosen site is listed; never unknown
        ({"site": ["brain"]}, {"sites": ["bone", "brain"]}, T, set()),
        ({"site": ["brain"]}, {"sites": ["bone"]}, F, set()),
        ({"site": ["brain"]}, {}, F, set()),
        # all: false wins over unknown; unknowns are collected
        ({"all": [{"hr": ["positive"]}, {"her2": ["zero"]}]}, {"hr": "positive", "her2": "zero"}, T, set()),
        ({"all": [{"hr": ["positive"]}, {"her2": ["zero"]}]}, {"hr": "negative"}, F, set()),
        ({"all": [{"hr": ["positive"]}, {"her2": ["zero"]}]}, {"hr": "positive"}, U, {"her2"}),
        ({"all": [{"hr": ["positive"]}, {"her2": ["zero"]}]}, {}, U, {"hr", "her2"}),
        # any: true wins over unknown
        ({"any": [{"pik3ca": ["positive"]}, {"akt1": ["positive"]}]}, {"markers": {"akt1": "positive"}}, T, set()),
        ({"any": [{"pik3ca": ["positive"]}, {"akt1": ["positive"]}]}, {"markers": {"akt1": "negative"}}, U,
         {"marker:pik3ca"}),
        ({"any": [{"pik3ca": ["positive"]}, {"akt1": ["positive"]}]},
         {"markers": {"akt1": "negative", "pik3ca": "negative"}}, F, set()),
        # not: flips true and false, keeps unknown and its inputs
        ({"not": {"her2": ["positive"]}}, {"her2": "zero"}, T, set()),
        ({"not": {"her2": ["positive"]}}, {"her2": "positive"}, F, set()),
        ({"not": {"her2": ["positive"]}}, {}, U, {"her2"}),
        # men: menopause does not apply
        ({"menopause": ["post"]}, {"sex": "male", "menopause": "pre"}, F, set()),
        ({"any": [{"sex": ["male"]}, {"menopause": ["post"]}]}, {"sex": "male"}, T, set()),
        ({"any": [{"sex": ["male"]}, {"menopause": ["post"]}]}, {"sex": "female"}, U, {"menopause"}),
        ({"always": True}, {}, T, set()),
    ],
)
def test_three_valued_evaluation(data, answers, truth, depends):
    got_truth, got_depends = ev(data, **answers)
    assert got_truth is truth
    assert set(got_depends) == depends


def test_men_have_menopause_normalised_to_not_applicable():
    assert Profile.create(sex="male", menopause="pre").menopause == "not_applicable"
    assert Profile.create(sex="female", menopause="pre").menopause == "pre"


def test_fixture_options_get_applies_conditional_and_hidden(fixture_kb):
    tnbc = Profile.create(hr="negative", her2="zero")
    by_id = {r.id: r for r in explain(tnbc, fixture_kb).options}
    assert by_id["pembrolizumab_tnbc"].status == "conditional"
    assert by_id["pembrolizumab_tnbc"].depends_on == ("marker:pdl1",)
    assert by_id["supportive_care"].status == "applies"
    assert by_id["supportive_care"].depends_on == ()
    hidden = {r.id for r in explain(tnbc, fixture_kb).hidden}
    assert hidden == {"cdk46_with_endocrine"}


def test_gates_in_words_say_what_would_have_to_be_true(fixture_kb):
    profile = Profile.create(hr="negative", her2="low")
    result = next(r for r in explain(profile, fixture_kb).options if r.id == "pembrolizumab_tnbc")
    assert waiting_on(result, fixture_kb, profile) == ["PD-L1 score of 10 or more: yes, 10 or more"]
    assert matched_because(result, fixture_kb, profile) == ["Hormone receptors: negative", "HER2: low, ultralow or zero"]


def test_hidden_options_keep_the_reason_for_teaching(fixture_kb):
    profile = Profile.create(hr="negative", her2="zero")
    result = next(r for r in explain(profile, fixture_kb).hidden if r.id == "cdk46_with_endocrine")
    assert result.status == "hidden"
    assert failed_because(result, fixture_kb, profile) == ["Hormone receptors: positive or low"]


def test_negated_test_is_described_by_its_complement(fixture_kb):
    test = cond({"her2": ["positive"]})
    assert describe_test(test, fixture_kb, negated=True) == "HER2: low, ultralow or zero"


def test_explain_is_deterministic(fixture_kb):
    profile = Profile.create(hr="positive", her2="low", sites=["liver", "bone"])
    assert explain(profile, fixture_kb) == explain(profile, fixture_kb)


def test_questions_follow_their_conditions_and_are_capped(fixture_kb):
    unknown_all = explain(Profile.create(), fixture_kb).questions
    assert "Can you check my hormone receptor result with me?" in unknown_all
    known = explain(Profile.create(hr="positive", her2="zero"), fixture_kb).questions
    assert "Can you check my hormone receptor result with me?" not in known
    assert len(unknown_all) <= 10


def test_sites_follow_the_chosen_sites_in_fixed_order(fixture_kb):
    e = explain(Profile.create(sites=["liver", "bone"]), fixture_kb)
    assert [s.site.id for s in e.sites] == ["bone", "liver"]
    assert explain(Profile.create(), fixture_kb).sites == ()


@pytest.mark.parametrize(
    "answers,field",
    [({"hr": "pos"}, "hr"), ({"her2": "2+"}, "her2"), ({"sites": ["hip"]}, "site"), ({"menopause": "peri"}, "menopause"),
     ({"sex": "x"}, "sex"), ({"markers": {"kras": "positive"}}, "marker"), ({"markers": {"esr1": "yes"}}, "marker esr1")],
)
def test_bad_profile_values_name_the_field_and_allowed_values(answers, field):
    from knowledge import ProfileError

    with pytest.raises(ProfileError) as info:
        Profile.create(**answers)
    assert info.value.field_name == field
    assert "use one of:" in str(info.value)
