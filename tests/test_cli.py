"""The command line is a stable contract: run it as a real subprocess and check what it prints."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from knowledge import load_knowledge

from .conftest import ROOT
from .test_loader_faults import CDK, _break

EXAMPLE = ["explain", "--hr", "positive", "--her2", "zero", "--site", "bone", "--site", "liver", "--menopause", "post",
           "--sex", "female", "--marker", "esr1=positive", "--marker", "pdl1=unknown"]


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "knowledge", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)


def test_explain_json_contract():
    proc = run(*EXAMPLE, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data) >= {"profile", "knowledge_version", "disclaimer", "options", "sites", "questions"}
    assert data["profile"] == {
        "hr": "positive", "her2": "zero", "sites": ["bone", "liver"], "menopause": "post", "sex": "female",
        "markers": {"brca": "unknown", "pik3ca": "unknown", "akt1": "unknown", "pten": "unknown",
                    "esr1": "positive", "pdl1": "unknown"},
    }
    assert data["disclaimer"].strip()
    assert data["options"], "an HR-positive profile must show options"
    for option in data["options"]:
        assert set(option) == {"id", "class", "name", "title", "plain", "given", "drugs", "status", "depends_on",
                               "timing", "rank", "summary", "why", "safety", "sources"}
        assert option["given"] and option["plain"] and option["title"]
        assert option["status"] in ("applies", "conditional")
        assert option["timing"] in ("first", "later", "any")
        assert all(d == d.lower() for d in option["drugs"])
        assert (option["status"] == "applies") == (option["depends_on"] == [])
        assert option["sources"] and all(s["url"].startswith("https://") for s in option["sources"])
        if option["class"] in ("radiation", "surgery", "supportive_care", "clinical_trial"):
            assert option["drugs"] == []
    assert [s["id"] for s in data["sites"]] == ["bone", "liver"]
    for site in data["sites"]:
        assert site["summary"] and site["urgent_signs"]["emergency"]
        assert set(site["urgent_signs"]) == {"emergency", "today"}
        assert set(site["related_options"]) <= {o["id"] for o in data["options"]}
    assert data["contract"] == 4
    assert data["reader"] == "self"
    assert data["aims"] == load_knowledge().support.aims
    assert data["approvals_checked_up_to"] == load_knowledge().registry_checked.isoformat()
    assert data["certain_kinds"] == []  # every result known here: nothing left to be certain about
    assert set(data["general_urgent_signs"]) == {"emergency", "today"}
    assert 1 <= len(data["questions"]) <= 10


def test_explain_for_a_caregiver_gives_the_same_contract_with_the_carer_forms():
    """``--reader caregiver``: the same keys, with every warning sign and what treatment aims to do
    as a family member reads them, one for one and in the same order as the person's own."""
    mine, theirs = (json.loads(run(*EXAMPLE, "--json", *extra).stdout) for extra in ([], ["--reader", "caregiver"]))
    kb = load_knowledge()
    assert theirs["reader"] == "caregiver"
    assert theirs["aims"] == kb.support.carer.aims and "the person you care for" in theirs["aims"]
    assert set(theirs) == set(mine) and theirs["options"] == mine["options"]
    for got, site in zip(theirs["sites"], (kb.sites["bone"], kb.sites["liver"])):
        assert got["urgent_signs"] == {"emergency": site.carer_signs.emergency, "today": site.carer_signs.today}
    assert theirs["general_urgent_signs"]["emergency"] == kb.meta.general_carer_signs.emergency
    signs = [s for p in [*theirs["sites"], {"urgent_signs": theirs["general_urgent_signs"]}]
             for tier in ("emergency", "today") for s in p["urgent_signs"][tier]]
    assert "Their legs feel weak or numb, or they cannot walk normally. This can mean pressure on the spinal cord." \
        in signs
    assert not [s for s in signs if re.search(r"\b(you|your)\b", s, re.I) and "or you" not in s], signs
    mine_signs = [s for p in [*mine["sites"], {"urgent_signs": mine["general_urgent_signs"]}]
                  for tier in ("emergency", "today") for s in p["urgent_signs"][tier]]
    assert len(signs) == len(mine_signs) and not set(signs) & set(mine_signs) - {
        "A sore bleeds a lot and does not stop with firm pressure."}


