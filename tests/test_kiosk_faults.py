"""A kiosk fails closed: a corpus of broken copies of the real rule set, each run through the app.

Every broken copy must give the neutral "temporarily unavailable" screen and nothing else
(no option names, no traceback), and the operator log must name the exact problem. Here
each copy runs through AppTest in kiosk mode; tests/browser/test_kiosk_browser.py drives a
sample of the same corpus through a real server and browser.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from streamlit.testing.v1 import AppTest

from knowledge import CONTENT_DIR, KnowledgeError, load_knowledge

from .apptest_helpers import operator_log

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
OPTION = Path("options/cdk46.yaml")
SPANISH_OPTION = Path("lang/es/options/cdk46.yaml")
UNAVAILABLE = ("This information is temporarily unavailable", "Please ask a member of staff.")


def _edit(relative: Path, old: str, new: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        path = root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) >= 1, f"{relative}: the fault corpus no longer matches the content ({old!r})"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return apply


def _remove(relative: str) -> Callable[[Path], None]:
    return lambda root: (root / relative).unlink()


def _oversize(root: Path) -> None:
    path = root / OPTION
    path.write_text(path.read_text(encoding="utf-8") + "# padding\n" * 40_000, encoding="utf-8")


def _symlink_loop(root: Path) -> None:
    (root / "options" / "loop.yaml").symlink_to("loop.yaml")


# kind -> (how to break a copy, what the operator log must say)
FAULTS: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "yaml_syntax": (_edit(OPTION, "timing: first", "timing: [first"), ("options/cdk46.yaml:16", "YAML syntax error")),
    "ambiguous_boolean": (_edit(OPTION, "timing: first", "timing: no"), ("options/cdk46.yaml:15", "'no' is ambiguous")),
    "duplicate_key": (_edit(OPTION, "timing: first", "timing: first\n    timing: later"), ("options/cdk46.yaml:16", "duplicate key 'timing' (first written on line 15)")),
    "unknown_class": (_edit(OPTION, "class: cdk46", "class: miracle_cure"), ("options/cdk46.yaml:10", "'miracle_cure' is not allowed")),
    "unknown_source": (_edit(OPTION, "sources: [asco_hr_2024,", "sources: [made_up_source, asco_hr_2024,"),
                       ("options/cdk46.yaml:59", "unknown source id 'made_up_source'")),
    "case_contradicts_gate": (_edit(OPTION, "      applies:\n", "      applies:\n        - {hr: negative, her2: zero}\n"),
                              ("options/cdk46.yaml:63", "case expects 'applies' but the gate gives 'hidden'")),
    "missing_file": (_remove("sources.yaml"), ("content/sources.yaml:1", "cannot read the file")),
    "broken_spanish": (_edit(SPANISH_OPTION, 'name: "Inhibidor de CDK4/6 con terapia hormonal"',
                             'name: "Inhibidor de CDK4/6 con terapia hormonal'), ("lang/es/options/cdk46.yaml:7", "YAML syntax error")),
    "oversized_file": (_oversize, ("cdk46.yaml:1", "at most 262144 bytes")),
    "yaml_alias": (_edit(OPTION, "    timing: first", "    timing: &t first\n    summary_copy: *t"),
                   ("options/cdk46.yaml:15", "anchor '&t' is not allowed")),
    "empty_meta": (lambda root: (root / "meta.yaml").write_text("", encoding="utf-8"), ("content/meta.yaml:1", "file is empty")),
    "symlink_loop": (_symlink_loop, ("options/loop.yaml:1", "cannot read the file: Too many levels of symbolic links")),
    "gate_3000_deep": (_edit(OPTION, "        - hr: [positive, low]", "        - " + "{not: " * 3000 + "{hr: [positive]}"
                             + "}" * 3000), ("options/cdk46.yaml:19", "nested more than 64 deep")),
    "list_20000_deep": (_edit(OPTION, "    timing: first", "    timing: first\n    research_x: " + "[" * 20_000
                              + "]" * 20_000), ("options/cdk46.yaml:16", "nested more than 64 deep")),
    "nul_byte": (_edit(OPTION, "    timing: first", "    timing: fi\x00rst"), ("options/cdk46.yaml:15", "U+0000 is not allowed")),
}


def broken_copy(kind: str, target: Path) -> Path:
    """A copy of the packaged rule set with one fault of this kind; returns the folder."""
    shutil.copytree(CONTENT_DIR, target)
    FAULTS[kind][0](target)
    return target


@pytest.fixture(autouse=True)
def fresh_caches(monkeypatch):
    import streamlit as st

    for name in ("EXPLAINER_CONTENT_DIR", "EXPLAINER_PUBLIC_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    st.cache_resource.clear()
    yield
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def option_names():
    english = load_knowledge()
    spanish = load_knowledge(lang="es")
    return {o.name for o in english.options} | {o.name for o in spanish.options}


def test_the_corpus_has_at_least_ten_kinds_of_fault():
    assert len(FAULTS) >= 10


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_every_fault_is_refused_by_the_loader_or_the_kiosk_check(kind, tmp_path):
    folder = broken_copy(kind, tmp_path / "content")
    problems = []
    for lang in ("en", "es"):
        try:
            load_knowledge(folder, lang=lang)
        except KnowledgeError as exc:
            problems += [str(p) for p in exc.problems]
    assert problems, f"{kind}: the broken copy loaded"


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_a_kiosk_fails_closed_on_every_broken_copy(kind, tmp_path, monkeypatch, option_names):
    folder = broken_copy(kind, tmp_path / "content")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(folder))
    with operator_log() as messages:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params["hr"] = "positive"  # a shared link must not get past the screen either
        at.query_params["site"] = "bone"
        at.run()
    assert not at.exception, f"{kind}: a traceback reached the screen"
    assert (at.title[0].value, at.subheader[0].value) == UNAVAILABLE and len(at.title) == 1
    assert not at.markdown and not at.button and not at.radio and not at.info and not at.error
    assert not at.expander and not at.header
    shown = " ".join(str(e.value) for e in (*at.title, *at.subheader))
    assert not [name for name in option_names if name in shown]
    log = "\n".join(messages)
    for needle in FAULTS[kind][1]:
        assert needle in log, f"{kind}: the operator log does not say {needle!r}:\n{log[:1500]}"


def test_a_date_past_its_day_is_not_a_fault_the_kiosk_serves_and_the_log_names_it(tmp_path, monkeypatch):
    """A stale review or decision day fails the release (validate, CI), never the tablet."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    _edit(OPTION, "    reviewed: 2026-11-26", "    reviewed: 2020-01-01")(folder)
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(folder))
    with operator_log() as messages:
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params.update({"sex": "female", "hr": "positive", "her2": "zero", "site": "bone"})
        at.run()
    assert not at.exception and at.title[0].value != UNAVAILABLE[0]
    assert "options/cdk46.yaml:60" in "\n".join(messages) and "2020-01-01" in "\n".join(messages)


