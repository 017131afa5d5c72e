"""Golden files: what the rule set says for the reference profiles, as files kept in review.

``explain --json`` for each profile below (one read by someone who cares for her, ``--reader caregiver``) and ``matrix --csv --codes`` for every subtype. The
test (tests/test_golden.py) compares them with what the rule set says now, so a content change
that changes what a person is shown is a diff in review, not a surprise. They are written only
by this command, after the change has been read and meant:

    python -m tests.golden.make        # or: make golden
"""

from __future__ import annotations

import json
from pathlib import Path

from knowledge import Profile, explain, load_knowledge
from knowledge.teaching import matrix_csv, subtype_matrix

HERE = Path(__file__).resolve().parent

# (name, language, profile): the profiles the reviews walk, plus one of each subtype family.
PROFILES = [
    ("typical", "en", dict(hr="positive", her2="low", sites=["bone", "liver"], menopause="post", sex="female")),
    ("typical", "es", dict(hr="positive", her2="low", sites=["bone", "liver"], menopause="post", sex="female")),
    ("premenopausal_ultralow", "en", dict(hr="positive", her2="ultralow", sites=["bone"], menopause="pre",
                                          sex="female", markers={"esr1": "positive"})),
    ("her2_positive_man", "en", dict(hr="positive", her2="positive", sites=["bone", "brain"], sex="male")),
    ("her2_positive_hr_negative", "en", dict(hr="negative", her2="positive", sites=["lung", "brain"], sex="female")),
    ("triple_negative", "en", dict(hr="negative", her2="zero", sites=["lung"], sex="female",
                                   markers={"pdl1": "positive", "brca": "positive"})),
    ("not_sure", "en", dict(sex="female")),
    # Read by someone who cares for her: the warning signs and the aims in their carer forms.
    ("typical_caregiver", "en", dict(hr="positive", her2="low", sites=["bone", "liver"], menopause="post",
                                     sex="female", reader="caregiver")),
    ("typical_caregiver", "es", dict(hr="positive", her2="low", sites=["bone", "liver"], menopause="post",
                                     sex="female", reader="caregiver")),
]


def rule_set(lang: str = "en"):
    """The packaged rule set as it stood on its own last day (its approvals check or its newest release,
    whichever is later), so the files never move with the clock."""
    kb = load_knowledge(lang=lang)
    return load_knowledge(lang=lang, today=max(kb.registry_checked, *(entry.date for entry in kb.changelog)))


def files() -> dict[str, str]:
    """Every golden file's name and text, as the rule set says them now."""
    out, kbs = {}, {}
    for name, lang, params in PROFILES:
        kb = kbs.setdefault(lang, rule_set(lang))
        answers = {k: v for k, v in params.items() if k != "reader"}
        explanation = explain(Profile.create(**answers), kb)
        data = explanation.to_dict(kb, params.get("reader", "self"))
        out[f"explain-{name}-{lang}.json"] = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out["matrix-codes.csv"] = matrix_csv(subtype_matrix(kbs["en"]))
    return out


def main() -> None:
    for name, text in files().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote tests/golden/{name}")


if __name__ == "__main__":
    main()
