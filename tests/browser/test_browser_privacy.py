"""Nothing leaves the machine, and the printout renders on its own."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from browser_helpers import ready

ROOT = Path(__file__).resolve().parents[2]


def test_the_network_guard_would_catch_a_request_leaving(make_page, outside_requests, refusing_proxy):
    """Proves both layers work, so the empty lists in every other test mean something."""
    _, proxied = refusing_proxy
    page = make_page()
    page.goto("about:blank")
    page.evaluate("() => fetch('http://example.com/leak').catch(() => null)")
    expect(page.locator("body")).to_be_attached()
    page.wait_for_function("() => true")
    assert any("example.com" in url for url in outside_requests)
    for _ in range(50):
        if any("example.com" in line for line in proxied):
            break
        page.wait_for_timeout(100)
    assert any("example.com" in line for line in proxied)
    outside_requests.clear()
    proxied.clear()


def test_the_printout_opens_as_one_page_offline(app_server, make_page):
    base, _ = app_server
    page = make_page("tablet-portrait")
    page.goto(base + "/?hr=negative&her2=zero&site=brain&site=bone&site=lung&pdl1=positive&sex=female")
    # The first visit to a fresh server loads the rule set: allow it more time.
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    with page.context.expect_page() as opened:
        page.get_by_role("link", name="Open my summary to print").first.click()
    printout = opened.value
    printout.wait_for_load_state()
    html = printout.content()
    assert "<script" not in html and "hr=" not in printout.url and "hr=" not in html  # the link is only in the code
    expect(printout.get_by_text("You said:", exact=False)).to_contain_text("negative")  # her answers, in words
    expect(printout.get_by_role("heading", level=1)).to_contain_text("My summary")
    expect(printout.get_by_role("img", name="Square code (QR code) that opens these results")).to_be_visible()
    pdf = ROOT / "test-artifacts" / "summary.pdf"
    printout.pdf(path=str(pdf), format="A4")
    printout.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / "printout.png"), full_page=True)
    pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
    assert pages == 1, f"the take-home summary should fit on one page, got {pages}"
