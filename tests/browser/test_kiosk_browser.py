"""Kiosk mode in a real, offline Chromium against the hardened server (serve.py).

The idle reset runs with a 45-second idle time (the smallest a clinic can set): the warning
shows for the last 20 seconds. The must-not-happen checks read the page's DOM text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import audit, choose, open_card, pick_setting, ready, shot, tap, tap_until
from tests.servers import free_port, streamlit_server
from tests.test_kiosk_faults import FAULTS, UNAVAILABLE, broken_copy
from tests.test_kiosk_fuzz import MARK, hostile_queries, query_string

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PUBLIC = "https://explainer.clinic.example/"
KIOSK_ENV = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_KIOSK_LANGUAGES": "es", "EXPLAINER_IDLE_SECONDS": "45", "EXPLAINER_PUBLIC_URL": PUBLIC,
             "PYTHONUNBUFFERED": "1"}
RESULTS_HEADING = "What this means for you"
ANSWER_WORDS = ("Hormone receptors: positive", "HER2: low", RESULTS_HEADING)

# Records every address the page puts in its own history (pushState/replaceState) and every
# alert, so a test can prove no answer was ever written into the address bar.
RECORD_HISTORY = """(() => {
  window.__urls = [location.href];
  for (const name of ['pushState', 'replaceState']) {
    const original = history[name].bind(history);
    history[name] = (state, title, url) => { window.__urls.push(String(url)); return original(state, title, url); };
  }
})();"""


@pytest.fixture(scope="module")
def kiosk_server():
    ARTIFACTS.mkdir(exist_ok=True)
    log = ARTIFACTS / "kiosk-server.log"
    with streamlit_server("serve.py", env=KIOSK_ENV, log_path=log) as server:
        yield server.url, log


def first_ready(page: Page) -> None:
    """Like ready(), with room for a cold server's first run (it checks every language of the rule set)."""
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)


def open_kiosk(make_page, base: str, query: str = "") -> Page:
    page = make_page("tablet-landscape")
    page.context.add_init_script(RECORD_HISTORY)
    page.goto(base + "/" + query)
    first_ready(page)
    return page


def answer_by_tapping(page: Page) -> None:
    """HR positive, HER2 low, bones: through the widgets, as a person does it."""
    tap(page, "Start")
    choose(page, "A woman")
    tap_until(page, "Next", page.get_by_role("radio", name="Positive", exact=True))
    choose(page, "Positive")
    tap_until(page, "Next", page.get_by_role("radio", name="Low", exact=True))
    choose(page, "Low")
    tap_until(page, "Next", page.get_by_role("button", name="Bones", exact=True))
    tap(page, "Bones")
    tap_until(page, "Next", page.get_by_role("button", name="Show my results", exact=True))
    tap(page, "Show my results")
    expect(page.get_by_role("heading", name=RESULTS_HEADING)).to_be_visible()


def body_text(page: Page) -> str:
    return page.evaluate("() => document.body.innerText")


