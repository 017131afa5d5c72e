"""The glossary explains what the patient text uses: every drug named in an option (with how to
say it), and every medical word on a watch-list that appears anywhere a patient can read."""

from __future__ import annotations

import re

import pytest

from knowledge import load_knowledge
from tests.test_readability import all_patient_strings

# Medical words a patient may not know. If one appears in any patient-facing text, the glossary
# must define it (as a term or under `also`). Matching is whole-word and case-insensitive.
WATCH_LIST = (
    "metastatic", "metastasis", "receptor", "hormone receptor", "hormone receptor-positive", "estrogen",
    "estrogen receptor", "progesterone", "HER2", "HER2-positive", "HER2-negative", "HER2-low", "HER2-ultralow",
    "HER2-zero", "ER-low", "triple-negative", "ovarian", "ovaries", "ovarian suppression", "menopause",
    "biopsy", "liquid biopsy", "pathology report", "immunotherapy", "immune system", "antibody",
    "antibody-drug conjugate", "inhibitor", "aromatase inhibitor", "CDK4/6 inhibitor", "PI3K inhibitor",
    "AKT inhibitor", "mTOR inhibitor", "PARP inhibitor", "tyrosine kinase inhibitor", "chemotherapy",
    "taxane", "radiation", "radiosurgery", "whole-brain radiation", "hormone therapy", "GnRH agonist",
    "estrogen receptor degrader", "bisphosphonate", "biosimilar", "gene", "mutation", "inherited",
    "germline", "BRCA1", "BRCA2", "PIK3CA", "AKT1", "PTEN", "ESR1", "PD-L1", "CPS", "TROP2", "IHC", "ISH",
    "FISH", "lymph nodes", "spinal cord", "spinal cord compression", "chest wall", "anemia", "platelets",
    "white blood cells", "blood counts", "interstitial lung disease", "palliative care", "supportive care",
    "clinical trial", "genetic counselor", "MRI", "steroid", "testosterone", "anesthesia", "neurosurgeon",
    "visceral crisis", "T-DM1", "T-DXd", "Dato-DXd", "high calcium", "targeted drug",
)


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def defined(kb) -> set[str]:
    names = set()
    for term in kb.glossary:
        names.add(term.term.lower())
        names.update(a.lower() for a in term.also)
    return names


def _appears(word: str, text: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w])", text, re.IGNORECASE) is not None


def test_every_drug_in_an_option_has_an_entry_with_pronunciation(kb):
    by_term = {t.term: t for t in kb.glossary}
    missing = sorted({d for o in kb.options for d in o.drugs if d not in by_term})
    assert not missing, f"drugs without a glossary entry: {missing}"
    no_say = sorted({d for o in kb.options for d in o.drugs if not by_term[d].pronunciation})
    assert not no_say, f"drugs without a pronunciation: {no_say}"


def test_every_drug_not_yet_available_is_in_the_glossary_linked_to_the_registry(kb):
    by_drug = {t.drug: t for t in kb.glossary if t.drug}
    for drug in (d.id for d in kb.drugs.values() if d.status != "approved"):
        assert drug in by_drug, drug


def test_every_watched_word_used_in_patient_text_is_defined(kb, defined):
    texts = [text for _, text in all_patient_strings(kb)]
    used = [w for w in WATCH_LIST if any(_appears(w, t) for t in texts)]
    missing = [w for w in used if w.lower() not in defined]
    assert not missing, f"used in patient text but not in the glossary: {missing}"
    # Guard: the watch-list must actually catch words in the content.
    assert len(used) > 40


def test_glossary_definitions_do_not_lean_on_undefined_drug_names(kb, defined):
    drugs = {d for o in kb.options for d in o.drugs}
    for term in kb.glossary:
        for drug in drugs:
            if _appears(drug, term.definition):
                assert drug in defined, (term.term, drug)


def test_glossary_terms_are_unique(kb):
    seen: set[str] = set()
    for term in kb.glossary:
        for name in [term.term, *term.also]:
            assert name.lower() not in seen, name
            seen.add(name.lower())
