"""Teaching mode in a real, offline Chromium: every page at 1024x768 with a screenshot and the
accessibility audit (target size on), the CSV downloads byte for byte, a four-profile comparison and
"what changes if" against the command line's ``explain``, present mode at 1280x720, printing the table
to PDF, and a case opening in the explainer."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from browser_helpers import ROOT, assert_accessible, audit, choose, ready, shot, small_targets
from components.shared.text import t
from knowledge import load_knowledge
from knowledge.teaching import short_answer

KINDS = list(load_knowledge().kinds.values())  # the kinds of treatment, in the table's column order
PAGES = {  # url path -> the page's heading
    "teaching": "For teachers",
    "subtypes": "Subtypes side by side",
    "compare": "Compare profiles",
    "what-changes-if": "What changes if",
    "why-and-why-not": "Why and why not",
    "cases": "Case library",
    "evidence": "Evidence",
    "rules": "How the rules work",
}


PRINT_RULES = """() => [...document.styleSheets].some(s => { try { return [...s.cssRules].some(r => r.cssText.startsWith('@page')); }
    catch (e) { return false; } })"""


def open_page(make_page, base: str, path: str, size: str = "tablet-landscape", viewport=None) -> Page:
    page = make_page(size)
    if viewport:
        page.set_viewport_size(viewport)
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
    for button, codes in (("Download the table as CSV", []), ("Download as codes (CSV)", ["--codes"])):
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        assert info.value.suggested_filename == \
            f"subtype-matrix-{_version()}-bone-brain-post-female{'-codes' if codes else ''}.csv"
        path = ROOT / "test-artifacts" / info.value.suggested_filename
        info.value.save_as(path)
        assert path.read_bytes() == _cli("matrix", "--csv", *codes, "--site", "bone", "--site", "brain",
                                         "--menopause", "post", "--sex", "female")
    page.mouse.move(0, 0)  # let the download button's hint close before the screenshot
    assert_accessible(page, "subtypes, filtered")
    shot(page, "teaching-subtypes-filtered-1024x768")


def test_matrix_scrolls_sideways_on_a_phone(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "subtypes", "phone")
    expect(page.locator(".st-key-subtype_matrix table")).to_be_visible()
    scroll = page.locator(".st-key-subtype_matrix .teach-scroll")
    expect(scroll).to_have_attribute("tabindex", "0")
    expect(scroll).to_have_attribute("role", "region")
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
    expect(page.locator(".st-key-summary")).to_contain_text("Showing information for: a woman")
    entered = page.locator(".you-said").last  # what was entered, after the warning signs
    expect(entered).to_contain_text("You said: Hormone receptors: positive; HER2: zero; Menopause: yes;")
    expect(entered).to_contain_text("Where it has spread: bones.")
    shot(page, "teaching-case-opened-1024x768")


@pytest.mark.parametrize("lang, size", [("en", "tablet-landscape"), ("es", "phone")])
def test_stepping_through_an_unfolding_case(app_server, make_page, lang, size):
    vignette = next(v for v in load_knowledge(lang=lang).vignettes if v.stages)
    base, _ = app_server
    page = make_page(size, touch=size == "phone")
    page.goto(f"{base}/cases" + ("" if lang == "en" else f"?lang={lang}"))
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    case = page.locator(f".st-key-case_{vignette.id}")
    expect(case).to_contain_text(vignette.stages[0].story)
    expect(case.locator(f"[class*='st-key-stage_{vignette.id}_'][class*='_changes']")).to_have_count(0)
    for n, stage in enumerate(vignette.stages[1:], 2):
        case.get_by_text(t("teaching.cases.stage_option", lang, n=n, name=stage.name), exact=True).click()
        ready(page)
        expect(case).to_contain_text(t("teaching.cases.stage_heading", lang, n=n, total=len(vignette.stages), name=stage.name))
        expect(case).to_contain_text(stage.story)
        changed = case.locator(f".st-key-stage_{vignette.id}_{stage.id}_changes")
        expect(changed).to_contain_text(t("teaching.cases.changed", lang, n=n - 1, name=vignette.stages[n - 2].name))
    expect(changed).to_contain_text(t("teaching.cases.change_kinds.appears", lang))
    changed.get_by_text(t("teaching.cases.why_changed", lang)).click()
    expect(changed.locator("[class*='_change_']").first).to_be_visible()
    page.mouse.move(0, 0)
    assert_accessible(page, f"an unfolding case at its last stage ({lang}, {size})")
    shot(page, f"teaching-case-stages-{lang}-{size}")


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

    env = {"EXPLAINER_MODE": "kiosk", "EXPLAINER_KIOSK_LANGUAGES": "es", "EXPLAINER_PUBLIC_URL": "https://explainer.clinic.example/",
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


def _cli(*args: str) -> bytes:
    proc = subprocess.run([sys.executable, "-m", "knowledge", *args], cwd=ROOT, capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _version() -> str:
    return json.loads(_cli("explain", "--json", "--sex", "female"))["knowledge_version"]


def _explain(*args: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """``explain --json`` for one profile: option id -> (class, status, depends_on)."""
    return {o["id"]: (o["class"], o["status"], tuple(o["depends_on"]))
            for o in json.loads(_cli("explain", "--json", "--sex", "female", *args))["options"]}


CELL_WORDS = {"applies": "✓ used", "none": "— not used"}
SHORT = {"care_team": "care team's view", "hr": "hormone receptors", "her2": "HER2", "site": "site of spread",
         "menopause": "menopause", "sex": "sex", "marker:brca": "BRCA", "marker:pik3ca": "PIK3CA",
         "marker:akt1": "AKT1", "marker:pten": "PTEN", "marker:esr1": "ESR1", "marker:pdl1": "PD-L1"}


def _expected_cell(options: dict, option_class: str) -> str:
    mine = [(status, waits) for cls, status, waits in options.values() if cls == option_class]
    if any(status == "applies" for status, _ in mine):
        return CELL_WORDS["applies"]
    if mine:
        names = sorted({n for _, waits in mine for n in waits})
        return "? only if: " + ", ".join(SHORT[n] for n in names)
    return CELL_WORDS["none"]


def _table(page: Page) -> dict:
    return page.evaluate("""() => { const t = document.querySelector('.teach-table');
        return {columns: [...t.querySelectorAll('thead th')].map(e => e.innerText.trim()),
                rows: [...t.querySelectorAll('tbody tr')].map(r => ({header: r.querySelector('th').innerText.trim(),
                  marked: r.classList.contains('marked'), cells: [...r.querySelectorAll('td')].map(e => e.innerText.trim())}))}; }""")


def test_four_profile_comparison_agrees_with_explain_cell_by_cell(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "compare", viewport={"width": 1280, "height": 900})
    choose(page, "4")
    expect(page.locator(".teach-table thead th")).to_have_count(5)
    table = _table(page)
    assert table["columns"] == ["Kind of treatment",
                                "1. Triple-negative (HER2 0) · Hormone receptors: negative; HER2: zero",
                                "2. HR+/HER2-low · Hormone receptors: positive; HER2: low",
                                "3. Triple-positive (HR+/HER2+) · Hormone receptors: positive; HER2: positive",
                                "4. HR+/HER2-negative (HER2 0) · Hormone receptors: positive; HER2: zero"]
    profiles = [_explain("--hr", "negative", "--her2", "zero"), _explain("--hr", "positive", "--her2", "low"),
                _explain("--hr", "positive", "--her2", "positive"), _explain("--hr", "positive", "--her2", "zero")]
    classes = json.loads(_cli("matrix", "--csv", "--codes").decode().splitlines()[0].join(['["', '"]'])
                         .replace(",", '","'))[2:]
    assert len(table["rows"]) == len(classes)
    marked = []
    for option_class, row in zip(classes, table["rows"]):
        expected = [_expected_cell(p, option_class) for p in profiles]
        assert row["cells"] == expected, (option_class, row)
        assert row["marked"] == (len(set(expected)) > 1), option_class
        if row["marked"]:
            marked.append(row["header"].removesuffix(" ≠ differs"))
    assert "Hormone therapy" in marked
    page.get_by_text("Why Hormone therapy differs").click()  # the reason is one tap away
    expect(page.get_by_text("Not shown. This part of its rule is not true for these answers:").first).to_be_visible()
    page.mouse.move(0, 0)
    assert_accessible(page, "compare, four profiles")
    shot(page, "teaching-compare-four-1280")


def test_what_changes_if_agrees_with_two_explain_calls(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "what-changes-if")
    # The page starts with HR-positive, HER2 0, after menopause, and HER2 changed to low (1+).
    before = _explain("--hr", "positive", "--her2", "zero", "--menopause", "post")
    after = _explain("--hr", "positive", "--her2", "low", "--menopause", "post")
    changed = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
    assert changed
    keys = page.evaluate("""() => [...document.querySelectorAll('[class*="st-key-change_"]')]
        .map(e => [...e.classList].find(c => c.startsWith('st-key-change_')).slice('st-key-change_'.length))""")
    assert set(keys) == changed
    expect(page.get_by_text(t("teaching.changes.count", n=len(changed)))).to_be_visible()  # "1 option changes."
    assert_accessible(page, "what changes if")
    shot(page, "teaching-what-changes-if-1024x768")


@pytest.mark.parametrize("path, key", [("compare", "compare_table")])
def test_present_mode_at_1280x720_keeps_the_headers_in_view_while_scrolling(app_server, make_page, path, key):
    base, _ = app_server
    page = open_page(make_page, base, path, viewport={"width": 1280, "height": 720})
    switch = page.get_by_role("switch", name="Present mode")
    switch.check(force=True)
    expect(page.locator(".st-key-teaching_intro")).to_be_hidden()  # present mode has taken effect
    ready(page)
    expect(page.locator(".teach-scroll")).to_have_count(1)  # the table has moved under the title
    expect(switch).to_be_checked()
    expect(page.locator(f".st-key-{key} .teach-scroll")).to_be_visible()
    shape = """() => { const b = document.querySelector('.teach-scroll');
        const r = (e) => { const x = e.getBoundingClientRect(); return [x.left, x.top, x.right, x.bottom]; };
        const heads = [...b.querySelectorAll('thead th')], rows = [...b.querySelectorAll('tbody th')];
        const nav = document.querySelector('header, [data-testid="stHeader"]');
        return {box: r(b), scrolled: [b.scrollTop, b.scrollLeft], wide: b.scrollWidth > b.clientWidth, nav: nav ? nav.getBoundingClientRect().bottom : 0,
                corner: r(heads[0]), lastHead: r(heads[heads.length - 1]), lastRow: r(rows[rows.length - 1]),
                font: parseFloat(getComputedStyle(heads[1]).fontSize),
                page: [document.documentElement.scrollWidth, innerWidth]}; }"""
    before = page.evaluate(shape)
    box = before["box"]
    # The table sits whole on the 1280x720 screen, below the top bar, using nearly its full width.
    assert before["nav"] <= box[1] and box[3] <= 720, before
    assert box[2] - box[0] > 1100, f"present mode uses the full width: {before}"
    assert before["font"] >= 24, f"large type: {before['font']}px"
    assert before["page"][0] <= before["page"][1] + 1, "the page itself does not scroll sideways"
    page.locator(".teach-scroll").hover()
    page.mouse.wheel(4000, 4000)  # scroll the table down and sideways, as far as it goes
    expect(page.locator(".teach-scroll")).not_to_have_js_property("scrollTop", 0)
    after = page.evaluate(shape)
    assert after["scrolled"][0] > 0 and (after["scrolled"][1] > 0 or not after["wide"]), after
    # The column headers stay at the top of the box, the row headers at its left.
    assert abs(after["lastHead"][1] - box[1]) <= 2 and after["lastHead"][2] <= box[2] + 1, after
    assert abs(after["corner"][0] - box[0]) <= 2 and abs(after["lastRow"][0] - box[0]) <= 2, after
    page.screenshot(path=str(ROOT / "test-artifacts" / "screenshots" / f"teaching-{path}-present-1280x720.png"))
    assert_accessible(page, f"{path} in present mode")


# Every box present mode draws for the subtype table, measured in the page: the table, its scroll box,
# each header and cell (with whether its text spills out of it), the side-set names inside the column
# headers, the key under the table, the switch, every font size, and how far the page has scrolled.
PRESENT_SHAPE = """() => {
  const r = (e) => { const x = e.getBoundingClientRect(); return [x.left, x.top, x.right, x.bottom]; };
  const t = document.querySelector('.st-key-subtype_matrix .teach-table');
  const box = t.closest('.teach-scroll');
  const key = document.querySelector('.st-key-matrix_key');
  const cells = [...t.querySelectorAll('thead th, tbody th, tbody td')];
  const texts = [...cells, t.querySelector('caption'), ...key.querySelectorAll('p')];
  return {
    view: [innerWidth, innerHeight],
    scrolled: [window.scrollY, document.querySelector('[data-testid="stMain"]').scrollTop],
    page: [document.documentElement.scrollWidth, innerWidth],
    inner: [box.scrollWidth, box.clientWidth, box.scrollHeight, box.clientHeight],
    columns: [...t.querySelectorAll('thead th')].map(e => [e.innerText.replace(/\\s+/g, ' ').trim(), r(e)]),
    names: [...t.querySelectorAll('thead th span')].map(e => [r(e), r(e.parentElement)]),
    rows: [...t.querySelectorAll('tbody tr')].map(tr => ({header: tr.querySelector('th').innerText.trim(),
      box: r(tr.querySelector('th')), cells: [...tr.querySelectorAll('td')].map(e => [e.innerText.trim(), r(e)])})),
    spill: cells.filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
      .map(e => e.innerText),
    boxes: cells.map(r),
    table: r(t), caption: r(t.querySelector('caption')), key: r(key), keyText: key.innerText.trim(),
    fonts: texts.map(e => [e.innerText.slice(0, 30), parseFloat(getComputedStyle(e).fontSize)]),
    switch: r(document.querySelector('.st-key-teach_controls [data-testid="stCheckbox"], .st-key-teach_controls label')),
  };
}"""


def _inside(rect, view) -> bool:
    return rect[0] >= -0.5 and rect[1] >= -0.5 and rect[2] <= view[0] + 0.5 and rect[3] <= view[1] + 0.5


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


@pytest.mark.parametrize("lang", ["en", "es", "zh-Hans", "vi"])
def test_present_mode_shows_every_subtype_and_kind_of_treatment_on_one_1280x720_screen(app_server, make_page, lang):
    kb = load_knowledge(lang=lang)
    base, _ = app_server
    page = make_page("laptop")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{base}/subtypes" + ("" if lang == "en" else f"?lang={lang}"))
    expect(page.locator("[data-testid='stApp'][data-test-script-state='notRunning']")).to_be_attached(timeout=30_000)
    ready(page)
    page.get_by_role("switch", name=t("teaching.present", lang)).check(force=True)
    expect(page.locator(".st-key-teaching_intro")).to_be_hidden()
    expect(page.locator(".st-key-subtype_matrix .teach-compact")).to_be_visible()
    ready(page)
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    shape = page.evaluate(PRESENT_SHAPE)
    view = shape["view"]
    assert view == [1280, 720]
    assert shape["scrolled"] == [0, 0] and shape["page"][0] <= shape["page"][1], "nothing was scrolled to get here"
    assert shape["inner"][0] <= shape["inner"][1] and shape["inner"][2] <= shape["inner"][3], \
        f"the table fits its box without scrolling: {shape['inner']}"
    # Every kind of treatment is a column and every subtype a row, each whole on the screen.
    kinds = [k.name for k in kb.kinds.values()]
    assert [c[0] for c in shape["columns"]] == [kb.vocabulary.table.row_header, *kinds]
    subtypes = [next(s.name for s in kb.vocabulary.subtypes if s.id == f"{hr}_{her2}")
                for hr, her2 in ((r["hr"], r["her2"]) for r in _codes())]
    assert [row["header"] for row in shape["rows"]] == subtypes and len(subtypes) == 12
    for name, rect in shape["columns"]:
        assert _inside(rect, view), f"column {name!r} is not whole on the screen: {rect}"
    for row in shape["rows"]:
        assert _inside(row["box"], view), f"row {row['header']!r} is not whole on the screen: {row['box']}"
        assert len(row["cells"]) == len(kinds)
        for words, rect in row["cells"]:
            assert _inside(rect, view), (row["header"], words, rect)
    assert _inside(shape["key"], view), f"the key to the marks is on the screen: {shape['key']}"
    # Text at least 14 px, no text spilling out of its box, and no box over another.
    small = [f for f in shape["fonts"] if f[1] < 14]
    assert not small, f"text smaller than 14 px: {small}"
    assert not shape["spill"], f"text spills out of its cell: {shape['spill']}"
    for span, th in shape["names"]:
        assert th[0] - 0.5 <= span[0] and span[2] <= th[2] + 0.5 and th[1] - 0.5 <= span[1] and span[3] <= th[3] + 0.5, \
            f"a kind of treatment's name leaves its header: {span} in {th}"
    boxes = shape["boxes"]
    crossing = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if _overlap(a, b)]
    assert not crossing, f"cells overlap: {crossing[:3]}"
    assert shape["caption"][1] >= shape["rows"][-1]["box"][3] - 1, "the caption sits under the last row"
    assert shape["key"][1] >= shape["table"][3] - 1 and not _overlap(shape["key"], shape["table"])
    assert not _overlap(shape["switch"], shape["table"]) and not _overlap(shape["switch"], shape["key"])
    # The marks are the engine's, and the key names the answers behind every letter in the table.
    for code, row in zip(_codes(), shape["rows"]):
        for kind, (words, _) in zip(kb.kinds, row["cells"]):
            cell = code[kind]
            if not cell.startswith("conditional:"):
                assert words == ("✓" if cell == "applies" else "—"), (row["header"], kind, words)
                continue
            assert words.startswith("? "), (row["header"], kind, words)
            only = ", ".join(short_answer(kb, n) for n in cell.split(":", 1)[1].split("+"))
            assert t("teaching.matrix.letter_key", lang, letter=words[2:], inputs=only) in shape["keyText"], words
    shot(page, f"teaching-subtypes-present-{lang}-1280x720")
    # The audit, with the projector's 14 px above in place of the 18 px held for reading at arm's length.
    assert not audit(page), f"axe WCAG 2.2 A/AA violations in present mode ({lang}): {audit(page)}"
    assert not small_targets(page), small_targets(page)


def _codes() -> list[dict[str, str]]:
    """The subtype table as the command line's codes (``matrix --csv --codes``), one mapping per row."""
    return list(csv.DictReader(io.StringIO(_cli("matrix", "--csv", "--codes").decode())))


