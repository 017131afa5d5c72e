"""Translations of the rule set: text only, laid over the English files.

English files hold the structure (gates, cases, sources, dates) and the English text.
A translation lives under ``content/lang/<code>/`` with the same file names and only the
text fields (:data:`TEXT_KEYS`). In a translation, a list of items that have an ``id``
(or, in the glossary, a ``term``) becomes a mapping keyed by that id, so order never
matters; a list of sentences stays a list of the same length.

Checks, each reported as ``file:line: field: message`` in the translation file:
every English text has a translation, nothing is translated that the English lacks,
every number in a text is kept (a translation must never change "38°C" or "every 3 weeks"),
and the translation was made from the English as it is now: each translation file starts
with ``translated_from: <fingerprint>``, a short hash of the English file's texts. When
someone edits the English, the fingerprint no longer matches and the translation refuses
to load until a translator has checked it and copied the new fingerprint from the message.
"""

from __future__ import annotations

import functools
import hashlib
import re
import threading
from collections import Counter
from typing import Any, Callable, Iterable, Iterator, TypeVar

import icu
from babel import Locale
from babel.dates import get_month_names

T = TypeVar("T")

# Field names whose values are patient- or teacher-facing text.
TEXT_KEYS = frozenset({
    # options
    "name", "summary", "why", "what_it_is", "how_it_works", "how_given", "may_help", "may_cause",
    "report_right_away", "typical_use", "questions", "research", "europe",
    # sites
    "what_it_means", "symptoms", "local_treatments", "emergency", "today",
    # inputs
    "label", "question", "help",
    # questions
    "text",
    # glossary
    "term", "definition", "pronunciation", "say", "also",
    # meta
    "disclaimer", "baseline",
    # meta: everyday lines that are not warning signs (the check of understanding)
    "everyday_lines",
    # meta: headings of the warning-sign tiers and the sentences that state a drug's US status
    "approved_on", "pending_expected", "pending_passed", "pending_open", "checked",
    # options: when to ask the care team; the drug registry: what an approval covers
    "reason", "indication",
    # inputs: where a result is on a report; meta: what is different for men
    "on_report", "says", "men_note",
    # support.yaml: what treatment aims to do, supportive care, what each helpline offers, the carer's card
    "aims", "care", "what", "help_at_visit", "look_after_yourself",
    # vignettes, and the prompts of each stage of an unfolding case
    "title", "story", "discussion", "notice", "interpret", "respond", "reflect",
    # the engine's connecting words (meta.yaml, words:)
    "word_or", "word_none", "rule_always", "rule_all_of", "rule_any_of", "rule_none_of", "rule_any_one",
    "short",
    # what an option rests on, when it is not one approval
    "basis",
    # options: what it is in a few words; safety.yaml: the sentence as a man reads it
    "plain", "men",
    # vocabulary.yaml: the subtype table's words
    "version", "made_on", "row_header", "any_site", "not_sure", "used", "only_if", "not_used",
})
ITEM_KEYS = ("id", "term")
# Each language in its own words, in the order the language switch offers them.
LANGUAGES = {"en": "English", "es": "Español", "zh-Hans": "中文", "vi": "Tiếng Việt"}
# The CLDR locale behind each language, for dates in words, plural forms and alphabetical order
# (Babel and ICU): the app speaks to people in US clinics, so US English and US Spanish.
_LOCALES = {"en": "en_US", "es": "es_US", "zh-Hans": "zh_Hans_CN", "vi": "vi_VN"}


def locale(lang: str) -> Locale:
    """The CLDR locale of a language code of the rule set (``zh-Hans`` -> ``zh_Hans_CN``)."""
    return Locale.parse(_LOCALES.get(lang, lang), sep="_" if lang in _LOCALES else "-")


def direction(lang: str) -> str:
    """``rtl`` for a language written right to left (Arabic, Hebrew...), else ``ltr`` (from CLDR)."""
    return "rtl" if locale(lang).character_order == "right-to-left" else "ltr"


