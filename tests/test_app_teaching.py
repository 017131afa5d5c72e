"""Teaching mode's promises, driven through the app with Streamlit's AppTest (no browser):
every page draws, every table cell and reason is the engine's, the CSV is the command line's,
a case opens in the explainer, and kiosk mode has none of it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from components.shared.text import t
from components.teaching import cases, changes, common, export, matrix
from components.teaching.why import reason
from knowledge import Profile, explain, load_knowledge
from knowledge.approvals import first_approval_year
from knowledge.changes import changes_between
from knowledge.teaching import (
    rule_in_words, short_answer, subtype_matrix, subtype_name, why_and_why_not, with_answer,
)

from .apptest_helpers import fresh_caches, open_groups  # noqa: F401 (autouse fixture)

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
PAGES = {name: f"components/teaching/pages/{name}.py"
         for name in ("index", "matrix", "compare", "changes", "why", "cases", "evidence", "rules")}
HEADINGS = {"index": "teaching.nav_section", "matrix": "teaching.matrix.heading", "why": "teaching.why.heading", "cases": "teaching.cases.heading",
            "evidence": "teaching.evidence.heading", "rules": "teaching.rules.heading",
            "compare": "teaching.compare.heading", "changes": "teaching.changes.heading"}
VIGNETTES = [v.id for v in load_knowledge().vignettes]
KB = load_knowledge()
OPTION_CLASSES = tuple(KB.kinds)  # the kinds of treatment, in the order pages list them


def class_name(option_class: str) -> str:
    return KB.kinds[option_class].name
FILTERED = {"sites": ["bone", "brain"], "menopause": "post", "sex": "female"}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


@pytest.fixture
def downloads(monkeypatch):
    """Every file the app hands to a download button in these runs: [(file name, bytes)]."""
    seen: list[tuple[str | None, bytes]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, path_or_data, mimetype, kind, filename=None):
        seen.append((filename, path_or_data))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return seen


def open_page(name: str, lang: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    return at.switch_page(PAGES[name]).run()


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    parts += [h.value for h in at.title] + [h.value for h in at.header] + [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


def filter_matrix(at: AppTest) -> AppTest:
    at.button_group(key="matrix_sites").set_value(FILTERED["sites"]).run()
    return at.radio(key="matrix_menopause").set_value(FILTERED["menopause"]).run()


class _Table(HTMLParser):
    """A teaching table's HTML read back: column headers, and per row its header, cells and cell classes."""

    def __init__(self):
        super().__init__()
        self.columns: list[str] = []
        self.rows: list[dict] = []
        self.caption = ""
        self._where: str | None = None
        self._text = ""
        self._class = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and self._where == "tbody":
            self.rows.append({"header": "", "cells": [], "kinds": [], "marked": attrs.get("class") == "marked"})
        if tag in ("thead", "tbody"):
            self._where = tag
        if tag in ("th", "td", "caption"):
            self._text, self._class = "", attrs.get("class", "")

    def handle_data(self, data):
        self._text += data

    def handle_endtag(self, tag):
        if tag == "caption":
            self.caption = self._text
        elif tag == "th" and self._where == "thead":
            self.columns.append(self._text)
        elif tag == "th":
            self.rows[-1]["header"] = self._text
        elif tag == "td":
            self.rows[-1]["cells"].append(self._text)
            self.rows[-1]["kinds"].append(self._class)


def html_table(at: AppTest) -> _Table:
    """The page's one teaching table, read back from its HTML."""
    bodies = [h.proto.body for h in at.get("html") if h.proto.body.startswith("<div class=\"teach-scroll\"")]
    assert len(bodies) == 1, "one teaching table on the page"
    table = _Table()
    table.feed(bodies[0])
    return table


