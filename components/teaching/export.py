"""The subtype table as files: CSV in two forms that the teaching page and ``python -m knowledge matrix --csv``
share byte for byte, and a spreadsheet (.xlsx) with the same rows as the readable CSV:

- readable: the filters, content version and date in the first rows, then one row per subtype with its
  teaching name and exact answers, and each cell in words ("only if: PIK3CA, AKT1, PTEN"), in the
  rule set's language;
- codes (``--codes``, :func:`knowledge.teaching.matrix_csv`): the machine contract, cells ``applies``,
  ``conditional:<inputs>`` or empty.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from knowledge import KnowledgeBase
from knowledge.schema import OPTION_CLASSES

from ..shared.text import t
from . import common


def filter_words(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str, lang: str) -> list[tuple[str, str]]:
    """The table's filters as (answer, value in words), in the rule set's language."""
    places = ", ".join(common.value_label(kb, "site", s) for s in sites) or t("teaching.any_site", lang)
    meno = "—" if sex == "male" else common.value_label(kb, "menopause", menopause)
    return [(kb.inputs["site"].label, places), (kb.inputs["menopause"].label, meno),
            (kb.inputs["sex"].label, common.value_label(kb, "sex", sex))]


def readable_rows(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                  lang: str, today: dt.date | None = None) -> list[list[str]]:
    """The title, content version, date and filters (label, value), a blank row, the header, one row per subtype."""
    return [
        [t("teaching.export.title", lang)],
        [t("teaching.export.version", lang), kb.version],
        [t("teaching.export.date", lang), (today or dt.date.today()).isoformat()],
        *(list(f) for f in filter_words(kb, sites, menopause, sex, lang)),
        [],
        [t("teaching.matrix.row_header", lang), kb.inputs["hr"].label, kb.inputs["her2"].label,
         *(common.class_name(c, lang) for c in OPTION_CLASSES)],
        *([common.subtype_name(row["hr"], row["her2"], lang),
           common.value_label(kb, "hr", row["hr"]), common.value_label(kb, "her2", row["her2"]),
           *(common.cell_words(row[c], lang, "teaching.export.cell") for c in OPTION_CLASSES)] for row in rows),
    ]


def readable_csv(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                 lang: str, today: dt.date | None = None) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(readable_rows(kb, rows, sites, menopause, sex, lang, today))
    return out.getvalue()


# Cell fills in the spreadsheet, as on the page (applies, conditional, not used).
FILLS = {"applies": "D7F0DD", "conditional": "FFF0BF", "": "EEEEEE"}


def readable_xlsx(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str,
                  lang: str) -> bytes:
    """The readable CSV's rows as a spreadsheet: header row and subtype column frozen, cells coloured
    as on the page (the words carry the meaning)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = t("teaching.export.sheet", lang)
    lines = readable_rows(kb, rows, sites, menopause, sex, lang)
    for line in lines:
        sheet.append(line)
    header = len(lines) - len(rows)  # 1-based row of the header
    for cell in sheet[header]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, header + 1):
        sheet.cell(r, 1).font = Font(bold=True)
        for c, option_class in enumerate(OPTION_CLASSES, 4):
            colour = FILLS[common.cell_kind(row[option_class])]
            sheet.cell(r, c).fill = PatternFill("solid", start_color=colour, end_color=colour)
            sheet.cell(r, c).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = sheet.cell(header + 1, 2)
    sheet.column_dimensions["A"].width = 30
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(kb: KnowledgeBase, sites: list[str], menopause: str, sex: str, codes: bool = False,
              suffix: str = "csv") -> str:
    """``subtype-matrix-2026.11.3-bone-brain-post-female.csv``: the version and the filters in the name."""
    meno = "" if sex == "male" else f"-{menopause}"
    return f"subtype-matrix-{kb.version}-{'-'.join(sites) or 'any-site'}{meno}-{sex}{'-codes' if codes else ''}.{suffix}"
