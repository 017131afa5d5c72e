"""``python -m knowledge diff OLD NEW``: two copies of the packaged rule set, three changes planted in
the second, and the command must report exactly those changes, as a real process."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge import explain, load_knowledge
from knowledge.contentdiff import FIELDS, describe, reference_profiles
from knowledge.loader import CONTENT_DIR
from knowledge.teaching import SUBTYPE_HER2, SUBTYPE_HR, matrix_cell, rule_text, subtype_matrix

from .conftest import ROOT

TAMOXIFEN_OLD = ("A daily pill that blocks estrogen from reaching the cancer cells. It can be used before\n"
                 "      or after menopause.")
TAMOXIFEN_NEW = "A daily pill that keeps estrogen away from the cancer cells, before or after menopause."
BRAIN_RULE = "      site: [brain]\n    summary: >-\n      Focused beams"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "knowledge", "diff", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def _plant(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not found once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def rule_sets(tmp_path_factory) -> tuple[Path, Path]:
    """(old, new): the packaged rule set, and a copy with a text edited, a rule widened and an option added."""
    root = tmp_path_factory.mktemp("rule_sets")
    old, new = root / "old", root / "new"
    shutil.copytree(CONTENT_DIR, old)
    shutil.copytree(CONTENT_DIR, new)
    _plant(new / "options" / "endocrine.yaml", TAMOXIFEN_OLD, TAMOXIFEN_NEW)
    _plant(new / "options" / "radiation.yaml", BRAIN_RULE, BRAIN_RULE.replace("[brain]", "[brain, lung]"))
    parp = new / "options" / "parp.yaml"
    text = parp.read_text(encoding="utf-8")
    block = text[text.index("  - id: parp_inhibitor"):]
    parp.write_text(text.rstrip("\n") + "\n" + block.replace("id: parp_inhibitor", "id: parp_inhibitor_copy", 1),
                    encoding="utf-8")
    return old, new


def test_diff_reports_exactly_the_planted_changes(rule_sets):
    old_dir, new_dir = rule_sets
    proc = run(str(old_dir), str(new_dir), "--csv")
    assert proc.returncode == 0, proc.stderr
    header, *rows = list(csv.reader(io.StringIO(proc.stdout)))
    assert header == list(FIELDS)
    found = {tuple(r[:4]): (r[4], r[5]) for r in rows}
    assert len(found) == len(rows), "each difference once"

    old = load_knowledge(old_dir)
    # A rule widened to lung: radiation appears for every subtype when the table is filtered to liver and lung;
    # it was shown for none before.
    before = subtype_matrix(old, sites=["liver", "lung"])
    assert all(row["radiation"] == "" for row in before)
    expected = {("cell", f"liver and lung | hr={hr} her2={her2}", "radiation", "appeared"): ("", "applies")
                for hr in SUBTYPE_HR for her2 in SUBTYPE_HER2}
    # An option added: it appears in every reference profile that shows the option it copies, in the same way.
    parp = old.options[[o.id for o in old.options].index("parp_inhibitor")]
    for profile in reference_profiles():
        shown = [r for r in explain(profile, old).options if r.id == "parp_inhibitor"]
        if shown:
            expected[("profile", describe(profile), "parp_inhibitor_copy", "appeared")] = ("", matrix_cell(shown))
    assert any(k[0] == "profile" for k in expected)
    expected[("option", "options/parp.yaml", "parp_inhibitor_copy", "added")] = ("", rule_text(parp.when))
    # A text edited and a rule edited, with the old and new value.
    expected[("option", "options/endocrine.yaml", "tamoxifen", "summary edited")] = (
        " ".join(TAMOXIFEN_OLD.split()), TAMOXIFEN_NEW)
    expected[("option", "options/radiation.yaml", "radiation_brain", "when edited")] = (
        "site: [brain]", "site: [brain, lung]")
    assert found == expected


def test_diff_in_words_names_each_section(rule_sets):
    proc = run(*map(str, rule_sets))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "difference(s)." in out.splitlines()[0]
    assert "  liver and lung | hr=negative her2=zero: radiation: appeared\n      (not shown) -> applies" in out
    assert "tamoxifen: summary edited" in out and f"new: {TAMOXIFEN_NEW}" in out
    assert "parp_inhibitor_copy: added" in out


def test_the_same_rule_set_has_no_difference():
    proc = run(str(CONTENT_DIR), str(CONTENT_DIR), "--csv")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [",".join(FIELDS)]


def test_a_folder_that_cannot_be_loaded_gets_a_clear_message(tmp_path):
    proc = run(str(CONTENT_DIR), str(tmp_path / "missing"))
    assert proc.returncode == 1
    assert "cannot be used" in proc.stderr and "Traceback" not in proc.stderr
