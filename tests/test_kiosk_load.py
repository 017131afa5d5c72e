"""Load smoke test: 20 tablets at once against the hardened kiosk server, for about 15 seconds.

It drives real reruns over Streamlit's websocket (benchmarks/ws_load.py) and asserts only
that nothing failed; timings are measured by the benchmark, never asserted here.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from benchmarks.ws_load import run_load
from tests.servers import streamlit_server

ENV = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/"}


def test_twenty_tablets_at_once_get_results_without_a_single_error(tmp_path):
    log = tmp_path / "server.log"
    with streamlit_server("serve.py", env=ENV, log_path=log) as server:
        # A thread of its own: after the browser tests, Playwright's event loop owns this one.
        with ThreadPoolExecutor(1) as pool:
            result = pool.submit(run_load, server.url, 20, 15, server.pid).result()
    assert result.errors == 0, result.error_samples
    assert result.reruns >= 20, "every tablet should have been served repeatedly"
    text = log.read_text()
    assert "Traceback" not in text
    for answer in ("hr=positive", "her2=low", "site=bone"):
        assert answer not in text, f"the server log holds an answer: {answer}"
