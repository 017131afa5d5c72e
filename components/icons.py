"""One emoji per treatment class, so cards can be told apart at a glance (no icon fonts)."""

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
