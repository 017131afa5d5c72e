"""Every patient-facing text is plain: reading grade at most 8, median at most 6.5, no sentence
with more than two glossary terms, and it never uses the phrases the content guide rules out.

How the grade is measured (see docs/content-method.md):

* textstat 0.7.8 (pinned; works offline), Flesch-Kincaid grade, one score per text.
* Before scoring, only names a reader has to learn as names are swapped for a one-syllable word:
  every drug in any option (and its brand names and short forms from the glossary), the pending
  drugs, and gene, protein and test names (TECH_NAMES: HER2, PIK3CA, PD-L1 ...). A six-syllable
  drug name would otherwise add several grades to any sentence, although the reader sees it as
  one word.
* Everything else is scored as written, including treatment and receptor words such as
  "chemotherapy", "antibody-drug conjugate" or "hormone receptor-positive": they are hard for the
  reader, so the text leads with what the treatment does and gives the name after.

Concept load: a glossary term is any `term` or `also` entry of glossary.yaml, matched
case-insensitively as a whole word (longest first, so "spinal cord compression" is one term),
except drug names and gene/test names. No sentence of a patient text uses more than two.
"""

from __future__ import annotations

import re
import statistics
from typing import Iterator

import pytest
import textstat

from knowledge import approvals, load_knowledge
from knowledge.engine import all_lines

MAX_GRADE = 8.0
MAX_MEDIAN = 6.5

# Gene, protein and test names: read as one token, said letter by letter.
TECH_NAMES = (
    "HER2", "PIK3CA", "AKT1", "PTEN", "ESR1", "PD-L1", "CPS", "TROP2", "CDK4/6", "CDK4", "CDK6",
    "PI3K", "mTOR", "AKT", "PARP", "BRCA1", "BRCA2", "BRCA", "T-DM1", "T-DXd", "Dato-DXd", "ISH",
    "FISH", "IHC", "GnRH", "LHRH", "ER", "PR", "MRI", "DNA", "TNBC", "SERD", "ADC",
    "ClinicalTrials.gov", "PALB2",
)
MAX_GLOSSARY_TERMS_PER_SENTENCE = 2
FORBIDDEN = ("you should", "recommended for you", "the best option", "your treatment is")


def patient_texts(kb) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a patient can read, except labels and names."""
    for o in kb.options:
        yield f"{o.id}.summary", o.summary
        yield f"{o.id}.why", o.why
        for field in ("what_it_is", "how_it_works", "how_given", "may_help", "may_cause", "typical_use"):
            yield f"{o.id}.details.{field}", getattr(o.details, field)
        for i, text in enumerate(all_lines(o.details.report_right_away)):
            yield f"{o.id}.report_right_away[{i}]", text
        for i, text in enumerate(all_lines(o.details.notes)):
            yield f"{o.id}.notes[{i}]", text
        for i, text in enumerate(all_lines(o.questions)):
            yield f"{o.id}.questions[{i}]", text
        for field in ("research", "europe"):
            if getattr(o, field):
                yield f"{o.id}.{field}", getattr(o, field)
        if o.plain:
            yield f"{o.id}.plain", o.plain
    for note in kb.safety.values():
        yield f"safety {note.id}", note.text
        if note.men:
            yield f"safety {note.id}.men", note.men
    for site in kb.sites.values():
        yield f"site {site.id}.summary", site.summary
        yield f"site {site.id}.what_it_means", site.what_it_means
        for field in ("symptoms", "local_treatments"):
            for i, text in enumerate(getattr(site, field)):
                yield f"site {site.id}.{field}[{i}]", text
        for field in ("urgent_signs", "carer_signs"):
            for tier, signs in getattr(site, field):
                for i, text in enumerate(signs):
                    yield f"site {site.id}.{field}.{tier}[{i}]", text
    for q in kb.questions:
        yield f"question {q.id}", q.text
    for m in kb.matters:  # "what matters most to me": the question each choice adds
        yield f"matters {m.id}", m.text
    for way in kb.practical.ways:  # practical questions by how a treatment is given, and who can help
        for q in way.questions:
            yield f"practical {way.id}.{q.id}", q.text
    for helper in kb.practical.help:
        yield f"practical help {helper.id}", helper.what
    yield "practical take_home", kb.practical.take_home.text
    for name, entry in kb.inputs.items():
        yield f"input {name}.question", entry.question
        yield f"input {name}.help", entry.help
        for value, v in entry.values.items():
            if v.help:
                yield f"input {name}.{value}.help", v.help
    for term in kb.glossary:
        yield f"glossary {term.term}", term.definition
    yield "meta.disclaimer", kb.meta.disclaimer
    yield "meta.baseline", kb.meta.baseline
    for field in ("general_urgent_signs", "general_carer_signs"):
        for tier, signs in getattr(kb.meta, field):
            for i, text in enumerate(signs):
                yield f"meta.{field}.{tier}[{i}]", text
    for i, text in enumerate(kb.meta.everyday_lines):
        yield f"meta.everyday_lines[{i}]", text
    carer = kb.support.carer  # what a reader who cares for the person reads on their own card
    yield "support.carer.aims", carer.aims
    for field in ("help_at_visit", "look_after_yourself"):
        for i, text in enumerate(getattr(carer, field)):
            yield f"support.carer.{field}[{i}]", text
    for helpline in carer.helplines:
        yield f"support.carer.helplines.{helpline.id}", helpline.what


def approval_texts(kb) -> Iterator[tuple[str, str]]:
    """The approval and research sentences made from the registry, as the evidence layer shows them.

    They are held to the reading grade; the concept-load rule leaves them out, because they
    restate the label's own receptor words (each explained in Words explained)."""
    for o in kb.options:
        for i, text in enumerate(approvals.approval_sentences(kb, o) + approvals.research_sentences(kb, o)):
            yield f"{o.id} approval sentence {i}", text


