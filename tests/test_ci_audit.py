"""The dependency audit step (.ci/audit.py, `make audit`, run by CI before the tests) never passes in silence.

An advisory found fails it; an advisory database it cannot reach is said plainly, and does not
fail it (a machine without that access must still be able to test); a clean answer passes.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AUDIT = ROOT / ".ci" / "audit.py"

ALL_SKIPPED = {"dependencies": [
    {"name": "streamlit", "skip_reason": "Dependency not found on PyPI and could not be audited: streamlit (1.67.0)"},
    {"name": "pyyaml", "skip_reason": "Dependency not found on PyPI and could not be audited: pyyaml (6.0.3)"}],
    "fixes": []}
CLEAN = {"dependencies": [{"name": "streamlit", "version": "1.67.0", "vulns": []},
                          {"name": "pyyaml", "version": "6.0.3", "vulns": []}], "fixes": []}
FOUND = {"dependencies": [{"name": "streamlit", "version": "1.67.0", "vulns": []},
                          {"name": "jinja2", "version": "3.1.4", "vulns": [
                              {"id": "GHSA-q2x7-8rv6-6q7h", "fix_versions": ["3.1.5"], "aliases": ["CVE-2024-56326"],
                               "description": "sandbox breakout"}]}], "fixes": []}
NPM_UNREACHABLE = {"message": "405 Method Not Allowed - POST (advisories)", "statusCode": 405,
                   "error": {"summary": "", "detail": ""}}
NPM_CLEAN = {"auditReportVersion": 2, "vulnerabilities": {}, "metadata": {
    "vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 0, "critical": 0, "total": 0},
    "dependencies": {"prod": 1, "dev": 1, "total": 1}}}
NPM_FOUND = {"auditReportVersion": 2, "vulnerabilities": {"axe-core": {
    "name": "axe-core", "severity": "high", "range": "<4.14.2", "fixAvailable": True}}, "metadata": {
    "vulnerabilities": {"info": 0, "low": 0, "moderate": 0, "high": 1, "critical": 0, "total": 1},
    "dependencies": {"total": 1}}}


def audit(tmp_path: Path, pip: dict | None, npm: dict | None) -> subprocess.CompletedProcess:
    args = []
    for name, report in (("pip", pip), ("npm", npm)):
        if report is None:
            args += [f"--{name}-json", "-"]
        else:
            path = tmp_path / f"{name}.json"
            path.write_text(json.dumps(report))
            args += [f"--{name}-json", str(path)]
    return subprocess.run([sys.executable, str(AUDIT), *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_an_unreachable_database_is_said_plainly_and_does_not_fail(tmp_path):
    done = audit(tmp_path, ALL_SKIPPED, NPM_UNREACHABLE)
    assert done.returncode == 0
    assert "pip-audit (Python packages in the environment): COULD NOT CHECK" in done.stdout
    assert "2 of 2 packages skipped" in done.stdout
    assert "npm audit (test-only npm tools): COULD NOT CHECK" in done.stdout
    assert "405 Method Not Allowed" in done.stdout
    assert "nothing is known either way" in done.stdout
    assert "passed" not in done.stdout  # a skip is never reported as a pass


def test_a_tool_that_could_not_run_is_said_too(tmp_path):
    done = audit(tmp_path, None, None)
    assert done.returncode == 0
    assert done.stdout.count("COULD NOT CHECK") == 2


def test_an_advisory_found_fails_and_is_named(tmp_path):
    done = audit(tmp_path, FOUND, NPM_CLEAN)
    assert done.returncode == 1
    assert "ADVISORIES FOUND" in done.stdout
    assert "jinja2 3.1.4: GHSA-q2x7-8rv6-6q7h (fixed in 3.1.5) also CVE-2024-56326" in done.stdout
    done = audit(tmp_path, CLEAN, NPM_FOUND)
    assert done.returncode == 1
    assert "axe-core (high)" in done.stdout


def test_a_clean_answer_passes(tmp_path):
    done = audit(tmp_path, CLEAN, NPM_CLEAN)
    assert done.returncode == 0
    assert "pip-audit (Python packages in the environment): passed" in done.stdout
    assert "2 packages checked, no known advisory" in done.stdout
    assert "npm audit (test-only npm tools): passed" in done.stdout
    assert "COULD NOT CHECK" not in done.stdout


def test_ci_runs_the_audit_before_the_tests_and_pins_the_tools():
    run = (ROOT / ".ci" / "run").read_text()
    assert run.index("make audit") < run.index("make test")
    makefile = (ROOT / "Makefile").read_text()
    assert "audit: $(BIN)/.installed node_modules/.installed" in makefile and ".ci/audit.py" in makefile
    dev = (ROOT / "requirements-dev.txt").read_text().splitlines()
    assert any(line.startswith("pip-audit==") for line in dev)
    assert any(line.startswith("kubernetes-validate==") for line in dev)
