"""Whole-profile promises drawn from the clinical reference: for a person described this way, the
explainer shows (or never shows) these kinds of treatment. Assertions are on option ids, classes
and statuses, never on prose."""

from __future__ import annotations

import pytest

from knowledge import Profile, explain, load_knowledge
from knowledge.engine import all_lines

HR_ONLY = {"endocrine", "cdk46", "oral_serd", "pi3k_akt_mtor", "ovarian_suppression"}
HER2_POSITIVE_ONLY_IDS = {
    "trastuzumab_pertuzumab_chemo", "tdxd_pertuzumab_first_line", "tdxd_her2_positive_later", "tucatinib_triplet",
    "tdm1", "neratinib", "lapatinib", "margetuximab", "chemotherapy_her2_positive",
}
HER2_POSITIVE_ONLY_DRUGS = {"trastuzumab", "pertuzumab", "margetuximab", "ado-trastuzumab emtansine",
                            "tucatinib", "neratinib", "lapatinib"}
TNBC_ONLY = {"pembrolizumab_tnbc", "pembrolizumab_sacituzumab_tnbc", "sacituzumab_tnbc_first_line",
             "sacituzumab_tnbc_later", "datopotamab_tnbc_first_line", "chemotherapy_triple_negative"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


def run(kb, **answers):
    e = explain(Profile.create(**answers), kb)
    return e, {r.id: r for r in e.options}


def shown(kb, **answers) -> dict:
    return run(kb, **answers)[1]


def classes(results: dict) -> set[str]:
    return {r.option.class_ for r in results.values()}


def drugs(results: dict) -> set[str]:
    return {d for r in results.values() for d in r.option.drugs}


def applies(results: dict) -> set[str]:
    return {i for i, r in results.items() if r.status == "applies"}


# ---- HR-positive, HER2-negative --------------------------------------------------------------

def test_hr_positive_her2_zero_postmenopausal_first_line_set(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post", sites=["bone"])
    for oid in ("aromatase_inhibitor", "fulvestrant", "tamoxifen", "cdk46_with_endocrine", "everolimus",
                "bone_modifying_drugs", "radiation_bone", "supportive_care", "clinical_trials"):
        assert s[oid].status == "applies", oid
    assert "ovarian_suppression" not in s
    assert "tdxd_her2_low" not in s and "tdxd_her2_ultralow" not in s


def test_hr_positive_her2_low_premenopausal_shows_ovarian_suppression_and_tdxd(kb):
    s = shown(kb, hr="positive", her2="low", menopause="pre")
    assert s["ovarian_suppression"].status == "applies"
    assert s["cdk46_with_endocrine"].status == "applies"
    assert s["tdxd_her2_low"].status == "applies"
    assert not (HER2_POSITIVE_ONLY_IDS & s.keys())
    assert not (HER2_POSITIVE_ONLY_DRUGS & drugs(s))


def test_premenopausal_does_not_get_postmenopause_only_labels(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="pre", markers={"esr1": "positive", "pik3ca": "positive"})
    # Labels are for women after menopause; before menopause they are used with ovarian suppression
    # (ABC 4), so they are shown only as "ask your care team" (review m4).
    for oid in ("everolimus", "alpelisib", "elacestrant"):
        assert s[oid].status == "conditional" and s[oid].depends_on == ("care_team",), oid
    # the "adults" labels remain
    assert s["oral_serd_esr1"].status == "applies"
    assert s["capivasertib"].status == "applies"
    assert s["inavolisib_triplet"].status == "applies"


def test_menopause_unknown_makes_menopause_gated_options_conditional(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="unknown")
    assert s["ovarian_suppression"].status == "conditional"
    assert s["ovarian_suppression"].depends_on == ("menopause",)
    assert s["everolimus"].depends_on == ("menopause", "care_team")
    assert s["aromatase_inhibitor"].status == "applies"


def test_esr1_found_shows_oral_serds(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post", markers={"esr1": "positive"})
    assert s["oral_serd_esr1"].status == "applies"
    assert s["elacestrant"].status == "applies"


def test_esr1_not_found_hides_oral_serds(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post", markers={"esr1": "negative"})
    assert "oral_serd" not in classes(s)


def test_esr1_unknown_makes_oral_serds_conditional_on_esr1(kb):
    s = shown(kb, hr="positive", her2="low", menopause="post")
    for oid in ("oral_serd_esr1", "elacestrant"):
        assert s[oid].status == "conditional"
        assert s[oid].depends_on == ("marker:esr1",)


def test_akt1_only_change_shows_capivasertib_not_pik3ca_drugs(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post",
              markers={"akt1": "positive", "pik3ca": "negative", "pten": "negative"})
    assert s["capivasertib"].status == "applies"
    assert "alpelisib" not in s and "inavolisib_triplet" not in s


def test_pten_loss_shows_capivasertib(kb):
    s = shown(kb, hr="positive", her2="zero", markers={"pten": "positive", "pik3ca": "negative", "akt1": "negative"})
    assert s["capivasertib"].status == "applies"


def test_pik3ca_change_shows_all_three_pathway_drugs(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post", markers={"pik3ca": "positive"})
    for oid in ("inavolisib_triplet", "alpelisib", "capivasertib", "everolimus"):
        assert s[oid].status == "applies", oid


def test_no_pathway_change_leaves_only_everolimus(kb):
    s = shown(kb, hr="positive", her2="zero", menopause="post",
              markers={"pik3ca": "negative", "akt1": "negative", "pten": "negative"})
    assert {i for i, r in s.items() if r.option.class_ == "pi3k_akt_mtor"} == {"everolimus", "gedatolisib"}
    assert s["gedatolisib"].status == "applies"


def test_pathway_unknown_capivasertib_waits_on_three_markers(kb):
    s = shown(kb, hr="positive", her2="zero")
    assert s["capivasertib"].depends_on == ("marker:pik3ca", "marker:akt1", "marker:pten")


def test_hr_positive_her2_negative_shows_trop2_later_not_tnbc_first_line(kb):
    s = shown(kb, hr="positive", her2="zero", markers={"pdl1": "negative"})
    assert s["sacituzumab_hr_positive_later"].status == "applies"
    assert s["datopotamab_hr_positive_later"].status == "applies"
    assert not (TNBC_ONLY & s.keys())


def test_hr_positive_chemo_is_later_not_first(kb):
    s = shown(kb, hr="positive", her2="zero")
    assert s["chemotherapy_hr_positive"].option.timing == "later"
    assert "chemotherapy_triple_negative" not in s


# ---- men ---------------------------------------------------------------------------------------

def test_man_with_hr_positive_gets_gnrh_with_ai_not_womens_suppression(kb):
    s = shown(kb, hr="positive", her2="zero", sex="male")
    assert s["gnrh_agonist_with_ai_men"].status == "applies"
    assert s["gnrh_agonist_with_ai_men"].option.class_ == "ovarian_suppression"
    assert "ovarian_suppression" not in s
    assert "aromatase_inhibitor" not in s  # the AI comes with the GnRH agonist for men
    assert s["tamoxifen_men"].status == "applies" and "tamoxifen" not in s  # the men's option, often first


def test_man_menopause_is_never_a_dependency(kb):
    e, s = run(kb, hr="positive", her2="zero", sex="male", menopause="unknown")
    assert all("menopause" not in r.depends_on for r in e.options)
    # label: postmenopausal women; ABC 4 treats men like them, so only "ask your care team" (review m6)
    assert s["everolimus"].status == "conditional" and s["everolimus"].depends_on == ("care_team",)
    assert s["alpelisib"].depends_on == ("marker:pik3ca",)


def test_man_with_esr1_change_gets_elacestrant(kb):
    s = shown(kb, hr="positive", her2="low", sex="male", markers={"esr1": "positive"})
    assert s["elacestrant"].status == "applies"


def test_man_with_hr_negative_gets_no_hormone_options(kb):
    s = shown(kb, hr="negative", her2="zero", sex="male")
    assert not (classes(s) & HR_ONLY)
    assert "gnrh_agonist_with_ai_men" not in s


def test_woman_never_sees_the_mens_option(kb):
    for menopause in ("pre", "post", "unknown"):
        assert "gnrh_agonist_with_ai_men" not in shown(kb, hr="positive", her2="zero", menopause=menopause)


# ---- HER2-positive --------------------------------------------------------------------------

def test_her2_positive_hr_negative_shows_her2_backbone_without_hormones(kb):
    s = shown(kb, hr="negative", her2="positive")
    for oid in HER2_POSITIVE_ONLY_IDS:
        assert s[oid].status == "applies", oid
    assert not (classes(s) & HR_ONLY)


def test_her2_positive_first_line_includes_tdxd_with_pertuzumab(kb):
    s = shown(kb, hr="negative", her2="positive")
    first = {i for i, r in s.items() if r.option.timing == "first"}
    assert {"trastuzumab_pertuzumab_chemo", "tdxd_pertuzumab_first_line"} <= first
    assert s["tdxd_her2_positive_later"].option.timing == "later"


def test_triple_positive_shows_her2_drugs_and_hormone_therapy_but_no_cdk46(kb):
    s = shown(kb, hr="positive", her2="positive", menopause="post")
    assert s["trastuzumab_pertuzumab_chemo"].status == "applies"
    assert s["aromatase_inhibitor"].status == "applies"
    assert "cdk46_with_endocrine" not in s
    assert "oral_serd" not in classes(s) and "pi3k_akt_mtor" not in classes(s)


def test_her2_positive_with_brain_spread_shows_tucatinib_and_brain_site(kb):
    e, s = run(kb, hr="negative", her2="positive", sites=["brain"])
    assert s["tucatinib_triplet"].status == "applies"
    brain = next(site for site in e.sites if site.site.id == "brain")
    assert "tucatinib_triplet" in brain.related_options
    assert {"radiation_brain", "surgery_brain"} <= set(brain.related_options)


def test_her2_positive_brca_carrier_gets_no_parp_option_but_a_question(kb):
    e, s = run(kb, hr="negative", her2="positive", markers={"brca": "positive"})
    assert "parp_inhibitor" not in s
    assert any("PARP" in q for q in e.questions)


def test_her2_unknown_makes_her2_drugs_conditional(kb):
    s = shown(kb, hr="negative", her2="unknown")
    for oid in ("trastuzumab_pertuzumab_chemo", "tucatinib_triplet", "tdxd_her2_low"):
        assert s[oid].status == "conditional" and s[oid].depends_on == ("her2",)


# ---- HER2-low / ultralow / zero -------------------------------------------------------------

def test_her2_low_never_opens_her2_positive_drugs(kb):
    for hr in ("positive", "low", "negative", "unknown"):
        s = shown(kb, hr=hr, her2="low", markers={"brca": "positive"})
        assert not ({"her2_antibody", "her2_tki"} & classes(s)), hr
        assert not (HER2_POSITIVE_ONLY_DRUGS & drugs(s)), hr


def test_her2_low_hr_negative_shows_tdxd(kb):
    s = shown(kb, hr="negative", her2="low")
    assert s["tdxd_her2_low"].status == "applies"


def test_her2_ultralow_hr_positive_shows_ultralow_tdxd(kb):
    s = shown(kb, hr="positive", her2="ultralow", menopause="post")
    assert s["tdxd_her2_ultralow"].status == "applies"
    assert "tdxd_her2_low" not in s


def test_her2_ultralow_hr_negative_does_not_show_tdxd(kb):
    s = shown(kb, hr="negative", her2="ultralow")
    assert "trastuzumab deruxtecan" not in drugs(s)


def test_her2_ultralow_hr_unknown_tdxd_waits_on_hr(kb):
    s = shown(kb, hr="unknown", her2="ultralow")
    assert s["tdxd_her2_ultralow"].depends_on == ("hr", "care_team")


def test_her2_zero_never_shows_tdxd(kb):
    for hr in ("positive", "low", "negative", "unknown"):
        assert "trastuzumab deruxtecan" not in drugs(shown(kb, hr=hr, her2="zero")), hr


# ---- triple-negative ------------------------------------------------------------------------

def test_tnbc_pdl1_positive_shows_immunotherapy_first_line(kb):
    s = shown(kb, hr="negative", her2="zero", markers={"pdl1": "positive"})
    assert s["pembrolizumab_tnbc"].status == "applies"
    assert s["pembrolizumab_sacituzumab_tnbc"].status == "applies"
    # Labels: "not candidates for PD-1/PD-L1 therapy"; with PD-L1 10 or more that is for the care team (M3).
    for oid in ("sacituzumab_tnbc_first_line", "datopotamab_tnbc_first_line"):
        assert s[oid].status == "conditional" and s[oid].depends_on == ("care_team",), oid


def test_tnbc_pdl1_negative_shows_adc_first_line_not_immunotherapy(kb):
    s = shown(kb, hr="negative", her2="zero", markers={"pdl1": "negative"})
    assert "immunotherapy" not in classes(s)
    assert s["sacituzumab_tnbc_first_line"].status == "applies"
    assert s["datopotamab_tnbc_first_line"].status == "applies"
    assert s["chemotherapy_triple_negative"].option.timing == "first"


def test_tnbc_pdl1_unknown_immunotherapy_is_conditional_on_pdl1(kb):
    e, s = run(kb, hr="negative", her2="zero")
    assert s["pembrolizumab_tnbc"].depends_on == ("marker:pdl1",)
    assert any("PD-L1" in q for q in e.questions)


def test_tnbc_never_shows_hormone_classes(kb):
    s = shown(kb, hr="negative", her2="low", menopause="pre", markers={"esr1": "positive", "pik3ca": "positive"})
    assert not (classes(s) & HR_ONLY)


def test_tnbc_gbrca_shows_parp(kb):
    s = shown(kb, hr="negative", her2="zero", markers={"brca": "positive"})
    assert s["parp_inhibitor"].status == "applies"


def test_brca_negative_hides_parp(kb):
    assert "parp_inhibitor" not in shown(kb, hr="negative", her2="zero", markers={"brca": "negative"})


def test_er_low_is_treated_as_hormone_receptor_positive_not_triple_negative(kb):
    e, s = run(kb, hr="low", her2="zero", menopause="post", markers={"pdl1": "positive"})
    assert s["aromatase_inhibitor"].status == "applies"
    assert s["cdk46_with_endocrine"].status == "applies"
    # Many teams treat ER-low like triple-negative: those options wait on the care team (M4).
    for oid in TNBC_ONLY & s.keys():
        assert s[oid].status == "conditional" and "care_team" in s[oid].depends_on, oid
    assert {"pembrolizumab_tnbc", "chemotherapy_triple_negative"} <= s.keys()
    assert any("ER-low" in q for q in e.questions)


def test_er_low_her2_ultralow_shows_ultralow_tdxd_only_as_ask_your_care_team(kb):
    result = shown(kb, hr="low", her2="ultralow")["tdxd_her2_ultralow"]
    assert result.status == "conditional" and result.depends_on == ("care_team",)


# ---- sites --------------------------------------------------------------------------------------

def test_bone_spread_shows_bone_drugs_radiation_and_surgery(kb):
    e, s = run(kb, hr="negative", her2="positive", sites=["bone"])
    for oid in ("bone_modifying_drugs", "radiation_bone", "radiation_spinal_cord", "surgery_bone"):
        assert s[oid].status == "applies"
    bone = next(site for site in e.sites if site.site.id == "bone")
    emergency = " ".join(bone.site.urgent_signs.emergency).lower()
    today = " ".join(bone.site.urgent_signs.today).lower()
    # Late signs of spinal cord compression are an emergency; new back pain, the first sign in most
    # people, and high calcium mean calling the care team the same day.
    assert "spinal cord" in emergency and ("weak" in emergency and "bladder" in emergency)
    assert "back or neck pain" in today and "calcium" in today


def test_no_bone_spread_hides_bone_drugs(kb):
    s = shown(kb, hr="positive", her2="zero", sites=["liver"])
    assert "bone_modifying" not in classes(s)


def test_lung_spread_shows_drainage(kb):
    assert shown(kb, hr="positive", her2="zero", sites=["lung"])["drainage_lung_fluid"].status == "applies"


def test_skin_spread_shows_chest_wall_radiation_and_symptom_surgery(kb):
    s = shown(kb, hr="positive", her2="zero", sites=["skin"])
    assert {"radiation_chest_wall_nodes", "surgery_chest_wall"} <= s.keys()


def test_every_chosen_site_is_explained_with_urgent_signs(kb):
    e, _ = run(kb, sites=["bone", "brain", "liver", "lung", "lymph_nodes", "skin", "other"])
    assert len(e.sites) == 7
    assert all(site.site.urgent_signs.emergency for site in e.sites)


# ---- nothing known, always-present options, pending drugs -----------------------------------

def test_nothing_known_gives_conditional_options_and_still_supportive_care_and_trials(kb):
    s = shown(kb)
    assert s["supportive_care"].status == "applies"
    assert s["clinical_trials"].status == "applies"
    conditional = [r for r in s.values() if r.status == "conditional"]
    assert len(conditional) > 10
    assert all(r.depends_on for r in conditional)
    assert "site" not in {d for r in conditional for d in r.depends_on}


@pytest.mark.parametrize("answers", [
    {}, {"hr": "positive", "her2": "zero"}, {"hr": "negative", "her2": "positive", "sex": "male"},
    {"hr": "low", "her2": "ultralow", "sites": ["brain", "bone"]},
])
def test_supportive_care_and_trials_are_always_shown(kb, answers):
    ids = applies(shown(kb, **answers))
    assert {"supportive_care", "clinical_trials"} <= ids


def test_drugs_not_yet_available_never_appear_in_any_option(kb):
    waiting = {d.id for d in kb.drugs.values() if d.status != "approved"}
    assert {"camizestrant", "giredestrant"} <= waiting and "gedatolisib" not in waiting
    assert not any(waiting & set(o.drugs) for o in kb.options)


def test_drugs_not_yet_available_are_named_only_in_research_notes(kb):
    waiting = {d.id for d in kb.drugs.values() if d.status != "approved"} - {"atezolizumab"}  # a European difference
    for o in kb.options:
        for drug in waiting:
            for field in (o.summary, o.why, *vars(o.details).values()):
                text = field if isinstance(field, str) else " ".join(all_lines(field))
                assert drug not in text.lower(), (o.id, drug)
            if o.research and drug in o.research.lower():
                assert drug in o.research_drugs, o.id


def test_atezolizumab_is_only_a_european_note(kb):
    assert not any("atezolizumab" in o.drugs for o in kb.options)
    assert any(o.europe and "atezolizumab" in o.europe for o in kb.options)


def test_every_option_records_trials_or_approval(kb):
    for o in kb.options:
        assert o.evidence.trials or o.evidence.approvals or o.evidence.basis, o.id


def test_split_options_have_the_timing_their_setting_implies(kb):
    timing = {o.id: o.timing for o in kb.options}
    assert timing["tdxd_pertuzumab_first_line"] == "first"
    assert timing["tdxd_her2_positive_later"] == "later"
    assert timing["tdxd_her2_low"] == "later" and timing["tdxd_her2_ultralow"] == "later"
    assert timing["sacituzumab_tnbc_first_line"] == "first" and timing["sacituzumab_tnbc_later"] == "later"
