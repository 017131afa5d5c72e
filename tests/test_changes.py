"""What changes between two profiles (knowledge/changes.py), and ``python -m knowledge changes``.

The comparison is the one the teaching page "What changes if" and the explainer's "My results
changed" both show; here it is checked against the engine itself, and the command line as a real
process.
"""

from __future__ import annotations

import json
import shlex

import pytest

from knowledge import Profile, explain, load_knowledge
from knowledge.changes import changes_between
from knowledge.profile import LINK_ANSWERS, SITE_VALUES, link_answers
from knowledge.teaching import class_cells

from .test_cli import run


def profile(**answers) -> Profile:
    return Profile.create(**{"sex": "female", **answers})


def test_hr_positive_her2_zero_to_her2_low_brings_trastuzumab_deruxtecan_into_view(kb):
    changes = changes_between(kb, profile(hr="positive", her2="zero", sites=["bone"]),
                              profile(hr="positive", her2="low", sites=["bone"]))
    assert [(c.option_id, c.kind, c.after.status) for c in changes.options] == [("tdxd_her2_low", "appears", "applies")]
    [kind] = changes.kinds
    assert (kind.kind, kind.before, kind.after, kind.change) == ("her2_adc", "", "applies", "comes_into_view")
    assert changes.new_places == () and changes.places_gone == ()


def test_hr_positive_to_hr_negative_no_longer_shows_hormone_therapy(kb):
    changes = changes_between(kb, profile(hr="positive", her2="zero"), profile(hr="negative", her2="zero"))
    kinds = {k.kind: k for k in changes.kinds}
    endocrine = kinds["endocrine"]
    assert endocrine.change == "no_longer_shown" and endocrine.after == ""
    assert {c.option_id for c in endocrine.options} == {"aromatase_inhibitor", "tamoxifen", "fulvestrant"}
    assert all(c.kind == "disappears" for c in endocrine.options)
    for kind in ("ovarian_suppression", "oral_serd", "cdk46", "pi3k_akt_mtor"):
        assert kinds[kind].change == "no_longer_shown", kind
    assert kinds["immunotherapy"].change == "comes_into_view"
    # Chemotherapy is shown both times: its options change, the kind does not leave the page.
    assert kinds["chemotherapy"].change == "shown_differently"
    assert {(c.option_id, c.kind) for c in kinds["chemotherapy"].options} == {
        ("chemotherapy_hr_positive", "disappears"), ("chemotherapy_triple_negative", "appears")}


def test_a_new_liver_site_adds_its_warning_signs_and_nothing_already_shown(kb):
    before = profile(hr="positive", her2="zero", sites=["bone"])
    changes = changes_between(kb, before, profile(hr="positive", her2="zero", sites=["bone", "liver"]))
    [place] = changes.new_places
    liver = kb.sites["liver"].urgent_signs
    assert place.site.id == "liver"
    assert (list(place.emergency), list(place.today)) == (liver.emergency, liver.today)
    assert place.emergency and place.today
    shown_before = set(explain(before, kb).urgent_signs().emergency + explain(before, kb).urgent_signs().today)
    assert not shown_before & set(place.emergency + place.today), "no sign already on the page is new"
    assert changes.options == (), "a new place of spread in the liver changes no treatment here"


@pytest.mark.parametrize("old_sites, added", [((), ("bone",)), (("bone",), ("brain", "liver")),
                                              (("lung",), ("lymph_nodes", "skin", "other"))])
def test_the_new_signs_are_exactly_what_the_added_places_bring(kb, old_sites, added):
    before = profile(hr="negative", her2="zero", sites=old_sites)
    after = profile(hr="negative", her2="zero", sites=old_sites + added)
    changes = changes_between(kb, before, after)
    assert [p.site.id for p in changes.new_places] == [s for s in SITE_VALUES if s in added]
    for tier in ("emergency", "today"):
        old, new = getattr(explain(before, kb).urgent_signs(), tier), getattr(explain(after, kb).urgent_signs(), tier)
        brought = [s for p in changes.new_places for s in getattr(p, tier)]
        assert len(brought) == len(set(brought)), "each sign once"
        assert set(old) | set(brought) == set(new) and not set(old) & set(brought)


def test_a_place_taken_away_is_named(kb):
    changes = changes_between(kb, profile(sites=["bone", "brain"]), profile(sites=["brain"]))
    assert changes.places_gone == ("bone",) and changes.new_places == ()
    assert "bone_modifying_drugs" in {c.option_id for c in changes.options}