def cli_matrix(*args: str) -> bytes:
    proc = subprocess.run([sys.executable, "-m", "knowledge", "matrix", "--csv", *args], cwd=ROOT,
                          capture_output=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


# ---- every page -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("name", list(PAGES))
def test_each_teaching_page_draws_in_each_language(name, lang):
    at = open_page(name, lang)
    assert not at.exception, [e.value for e in at.exception]
    assert [h.value for h in at.title] == [t(HEADINGS[name], lang)]
    assert t("teaching.note", lang) in texts(at)


# ---- subtypes side by side ----------------------------------------------------------------------

def _expected_cell_kind(kb, hr, her2, option_class, filters) -> tuple[str, set[str]]:
    """Straight from the engine: (applies | conditional | none, the answers it waits on)."""
    profile = Profile.create(hr=hr, her2=her2, sites=filters.get("sites", ()),
                             menopause=filters.get("menopause", "unknown"), sex=filters.get("sex", "female"))
    mine = [r for r in explain(profile, kb).options if r.option.class_ == option_class]
    if any(r.status == "applies" for r in mine):
        return "applies", set()
    if mine:
        return "conditional", {n for r in mine for n in r.depends_on}
    return "none", set()


@pytest.mark.parametrize("filters", [{}, FILTERED], ids=["default", "filtered"])
def test_matrix_table_is_the_engine_cell_by_cell(kb, filters):
    at = open_page("matrix")
    if filters:
        at = filter_matrix(at)
    shown = html_table(at)
    rows = subtype_matrix(kb, **filters)
    frame = matrix.display_frame(kb, rows)
    assert shown.columns == [KB.vocabulary.table.row_header] + [class_name(c) for c in OPTION_CLASSES]
    assert len(shown.rows) == len(rows) == 12
    for displayed, row, (label, cells) in zip(shown.rows, rows, frame.iterrows()):
        assert displayed["header"] == label == common.subtype_label(kb, row["hr"], row["her2"])
        assert displayed["cells"] == list(cells)
        for option_class, cell, css in zip(OPTION_CLASSES, displayed["cells"], displayed["kinds"]):
            kind, waits = _expected_cell_kind(kb, row["hr"], row["her2"], option_class, filters)
            if kind == "applies":
                assert (cell, css) == ("✓ used", "k-applies"), (row, option_class, cell)
            elif kind == "conditional":
                assert cell.startswith("? only if: ") and css == "k-conditional", (row, option_class, cell)
                assert set(cell.removeprefix("? only if: ").split(", ")) == {short_answer(KB, n) for n in waits}
            else:
                assert (cell, css) == ("— not used", "k-none"), (row, option_class, cell)


def test_matrix_rows_carry_the_names_teachers_use(kb):
    headers = [r["header"] for r in html_table(open_page("matrix")).rows]
    assert "Triple-negative (HER2 0) · Hormone receptors: negative; HER2: zero" in headers
    assert "HR+/HER2-low · Hormone receptors: positive; HER2: low" in headers
    assert "Triple-positive (HR+/HER2+) · Hormone receptors: positive; HER2: positive" in headers
    spanish = [r["header"] for r in html_table(open_page("matrix", "es")).rows]
    assert any(h.startswith("Triple negativo (HER2 0) · ") for h in spanish), spanish


def _files(downloads, name: str) -> list[bytes]:
    return [data for file, data in downloads if file == name]


@pytest.mark.parametrize("filters, args", [({}, []), (FILTERED, ["--site", "bone", "--site", "brain",
                                                                 "--menopause", "post", "--sex", "female"])],
                         ids=["default", "filtered"])
def test_matrix_csv_downloads_are_byte_identical_to_the_command_line(kb, filters, args, downloads):
    at = open_page("matrix")
    if filters:
        downloads.clear()
        at = filter_matrix(at)
    assert len(at.get("download_button")) == 3, "the matrix page offers the CSV in words and in codes, and a spreadsheet"
    f = {"sites": [], "menopause": "unknown", "sex": "female", **filters}
    readable = _files(downloads, export.file_name(kb, f["sites"], f["menopause"], f["sex"]))
    codes = _files(downloads, export.file_name(kb, f["sites"], f["menopause"], f["sex"], codes=True))
    assert readable and codes, downloads
    assert readable[-1] == cli_matrix(*args)
    assert codes[-1] == cli_matrix("--codes", *args)
    # The spreadsheet holds the readable CSV's rows, cell for cell, with the header row and subtype column frozen.
    xlsx = _files(downloads, export.file_name(kb, f["sites"], f["menopause"], f["sex"], suffix="xlsx"))
    assert xlsx, downloads
    sheet = load_workbook(io.BytesIO(xlsx[-1])).active
    cells = [[v for v in row if v is not None] for row in sheet.iter_rows(values_only=True)]
    assert cells == list(csv.reader(io.StringIO(readable[-1].decode())))
    assert sheet.freeze_panes == f"B{len(cells) - 11}"


def test_readable_csv_round_trip_has_the_filters_version_date_and_the_engine_cells(kb):
    text = cli_matrix("--site", "bone", "--menopause", "post").decode()
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[:7] == [["Subtypes against kinds of treatment"], ["Content version", kb.version],
                         ["Made on", dt.date.today().isoformat()], ["Where it has spread", "bones"],
                         ["Menopause", "yes"], ["Information for", "a woman"], []]
    header, *body = lines[7:]
    assert header == ["Subtype", "Hormone receptors", "HER2"] + [class_name(c) for c in OPTION_CLASSES]
    rows = subtype_matrix(kb, sites=["bone"], menopause="post")
    assert [r[:3] for r in body] == [[subtype_name(KB, r["hr"], r["her2"]), common.value_label(kb, "hr", r["hr"]),
                                      common.value_label(kb, "her2", r["her2"])] for r in rows]
    for line, row in zip(body, rows):
        for option_class, cell in zip(OPTION_CLASSES, line[3:]):
            kind, waits = _expected_cell_kind(kb, row["hr"], row["her2"], option_class,
                                              {"sites": ["bone"], "menopause": "post"})
            if kind == "conditional":
                assert cell.startswith("only if: ")
                assert set(cell.removeprefix("only if: ").split(", ")) == {short_answer(KB, n) for n in waits}
            else:
                assert cell == {"applies": "used", "none": "not used"}[kind]
    assert any(cell.startswith("only if: ") for line in body for cell in line[3:])
    assert "conditional" not in text and "applies" not in text


def test_matrix_for_men_leaves_menopause_out(kb):
    at = open_page("matrix")
    at.radio(key="matrix_sex").set_value("male").run()
    assert at.radio(key="matrix_menopause").disabled
    assert [r["cells"] for r in html_table(at).rows] == [
        list(cells) for _, cells in matrix.display_frame(kb, subtype_matrix(kb, sex="male")).iterrows()]


def test_present_mode_widens_the_page_and_folds_the_filters(kb):
    at = open_page("matrix")
    assert not [h for h in at.get("html") if "max-width: none" in h.proto.body and "@media print" not in h.proto.body]
    at.toggle(key="teaching_present").set_value(True).run()
    assert [h for h in at.get("html") if "max-width: none" in h.proto.body and "@media print" not in h.proto.body]
    assert t("teaching.matrix.legend_heading") not in texts(at)
    assert t("teaching.matrix.filters") in [e.label for e in at.expander]
    assert len(html_table(at).rows) == 12


def test_present_mode_marks_every_cell_as_the_engine_does_with_a_key_to_its_letters(kb):
    at = open_page("matrix")
    at.toggle(key="teaching_present").set_value(True).run()
    shown = html_table(at)
    rows = subtype_matrix(kb)
    assert shown.columns == [kb.vocabulary.table.row_header] + [class_name(c) for c in OPTION_CLASSES]
    assert [r["header"] for r in shown.rows] == [subtype_name(kb, r["hr"], r["her2"]) for r in rows]
    key = [unescape(h.proto.body.removeprefix('<p class="teach-key">').removesuffix("</p>"))
           for h in at.get("html") if h.proto.body.startswith('<p class="teach-key">')]
    assert len(key) == 1
    letters: dict[str, str] = {}
    for row, drawn in zip(rows, shown.rows):
        for option_class, words, css in zip(OPTION_CLASSES, drawn["cells"], drawn["kinds"]):
            cell = row[option_class]
            if cell.startswith("conditional:"):
                assert css == "k-conditional" and words.startswith("? "), (row, option_class, words)
                assert letters.setdefault(cell, words[2:]) == words[2:], "one letter for one set of answers"
            else:
                assert (css, words) == (("k-applies", "✓") if cell == "applies" else ("k-none", "—")), (row, option_class)
    assert len(set(letters.values())) == len(letters) == len(set(matrix.letters(kb, rows).values()))
    assert key[0].split(" · ") == [t("teaching.cell.applies"), t("teaching.cell.none")] + [
        t("teaching.matrix.letter_key", letter=letter, inputs=common.cell_inputs(kb, cell)) for cell, letter in letters.items()]
    at.toggle(key="teaching_present").set_value(False).run()  # the page's own table again, with words in every cell
    assert html_table(at).rows[0]["cells"][0] == t("teaching.cell.applies")


# ---- compare profiles ---------------------------------------------------------------------------

FOUR = [  # (preset, then answers changed by hand)
    ("negative_zero", {"compare0_pdl1": "unknown", "compare0_sites": ["brain"]}),
    ("positive_low", {"compare1_menopause": "post", "compare1_pik3ca": "positive"}),
    ("positive_positive", {}),
    ("positive_zero", {"compare3_sex": "male", "compare3_brca": "positive"}),
]


def _cell_from_explain(kb, profile, option_class) -> tuple[str, str]:
    """(css class, words) of one cell, worked out from ``explain`` itself."""
    mine = [r for r in explain(profile, kb).options if r.option.class_ == option_class]
    if any(r.status == "applies" for r in mine):
        return "k-applies", t("teaching.cell.applies")
    if mine:
        waits = sorted({n for r in mine for n in r.depends_on})
        return "k-conditional", t("teaching.cell.conditional", inputs=", ".join(short_answer(KB, n) for n in waits))
    return "k-none", t("teaching.cell.none")


def test_four_profile_comparison_agrees_with_explain_cell_by_cell(kb):
    at = open_page("compare")
    at.radio(key="compare_n").set_value(4).run()
    for i, (preset, answers) in enumerate(FOUR):
        at.selectbox(key=f"compare{i}_preset").set_value(preset).run()
        for key, value in answers.items():
            widget = at.button_group(key=key) if key.endswith("_sites") else at.radio(key=key)
            widget.set_value(value).run()
    assert not at.exception
    profiles = [
        Profile.create(hr="negative", her2="zero", sites=["brain"]),
        Profile.create(hr="positive", her2="low", menopause="post", markers={"pik3ca": "positive"}),
        Profile.create(hr="positive", her2="positive"),
        Profile.create(hr="positive", her2="zero", sex="male", markers={"brca": "positive"}),
    ]
    shown = html_table(at)
    assert shown.columns[1:] == [
        "1. Triple-negative (HER2 0) · Hormone receptors: negative; HER2: zero",
        "2. HR+/HER2-low · Hormone receptors: positive; HER2: low",
        "3. Triple-positive (HR+/HER2+) · Hormone receptors: positive; HER2: positive",
        "4. HR+/HER2-negative (HER2 0) · Hormone receptors: positive; HER2: zero"]
    assert len(shown.rows) == len(OPTION_CLASSES)
    for option_class, row in zip(OPTION_CLASSES, shown.rows):
        expected = [_cell_from_explain(kb, p, option_class) for p in profiles]
        assert list(zip(row["kinds"], row["cells"])) == expected, option_class
        differs = len(set(expected)) > 1
        assert row["marked"] == differs, option_class
        assert row["header"] == class_name(option_class) + (" ≠ differs" if differs else "")
        # the reason for each difference is one tap away
        assert (t("teaching.compare.reason_for", kind=class_name(option_class))
                in [e.label for e in at.expander]) == differs
    text = texts(at)
    for p in profiles:
        assert common.answers_in_words(kb, p) in text
    # Behind each marked row: for each profile, exactly the options of that kind that are not shown the
    # same way for every profile, each with the reason from Why and why not.
    verdicts = [{v.result.id: v for v in why_and_why_not(kb, p)} for p in profiles]
    expanders = {e.label: "\n".join(str(m.value) for m in e.markdown) for e in at.expander}
    for option_class, row in zip(OPTION_CLASSES, shown.rows):
        if not row["marked"]:
            continue
        inside = expanders[t("teaching.compare.reason_for", kind=class_name(option_class))]
        for option in (o for o in kb.options if o.class_ == option_class):
            states = {(vs[option.id].result.status, vs[option.id].result.depends_on) for vs in verdicts}
            for vs in verdicts:
                line = f"**{option.name}**: {reason(vs[option.id], kb)}"
                assert (line in inside) == (len(states) > 1), (option_class, option.id)


def test_choosing_a_preset_resets_the_other_answers():
    at = open_page("compare")
    at.radio(key="compare0_pdl1").set_value("positive").run()
    at.selectbox(key="compare0_preset").set_value("positive_ultralow").run()
    assert (at.radio(key="compare0_hr").value, at.radio(key="compare0_her2").value) == ("positive", "ultralow")
    assert at.radio(key="compare0_pdl1").value == "unknown"
    assert html_table(at).columns[1] == "1. HR+/HER2-ultralow · Hormone receptors: positive; HER2: ultralow"


# ---- what changes if -------------------------------------------------------------------------------

FLIPS = [  # (answers before, the answer changed, its new value)
    ({"hr": "positive", "her2": "zero", "menopause": "post"}, "her2", "low"),
    ({"hr": "positive", "her2": "zero", "menopause": "post"}, "pik3ca", "positive"),
    ({"hr": "negative", "her2": "zero"}, "pdl1", "positive"),
    ({"hr": "positive", "her2": "zero", "menopause": "pre"}, "menopause", "post"),
    ({"hr": "positive", "her2": "positive"}, "site", "brain"),
]


@pytest.mark.parametrize("before, field, value", FLIPS, ids=[f"{f}={v}" for _, f, v in FLIPS])
def test_what_changes_if_agrees_with_two_explain_calls(kb, before, field, value):
    at = open_page("changes")
    for key, answer in before.items():
        at.radio(key=f"changes_{key}").set_value(answer).run()
    at.selectbox(key="changes_field").set_value(field).run()
    at.radio(key=f"changes_to_{field}").set_value(value).run()
    assert not at.exception
    old = Profile.create(**before)
    new_answers = {**before, **({"sites": [value]} if field == "site" else
                                {"markers": {field: value}} if field == "pik3ca" or field == "pdl1" else {field: value})}
    new = Profile.create(**new_answers)
    a = {r.id: (r.status, r.depends_on) for r in explain(old, kb).options}
    b = {r.id: (r.status, r.depends_on) for r in explain(new, kb).options}
    changed = {i for i in a.keys() | b.keys() if a.get(i) != b.get(i)}
    assert changed, "each example changes something"
    assert {c.option_id for c in changes_between(kb, old, new).options} == changed
    shown = {k.removeprefix("change_") for k in _keys(at) if k.startswith("change_")}
    assert shown == changed
    text = texts(at)
    assert t("teaching.changes.count", n=len(changed)) in text
    names = {o.id: o for o in kb.options}
    for option_id in changed:
        kind = ("appears" if option_id not in a else "disappears" if option_id not in b
                else f"becomes_{b[option_id][0]}" if a[option_id][0] != b[option_id][0] else "waits_on_other")
        assert f"{t(f'teaching.changes.kinds.{kind}')} (" in text
        assert "\n".join(rule_in_words(names[option_id].when, kb)) in text


@pytest.mark.parametrize("example", [e[0] for e in changes.EXAMPLES])
def test_each_example_on_what_changes_if_sets_its_answers_and_agrees_with_the_engine(kb, example):
    _, before, field, value = next(e for e in changes.EXAMPLES if e[0] == example)
    at = open_page("changes")
    at.radio(key="changes_brca").set_value("positive").run()  # an answer the example must reset
    at.button(key=f"changes_example_{example}").click().run()
    assert not at.exception
    assert at.radio(key="changes_brca").value == "unknown"
    assert at.selectbox(key="changes_field").value == field
    assert at.radio(key=f"changes_to_{field}").value == value
    old = Profile.create(**before)
    expected = {c.option_id for c in changes_between(kb, old, with_answer(old, field, value)).options}
    assert expected
    assert {k.removeprefix("change_") for k in _keys(at) if k.startswith("change_")} == expected


def _keys(at: AppTest) -> set[str]:
    """Every element and container key on the page."""
    keys = set()

    def visit(node):
        if getattr(node, "key", None):
            keys.add(node.key)
        for child in getattr(node, "children", {}).values():
            visit(child)

    visit(at._tree)
    return keys


# ---- why and why not --------------------------------------------------------------------------------

def test_why_and_why_not_lists_every_option_with_its_reason_and_rule(kb):
    at = open_page("why")
    at.radio(key="why_hr").set_value("negative").run()
    at.radio(key="why_her2").set_value("zero").run()
    at.button_group(key="why_sites").set_value(["brain"]).run()
    at.radio(key="why_pdl1").set_value("positive").run()
    profile = Profile.create(hr="negative", her2="zero", sites=["brain"], markers={"pdl1": "positive"})
    verdicts = why_and_why_not(kb, profile)
    assert len(verdicts) == len(kb.options)
    markdown = [str(m.value) for m in at.markdown]
    codes = [c.value for c in at.code]
    for v in verdicts:
        head = f"**{common.MARK[v.result.status]} {v.result.option.name}** · {class_name(v.result.option.class_)}"
        line = f"{head}  \n{reason(v, kb)}"
        assert line in markdown, v.result.id
        assert v.rule in codes, v.result.id
    counts = {s: sum(v.result.status == s for v in verdicts) for s in ("applies", "conditional", "hidden")}
    assert t("teaching.why.counts", applies=counts["applies"], conditional=counts["conditional"],
             hidden=counts["hidden"], total=len(kb.options)) in markdown


def test_a_hidden_option_names_the_part_of_its_rule_that_failed(kb):
    at = open_page("why")  # default answers: hormone receptors positive, HER2 positive
    text = texts(at)
    hidden = [v for v in why_and_why_not(kb, Profile.create(hr="positive", her2="positive"))
              if v.result.status == "hidden"]
    assert hidden
    for v in hidden:
        assert v.reasons, v.result.id
        assert t("teaching.why.reason_hidden", reasons="; ".join(v.reasons)) in text


# ---- case library ------------------------------------------------------------------------------

UNFOLDING = [v.id for v in KB.vignettes if v.stages]


def first_look(vignette):
    """What the case library shows of a case before anything is chosen: the case, or its first stage."""
    return vignette.stages[0] if vignette.stages else vignette


def questions(case) -> list[str]:
    """A snapshot's questions, or a stage's prompts in the order of clinical judgment."""
    if hasattr(case, "prompts"):
        return [q for step in cases.STEPS for q in getattr(case.prompts, step)]
    return list(case.discussion)


def block(at: AppTest, key: str):
    """The container drawn with ``key`` (None when it is not on the page)."""
    found = []

    def visit(node) -> None:
        for child in getattr(node, "children", {}).values():
            if str(getattr(child.proto, "id", "")).endswith(f"-{key}"):
                found.append(child)
            visit(child)

    visit(at._tree)
    assert len(found) <= 1, key
    return found[0] if found else None


def test_case_library_shows_every_vignette_with_live_results(kb):
    at = open_page("cases")
    text = texts(at)
    assert len(UNFOLDING) >= 2 and all(2 <= len(v.stages) <= 3 for v in kb.vignettes if v.stages)
    for vignette in kb.vignettes:
        case = first_look(vignette)
        assert vignette.title in [s.value for s in at.subheader]
        assert vignette.story in text and case.story in text
        assert all(q in text for q in questions(case))
        profile = Profile.create(**case.profile.model_dump(exclude={"note"}))
        shown = explain(profile, kb).options
        assert t("teaching.cases.shows", n=len(shown)) in text
        name = subtype_name(KB, profile.hr, profile.her2)
        assert not name or f"**{t('teaching.cases.profile')}:** {name} · " in text
        assert all(o.option.name in text for o in shown)


@pytest.mark.parametrize("vignette_id", UNFOLDING)
def test_stepping_through_an_unfolding_case_recomputes_each_stage_and_shows_what_changed(kb, vignette_id):
    vignette = next(v for v in kb.vignettes if v.id == vignette_id)
    at = open_page("cases")
    assert block(at, f"stage_{vignette.id}_{vignette.stages[0].id}_changes") is None  # nothing before the first
    for n, stage in enumerate(vignette.stages):
        at.radio(key=f"stage_{vignette.id}").set_value(stage.id).run()
        assert not at.exception, [e.value for e in at.exception]
        box = block(at, f"case_{vignette.id}")
        lines = [m.value for m in box.markdown]
        text = "\n".join(lines + [e.label for e in box.expander])
        assert f"**{t('teaching.cases.stage_heading', n=n + 1, total=len(vignette.stages), name=stage.name)}**" in lines
        assert stage.story in text
        # The prompts, under the four steps in Tanner's order, numbered on from one step to the next.
        steps = [i for i, line in enumerate(lines) if line.startswith("*") and not line.startswith("**")]
        assert [lines[i].split("*")[1] for i in steps] == [t(f"teaching.cases.steps.{s}") for s in cases.STEPS]
        numbered = [q for i in steps for q in lines[i].split("\n\n", 1)[1].split("\n")]
        assert numbered == [f"{i}. {q}" for i, q in enumerate(questions(stage), 1)]
        assert t("teaching.cases.prompts_note") in [c.value for c in box.caption]
        # The engine, run again for this stage: every option it shows, and the promises kept.
        profile = Profile.create(**stage.profile.model_dump(exclude={"note"}))
        shown = explain(profile, kb).options
        assert t("teaching.cases.shows", n=len(shown)) in text
        assert all(o.option.name in text for o in shown)
        assert {o.id for o in shown} >= set(stage.shows) and not {o.id for o in shown} & set(stage.hides)
        changed = block(at, f"stage_{vignette.id}_{stage.id}_changes")
        if n == 0:
            assert changed is None
            continue
        # What came into view and what no longer applies, as two engine runs compare them.
        before = vignette.stages[n - 1]
        found = changes_between(kb, Profile.create(**before.profile.model_dump(exclude={"note"})), profile).options
        assert found, f"stage {stage.id} changes nothing"
        said = [m.value for m in changed.markdown]
        assert said[0] == f"**{t('teaching.cases.changed', n=n, name=before.name)}**"
        for kind in changes.KINDS:
            mine = [c for c in found if c.kind == kind]
            listed = [m for m in said if m.startswith(f"{t(f'teaching.cases.change_kinds.{kind}')} (")]
            assert len(listed) == (1 if mine else 0), kind
            if mine:
                assert listed[0].startswith(f"{t(f'teaching.cases.change_kinds.{kind}')} ({len(mine)}):")
                assert listed[0].count("\n- ") == len(mine)
                for c in mine:
                    assert f"- {changes.marks(c)} {(c.after or c.before).option.name}" in listed[0]
        for c in found:  # each one's reason and rule, one tap away
            assert block(at, f"stage_{vignette.id}_{stage.id}_change_{c.option_id}") is not None
        ids = {c.option_id for c in found}
        assert any(c.kind == "appears" for c in found) or any(c.kind == "disappears" for c in found)
        assert ids <= {r.id for r in explain(Profile.create(**before.profile.model_dump(exclude={"note"})), kb).options} \
            | {o.id for o in shown}
    # Opening the case now opens the stage on screen.
    last = vignette.stages[-1].profile
    at.button(key=f"open_{vignette.id}").click().run()
    answers = at.session_state["answers"]
    assert (answers["hr"], answers["her2"], sorted(answers["sites"])) == (last.hr, last.her2, sorted(last.sites))
    assert {m: v for m, v in answers["markers"].items() if v != "unknown"} == last.markers


def test_the_unfolding_cases_show_both_what_came_into_view_and_what_no_longer_applies(kb):
    kinds = {c.kind for v in kb.vignettes for a, b in zip(v.stages, v.stages[1:])
             for c in changes_between(kb, *(Profile.create(**s.profile.model_dump(exclude={"note"})) for s in (a, b))).options}
    assert {"appears", "disappears"} <= kinds


@pytest.mark.parametrize("lang", ["es", "zh-Hans", "vi"])
def test_an_unfolding_case_steps_in_each_language(lang):
    kb_lang = load_knowledge(lang=lang)
    vignette = next(v for v in kb_lang.vignettes if v.stages)
    at = open_page("cases", lang)
    at.radio(key=f"stage_{vignette.id}").set_value(vignette.stages[1].id).run()
    assert not at.exception, [e.value for e in at.exception]
    text = texts(at)
    stage = vignette.stages[1]
    assert t("teaching.cases.stage_heading", lang, n=2, total=len(vignette.stages), name=stage.name) in text
    assert t("teaching.cases.changed", lang, n=1, name=vignette.stages[0].name) in text
    assert stage.story in text and all(q in text for q in questions(stage))
    assert all(t(f"teaching.cases.steps.{s}", lang) in text for s in cases.STEPS)
    assert "Came into view" not in text and "No longer applies" not in text and "Noticing" not in text


@pytest.mark.parametrize("vignette_id", VIGNETTES)
def test_a_case_opens_in_the_explainer_with_its_answers(kb, vignette_id):
    vignette = next(v for v in kb.vignettes if v.id == vignette_id)
    case = first_look(vignette)
    p = case.profile
    at = open_page("cases")
    at.button(key=f"open_{vignette.id}").click().run()
    answers = at.session_state["answers"]
    assert (answers["hr"], answers["her2"], answers["sex"]) == (p.hr, p.her2, p.sex)
    assert sorted(answers["sites"]) == sorted(p.sites)
    assert answers["menopause"] == p.menopause
    assert {m: v for m, v in answers["markers"].items() if v != "unknown"} == p.markers
    assert at.session_state["step"] == "results"
    assert [h.value for h in at.title] == [t("results.heading")]
    page_text = texts(open_groups(at))  # each group opened, one line per treatment
    for option_id in case.shows:
        assert next(o.heading for o in kb.options if o.id == option_id) in page_text


# ---- evidence and rules --------------------------------------------------------------------------

def test_evidence_lists_every_option_with_trials_year_sources_and_review(kb):
    at = open_page("evidence")
    shown = html_table(at)
    columns = [t(f"teaching.evidence.col_{c}") for c in ("option", "class", "year", "trials", "reviewed")]
    assert shown.columns == columns
    assert [r["header"] for r in shown.rows] == [o.name for o in sorted(kb.options, key=lambda o: OPTION_CLASSES.index(o.class_))]
    table = {r["header"]: dict(zip(columns[1:], r["cells"])) for r in shown.rows}
    labels = [e.label for e in at.expander]
    text = texts(at)
    for option in kb.options:
        assert t("teaching.evidence.details", name=option.name) in labels
        row = table[option.name]
        year = first_approval_year(kb, option)
        assert row[t("teaching.evidence.col_year")] == (str(year) if year else "—")
        for trial in option.evidence.trials:
            assert trial in row[t("teaching.evidence.col_trials")]
        assert row[t("teaching.evidence.col_reviewed")] == option.reviewed.isoformat()
        for source_id in option.sources:
            s = kb.sources[source_id]
            assert f"[{s.title}]({s.url}), {s.publisher}, {s.date}" in text
    assert t("teaching.evidence.version", version=kb.version, date=kb.meta.reviewed.isoformat(),
             days=kb.meta.review_window_days) in text
    assert all(change in text for entry in kb.changelog for change in entry.changes)
    assert t("teaching.evidence_diff_how") in text


def test_rules_page_is_generated_from_every_gate(kb):
    at = open_page("rules")
    markdown = [str(m.value) for m in at.markdown]
    for option in kb.options:
        assert f"**{option.name}**" in markdown
        assert "\n".join(rule_in_words(option.when, kb)) in markdown
    assert all(class_name(c) in texts(at) for c in {o.class_ for o in kb.options})


def test_every_rule_head_comes_from_the_rule_set_words(kb):
    words = kb.meta.words
    heads = {words.rule_always, words.rule_all_of, words.rule_any_of, words.rule_none_of}
    for option in kb.options:
        for line in rule_in_words(option.when, kb):
            rest = line.strip().removeprefix("- ")
            if ":" not in rest or rest.endswith(":"):
                assert rest in heads, rest


def test_spanish_rules_use_spanish_heads_and_joining_word():
    at = open_page("rules", "es")
    rules = [str(m.value) for m in at.markdown if str(m.value).startswith("- ")]
    text = "\n".join(rules)
    assert "todo esto:" in text and "all of these:" not in text
    assert " o " in text and " or " not in text


# ---- kiosk mode ------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", list(PAGES))
def test_kiosk_mode_registers_no_teaching_page(monkeypatch, name):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = AppTest.from_file(APP, default_timeout=60).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGES[name])
    assert t(HEADINGS[name]) not in texts(at)


