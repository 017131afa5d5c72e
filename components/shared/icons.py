"""Pictures for treatments and places: this app's own line icons, and the older emoji.

``icon_svg(name, label, size_px)`` draws one of the app's icons as an inline SVG string. The
names are the 17 kinds of treatment (knowledge.schema.OPTION_CLASSES), the ways a treatment
is given (WAYS) and the places of spread (knowledge.profile.SITE_VALUES). The drawing comes
only from the fixed shapes in :mod:`components.shared.icon_shapes`; the only outside text is the
label, which is escaped. ``how_given(option)`` says which way an option is given.

``icon(option_class)`` is the older emoji per kind of treatment, still used in headings.
"""

from __future__ import annotations

import functools
from html import escape
from typing import Any

from .icon_shapes import MAIN, SHAPES

WAYS = ("pill", "drip", "shot", "radiation", "surgery", "care")

CLASS_ICONS = {
    "endocrine": "💊",
    "ovarian_suppression": "💉",
    "oral_serd": "💊",
    "cdk46": "💊",
    "pi3k_akt_mtor": "🎯",
    "her2_antibody": "🎯",
    "her2_tki": "🎯",
    "her2_adc": "🎯",
    "trop2_adc": "🎯",
    "chemotherapy": "🧪",
    "immunotherapy": "🛡️",
    "parp": "🧬",
    "bone_modifying": "🦴",
    "radiation": "☢️",
    "surgery": "🩺",
    "supportive_care": "🤝",
    "clinical_trial": "🔬",
}


def icon(option_class: str) -> str:
    return CLASS_ICONS.get(option_class, "💊")


def icon_names() -> tuple[str, ...]:
    """Every name icon_svg can draw."""
    return tuple(SHAPES)


@functools.lru_cache(maxsize=256)
def icon_svg(name: str, label: str = "", size_px: int = 40) -> str:
    """The icon called ``name`` as an inline SVG string, ``size_px`` wide and high.

    With a label it is a picture with that accessible name (role="img", aria-label, escaped);
    without one it is decoration that screen readers skip (aria-hidden="true").
    Raises ValueError for a name that has no icon.
    """
    shape = SHAPES.get(name)
    if shape is None:
        raise ValueError(f"no icon called {name!r}")
    size = min(max(int(size_px), 8), 512)
    if label:
        a11y = f'role="img" aria-label="{escape(label, quote=True)}"'
    else:
        a11y = 'aria-hidden="true"'
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="{size}" height="{size}" '
        f'fill="none" stroke="{MAIN}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" '
        f'focusable="false" {a11y}>{shape}</svg>'
    )


# How each kind of treatment is usually given.
CLASS_WAY = {
    "endocrine": "pill",
    "ovarian_suppression": "shot",
    "oral_serd": "pill",
    "cdk46": "pill",
    "pi3k_akt_mtor": "pill",
    "her2_antibody": "drip",
    "her2_tki": "pill",
    "her2_adc": "drip",
    "trop2_adc": "drip",
    "chemotherapy": "drip",
    "immunotherapy": "drip",
    "parp": "pill",
    "bone_modifying": "drip",
    "radiation": "radiation",
    "surgery": "surgery",
    "supportive_care": "care",
    "clinical_trial": "care",
}
# Drugs given another way than most of their kind (or worth stating outright).
DRUG_WAY = {
    # pills
    "tamoxifen": "pill", "letrozole": "pill", "anastrozole": "pill", "exemestane": "pill",
    "elacestrant": "pill", "imlunestrant": "pill", "vepdegestrant": "pill", "camizestrant": "pill",
    "palbociclib": "pill", "ribociclib": "pill", "abemaciclib": "pill",
    "alpelisib": "pill", "inavolisib": "pill", "capivasertib": "pill", "everolimus": "pill",
    "olaparib": "pill", "talazoparib": "pill",
    "tucatinib": "pill", "neratinib": "pill", "lapatinib": "pill",
    "capecitabine": "pill",
    # shots (injections under the skin or into a muscle)
    "fulvestrant": "shot", "goserelin": "shot", "leuprolide": "shot", "triptorelin": "shot",
    "denosumab": "shot",
    # drips
    "gedatolisib": "drip", "zoledronic acid": "drip", "pamidronate": "drip", "pembrolizumab": "drip",
}
NON_DRUG_CLASSES = ("radiation", "surgery", "supportive_care", "clinical_trial")


def how_given(option: Any) -> str:
    """The main way an option is given: one of WAYS ("pill", "drip", "shot", "radiation", "surgery", "care").

    The rule, in order:
    1. Radiation, surgery, supportive care and clinical trials are given their own way
       (radiation → "radiation", surgery → "surgery", supportive care and trials → "care").
    2. Otherwise the option's main drug decides: its first listed drug, looked up in DRUG_WAY
       (e.g. fulvestrant, goserelin, leuprolide, denosumab → "shot"; capecitabine and other
       oral drugs → "pill"; gedatolisib, zoledronic acid → "drip"). So an option that mixes
       ways (goserelin shots with aromatase-inhibitor pills) shows the way of its first drug.
    3. A first drug not in DRUG_WAY, or no drugs, falls back to the usual way for the kind of
       treatment (CLASS_WAY): e.g. antibodies, ADCs, chemotherapy, immunotherapy → "drip";
       CDK4/6, PI3K/AKT/mTOR, PARP, oral SERD, HER2 TKI, endocrine → "pill".
    4. An unknown kind of treatment with no known drug counts as "pill".
    """
    option_class = getattr(option, "class_", "")
    if option_class in NON_DRUG_CLASSES:
        return CLASS_WAY[option_class]
    drugs = list(getattr(option, "drugs", None) or [])
    if drugs and drugs[0] in DRUG_WAY:
        return DRUG_WAY[drugs[0]]
    return CLASS_WAY.get(option_class, "pill")
