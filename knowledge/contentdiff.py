"""What changed between two rule sets, as the engine sees it (``python -m knowledge diff OLD NEW``).

Three views, each a list of :class:`Difference`:

- ``cell``: every hormone receptor x HER2 subtype x kind of treatment cell of the subtype table, under a
  fixed set of filters (:data:`FILTERS`): appeared, disappeared, became conditional or applies, or
  waits on other answers;
- ``profile``: every option for a fixed set of reference profiles (:func:`reference_profiles`: each
  subtype after menopause with no test result, each gene or marker test found or not found, and all
  of them not found), so a change that only a test result reveals (for example gedatolisib for
  HR-positive, HER2-negative cancer without a PIK3CA change) is seen too;
- ``option``: options added or removed, and for each option kept, every field edited (its rule as
  written, its texts, sources, dates), with the old and new value.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from typing import Any, Iterable

from pydantic import BaseModel

from .engine import explain
from .loader import KnowledgeBase
from .profile import MARKERS, UNKNOWN, Profile
from .schema import Option
from .teaching import SUBTYPE_HER2, SUBTYPE_HR, matrix_cell, rule_text, subtype_matrix

# The subtype table's filters that the cell view compares: (name, filters).
FILTERS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("no site, menopause not sure, woman", {}),
    ("after menopause", {"menopause": "post"}),
    ("before menopause", {"menopause": "pre"}),
    ("man", {"sex": "male"}),
    ("bone", {"sites": ["bone"]}),
    ("brain", {"sites": ["brain"]}),
    ("liver and lung", {"sites": ["liver", "lung"]}),
)
SECTIONS = ("cell", "profile", "option")
FIELDS = ("section", "where", "what", "change", "old", "new")


@dataclass(frozen=True)
class Difference:
    section: str  # cell, profile or option
    where: str  # the filters and subtype, the profile, or the option's file
    what: str  # the kind of treatment or the option id
    change: str  # appeared, disappeared, became conditional, became applies, waits on other answers,
    #              added, removed, or "<field> edited"
    old: str
    new: str

    def row(self) -> list[str]:
        return [self.section, self.where, self.what, self.change, self.old, self.new]


def change_of(old: str, new: str) -> str:
    """How one cell (``applies``, ``conditional:<inputs>`` or empty) changed; empty if it did not."""
    if old == new:
        return ""
    if not old:
        return "appeared"
    if not new:
        return "disappeared"
    if old.split(":")[0] != new.split(":")[0]:
        return f"became {new.split(':')[0]}"
    return "waits on other answers"


def reference_profiles() -> list[Profile]:
    profiles = []
    for hr, her2 in itertools.product(SUBTYPE_HR, SUBTYPE_HER2):
        variants = [{}] + [{m: v} for m in MARKERS for v in ("positive", "negative")] + [dict.fromkeys(MARKERS, "negative")]
        profiles += [Profile.create(hr=hr, her2=her2, menopause="post", markers=markers) for markers in variants]
    return profiles


def describe(profile: Profile) -> str:
    """``hr=positive her2=zero menopause=post pik3ca=negative``: every answer that is not "not sure"."""
    p = profile.to_dict()
    parts = [f"hr={p['hr']}", f"her2={p['her2']}", f"menopause={p['menopause']}"]
    parts += [f"site={s}" for s in p["sites"]] + ([f"sex={p['sex']}"] if p["sex"] != "female" else [])
    return " ".join(parts + [f"{m}={v}" for m, v in p["markers"].items() if v != UNKNOWN])


def diff(old: KnowledgeBase, new: KnowledgeBase) -> list[Difference]:
    return [*_cells(old, new), *_profiles(old, new), *_options(old, new)]


def _cells(old: KnowledgeBase, new: KnowledgeBase) -> Iterable[Difference]:
    for name, filters in FILTERS:
        for a, b in zip(subtype_matrix(old, **filters), subtype_matrix(new, **filters)):
            for option_class in dict.fromkeys([*old.kinds, *new.kinds]):  # a kind added or removed shows too
                before, after = a.get(option_class, ""), b.get(option_class, "")
                change = change_of(before, after)
                if change:
                    yield Difference("cell", f"{name} | hr={a['hr']} her2={a['her2']}", option_class, change,
                                     before, after)


def _profiles(old: KnowledgeBase, new: KnowledgeBase) -> Iterable[Difference]:
    for profile in reference_profiles():
        a = {r.id: matrix_cell([r]) for r in explain(profile, old).options}
        b = {r.id: matrix_cell([r]) for r in explain(profile, new).options}
        for option_id in _ordered(new, old, a.keys() | b.keys()):
            change = change_of(a.get(option_id, ""), b.get(option_id, ""))
            if change:
                yield Difference("profile", describe(profile), option_id, change, a.get(option_id, ""),
                                 b.get(option_id, ""))


def _options(old: KnowledgeBase, new: KnowledgeBase) -> Iterable[Difference]:
    a = {o.id: o for o in old.options}
    b = {o.id: o for o in new.options}
    for option_id in _ordered(new, old, a.keys() | b.keys()):
        if option_id not in a:
            yield Difference("option", _file(new, option_id), option_id, "added", "", _show(b[option_id].when))
        elif option_id not in b:
            yield Difference("option", _file(old, option_id), option_id, "removed", _show(a[option_id].when), "")
        else:
            for field in Option.model_fields:
                was, now = getattr(a[option_id], field), getattr(b[option_id], field)
                if was != now:
                    yield Difference("option", _file(new, option_id), option_id, f"{field.rstrip('_')} edited",
                                     _show(was), _show(now))


def _ordered(new: KnowledgeBase, old: KnowledgeBase, ids: Iterable[str]) -> list[str]:
    """Option ids in the new rule set's order, then those only the old one has."""
    order = [o.id for o in new.options] + [o.id for o in old.options]
    return sorted(ids, key=order.index)


def _file(kb: KnowledgeBase, option_id: str) -> str:
    return "options/" + kb.option_files.get(option_id, "").replace("\\", "/").rsplit("/", 1)[-1]


def _show(value: Any) -> str:
    """A field's value as a content editor reads it: a rule as written, a text as it is, the rest as JSON."""
    if hasattr(value, "to_yaml"):
        return rule_text(value)
    if isinstance(value, str):
        return value
    return json.dumps(_plain(value), ensure_ascii=False, default=str)


def _plain(value: Any) -> Any:
    if hasattr(value, "to_yaml"):
        return value.to_yaml()
    if isinstance(value, BaseModel):
        return {name: _plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
