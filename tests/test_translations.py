"""Every language beyond English: the translator's round trip (PO files), what validate refuses,
the honest label on a draft, the kiosk's choice of languages, and dates, plurals and
alphabetical order from CLDR (Babel, ICU)."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po, write_po

from components.shared.text import t
from knowledge import CONTENT_DIR, i18n, load_knowledge, translations
from knowledge.approvals import date_words
from knowledge.cli import main as cli

from .apptest_helpers import fresh_caches, gen, new_app, open_cards, walk  # noqa: F401 (autouse fixture)

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "components" / "shared"
OTHERS = [code for code in i18n.LANGUAGES if code != "en"]
# Words that give English away on a page in another language (whole words, any case).
ENGLISH = ("the", "and", "your", "you", "with", "for", "this", "that", "treatment", "treatments", "cancer",
           "care", "team", "may", "when", "what", "not", "can", "from", "have", "ask", "only", "if", "or",
           "start", "next", "about", "words", "explained", "results", "signs", "questions", "call")


@pytest.fixture
def copy(tmp_path):
    """A copy of the content folder and of the app's words, to change freely."""
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    (tmp_path / "ui").mkdir()
    for path in UI_DIR.glob("text_*.yaml"):
        shutil.copy(path, tmp_path / "ui" / path.name)
    return tmp_path / "content", tmp_path / "ui"


def po_entries(text: str):
    from io import BytesIO
    return read_po(BytesIO(text.encode("utf-8")))


def write(catalog, path: Path) -> None:
    from io import BytesIO
    out = BytesIO()
    write_po(out, catalog, width=0)
    path.write_bytes(out.getvalue())


# ---- every language is complete and clean ------------------------------------------------------

@pytest.mark.parametrize("lang", OTHERS)
def test_each_language_loads_and_its_own_words_pass_every_check(lang):
    kb = load_knowledge(lang=lang)
    assert kb.lang == lang and kb.translation is not None
    assert translations.check(CONTENT_DIR, lang) == []


def test_validate_names_every_language_it_checked(capsys):
    assert cli(["validate"]) == 0
    assert f"languages: {', '.join(i18n.LANGUAGES)}." in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["zh-Hans"])
def test_chinese_texts_have_no_space_between_two_characters(lang):
    han = r"[\u3400-\u9fff，。：；？！（）、]"
    for path in sorted((CONTENT_DIR / "lang" / lang).rglob("*.yaml")) + [UI_DIR / f"text_{lang}.yaml"]:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not re.search(han + r" +" + han, line), f"{path.name}:{n}: a space inside Chinese text: {line}"


def test_vietnamese_texts_are_in_composed_form():
    for path in sorted((CONTENT_DIR / "lang" / "vi").rglob("*.yaml")) + [UI_DIR / "text_vi.yaml"]:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, f"{path.name}: diacritics not composed (NFC)"


@pytest.mark.parametrize("lang", OTHERS)
def test_the_command_line_explains_in_each_language_with_the_same_json_contract(lang, capsys):
    args = ["explain", "--hr", "positive", "--her2", "low", "--site", "bone", "--sex", "female", "--json"]
    assert cli(args) == 0
    english = json.loads(capsys.readouterr().out)
    assert cli(args + ["--lang", lang]) == 0
    other = json.loads(capsys.readouterr().out)
    assert set(other) == set(english)
    assert [o["id"] for o in other["options"]] == [o["id"] for o in english["options"]]
    assert set(other["options"][0]) == set(english["options"][0])
    assert other["disclaimer"] == load_knowledge(lang=lang).meta.disclaimer != english["disclaimer"]


# ---- the round trip ------------------------------------------------------------------------

def test_an_exported_vietnamese_file_edited_and_imported_changes_the_app(copy, monkeypatch):
    content, ui = copy
    po = po_entries(translations.export(content, "vi", ui))
    assert str(po.locale) == "vi_VN"
    entries = {m.context: m for m in po if m.id}
    disclaimer = entries["meta.yaml disclaimer"]
    assert disclaimer.id == load_knowledge(lang="en").meta.disclaimer
    assert disclaimer.string == load_knowledge(lang="vi").meta.disclaimer
    assert any("English file fingerprint:" in c for c in disclaimer.auto_comments)
    disclaimer.string = "Đây là thông tin chung để tìm hiểu, không phải lời khuyên y tế. Hãy hỏi đội ngũ chăm sóc."
    entries["ui start.button"].string = "Bắt đầu ngay"
    write(po, content.parent / "vi.po")
    assert cli(["translation", "import", str(content.parent / "vi.po"), "--content", str(content),
                "--ui", str(ui)]) == 0
    assert load_knowledge(content, lang="vi").meta.disclaimer == disclaimer.string
    assert yaml.safe_load((ui / "text_vi.yaml").read_text(encoding="utf-8"))["vi"]["start"]["button"] == "Bắt đầu ngay"
    assert translations.check(content, "vi", ui) == []
    monkeypatch.setenv("EXPLAINER_CONTENT_DIR", str(content))
    at = walk(new_app(lang="vi"), hr="positive", her2="low")
    assert disclaimer.string in "\n".join(i.value for i in at.info)