def test_kiosk_results_have_no_menu_no_outside_links_no_download_and_no_answers_in_the_address(
        kiosk_server, make_page):
    base, log = kiosk_server
    page = open_kiosk(make_page, base)
    answer_by_tapping(page)
    open_card(page)
    page.get_by_text("Details and sources").first.click()
    ready(page)
    expect(page.get_by_text("Sources", exact=True).first).to_be_visible()
    # Start over in the row at the top and again at the end of the results; neither floats over a link.
    expect(page.get_by_role("button", name="Start over", exact=True)).to_have_count(2)
    expect(page.locator(".st-key-controls").get_by_role("button", name="Hide my screen")).to_be_visible()
    expect(page.get_by_role("img", name="Square code (QR code) that opens these results")).to_be_visible()
    expect(page.locator("[data-testid='stMainMenu'], [data-testid='stToolbarActions'] button")).to_have_count(0)
    expect(page.locator("[data-testid='stDownloadButton'], [class*='st-key-print_action']")).to_have_count(0)
    expect(page.locator("[data-testid='stCode']")).to_have_count(0)
    assert PUBLIC not in body_text(page), "the share link is not shown as text on a tablet"
    outside = page.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .map(a => a.href).filter(h => new URL(h, location.href).origin !== location.origin)""")
    assert not outside, f"links that leave the app: {outside}"
    urls = page.evaluate("() => window.__urls") + [page.url]
    assert not [u for u in urls if "hr=" in u or "positive" in u], f"answers in the address: {urls}"
    violations = audit(page)
    assert not violations, f"axe WCAG 2.2 A/AA violations on the kiosk results: {violations}"
    shot(page, "kiosk-tablet-landscape-results")
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "kiosk-results-viewport.png"))
    server_log = log.read_text()
    for answer in ("hr=positive", "her2=low", "site=bone", "Hormone receptors: positive"):
        assert answer not in server_log, f"the server log holds an answer: {answer}"


def test_idle_warning_counts_down_still_here_keeps_answers_then_everything_resets(kiosk_server, make_page):
    base, _ = kiosk_server
    page = open_kiosk(make_page, base)
    pick_setting(page, "Largest")  # text size sits behind the settings button
    paragraph = page.locator("[data-testid='stMain'] [data-testid='stMarkdownContainer'] p").first
    expect(paragraph).to_have_css("font-size", "28px")
    answer_by_tapping(page)

    warning = page.locator(".st-key-idle_warning")
    expect(warning).to_be_visible(timeout=40_000)  # after 25 quiet seconds
    countdown = page.locator(".st-key-idle_countdown")
    first = int("".join(c for c in countdown.inner_text() if c.isdigit()))
    assert 15 <= first <= 20, f"the countdown should start near 20 seconds, not {first}"
    expect(page.get_by_role("button", name="I'm still here")).to_be_in_viewport()
    expect(countdown).not_to_have_text(countdown.inner_text(), timeout=5_000)  # it is counting
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "kiosk-idle-warning.png"))

    page.get_by_role("button", name="I'm still here").click()
    expect(warning).to_have_count(0)
    expect(page.get_by_role("heading", name=RESULTS_HEADING)).to_be_visible()
    assert "Hormone receptors: positive" in body_text(page)

    expect(warning).to_be_visible(timeout=40_000)
    expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=40_000)
    ready(page)
    text = body_text(page)
    for words in ANSWER_WORDS:
        assert words not in text, f"the last person's {words!r} is still on the page"
    expect(page.locator(".st-key-idle_warning")).to_have_count(0)
    expect(paragraph).to_have_css("font-size", "20px")  # text size back to normal
    tap(page, "Start")
    choose(page, "A woman")
    tap(page, "Next")
    expect(page.get_by_role("radio", name="Positive", exact=True)).to_be_visible()
    expect(page.get_by_role("radio", checked=True)).to_have_count(0)  # fresh widgets: nothing chosen


def test_untouched_start_screen_is_left_alone(kiosk_server, make_page):
    base, _ = kiosk_server
    page = open_kiosk(make_page, base)
    page.wait_for_timeout(2_500)  # a few watcher ticks
    expect(page.locator(".st-key-idle_warning")).to_have_count(0)


def test_hostile_links_sample_fires_no_dialog_and_injects_nothing(kiosk_server, make_page):
    base, _ = kiosk_server
    page = open_kiosk(make_page, base)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sample = [q for q in hostile_queries() if len(query_string(q)) < 60_000][:30]
    for pairs in sample:
        page.goto(f"{base}/?{query_string(pairs)}")
        first_ready(page)  # every load is a new session
        where = query_string(pairs)[:200]
        injected = page.evaluate("""() => document.querySelectorAll(
            '[data-pwn], img[src="x"], iframe, details[ontoggle], svg[onload], a[href^="javascript:"],'
            + ' a[href*="evil.example"], [data-testid="stException"]').length""")
        assert injected == 0, f"injected element for {where}"
        assert MARK not in body_text(page), f"link text on the page for {where}"
        assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert not dialogs, f"alert dialogs fired: {dialogs}"


@pytest.mark.parametrize("kind", ["yaml_syntax", "duplicate_key", "broken_spanish", "symlink_loop", "gate_3000_deep"])
def test_broken_content_through_a_real_server_fails_closed(kind, tmp_path, make_page):
    folder = broken_copy(kind, tmp_path / "content")
    log = tmp_path / "server.log"
    with streamlit_server("serve.py", env={**KIOSK_ENV, "EXPLAINER_CONTENT_DIR": str(folder)}, log_path=log) as srv:
        page = make_page("tablet-landscape")
        page.goto(srv.url + "/?hr=positive&site=bone")
        first_ready(page)
        expect(page.get_by_role("heading", name=UNAVAILABLE[0])).to_be_visible()
        expect(page.get_by_text(UNAVAILABLE[1])).to_be_visible()
        text = body_text(page)
        for forbidden in ("CDK4/6", "Traceback", "Error", "yaml", RESULTS_HEADING, "Start"):
            assert forbidden not in text, f"{kind}: {forbidden!r} on the unavailable screen"
        expect(page.locator("[data-testid='stException'], button")).to_have_count(0)
        if kind == "yaml_syntax":
            shot(page, "kiosk-unavailable")
    server_log = log.read_text()
    for needle in FAULTS[kind][1]:
        assert needle in server_log, f"{kind}: the operator log lacks {needle!r}"


def test_a_server_restart_brings_the_tablet_back_to_the_start_screen(make_page):
    port = free_port()
    log = ARTIFACTS / "kiosk-restart.log"
    with streamlit_server("serve.py", env=KIOSK_ENV, port=port, log_path=log) as first:
        page = open_kiosk(make_page, first.url)
        answer_by_tapping(page)
    # The server is gone: the answers must not stay readable while the tablet waits.
    expect(page.locator("[data-testid='stApp'][data-test-connection-state='CONNECTED']")).to_have_count(0)
    visible = page.evaluate("""() => { const out = []; const main = document.querySelector('[data-testid=stMain]');
      const w = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      while (w.nextNode()) { const n = w.currentNode; const e = n.parentElement;
        if (n.textContent.trim() && getComputedStyle(e).visibility === 'visible' && e.getClientRects().length)
          out.push(n.textContent.trim().slice(0, 40)); }
      return out; }""")
    assert not visible, f"text still readable while the server is unreachable: {visible[:10]}"
    with streamlit_server("serve.py", env=KIOSK_ENV, port=port, log_path=log):
        expect(page.get_by_role("button", name="Start", exact=True)).to_be_visible(timeout=60_000)
        ready(page)
        text = body_text(page)
        for words in ANSWER_WORDS:
            assert words not in text, f"after the restart the page still shows {words!r}"
