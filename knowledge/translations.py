"""A translator's round trip, and the checks on a language beyond its content files.

``python -m knowledge translation export --lang vi --out vi.po`` writes every text a person can
see in one language (the rule set's texts, the drug spellings and the app's own words) to a
gettext PO file, the format translation tools open (Poedit, Weblate, Lokalise, OmegaT...). Each
entry carries the English (``msgid``), the translation so far (``msgstr``, empty when there is
none), where the text lives (``msgctxt``: ``file path.in.file``) and the fingerprint of its
English file. ``python -m knowledge translation import vi.po`` checks every entry against the
English as it is now and writes the language's files only when nothing is wrong: a missing,
empty or fuzzy entry, an English text changed since the export, a number or ``{placeholder}``
not kept, or markup the English does not have are each refused with ``file.po:line``.

The app's own words live in ``components/shared/text_<lang>.yaml``; this module reads and
writes them as data and never imports the screens.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from . import i18n
from .loader import OPTIONS_DIR, SINGLE_FILES, UNTRANSLATED, VIGNETTES, Problem
from .yamlsafe import YamlReadError, read_yaml

# The app's words, beside the screens that say them (text_<lang>.yaml).
UI_DIR = Path(__file__).resolve().parent.parent / "components" / "shared"
UI = "ui"  # how the app's words are named in a PO file's contexts
DRUGS = "drugs.yaml"
TERMS = "terms.yaml"
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


@dataclass(frozen=True)
class Text:
    file: str  # content file relative to the content folder, or "ui"
    path: tuple[str | int, ...]  # where the text sits in the translation's shape
    english: str

    @property
    def context(self) -> str:
        return f"{self.file} {'.'.join(map(str, self.path))}"


def content_files(folder: Path) -> list[str]:
    """The content files a translation covers, relative to the content folder."""
    names = [n for n in SINGLE_FILES if n not in UNTRANSLATED]
    names += [p.relative_to(folder).as_posix() for p in sorted((folder / OPTIONS_DIR).glob("*.yaml"))]
    return names + ([VIGNETTES] if (folder / VIGNETTES).exists() else [])


def _load(path: Path) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def ui_texts(english: Any, lang: str, path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text of the app's words, with plural texts given in the forms ``lang`` has."""
    if i18n.is_plural(english):
        for form in plural_forms(lang):
            yield path + (form,), english.get(form, english["other"])
    elif isinstance(english, dict):
        for key, value in english.items():
            yield from ui_texts(value, lang, path + (key,))
    elif isinstance(english, list):
        for i, value in enumerate(english):
            yield from ui_texts(value, lang, path + (i,))
    elif isinstance(english, str):
        yield path, english


def plural_forms(lang: str) -> list[str]:
    """The CLDR plural categories the app's counts (0 to 1,000) take in a language, in a fixed order:
    English and Spanish one, other; Chinese and Vietnamese other; Polish one, few, many, other.
    (Spanish "many" is for millions, a count no screen shows.)"""
    rule = i18n.locale(lang).plural_form
    tags = {rule(n) for n in range(1001)} | {"other"}
    return [form for form in i18n.PLURAL_FORMS if form in tags]


def texts(folder: Path, lang: str, ui_dir: Path = UI_DIR) -> list[Text]:
    """Every text a person can see in ``lang``, in a stable order: content, drug spellings, the app's words."""
    out: list[Text] = []
    for name in content_files(folder):
        out += [Text(name, path, text) for path, text in i18n.text_paths(_load(folder / name))]
    registry = _load(folder / "approvals.yaml")
    out += [Text(DRUGS, ("drugs", drug["id"]), drug["id"]) for drug in registry["drugs"]]
    english = _load(ui_dir / "text_en.yaml")["en"]
    out += [Text(UI, path, text) for path, text in ui_texts(english, lang)]
    return out


def _get(data: Any, path: tuple[str | int, ...]) -> Any:
    """The value at a path, or None where there is none yet."""
    try:
        return i18n.get(data, path)
    except KeyError:
        return None


def _translation_file(folder: Path, lang: str, file: str, ui_dir: Path) -> Path:
    return ui_dir / f"text_{lang}.yaml" if file == UI else folder / "lang" / lang / file


def current(folder: Path, lang: str, ui_dir: Path = UI_DIR) -> dict[str, Any]:
    """The translation files of a language as they are now (a file not yet written is empty)."""
    found: dict[str, Any] = {}
    for file in {t.file for t in texts(folder, lang, ui_dir)}:
        path = _translation_file(folder, lang, file, ui_dir)
        data = _load(path) if path.is_file() else {}
        found[file] = (data or {}).get(lang, {}) if file == UI else (data or {})
    return found


# ---- export ---------------------------------------------------------------------------------