def all_patient_strings(kb) -> Iterator[tuple[str, str]]:
    """Every patient-facing string, including names and labels (for phrase and word checks)."""
    yield from patient_texts(kb)
    for o in kb.options:
        yield f"{o.id}.name", o.name
    for site in kb.sites.values():
        yield f"site {site.id}.name", site.name
    for name, entry in kb.inputs.items():
        yield f"input {name}.label", entry.label
        for value, v in entry.values.items():
            yield f"input {name}.{value}.label", v.label
    for m in kb.matters:
        yield f"matters {m.id}.label", m.label
    for helper in kb.practical.help:
        yield f"practical help {helper.id}.name", helper.name


def drug_names(kb) -> set[str]:
    names = set(kb.drugs) | {brand for d in kb.drugs.values() for brand in d.brands}
    for term in kb.glossary:
        if term.term in names or term.pronunciation and term.term.islower():
            names.add(term.term)
            names.update(term.also)
    return names


def _sub(text: str, words, placeholder: str, ignore_case: bool) -> str:
    flags = re.IGNORECASE if ignore_case else 0
    for word in sorted(words, key=len, reverse=True):
        text = re.sub(r"(?<![\w-])" + re.escape(word) + r"(?![\w])", placeholder, text, flags=flags)
    return text


def prepared(text: str, drugs: set[str]) -> str:
    """The text as scored: drug names and gene/test names replaced; all else as written."""
    text = _sub(text, drugs, "drug", True)
    return _sub(text, TECH_NAMES, "name", False)


def grade(text: str, drugs: set[str]) -> float:
    return textstat.flesch_kincaid_grade(prepared(text, drugs))


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture(scope="module")
def grades(kb):
    drugs = drug_names(kb)
    texts = [*patient_texts(kb), *approval_texts(kb)]
    return [(where, grade(text, drugs), text) for where, text in texts]


def test_textstat_is_the_pinned_version():
    assert tuple(textstat.__version__) == (0, 7, 8) if isinstance(textstat.__version__, tuple) else \
        textstat.__version__.startswith("0.7.8")


def test_every_patient_text_is_at_most_grade_8(grades):
    too_hard = [f"{where}: grade {g:.1f}: {text}" for where, g, text in grades if g > MAX_GRADE]
    assert not too_hard, "texts above grade 8:\n" + "\n".join(too_hard)


def test_median_grade_is_at_most_6_5(grades):
    median = statistics.median(g for _, g, _ in grades)
    assert median <= MAX_MEDIAN, f"median grade {median:.2f}"


def test_enough_texts_are_measured(grades):
    # A guard against the collector silently finding nothing.
    assert len(grades) > 500


def test_drug_names_are_replaced_before_scoring(kb):
    drugs = drug_names(kb)
    assert prepared("Trastuzumab deruxtecan is given by drip.", drugs) == "drug is given by drip."
    assert prepared("A HER2 test and chemotherapy.", drugs) == "A name test and chemotherapy."
    # Treatment words are scored as written: no one-syllable stand-in for them.
    assert prepared("An antibody-drug conjugate for hormone receptor-positive cancer.", drugs) == \
        "An antibody-drug conjugate for hormone receptor-positive cancer."


