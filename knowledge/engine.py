"""From a Profile to an Explanation: pure, deterministic, no I/O.

Each option's status comes from the gate (``gate.py``): it *applies*, is *conditional* on an
unknown answer, or is *hidden* (kept with its reason for teaching views).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import Any

from . import schema
from .conditions import (
    All, AnyOf, Test, Trace, Truth, complement, deciding_tests, evaluate, fields_of, listed, satisfied_tests, trace,
)
from .gate import APPLIES, CARE_TEAM, CONDITIONAL, HIDDEN, input_order, option_status
from .loader import KnowledgeBase, load_knowledge
from .profile import CONDITION_FIELDS, NOT_APPLICABLE, UNKNOWN, Profile

# The command line's JSON contract; raise it on any change to the shape (docs/architecture.md).
CONTRACT_VERSION = 4
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
    general_carer_signs: schema.UrgentSigns  # the same, as someone who cares for the person reads them
    # Kinds of treatment (option classes) none of whose options applies yet, but one of which
    # applies whatever the "not sure" answers turn out to be: chemotherapy when nothing is known.
    certain_kinds: tuple[str, ...] = ()

    def general_signs(self, reader: str = schema.SELF) -> schema.UrgentSigns:
        """The warning signs for everyone, as this reader reads them."""
        return self.general_carer_signs if reader == schema.CAREGIVER else self.general_urgent_signs

    def urgent_signs(self, reader: str = schema.SELF) -> schema.UrgentSigns:
        """Every warning sign for this profile (chosen places of spread, then the general ones),
        each once, in its two tiers, as this reader reads them."""
        parts = [s.site.signs(reader) for s in self.sites] + [self.general_signs(reader)]
        return schema.UrgentSigns(
            emergency=list(dict.fromkeys(sign for p in parts for sign in p.emergency)),
            today=list(dict.fromkeys(sign for p in parts for sign in p.today)),
        )

    def to_dict(self, kb: KnowledgeBase, reader: str = schema.SELF) -> dict[str, Any]:
        """The command line's JSON contract (docs/architecture.md); the signs and the aims as
        ``reader`` reads them (the person, or someone who cares for them)."""
        return {
            "contract": CONTRACT_VERSION,
            "reader": reader,
            "profile": self.profile.to_dict(),
            "knowledge_version": self.knowledge_version,
            "approvals_checked_up_to": kb.registry_checked.isoformat(),
            "disclaimer": self.disclaimer,
            "aims": kb.support.aims_for(reader),
            "options": [_option_dict(r, kb, self.profile) for r in self.options],
            "sites": [
                {
                    "id": s.site.id,
                    "summary": s.site.summary,
                    "urgent_signs": _tiers(s.site.signs(reader)),
                    "related_options": list(s.related_options),
                }
                for s in self.sites
            ],
            "general_urgent_signs": _tiers(self.general_signs(reader)),
            "certain_kinds": list(self.certain_kinds),
            "questions": list(self.questions),
        }


def _tiers(signs: schema.UrgentSigns) -> dict[str, list[str]]:
    return {"emergency": list(signs.emergency), "today": list(signs.today)}


def safety_lines(option: schema.Option, profile: Profile, kb: KnowledgeBase) -> list[str]:
    """The option's shared safety sentences as this person reads them (a man reads the men's form)."""
    notes = [kb.safety[n] for n in option.safety]
    return [n.men if profile.sex == "male" and n.men else n.text for n in notes]


def safety_sources(option: schema.Option, kb: KnowledgeBase) -> list[str]:
    """The sources of the option's safety sentences: where a note names each drug's own label,
    only the labels of this option's drugs (all of the note's sources when none is named)."""
    out: list[str] = []
    for note in (kb.safety[n] for n in option.safety):
        own = [s for drug in option.drugs for s in note.label_sources.get(drug, [])]
        out += own or note.sources
    return out


def certain_kinds(results: tuple[OptionResult, ...], profile: Profile, kb: KnowledgeBase) -> tuple[str, ...]:
    """Kinds of treatment that apply whatever the unknown answers turn out to be.

    A kind counts when none of its options applies for this profile yet, but for every value
    the unknown answers its gates read could take, at least one of its options applies. This
    is computed from the rules by trying every such value, never written by hand.
    """
    shown = {r.option.class_ for r in results if r.status == CONDITIONAL}
    applying = {r.option.class_ for r in results if r.status == APPLIES}
    return tuple(c for c in dict.fromkeys(o.class_ for o in kb.options)
                 if c in shown and c not in applying and _applies_whatever(c, profile, kb))


def _applies_whatever(option_class: str, profile: Profile, kb: KnowledgeBase) -> bool:
    gates = [g for g in _gates(kb) if g.option.class_ == option_class]
    unknown = sorted({f for g in gates for f in g.fields if profile.value_of(f) == UNKNOWN})
    key = ("certain", option_class, tuple((f, profile.value_of(f)) for g in gates for f in g.fields))
    memo = kb.cache.setdefault("certain", {})
    if key not in memo:
        choices = [[v for v in CONDITION_FIELDS[f] if v not in (UNKNOWN, NOT_APPLICABLE)] for f in unknown]
        memo[key] = bool(unknown) and all(
            any(g.result(_with(profile, dict(zip(unknown, values)))).status == APPLIES for g in gates)
            for values in itertools.product(*choices))
    return memo[key]


def _with(profile: Profile, values: dict[str, str]) -> Profile:
    """The profile with some answers filled in (markers by name)."""
    markers = tuple((m, values.get(m, v)) for m, v in profile.markers)
    plain = {k: v for k, v in values.items() if k in ("hr", "her2", "menopause")}
    return replace(profile, markers=markers, **plain)


def missing_results(explanation: Explanation) -> list[tuple[str, tuple[OptionResult, ...]]]:
    """Each answer the shown options wait on (``hr``, ``marker:pik3ca``, …), with the options it
    decides, in the order the questions ask them. The care team's judgement is not a result."""
    waiting: dict[str, list[OptionResult]] = {}
    for result in explanation.options:
        for name in result.depends_on:
            if name != CARE_TEAM:
                waiting.setdefault(name, []).append(result)
    return [(name, tuple(waiting[name])) for name in sorted(waiting, key=input_order)]


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
        general_carer_signs=kb.meta.general_carer_signs,
        certain_kinds=certain_kinds(tuple(shown), profile, kb),
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
    return f"{entry.label}: {_or_list(words, kb.meta.words.word_or)}"