def export(folder: Path, lang: str, ui_dir: Path = UI_DIR) -> str:
    """A PO file of every text in ``lang``: English, translation so far, where it lives."""
    _known(lang)
    version = (_load(folder / "meta.yaml") or {}).get("content_version")
    catalog = Catalog(locale=i18n.locale(lang), project="Explainer of treatment for breast cancer that has spread",
                      version=version, fuzzy=False, msgid_bugs_address="",
                      header_comment=f"# Every text of the explainer in {i18n.LANGUAGES[lang]} ({lang}), for translators.\n"
                      "# msgid: the English; msgstr: the translation; msgctxt: the file and place of the text.\n"
                      "# Keep every number and {placeholder}; add no markup. Import with:\n"
                      "#   python -m knowledge translation import FILE.po\n")
    have = current(folder, lang, ui_dir)
    prints = _fingerprints(folder)
    for text in texts(folder, lang, ui_dir):
        done = _get(have.get(text.file), text.path)
        comments = [f"English file fingerprint: {prints[text.file]}"] if text.file in prints else []
        catalog.add(text.english, string=done if isinstance(done, str) else "", context=text.context,
                    auto_comments=comments)
    out = io.BytesIO()
    write_po(out, catalog, width=0, sort_output=False, omit_header=False)
    return out.getvalue().decode("utf-8")


def _fingerprints(folder: Path) -> dict[str, str]:
    return {name: i18n.fingerprint(_load(folder / name)) for name in content_files(folder)}


def _known(lang: str) -> None:
    if lang not in i18n.LANGUAGES or lang == "en":
        raise ValueError(f"'{lang}' is not a translated language; use one of: "
                         f"{', '.join(c for c in i18n.LANGUAGES if c != 'en')}")


# ---- import ---------------------------------------------------------------------------------


def language_of(catalog: Catalog) -> str | None:
    found = str(catalog.locale) if catalog.locale else ""
    return next((code for code in i18n.LANGUAGES if str(i18n.locale(code)) == found), None)


def import_po(po_file: Path, folder: Path, ui_dir: Path = UI_DIR) -> tuple[str | None, list[Problem]]:
    """Check a PO file against the English as it is now; write the language's files only if all is well."""
    name = po_file.as_posix()
    with open(po_file, "rb") as fh:
        try:
            catalog = read_po(fh, abort_invalid=True)
        except Exception as exc:  # Babel names the line in its message
            return None, [Problem(name, getattr(exc, "lineno", 1) or 1, "", f"not a readable PO file: {exc}")]
    lang = language_of(catalog)
    if lang is None or lang == "en":
        return None, [Problem(name, 1, "Language", f"the header's language '{catalog.locale}' is not a translated "
                              f"language; use one of: {', '.join(str(i18n.locale(c)) for c in i18n.LANGUAGES if c != 'en')}")]
    wanted = {t.context: t for t in texts(folder, lang, ui_dir)}
    problems: list[Problem] = []
    found: dict[str, dict] = {}
    for message in catalog:
        if not message.id:
            continue  # the header
        where = message.context or ""
        line = getattr(message, "lineno", None) or 1
        text = wanted.get(where)
        if text is None:
            problems.append(Problem(name, line, where, "is not a text of the English (misspelt context?)"))
            continue
        if message.id != text.english:
            problems.append(Problem(name, line, where, "the English has changed since this file was exported; "
                                    f"translate the English as it is now: {text.english!r}"))
            continue
        value = message.string if isinstance(message.string, str) else ""
        if not value.strip() or message.fuzzy:
            problems.append(Problem(name, line, where, "has no translation" if not value.strip()
                                    else "is marked fuzzy; check it and clear the fuzzy mark"))
            continue
        problems += [Problem(name, line, where, m) for m in text_problems(text.english, value, lang)]
        found.setdefault(text.file, {})[text.path] = value
    for context, text in wanted.items():
        if text.path not in found.get(text.file, {}) and not any(p.field == context for p in problems):
            problems.append(Problem(name, 1, context, "is missing from the file; export again to get every text"))
    if problems:
        return lang, problems
    _write(folder, lang, ui_dir, found)
    return lang, []


def text_problems(english: str, translated: str, lang: str) -> list[str]:
    """What a translated text must keep of its English: numbers, placeholders, and no new markup."""
    out = []
    if _numbers(english, "en") != _numbers(translated, lang):
        out.append(f"the numbers differ from the English ({', '.join(_numbers(english, 'en')) or 'none'}); "
                   "keep every number")
    if set(_PLACEHOLDER.findall(english)) != set(_PLACEHOLDER.findall(translated)):
        out.append(f"the {{placeholders}} differ from the English ({', '.join(_PLACEHOLDER.findall(english)) or 'none'})")
    if i18n.adds_markup(english, translated):
        out.append("carries markup the English does not have (HTML, **bold**, links or web addresses); write plain words")
    return out


def _numbers(text: str, lang: str):
    return i18n.numbers(_PLACEHOLDER.sub("", text), lang)


