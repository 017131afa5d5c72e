"""The command line is a stable contract: run it as a real subprocess and check what it prints."""

from __future__ import annotations

import json
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
    assert data["contract"] == 3
    assert data["approvals_checked_up_to"] == load_knowledge().registry_checked.isoformat()
    assert data["certain_kinds"] == []  # every result known here: nothing left to be certain about
    assert set(data["general_urgent_signs"]) == {"emergency", "today"}
    assert 1 <= len(data["questions"]) <= 10


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