@pytest.mark.parametrize("change, message", [
    ("stale", "the English has changed since this file was exported"),
    ("missing", "is missing from the file"),
    ("empty", "has no translation"),
    ("markup", "carries markup the English does not have"),
    ("number", "the numbers differ from the English"),
    ("placeholder", "the {placeholders} differ"),
])
def test_an_import_with_a_fault_is_refused_with_its_line_and_writes_nothing(copy, change, message, capsys):
    content, ui = copy
    po = po_entries(translations.export(content, "vi", ui))
    entries = {m.context: m for m in po if m.id}
    target = {"placeholder": "ui results.group_title", "number": "ui idle.countdown.other"}.get(change, "meta.yaml baseline")
    entry = entries[target]
    if change == "stale":  # the English moves on after the export
        meta = content / "meta.yaml"
        meta.write_text(meta.read_text(encoding="utf-8").replace(entry.id[:30], "Changed: " + entry.id[:30]),
                        encoding="utf-8")
    elif change == "missing":
        po.delete(entry.id, context=entry.context)
    elif change == "empty":
        entry.string = ""
    elif change == "markup":
        entry.string = "<b>" + entry.string + "</b>"
    elif change == "number":
        entry.string = entry.string.replace("{n}", "{n} 2")
    elif change == "placeholder":
        entry.string = entry.string.replace("{n}", "")
    write(po, content.parent / "vi.po")
    before = {p: p.read_bytes() for p in [*(content / "lang" / "vi").rglob("*.yaml"), ui / "text_vi.yaml"]}
    assert cli(["translation", "import", str(content.parent / "vi.po"), "--content", str(content),
                "--ui", str(ui)]) == 1
    out = capsys.readouterr()
    lines = [line for line in out.out.splitlines() if target in line]
    assert lines and message in lines[0], out.out
    assert re.match(rf"{re.escape(str(content.parent / 'vi.po'))}:\d+: ", lines[0])
    if change != "missing":
        assert int(lines[0].split(":")[1]) > 20, "the line of the entry in the PO file"
    assert "nothing was written" in out.err
    assert before == {p: p.read_bytes() for p in before}


@pytest.mark.parametrize("fault, message", [
    ("stale", "the English file has changed since this translation was made"),
    ("missing", "has no translation"),
    ("markup", "carries markup the English does not have"),
])
def test_validate_refuses_a_language_with_a_missing_stale_or_marked_up_text(copy, fault, message, capsys):
    content, _ = copy
    path = content / "lang" / "vi" / "questions.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    key = next(iter(data["questions"]))
    if fault == "stale":
        data["translated_from"] = "000000000000"
    elif fault == "missing":
        del data["questions"][key]
    else:
        data["questions"][key]["text"] = "**" + data["questions"][key]["text"] + "**"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert cli(["validate", str(content)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"lang/vi/questions\.yaml:\d+: .*" + re.escape(message), out), out


def test_validate_refuses_app_words_that_are_missing_or_use_a_word_to_avoid(copy):
    content, ui = copy
    data = yaml.safe_load((ui / "text_es.yaml").read_text(encoding="utf-8"))
    del data["es"]["start"]["button"]
    avoided = yaml.safe_load((content / "lang" / "es" / "terms.yaml").read_text(encoding="utf-8"))["terms"][0]
    data["es"]["app"]["title"] += " " + avoided["avoid"][0]
    (ui / "text_es.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    found = {(p.field, p.message.split(";")[0].split(":")[0]) for p in translations.check(content, "es", ui)}
    assert ("start.button", "has no translation") in found
    assert any(field == "app.title" for field, _ in found), found


def test_a_reviewed_translation_must_name_its_medical_translator(copy, capsys):
    content, _ = copy
    path = content / "translations.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: reviewed", 1), encoding="utf-8")
    assert cli(["validate", str(content)]) == 1
    assert "a reviewed translation names its medical translator" in capsys.readouterr().out


# ---- the label on a draft, and the kiosk --------------------------------------------------------

@pytest.mark.parametrize("lang", OTHERS)
def test_a_draft_says_so_on_the_start_screen_in_its_language_and_in_english(lang):
    tr = load_knowledge(lang=lang).translation
    assert tr.status == "draft"
    at = new_app(lang=lang)
    captions = [c.value for c in at.caption]
    assert tr.draft_note in captions and tr.draft_note_en in captions
    english = new_app()
    assert not any("medical translator" in c.value for c in english.caption)


def test_about_says_who_translated_each_language_and_that_none_is_checked_yet():
    at = new_app()
    at.switch_page("components/explainer/pages/about.py").run()
    shown = "\n".join(m.value for m in at.markdown)
    for code in OTHERS:
        assert f"{i18n.LANGUAGES[code]}: a draft made by" in shown