def _nest(entries: dict[tuple[str | int, ...], str]) -> Any:
    """Nested mappings from paths; a mapping keyed 0..n-1 becomes a list (a list of sentences)."""
    root: dict = {}
    for path, value in entries.items():
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return _lists(root)


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    node = {k: _lists(v) for k, v in node.items()}
    if node and all(isinstance(k, int) for k in node) and sorted(node) == list(range(len(node))):
        return [node[i] for i in range(len(node))]
    return node


def _dump(data: Any, header: str) -> str:
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100, default_flow_style=False)


def _write(folder: Path, lang: str, ui_dir: Path, found: dict[str, dict]) -> None:
    prints = _fingerprints(folder)
    for file, entries in found.items():
        data = _nest(entries)
        path = _translation_file(folder, lang, file, ui_dir)
        path.parent.mkdir(parents=True, exist_ok=True)
        if file == UI:
            text = _dump({lang: data}, f"# The app's own words in {i18n.LANGUAGES[lang]}: written by "
                         "`python -m knowledge translation import`.\n")
        elif file == DRUGS:
            text = _dump(data, f"# How each generic drug name is written in {i18n.LANGUAGES[lang]}.\n")
        else:
            text = _dump(data, f'{i18n.FINGERPRINT_KEY}: "{prints[file]}"\n')
        path.write_text(text, encoding="utf-8")


# ---- checks beyond the content files: the app's words and the preferred terms ------------------


def check(folder: Path, lang: str, ui_dir: Path = UI_DIR) -> list[Problem]:
    """The app's words of a language against the English, and every text against its preferred terms."""
    if lang == "en":
        return []
    problems = _check_ui(lang, ui_dir)
    problems += _check_terms(folder, lang, ui_dir)
    return problems


def _read(path: Path) -> tuple[Any, dict, list[Problem]]:
    try:
        data, lines = read_yaml(path)
        return data, lines, []
    except YamlReadError as exc:
        return None, {}, [Problem(_name(path), p.line, "", p.message) for p in exc.problems]
    except OSError as exc:
        return None, {}, [Problem(_name(path), 1, "", f"cannot read the file: {exc.strerror}")]


def _name(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _line(lines: dict, path: tuple) -> int:
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)


def _check_ui(lang: str, ui_dir: Path) -> list[Problem]:
    file = ui_dir / f"text_{lang}.yaml"
    data, lines, problems = _read(file)
    if problems:
        return problems
    name = _name(file)
    if not isinstance(data, dict) or list(data) != [lang]:
        return [Problem(name, 1, "", f"expected one top-level key, '{lang}'")]
    english = _load(ui_dir / "text_en.yaml")["en"]
    wanted = dict(ui_texts(english, lang))
    mine = data[lang]
    for path, text in wanted.items():
        value = _get(mine, path)
        where = ".".join(map(str, path))
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(name, _line(lines, (lang, *path)), where, "has no translation"))
            continue
        problems += [Problem(name, _line(lines, (lang, *path)), where, m) for m in text_problems(text, value, lang)]
    for path in i18n.translated_paths(mine):
        if path not in wanted:
            problems.append(Problem(name, _line(lines, (lang, *path)), ".".join(map(str, path)),
                                    "is not a text of the English (text_en.yaml)"))
    return problems


def _check_terms(folder: Path, lang: str, ui_dir: Path) -> list[Problem]:
    """No text of the language uses a word its preferred-terms list says to avoid."""
    file = folder / "lang" / lang / TERMS
    if not file.is_file():
        return [Problem(_name(file), 1, "", "every translation keeps a list of its preferred patient words "
                        "(terms: [{use, means, avoid}]); see docs/translating.md")]
    data, _, problems = _read(file)
    if problems:
        return problems
    terms = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(terms, list) or not all(isinstance(t, dict) and isinstance(t.get("use"), str)
                                              and isinstance(t.get("avoid"), list) for t in terms):
        return [Problem(_name(file), 1, "terms", "expected terms: a list of {use, means, avoid: [...]}")]
    avoid = {word.lower(): term["use"] for term in terms for word in term["avoid"] if isinstance(word, str) and word}
    if not avoid:
        return []
    pattern = re.compile(r"(?<![^\W\u3400-\u9fff])(?:" + "|".join(re.escape(w) for w in sorted(avoid, key=len, reverse=True))
                         + r")(?![^\W\u3400-\u9fff])", re.IGNORECASE)
    for path in sorted({_translation_file(folder, lang, t.file, ui_dir) for t in texts(folder, lang, ui_dir)}):
        if not path.is_file():
            continue
        data, lines, bad = _read(path)
        problems += bad
        top = (lang,) if path.name == f"text_{lang}.yaml" else ()  # the app's words sit under their language
        data = _get(data, top)
        for where in i18n.translated_paths(data):
            value = _get(data, where)
            if not isinstance(value, str):
                continue
            for match in pattern.finditer(value):
                problems.append(Problem(_name(path), _line(lines, top + where), ".".join(map(str, where)),
                                        f"'{match.group(0)}': write '{avoid[match.group(0).lower()]}', the word this "
                                        f"language's texts use ({TERMS})"))
    return problems

