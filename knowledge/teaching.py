"""Views of the rule set for teaching: the subtype matrix, why/why-not, the rules in words.

Everything here is computed from the engine and the rule set itself, so it cannot drift
from what the patient view shows.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Iterable, Mapping

import yaml

from .conditions import All, Always, AnyOf, Condition, Not, Test
from .engine import (
    APPLIES, CONDITIONAL, OptionResult, describe_test, explain, failed_because, matched_because, waiting_on,
)
from .loader import KnowledgeBase
from .profile import HER2_VALUES, HR_VALUES, UNKNOWN, Profile
from .schema import OPTION_CLASSES

SUBTYPE_HR = tuple(v for v in HR_VALUES if v != UNKNOWN)
SUBTYPE_HER2 = tuple(v for v in HER2_VALUES if v != UNKNOWN)


def matrix_cell(results: Iterable[OptionResult]) -> str:
    """One class for one subtype: ``applies``, ``conditional:<inputs joined by +>``, or empty."""
    results = list(results)
    if any(r.status == APPLIES for r in results):
        return APPLIES
    waiting = sorted({name for r in results if r.status == CONDITIONAL for name in r.depends_on})
    return f"{CONDITIONAL}:{'+'.join(waiting)}" if waiting else ""


def subtype_matrix(kb: KnowledgeBase, sites: Iterable[str] = (), menopause: str = UNKNOWN, sex: str = "female",
                   markers: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """One row per hormone receptor x HER2 subtype, one column per option class."""
    rows = []
    for hr, her2 in itertools.product(SUBTYPE_HR, SUBTYPE_HER2):
        profile = Profile.create(hr=hr, her2=her2, sites=sites, menopause=menopause, sex=sex, markers=markers)
        shown = explain(profile, kb).options
        row = {"hr": hr, "her2": her2}
        for option_class in OPTION_CLASSES:
            row[option_class] = matrix_cell(r for r in shown if r.option.class_ == option_class)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Verdict:
    """One option for one profile, with the reason in words and the rule as written."""

    result: OptionResult
    reasons: tuple[str, ...]
    rule: str


def why_and_why_not(kb: KnowledgeBase, profile: Profile) -> list[Verdict]:
    """Every option in the rule set: applies, conditional or not shown, and why."""
    e = explain(profile, kb)
    verdicts = []
    for result in sorted(e.options + e.hidden, key=lambda r: OPTION_CLASSES.index(r.option.class_)):
        if result.status == APPLIES:
            reasons = matched_because(result, kb, profile)
        elif result.status == CONDITIONAL:
            reasons = waiting_on(result, kb, profile)
        else:
            reasons = failed_because(result, kb, profile)
        verdicts.append(Verdict(result, tuple(reasons), rule_text(result.option.when)))
    return verdicts


def rule_text(cond: Condition) -> str:
    """The gate exactly as a content editor would write it in YAML."""
    return yaml.safe_dump(cond.to_yaml(), sort_keys=False, default_flow_style=None, width=80).strip()


def rule_in_words(cond: Condition, kb: KnowledgeBase, depth: int = 0) -> list[str]:
    """The gate as an indented list of plain lines (for the "how the rules work" page)."""
    pad = "  " * depth
    words = kb.meta.words
    if isinstance(cond, Always):
        return [f"{pad}- {words.rule_always}"]
    if isinstance(cond, Test):
        return [f"{pad}- {describe_test(cond, kb)}"]
    if isinstance(cond, Not):
        if isinstance(cond.part, Test):
            return [f"{pad}- {describe_test(cond.part, kb, negated=True)}"]
        return [f"{pad}- {words.rule_none_of}"] + rule_in_words(cond.part, kb, depth + 1)
    head = words.rule_all_of if isinstance(cond, All) else words.rule_any_of
    assert isinstance(cond, (All, AnyOf))
    return [f"{pad}- {head}"] + [line for part in cond.parts for line in rule_in_words(part, kb, depth + 1)]
