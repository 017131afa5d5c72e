"""Right for men: a man's results never carry wording meant only for women, and the reverse."""

from __future__ import annotations

import itertools
import re

import pytest

from components.shared import share
from components.shared.state import blank_answers
from components.take_home import printable
from knowledge import explain, lines_for, load_knowledge
from knowledge.profile import HER2_VALUES, HR_VALUES, MARKERS, SITE_VALUES, Profile

# Wording that only fits a woman's body or a woman's hormones as a condition. A man reads of
# pregnancy only as his partner's ("If your partner could become pregnant").
FEMALE_ONLY = re.compile(r"vagin|\bperiods?\b|\bwomb\b|uter|\bovar(y|ies)\b|(^|\. )before menopause|"
                         r"after menopause, it|(?<!could become )\bpregnan(t|cy)\b|\bunborn baby\. Use\b",
                         re.IGNORECASE)
MALE_ONLY = re.compile(r"testic|\bpenis\b|erecti|prostate", re.IGNORECASE)
SIEMPRE_FEMENINO = re.compile(r"vagin|\bregla\b|útero|\bovarios?\b|(^|\. )antes de la menopausia", re.IGNORECASE)


def shown_texts(kb, profile: Profile) -> list[tuple[str, str]]:
    """Every option text a person with this profile can open on the results page."""
    out = []
    for result in explain(profile, kb).options:
        o, d = result.option, result.option.details
        fields = {"name": o.name, "summary": o.summary, "why": o.why, "what_it_is": d.what_it_is,
                  "how_it_works": d.how_it_works, "how_given": d.how_given, "may_help": d.may_help,
                  "may_cause": d.may_cause, "typical_use": d.typical_use, "research": o.research or "",
                  "europe": o.europe or ""}
        fields |= {f"report[{i}]": line for i, line in enumerate(lines_for(d.report_right_away, profile))}
        fields |= {f"notes[{i}]": line for i, line in enumerate(lines_for(d.notes, profile))}
        fields |= {f"questions[{i}]": line for i, line in enumerate(lines_for(o.questions, profile))}
        out += [(f"{o.id}.{k}", v) for k, v in fields.items()]
    return out


def profiles(sex: str):
    for hr, her2 in itertools.product([v for v in HR_VALUES], [v for v in HER2_VALUES]):
        for markers in ({}, {m: "positive" for m in MARKERS}):
            yield Profile.create(hr=hr, her2=her2, sex=sex, sites=list(SITE_VALUES), markers=markers)


@pytest.mark.parametrize("lang, pattern", [("en", FEMALE_ONLY), ("es", SIEMPRE_FEMENINO)])
def test_no_option_a_man_can_see_has_wording_only_for_women(lang, pattern):
    kb = load_knowledge(lang=lang)
    found = {f"{where}: {text}" for p in profiles("male") for where, text in shown_texts(kb, p) if pattern.search(text)}
    assert not found, "female-only wording shown to a man:\n" + "\n".join(sorted(found))


def test_no_option_a_woman_can_see_has_wording_only_for_men():
    kb = load_knowledge()
    found = {f"{where}: {text}" for p in profiles("female") for where, text in shown_texts(kb, p)
             if MALE_ONLY.search(text)}
    assert not found, "male-only wording shown to a woman:\n" + "\n".join(sorted(found))


def test_lines_marked_for_women_reach_women_and_not_men():
    kb = load_knowledge()
    tamoxifen = next(o for o in kb.options if o.id == "tamoxifen")
    woman, man = Profile.create(hr="positive", sex="female"), Profile.create(hr="positive", sex="male")
    assert any("vagina" in line for line in lines_for(tamoxifen.details.report_right_away, woman))
    assert not any("vagina" in line for line in lines_for(tamoxifen.details.report_right_away, man))
    assert lines_for(tamoxifen.details.notes, woman) and not lines_for(tamoxifen.details.notes, man)


def test_the_scanner_would_catch_female_only_wording():
    assert FEMALE_ONLY.search("Any bleeding from the vagina.") and FEMALE_ONLY.search("Before menopause, it is given.")
    assert not FEMALE_ONLY.search("It is mostly used by women after menopause and by men.")
    assert FEMALE_ONLY.search("It does not stop you from getting pregnant.")
    assert FEMALE_ONLY.search("This treatment can harm an unborn baby. Use birth control during treatment.")
    assert not FEMALE_ONLY.search("If your partner could become pregnant, ask your care team about birth control.")


def test_a_mans_printout_has_no_wording_only_for_women():
    kb = load_knowledge()
    answers = blank_answers() | {"hr": "positive", "her2": "zero", "sites": ["bone", "liver"], "sex": "male"}
    e = explain(Profile.create(hr="positive", her2="zero", sites=["bone", "liver"], sex="male"), kb)
    html = printable.build(kb, e, answers, share.link("http://localhost:8501/", answers), "<svg></svg>")
    text = re.sub(r"<[^>]+>", " ", html)
    assert not FEMALE_ONLY.search(text), FEMALE_ONLY.search(text)
    assert "Information for: a man" in text
