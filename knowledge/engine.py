"""From a Profile to an Explanation: pure, deterministic, no I/O.

Three-valued: an option whose gate is true *applies*; one whose gate cannot be decided
because an answer is unknown is *conditional* (and names the answers it waits on); one
whose gate is false is *hidden*, but kept with its reason for teaching views.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import schema
from .conditions import (
    Test, Truth, complement, deciding_tests, evaluate, fields_of, listed, satisfied_tests, trace,
)
from .loader import KnowledgeBase, load_knowledge
from .profile import MARKERS, Profile

APPLIES = "applies"
CONDITIONAL = "conditional"
HIDDEN = "hidden"
# What a conditional option waits on when no answer in the app can decide it (ask_team in the
# rule set): for example whether immunotherapy is an option for this person.
CARE_TEAM = "care_team"
# The command line's JSON contract; raise it on any change to the shape (see README).
CONTRACT_VERSION = 2
_STATUS = {Truth.TRUE: APPLIES, Truth.UNKNOWN: CONDITIONAL, Truth.FALSE: HIDDEN}
MAX_QUESTIONS = 10


@dataclass(frozen=True)
class OptionResult:
    option: schema.Option
    status: str
    depends_on: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.option.id


@dataclass(frozen=True)
class SiteResult:
    site: schema.Site
    related_options: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    profile: Profile
    knowledge_version: str
    disclaimer: str
    options: tuple[OptionResult, ...]  # shown: applies or conditional, in class order
    hidden: tuple[OptionResult, ...]  # gate false; for teaching views only
    sites: tuple[SiteResult, ...]
    questions: tuple[str, ...]
    general_urgent_signs: schema.UrgentSigns

    def urgent_signs(self) -> schema.UrgentSigns:
        """Every warning sign for this profile (chosen places of spread, then the general ones),
        each once, in its two tiers."""
        parts = [s.site.urgent_signs for s in self.sites] + [self.general_urgent_signs]
        return schema.UrgentSigns(
            emergency=list(dict.fromkeys(sign for p in parts for sign in p.emergency)),
            today=list(dict.fromkeys(sign for p in parts for sign in p.today)),
        )

    def to_dict(self, kb: KnowledgeBase) -> dict[str, Any]:
        """The command line's JSON contract (see README)."""
        return {
            "contract": CONTRACT_VERSION,
            "profile": self.profile.to_dict(),
            "knowledge_version": self.knowledge_version,
            "approvals_checked_up_to": kb.registry_checked.isoformat(),
            "disclaimer": self.disclaimer,
            "options": [_option_dict(r, kb) for r in self.options],
            "sites": [
                {
                    "id": s.site.id,
                    "summary": s.site.summary,
                    "urgent_signs": _tiers(s.site.urgent_signs),
                    "related_options": list(s.related_options),
                }
                for s in self.sites
            ],
            "general_urgent_signs": _tiers(self.general_urgent_signs),
            "questions": list(self.questions),
        }


def _tiers(signs: schema.UrgentSigns) -> dict[str, list[str]]:
    return {"emergency": list(signs.emergency), "today": list(signs.today)}


def option_status(option: schema.Option, profile: Profile) -> tuple[str, tuple[str, ...]]:
    """``(status, depends_on)`` of one option for one profile.

    An option whose gate holds is still only conditional when one of its ``ask_team``
    situations is true or cannot be ruled out: then it depends on the care team as well.
    """
    truth, depends = evaluate(option.when, profile)
    if truth is not Truth.FALSE:
        for ask in option.ask_team:
            ask_truth, ask_depends = evaluate(ask.when, profile)
            if ask_truth is not Truth.FALSE:
                truth, depends = Truth.UNKNOWN, depends | ask_depends | {CARE_TEAM}
    return _STATUS[truth], tuple(sorted(depends, key=_input_order))


def missing_results(explanation: Explanation) -> list[tuple[str, tuple[OptionResult, ...]]]:
    """Each answer the shown options wait on (``hr``, ``marker:pik3ca``, …), with the options it
    decides, in the order the questions ask them. The care team's judgement is not a result."""
    waiting: dict[str, list[OptionResult]] = {}
    for result in explanation.options:
        for name in result.depends_on:
            if name != CARE_TEAM:
                waiting.setdefault(name, []).append(result)
    return [(name, tuple(waiting[name])) for name in sorted(waiting, key=_input_order)]


def shows_research(option: schema.Option, profile: Profile) -> bool:
    """A research note is shown only when it can concern this person (``research_when``)."""
    return bool(option.research) and (option.research_when is None
                                      or evaluate(option.research_when, profile)[0] is not Truth.FALSE)


def lines_for(lines, profile: Profile) -> list[str]:
    """The lines that apply to this person: every plain line, and those marked for their sex."""
    return [line if isinstance(line, str) else line.text for line in lines
            if isinstance(line, str) or profile.sex in line.for_]


def all_lines(lines) -> list[str]:
    """Every line's text, whoever it is for (for checks and teaching views)."""
    return [line if isinstance(line, str) else line.text for line in lines]


def ask_team_reasons(option: schema.Option, profile: Profile) -> list[str]:
    """The ``ask_team`` reasons that make this option conditional for this profile."""
    return [ask.reason for ask in option.ask_team if evaluate(ask.when, profile)[0] is not Truth.FALSE]


