"""The take-home page built in memory for the browser tests to print: the profiles people bring
most, and one printout of a profile as the app would write it."""

from __future__ import annotations

import segno

from components.shared import share
from components.shared.state import blank_answers
from components.take_home import printable
from components.take_home.visit import FIRST_TICKED, Visit
from knowledge import Profile, explain

USUAL = {  # the profiles people bring most: one to three places, results known or not, a man
    "hr-positive-bone": {"hr": "positive", "her2": "zero", "sites": ["bone"], "menopause": "post", "sex": "female"},
    "hr-positive-her2-low-bone-liver": {"hr": "positive", "her2": "low", "sites": ["bone", "liver"],
                                        "menopause": "post", "sex": "female"},
    "triple-negative-brain-bone-lung": {"hr": "negative", "her2": "zero", "sites": ["brain", "bone", "lung"],
                                        "sex": "female"},
    "her2-positive-brain": {"hr": "negative", "her2": "positive", "sites": ["brain"], "sex": "female"},
    "man-hr-positive-nodes": {"hr": "positive", "her2": "zero", "sites": ["lymph_nodes"], "sex": "male"},
    "not-sure-bone-liver": {"sites": ["bone", "liver"], "sex": "female"},
}


def printout(kb, profile: dict, size: str = "normal", visit: Visit | None = None,
             reader: str = "self") -> tuple[str, object, Visit]:
    answers = blank_answers() | {k: v for k, v in profile.items()}
    explanation = explain(Profile.create(**profile), kb)
    link = share.link("https://clinic.example.org/", answers, kb.lang,
                      [("reader", reader)] if reader != "self" else [])
    qr = segno.make(link, error="m").svg_inline(scale=5, border=2)
    visit = visit or Visit(explanation.questions[:FIRST_TICKED])
    return printable.build(kb, explanation, answers, link, qr, visit, size, "test", reader), explanation, visit
