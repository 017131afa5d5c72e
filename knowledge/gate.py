"""The gate: whether one option applies to one profile. Pure, no I/O.

Three-valued: an option whose gate is true *applies*; one whose gate cannot be decided because
an answer is unknown is *conditional* (and names the answers it waits on); one whose gate is
false is *hidden*. The loader checks each option's example cases with it and the engine builds
whole explanations from it; neither imports the other for it.
"""

from __future__ import annotations

from . import schema
from .conditions import Truth, evaluate
from .profile import MARKERS, Profile

APPLIES = "applies"
CONDITIONAL = "conditional"
HIDDEN = "hidden"
# What a conditional option waits on when no answer in the app can decide it (ask_team in the
# rule set): for example whether immunotherapy is an option for this person.
CARE_TEAM = "care_team"
STATUS = {Truth.TRUE: APPLIES, Truth.UNKNOWN: CONDITIONAL, Truth.FALSE: HIDDEN}
# The order in which the answers an option waits on are named: the questions' order.
INPUT_ORDER = ("hr", "her2", "site", "menopause", "sex", *(f"marker:{m}" for m in MARKERS), CARE_TEAM)


def input_order(name: str) -> int:
    return INPUT_ORDER.index(name)


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
    return STATUS[truth], tuple(sorted(depends, key=input_order))