class _Gate:
    """One option's gate with its results remembered per distinct answer to the fields it reads.

    A gate reads only a few answers (hr and her2, say), so the many profiles that differ
    elsewhere share one evaluation. Results are immutable, so sharing them is safe.
    """

    __slots__ = ("option", "fields", "memo")

    def __init__(self, option: schema.Option):
        self.option = option
        conditions = [option.when] + [ask.when for ask in option.ask_team]
        self.fields = tuple(sorted({t.field for c in conditions for t in fields_of(c)}))
        self.memo: dict[tuple[object, ...], OptionResult] = {}

    def result(self, profile: Profile) -> OptionResult:
        key = tuple(profile.value_of(f) for f in self.fields)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = OptionResult(self.option, *option_status(self.option, profile))
        return found


def _gates(kb: KnowledgeBase) -> tuple[_Gate, ...]:
    gates = kb.cache.get("gates")
    if gates is None:
        gates = kb.cache["gates"] = tuple(_Gate(o) for o in kb.options)
    return gates


def default_knowledge(lang: str = "en") -> KnowledgeBase:
    """The packaged rule set in one language, loaded and validated once per process."""
    if lang not in _DEFAULT:
        _DEFAULT[lang] = load_knowledge(lang=lang)
    return _DEFAULT[lang]


_DEFAULT: dict[str, KnowledgeBase] = {}


def explain(profile: Profile, kb: KnowledgeBase | None = None) -> Explanation:
    """Everything the rule set says about this profile (the packaged rule set by default)."""
    kb = kb or default_knowledge()
    shown: list[OptionResult] = []
    hidden: list[OptionResult] = []
    for gate in _gates(kb):
        result = gate.result(profile)
        (hidden if result.status == HIDDEN else shown).append(result)
    shown_ids = {r.id for r in shown}
    sites = tuple(
        SiteResult(site, tuple(o for o in site.related_options if o in shown_ids))
        for site_id, site in kb.sites.items()
        if site_id in profile.sites
    )
    questions = tuple(
        q.text for q in kb.questions if q.when is None or evaluate(q.when, profile)[0] is Truth.TRUE
    )[:MAX_QUESTIONS]
    return Explanation(
        profile=profile,
        knowledge_version=kb.version,
        disclaimer=kb.meta.disclaimer,
        options=tuple(shown),
        hidden=tuple(hidden),
        sites=sites,
        questions=questions,
        general_urgent_signs=kb.meta.general_urgent_signs,
    )


def tier_headings(kb: KnowledgeBase) -> dict[str, str]:
    """The two warning-sign tiers' headings in the rule set's language, emergency number filled in."""
    words, number = kb.meta.urgent_words, kb.meta.emergency_number
    return {"emergency": words.emergency.format(number=number), "today": words.today.format(number=number)}


# ---- putting gates into words ---------------------------------------------------------------

def describe_test(test: Test, kb: KnowledgeBase, negated: bool = False) -> str:
    """A field test in words, e.g. ``Hormone receptors: positive or low``."""
    entry = kb.inputs[test.field]
    values = complement(test) if negated else listed(test)
    words = [entry.values[v].label for v in values if v in entry.values]
    if not words:
        return f"{entry.label}: {kb.meta.words.word_none}"
    joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {kb.meta.words.word_or} " + words[-1]
    return f"{entry.label}: {joined}"


def waiting_on(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> list[str]:
    """For a conditional option: what would have to be true, in words ("only if …")."""
    words = _words(deciding_tests(trace(result.option.when, profile), Truth.UNKNOWN), kb)
    return words + ask_team_reasons(result.option, profile)


def failed_because(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> list[str]:
    """For a hidden option: the tests that came out false, in words."""
    return _words(deciding_tests(trace(result.option.when, profile), Truth.FALSE), kb)


def matched_because(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> list[str]:
    """For a shown option: the tests that hold for this profile, in words."""
    return _words(satisfied_tests(trace(result.option.when, profile)), kb)


def _words(tests: list[tuple[Test, bool]], kb: KnowledgeBase) -> list[str]:
    seen: list[str] = []
    for test, negated in tests:
        text = describe_test(test, kb, negated)
        if text not in seen:
            seen.append(text)
    return seen


def _option_dict(result: OptionResult, kb: KnowledgeBase) -> dict[str, Any]:
    option = result.option
    return {
        "id": option.id,
        "class": option.class_,
        "name": option.name,
        "drugs": [kb.drug_name(d) for d in option.drugs],
        "status": result.status,
        "depends_on": list(result.depends_on),
        "timing": option.timing,
        "summary": option.summary,
        "why": option.why,
        "sources": [_source_dict(kb.sources[s]) for s in option.sources],
    }


def _source_dict(source: schema.Source) -> dict[str, str]:
    return {"id": source.id, "title": source.title, "publisher": source.publisher, "url": source.url,
            "date": source.date}


_INPUT_ORDER = ["hr", "her2", "site", "menopause", "sex"] + [f"marker:{m}" for m in MARKERS] + [CARE_TEAM]


def _input_order(name: str) -> int:
    return _INPUT_ORDER.index(name)
