"""Translations overlay only text, keep every number, and cover every English text."""

from __future__ import annotations

import pytest

from knowledge import KnowledgeError, load_knowledge
from knowledge.i18n import check, fingerprint, overlay

ENGLISH = {
    "options": [
        {"id": "a", "class": "parp", "name": "PARP pill", "drugs": ["olaparib"], "when": {"brca": ["positive"]},
         "details": {"how_given": "A pill twice a day, every 3 weeks.", "report_right_away": ["Fever.", "Pain."]},
         "cases": {"applies": [{"brca": "positive", "note": "editor note"}]}},
    ],
}
SPANISH = {
    "translated_from": fingerprint(ENGLISH),
    "options": {
        "a": {"name": "Pastilla PARP",
              "details": {"how_given": "Una pastilla dos veces al día, cada 3 semanas.",
                          "report_right_away": ["Fiebre.", "Dolor."]}},
    },
}


def test_complete_translation_has_no_problems_and_overlays_only_text():
    assert check(ENGLISH, SPANISH) == []
    merged = overlay(ENGLISH, SPANISH)
    option = merged["options"][0]
    assert option["name"] == "Pastilla PARP"
    assert option["details"]["report_right_away"] == ["Fiebre.", "Dolor."]
    # structure stays English: ids, gates, drugs, cases
    assert option["when"] == {"brca": ["positive"]}
    assert option["drugs"] == ["olaparib"]
    assert option["cases"] == ENGLISH["options"][0]["cases"]


def test_missing_text_is_named():
    incomplete = {**SPANISH, "options": {"a": {"details": SPANISH["options"]["a"]["details"]}}}
    assert check(ENGLISH, incomplete) == [(("options", "a", "name"), "has no translation")]


def test_changed_number_is_refused():
    wrong = {**SPANISH, "options": {"a": {**SPANISH["options"]["a"],
                               "details": {"how_given": "Una pastilla dos veces al día, cada 4 semanas.",
                                           "report_right_away": ["Fiebre.", "Dolor."]}}}}
    [(path, message)] = check(ENGLISH, wrong)
    assert path == ("options", "a", "details", "how_given")
    assert message.startswith("the numbers differ from the English (3)")


def test_text_with_no_english_counterpart_is_refused():
    extra = {**SPANISH, "options": {"a": SPANISH["options"]["a"], "b": {"name": "Otra"}}}
    assert check(ENGLISH, extra) == [(("options", "b", "name"), "is not a text of the English file (misspelt id or key?)")]


def test_edited_english_makes_the_translation_refuse_until_it_is_checked():
    edited = {"options": [{**ENGLISH["options"][0], "name": "PARP inhibitor pill"}]}
    [(path, message)] = check(edited, SPANISH)
    assert path == ("translated_from",)
    assert message.endswith(f'set translated_from: "{fingerprint(edited)}"')
    assert fingerprint(edited) != fingerprint(ENGLISH)


def test_fingerprint_ignores_structure_and_order_of_keys():
    moved = {"options": [{**ENGLISH["options"][0], "when": {"brca": ["negative"]}}]}
    assert fingerprint(moved) == fingerprint(ENGLISH)


def test_unknown_language_is_refused(content_copy):
    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content_copy, lang="fr")
    assert "'fr' is not a language of the rule set; use one of: en, es" in str(info.value)


def test_missing_translation_file_is_named(content_copy):
    from .conftest import FIXTURE_TODAY

    with pytest.raises(KnowledgeError) as info:
        load_knowledge(content_copy, today=FIXTURE_TODAY, lang="es")
    assert "content/lang/es/meta.yaml:1: (file): cannot read the file" in str(info.value)
