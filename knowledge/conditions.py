"""Structured gate conditions and their three-valued evaluation.

A condition in YAML is a mapping with exactly one key:

* ``all: [cond, ...]``  true when every part is true
* ``any: [cond, ...]``  true when at least one part is true
* ``not: cond``         true when the part is false
* ``always: true``      true for every profile (supportive care, clinical trials)
* ``<field>: [value, ...]`` true when the answer is one of the values; ``site`` is true
  when any chosen site is one of the values

Fields and values come from :data:`knowledge.profile.CONDITION_FIELDS`. An answer of
``unknown`` makes a test *unknown* unless every value it could stand for gives the same
result. ``unknown`` may itself be listed (``pik3ca: [unknown]``) where a rule is about
not knowing, e.g. a question about testing; option gates may not do that (see loader).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Iterator, Union

from .profile import CONDITION_FIELDS, NOT_APPLICABLE, UNKNOWN, Profile, input_name


class Truth(Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Test:
    field: str
    values: frozenset[str]
    # What the test gives when the answer is unknown and "unknown" is not listed:
    # TRUE if every known value is listed, FALSE if none is, else UNKNOWN.
    if_unknown: Truth

    def to_yaml(self) -> dict[str, list[str]]:
        return {self.field: _ordered(self.field, self.values)}


@dataclass(frozen=True)
class All:
    parts: tuple["Condition", ...]

    def to_yaml(self) -> dict[str, Any]:
        return {"all": [p.to_yaml() for p in self.parts]}


@dataclass(frozen=True)
class AnyOf:
    parts: tuple["Condition", ...]

    def to_yaml(self) -> dict[str, Any]:
        return {"any": [p.to_yaml() for p in self.parts]}


@dataclass(frozen=True)
class Not:
    part: "Condition"

    def to_yaml(self) -> dict[str, Any]:
        return {"not": self.part.to_yaml()}


@dataclass(frozen=True)
class Always:
    def to_yaml(self) -> dict[str, Any]:
        return {"always": True}


Condition = Union[Test, All, AnyOf, Not, Always]
Problems = list[tuple[tuple[str | int, ...], str]]


def parse_condition(data: Any, problems: Problems, path: tuple[str | int, ...] = ()) -> Condition | None:
    """Turn YAML data into a Condition; append ``(relative path, message)`` for each fault."""
    if not isinstance(data, dict) or len(data) != 1:
        problems.append(
            (path, "a condition must be a mapping with exactly one key: all, any, not, always, or a field name "
                   f"({', '.join(CONDITION_FIELDS)})")
        )
        return None
    (key, value), = data.items()
    here = path + (key,)
    if key in ("all", "any"):
        if not isinstance(value, list) or not value:
            problems.append((here, f"'{key}' needs a non-empty list of conditions"))
            return None
        parts = [parse_condition(item, problems, here + (i,)) for i, item in enumerate(value)]
        if any(p is None for p in parts):
            return None
        return All(tuple(parts)) if key == "all" else AnyOf(tuple(parts))  # type: ignore[arg-type]
    if key == "always":
        if value is not True:
            problems.append((here, "'always' takes only the value true"))
            return None
        return Always()
    if key == "not":
        part = parse_condition(value, problems, here)
        return None if part is None else Not(part)
    if key not in CONDITION_FIELDS:
        problems.append(
            (here, f"unknown condition key '{key}'; use all, any, not, or one of: {', '.join(CONDITION_FIELDS)}")
        )
        return None
    allowed = CONDITION_FIELDS[key]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        problems.append((here, f"'{key}' needs a list of values, for example [{allowed[0]}]"))
        return None
    bad = [v for v in value if v not in allowed]
    if bad:
        problems.append((here, f"'{bad[0]}' is not a value of {key}; use any of: {', '.join(allowed)}"))
        return None
    if len(set(value)) != len(value):
        problems.append((here, f"'{key}' lists a value twice"))
        return None
    values = frozenset(value)
    # Only women can answer "unknown" to menopause, so "not_applicable" is never what it stands for.
    known = [v for v in CONDITION_FIELDS[key] if v not in (UNKNOWN, NOT_APPLICABLE)]
    listed = [v for v in known if v in values]
    if_unknown = Truth.TRUE if len(listed) == len(known) else Truth.FALSE if not listed else Truth.UNKNOWN
    return Test(key, values, if_unknown)


def evaluate(cond: Condition, profile: Profile) -> tuple[Truth, frozenset[str]]:
    """Three-valued result and, when unknown, the inputs (``hr``, ``marker:esr1``) it waits on."""
    if isinstance(cond, Always):
        return Truth.TRUE, frozenset()
    if isinstance(cond, Test):
        value = profile.value_of(cond.field)
        if cond.field == "site":
            return (Truth.TRUE if value & cond.values else Truth.FALSE), frozenset()  # type: ignore[operator]
        if value in cond.values:
            return Truth.TRUE, frozenset()
        if value == UNKNOWN and cond.if_unknown is Truth.UNKNOWN:
            return Truth.UNKNOWN, frozenset((input_name(cond.field),))
        if value == UNKNOWN:
            return cond.if_unknown, frozenset()
        return Truth.FALSE, frozenset()
    if isinstance(cond, Not):
        truth, depends = evaluate(cond.part, profile)
        return {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE}.get(truth, Truth.UNKNOWN), depends
    decisive = Truth.FALSE if isinstance(cond, All) else Truth.TRUE
    waiting: frozenset[str] = frozenset()
    for part in cond.parts:
        truth, depends = evaluate(part, profile)
        if truth is decisive:
            return decisive, frozenset()
        if truth is Truth.UNKNOWN:
            waiting |= depends
    if waiting:
        return Truth.UNKNOWN, waiting
    return (Truth.TRUE if isinstance(cond, All) else Truth.FALSE), frozenset()


def fields_of(cond: Condition) -> Iterator[Test]:
    """Every field test inside a condition."""
    if isinstance(cond, Test):
        yield cond
    elif isinstance(cond, Always):
        return
    elif isinstance(cond, Not):
        yield from fields_of(cond.part)
    else:
        for part in cond.parts:
            yield from fields_of(part)


@dataclass(frozen=True)
class Trace:
    """One evaluated node, for teaching views: what it tested and what came out."""

    condition: Condition
    truth: Truth
    parts: tuple["Trace", ...] = ()


def trace(cond: Condition, profile: Profile) -> Trace:
    """Evaluate every node (no short cut) and keep the results."""
    truth, _ = evaluate(cond, profile)
    if isinstance(cond, (Test, Always)):
        return Trace(cond, truth)
    parts = (cond.part,) if isinstance(cond, Not) else cond.parts
    return Trace(cond, truth, tuple(trace(p, profile) for p in parts))


def deciding_tests(node: Trace, want: Truth) -> list[tuple[Test, bool]]:
    """The field tests that made ``node`` come out as ``want`` (TRUE, FALSE or UNKNOWN).

    Each is returned with ``negated=True`` when it sits under an odd number of ``not``s,
    so that it can be put in words the right way round.
    """
    return _deciding(node, want, False)


def satisfied_tests(node: Trace) -> list[tuple[Test, bool]]:
    """Every field test that holds for the profile, wherever it sits in the condition."""
    return _deciding(node, Truth.TRUE, False, anywhere=True)


def _deciding(node: Trace, want: Truth, negated: bool, anywhere: bool = False) -> list[tuple[Test, bool]]:
    if node.truth is not want and not (anywhere and not isinstance(node.condition, Test)):
        return []
    cond = node.condition
    if isinstance(cond, Always):
        return []
    if isinstance(cond, Test):
        return [(cond, negated)]
    if isinstance(cond, Not):
        flipped = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE}.get(want, Truth.UNKNOWN)
        return _deciding(node.parts[0], flipped, not negated, anywhere)
    result: list[tuple[Test, bool]] = []
    for part in node.parts:
        result.extend(_deciding(part, want, negated, anywhere))
    return result


def _ordered(field: str, values: frozenset[str]) -> list[str]:
    order = CONDITION_FIELDS[field] + (UNKNOWN,)
    return sorted(values, key=order.index)


def complement(test: Test) -> list[str]:
    """The known values a test does not list, in vocabulary order (for 'not' in words)."""
    return [v for v in CONDITION_FIELDS[test.field] if v not in test.values and v != UNKNOWN]


def listed(test: Test) -> list[str]:
    """The values a test lists, in vocabulary order."""
    return _ordered(test.field, test.values)
