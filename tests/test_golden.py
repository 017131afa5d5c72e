"""What the rule set says for the reference profiles is the same as its golden files.

A failure here is not necessarily a bug: it says a change alters what a person is shown. Read the
diff; if it is meant, write the files again with ``make golden`` and commit them with the change.
"""

from __future__ import annotations

import difflib

import pytest

from tests.golden import make

NOW = make.files()


@pytest.mark.parametrize("name", sorted(NOW))
def test_the_rule_set_says_what_its_golden_file_says(name: str) -> None:
    path = make.HERE / name
    assert path.is_file(), f"tests/golden/{name} is missing; write it with `make golden`"
    kept = path.read_text(encoding="utf-8")
    if kept != NOW[name]:
        diff = "".join(difflib.unified_diff(kept.splitlines(True), NOW[name].splitlines(True),
                                            f"golden/{name}", "now", n=2))
        pytest.fail(f"what the rule set says for {name} changed (if meant: make golden)\n{diff[:4000]}", pytrace=False)


def test_no_golden_file_is_left_over() -> None:
    kept = {p.name for p in make.HERE.iterdir() if p.suffix in (".json", ".csv")}
    assert kept == set(NOW), f"golden files no profile makes: {sorted(kept - set(NOW))}"
