"""The Spanish translation (``knowledge/content/lang/es``) is complete, really translated, plain and
safe, and the command line gives the same result in Spanish as in English.

How readability is measured (see docs/content-method.md, "Spanish"):

* textstat 0.7.8 (pinned; works offline) with ``set_lang("es")``: Fernández Huerta and
  Szigriszt-Pazos (INFLESZ scale), one score per text. Higher is easier for both.
* The same texts as the English check (``tests/test_readability.patient_texts``), and the same kinds
  of name replaced first: every drug of the registry (Spanish spelling, brand names, short forms) and
  gene and test names (``TECH_NAMES``). Treatment words ("quimioterapia", "triple negativo") are
  scored as written, as in English.
* textstat's language is global; the fixture below always sets it back, so English tests that run
  later still score English.
"""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import textstat

from knowledge import tier_headings
from knowledge.i18n import text_paths
from knowledge.loader import CONTENT_DIR
from knowledge.translations import content_files
from knowledge.yamlsafe import read_yaml
from tests.test_readability import TECH_NAMES, _sub, all_patient_strings, approval_texts, patient_texts

ROOT = Path(__file__).resolve().parent.parent
ES_DIR = CONTENT_DIR / "lang" / "es"

# Readability targets, the Spanish equivalent of "every text at most grade 8, median at most 6.5".
# Fernández Huerta: 60-70 "normal" (about grade 7-8), 70-80 "bastante fácil" (about grade 6).
# Szigriszt-Pazos (INFLESZ): 55-65 "normal", 65-80 "bastante fácil", over 80 "muy fácil".
MIN_FERNANDEZ_HUERTA = 60.0
MIN_SZIGRISZT = 55.0
MEDIAN_FERNANDEZ_HUERTA = 75.0
MEDIAN_SZIGRISZT = 70.0

# What the content guide rules out, in Spanish ("you should", "we recommend", "the best option",
# "your treatment is", "recommended for you").
FORBIDDEN_ES = (
    "usted debe", "le recomendamos", "la mejor opción", "su tratamiento es",
    "recomendado para usted", "recomendada para usted", "lo mejor para usted",
)
URGENT_EMERGENCY = "Llame al 911 o vaya a la sala de emergencias ahora si"
URGENT_TODAY = "Llame hoy a su equipo de atención médica"

# Words that are spelt the same in both languages (the loader cannot tell them from a copy): common
# words, and drug names whose Spanish INN is the English one but that are in no option's `drugs`
# (the pending drugs, atezolizumab, the short name sacituzumab).
SAME_IN_BOTH = {"anemia", "biosimilar", "receptor", "genes", "sacituzumab", "camizestrant", "giredestrant",
                "gedatolisib", "atezolizumab", "IHC 1+", "IHC 3+", "neutropenia",
                "Eldercare Locator"}  # a US government service's own name, as its Spanish callers say it
# Brand names (US) are written the same in every language.
BRANDS = {b for d in read_yaml(CONTENT_DIR / "approvals.yaml")[0]["drugs"] for b in d.get("brands", [])}
# A code or proper name: one token with a capital letter or a digit (HER2, CDK4/6, T-DXd, Femara).
_CODE = re.compile(r"^(?=.*[A-Z0-9])[A-Za-z0-9/+\-.]+$")


@pytest.fixture(scope="module")
def drug_spelling() -> dict[str, str]:
    data, _ = read_yaml(ES_DIR / "drugs.yaml")
    return data["drugs"]


def _current_lang() -> str | None:
    """textstat's global language (a private attribute; None if a later version moves it)."""
    return getattr(getattr(textstat.set_lang, "__self__", None), "_textstatistics__lang", None)


@pytest.fixture
def spanish_textstat() -> Iterator[None]:
    """textstat set to Spanish for one test, then back to the language it had (English)."""
    before = _current_lang() or "en"
    textstat.set_lang("es")
    try:
        yield
    finally:
        textstat.set_lang(before)


# ---- 1. complete and really translated --------------------------------------------------------

