"""A broken content file must be refused whole, with every problem named as file:line: field: message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from knowledge import KnowledgeError, load_knowledge
from knowledge.yamlsafe import MAX_BYTES

from .conftest import FIXTURE_TODAY


def _break(content: Path, rel: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` once in a content file; return the 1-based line where ``new`` starts."""
    path = content / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"fixture text not found in {rel}: {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1 + _leading_newlines(new)


def _leading_newlines(text: str) -> int:
    return len(text) - len(text.lstrip("\n"))


def _problems(content: Path, today: dt.date = FIXTURE_TODAY) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content, today=today)
    return [str(p).split("content/", 1)[1] for p in info.value.problems]


CDK = "options/cdk46.yaml"
PEMBRO = "options/immunotherapy.yaml"

# (name, file, old text, new text, line offset from where the new text starts (None: the expected
#  message names its line itself), expected "file:line: field: message")
CASES = [
    ("yaml11_boolean", "inputs.yaml", 'post: {label: "yes"}', "post: {label: yes}", 0,
     "{file}:{line}: (file): 'yes' is ambiguous in YAML (older readers turn it into true/false); "
     'write true or false, or put it in quotes: "yes"'),
    ("yaml11_no_in_list", CDK, "her2: [low, ultralow, zero]", "her2: [low, no]", 0,
     "{file}:{line}: (file): 'no' is ambiguous in YAML (older readers turn it into true/false); "
     'write true or false, or put it in quotes: "no"'),
    ("duplicate_key", CDK, "    timing: first\n", "    timing: first\n    timing: later\n", 1,
     "{file}:{line}: (file): duplicate key 'timing' (first written on line {prev}); keep only one"),
    ("anchor", CDK, "timing: first", "timing: &t first", 0,
     "{file}:{line}: (file): anchor '&t' is not allowed; write the value out in full"),
    ("explicit_tag", CDK, "timing: first", "timing: !!python/name:os.system first", 0,
     "{file}:{line}: (file): explicit tag 'tag:yaml.org,2002:python/name:os.system' is not allowed; remove it"),
    ("syntax_error", CDK, "drugs: [palbociclib, ribociclib, abemaciclib]",
     "drugs: [palbociclib, ribociclib, abemaciclib", 0, None),
    ("unknown_field", CDK, "    timing: first", "    timming: first", 0,
     "{file}:{line}: options[0].timming: unknown field 'timming'; allowed here: id, class, name, title, plain, given, "
     "drugs, timing, rank, when, summary, why, details, questions, research, research_drugs, research_when, europe, "
     "ask_team, safety, evidence, sources, reviewed, cases"),
    ("wrong_type", CDK, "    name: CDK4/6 inhibitor with hormone therapy", "    name: 123", 0,
     "{file}:{line}: options[0].name: expected text, got 123"),
    ("unknown_class", CDK, "    class: cdk46", "    class: cdk4", 0,
     "{file}:{line}: options[0].class: 'cdk4' is not allowed; use 'endocrine', 'ovarian_suppression', "
     "'oral_serd', 'cdk46', 'pi3k_akt_mtor', 'her2_antibody', 'her2_tki', 'her2_adc', 'trop2_adc', "
     "'chemotherapy', 'immunotherapy', 'parp', 'bone_modifying', 'radiation', 'surgery', 'supportive_care' "
     "or 'clinical_trial'"),
    ("unknown_source", CDK, "sources: [asco_hr_2024, abc4, acs_stage4]", "sources: [asco_hr_2024, abc5, acs_stage4]", 0,
     "{file}:{line}: options[0].sources[1]: unknown source id 'abc5'; add it to sources.yaml or fix the id"),
    ("missing_field", CDK, "    why: >-\n      It is used for cancer that is hormone receptor-positive and HER2-negative.\n"
     "      HER2-low and HER2-ultralow count as HER2-negative here.\n", "", None,
     "{file}:2: options[0].why: this required field is missing"),
    ("unknown_condition_key", CDK, "        - hr: [positive, low]", "        - hormone: [positive, low]", 0,
     "{file}:{line}: options[0].when.all[0].hormone: unknown condition key 'hormone'; use all, any, not, or one "
     "of: hr, her2, site, menopause, sex, brca, pik3ca, akt1, pten, esr1, pdl1"),
    ("bad_condition_value", CDK, "        - hr: [positive, low]", "        - hr: [positive, lo]", 0,
     "{file}:{line}: options[0].when.all[0].hr: 'lo' is not a value of hr; use any of: positive, low, negative, "
     "unknown"),
    ("condition_two_keys", PEMBRO, "        - pdl1: [positive]", "        - {pdl1: [positive], brca: [positive]}", 0,
     "{file}:{line}: options[0].when.all[2]: a condition must be a mapping with exactly one key: all, any, not, "
     "always, or a field name (hr, her2, site, menopause, sex, brca, pik3ca, akt1, pten, esr1, pdl1)"),
    ("empty_all", PEMBRO, "      all:\n        - hr: [negative]\n        - her2: [low, ultralow, zero]\n"
     "        - pdl1: [positive]\n", "      all: []\n", 0,
     "{file}:{line}: options[0].when.all: 'all' needs a non-empty list of conditions"),
    ("gate_tests_unknown", PEMBRO, "        - pdl1: [positive]", "        - pdl1: [positive, unknown]", -4,
     "{file}:{line}: options[0].when: an option's gate may not test for 'unknown' (pdl1); unknown answers "
     "already make an option conditional"),
    ("pending_drug", CDK, "drugs: [palbociclib, ribociclib, abemaciclib]",
     "drugs: [palbociclib, ribociclib, camizestrant]", 0,
     "{file}:{line}: options[0].drugs[2]: 'camizestrant' is pending in approvals.yaml, not approved; "
     "name it only under research_drugs, never as an available drug"),
    ("drug_not_in_registry", CDK, "drugs: [palbociclib, ribociclib, abemaciclib]",
     "drugs: [palbociclib, ribociclib, dalpiciclib]", 0,
     "{file}:{line}: options[0].drugs[2]: 'dalpiciclib' is not in the drug registry (approvals.yaml); add it there"),
    ("unknown_approval", PEMBRO, "approvals: [pembrolizumab_tnbc_2020]", "approvals: [pembrolizumab_tnbc_2019]", 0,
     "{file}:{line}: options[0].evidence.approvals[0]: unknown approval id 'pembrolizumab_tnbc_2019'; approvals are "
     "listed under each drug in approvals.yaml"),
    ("approval_of_another_drug", CDK, "      basis: \"Guideline support (ASCO 2024)\"",
     "      approvals: [pembrolizumab_tnbc_2020]", 0,
     "{file}:{line}: options[0].evidence.approvals[0]: approval 'pembrolizumab_tnbc_2020' is of 'pembrolizumab', "
     "which this option does not list in drugs"),
    ("pending_without_date", "approvals.yaml", "    expected_decision: 2026-12-18\n", "", None,
     "{file}:28: drugs[5].status: pending drug 'giredestrant' needs expected_decision, or status_as_of with "
     "recheck_by when no decision date is known"),
    ("approval_after_check", "approvals.yaml", "        date: 2020-11-13", "        date: 2026-11-22", 0,
     "{file}:{line}: drugs[3].approvals[0].date: approval date 2026-11-22 is after checked_up_to (2026-11-21)"),
    ("drugs_for_non_drug_class", "options/supportive_care.yaml", "    timing: any", "    drugs: [morphine]\n    timing: any", 0,
     "{file}:{line}: options[0].drugs: options of class 'supportive_care' list no drugs; remove the list"),
    ("drug_name_form", CDK, "drugs: [palbociclib, ribociclib, abemaciclib]", "drugs: [Palbociclib, ribociclib, abemaciclib]", 0,
     "{file}:{line}: options[0].drugs[0]: 'Palbociclib' is not in the right form (the lowercase generic name, "
     "e.g. trastuzumab deruxtecan)"),
    ("case_contradicts_gate", CDK, "        - {hr: negative, her2: zero}", "        - {hr: positive, her2: zero}", 0,
     "{file}:{line}: options[0].cases.absent[0]: case expects 'absent' but the gate gives 'applies'"),
    ("case_wrong_depends_on", CDK, "{hr: unknown, her2: zero, depends_on: [hr]}",
     "{hr: unknown, her2: zero, depends_on: [her2]}", 0,
     "{file}:{line}: options[0].cases.conditional[0].depends_on: case expects depends_on ['her2'] but the gate "
     "gives ['hr']"),
    ("bad_date", CDK, "    reviewed: 2026-11-21", "    reviewed: 2026-13-01", 0,
     "{file}:{line}: options[0].reviewed: '2026-13-01' is not a date; write it as YYYY-MM-DD"),
    ("review_in_future", CDK, "    reviewed: 2026-11-21", "    reviewed: 2027-01-01", 0,
     "{file}:{line}: options[0].reviewed: review date 2027-01-01 for 'cdk46_with_endocrine' is in the future"),
    ("unknown_related_option", "sites.yaml", "    related_options: []", "    related_options: [bone_drugs]", 0,
     "{file}:{line}: sites[0].related_options[0]: unknown option id 'bone_drugs'"),
    ("missing_site", "sites.yaml", "  - id: other\n", "  - id: lung\n", 0,
     None),
    ("http_source", "sources.yaml", "url: https://doi.org/10.1093/annonc/mdy192", "url: http://doi.org/10.1093/annonc/mdy192", 0,
     "{file}:{line}: sources[3].url: 'http://doi.org/10.1093/annonc/mdy192' is not in the right form "
     "(a plain https:// address, with no spaces and none of ( ) [ ] < > \" ')"),
    ("missing_value_label", "inputs.yaml", "      ultralow: {label: ultralow, help: \"Score 0, but a few cells show faint staining. "
     "Doctors call this HER2-ultralow.\"}\n", "", None,
     "{file}:25: inputs.her2.values: value 'ultralow' of 'her2' has no label"),
    ("vignette_unknown_option", "vignettes.yaml", "shows: [pembrolizumab_tnbc, supportive_care]",
     "shows: [pembrolizumab, supportive_care]", 0,
     "{file}:{line}: vignettes[0].shows[0]: unknown option id 'pembrolizumab'"),
    ("vignette_broken_promise", "vignettes.yaml", "hides: [cdk46_with_endocrine]", "hides: [pembrolizumab_tnbc]", 0,
     "{file}:{line}: vignettes[0].hides[0]: the explainer shows 'pembrolizumab_tnbc' for this profile"),
    # An unfolding case: every stage keeps its promises, and a case is either one snapshot or stages.
    ("stage_broken_promise", "vignettes.yaml", "        shows: [pembrolizumab_tnbc, supportive_care]\n        hides: [cdk46",
     "        shows: [cdk46_with_endocrine, supportive_care]\n        hides: [cdk46", 0,
     "{file}:{line}: vignettes[1].stages[1].shows[0]: the explainer hides 'cdk46_with_endocrine' for this profile"),
    ("stage_unknown_option", "vignettes.yaml", "        hides: [pembrolizumab_tnbc]", "        hides: [pembrolizumab]", 0,
     "{file}:{line}: vignettes[1].stages[0].hides[0]: unknown option id 'pembrolizumab'"),
    ("stage_duplicate_id", "vignettes.yaml", "      - id: new_biopsy", "      - id: first_diagnosis", None,
     "{file}:26: vignettes[1].stages[1].id: duplicate id 'first_diagnosis' (first at item 1); ids must be unique"),
    ("stage_prompt_step_missing", "vignettes.yaml", '          reflect: ["What would you ask her at the next visit?"]\n',
     "", None, "{file}:19: vignettes[1].stages[0].prompts.reflect: this required field is missing"),
    ("stages_and_profile_both", "vignettes.yaml", '    story: "A 61-year-old woman, after menopause."\n',
     '    story: "A 61-year-old woman, after menopause."\n    profile: {hr: positive, her2: zero}\n', 1,
     "{file}:{line}: vignettes[1].profile: a case with stages keeps its answers, questions and promises in each "
     "stage; move 'profile' into the stages"),
    ("url_breaks_out_of_a_link", "sources.yaml", "url: https://doi.org/10.1093/annonc/mdy192",
     "url: https://doi.org/x)![p](https://evil.example/p.png)[l](https://evil.example", 0,
     "{file}:{line}: sources[3].url: 'https://doi.org/x)![p](https://evil.example/p.png)[l](ht... "
     "is not in the right form (a plain https:// address, with no spaces and none of ( ) [ ] < > \" ')"),
    ("quote_in_url", "sources.yaml", "url: https://doi.org/10.1093/annonc/mdy192",
     "url: \"https://doi.org/10.1093/annonc/mdy192'onmouseover=x\"", 0, None),
    ("markdown_picture_in_text", CDK, "    name: CDK4/6 inhibitor with hormone therapy",
     "    name: \"CDK4/6 ![x](https://evil.example/p.png)\"", 0,
     "{file}:{line}: options[0].name: a markdown picture (![...](...)) is not allowed in text"),
    ("markdown_link_in_text", CDK, "    name: CDK4/6 inhibitor with hormone therapy",
     "    name: \"CDK4/6 [read more](https://evil.example)\"", 0,
     "{file}:{line}: options[0].name: a markdown link ([...](...)) is not allowed in text; put the address in "
     "sources.yaml"),
    ("bare_address_in_text", CDK, "    name: CDK4/6 inhibitor with hormone therapy",
     "    name: CDK4/6 inhibitor, see https://evil.example", 0,
     "{file}:{line}: options[0].name: a web address is not allowed in text; put it in sources.yaml"),
    ("www_address_in_text", CDK, "    name: CDK4/6 inhibitor with hormone therapy",
     "    name: CDK4/6 inhibitor, see www.evil.example", 0,
     "{file}:{line}: options[0].name: a web address is not allowed in text; put it in sources.yaml"),
    ("html_in_text", CDK, "    name: CDK4/6 inhibitor with hormone therapy",
     "    name: \"CDK4/6 <img src=x onerror=alert(1)>\"", 0,
     "{file}:{line}: options[0].name: HTML (<...>) is not allowed in text; write plain words"),
    ("ambiguous_bool_in_always", "options/supportive_care.yaml", "always: true", "always: yes", 0,
     "{file}:{line}: (file): 'yes' is ambiguous in YAML (older readers turn it into true/false); "
     'write true or false, or put it in quotes: "yes"'),
    # A carer's warning signs are the person's own as a family member sees them: one for each sign.
    ("carer_sign_too_many", "sites.yaml", '    carer_signs:\n      emergency:\n',
     '    carer_signs:\n      emergency:\n        - "They fall."\n', 1,
     "{file}:{line}: sites[0].carer_signs.emergency: 2 carer form(s) for the 1 sign(s) of urgent_signs.emergency; "
     "write one carer form for each sign, in the same order"),
    ("carer_sign_missing", "meta.yaml", '  today:\n    - "They have a fever of 100.4°F (38°C) or higher while on '
     'chemotherapy or a drug that lowers blood counts."\n', '  today: []\n', 0,
     "{file}:{line}: general_carer_signs.today: 0 carer form(s) for the 1 sign(s) of general_urgent_signs.today; "
     "write one carer form for each sign, in the same order"),
]