def test_outside_kiosk_mode_a_broken_translation_does_not_stop_english(tmp_path, monkeypatch):
    """The control for broken_spanish: the kiosk's whole-set check is what refuses it."""
    monkeypatch.setenv("EXPLAINER_MODE", "")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(broken_copy("broken_spanish", tmp_path / "content")))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value != UNAVAILABLE[0]


NEW_FAULTS = ["symlink_loop", "gate_3000_deep", "list_20000_deep", "nul_byte"]


@pytest.mark.parametrize("kind", NEW_FAULTS)
def test_the_command_line_names_the_fault_without_a_traceback(kind, tmp_path):
    folder = broken_copy(kind, tmp_path / "content")
    result = subprocess.run([sys.executable, "-m", "knowledge", "validate", str(folder)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    for needle in FAULTS[kind][1]:
        assert needle in result.stdout, f"{kind}: validate does not say {needle!r}:\n{result.stdout[:1500]}"


@pytest.mark.parametrize("kind", NEW_FAULTS)
def test_outside_kiosk_mode_the_fault_shows_the_unavailable_screen_too(kind, tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "")
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(broken_copy(kind, tmp_path / "content")))
    at = AppTest.from_file(APP, default_timeout=30).run()
    assert not at.exception
    assert at.title[0].value == UNAVAILABLE[0]