def test_spanish_rule_set_loads(kb_es):
    assert kb_es.lang == "es"
    assert kb_es.meta.disclaimer.startswith("Esto es información educativa general")


def _translatable_files() -> list[Path]:
    return [CONTENT_DIR / name for name in content_files(CONTENT_DIR)]


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _same_allowed(text: str, same_drugs: set[str]) -> bool:
    return bool(_CODE.match(text)) or text in same_drugs or text in SAME_IN_BOTH or text in BRANDS


def test_every_translatable_file_has_a_spanish_file():
    missing = [p.relative_to(CONTENT_DIR).as_posix() for p in _translatable_files()
               if not (ES_DIR / p.relative_to(CONTENT_DIR)).is_file()]
    assert not missing, f"no Spanish file for: {missing}"


@pytest.mark.parametrize("path", _translatable_files(), ids=lambda p: p.relative_to(CONTENT_DIR).as_posix())
def test_no_text_is_an_untranslated_copy(path, drug_spelling):
    english, _ = read_yaml(path)
    spanish, _ = read_yaml(ES_DIR / path.relative_to(CONTENT_DIR))
    same_drugs = {en for en, es in drug_spelling.items() if en == es}
    copies = []
    for where, text in text_paths(english):
        if not re.search(r"[A-Za-z]", text):
            continue
        if _get(spanish, where) == text and not _same_allowed(text, same_drugs):
            copies.append(f"{'.'.join(map(str, where))}: {text}")
    assert not copies, "still in English:\n" + "\n".join(copies)


def test_texts_a_patient_reads_differ_from_english(kb_es, kb_en):
    """The loaded rule sets side by side: options, sites, questions, inputs, glossary definitions."""
    en = list(all_patient_strings(kb_en))
    es = list(all_patient_strings(kb_es))
    assert len(en) == len(es)
    same = [f"{where}: {text}" for (where, text), (_, text_es) in zip(en, es)
            if re.search(r"[a-z]{3}", text) and text_es == text and text not in SAME_IN_BOTH]
    assert not same, "Spanish text equal to the English:\n" + "\n".join(same)


def test_drug_spellings_cover_every_drug_and_match_the_glossary(kb_es, kb_en, drug_spelling):
    used = set(kb_en.drugs)  # every drug of the registry, including those only named in research notes
    assert set(drug_spelling) == used
    assert kb_es.drug_name("trastuzumab deruxtecan") == "trastuzumab deruxtecán"
    assert kb_es.drug_name("zoledronic acid") == "ácido zoledrónico"
    assert kb_es.drug_name("ado-trastuzumab emtansine") == "trastuzumab emtansina"
    # The glossary entry of each drug is headed by the same Spanish spelling the options show.
    pairs = dict(zip((t.term for t in kb_en.glossary), kb_es.glossary))
    wrong = {d: pairs[d].term for d in used if pairs[d].term != drug_spelling[d]}
    assert not wrong, f"glossary term differs from drugs.yaml: {wrong}"
    assert all(pairs[d].pronunciation for d in used)


def test_pronunciation_marks_one_stressed_syllable(kb_es):
    for term in kb_es.glossary:
        if term.pronunciation:
            stressed = [s for s in re.split(r"[- ]", term.pronunciation) if s.isupper()]
            assert stressed, (term.term, term.pronunciation)


def test_drugs_not_yet_available_get_their_status_in_spanish_from_the_registry(kb_es):
    from knowledge.approvals import research_sentences, status_sentence

    waiting = [d.id for d in kb_es.drugs.values() if d.status != "approved"]
    assert {"camizestrant", "giredestrant"} <= set(waiting)
    for drug in waiting:
        assert "aprobado" in status_sentence(kb_es, drug)
    for option in kb_es.options:
        assert not set(option.drugs) & set(waiting)
        for sentence in research_sentences(kb_es, option):
            assert "de 2026" in sentence, sentence


# ---- 2. readability ---------------------------------------------------------------------------