@pytest.mark.parametrize("name,rel,old,new,offset,expected", CASES, ids=[c[0] for c in CASES])
def test_broken_file_is_refused_with_exact_message(content_copy, name, rel, old, new, offset, expected):
    line = _break(content_copy, rel, old, new) + (offset or 0)
    problems = _problems(content_copy)
    if expected is None:
        assert problems, "a broken file must be refused"
        assert all(p.startswith(rel + ":") or p.startswith("sites.yaml") for p in problems), problems
        return
    prev = line - 1
    assert expected.format(file=rel, line=line, prev=prev) in problems, problems


def test_an_unfolding_case_of_one_stage_is_refused_with_its_line(content_copy):
    path = content_copy / "vignettes.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("      - id: new_biopsy")
    path.write_text(text[:start] + text[text.index("    reviewed:", start):], encoding="utf-8")
    line = text[:text.index("    stages:")].count("\n") + 1
    assert "vignettes.yaml:%d: vignettes[1].stages: an unfolding case needs at least two stages; write a case of " \
           "one stage with profile, discussion and shows instead" % line in _problems(content_copy)


def test_syntax_error_names_file_and_line(content_copy):
    line = _break(content_copy, CDK, "drugs: [palbociclib, ribociclib, abemaciclib]",
                  "drugs: [palbociclib, ribociclib, abemaciclib")
    [problem] = _problems(content_copy)
    assert problem.startswith(f"{CDK}:")
    assert "YAML syntax error" in problem
    assert int(problem.split(":")[1]) >= line