def test_explain_for_a_caregiver_in_spanish_and_as_text():
    es = json.loads(run(*EXAMPLE, "--json", "--reader", "caregiver", "--lang", "es").stdout)
    assert es["aims"].startswith("Cuando el cáncer se ha diseminado") and "ayudar a la persona a vivir" in es["aims"]
    assert es["sites"][0]["urgent_signs"]["emergency"][0].startswith("La persona siente las piernas")
    text = " ".join(run(*EXAMPLE, "--reader", "caregiver").stdout.split())
    assert "help the person you care for live well" in text
    assert "! Their legs feel weak or numb" in text and "! Your legs" not in text
    assert "help you live well" in " ".join(run(*EXAMPLE).stdout.split())


def test_explain_json_is_the_engine_output():
    from knowledge import Profile, default_knowledge, explain

    proc = run(*EXAMPLE, "--json")
    profile = Profile.create(hr="positive", her2="zero", sites=["bone", "liver"], menopause="post",
                             markers={"esr1": "positive"})
    kb = default_knowledge()
    assert json.loads(proc.stdout) == json.loads(json.dumps(explain(profile, kb).to_dict(kb)))


def test_explain_text_is_readable():
    proc = run(*EXAMPLE)
    assert proc.returncode == 0
    assert proc.stdout.startswith("This is general education")
    assert "Questions to ask your care team:" in proc.stdout
    assert "Bones:" in proc.stdout


@pytest.mark.parametrize(
    "args,flag,allowed",
    [
        (["--hr", "maybe"], "--hr", "'positive', 'low', 'negative', 'unknown'"),
        (["--her2", "2+"], "--her2", "'positive', 'low', 'ultralow', 'zero', 'unknown'"),
        (["--site", "hip"], "--site", "'bone', 'brain', 'liver', 'lung', 'lymph_nodes', 'skin', 'other'"),
        (["--menopause", "peri"], "--menopause", "'pre', 'post', 'unknown'"),
        (["--sex", "x"], "--sex", "'female', 'male'"),
        (["--marker", "kras=positive"], "--marker", "brca, pik3ca, akt1, pten, esr1, pdl1"),
        (["--marker", "esr1=yes"], "--marker", "positive, negative, unknown"),
        (["--reader", "carer"], "--reader", "'self', 'caregiver'"),
    ],
)
def test_bad_value_exits_2_naming_flag_and_allowed_values(args, flag, allowed):
    proc = run("explain", *args)
    assert proc.returncode == 2
    assert f"argument {flag}" in proc.stderr
    assert allowed in proc.stderr


def test_explain_asks_who_the_information_is_for_instead_of_assuming():
    proc = run("explain", "--hr", "positive", "--her2", "zero")
    assert proc.returncode == 2
    assert "the following arguments are required: --sex" in proc.stderr
    assert proc.stdout == ""


def test_validate_ok():
    proc = run("validate")
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.startswith("OK: content version")


def test_validate_lists_every_problem_as_file_line_field_message(content_copy):
    _break(content_copy, CDK, "    timing: first", "    timming: first")
    _break(content_copy, "inputs.yaml", 'post: {label: "yes"}', "post: {label: yes}")
    proc = run("validate", str(content_copy))
    assert proc.returncode == 1
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 3, lines
    assert any(line.endswith(f"{CDK}:6: options[0].timming: unknown field 'timming'; allowed here: id, class, name, "
                             "title, plain, given, drugs, timing, rank, when, summary, why, details, questions, research, "
                             "research_drugs, research_when, europe, ask_team, safety, evidence, sources, reviewed, cases")
               for line in lines), lines
    assert any(line.endswith("inputs.yaml:54: (file): 'yes' is ambiguous in YAML (older readers turn it into "
                             "true/false); write true or false, or put it in quotes: \"yes\"") for line in lines), lines