_ICU_LOCK = threading.Lock()  # ICU's collator and index are shared by every session's thread


@functools.cache
def _collation(lang: str) -> tuple[Any, Any]:
    where = icu.Locale(str(locale(lang)))
    return icu.Collator.createInstance(where), icu.AlphabeticIndex(where).buildImmutableIndex()


def alphabetical(lang: str, items: Iterable[T], word: Callable[[T], str]) -> list[tuple[str, list[T]]]:
    """Items in the language's alphabetical order, grouped under the letters of its index (CLDR
    collation, by ICU): Spanish files "ñ" under Ñ after N, Vietnamese "đau" under Đ after D, and
    Chinese terms under the Latin letter of their pinyin, as dictionaries in each language do."""
    with _ICU_LOCK:
        collator, index = _collation(lang)
        keyed = sorted(((index.getBucketIndex(word(item)), collator.getSortKey(word(item)), n, item)
                        for n, item in enumerate(items)), key=lambda k: k[:3])
        labels = {b: index.getBucket(b)[0] for b in {k[0] for k in keyed}}
    groups: dict[int, list[T]] = {}
    for bucket, _, _, item in keyed:
        groups.setdefault(bucket, []).append(item)
    return [(labels[b], members) for b, members in groups.items()]


PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")  # CLDR's plural categories, in order


def is_plural(node: Any) -> bool:
    """A text with one form per CLDR plural category (``{one: ..., other: ...}``), chosen by a count."""
    return isinstance(node, dict) and "other" in node and set(node) <= set(PLURAL_FORMS)


def plural(lang: str, n: float) -> str:
    """The CLDR plural category of ``n`` in a language: ``one``, ``few``, ``many``, ``other``..."""
    return locale(lang).plural_form(n)

Path_ = tuple[str | int, ...]
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# Markup a translation may not bring in: HTML, **bold**, links and web addresses (the English decides).
MARKUP = re.compile(r"\*\*|<\s*/?\s*[a-zA-Z!?][^>]*>|\[[^\]]*\]\(|(?i:\b(?:https?|ftp|javascript|data|mailto):|\bwww\.)")


def adds_markup(english: str, translated: str) -> bool:
    return len(MARKUP.findall(translated)) > len(MARKUP.findall(english))


def _place(item: Any, index: int) -> str | int:
    """Where an item of a list sits in a translation: by its id when it has one, else by position."""
    found = _item_key(item)
    return index if found is None else found