def test_missing_site_entry_is_named(content_copy):
    _break(content_copy, "sites.yaml", "  - id: other\n", "  - id: lung\n")
    problems = _problems(content_copy)
    assert any("site 'lung' is described twice; keep one" in p for p in problems), problems
    assert any(p.endswith("sites: site 'other' has no entry; every site needs one") for p in problems), problems


def test_every_problem_is_reported_not_just_the_first(content_copy):
    _break(content_copy, CDK, "    timing: first", "    timming: first")
    _break(content_copy, PEMBRO, "    class: immunotherapy", "    class: immuno")
    _break(content_copy, "inputs.yaml", 'post: {label: "yes"}', "post: {label: yes}")
    problems = _problems(content_copy)
    assert {p.split(":")[0] for p in problems} == {CDK, PEMBRO, "inputs.yaml"}
    # The misspelt key is reported both as unknown and as the missing required field.
    assert [p.split(": ", 1)[1] for p in problems if p.startswith(CDK)] == [
        "options[0].timing: this required field is missing",
        "options[0].timming: unknown field 'timming'; allowed here: id, class, name, title, plain, given, drugs, timing, "
        "rank, when, summary, why, details, questions, research, research_drugs, research_when, europe, ask_team, "
        "safety, evidence, sources, reviewed, cases",
    ]
    assert len(problems) == 4, problems


