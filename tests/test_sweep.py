"""Exhaustive sweep of the packaged rule set: safety promises that hold for every profile."""

from __future__ import annotations

import itertools

import pytest

from knowledge import Profile, explain
from knowledge.engine import CARE_TEAM, ask_team_reasons
from knowledge.conditions import fields_of
from knowledge.profile import (
    HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, MENOPAUSE_VALUES, SEX_VALUES, SITE_VALUES, UNKNOWN, input_name,
)

SITE_SUBSETS = [frozenset(c) for n in range(len(SITE_VALUES) + 1) for c in itertools.combinations(SITE_VALUES, n)]
MARKER_COMBOS = list(itertools.product(MARKER_VALUES, repeat=len(MARKERS)))

ENDOCRINE_FAMILY = {"endocrine", "cdk46", "oral_serd", "pi3k_akt_mtor", "ovarian_suppression"}
HER2_POSITIVE_ONLY_CLASSES = {"her2_antibody", "her2_tki"}
HER2_POSITIVE_ONLY_DRUGS = {"trastuzumab", "pertuzumab", "margetuximab", "ado-trastuzumab emtansine",
                            "tucatinib", "neratinib", "lapatinib"}


def all_profiles():
    """Every hr x her2 x site subset x menopause x sex, with the markers varied across the sweep."""
    for i, (hr, her2, sites, menopause, sex) in enumerate(
        itertools.product(HR_VALUES, HER2_VALUES, SITE_SUBSETS, MENOPAUSE_VALUES, SEX_VALUES)
    ):
        markers = dict(zip(MARKERS, MARKER_COMBOS[(i * 7919) % len(MARKER_COMBOS)]))
        yield Profile.create(hr=hr, her2=her2, sites=sites, menopause=menopause, sex=sex, markers=markers)
    # and every marker combination for each receptor subtype, with no site chosen
    for hr, her2, combo in itertools.product(HR_VALUES, HER2_VALUES, MARKER_COMBOS):
        yield Profile.create(hr=hr, her2=her2, menopause="post", markers=dict(zip(MARKERS, combo)))


def check_profile(kb, profile: Profile) -> list[str]:
    """Every promise for one profile; returns what was broken."""
    broken: list[str] = []
    e = explain(profile, kb)
    shown = {r.option.class_: r for r in e.options}
    classes = set(shown)
    drugs = {d for r in e.options for d in r.option.drugs}
    if profile.hr == "negative" and classes & ENDOCRINE_FAMILY:
        broken.append(f"hr negative shows {sorted(classes & ENDOCRINE_FAMILY)}")
    if profile.her2 in ("zero", "low", "ultralow"):
        if classes & HER2_POSITIVE_ONLY_CLASSES:
            broken.append(f"her2 {profile.her2} shows {sorted(classes & HER2_POSITIVE_ONLY_CLASSES)}")
        if drugs & HER2_POSITIVE_ONLY_DRUGS:
            broken.append(f"her2 {profile.her2} shows {sorted(drugs & HER2_POSITIVE_ONLY_DRUGS)}")
    if profile.her2 == "zero" and "trastuzumab deruxtecan" in drugs:
        broken.append("her2 zero shows trastuzumab deruxtecan")
    waiting = {d.id for d in kb.drugs.values() if d.status != "approved"}
    if drugs & waiting:
        broken.append(f"drugs not yet available shown as available: {sorted(drugs & waiting)}")
    if not e.disclaimer.strip():
        broken.append("no disclaimer")
    for required in ("supportive_care", "clinical_trial"):
        if shown.get(required) is None or shown[required].status != "applies":
            broken.append(f"{required} does not apply")
    answers = profile.to_dict()
    for r in e.options:
        conditions = [r.option.when] + [ask.when for ask in r.option.ask_team]
        gate_inputs = {input_name(t.field) for c in conditions for t in fields_of(c)}
        if r.status == "applies" and r.depends_on:
            broken.append(f"{r.id} applies but depends on {r.depends_on}")
        if r.status == "conditional":
            if not r.depends_on:
                broken.append(f"{r.id} is conditional on nothing")
            if CARE_TEAM in r.depends_on and not ask_team_reasons(r.option, profile):
                broken.append(f"{r.id} waits on the care team with no reason to give")
            for name in (n for n in r.depends_on if n != CARE_TEAM):
                value = answers["markers"][name[7:]] if name.startswith("marker:") else answers[name]
                if value != UNKNOWN or name not in gate_inputs:
                    broken.append(f"{r.id} is conditional on {name}, which is known or not in its gate")
    if [s.site.id for s in e.sites] != [s for s in SITE_VALUES if s in profile.sites]:
        broken.append("sites do not match the chosen sites")
    if len(e.questions) > 10:
        broken.append("more than 10 questions")
    return broken


def test_every_profile_keeps_every_safety_promise(kb):
    failures: dict[str, Profile] = {}
    count = 0
    for profile in all_profiles():
        count += 1
        for problem in check_profile(kb, profile):
            failures.setdefault(problem, profile)
    assert count > 29_000
    assert not failures, "\n".join(f"{p}: {prof.to_dict()}" for p, prof in list(failures.items())[:20])


@pytest.mark.parametrize("hr,her2", list(itertools.product(HR_VALUES, HER2_VALUES)))
def test_resolving_an_unknown_answer_never_contradicts_a_decided_option(kb, hr, her2):
    """Applies and hidden are promises: filling in any unknown answer keeps them; conditional can go either way."""
    base = Profile.create(hr=hr, her2=her2, sites=["bone", "brain"])
    before = {r.id: r.status for r in explain(base, kb).options} | {r.id: "hidden" for r in explain(base, kb).hidden}
    answers = base.to_dict()
    unknown_fields = [f for f in ("hr", "her2", "menopause") if answers[f] == UNKNOWN] + [
        f"marker:{m}" for m in MARKERS
    ]
    seen_after: dict[str, set[str]] = {option_id: set() for option_id in before}
    for name in unknown_fields:
        values = {"hr": HR_VALUES, "her2": HER2_VALUES, "menopause": MENOPAUSE_VALUES}.get(name, MARKER_VALUES)
        for value in values:
            if value == UNKNOWN:
                continue
            if name.startswith("marker:"):
                filled = Profile.create(hr=hr, her2=her2, sites=["bone", "brain"], markers={name[7:]: value})
            else:
                filled = Profile.create(**{"hr": hr, "her2": her2, "sites": ["bone", "brain"], name: value})
            e = explain(filled, kb)
            after = {r.id: r.status for r in e.options} | {r.id: "hidden" for r in e.hidden}
            for option_id, status in before.items():
                seen_after[option_id].add(after[option_id])
                if status in ("applies", "hidden"):
                    assert after[option_id] == status, f"{option_id} was {status}, became {after[option_id]} when {name}={value}"


@pytest.mark.parametrize("sex", SEX_VALUES)
def test_nothing_known_still_gives_disclaimer_supportive_care_and_trials(kb, sex):
    e = explain(Profile.create(sex=sex), kb)
    assert e.disclaimer
    statuses = {r.option.class_: r.status for r in e.options}
    assert statuses["supportive_care"] == "applies"
    assert statuses["clinical_trial"] == "applies"
    # With no answers, everything else can only be "maybe": it waits on at least one unknown answer.
    for r in e.options:
        if r.option.when.to_yaml() != {"always": True}:
            assert r.status == "conditional" and r.depends_on, r.id
