"""Teaching views come from the same engine: every matrix cell, every reason, every rule text."""

from __future__ import annotations

import csv
import io
import itertools
import subprocess
import sys

import pytest
import yaml

from knowledge import Profile, explain, load_knowledge
from knowledge.conditions import parse_condition
from knowledge.teaching import SUBTYPE_HER2, SUBTYPE_HR, rule_in_words, rule_text, subtype_matrix, why_and_why_not

from .conftest import ROOT

OPTION_CLASSES = tuple(load_knowledge().kinds)  # the kinds of treatment, in the order pages list them


@pytest.mark.parametrize("sites", [(), ("bone",), ("brain", "liver")])
def test_every_matrix_cell_matches_the_engine(kb, sites):
    rows = subtype_matrix(kb, sites=sites)
    assert [(r["hr"], r["her2"]) for r in rows] == list(itertools.product(SUBTYPE_HR, SUBTYPE_HER2))
    for row in rows:
        shown = explain(Profile.create(hr=row["hr"], her2=row["her2"], sites=sites), kb).options
        for option_class in OPTION_CLASSES:
            mine = [r for r in shown if r.option.class_ == option_class]
            cell = row[option_class]
            if any(r.status == "applies" for r in mine):
                assert cell == "applies"
            elif mine:
                waits = {n for r in mine for n in r.depends_on}
                assert cell.startswith("conditional:") and set(cell.split(":", 1)[1].split("+")) == waits
            else:
                assert cell == ""


def test_matrix_csv_codes_from_the_command_line_is_the_same_table(kb):
    proc = subprocess.run([sys.executable, "-m", "knowledge", "matrix", "--csv", "--codes", "--site", "bone"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert list(rows[0]) == ["hr", "her2", *OPTION_CLASSES]
    assert rows == subtype_matrix(kb, sites=["bone"])


def test_hr_negative_rows_never_show_hormone_based_classes(kb):
    for row in subtype_matrix(kb, sites=["bone"]):
        if row["hr"] == "negative":
            assert all(row[c] == "" for c in ("endocrine", "ovarian_suppression", "oral_serd", "cdk46", "pi3k_akt_mtor"))


def test_rule_text_is_the_gate_as_written(kb):
    for option in kb.options:
        problems: list = []
        assert parse_condition(yaml.safe_load(rule_text(option.when)), problems) == option.when
        assert not problems


def test_why_and_why_not_covers_every_option_with_a_reason(kb):
    profile = Profile.create(hr="negative", her2="zero", sites=["brain"])
    verdicts = why_and_why_not(kb, profile)
    assert {v.result.id for v in verdicts} == {o.id for o in kb.options}
    for v in verdicts:
        if v.result.option.when.to_yaml() != {"always": True}:
            assert v.reasons, v.result.id


def test_rules_in_words_are_generated_for_every_option(kb):
    for option in kb.options:
        lines = rule_in_words(option.when, kb)
        assert lines and all(line.strip().startswith("- ") for line in lines)
