"""Hostile share links on a kiosk: 1,000 random and nasty query strings, no crash, nothing injected.

AppTest takes the bulk (fast, a fixed seed, so a failure replays exactly); a sample of the
same links goes through a real browser in tests/browser/test_kiosk_browser.py.
"""

from __future__ import annotations

import random
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

import pytest
from streamlit.testing.v1 import AppTest

from knowledge.profile import HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, SITE_VALUES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
SEED = 20261121
STREAMLIT_QUERY_LIMIT = 524_288  # characters; a longer query string never reaches the app
MARK = "PWN"  # every piece of markup below carries it: it must never appear on a page
NAMES = ["hr", "her2", "site", "menopause", "sex", "lang", *MARKERS, "HR", "site[]", "__proto__", "page",
         "embed", "embed_options", "utm_source", "", " ", "hr ", "h\u0000r", "\u202ehr"]
MARKUP = [
    f"<script>alert('{MARK}')</script>", f"<img src=x onerror=alert('{MARK}') data-pwn=1>",
    f"javascript:alert('{MARK}')", f"\"><svg onload=alert('{MARK}') data-pwn=1>",
    f"[{MARK}](javascript:alert(1))", f"<iframe src=javascript:alert('{MARK}') data-pwn=1>",
    f"{{{{7*7}}}}{MARK}", f"${{{MARK}}}", f"<style>*{{display:none}}</style>{MARK}",
    f"**{MARK}** _x_ `y`", f"<a href='http://evil.example/{MARK}' data-pwn=1>tap</a>",
    f"%3Cscript%3E{MARK}%3C/script%3E", f"\u202e{MARK}\u200f<b>", f"{MARK}\u0000<b>", f":material/{MARK}:",
    f"&lt;script&gt;{MARK}", f"<details open ontoggle=alert('{MARK}') data-pwn=1>",
]
VALID = {"hr": HR_VALUES, "her2": HER2_VALUES, "site": SITE_VALUES, "sex": ("female", "male"),
         "menopause": ("pre", "post", "unknown"), **{m: MARKER_VALUES for m in MARKERS}}


def _value(rng: random.Random) -> str:
    kind = rng.randrange(9)
    if kind == 0:
        return rng.choice(MARKUP)
    if kind == 1:
        return rng.choice(MARKUP) * rng.randint(50, 400)  # long
    if kind == 2:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 60))) + MARK  # unicode soup
    if kind == 3:
        return rng.choice(["\u202e", "\u200f", "\u200e", "\u2066", "\ufeff"]) + rng.choice(MARKUP)  # RTL marks
    if kind == 4:
        return str(rng.choice([0, -1, 10**30, 1e308, float("nan")]))  # numbers
    if kind == 5:
        return "A" * rng.choice([1_000, 10_000, 60_000])
    if kind == 6:
        name = rng.choice(list(VALID))
        return rng.choice(list(VALID[name]))  # a real value, maybe under the wrong name
    if kind == 7:
        return rng.choice(["", " ", "\u0000", "\t\n", "%", "%%", "&", "=", "?", "#"])
    return rng.choice(list(VALID[rng.choice(list(VALID))])).upper() + rng.choice(MARKUP)


def hostile_queries(n: int = 1000, seed: int = SEED) -> list[list[tuple[str, str]]]:
    """``n`` query strings as (name, value) pairs: repeated keys, many params, hostile values."""
    rng = random.Random(seed)
    queries = []
    for i in range(n):
        count = rng.choice([1, 1, 2, 3, 5, 8, 20]) if i % 50 else rng.choice([300, 1000])  # sometimes a flood
        pairs = []
        for _ in range(count):
            name = rng.choice(NAMES) if rng.random() < 0.8 else "".join(rng.choice("abc<>\"'&=") for _ in range(5))
            pairs.append((name, _value(rng)))
            if rng.random() < 0.15:
                pairs.append((name, _value(rng)))  # the same key again
        queries.append(pairs)
    return queries


def query_string(pairs: list[tuple[str, str]]) -> str:
    return urlencode(pairs)


def _texts(node, out: list[str]) -> list[str]:
    proto = getattr(node, "proto", None)
    if proto is not None:
        out.append(str(proto))
    for child in getattr(node, "children", {}).values():
        _texts(child, out)
    return out


@pytest.fixture(autouse=True)
def kiosk(monkeypatch):
    import streamlit as st

    monkeypatch.delenv("EXPLAINER_CONTENT_DIR", raising=False)
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    monkeypatch.setenv("EXPLAINER_PUBLIC_URL", "https://explainer.clinic.example/")
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


def test_a_thousand_hostile_links_never_crash_or_inject(monkeypatch):
    queries = hostile_queries()
    assert len(queries) >= 1000
    at = None
    for i, pairs in enumerate(queries):
        if at is None or i % 100 == 0:
            at = AppTest.from_file(APP, default_timeout=30).run()
        if at.session_state["step"] != "start":
            at.session_state["step"] = "start"  # keep most runs on the fast start screen
        grouped: dict[str, list[str]] = defaultdict(list)
        for name, value in pairs:
            grouped[name].append(value)
        for name, values in grouped.items():
            at.query_params[name] = values if len(values) > 1 else values[0]
        at.run()
        where = f"case {i} (seed {SEED}): {query_string(pairs)[:300]}"
        assert not at.exception, where
        if len(query_string(pairs)) > STREAMLIT_QUERY_LIMIT:
            at.query_params.clear()  # Streamlit ignores it whole (and logs only its length)
        elif at.query_params:
            at.run()  # the browser's address was replaced in the first run; the next clears Streamlit's copy
            assert not at.exception, where
        # Streamlit keeps its own "embed" flags; nothing else stays in the address.
        assert set(at.query_params.keys()) <= {"embed", "embed_options"}, f"the link stayed: {where}"
        at.query_params.clear()
        page = "\n".join(_texts(at._tree, []))
        assert MARK not in page, f"link text reached the page: {where}"
        answers = at.session_state["answers"]
        assert answers["hr"] in HR_VALUES and answers["her2"] in HER2_VALUES, where
        assert set(answers["sites"]) <= set(SITE_VALUES), where
        assert all(answers["markers"][m] in MARKER_VALUES for m in MARKERS), where