def test_duplicate_option_id_across_files_names_both_places(content_copy):
    _break(content_copy, PEMBRO, "  - id: pembrolizumab_tnbc", "  - id: cdk46_with_endocrine")
    problems = _problems(content_copy)
    assert any(
        "options[0].id: duplicate option id 'cdk46_with_endocrine' (also at " in p and f"{CDK}:2)" in p
        for p in problems
    ), problems


def test_oversized_file_is_refused(content_copy):
    path = content_copy / CDK
    path.write_text(path.read_text() + "#" * MAX_BYTES, encoding="utf-8")
    [problem] = _problems(content_copy)
    assert problem.startswith(f"{CDK}:1: (file): file is ")
    assert problem.endswith(f"bytes; content files must be at most {MAX_BYTES} bytes")


def test_empty_file_is_refused(content_copy):
    (content_copy / "glossary.yaml").write_text("# nothing here\n", encoding="utf-8")
    assert _problems(content_copy) == ["glossary.yaml:1: (file): file is empty"]


def test_non_utf8_file_is_refused(content_copy):
    (content_copy / "glossary.yaml").write_bytes("terms:\n  - term: caf\xe9\n".encode("latin-1"))
    [problem] = _problems(content_copy)
    assert problem.startswith("glossary.yaml:1: (file): file is not UTF-8 text")