PAIRS = [
    (dict(hr="positive", her2="zero", menopause="post"), dict(hr="positive", her2="low", menopause="post")),
    (dict(hr="positive", her2="ultralow"), dict(hr="negative", her2="ultralow")),
    (dict(hr="negative", her2="zero"), dict(hr="negative", her2="positive", sites=["brain"])),
    (dict(hr="unknown", her2="unknown"), dict(hr="low", her2="zero", markers={"pdl1": "positive"})),
    (dict(hr="positive", her2="zero", markers={"pik3ca": "unknown"}), dict(hr="positive", her2="zero",
                                                                           markers={"pik3ca": "positive"})),
    (dict(hr="positive", her2="positive", sex="male"), dict(hr="negative", her2="positive", sex="male")),
]


@pytest.mark.parametrize("before, after", PAIRS)
def test_every_change_is_two_engine_runs_compared_by_option_and_by_kind(kb, before, after):
    old, new = profile(**before), profile(**after)
    changes = changes_between(kb, old, new)
    a = {r.id: (r.status, r.depends_on) for r in explain(old, kb).options}
    b = {r.id: (r.status, r.depends_on) for r in explain(new, kb).options}
    assert {c.option_id for c in changes.options} == {i for i in a.keys() | b.keys() if a.get(i) != b.get(i)}
    assert changes.options, "each pair changes something"
    cells_old, cells_new = class_cells(kb, old), class_cells(kb, new)
    for kind in changes.kinds:  # each kind summed up as the subtype table and Compare profiles sum it
        assert (kind.before, kind.after) == (cells_old[kind.kind], cells_new[kind.kind])
    assert {k for k in kb.kinds if cells_old[k] != cells_new[k]} <= {k.kind for k in changes.kinds}
    order = list(kb.kinds)
    assert [k.kind for k in changes.kinds] == sorted((k.kind for k in changes.kinds), key=order.index)
    assert [c for k in changes.kinds for c in k.options] == list(changes.options)


def test_the_same_profiles_give_the_same_answer_and_nothing_for_no_change(kb):
    old, new = profile(hr="positive", her2="zero", sites=["bone"]), profile(hr="negative", her2="low", sites=["lung"])
    assert changes_between(kb, old, new).to_dict(kb) == changes_between(kb, old, new).to_dict(kb)
    same = changes_between(kb, old, old)
    assert (same.options, same.kinds, same.new_places, same.places_gone) == ((), (), (), ())


def test_a_share_link_query_reads_strictly():
    assert link_answers("hr=positive&her2=low&site=bone&site=liver&sex=female&esr1=positive") == {
        "hr": "positive", "her2": "low", "sites": ["bone", "liver"], "sex": "female", "markers": {"esr1": "positive"}}
    assert link_answers("?hr=negative") == {"hr": "negative", "sites": [], "markers": {}}
    for bad, said in (("hr=maybe", "hr: 'maybe' is not allowed"), ("lang=es", "'lang' is not an answer"),
                      ("hr=positive&hr=low", "hr: given more than once"), ("site=hip", "site: 'hip'"),
                      ("her2=", "her2: '' is not allowed")):
        with pytest.raises(ValueError, match=said):
            link_answers(bad)


def test_the_share_link_and_the_command_line_read_the_same_names():
    from components.shared import share

    assert set(share.SINGLE) | {"site"} == set(LINK_ANSWERS)
    answers = {"hr": "positive", "her2": "low", "sites": ["bone", "liver"], "menopause": "post", "sex": "female",
               "markers": {"brca": "unknown", "pik3ca": "positive", "akt1": "unknown", "pten": "unknown",
                           "esr1": "unknown", "pdl1": "unknown"}}
    query = "&".join(f"{k}={v}" for k, v in share.query(answers))
    read = link_answers(query)
    assert Profile.create(**read) == Profile.create(**answers)


# --- the command line -----------------------------------------------------------------------------

EXAMPLE = ["changes", "--from", "hr=positive&her2=zero&site=bone", "--to", "hr=positive&her2=low&site=bone&site=liver"]


