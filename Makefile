# Two commands that work on a fresh machine:
#   make run    start the app on http://localhost:8501 (served by serve.py: security headers, limits)
#   make test   run every test (unit, content, app and real-browser tests)
# While changing code:
#   make fast   every test but the real-browser and load ones
# And for a clinic's waiting-room tablets:
#   make kiosk  start the hardened server in kiosk mode (idle reset, no links out, QR take-home)
#               settings: EXPLAINER_IDLE_SECONDS, EXPLAINER_PUBLIC_URL, EXPLAINER_ALLOWED_HOSTS (docs/kiosk.md)
# Each creates .venv from the pinned requirements on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test fast golden kiosk validate audit bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

run: $(BIN)/.installed
	$(BIN)/streamlit run serve.py

kiosk: $(BIN)/.installed
	EXPLAINER_MODE=kiosk $(BIN)/streamlit run serve.py --client.toolbarMode viewer

test: $(BIN)/.installed node_modules/.installed
	$(BIN)/python -m pytest

# The fast lane while changing code: everything but the real-browser and load tests (docs/testing.md).
fast: $(BIN)/.installed
	$(BIN)/python -m pytest -m "not browser and not load"

# Write the golden files again (tests/golden/): only after reading what a change alters and meaning it.
golden: $(BIN)/.installed
	$(BIN)/python -m tests.golden.make

validate: $(BIN)/.installed
	$(BIN)/python -m knowledge validate

# Known advisories in the pinned Python and npm packages (pip-audit, npm audit). Says "passed",
# "COULD NOT CHECK" (no advisory database reachable: not a failure, but never silent) or
# "ADVISORIES FOUND" (fails). CI runs it before the tests.
audit: $(BIN)/.installed node_modules/.installed
	$(BIN)/python .ci/audit.py

# Every benchmark with modest durations (about 15 minutes); each prints a table and writes
# benchmarks/results/*.json. The browser one needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench_engine.py
	$(BIN)/python benchmarks/bench_rerun.py --rounds 20 --reruns 3
	$(BIN)/python benchmarks/bench_browser.py --rounds 10 --cold 2
	$(BIN)/python benchmarks/bench_capacity.py --sessions 1 10 20 50 --seconds 8 --repeats 1
	$(BIN)/python benchmarks/bench_tablets.py --tablets 50 --tap-every 5 --seconds 120

clean:
	rm -rf $(VENV) node_modules .pytest_cache test-artifacts
