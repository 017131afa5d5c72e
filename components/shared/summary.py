"""What was entered, in words from the content, shared by the results screen and the printout."""

from __future__ import annotations

from typing import Any, Mapping

from knowledge import KnowledgeBase
from knowledge.profile import MARKERS, UNKNOWN

from .text import punctuate, t


def answer_words(kb: KnowledgeBase, answers: Mapping[str, Any], with_sex: bool = True) -> list[str]:
    """``["Information for: a woman", "Hormone receptors: positive", ..., "Not sure: HER2, PIK3CA"]``:
    every answer given, with the ones given as "not sure" named together at the end."""
    words = [_pair(kb, "sex", answers["sex"])] if answers["sex"] and with_sex else []
    for field in ("hr", "her2"):
        if answers[field] != UNKNOWN:
            words.append(_pair(kb, field, answers[field]))
    if asks_menopause(answers) and answers["menopause"] != UNKNOWN:
        words.append(_pair(kb, "menopause", answers["menopause"]))
    for m in MARKERS:
        if answers["markers"][m] != UNKNOWN and m in kb.inputs:
            words.append(_pair(kb, m, answers["markers"][m]))
    unsure = not_sure(answers)
    names = [kb.inputs[f].label for f in unsure if f not in MARKERS]
    markers = [m for m in unsure if m in MARKERS and m in kb.inputs]
    if len(markers) == len(MARKERS):  # none of the optional tests given: say so once
        names.append(t("results.not_sure_markers", kb.lang))
    elif markers:  # the tests' short names (BRCA, PIK3CA): their full labels are long
        names.append(", ".join(kb.inputs[m].short or kb.inputs[m].label for m in markers))
    if names:
        words.append(t("results.not_sure_list", kb.lang, names="; ".join(names)))
    return words


def asks_menopause(answers: Mapping[str, Any]) -> bool:
    """Menopause is asked only where it can change something: women whose cancer may be HR-positive."""
    return answers["sex"] != "male" and answers["hr"] != "negative"


def not_sure(answers: Mapping[str, Any]) -> list[str]:
    """The fields answered "I'm not sure", in the order they are asked."""
    fields = ["hr", "her2"] + (["menopause"] if asks_menopause(answers) else [])
    return [f for f in fields if answers[f] == UNKNOWN] + [m for m in MARKERS if answers["markers"][m] == UNKNOWN]


def place_words(kb: KnowledgeBase, answers: Mapping[str, Any]) -> list[str]:
    values = kb.inputs["site"].values
    return [values[s].label for s in answers["sites"] if s in values]


def _pair(kb: KnowledgeBase, field: str, value: str) -> str:
    entry = kb.inputs[field]
    label = t("steps.not_sure_label", kb.lang) if value == UNKNOWN else entry.values[value].label
    return punctuate(f"{entry.label}: {label}", kb.lang)
