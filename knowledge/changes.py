"""What changes between two sets of answers: the kinds of treatment and the options shown
differently, and the new places of spread with the warning signs they add.

One comparison, two engine evaluations side by side, pure and deterministic. The teaching page
"What changes if", the explainer's "My results changed" and ``python -m knowledge changes`` all
read it, so they can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import schema
from .engine import Explanation, OptionResult, explain
from .gate import HIDDEN
from .loader import KnowledgeBase
from .profile import Profile
from .teaching import matrix_cell

# The command line's JSON contract for ``changes``; raise it on any change to the shape (docs/architecture.md).
CHANGES_CONTRACT = 1
TIERS = ("emergency", "today")


@dataclass(frozen=True)
class Change:
    """One option whose status differs between two profiles; ``before`` or ``after`` is None when
    the option is not shown there."""

    option_id: str
    before: OptionResult | None
    after: OptionResult | None

    @property
    def kind(self) -> str:
        """``appears``, ``disappears``, ``becomes_applies``, ``becomes_conditional`` or ``waits_on_other``."""
        if self.before is None:
            return "appears"
        if self.after is None:
            return "disappears"
        if self.before.status != self.after.status:
            return f"becomes_{self.after.status}"
        return "waits_on_other"

    @property
    def option(self) -> schema.Option:
        return (self.after or self.before).option  # type: ignore[union-attr]


@dataclass(frozen=True)
class KindChange:
    """One kind of treatment (an option class) with an option shown differently. ``before`` and
    ``after`` sum up the whole kind as the subtype table does (``applies``, ``conditional:<inputs>``,
    or empty when none of its options is shown)."""

    kind: str
    before: str
    after: str
    options: tuple[Change, ...]

    @property
    def change(self) -> str:
        """``comes_into_view`` (none of its options shown before), ``no_longer_shown`` (none shown
        after) or ``shown_differently`` (shown both times, with some options changed)."""
        if not self.before:
            return "comes_into_view"
        if not self.after:
            return "no_longer_shown"
        return "shown_differently"


@dataclass(frozen=True)
class NewPlace:
    """A place of spread named after but not before, with the warning signs it adds: each sign
    that was not already among the signs before, in its tier."""

    site: schema.Site
    emergency: tuple[str, ...]
    today: tuple[str, ...]


@dataclass(frozen=True)
class Changes:
    before: Explanation
    after: Explanation
    options: tuple[Change, ...]  # every option shown differently, in kind order
    kinds: tuple[KindChange, ...]  # every kind with such an option, in kind order
    new_places: tuple[NewPlace, ...]  # in the rule set's order of places
    places_gone: tuple[str, ...]

    def to_dict(self, kb: KnowledgeBase) -> dict[str, Any]:
        """``python -m knowledge changes --json`` (docs/architecture.md)."""
        return {
            "contract": CHANGES_CONTRACT,
            "from": self.before.profile.to_dict(),
            "to": self.after.profile.to_dict(),
            "knowledge_version": self.after.knowledge_version,
            "approvals_checked_up_to": kb.registry_checked.isoformat(),
            "disclaimer": self.after.disclaimer,
            "kinds": [
                {"id": k.kind, "name": kb.kinds[k.kind].name, "before": k.before, "after": k.after,
                 "change": k.change, "options": [_change_dict(c) for c in k.options]}
                for k in self.kinds
            ],
            "places": {
                "added": [{"id": p.site.id, "name": p.site.name,
                           "new_urgent_signs": {"emergency": list(p.emergency), "today": list(p.today)}}
                          for p in self.new_places],
                "removed": list(self.places_gone),
            },
        }


def _change_dict(change: Change) -> dict[str, Any]:
    def status(result: OptionResult | None) -> dict[str, Any]:
        return {"status": result.status if result else HIDDEN, "depends_on": list(result.depends_on) if result else []}

    return {"id": change.option_id, "name": change.option.name, "change": change.kind,
            "before": status(change.before), "after": status(change.after)}


def changes_between(kb: KnowledgeBase, before: Profile, after: Profile) -> Changes:
    """Everything shown differently for ``after`` than for ``before``: options, kinds, places and signs."""
    old, new = explain(before, kb), explain(after, kb)
    was = {r.id: r for r in old.options}
    now = {r.id: r for r in new.options}
    order = list(kb.kinds)
    options = tuple(
        Change(o.id, was.get(o.id), now.get(o.id))
        for o in sorted(kb.options, key=lambda o: order.index(o.class_))
        if _shown(was.get(o.id)) != _shown(now.get(o.id))
    )
    kinds = tuple(
        KindChange(kind, matrix_cell(r for r in old.options if r.option.class_ == kind),
                   matrix_cell(r for r in new.options if r.option.class_ == kind), mine)
        for kind in order
        if (mine := tuple(c for c in options if c.option.class_ == kind))
    )
    return Changes(old, new, options, kinds, _new_places(old, new),
                   tuple(s.site.id for s in old.sites if s.site.id not in after.sites))


def _shown(result: OptionResult | None) -> tuple[str, tuple[str, ...]] | None:
    return result and (result.status, result.depends_on)


def _new_places(old: Explanation, new: Explanation) -> tuple[NewPlace, ...]:
    """Each added place with the signs it brings that were not on the page before, each sign once."""
    seen = {sign for tier in TIERS for sign in getattr(old.urgent_signs(), tier)}
    places = []
    for result in new.sites:
        if result.site.id in old.profile.sites:
            continue
        signs = {}
        for tier in TIERS:
            signs[tier] = tuple(s for s in getattr(result.site.urgent_signs, tier) if s not in seen)
            seen.update(signs[tier])
        places.append(NewPlace(result.site, **signs))
    return tuple(places)