def drug_names_es(kb) -> set[str]:
    names = {kb.drug_name(d) for o in kb.options for d in o.drugs} | {d for o in kb.options for d in o.drugs}
    names |= set(kb.drugs) | {kb.drug_name(d) for d in kb.drugs} | {b for d in kb.drugs.values() for b in d.brands}
    for term in kb.glossary:
        if term.term in names or term.pronunciation and term.term.islower():
            names.add(term.term)
            names.update(term.also)
    return names


def prepared(text: str, drugs: set[str]) -> str:
    """The text as scored: drug names -> "fár", gene/test names -> "nom"; treatment words as written."""
    text = _sub(text, drugs, "fár", True)
    return _sub(text, TECH_NAMES, "nom", False)


@pytest.fixture
def scores(kb_es, spanish_textstat):
    drugs = drug_names_es(kb_es)
    out = []
    for where, text in [*patient_texts(kb_es), *approval_texts(kb_es)]:
        ready = prepared(text, drugs)
        out.append((where, textstat.fernandez_huerta(ready), textstat.szigriszt_pazos(ready), text))
    return out


def test_spanish_formulas_work_offline_and_make_sense(spanish_textstat):
    easy = "El gato come. La casa es roja. Mi hijo va a la escuela."
    hard = ("La administración intravenosa de fármacos citotóxicos produce mielosupresión "
            "significativa en pacientes inmunocomprometidos con comorbilidades hepáticas.")
    assert textstat.fernandez_huerta(easy) > 90 and textstat.szigriszt_pazos(easy) > 85
    assert textstat.fernandez_huerta(hard) < 30 and textstat.szigriszt_pazos(hard) < 30


def test_every_spanish_text_is_at_least_normal(scores):
    hard = [f"{where}: FH {fh:.1f}, SP {sp:.1f}: {text}" for where, fh, sp, text in scores
            if fh < MIN_FERNANDEZ_HUERTA or sp < MIN_SZIGRISZT]
    assert not hard, "texts below the Spanish target:\n" + "\n".join(hard)


def test_median_spanish_text_is_fairly_easy(scores):
    fh = statistics.median(s[1] for s in scores)
    sp = statistics.median(s[2] for s in scores)
    assert fh >= MEDIAN_FERNANDEZ_HUERTA, f"median Fernández Huerta {fh:.1f}"
    assert sp >= MEDIAN_SZIGRISZT, f"median Szigriszt-Pazos {sp:.1f}"


def test_the_same_texts_are_measured_as_in_english(scores, kb_en):
    # Glossary texts are named by their (translated) term; compare everything else by name.
    english = [where for where, _ in [*patient_texts(kb_en), *approval_texts(kb_en)]]
    assert len(scores) == len(english)
    assert [s[0] for s in scores if not s[0].startswith("glossary ")] == \
        [where for where in english if not where.startswith("glossary ")]
    assert len(scores) > 500


def test_names_are_replaced_before_scoring(kb_es):
    drugs = drug_names_es(kb_es)
    assert prepared("El trastuzumab deruxtecán se da por infusión.", drugs) == "El fár se da por infusión."
    assert prepared("Una prueba de HER2 y la quimioterapia.", drugs) == "Una prueba de nom y la quimioterapia."
    assert prepared("El ácido zoledrónico fortalece los huesos.", drugs) == "El fár fortalece los huesos."


def test_textstat_is_back_to_english_after_the_spanish_scores():
    # Runs after the tests above (file order): the fixture must have restored the language.
    assert (_current_lang() or "en").startswith("en")


# ---- 3. forbidden phrases and urgent signs ----------------------------------------------------

def _every_spanish_text(kb) -> Iterator[tuple[str, str]]:
    yield from all_patient_strings(kb)
    for v in kb.vignettes:
        yield f"vignette {v.id}.title", v.title
        yield f"vignette {v.id}.story", v.story
        for i, text in enumerate(v.discussion):
            yield f"vignette {v.id}.discussion[{i}]", text
        for stage in v.stages:
            yield f"vignette {v.id}.{stage.id}.name", stage.name
            yield f"vignette {v.id}.{stage.id}.story", stage.story
            for step, texts in stage.prompts:
                for i, text in enumerate(texts):
                    yield f"vignette {v.id}.{stage.id}.{step}[{i}]", text