def test_a_comparison_of_four_prints_on_one_landscape_page(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "compare")
    choose(page, "4")
    expect(page.locator(".teach-table thead th")).to_have_count(5)
    page.wait_for_function(PRINT_RULES)  # the page's own style sheet is in place
    path = ROOT / "test-artifacts" / "compare.pdf"
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60).stdout
    assert "Pages:           1\n" in info, info
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, timeout=60).stdout
    assert all(f"{n}. " in text for n in range(1, 5)) and "Triple-negative (HER2 0)" in text
    assert "Start from" not in text and "Present mode" not in text and "Why the marked rows differ" not in text
    assert "The answers of each profile" in text


def test_printing_the_table_gives_landscape_pages_with_every_column_and_repeated_headers(app_server, make_page):
    base, _ = app_server
    page = open_page(make_page, base, "subtypes")
    page.wait_for_function(PRINT_RULES)  # the page's own style sheet is in place
    path = ROOT / "test-artifacts" / "subtype-matrix.pdf"
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height, f"landscape pages: {info}"
    pages = int(info.split("Pages:")[1].split()[0])
    text = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"], capture_output=True,
                           text=True, timeout=60).stdout for n in range(1, pages + 1)]
    with_rows = [t for t in text if "HER2:" in t]
    assert len(with_rows) >= 2, "the table runs over more than one page"
    first, last = KINDS[0].name.split()[0], KINDS[-1].name.split()[0]
    for n, page_text in enumerate(with_rows, 1):
        header = next((line for line in page_text.splitlines() if line.startswith("Subtype ")), "")
        assert first in header and last in header, f"page {n} of the table has no header row: {page_text[:400]}"
    assert sum(t.count("HER2:") for t in with_rows) == 12, "every subtype row is printed"
    assert "Download" not in "".join(text) and "Present mode" not in "".join(text)
    # Laid out as printed on a landscape letter page (about 995 CSS pixels inside the margins):
    # every column fits the page width.
    page.set_viewport_size({"width": 995, "height": 700})
    page.emulate_media(media="print")
    fit = page.evaluate("""() => { const t = document.querySelector('.teach-table');
        const right = Math.max(...[...t.querySelectorAll('thead th')].map(e => e.getBoundingClientRect().right));
        return [t.querySelectorAll('thead th').length, right, document.documentElement.clientWidth]; }""")
    assert fit[0] == len(KINDS) + 1 and fit[1] <= fit[2], f"a column is cut off in print: {fit}"