def test_changes_json_is_the_documented_contract(kb):
    proc = run(*EXAMPLE, "--sex", "female", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["contract", "from", "to", "knowledge_version", "approvals_checked_up_to", "disclaimer",
                          "kinds", "places"]
    assert data["contract"] == 1
    assert data["from"]["her2"] == "zero" and data["to"]["her2"] == "low"
    assert data["to"]["sites"] == ["bone", "liver"] and data["to"]["sex"] == "female"
    assert data["knowledge_version"] == kb.version
    assert data["approvals_checked_up_to"] == kb.registry_checked.isoformat()
    assert data["disclaimer"] == kb.meta.disclaimer
    assert data["kinds"] == [{
        "id": "her2_adc", "name": kb.kinds["her2_adc"].name, "before": "", "after": "applies",
        "change": "comes_into_view",
        "options": [{"id": "tdxd_her2_low", "name": next(o.name for o in kb.options if o.id == "tdxd_her2_low"),
                     "change": "appears", "before": {"status": "hidden", "depends_on": []},
                     "after": {"status": "applies", "depends_on": []}}]}]
    liver = kb.sites["liver"]
    assert data["places"] == {"added": [{"id": "liver", "name": liver.name, "new_urgent_signs": {
        "emergency": liver.urgent_signs.emergency, "today": liver.urgent_signs.today}}], "removed": []}


def test_changes_json_is_the_comparison_itself(kb):
    proc = run("changes", "--from", "hr=positive&her2=zero&sex=female&pik3ca=unknown",
               "--to", "hr=negative&her2=zero&sex=female&pdl1=positive&site=brain", "--json")
    assert proc.returncode == 0, proc.stderr
    expected = changes_between(kb, profile(hr="positive", her2="zero"),
                               profile(hr="negative", her2="zero", sites=["brain"], markers={"pdl1": "positive"}))
    assert json.loads(proc.stdout) == json.loads(json.dumps(expected.to_dict(kb)))


def test_changes_in_spanish_gives_every_text_in_spanish(kb_es):
    proc = run(*EXAMPLE, "--sex", "female", "--json", "--lang", "es")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["disclaimer"] == kb_es.meta.disclaimer
    assert data["kinds"][0]["name"] == kb_es.kinds["her2_adc"].name != load_knowledge().kinds["her2_adc"].name
    assert data["places"]["added"][0]["new_urgent_signs"]["today"] == kb_es.sites["liver"].urgent_signs.today


def test_changes_as_text_marks_each_option_and_names_the_new_signs(kb):
    proc = run(*EXAMPLE, "--sex", "female")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(kb.meta.disclaimer)
    assert "HER2 antibody-drug conjugates: comes into view" in proc.stdout
    assert "+ Trastuzumab deruxtecan, for HER2-low cancer [applies]" in proc.stdout
    assert "New place of spread: Liver" in proc.stdout
    assert all(sign in proc.stdout for sign in kb.sites["liver"].urgent_signs.emergency)


@pytest.mark.parametrize("args, said", [
    (["--from", "hr=maybe", "--to", "hr=positive", "--sex", "female"],
     "argument --from: hr: 'maybe' is not allowed; use one of: positive, low, negative, unknown"),
    (["--from", "hr=positive", "--to", "her2=2+", "--sex", "female"], "argument --to: her2: '2 ' is not allowed"),
    (["--from", "hr=positive&lang=es", "--to", "hr=negative", "--sex", "female"],
     "argument --from: 'lang' is not an answer a share link carries; use: hr, her2, site"),
    (["--from", "hr=positive&hr=low", "--to", "hr=negative", "--sex", "female"],
     "argument --from: hr: given more than once; give it once"),
    (["--from", "site=hip", "--to", "hr=negative", "--sex", "female"], "argument --from: site: 'hip' is not allowed"),
    (["--from", "hr=positive", "--to", "hr=negative"], "--from does not say who the information is for"),
    (["--from", "hr=positive&sex=female", "--to", "hr=negative"], "--to does not say who the information is for"),
    (["--from", "hr=positive&sex=male", "--to", "hr=negative", "--sex", "female"],
     "--from says sex=male but --sex says female; give one"),
    (["--from", "hr=positive", "--sex", "female"], "the following arguments are required: --to"),
    (["--from", "hr=positive", "--to", "hr=negative", "--sex", "x"], "argument --sex: invalid choice: 'x'"),
    (["--from", "hr=positive", "--to", "hr=negative", "--sex", "female", "--lang", "fr"], "argument --lang"),
])
def test_bad_input_is_one_clear_line_and_exit_2(args, said):
    proc = run("changes", *args)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.startswith("python -m knowledge changes: ") and said in proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


def test_sex_from_the_queries_or_the_flag_gives_the_same_comparison():
    by_flag = run(*EXAMPLE, "--sex", "male", "--json")
    in_queries = run("changes", "--from", "hr=positive&her2=zero&site=bone&sex=male",
                     "--to", "hr=positive&her2=low&site=bone&site=liver&sex=male", "--json")
    assert by_flag.returncode == in_queries.returncode == 0
    assert json.loads(by_flag.stdout) == json.loads(in_queries.stdout)
    assert json.loads(by_flag.stdout)["from"]["menopause"] == "not_applicable"


def test_the_documented_example_runs(kb):
    """The command as docs/architecture.md shows it prints the contract."""
    from .conftest import ROOT

    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    line = next(line for line in doc.splitlines() if "-m knowledge changes --from" in line)
    proc = run(*shlex.split(line.split("-m knowledge", 1)[1]))
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["kinds"][0]["options"][0]["id"] == "tdxd_her2_low"
