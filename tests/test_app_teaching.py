"""Teaching mode's promises, driven through the app with Streamlit's AppTest (no browser):
every page draws, every table cell and reason is the engine's, the CSV is the command line's,
a case opens in the explainer, and kiosk mode has none of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from knowledge.approvals import first_approval_year
from components.teaching import common, matrix
from components.teaching.why import reason
from components.text import t
from knowledge import Profile, explain, load_knowledge
from knowledge.schema import OPTION_CLASSES
from knowledge.teaching import rule_in_words, subtype_matrix, why_and_why_not

from .apptest_helpers import fresh_caches  # noqa: F401 (autouse fixture)

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
PAGES = {name: f"components/teaching/pages/{name}.py"
         for name in ("index", "matrix", "why", "cases", "evidence", "rules")}
HEADINGS = {"index": "teaching.nav_section", "matrix": "teaching.matrix.heading", "why": "teaching.why.heading", "cases": "teaching.cases.heading",
            "evidence": "teaching.evidence.heading", "rules": "teaching.rules.heading"}
VIGNETTES = [v.id for v in load_knowledge().vignettes]
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
    shown = at.table[0].value
    rows = subtype_matrix(kb, **filters)
    assert shown.equals(matrix.display_frame(kb, rows))
    assert list(shown.columns) == [common.class_name(c) for c in OPTION_CLASSES]
    assert len(shown) == len(rows) == 12
    for (_, displayed), row in zip(shown.iterrows(), rows):
        assert displayed.name == common.subtype_label(kb, row["hr"], row["her2"])
        for option_class in OPTION_CLASSES:
            cell = displayed[common.class_name(option_class)]
            kind, waits = _expected_cell_kind(kb, row["hr"], row["her2"], option_class, filters)
            if kind == "applies":
                assert cell == "✓ used", (row, option_class, cell)
            elif kind == "conditional":
                assert cell.startswith("? only if: "), (row, option_class, cell)
                assert set(cell.removeprefix("? only if: ").split(", ")) == {common.input_short(n) for n in waits}
            else:
                assert cell == "— not used", (row, option_class, cell)


@pytest.mark.parametrize("filters, args", [({}, []), (FILTERED, ["--site", "bone", "--site", "brain",
                                                                 "--menopause", "post", "--sex", "female"])],
                         ids=["default", "filtered"])
def test_matrix_csv_download_is_byte_identical_to_the_command_line(filters, args, downloads):
    at = open_page("matrix")
    if filters:
        downloads.clear()
        at = filter_matrix(at)
    assert at.get("download_button"), "the matrix page offers its CSV"
    csv_files = [data for name, data in downloads if name == t("teaching.matrix.file_name")]
    assert csv_files, downloads
    assert csv_files[-1] == cli_matrix(*args)


def test_matrix_for_men_leaves_menopause_out(kb):
    at = open_page("matrix")
    at.radio(key="matrix_sex").set_value("male").run()
    assert at.radio(key="matrix_menopause").disabled
    assert at.table[0].value.equals(matrix.display_frame(kb, subtype_matrix(kb, sex="male")))


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
        head = f"**{common.MARK[v.result.status]} {v.result.option.name}** · {common.class_name(v.result.option.class_)}"
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

def test_case_library_shows_every_vignette_with_live_results(kb):
    at = open_page("cases")
    text = texts(at)
    for vignette in kb.vignettes:
        assert vignette.title in [s.value for s in at.subheader]
        assert vignette.story in text
        assert all(q in text for q in vignette.discussion)
        profile = Profile.create(**vignette.profile.model_dump(exclude={"note"}))
        shown = explain(profile, kb).options
        assert t("teaching.cases.shows", n=len(shown)) in text
        assert all(o.option.name in text for o in shown)


@pytest.mark.parametrize("vignette_id", VIGNETTES)
def test_a_case_opens_in_the_explainer_with_its_answers(kb, vignette_id):
    vignette = next(v for v in kb.vignettes if v.id == vignette_id)
    p = vignette.profile
    at = open_page("cases")
    at.button(key=f"open_{vignette.id}").click().run()
    answers = at.session_state["answers"]
    assert (answers["hr"], answers["her2"], answers["sex"]) == (p.hr, p.her2, p.sex)
    assert sorted(answers["sites"]) == sorted(p.sites)
    assert answers["menopause"] == p.menopause
    assert {m: v for m, v in answers["markers"].items() if v != "unknown"} == p.markers
    assert at.session_state["step"] == "results"
    assert [h.value for h in at.title] == [t("results.heading")]
    page_text = texts(at)
    for option_id in vignette.shows:
        assert next(o.name for o in kb.options if o.id == option_id) in page_text


# ---- evidence and rules --------------------------------------------------------------------------

def test_evidence_lists_every_option_with_trials_year_sources_and_review(kb):
    at = open_page("evidence")
    table = at.table[0].value
    assert list(table.index) == [o.name for o in sorted(kb.options, key=lambda o: OPTION_CLASSES.index(o.class_))]
    labels = [e.label for e in at.expander]
    text = texts(at)
    for option in kb.options:
        assert t("teaching.evidence.details", name=option.name) in labels
        row = table.loc[option.name]
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


def test_rules_page_is_generated_from_every_gate(kb):
    at = open_page("rules")
    markdown = [str(m.value) for m in at.markdown]
    for option in kb.options:
        assert f"**{option.name}**" in markdown
        assert "\n".join(rule_in_words(option.when, kb)) in markdown
    assert all(common.class_name(c) in texts(at) for c in {o.class_ for o in kb.options})


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


def test_the_teachers_page_links_to_every_teaching_page():
    at = open_page("index")
    assert t("teaching.home_intro") in texts(at)
    for name in ("matrix", "why", "cases", "evidence", "rules"):
        assert t(f"teaching.about_{name}") in texts(at)


def test_outside_kiosk_mode_every_teaching_page_is_registered():
    at = AppTest.from_file(APP, default_timeout=60).run()
    for name in PAGES:
        at.switch_page(PAGES[name]).run()
        assert [h.value for h in at.title] == [t(HEADINGS[name])]