@pytest.mark.parametrize("name", list(PAGES))
def test_a_teaching_page_run_on_a_kiosk_draws_nothing(monkeypatch, name):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = AppTest.from_file(str(ROOT / PAGES[name]), default_timeout=60).run()
    assert not at.exception
    assert not at.title and not at.markdown and not at.table and not at.get("download_button")
    assert not [h for h in at.get("html") if "teach-table" in h.proto.body]


def test_the_teachers_page_links_to_every_teaching_page():
    at = open_page("index")
    assert t("teaching.home_intro") in texts(at)
    for name in ("matrix", "compare", "changes", "why", "cases", "evidence", "rules"):
        assert t(f"teaching.about_{name}") in texts(at)


def test_outside_kiosk_mode_every_teaching_page_is_registered():
    at = AppTest.from_file(APP, default_timeout=60).run()
    for name in PAGES:
        at.switch_page(PAGES[name]).run()
        assert [h.value for h in at.title] == [t(HEADINGS[name])]


@pytest.mark.parametrize("name", ["matrix", "compare", "changes", "cases"])
def test_new_teaching_pages_in_spanish_have_no_english_interface_words(name):
    from .test_app_spanish import english_ui_phrases, without_sources

    at = open_page(name, "es")
    if name == "compare":
        at.radio(key="compare_n").set_value(4).run()
    for vignette in KB.vignettes if name == "cases" else ():  # every unfolding case at its last stage
        if vignette.stages:
            at.radio(key=f"stage_{vignette.id}").set_value(vignette.stages[-1].id).run()
    shown = texts(at) + "\n" + "\n".join(h.proto.body for h in at.get("html") if h.proto.body.startswith("<div class="))
    shown += "\n" + "\n".join(str(w.label) for w in [*at.radio, *at.selectbox, *at.toggle])
    for phrase in english_ui_phrases():
        assert phrase not in without_sources(shown), f"English interface words on a Spanish page: {phrase!r}"
    assert ("RH+/HER2 negativo (HER2 0) · " if name == "changes" else "Triple negativo (HER2 0) · ") in shown
