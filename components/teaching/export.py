"""The subtype table as files for the teaching page: the spreadsheet (.xlsx) and the file names.

The CSVs are the rule set's own (:mod:`knowledge.teaching`), so the page and ``python -m knowledge
matrix --csv`` give the same bytes:

- readable (:func:`knowledge.teaching.readable_csv`): the filters, content version and date in the
  first rows, then one row per subtype with its teaching name and exact answers, and each cell in
  words ("only if: PIK3CA, AKT1, PTEN"), in the rule set's language;
- codes (``--codes``, :func:`knowledge.teaching.matrix_csv`): the machine contract, cells ``applies``,
  ``conditional:<inputs>`` or empty.
"""

from __future__ import annotations

import io

from knowledge import KnowledgeBase
from knowledge.teaching import readable_rows

from ..shared.text import t
from . import common


# Cell fills in the spreadsheet, as on the page (applies, conditional, not used).
FILLS = {"applies": "D7F0DD", "conditional": "FFF0BF", "": "EEEEEE"}


def readable_xlsx(kb: KnowledgeBase, rows: list[dict[str, str]], sites: list[str], menopause: str, sex: str) -> bytes:
    """The readable CSV's rows as a spreadsheet: header row and subtype column frozen, cells coloured
    as on the page (the words carry the meaning)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = t("teaching.export.sheet", kb.lang)
    lines = readable_rows(kb, rows, sites, menopause, sex)
    for line in lines:
        sheet.append(line)
    header = len(lines) - len(rows)  # 1-based row of the header
    for cell in sheet[header]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, header + 1):
        sheet.cell(r, 1).font = Font(bold=True)
        for c, option_class in enumerate(kb.kinds, 4):
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
