"""Answers to and from a share link's query parameters. Only known values pass; nothing else.

The link carries the answers and nothing more, e.g.
``?hr=positive&her2=low&site=bone&site=liver&menopause=post&sex=female&esr1=positive``,
plus ``lang=es`` when the person chose a language other than English and ``reader=caregiver``
when someone who cares for the person is reading (both read by
:func:`components.explainer.notes.take_link`, not by :func:`parse`).
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping
from urllib.parse import urlencode, urlsplit, urlunsplit

from knowledge.profile import LINK_ANSWERS, MARKERS, SITE_VALUES, UNKNOWN

from .state import blank_answers

SINGLE = {name: values for name, values in LINK_ANSWERS.items() if name != "site"}
MAX_VALUES = 20  # a link is short; more values than this is not a link this app made


def parse(params: Mapping[str, Iterable[str]]) -> tuple[dict[str, Any], list[str], bool]:
    """``(answers, ignored names, anything used)``. Bad or unknown parts are skipped, never raised.

    ``ignored`` holds only parameter names this app knows (never raw text from the URL),
    plus ``"other"`` when unknown names were present.
    """
    answers = blank_answers()
    ignored: list[str] = []
    used = False
    for name, raw in params.items():
        given = list(raw)
        values = [v for v in given[:MAX_VALUES] if isinstance(v, str)]
        if name == "site":
            good = [v for v in values if v in SITE_VALUES]
            if len(good) != len(given):  # a bad value, or more than MAX_VALUES of them: the rest is not read
                ignored.append("site")
            answers["sites"] = [s for s in SITE_VALUES if s in good]
            used = used or bool(good)
        elif name in SINGLE:
            if len(values) == 1 and values[0] in SINGLE[name]:
                if name in MARKERS:
                    answers["markers"][name] = values[0]
                else:
                    answers[name] = values[0]
                used = True
            else:
                ignored.append(name)
        elif "other" not in ignored:
            ignored.append("other")
    return answers, ignored, used


def query(answers: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The answers as query pairs; unknown answers are left out to keep the link short."""
    pairs: list[tuple[str, str]] = []
    for name in ("hr", "her2"):
        if answers[name] != UNKNOWN:
            pairs.append((name, answers[name]))
    pairs += [("site", s) for s in SITE_VALUES if s in answers["sites"]]
    if answers["sex"] != "male" and answers["menopause"] != UNKNOWN:
        pairs.append(("menopause", answers["menopause"]))
    if answers["sex"] is not None:
        pairs.append(("sex", answers["sex"]))
    pairs += [(m, answers["markers"][m]) for m in MARKERS if answers["markers"][m] != UNKNOWN]
    return pairs


def link(base_url: str, answers: Mapping[str, Any], lang: str = "en",
         reader: Iterable[tuple[str, str]] = ()) -> str:
    """The share link: the app's own address (no old query, no fragment) plus the answers,
    the language when it is not English and ``reader`` (the reader's part, when a caregiver reads)."""
    parts = urlsplit(base_url or "http://localhost:8501/")
    path = parts.path or "/"
    pairs = ([] if lang == "en" else [("lang", lang)]) + list(reader) + query(answers)
    return urlunsplit((parts.scheme or "http", parts.netloc, path, urlencode(pairs), ""))
