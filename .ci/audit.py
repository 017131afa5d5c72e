"""Known advisories in the pinned dependencies: pip-audit for Python, npm audit for the test-only npm tools.

Run by ``make audit`` (and so by CI before the tests). For each tool it says one of three things,
plainly, and never passes in silence:

* ``passed``: the advisory database answered and lists nothing for these versions;
* ``COULD NOT CHECK``: the database could not be reached (or skipped every package), so nothing
  is known either way. CI goes on (a machine without that network access must still be able to
  test), but the line says so, and the "Known advisories" table in docs/dependencies.md is then the only check;
* ``ADVISORIES FOUND``: each one is listed with the fixed versions, and the run fails.

Options for tests: ``--pip-json FILE`` / ``--npm-json FILE`` judge saved outputs instead of running
the tools (``-`` for "the tool could not run").
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSED, COULD_NOT, FOUND = "passed", "COULD NOT CHECK", "ADVISORIES FOUND"


def judge_pip(report: str | None, problem: str = "") -> tuple[str, list[str]]:
    """pip-audit's JSON report (None if it wrote none) -> (verdict, lines to print)."""
    if not report:
        return COULD_NOT, [f"pip-audit did not finish: {problem.strip().splitlines()[-1] if problem.strip() else 'no report'}"]
    try:
        data = json.loads(report)
    except json.JSONDecodeError:
        return COULD_NOT, ["pip-audit's report could not be read"]
    deps = data.get("dependencies", []) if isinstance(data, dict) else []
    found = [(d["name"], d.get("version", "?"), v) for d in deps for v in d.get("vulns", [])]
    skipped = [d for d in deps if d.get("skip_reason")]
    audited = len(deps) - len(skipped)
    if found:
        return FOUND, [f"{name} {version}: {v.get('id')} (fixed in {', '.join(v.get('fix_versions') or ['no release yet'])})"
                       + (f" also {', '.join(v.get('aliases', []))}" if v.get("aliases") else "")
                       for name, version, v in found]
    if not deps or audited == 0:
        reason = skipped[0]["skip_reason"] if skipped else "no packages in the report"
        return COULD_NOT, [f"the advisory database was not reachable: {len(skipped)} of {len(deps)} packages "
                           f"skipped (e.g. {reason})"]
    lines = [f"{audited} packages checked, no known advisory"]
    if skipped:
        lines.append(f"{len(skipped)} not checked: {', '.join(d['name'] for d in skipped[:10])}")
    return PASSED, lines


def judge_npm(report: str | None, problem: str = "") -> tuple[str, list[str]]:
    """npm audit's JSON report -> (verdict, lines to print)."""
    if not report:
        return COULD_NOT, [f"npm audit did not run: {problem.strip() or 'no report'}"]
    try:
        data = json.loads(report)
    except json.JSONDecodeError:
        return COULD_NOT, ["npm audit's report could not be read"]
    if not isinstance(data, dict):
        return COULD_NOT, ["npm audit's report could not be read"]
    if "error" in data or ("metadata" not in data and ("message" in data or "statusCode" in data)):
        error = data.get("error") if isinstance(data.get("error"), dict) else {}
        summary = error.get("summary") or data.get("message") or error.get("code") or data.get("statusCode")
        return COULD_NOT, [f"the npm advisory service did not answer: {str(summary or 'no reason given').splitlines()[0][:200]}"]
    counts = data.get("metadata", {}).get("vulnerabilities")
    if not isinstance(counts, dict):
        return COULD_NOT, ["npm audit gave no summary"]
    total = counts.get("total", sum(v for k, v in counts.items() if isinstance(v, int)))
    if total:
        lines = [f"{total} advisories: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v and k != "total")]
        for name, item in sorted(data.get("vulnerabilities", {}).items()):
            lines.append(f"{name} ({item.get('severity')}): range {item.get('range')}; fix: {item.get('fixAvailable')}")
        return FOUND, lines
    dependencies = data.get("metadata", {}).get("dependencies", {})
    return PASSED, [f"{dependencies.get('total', '?')} packages checked, no known advisory"]


def run_pip_audit() -> tuple[str | None, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pip-audit.json"
        try:
            done = subprocess.run([sys.executable, "-m", "pip_audit", "--progress-spinner", "off", "--timeout", "20",
                                   "--format", "json", "--output", str(out)], cwd=ROOT, capture_output=True,
                                  text=True, timeout=600)
        except FileNotFoundError as exc:
            return None, str(exc)
        except subprocess.TimeoutExpired:
            return None, "pip-audit took more than 10 minutes"
        if done.returncode not in (0, 1) and not out.exists():
            return None, done.stderr or done.stdout
        if "No module named pip_audit" in done.stderr:
            return None, "pip-audit is not installed (pip install -r requirements-dev.txt)"
        return (out.read_text() if out.exists() else None), done.stderr


def run_npm_audit() -> tuple[str | None, str]:
    npm = shutil.which("npm")
    if not npm:
        return None, "npm is not installed"
    try:
        done = subprocess.run([npm, "audit", "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None, "npm audit took more than 5 minutes"
    return done.stdout or None, done.stderr


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pip-json", help="judge this saved pip-audit report instead ('-': it could not run)")
    parser.add_argument("--npm-json", help="judge this saved npm audit report instead ('-': it could not run)")
    args = parser.parse_args(argv)

    def saved(path: str) -> tuple[str | None, str]:
        return (None, "could not run") if path == "-" else (Path(path).read_text(), "")

    results = {
        "pip-audit (Python packages in the environment)": judge_pip(*(saved(args.pip_json) if args.pip_json
                                                                      else run_pip_audit())),
        "npm audit (test-only npm tools)": judge_npm(*(saved(args.npm_json) if args.npm_json else run_npm_audit())),
    }
    for tool, (verdict, lines) in results.items():
        print(f"audit: {tool}: {verdict}")
        for line in lines:
            print(f"audit:     {line}")
    if any(verdict == COULD_NOT for verdict, _ in results.values()):
        print("audit: at least one advisory database could not be checked from this machine: nothing is known "
              "either way. Check by hand (docs/dependencies.md, 'Known advisories') or run `make audit` where it can be reached.")
    return 1 if any(verdict == FOUND for verdict, _ in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
