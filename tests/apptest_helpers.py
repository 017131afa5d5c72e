"""Driving the app with Streamlit's AppTest as a person would: open, tap, answer, walk through."""

from __future__ import annotations

import contextlib
import logging
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


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    """AppTest shares st.cache_* across instances: each test starts clean, on the packaged
    content, outside kiosk mode (import this fixture into a test module to use it)."""
    import streamlit as st

    for name in ("EXPLAINER_CONTENT_DIR", "EXPLAINER_MODE", "EXPLAINER_PUBLIC_URL", "EXPLAINER_KIOSK_PRINT"):
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

