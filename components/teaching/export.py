"""The subtype table as CSV, in two forms that the teaching page and ``python -m knowledge matrix --csv``
share byte for byte:

- readable: the filters, content version and date in the first rows, then one row per subtype with its
  teaching name and exact answers, and each cell in words ("only if: PIK3CA, AKT1, PTEN"), in the
  rule set's language;
- codes (``--codes``): the machine contract, cells ``applies``, ``conditional:<inputs>`` or empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from knowledge import KnowledgeBase
from knowledge.schema import OPTION_CLASSES

from ..text import t
from . import common


def codes_csv(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def filter_words(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str, lang: str) -> list[tuple[str, str]]:
    """The table's filters as (answer, value in words), in the rule set's language."""
    places = ", ".join(common.value_label(kb, "site", s) for s in sites) or t("teaching.any_site", lang)
    meno = "—" if sex == "male" else common.value_label(kb, "menopause", menopause)
    return [(kb.inputs["site"].label, places), (kb.inputs["menopause"].label, meno),
            (kb.inputs["sex"].label, common.value_label(kb, "sex", sex))]


def readable_csv(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                 lang: str, today: dt.date | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([t("teaching.export.title", lang)])
    writer.writerow([t("teaching.export.version", lang), kb.version])
    writer.writerow([t("teaching.export.date", lang), (today or dt.date.today()).isoformat()])
    writer.writerows(filter_words(kb, sites, menopause, sex, lang))
    writer.writerow([])
    writer.writerow([t("teaching.matrix.row_header", lang), kb.inputs["hr"].label, kb.inputs["her2"].label,
                     *(common.class_name(c, lang) for c in OPTION_CLASSES)])
    for row in rows:
        writer.writerow([common.subtype_name(row["hr"], row["her2"], lang),
                         common.value_label(kb, "hr", row["hr"]), common.value_label(kb, "her2", row["her2"]),
                         *(common.cell_words(row[c], lang, "teaching.export.cell") for c in OPTION_CLASSES)])
    return out.getvalue()


def file_name(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str, codes: bool = False) -> str:
    """``subtype-matrix-2026.11.3-bone-brain-post-female.csv``: the version and the filters in the name."""
    meno = "" if sex == "male" else f"-{menopause}"
    return f"subtype-matrix-{kb.version}-{'-'.join(sites) or 'any-site'}{meno}-{sex}{'-codes' if codes else ''}.csv"