def waiting_on(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> list[str]:
    """For a conditional option: what would have to be true, in words ("only if …").

    Alternatives stay alternatives: where any one of several unknown results would do
    ("PIK3CA, AKT1 or PTEN change found"), they are said as one "any one of" phrase, never as a
    list that reads as if all were needed.
    """
    words: list[str] = []
    for part in _waiting_parts(trace(result.option.when, profile)):
        text = _any_one(part, kb) if isinstance(part, list) else describe_test(part[0], kb, part[1])
        if text not in words:
            words.append(text)
    return words + ask_team_reasons(result.option, profile)


def _waiting_parts(node: Trace) -> list:
    """The unknown tests that decide a node, with each "any" of several unknown tests kept together."""
    if isinstance(node.condition, AnyOf) and node.truth is Truth.UNKNOWN:
        tests = [t for part in node.parts for t in deciding_tests(part, Truth.UNKNOWN)]
        if len(tests) > 1:
            return [tests]
    if isinstance(node.condition, (All, AnyOf)) and node.truth is Truth.UNKNOWN:
        return [p for part in node.parts for p in _waiting_parts(part)]
    return deciding_tests(node, Truth.UNKNOWN)


def _any_one(tests: list[tuple[Test, bool]], kb: KnowledgeBase) -> str:
    """``any one of: PIK3CA, AKT1 or PTEN: found`` (the values once when the tests share them)."""
    words = kb.meta.words
    values = {(frozenset(complement(t) if negated else listed(t))) for t, negated in tests}
    if len(values) == 1 and all(kb.inputs[t.field].short for t, _ in tests):
        names = [kb.inputs[t.field].short for t, _ in tests]
        value = describe_test(tests[0][0], kb, tests[0][1]).split(": ", 1)[1]
        return f"{words.rule_any_one} {_or_list(names, words.word_or)}: {value}"
    return f"{words.rule_any_one} " + f" {words.word_or} ".join(describe_test(t, kb, n) for t, n in tests)


def _or_list(items: list[str], word_or: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word_or} " + items[-1]


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


def _option_dict(result: OptionResult, kb: KnowledgeBase, profile: Profile) -> dict[str, Any]:
    option = result.option
    return {
        "id": option.id,
        "class": option.class_,
        "name": option.name,
        "title": option.heading,
        "plain": option.plain,
        "given": list(option.given),
        "drugs": [kb.drug_name(d) for d in option.drugs],
        "status": result.status,
        "depends_on": list(result.depends_on),
        "timing": option.timing,
        "rank": option.rank,
        "summary": option.summary,
        "why": option.why,
        "safety": safety_lines(option, profile, kb),
        "sources": [_source_dict(kb.sources[s]) for s in option.sources],
    }


def _source_dict(source: schema.Source) -> dict[str, str]:
    return {"id": source.id, "title": source.title, "publisher": source.publisher, "url": source.url,
            "date": source.date}