def _item_key(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in ITEM_KEYS:
            if isinstance(item.get(key), str):
                return item[key]
    return None


def text_paths(english: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every translatable text in an English file, as (path in the translation's shape, text)."""
    if isinstance(english, dict):
        for key, value in english.items():
            if key in TEXT_KEYS and isinstance(value, str):
                yield path + (key,), value
            elif key in TEXT_KEYS and isinstance(value, list):
                # a list of sentences; an item may be a mapping (a line for one sex: {text, for})
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        yield path + (key, i), item
                    else:
                        yield from text_paths(item, path + (key, _place(item, i)))
            elif isinstance(value, (dict, list)):
                yield from text_paths(value, path + (key,))
    elif isinstance(english, list):
        for i, item in enumerate(english):
            if isinstance(item, dict):  # by id; items without one (ask_team) keep their place
                yield from text_paths(item, path + (_place(item, i),))


def get(data: Any, path: Path_) -> Any:
    for part in path:
        if isinstance(data, dict) and part in data:
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            raise KeyError(part)
    return data


def translated_paths(translation: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Every leaf text in a translation file."""
    if isinstance(translation, dict):
        for key, value in translation.items():
            yield from translated_paths(value, path + (key,))
    elif isinstance(translation, list):
        for i, value in enumerate(translation):
            yield from translated_paths(value, path + (i,))
    else:
        yield path


FINGERPRINT_KEY = "translated_from"


def fingerprint(english: Any) -> str:
    """A short hash of every translatable text in an English file (its paths and words)."""
    digest = hashlib.sha256()
    for path, text in sorted(text_paths(english), key=lambda item: repr(item[0])):
        digest.update(repr(path).encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()[:12]


_HAN = re.compile(r"[\u3400-\u9fff]")
_JOINS = r"[^\W\u3400-\u9fff]"  # a letter that joins a word; Chinese characters stand alone
_YEAR = re.compile(r"\d{4}")


def numbers(text: str, lang: str) -> Counter:
    """The numbers a text states, a month named in words beside a year counted as its number
    ("7 April 2021" and "2021年4月7日" state the same three), so a date may be written as the
    language writes it."""
    for number, name in _month_names(lang):
        pattern = re.compile(rf"(?<!{_JOINS}){re.escape(name)}(?!{_JOINS})", re.IGNORECASE)
        text = pattern.sub(lambda m: f" {number} " if _YEAR.search(m.string[max(0, m.start() - 6):m.start()])
                           or _YEAR.search(m.string[m.end():m.end() + 12]) else m.group(0), text)
    return Counter(n.replace(",", ".") for n in NUMBER.findall(text))


@functools.cache
def _month_names(lang: str) -> tuple[tuple[int, str], ...]:
    """Month names in full, longest first ("十一月" before "一月")."""
    found: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for number, name in get_month_names("wide", context, locale(lang)).items():
            if not any(c.isdigit() for c in name):
                found.setdefault(name, number)
    return tuple(sorted(((n, name) for name, n in found.items()), key=lambda item: -len(item[1])))


def check(english: Any, translation: Any, lang: str = "en") -> list[tuple[Path_, str]]:
    """Problems as (path in the translation, message)."""
    problems: list[tuple[Path_, str]] = []
    if not isinstance(translation, dict):
        return [((), "a translation file must be a mapping")]
    current = fingerprint(english)
    if translation.get(FINGERPRINT_KEY) != current:
        problems.append(((FINGERPRINT_KEY,), f"the English file has changed since this translation was made (or the "
                         f"fingerprint is missing); check every text against the English, then set "
                         f"{FINGERPRINT_KEY}: \"{current}\""))
    translation = {k: v for k, v in translation.items() if k != FINGERPRINT_KEY}
    wanted = dict(text_paths(english))
    for path, text in wanted.items():
        try:
            value = get(translation, path)
        except KeyError:
            problems.append((path, "has no translation"))
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append((path, "must be translated text"))
        elif numbers(text, "en") != numbers(value, lang):
            problems.append((path, f"the numbers differ from the English ({', '.join(NUMBER.findall(text)) or 'none'}); "
                                   "a translation must keep every number"))
        elif adds_markup(text, value):
            problems.append((path, "carries markup the English does not have (HTML, **bold**, links or web "
                                   "addresses); write plain words"))
    for path in translated_paths(translation):
        if path not in wanted:
            problems.append((path, "is not a text of the English file (misspelt id or key?)"))
    return problems


def overlay(english: Any, translation: Any, path: Path_ = ()) -> Any:
    """The English data with every text replaced by its translation (call after :func:`check`)."""
    if isinstance(english, dict):
        out = {}
        for key, value in english.items():
            if key in TEXT_KEYS and isinstance(value, str):
                out[key] = get(translation, path + (key,))
            elif key in TEXT_KEYS and isinstance(value, list):
                out[key] = [get(translation, path + (key, i)) if isinstance(item, str)
                            else overlay(item, translation, path + (key, _place(item, i))) for i, item in enumerate(value)]
            elif isinstance(value, (dict, list)):
                out[key] = overlay(value, translation, path + (key,))
            else:
                out[key] = value
        return out
    if isinstance(english, list):
        return [overlay(item, translation, path + (_place(item, i),)) if isinstance(item, dict) else item
                for i, item in enumerate(english)]
    return english
