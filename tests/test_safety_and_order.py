"""The December 2026 clinical review: safety sentences, what comes first, and what is certain
when nothing is known. Each promise is checked on the packaged rule set, in both languages
where the text matters."""

from __future__ import annotations

import pytest

from knowledge import APPLIES, CONDITIONAL, Profile, explain, load_knowledge, safety_lines, waiting_on
from knowledge.engine import certain_kinds, safety_sources

from components.shared.grouping import group

KB = {"en": load_knowledge(), "es": load_knowledge(lang="es")}
WOMAN = dict(sex="female", menopause="pre")
LABEL_PREGNANCY = ["tamoxifen", "tamoxifen_men", "chemotherapy_triple_negative", "chemotherapy_hr_positive",
                   "chemotherapy_her2_positive", "chemotherapy_combination", "sacituzumab_tnbc_first_line",
                   "sacituzumab_tnbc_later", "sacituzumab_hr_positive_later", "pembrolizumab_tnbc",
                   "pembrolizumab_sacituzumab_tnbc", "parp_inhibitor", "datopotamab_tnbc_first_line",
                   "datopotamab_hr_positive_later", "tdxd_her2_low", "tdxd_her2_ultralow", "tdxd_her2_positive_later",
                   "trastuzumab_pertuzumab_chemo"]


def option(kb, option_id):
    return next(o for o in kb.options if o.id == option_id)


def test_a_card_cites_the_labels_of_its_own_drugs_for_a_shared_sentence():
    kb = KB["en"]
    tdxd = safety_sources(option(kb, "tdxd_her2_low"), kb)
    assert "openfda_enhertu" in tdxd and "openfda_lynparza" not in tdxd and "openfda_keytruda" not in tdxd
    cdk = safety_sources(option(kb, "cdk46_with_endocrine"), kb)
    assert {"openfda_ibrance", "openfda_kisqali", "openfda_verzenio", "openfda_kisqali"} <= set(cdk)
    assert safety_sources(option(kb, "capivasertib"), kb) == ["openfda_truqap"]
    for o in kb.options:  # every shared sentence keeps at least one source on every card that shows it
        for note in o.safety:
            single = o.model_copy(update={"safety": [note]})
            assert set(safety_sources(single, kb)) & set(kb.safety[note].sources), (o.id, note)


@pytest.mark.parametrize("option_id", LABEL_PREGNANCY)
def test_every_option_whose_label_warns_of_harm_to_an_unborn_baby_says_so(option_id):
    notes = option(KB["en"], option_id).safety
    assert "pregnancy" in notes or "pregnancy_tamoxifen" in notes


def test_the_pregnancy_sentence_has_one_wording_kept_in_one_place():
    kb = KB["en"]
    for o in kb.options:  # no option writes it into its own prose any more
        texts = [o.details.may_cause, o.details.may_help, *[str(x) for x in o.details.report_right_away]]
        assert not [x for x in texts if "unborn" in x], o.id
    assert kb.safety["pregnancy"].text == ("This treatment can harm an unborn baby. Use birth control during treatment "
                                           "and for a time after. Ask how long.")


def test_a_man_reads_about_a_partner_and_never_as_if_he_could_become_pregnant():
    kb = KB["en"]
    man = Profile.create(hr="negative", her2="zero", sex="male")
    for o in kb.options:
        for line in safety_lines(o, man, kb):
            if "unborn" in line or "pregnan" in line:
                assert "partner" in line, (o.id, line)
                assert "Use birth control during" not in line


def test_tamoxifen_says_it_does_not_prevent_pregnancy_and_asks_for_a_method_without_hormones():
    kb = KB["en"]
    line = safety_lines(option(kb, "tamoxifen"), Profile.create(hr="positive", **WOMAN), kb)
    assert any("does not stop you from getting pregnant" in x and "without hormones" in x for x in line)


@pytest.mark.parametrize(("option_id", "words"), [
    ("cdk46_with_endocrine", "grapefruit"), ("cdk46_with_endocrine", "heart tracing"),
    ("tamoxifen", "antidepressants"), ("chemotherapy_hr_positive", "warfarin"), ("tucatinib_triplet", "warfarin"),
    ("capivasertib", "pharmacist"), ("alpelisib", "pharmacist"), ("elacestrant", "pharmacist"),
    ("everolimus", "grapefruit"),
])
def test_interactions_are_named_where_a_label_carries_them(option_id, words):
    kb = KB["en"]
    assert any(words in line for line in safety_lines(option(kb, option_id), Profile.create(sex="female"), kb))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_everyone_is_offered_a_question_about_other_medicines_herbs_and_supplements(lang):
    kb = KB[lang]
    other = next(q.text for q in kb.questions if q.id == "other_medicines")
    for profile in (Profile.create(sex="female"), Profile.create(hr="negative", her2="positive", sex="male",
                                                                sites=["bone", "brain"])):
        assert other in explain(profile, kb).questions


