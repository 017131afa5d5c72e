"""Approval status is one fact per drug, kept in the drug registry (approvals.yaml), never in prose.

The summer-2026 approvals of gedatolisib and of palbociclib with HER2 drugs went unnoticed
because "not approved" and "being studied" were written into free text. These tests keep
every such statement in the registry, where the loader refuses the rule set on a decision day.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from knowledge import CONTENT_DIR, explain, load_knowledge
from knowledge.approvals import (
    approval_sentences, checked_sentence, date_words, first_approval_year, research_sentences, status_sentence,
)
from knowledge.profile import Profile
from knowledge.yamlsafe import read_yaml

# Phrases that state an approval status, in each language of the rule set.
STATUS_PHRASES = {
    "en": [r"\bapprov", r"\bbeing (studied|tested)\b", r"\bunder (the )?(us )?(fda )?review\b", r"\bstill in research\b",
           r"\bnot (yet )?licensed\b", r"\bgeneral knowledge\b"],
    "es": [r"\baprob", r"\ben estudio\b", r"\bse est[aá] estudiando\b", r"\ben revisi[oó]n\b",
           r"\btodav[ií]a en investigaci[oó]n\b", r"\bconocimiento general\b"],
}
# Where status may be written: the registry itself and the sentences filled in from it. Publication
# titles (sources.yaml) and the editors' dated changelog are records, not statements to the reader.
ALLOWED_FILES = {"approvals.yaml", "sources.yaml", "changelog.yaml"}
ALLOWED_KEYS = {"status_words"}


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in ALLOWED_KEYS:
                yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))
    elif isinstance(data, str):
        yield path, data


def _content_files(lang: str) -> list[Path]:
    root = CONTENT_DIR if lang == "en" else CONTENT_DIR / "lang" / lang
    files = root.rglob("*.yaml") if lang != "en" else [p for p in root.rglob("*.yaml") if "lang" not in p.parts]
    return sorted(p for p in files if p.name not in ALLOWED_FILES)


@pytest.mark.parametrize("lang", sorted(STATUS_PHRASES))
def test_no_content_text_states_an_approval_status_in_prose(lang):
    pattern = re.compile("|".join(STATUS_PHRASES[lang]), re.IGNORECASE)
    found = []
    for path in _content_files(lang):
        data, _ = read_yaml(path)
        for where, text in _strings(data):
            if pattern.search(text):
                found.append(f"{path.relative_to(CONTENT_DIR)}: {'.'.join(map(str, where))}: {text}")
    assert not found, "approval status written in prose (put it in approvals.yaml):\n" + "\n".join(found)


def test_the_scanner_catches_status_prose(tmp_path):
    pattern = re.compile("|".join(STATUS_PHRASES["en"]), re.IGNORECASE)
    assert pattern.search("It is not approved in the US.") and pattern.search("This drug is being studied.")
    assert re.search("|".join(STATUS_PHRASES["es"]), "No está aprobado en EE. UU.", re.IGNORECASE)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


# Stems of international drug names (-mab antibodies, -nib/-lisib/-ciclib/-sertib/-parib inhibitors,
# -strant degraders, -rozole aromatase inhibitors, -tecan conjugates): any such word a text uses must
# be a drug of the registry, so no drug can be named without a status.
DRUG_WORD = re.compile(r"\b[a-z]+(?:mab|nib|lisib|ciclib|sertib|parib|strant|rozole|tecan|relin|limus)\b", re.IGNORECASE)


def test_every_drug_named_anywhere_is_in_the_registry(kb):
    known = {name for d in kb.drugs for name in d.split()} | {b.lower() for d in kb.drugs.values() for b in d.brands}
    unknown = set()
    for path in _content_files("en"):
        data, _ = read_yaml(path)
        for _, text in _strings(data):
            unknown |= {w.lower() for w in DRUG_WORD.findall(text)} - known
    assert not unknown, f"drugs named in the content but missing from approvals.yaml: {sorted(unknown)}"


def test_options_name_only_approved_drugs(kb):
    for option in kb.options:
        assert all(kb.drugs[d].status == "approved" for d in option.drugs), option.id


def test_every_drug_term_in_the_glossary_points_at_the_registry(kb):
    for term in kb.glossary:
        if term.term in kb.drugs:
            assert term.drug == term.term, term.term


def test_registry_brands_are_in_the_glossary(kb):
    terms = {t.drug: t for t in kb.glossary if t.drug}
    for drug in kb.drugs.values():
        assert drug.id in terms, f"{drug.id} has no glossary entry"
        assert set(drug.brands) <= set(terms[drug.id].also), drug.id


# ---- the summer-2026 approvals and the drugs still waiting ----------------------------------

def test_gedatolisib_is_an_available_option_for_hr_positive_her2_negative_without_pik3ca_change(kb):
    profile = Profile.create(hr="positive", her2="zero", markers={"pik3ca": "negative"})
    shown = {r.id: r for r in explain(profile, kb).options}
    gedatolisib = [r for r in shown.values() if "gedatolisib" in r.option.drugs]
    assert gedatolisib and gedatolisib[0].status == "applies"
    assert any("July 14, 2026" in s for s in approval_sentences(kb, gedatolisib[0].option))


def test_gedatolisib_waits_on_the_pik3ca_result_when_it_is_unknown(kb):
    result = [r for r in explain(Profile.create(hr="positive", her2="low"), kb).options if "gedatolisib" in r.option.drugs]
    assert result and result[0].status == "conditional" and "marker:pik3ca" in result[0].depends_on


def test_palbociclib_with_her2_drugs_is_shown_for_hr_positive_her2_positive(kb):
    shown = explain(Profile.create(hr="positive", her2="positive"), kb).options
    palbo = [r for r in shown if r.option.class_ == "cdk46"]
    assert [r.option.drugs for r in palbo] == [["palbociclib"]]
    assert palbo[0].status == "applies"
    assert any("June 24, 2026" in s for s in approval_sentences(kb, palbo[0].option))


def test_pending_drugs_are_named_only_with_their_status_from_the_registry(kb):
    for drug in ("camizestrant", "giredestrant"):
        assert kb.drugs[drug].status == "pending"
        sentence = status_sentence(kb, drug)
        assert "Ask your care team whether it is approved now" in sentence
        options = [o for o in kb.options if drug in o.research_drugs]
        assert options, f"{drug} is named in no research note"
        for option in options:
            assert sentence in research_sentences(kb, option)
    assert "December 18, 2026" in status_sentence(kb, "giredestrant")


def test_dates_are_written_in_words_in_each_language(kb):
    assert date_words(kb, dt.date(2026, 11, 26)) == "November 26, 2026"
    assert checked_sentence(kb) == f"Checked against US FDA approvals up to {date_words(kb, kb.registry_checked)}."
    assert date_words(load_knowledge(lang="es"), dt.date(2026, 11, 26)) == "26 de noviembre de 2026"


def test_approval_years_come_only_from_sourced_registry_dates(kb):
    for option in kb.options:
        year = first_approval_year(kb, option)
        dated = [a for d in kb.drugs.values() for a in d.approvals if a.id in option.evidence.approvals]
        assert year == (min(a.date for a in dated).year if dated else None)
        assert all(a.sources for a in dated)
