"""An example pathology report drawn as inline SVG, with the results people look for marked.

Made for this app: no real patient, no real report. Every text comes from the interface words
(components/text_<lang>.yaml) and is escaped, so nothing from a link can reach the page.
"""

from __future__ import annotations

from html import escape

from .text import t

MARK, PAPER, INK, RULE = "#c2185b", "#ffffff", "#1f2933", "#cbd2d9"
WIDTH, LINE_HEIGHT, TOP = 360, 24, 58


def svg(lang: str | None = None) -> str:
    """The picture; its accessible name reads out every marked result with its number."""
    words = t("report_picture", lang)
    rows = [("", words["diagnosis"])] + list(enumerate(words["results"], 1))
    height = TOP + LINE_HEIGHT * len(rows) + 16
    parts = [f'<rect x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" rx="6" fill="{PAPER}" stroke="{RULE}"/>',
             f'<text x="16" y="26" font-size="13" font-weight="700" fill="{INK}">{escape(words["title"])}</text>',
             f'<text x="16" y="44" font-size="11" fill="#52606d">{escape(words["subtitle"])}</text>']
    for i, (number, text) in enumerate(rows):
        y = TOP + i * LINE_HEIGHT
        if number:
            parts.append(f'<rect x="40" y="{y}" width="{WIDTH - 52}" height="{LINE_HEIGHT - 4}" rx="4" fill="#fde7f0" '
                         f'stroke="{MARK}" stroke-width="1.5"/>')
            parts.append(f'<circle cx="22" cy="{y + 10}" r="10" fill="{MARK}"/>'
                         f'<text x="22" y="{y + 14}" font-size="12" font-weight="700" fill="#fff" '
                         f'text-anchor="middle">{escape(str(number))}</text>')
        parts.append(f'<text x="48" y="{y + 15}" font-size="12" fill="{INK}">{escape(text)}</text>')
    label = words["label"] + " " + " ".join(f"{n}: {text}." for n, text in rows if n)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
            f'aria-label="{escape(label)}" style="width:100%;height:auto;display:block;font-family:sans-serif">'
            f'{"".join(parts)}</svg>')
