"""Every option file carries its own example profiles; each must give the status it promises."""

from __future__ import annotations

import pytest

from knowledge import load_knowledge, option_status
from knowledge.loader import case_profile

KB = load_knowledge()
CASES = [
    pytest.param(option, kind, case, id=f"{option.id}-{kind}-{i}")
    for option in KB.options
    for kind in ("applies", "conditional", "absent")
    for i, case in enumerate(getattr(option.cases, kind))
]


@pytest.mark.parametrize("option,kind,case", CASES)
def test_option_case(option, kind, case):
    status, depends_on = option_status(option, case_profile(case))
    assert status == ("hidden" if kind == "absent" else kind)
    if kind == "conditional":
        assert sorted(depends_on) == sorted(case.depends_on)
    else:
        assert depends_on == ()


def test_every_option_has_cases_that_show_and_hide_it():
    for option in KB.options:
        assert option.cases.applies, option.id
        assert option.cases.absent or option.when.to_yaml() == {"always": True}, option.id