@pytest.mark.parametrize("phrase", FORBIDDEN)
def test_no_patient_text_uses_a_forbidden_phrase(kb, phrase):
    found = [f"{where}: {text}" for where, text in all_patient_strings(kb) if phrase in text.lower()]
    assert not found, f"'{phrase}' found in:\n" + "\n".join(found)


def test_urgent_signs_are_said_once_under_their_heading(kb):
    """Each sign is written once, under a heading that says what to do; the sign itself
    does not repeat "Get medical help right away"."""
    tiers = [kb.meta.general_urgent_signs, kb.meta.general_carer_signs]
    tiers += [signs for site in kb.sites.values() for signs in (site.urgent_signs, site.carer_signs)]
    signs = [s for t in tiers for s in t.emergency + t.today]
    assert all(t.emergency for t in tiers)
    assert not [s for s in signs if s.lower().startswith(("get medical help", "call "))]
    assert kb.meta.emergency_number in kb.meta.urgent_words.emergency.format(number=kb.meta.emergency_number)
    assert "{number}" in kb.meta.urgent_words.emergency


# ---- concept load: at most two glossary terms in one sentence ----------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _is_name(entry: str, drugs: set[str]) -> bool:
    """A drug name, or a gene/protein/test name (TECH_NAMES, alone or joined by "and")."""
    if entry.lower() in {d.lower() for d in drugs}:
        return True
    words = [w for w in entry.split() if w != "and"]
    return bool(words) and all(w in TECH_NAMES for w in words)


def glossary_terms(kb) -> set[str]:
    drugs = drug_names(kb)
    entries = {e for t in kb.glossary for e in (t.term, *t.also)}
    return {e for e in entries if not _is_name(e, drugs)}


def _pattern(words) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w])", re.IGNORECASE)


def term_counter(terms: set[str], names: set[str]):
    """A function giving the glossary terms in a sentence. Names (drugs, genes, tests) are matched
    too, longest first, so that a glossary word inside a name is not counted; then dropped."""
    pattern = _pattern(terms | names)
    lowered = {t.lower() for t in terms}

    def found(sentence: str) -> list[str]:
        return [m.group(0) for m in pattern.finditer(sentence) if m.group(0).lower() in lowered]

    return found


@pytest.fixture(scope="module")
def count_terms(kb):
    return term_counter(glossary_terms(kb), drug_names(kb) | set(TECH_NAMES))


def test_glossary_term_counter_works(kb, count_terms):
    terms = glossary_terms(kb)
    assert {"chemotherapy", "hormone receptor-positive", "spinal cord compression", "care team"} <= terms
    assert not {"HER2", "PIK3CA", "letrozole", "Enhertu", "BRCA1 and BRCA2"} & terms
    made_up = ("Your care team may give chemotherapy for hormone receptor-positive cancer "
               "that has spread to the lymph nodes.")
    assert count_terms(made_up) == ["care team", "chemotherapy", "hormone receptor-positive", "lymph nodes"]
    # Longest match wins; drug and gene names are not glossary terms; case does not matter.
    assert count_terms("Spinal cord compression is rare.") == ["Spinal cord compression"]
    assert count_terms("Letrozole is an aromatase inhibitor for HER2-negative cancer.") == \
        ["aromatase inhibitor", "HER2-negative"]
    assert count_terms("A HER2 test and a PIK3CA test.") == []
    assert count_terms("The chemotherapy drug and chemo.") == ["chemotherapy", "chemo"]
    assert sentences("One. Two? Three: four\nFive") == ["One.", "Two?", "Three: four", "Five"]
    assert len(count_terms(made_up)) > MAX_GLOSSARY_TERMS_PER_SENTENCE  # the check below can fail


def test_no_sentence_uses_more_than_two_glossary_terms(kb, count_terms):
    """The same texts as the grade (names and labels are titles, not sentences)."""
    heavy = []
    for where, text in patient_texts(kb):
        for sentence in sentences(text):
            found = count_terms(sentence)
            if len(found) > MAX_GLOSSARY_TERMS_PER_SENTENCE:
                heavy.append(f"{where}: {found}: {sentence}")
    assert not heavy, "sentences with more than two glossary terms:\n" + "\n".join(heavy)
