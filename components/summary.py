"""What was entered, in words from the content, shared by the results screen and the printout."""

from __future__ import annotations

from typing import Any, Mapping

from knowledge import KnowledgeBase
from knowledge.profile import MARKERS, UNKNOWN

from .text import t


def answer_words(kb: KnowledgeBase, answers: Mapping[str, Any]) -> list[str]:
    """``["Hormone receptors: positive", "HER2: low", ...]``; unknown details after the first two are left out."""
    words = []
    for field in ("hr", "her2"):
        words.append(_pair(kb, field, answers[field]))
    if answers["sex"] == "male":
        words.append(_pair(kb, "sex", "male"))
    elif answers["menopause"] != UNKNOWN:
        words.append(_pair(kb, "menopause", answers["menopause"]))
    for m in MARKERS:
        if answers["markers"][m] != UNKNOWN and m in kb.inputs:
            words.append(_pair(kb, m, answers["markers"][m]))
    return words


def place_words(kb: KnowledgeBase, answers: Mapping[str, Any]) -> list[str]:
    values = kb.inputs["site"].values
    return [values[s].label for s in answers["sites"] if s in values]


def _pair(kb: KnowledgeBase, field: str, value: str) -> str:
    entry = kb.inputs[field]
    label = t("steps.not_sure_label", kb.lang) if value == UNKNOWN else entry.values[value].label
    return f"{entry.label}: {label}"