def test_missing_file_is_named(content_copy):
    (content_copy / "glossary.yaml").unlink()
    [problem] = _problems(content_copy)
    assert problem.startswith("glossary.yaml:1: (file): cannot read the file")


def test_yml_extension_is_refused(content_copy):
    (content_copy / "options" / "extra.yml").write_text("options: []\n", encoding="utf-8")
    assert "options/extra.yml:1: (file): content files must end in .yaml" in _problems(content_copy)


def _overdue(content: Path, today: dt.date) -> list[str]:
    kb = load_knowledge(content, today=today)  # loads: a passed date is never a refusal
    return [str(p).split("content/", 1)[1] for p in kb.overdue]


def test_an_overdue_review_is_listed_for_the_release_not_refused(content_copy):
    overdue = _overdue(content_copy, today=dt.date(2028, 1, 1))
    assert (f"{CDK}:43: options[0].reviewed: 'cdk46_with_endocrine' was last reviewed on 2026-11-21, more than "
            "365 days ago; review it and update the date") in overdue
    assert any(p.startswith("meta.yaml:") and "'content' was last reviewed" in p for p in overdue)


def test_missing_content_folder(tmp_path):
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(tmp_path / "nowhere")
    assert "content folder not found" in str(info.value)


def test_fixture_rule_set_itself_is_valid(fixture_kb):
    assert fixture_kb.version == "2026.11.1"


# ---- the drug registry: a passed decision day fails the release, never the patient ----------------

def test_a_pending_drug_past_its_decision_day_is_overdue_and_still_loads(content_copy):
    assert ("approvals.yaml:29: drugs[5].expected_decision: the FDA decision on 'giredestrant' was expected on "
            "2026-12-18, which has passed; find out what the FDA decided and update its status, text and sources"
            ) in _overdue(content_copy, today=dt.date(2026, 12, 19))


def test_a_pending_drug_is_not_overdue_on_its_decision_day(content_copy):
    kb = load_knowledge(content_copy, today=dt.date(2026, 12, 18))
    assert kb.drugs["giredestrant"].status == "pending" and not kb.overdue


def test_a_pending_drug_past_its_recheck_day_is_overdue(content_copy):
    assert ("approvals.yaml:25: drugs[4].recheck_by: the US status of 'camizestrant' was to be checked again by "
            "2026-12-31, which has passed; check it and update its status, text and sources"
            ) in _overdue(content_copy, today=dt.date(2027, 1, 1))


def test_a_broken_file_is_still_refused_whole_after_a_decision_day(content_copy):
    _break(content_copy, CDK, "timing: first", "timing: soon")
    problems = _problems(content_copy, today=dt.date(2026, 12, 19))
    assert any(p.startswith(f"{CDK}:") and "timing" in p for p in problems)