def test_when_nothing_is_known_chemotherapy_is_said_to_apply_whatever_the_results():
    kb = KB["en"]
    for sex in ("female", "male"):
        explanation = explain(Profile.create(sex=sex), kb)
        assert "chemotherapy" in explanation.certain_kinds
        assert not [r for r in explanation.options if r.option.class_ == "chemotherapy" and r.status == APPLIES]


def test_a_kind_is_certain_only_if_it_applies_for_every_value_the_unknown_answers_can_take():
    """Worked out from the rules: try every subtype, as the engine says it does."""
    kb = KB["en"]
    unknown = Profile.create(sex="female")
    for kind in ("chemotherapy", "endocrine", "her2_antibody", "immunotherapy"):
        every = all(any(r.status == APPLIES and r.option.class_ == kind
                        for r in explain(Profile.create(hr=hr, her2=her2, sex="female"), kb).options)
                    for hr in ("positive", "low", "negative") for her2 in ("positive", "low", "ultralow", "zero"))
        assert (kind in certain_kinds(explain(unknown, kb).options, unknown, kb)) == every, kind


def test_known_answers_leave_nothing_to_be_certain_about():
    kb = KB["en"]
    assert explain(Profile.create(hr="positive", her2="zero", sex="female", menopause="post"), kb).certain_kinds == ()


def test_capivasertib_waits_on_any_one_of_three_results_in_words_that_say_so():
    kb = KB["en"]
    profile = Profile.create(hr="positive", her2="low", sex="female")
    result = next(r for r in explain(profile, kb).options if r.id == "capivasertib")
    assert result.status == CONDITIONAL
    words = waiting_on(result, kb, profile)
    assert words[0] == "any one of: PIK3CA, AKT1 or PTEN: found"
    assert not any("PIK3CA gene change in the cancer: found;" in w for w in words)


def test_for_a_man_with_hr_positive_her2_positive_cancer_her2_drugs_come_first_and_tamoxifen_is_listed_first():
    kb = KB["en"]
    first = group(explain(Profile.create(hr="positive", her2="positive", sex="male"), kb))["first"]
    ids = [r.id for r in first]
    assert ids[0] in ("trastuzumab_pertuzumab_chemo", "tdxd_pertuzumab_first_line")
    assert ids.index("tdxd_pertuzumab_first_line") < ids.index("tamoxifen_men")
    assert "tamoxifen" not in ids  # the women's option
    her2 = {"trastuzumab_pertuzumab_chemo", "tdxd_pertuzumab_first_line", "palbociclib_her2_positive_maintenance"}
    assert set(ids[:3]) == her2


def test_tamoxifen_for_men_names_the_side_effects_men_report():
    cause = option(KB["en"], "tamoxifen_men").details.may_cause
    for words in ("sex drive", "erection", "weight gain", "hot flashes"):
        assert words in cause.lower()


def test_a_man_is_asked_about_a_gene_test_and_why_it_matters_for_his_family():
    kb = KB["en"]
    questions = explain(Profile.create(hr="positive", her2="zero", sex="male"), kb).questions
    assert any("gene test" in q and "children" in q for q in questions)
    positive = explain(Profile.create(hr="positive", her2="zero", sex="male", markers={"brca": "positive"}), kb)
    assert any("children" in q for q in positive.questions)


def test_high_calcium_with_confusion_or_strong_sleepiness_is_in_the_emergency_tier():
    bone = KB["en"].sites["bone"].urgent_signs
    assert any("confused or very sleepy" in s and "calcium" in s for s in bone.emergency)
    assert not any("confused" in s for s in bone.today)


def test_fever_on_chemotherapy_says_call_right_away_day_or_night():
    assert any("100.4" in s and "right away, day or night" in s for s in KB["en"].meta.general_urgent_signs.today)


def test_menopause_is_not_asked_about_when_the_cancer_is_known_to_be_hormone_receptor_negative():
    kb = KB["en"]
    menopause = next(q.text for q in kb.questions if q.id == "menopause_check")
    assert menopause not in explain(Profile.create(hr="negative", her2="zero", sex="female"), kb).questions
    assert menopause in explain(Profile.create(hr="positive", her2="zero", sex="female"), kb).questions


def test_every_option_says_every_way_it_is_given_and_chemotherapy_is_not_only_a_pill():
    kb = KB["en"]
    for o in kb.options:
        assert o.given and o.plain, o.id
    assert option(kb, "chemotherapy_hr_positive").given[0] == "drip"
    assert set(option(kb, "bone_modifying_drugs").given) == {"drip", "shot"}