def test_a_kiosk_offers_only_reviewed_languages_unless_the_operator_lists_drafts(monkeypatch):
    monkeypatch.setenv("EXPLAINER_MODE", "kiosk")
    at = new_app()
    assert not [g for g in at.button_group if g.key.startswith("lang__")], \
        "every translation is a draft: the kiosk offers English only"
    at = new_app(lang="vi")  # a link cannot bring a language the kiosk does not offer
    assert "Start" in [b.label for b in at.button]
    monkeypatch.setenv("EXPLAINER_KIOSK_LANGUAGES", "es, vi")
    at = new_app()
    assert at.button_group(key=f"lang__g{gen(at)}").options == ["English", "Español", "Tiếng Việt"]


@pytest.mark.parametrize("lang", ["zh-Hans", "vi"])
def test_the_whole_flow_in_chinese_and_vietnamese_has_no_english_but_names(lang):
    at = open_cards(walk(new_app(lang=lang), hr="positive", her2="low", sites=["bone", "liver"], esr1="positive"), evidence=False)
    assert not at.exception
    parts = [m.value for m in at.markdown] + [i.value for i in at.info] + [h.value for h in at.header]
    parts += [c.value for c in at.caption] + [e.label for e in at.expander] + [b.label for b in at.button]
    parts += [h.value for h in at.subheader] + [tg.label for tg in at.toggle]
    shown = re.sub(r"<[^>]+>", " ", "\n".join(str(p) for p in parts))
    shown = re.sub(r"\[[^\]]*\]\([^)]*\)[^\n]*", "", shown)  # sources keep their published titles
    kb = load_knowledge(lang=lang)
    for source in sorted(kb.sources.values(), key=lambda s: -len(s.publisher)):  # and their publishers' names
        shown = shown.replace(source.publisher, "")
    found = sorted({w for w in re.findall(r"[A-Za-z]+", shown) if w.lower() in ENGLISH})
    assert not found, f"English words on a {lang} page: {found}"
    assert kb.meta.disclaimer in shown


# ---- dates, plurals and order from CLDR --------------------------------------------------------

@pytest.mark.parametrize("lang, expected", [
    ("en", "December 18, 2026"), ("es", "18 de diciembre de 2026"), ("zh-Hans", "2026年12月18日"),
    ("vi", "18 tháng 12, 2026"),
])
def test_dates_are_written_as_each_language_writes_them(lang, expected):
    assert date_words(load_knowledge(lang=lang), dt.date(2026, 12, 18)) == expected


@pytest.mark.parametrize("lang, one, many", [
    ("en", "Clearing in 1 second.", "Clearing in 20 seconds."),
    ("es", "Se borrará en 1 segundo.", "Se borrará en 20 segundos."),
])
def test_a_count_takes_the_plural_form_its_language_gives_it(lang, one, many):
    assert t("idle.countdown", lang, n=1) == one
    assert t("idle.countdown", lang, n=20) == many


def test_chinese_has_one_form_for_every_count_and_each_language_the_forms_cldr_gives_it():
    assert translations.plural_forms("zh-Hans") == ["other"]
    assert translations.plural_forms("es") == ["one", "other"]  # Spanish "many" is for millions
    for lang in ("zh-Hans", "vi"):
        assert "1" in t("idle.countdown", lang, n=1) and "20" in t("idle.countdown", lang, n=20)


@pytest.mark.parametrize("lang, words, expected", [
    ("es", ["oso", "ñu", "nube", "ácido"], [("A", ["ácido"]), ("N", ["nube"]), ("Ñ", ["ñu"]), ("O", ["oso"])]),
    ("vi", ["đau", "da", "ăn", "an"], [("A", ["an"]), ("Ă", ["ăn"]), ("D", ["da"]), ("Đ", ["đau"])]),
    ("zh-Hans", ["肝脏", "癌症", "骨骼"], [("A", ["癌症"]), ("G", ["肝脏", "骨骼"])]),
])
def test_alphabetical_order_and_letters_follow_each_language(lang, words, expected):
    assert i18n.alphabetical(lang, words, str) == expected


@pytest.mark.parametrize("lang", OTHERS)
def test_the_words_explained_page_lists_every_term_under_its_letter(lang):
    at = new_app(lang=lang)
    at.switch_page("components/explainer/pages/glossary.py").run()
    assert not at.exception
    kb = load_knowledge(lang=lang)
    shown = "\n".join(m.value for m in at.markdown)
    assert all(f"**{term.term}**" in shown for term in kb.glossary)
    letters = [h.value for h in at.subheader]
    assert len(letters) == len(set(letters)) > 5


# ---- readability where no grade formula exists -------------------------------------------------

def test_chinese_and_vietnamese_sentences_stay_as_short_and_light_as_the_english():
    """Sentence length and glossary terms per sentence, beside the English (benchmarks/readability.py).
    Chinese: a plain sentence for patients keeps to about 20 characters, 35 at the longest tenth."""
    from benchmarks.readability import measure

    english, chinese, vietnamese = measure("en"), measure("zh-Hans"), measure("vi")
    assert chinese["median"] <= 20 and chinese["p90"] <= 35, chinese
    assert vietnamese["median"] <= 1.5 * english["median"] and vietnamese["p90"] <= 1.6 * english["p90"], vietnamese
    for other in (chinese, vietnamese):
        assert other["terms"] <= 1.25 * english["terms"] and other["share3"] <= 0.05, other
