"""Words from the glossary explained where they appear: a tap (or Enter) on the word opens its
definition, and a tap anywhere or Escape closes it.

It uses the browser's own popover (the HTML ``popover`` attribute): no script, nothing loaded,
so it keeps to the content security policy and works the same in kiosk mode. Every text is
escaped before the words are marked, so only this module's fixed markup reaches the page.
"""

from __future__ import annotations

import re
from html import escape
from typing import Iterable

from knowledge import KnowledgeBase

from .text import t

MAX_TERMS = 4  # per text: more marks than this make a sentence harder, not easier


def _terms(kb: KnowledgeBase) -> list[tuple[str, object]]:
    """Every name a glossary entry goes by, longest first, so "HER2-low" wins over "HER2"."""
    names = [(name, term) for term in kb.glossary for name in (term.term, *term.also)]
    return sorted(names, key=lambda pair: -len(pair[0]))


def marked(text: str, kb: KnowledgeBase, id_prefix: str, skip: Iterable[str] = ()) -> str:
    """The text as HTML with the first mention of each glossary word made a button that opens its
    definition. ``skip`` leaves out words already explained nearby (the card's own name, say)."""
    html = escape(text)
    taken: list[tuple[int, int, str]] = []
    seen = {s.lower() for s in skip}
    for name, term in _terms(kb):
        if len(taken) >= MAX_TERMS or term.term.lower() in seen:
            continue
        match = re.search(rf"(?<![\w-]){re.escape(escape(name))}(?![\w-])", html, re.IGNORECASE)
        if not match or any(s < match.end() and match.start() < e for s, e, _ in taken):
            continue
        seen.add(term.term.lower())
        taken.append((match.start(), match.end(), _box(term, match.group(0), f"{id_prefix}-{len(taken)}")))
    for start, end, box in sorted(taken, reverse=True):
        html = html[:start] + box + html[end:]
    return html


def _box(term, shown: str, box_id: str) -> str:
    say = f" {escape(t('glossary.say_it', pronunciation=term.pronunciation))}." if term.pronunciation else ""
    return (f'<button type="button" class="term" popovertarget="{box_id}">{shown}</button>'
            f'<span id="{box_id}" popover class="term-box"><strong>{escape(term.term)}</strong>: '
            f'{escape(term.definition)}{say}</span>')
