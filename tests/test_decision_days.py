"""A pending drug's FDA decision day fails the release, never the patient's screen.

The clock is moved with the loader's ``today`` to the day before, the day of and the day after
every pending date in the registry (and in the Spanish rule set); the running app is moved with
``faketime`` in tests/browser/test_decision_day_browser.py.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from knowledge import CONTENT_DIR, Profile, explain, load_knowledge
from knowledge.approvals import date_words, drug_label, status_sentence

from .conftest import ROOT

_PACKAGED = load_knowledge()
ONE_DAY = dt.timedelta(days=1)
DECISIONS = [(d.id, d.expected_decision) for d in _PACKAGED.drugs.values()
             if d.status == "pending" and d.expected_decision is not None]
RECHECKS = [(d.id, d.recheck_by) for d in _PACKAGED.drugs.values() if d.status == "pending" and d.recheck_by]


def test_no_dated_fact_of_the_packaged_rule_set_is_past_its_day():
    """The release check: on the day CI runs, no decision, re-check or review day has passed.
    When this fails, update approvals.yaml (or the review dates) as the message says."""
    for lang in ("en", "es"):
        overdue = load_knowledge(lang=lang).overdue
        assert not overdue, "dated facts past their day:\n" + "\n".join(str(p) for p in overdue)


def test_the_registry_still_has_a_pending_date_to_test():
    assert DECISIONS or RECHECKS, "no pending drug left: the tests below check nothing; keep them for the next one"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("drug", "day"), DECISIONS)
def test_the_day_before_and_the_day_of_a_decision_the_app_says_when_it_is_expected(drug, day, lang):
    for today in (day - ONE_DAY, day):
        kb = load_knowledge(today=today, lang=lang)
        assert not [p for p in kb.overdue if drug in p.message]
        assert status_sentence(kb, drug) == kb.meta.status_words.pending_expected.format(
            drug=drug_label(kb, kb.drugs[drug]), checked=date_words(kb, kb.registry_checked),
            decision=date_words(kb, day))


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("drug", "day"), DECISIONS)
def test_the_day_after_a_decision_the_rule_set_loads_and_says_only_what_is_certain(drug, day, lang):
    kb = load_knowledge(today=day + ONE_DAY, lang=lang)  # no KnowledgeError: the app keeps serving
    named = [p for p in kb.overdue if f"'{drug}'" in p.message]
    assert len(named) == 1 and named[0].file.endswith("approvals.yaml") and named[0].line > 1
    assert day.isoformat() in named[0].message
    assert status_sentence(kb, drug) == kb.meta.status_words.pending_passed.format(
        drug=drug_label(kb, kb.drugs[drug]), decision=date_words(kb, day))
    # never shown as available: no option names it as a drug, whatever the day
    assert not [o.id for o in kb.options if drug in o.drugs]
    explanation = explain(Profile.create(hr="positive", her2="zero", sex="female", markers={"esr1": "positive"}), kb)
    assert explanation.options  # results for every profile


def test_the_english_sentence_after_a_decision_day_reads_as_the_review_asked():
    drug, day = DECISIONS[0]
    kb = load_knowledge(today=day + ONE_DAY)
    assert (f"the FDA was due to decide by {date_words(kb, day)}. This page does not yet say what it decided. "
            "Ask your care team whether it is approved now.") in status_sentence(kb, drug)


@pytest.mark.parametrize(("drug", "day"), RECHECKS)
def test_the_day_after_a_recheck_day_the_rule_set_loads_and_lists_it(drug, day):
    assert not [p for p in load_knowledge(today=day).overdue if f"'{drug}'" in p.message]
    kb = load_knowledge(today=day + ONE_DAY)
    assert [p for p in kb.overdue if f"'{drug}'" in p.message and day.isoformat() in p.message]
    assert "ask" in status_sentence(kb, drug).lower()


def test_validate_fails_after_a_decision_day_with_one_line_per_drug():
    drug, day = DECISIONS[0]
    run = subprocess.run([sys.executable, "-m", "knowledge", "validate", "--today", (day + ONE_DAY).isoformat()],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    lines = [line for line in run.stdout.splitlines() if f"'{drug}'" in line]
    assert len(lines) == 1 and lines[0].startswith(f"{CONTENT_DIR.relative_to(ROOT).as_posix()}/approvals.yaml:")
    assert day.isoformat() in lines[0] and "Traceback" not in run.stderr
    before = subprocess.run([sys.executable, "-m", "knowledge", "validate", "--today", day.isoformat()],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert not [line for line in before.stdout.splitlines() if f"'{drug}'" in line]
