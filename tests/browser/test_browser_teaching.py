"""Teaching mode in a real, offline Chromium: every page at 1024x768 with a screenshot and the
accessibility audit (target size on), the CSV download byte for byte, and a case opening in the explainer."""

from __future__ import annotations

import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import ROOT, assert_accessible, choose, ready, shot

PAGES = {  # url path -> the page's heading
    "teaching": "For teachers",
    "subtypes": "Subtypes side by side",
    "why-and-why-not": "Why and why not",
    "cases": "Case library",
    "evidence": "Evidence",
    "rules": "How the rules work",
}


def open_page(make_page, base: str, path: str, size: str = "tablet-landscape") -> Page:
    page = make_page(size)
    page.goto(f"{base}/{path}")
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    expect(page.get_by_role("heading", name=PAGES[path], level=1)).to_be_visible()
    return page


@pytest.mark.parametrize("path", list(PAGES))
def test_each_teaching_page_is_accessible_at_tablet_size(app_server, make_page, path):
    base, _ = app_server
    page = open_page(make_page, base, path)
    expect(page.get_by_role("link", name="For teachers")).to_have_count(2)  # page list and teaching menu
    if path == "why-and-why-not":  # open one rule, so its code block and links are audited too
        page.get_by_text("Rule and sources:", exact=False).first.click()
        ready(page)
        expect(page.locator("[data-testid='stExpanderDetails'] [data-testid='stCode']").first).to_be_visible()
    if path == "evidence":
        page.get_by_text(": approval and sources", exact=False).first.click()
        ready(page)
    assert_accessible(page, path)
    shot(page, f"teaching-{path}-1024x768")


def test_matrix_filters_and_csv_download_is_the_command_line_table(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "subtypes")
    for place in ("bones", "brain"):
        pill = page.get_by_role("button", name=place, exact=True)
        pill.click()
        expect(pill).to_have_attribute("aria-pressed", "true")
        ready(page)
    choose(page, "yes")
    expect(page.get_by_text("Sites: bones, brain. Menopause: yes. Sex: a woman.")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the table as CSV").click()
    path = ROOT / "test-artifacts" / "subtype-matrix.csv"
    info.value.save_as(path)
    cli = subprocess.run([sys.executable, "-m", "knowledge", "matrix", "--csv", "--site", "bone", "--site", "brain",
                          "--menopause", "post", "--sex", "female"], cwd=ROOT, capture_output=True, timeout=60)
    assert cli.returncode == 0, cli.stderr
    assert path.read_bytes() == cli.stdout
    page.mouse.move(0, 0)  # let the download button's hint close before the screenshot
    assert_accessible(page, "subtypes, filtered")
    shot(page, "teaching-subtypes-filtered-1024x768")


def test_matrix_scrolls_sideways_on_a_phone(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "subtypes", "phone")
    expect(page.locator(".st-key-subtype_matrix table")).to_be_visible()
    expect(page.locator(".st-key-subtype_matrix [data-teaching-scroll]").first).to_have_attribute("tabindex", "0")
    widths = page.evaluate("""() => { const t = document.querySelector('.st-key-subtype_matrix table');
        return [t.scrollWidth, document.documentElement.scrollWidth, window.innerWidth]; }""")
    assert widths[1] <= widths[2] + 1, f"the page itself scrolls sideways: {widths}"
    shot(page, "teaching-subtypes-phone")


def test_a_case_opens_in_the_explainer_results(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "cases")
    page.get_by_role("button", name="Open this case in the explainer").first.click()
    ready(page)
    expect(page.get_by_role("heading", name="What this means for you", level=1)).to_be_visible()
    summary = page.locator(".st-key-summary")
    expect(summary).to_contain_text("Showing information for: a woman")
    expect(summary).to_contain_text("You said: Hormone receptors: positive; HER2: zero; Menopause: yes;")
    expect(summary).to_contain_text("Where it has spread: bones.")
    shot(page, "teaching-case-opened-1024x768")


@pytest.mark.parametrize("path, heading", [("subtypes", "Subtipos lado a lado"), ("rules", "Cómo funcionan las reglas")])
def test_teaching_pages_in_spanish(app_server, make_page, path, heading):
    base, _ = app_server
    page = make_page("tablet-landscape")
    page.goto(f"{base}/{path}?lang=es")
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    assert_accessible(page, f"{path} in Spanish")
    shot(page, f"teaching-{path}-es-1024x768")


@pytest.fixture(scope="module")
def kiosk_server():
    from tests.servers import streamlit_server

    env = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/",
           "PYTHONUNBUFFERED": "1"}
    with streamlit_server("streamlit_app.py", env=env, log_path=ROOT / "test-artifacts" / "kiosk-teaching.log") as s:
        yield s.url


def test_kiosk_shows_nothing_of_the_teaching_pages_even_at_their_address(kiosk_server, make_page):
    page = make_page("tablet-landscape")
    for path, heading in PAGES.items():
        page.goto(f"{kiosk_server}/{path}")
        expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(
            timeout=30_000)
        ready(page)
        expect(page.get_by_role("heading", level=1)).to_contain_text("breast cancer that has spread")
        text = page.locator("body").inner_text()
        assert "For teachers" not in text and heading not in text, path
    shot(page, "teaching-kiosk-direct-address")
