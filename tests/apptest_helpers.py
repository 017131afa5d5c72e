"""Driving the app with Streamlit's AppTest as a person would: open, tap, answer, walk through."""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path
from typing import Iterator

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "streamlit_app.py")


def new_app(**params: str | list[str]) -> AppTest:
    """The app opened fresh, optionally with share-link query parameters."""
    at = AppTest.from_file(APP, default_timeout=30)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def gen(at: AppTest) -> int:
    """The widget generation: every widget key ends in ``__g<generation>``."""
    return at.session_state["generation"]


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=f"{key}__g{gen(at)}").click()
    return at.run()


def answer(at: AppTest, field: str, value) -> AppTest:
    if field == "sites":
        at.button_group(key=f"q_sites__g{gen(at)}").set_value(value)
    else:
        at.radio(key=f"q_{field}__g{gen(at)}").set_value(value)
    return at.run()


def begin(at: AppTest, sex: str = "female") -> AppTest:
    """Start, and say who the information is for (the first step; it has no default)."""
    click(at, "start")
    answer(at, "sex", sex)
    return click(at, "next_sex")


def walk(at: AppTest, hr="unknown", her2="unknown", sites=(), sex="female", **more: str) -> AppTest:
    """Start, answer every step, and open the results."""
    begin(at, sex)
    answer(at, "hr", hr)
    click(at, "next_hr")
    answer(at, "her2", her2)
    click(at, "next_her2")
    if sites:
        answer(at, "sites", list(sites))
    click(at, "next_sites")
    for field, value in more.items():
        answer(at, field, value)
    return click(at, "next_more")


def _expander_ids(at: AppTest) -> list[str]:
    found: list[str] = []

    def visit(node) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", "") == "expander":
                found.append(getattr(child.proto, "id", "") or "")
            visit(child)

    visit(at._tree)
    return found


def shown_cards(at: AppTest) -> list[str]:
    """The option ids whose cards are on the page (open or closed), in page order."""
    return [m.group(1) for i in _expander_ids(at) if (m := re.search(r"-card_(\w+?)__g\d+$", i))]


def open_groups(at: AppTest) -> AppTest:
    """Tap every folded group's switch, so each shows one line per treatment."""
    for toggle in at.toggle:
        if toggle.key and toggle.key.startswith("show_") and not toggle.value:
            toggle.set_value(True)
    return at.run()


def open_cards(at: AppTest, ids: list[str] | None = None, evidence: bool = False) -> AppTest:
    """Open cards (all shown, or those named) as a tap would; with ``evidence`` their evidence too."""
    open_groups(at)
    for option_id in ids or shown_cards(at):
        at.session_state[f"card_{option_id}__g{gen(at)}"] = True
    at.run()
    if evidence:
        for toggle in at.toggle:
            if toggle.key and toggle.key.startswith("evidence_") and not toggle.value:
                toggle.set_value(True)
        at.run()
    return at


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    """AppTest shares st.cache_* across instances: each test starts clean, on the packaged
    content, outside kiosk mode (import this fixture into a test module to use it)."""
    import streamlit as st

    for name in ("EXPLAINER_CONTENT_DIR", "EXPLAINER_MODE", "EXPLAINER_PUBLIC_URL", "EXPLAINER_KIOSK_PRINT",
                 "EXPLAINER_KIOSK_LANGUAGES"):
        monkeypatch.delenv(name, raising=False)
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()


@contextlib.contextmanager
def operator_log(logger: str = "explainer.knowledge") -> Iterator[list[str]]:
    """Collect what the app writes to its operator log while the block runs."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect()
    logging.getLogger(logger).addHandler(handler)
    try:
        yield messages
    finally:
        logging.getLogger(logger).removeHandler(handler)

