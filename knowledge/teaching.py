"""Views of the rule set for teaching: the subtype matrix, why/why-not, the rules in words.

Everything here is computed from the engine and the rule set itself, so it cannot drift
from what the patient view shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
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

SUBTYPE_HR = tuple(v for v in HR_VALUES if v != UNKNOWN)
SUBTYPE_HER2 = tuple(v for v in HER2_VALUES if v != UNKNOWN)


def matrix_cell(results: Iterable[OptionResult]) -> str:
    """One class for one subtype: ``applies``, ``conditional:<inputs joined by +>``, or empty."""
    results = list(results)
    if any(r.status == APPLIES for r in results):
        return APPLIES
    waiting = sorted({name for r in results if r.status == CONDITIONAL for name in r.depends_on})
    return f"{CONDITIONAL}:{'+'.join(waiting)}" if waiting else ""


def matrix_csv(rows: list[dict[str, str]]) -> str:
    """The table as machine codes (``python -m knowledge matrix --csv --codes``): a header ``hr,her2,<classes>``,
    then one row per subtype with cells ``applies``, ``conditional:<inputs>`` or empty."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def class_cells(kb: KnowledgeBase, profile: Profile) -> dict[str, str]:
    """Every option class for one profile, as :func:`matrix_cell` sums it up."""
    shown = explain(profile, kb).options
    return {c: matrix_cell(r for r in shown if r.option.class_ == c) for c in kb.kinds}


def subtype_matrix(kb: KnowledgeBase, sites: Iterable[str] = (), menopause: str = UNKNOWN, sex: str = "female",
                   markers: Mapping[str, str] | None = None) -> list[dict[str, str]]:
    """One row per hormone receptor x HER2 subtype, one column per option class."""
    return [{"hr": hr, "her2": her2, **class_cells(kb, Profile.create(hr=hr, her2=her2, sites=sites,
                                                                      menopause=menopause, sex=sex, markers=markers))}
            for hr, her2 in itertools.product(SUBTYPE_HR, SUBTYPE_HER2)]


def subtype_key(hr: str, her2: str) -> str:
    """The key of a subtype's teaching name (``negative_zero`` is triple-negative); the words, in each
    language, are the rule set's (vocabulary.yaml, ``subtypes``)."""
    return f"{hr}_{her2}"


def subtype_name(kb: KnowledgeBase, hr: str, her2: str) -> str | None:
    """The subtype as teachers name it ("Triple-negative (HER2 0)"), or None for answers without a name."""
    return next((s.name for s in kb.vocabulary.subtypes if s.id == subtype_key(hr, her2)), None)


def answer_words(kb: KnowledgeBase, field: str, value: str) -> str:
    """An answer's label from the content ("I'm not sure" for unknown, as the explainer says it)."""
    entry = kb.inputs[field]
    return entry.values[value].label if value in entry.values else kb.vocabulary.table.not_sure


def short_answer(kb: KnowledgeBase, input_name: str) -> str:
    """The short name of an answer a cell waits on (``marker:esr1`` -> "ESR1", ``care_team``)."""
    field = input_name.removeprefix("marker:")
    return next(a.name for a in kb.vocabulary.table.answers if a.id == field)


def cell_words(kb: KnowledgeBase, cell: str) -> str:
    """A raw matrix cell (``applies``, ``conditional:marker:esr1+menopause``, ``""``) in the table's words."""
    words = kb.vocabulary.table
    if cell == APPLIES:
        return words.used
    if cell.startswith(f"{CONDITIONAL}:"):
        names = cell.split(":", 1)[1].split("+")
        return words.only_if.format(inputs=", ".join(short_answer(kb, n) for n in names))
    return words.not_used


def table_filters(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str) -> list[tuple[str, str]]:
    """The table's filters as (answer, value in words), in the rule set's language."""
    places = ", ".join(answer_words(kb, "site", s) for s in sites) or kb.vocabulary.table.any_site
    meno = "—" if sex == "male" else answer_words(kb, "menopause", menopause)
    return [(kb.inputs["site"].label, places), (kb.inputs["menopause"].label, meno),
            (kb.inputs["sex"].label, answer_words(kb, "sex", sex))]


def readable_rows(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                  today: dt.date | None = None) -> list[list[str]]:
    """The table in words: title, content version, date and filters (label, value), a blank row, the
    header, one row per subtype with its teaching name, exact answers and each cell in words."""
    words = kb.vocabulary.table
    return [
        [words.title],
        [words.version, kb.version],
        [words.made_on, (today or dt.date.today()).isoformat()],
        *(list(f) for f in table_filters(kb, sites, menopause, sex)),
        [],
        [words.row_header, kb.inputs["hr"].label, kb.inputs["her2"].label, *(k.name for k in kb.kinds.values())],
        *([subtype_name(kb, row["hr"], row["her2"]) or "",
           answer_words(kb, "hr", row["hr"]), answer_words(kb, "her2", row["her2"]),
           *(cell_words(kb, row[c]) for c in kb.kinds)] for row in rows),
    ]


def readable_csv(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                 today: dt.date | None = None) -> str:
    """:func:`readable_rows` as CSV: the teaching page's download and ``python -m knowledge matrix --csv``."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(readable_rows(kb, rows, sites, menopause, sex, today))
    return out.getvalue()


# Starting points for a comparison, named as teachers say them (by :func:`subtype_key`): the
# receptor answers of each; every other answer starts as not sure.
PRESETS: tuple[tuple[str, str], ...] = (
    ("negative", "zero"), ("negative", "low"), ("positive", "zero"), ("positive", "low"), ("positive", "ultralow"),
    (UNKNOWN, "positive"), ("positive", "positive"), ("negative", "positive"), ("low", "zero"),
)


def compare(kb: KnowledgeBase, profiles: Iterable[Profile]) -> list[dict[str, str]]:
    """Profiles side by side: one row per option class, one cell per profile (as in the matrix)."""
    columns = [class_cells(kb, p) for p in profiles]
    return [{"class": c, "cells": [col[c] for col in columns]} for c in kb.kinds]


def differs(row: Mapping) -> bool:
    return len(set(row["cells"])) > 1


def with_answer(profile: Profile, field: str, value: str) -> Profile:
    """The profile with one answer changed (``site`` adds or removes that place of spread)."""
    p = profile.to_dict()
    markers = dict(p["markers"])
    if field == "site":
        sites = set(p["sites"]) ^ {value}
    else:
        sites = p["sites"]
        if field in markers:
            markers[field] = value
        else:
            p[field] = value
    menopause = UNKNOWN if p["menopause"] == "not_applicable" else p["menopause"]
    return Profile.create(hr=p["hr"], her2=p["her2"], sites=sites, menopause=menopause, sex=p["sex"], markers=markers)


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
    for result in sorted(e.options + e.hidden, key=lambda r: list(kb.kinds).index(r.option.class_)):
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
