"""The person's answers: what a pathology report and scans say, normalised.

The allowed values are the engine's contract with the UI, the command line and the
content files, so they live here in code; their plain-language labels live in the
content (``inputs.yaml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping
from urllib.parse import parse_qsl

UNKNOWN = "unknown"
NOT_APPLICABLE = "not_applicable"

HR_VALUES = ("positive", "low", "negative", UNKNOWN)
HER2_VALUES = ("positive", "low", "ultralow", "zero", UNKNOWN)
SITE_VALUES = ("bone", "brain", "liver", "lung", "lymph_nodes", "skin", "other")
MENOPAUSE_VALUES = ("pre", "post", UNKNOWN)
SEX_VALUES = ("female", "male")
MARKERS = ("brca", "pik3ca", "akt1", "pten", "esr1", "pdl1")
MARKER_VALUES = ("positive", "negative", UNKNOWN)

# Every field a condition may test, with the values it may name. Menopause can also be
# "not_applicable": that is what a man's profile holds after normalisation.
CONDITION_FIELDS: dict[str, tuple[str, ...]] = {
    "hr": HR_VALUES,
    "her2": HER2_VALUES,
    "site": SITE_VALUES,
    "menopause": MENOPAUSE_VALUES + (NOT_APPLICABLE,),
    "sex": SEX_VALUES,
    **{marker: MARKER_VALUES for marker in MARKERS},
}


# The answers as the app's share link names them (``hr=positive&her2=low&site=bone&site=liver&sex=female``):
# each name once, ``site`` once per place. The app's link and ``python -m knowledge changes`` read the same names.
LINK_ANSWERS: dict[str, tuple[str, ...]] = {
    "hr": HR_VALUES, "her2": HER2_VALUES, "site": SITE_VALUES, "menopause": MENOPAUSE_VALUES, "sex": SEX_VALUES,
    **{marker: MARKER_VALUES for marker in MARKERS},
}


def input_name(condition_field: str) -> str:
    """The name an input goes by in ``depends_on`` lists: ``hr``, ``menopause``, ``marker:esr1``."""
    return f"marker:{condition_field}" if condition_field in MARKERS else condition_field


class ProfileError(ValueError):
    """A value outside the allowed vocabulary; names the field and what is allowed."""

    def __init__(self, field_name: str, value: object, allowed: Iterable[str]):
        self.field_name = field_name
        self.value = value
        self.allowed = tuple(allowed)
        super().__init__(f"{field_name}: '{value}' is not allowed; use one of: {', '.join(self.allowed)}")


@dataclass(frozen=True)
class Profile:
    """Normalised answers. Build it with :meth:`create`, which checks every value."""

    hr: str = UNKNOWN
    her2: str = UNKNOWN
    sites: frozenset[str] = frozenset()
    menopause: str = UNKNOWN
    sex: str = "female"
    markers: tuple[tuple[str, str], ...] = field(default=tuple((m, UNKNOWN) for m in MARKERS))

    @classmethod
    def create(
        cls,
        hr: str = UNKNOWN,
        her2: str = UNKNOWN,
        sites: Iterable[str] = (),
        menopause: str = UNKNOWN,
        sex: str = "female",
        markers: Mapping[str, str] | None = None,
    ) -> "Profile":
        """Check and normalise answers; raise :class:`ProfileError` on the first bad value.

        For men, menopause does not apply: it is stored as ``not_applicable`` whatever
        was given.
        """
        _check("hr", hr, HR_VALUES)
        _check("her2", her2, HER2_VALUES)
        site_set = frozenset(sites)
        for site in sorted(site_set):
            _check("site", site, SITE_VALUES)
        _check("sex", sex, SEX_VALUES)
        if sex == "male":
            menopause = NOT_APPLICABLE
        else:
            _check("menopause", menopause, MENOPAUSE_VALUES)
        given = dict(markers or {})
        for name, value in given.items():
            _check("marker", name, MARKERS)
            _check(f"marker {name}", value, MARKER_VALUES)
        marker_tuple = tuple((m, given.get(m, UNKNOWN)) for m in MARKERS)
        return cls(hr=hr, her2=her2, sites=site_set, menopause=menopause, sex=sex, markers=marker_tuple)

    def __post_init__(self) -> None:
        # Gates read answers by field name many times per explanation: keep one flat lookup.
        values: dict[str, str | frozenset[str]] = dict(self.markers)
        values.update(hr=self.hr, her2=self.her2, site=self.sites, menopause=self.menopause, sex=self.sex)
        object.__setattr__(self, "_values", values)

    def marker(self, name: str) -> str:
        """The value of one marker (``positive``, ``negative`` or ``unknown``)."""
        return self._values[name]  # type: ignore[return-value]

    def value_of(self, condition_field: str) -> str | frozenset[str]:
        """The value a condition field reads; ``site`` gives the set of chosen sites."""
        return self._values[condition_field]  # type: ignore[attr-defined]

    def to_dict(self) -> dict[str, object]:
        """Plain, JSON-ready form; sites in the fixed vocabulary order."""
        return {
            "hr": self.hr,
            "her2": self.her2,
            "sites": [s for s in SITE_VALUES if s in self.sites],
            "menopause": self.menopause,
            "sex": self.sex,
            "markers": dict(self.markers),
        }


def link_answers(query: str) -> dict[str, Any]:
    """The answers of a share-link style query (``hr=positive&her2=low&site=bone``), strictly: an unknown
    name, a bad value or a name given twice raises :class:`ValueError` naming it. The result holds
    :meth:`Profile.create`'s arguments; ``sex`` only when the query names it (it is never assumed)."""
    answers: dict[str, Any] = {"sites": [], "markers": {}}
    seen: set[str] = set()
    for name, value in parse_qsl(query.removeprefix("?"), keep_blank_values=True):
        if name not in LINK_ANSWERS:
            raise ValueError(f"'{name}' is not an answer a share link carries; use: {', '.join(LINK_ANSWERS)}")
        _check(name, value, LINK_ANSWERS[name])
        if name == "site":
            answers["sites"].append(value)
            continue
        if name in seen:
            raise ValueError(f"{name}: given more than once; give it once")
        seen.add(name)
        if name in MARKERS:
            answers["markers"][name] = value
        else:
            answers[name] = value
    return answers


def _check(field_name: str, value: object, allowed: tuple[str, ...]) -> None:
    if value not in allowed:
        raise ProfileError(field_name, value, allowed)