@pytest.mark.parametrize("phrase", FORBIDDEN_ES)
def test_no_spanish_text_uses_a_forbidden_phrase(kb_es, phrase):
    found = [f"{where}: {text}" for where, text in _every_spanish_text(kb_es) if phrase in text.lower()]
    assert not found, f"'{phrase}' found in:\n" + "\n".join(found)


def test_spanish_urgent_signs_sit_under_direct_headings(kb_es):
    headings = tier_headings(kb_es)
    assert headings["emergency"].startswith(URGENT_EMERGENCY) and headings["today"].startswith(URGENT_TODAY)
    tiers = [kb_es.meta.general_urgent_signs] + [site.urgent_signs for site in kb_es.sites.values()]
    assert all(t.emergency for t in tiers)
    assert not [s for t in tiers for s in t.emergency + t.today if s.startswith(("Busque", "Llame"))]


def test_fever_threshold_is_kept_in_both_units(kb_es):
    sign = next(s for s in kb_es.meta.general_urgent_signs.today if "fiebre" in s)
    assert "100.4 °F" in sign and "38 °C" in sign


# ---- 4. the command line in Spanish -----------------------------------------------------------

PROFILES = [
    ["--sex", "female", "--hr", "positive", "--her2", "low", "--site", "bone"],
    ["--sex", "female", "--hr", "negative", "--her2", "zero", "--site", "brain", "--site", "lung", "--marker",
     "pdl1=positive"],
    ["--sex", "female", "--hr", "positive", "--her2", "positive", "--site", "liver", "--menopause", "pre"],
    ["--sex", "male", "--hr", "positive", "--her2", "zero", "--site", "lymph_nodes", "--marker", "esr1=positive"],
]


def _explain(args: list[str], lang: str) -> dict:
    done = subprocess.run([sys.executable, "-m", "knowledge", "explain", *args, "--lang", lang, "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("args", PROFILES, ids=lambda a: " ".join(a))
def test_command_line_gives_the_same_result_in_spanish(args, drug_spelling):
    en, es = _explain(args, "en"), _explain(args, "es")
    assert es.keys() == en.keys()
    assert es["profile"] == en["profile"] and es["knowledge_version"] == en["knowledge_version"]
    assert es["disclaimer"] != en["disclaimer"]
    structure = lambda o: (o["id"], o["class"], o["status"], o["depends_on"], o["timing"],  # noqa: E731
                           [s["id"] for s in o["sources"]], sorted(o))
    assert [structure(o) for o in es["options"]] == [structure(o) for o in en["options"]]
    for o_en, o_es in zip(en["options"], es["options"]):
        assert o_es["drugs"] == [drug_spelling[d] for d in o_en["drugs"]], o_en["id"]
        for field in ("name", "summary", "why"):
            assert o_es[field] != o_en[field], (o_en["id"], field)
    assert [s["id"] for s in es["sites"]] == [s["id"] for s in en["sites"]]
    for s_en, s_es in zip(en["sites"], es["sites"]):
        assert s_es["related_options"] == s_en["related_options"]
        assert s_es["summary"] != s_en["summary"]
        for tier in ("emergency", "today"):
            assert len(s_es["urgent_signs"][tier]) == len(s_en["urgent_signs"][tier])
            assert all(a != b for a, b in zip(s_es["urgent_signs"][tier], s_en["urgent_signs"][tier]))
    assert es["general_urgent_signs"].keys() == en["general_urgent_signs"].keys()
    assert len(es["questions"]) == len(en["questions"])
    assert all(q_es != q_en for q_es, q_en in zip(es["questions"], en["questions"]))


def test_command_line_shows_spanish_drug_spellings():
    es = _explain(["--sex", "female", "--hr", "positive", "--her2", "low", "--site", "bone"], "es")
    drugs = {d for o in es["options"] for d in o["drugs"]}
    assert {"letrozol", "trastuzumab deruxtecán", "ácido zoledrónico", "tamoxifeno"} <= drugs
    assert not {"letrozole", "trastuzumab deruxtecan", "zoledronic acid", "tamoxifen"} & drugs
