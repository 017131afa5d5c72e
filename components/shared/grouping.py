"""Sort the shown options into the four groups the results screen uses.

This only reads the status, timing and rank the engine and the content already give: within a
group, what usually comes first for the cancers an option is shown for (``rank``) leads.
"""

from __future__ import annotations

from knowledge import APPLIES, CONDITIONAL, Explanation, OptionResult

GROUPS = ("first", "later", "any", "conditional")


def group(explanation: Explanation) -> dict[str, list[OptionResult]]:
    groups: dict[str, list[OptionResult]] = {g: [] for g in GROUPS}
    for result in explanation.options:
        if result.status == CONDITIONAL:
            groups["conditional"].append(result)
        elif result.status == APPLIES:
            groups[result.option.timing].append(result)
    for results in groups.values():
        results.sort(key=lambda r: r.option.rank)  # stable: equal ranks keep the content's class order
    return groups
