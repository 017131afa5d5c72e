"""Readability of every patient text, in every language, measured the same way for all four.

English and Spanish have grade formulas (Flesch-Kincaid; Fernández Huerta). Chinese and
Vietnamese have no formula that fits patient text, so every language is also measured by what
a reader has to hold at once: sentence length (words; for Chinese, characters, a Latin name
counting as one) and glossary terms per sentence, each beside the English. The texts are the
same ones the reading-grade tests score (tests/test_readability.py).

    .venv/bin/python benchmarks/readability.py
"""

from __future__ import annotations

import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import load_knowledge  # noqa: E402
from knowledge.i18n import LANGUAGES  # noqa: E402
from tests.test_readability import patient_texts  # noqa: E402

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z0-9][\w/+-]*")
_LETTER = r"[^\W\u3400-\u9fff]"


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def length(sentence: str, lang: str) -> int:
    """Words in a sentence; in Chinese, characters, a Latin name or number counting as one."""
    if lang == "zh-Hans":
        return len(_HAN.findall(sentence)) + len(_LATIN_WORD.findall(sentence))
    return len(sentence.split())


def term_finder(kb) -> re.Pattern[str]:
    names = sorted({n.lower() for term in kb.glossary for n in (term.term, *term.also)}, key=len, reverse=True)
    return re.compile(rf"(?<!{_LETTER}|-)(?:{'|'.join(map(re.escape, names))})(?!{_LETTER}|-)", re.IGNORECASE)


def measure(lang: str) -> dict[str, float]:
    kb = load_knowledge(lang=lang)
    finder = term_finder(kb)
    found = [s for _, text in patient_texts(kb) for s in sentences(text)]
    lengths = sorted(length(s, lang) for s in found)
    terms = [len(finder.findall(s)) for s in found]
    return {"texts": sum(1 for _ in patient_texts(kb)), "sentences": len(found),
            "median": statistics.median(lengths), "p90": lengths[int(len(lengths) * 0.9)],
            "terms": statistics.mean(terms), "share3": sum(t >= 3 for t in terms) / len(terms)}


def formula(lang: str) -> str:
    import textstat

    from tests.test_readability import drug_names, prepared

    kb = load_knowledge(lang=lang)
    texts = [text for _, text in patient_texts(kb)]
    if lang == "en":
        return f"FK grade {statistics.median(textstat.flesch_kincaid_grade(prepared(t, drug_names(kb))) for t in texts):.1f}"
    if lang == "es":
        textstat.set_lang("es")
        try:
            return f"Fernández Huerta {statistics.median(textstat.fernandez_huerta(t) for t in texts):.0f}"
        finally:
            textstat.set_lang("en_US")
    return "no formula"


def main() -> None:
    rows = {lang: measure(lang) for lang in LANGUAGES}
    english = rows["en"]
    print(f"{'language':<12} {'texts':>5} {'sentences':>9} {'median length':>14} {'90th pct':>8} "
          f"{'vs English':>10} {'terms/sentence':>14} {'3+ terms':>8}  formula (median)")
    for lang, row in rows.items():
        unit = "chars" if lang == "zh-Hans" else "words"
        print(f"{lang:<12} {row['texts']:>5} {row['sentences']:>9} {row['median']:>8.0f} {unit:<5} {row['p90']:>8} "
              f"{row['median'] / english['median']:>9.2f}x {row['terms']:>14.2f} {row['share3']:>7.1%}  {formula(lang)}")


if __name__ == "__main__":
    main()
