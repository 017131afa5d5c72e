"""Words from the glossary explained where they appear: a tap (or Enter) on the word opens its
definition, and a tap anywhere or Escape closes it.

It uses the browser's own popover (the HTML ``popover`` attribute): no script, nothing loaded,
so it keeps to the content security policy and works the same in kiosk mode. Every text is
escaped before the words are marked, so only this module's fixed markup reaches the page.
"""

from __future__ import annotations

import re
from html import escape

from knowledge import KnowledgeBase

from .text import t

MAX_TERMS = 4  # per text: more marks than this make a sentence harder, not easier
# A letter that joins a word: any word character but Chinese characters, which are written
# without spaces, so a term in Chinese is found inside a sentence ("HER2" still not in "HER2CA").
_LETTER = r"[^\W\u3400-\u9fff\uf900-\ufaff]"


def _finder(kb: KnowledgeBase) -> tuple[re.Pattern[str], dict[str, object]]:
    """One pattern for every name a glossary entry goes by (longest first, so "HER2-low" wins
    over "HER2"), built once per rule set and kept with it."""
    found = kb.cache.get("glossary_finder")
    if found is None:
        names = {escape(name).lower(): term for term in kb.glossary for name in (term.term, *term.also)}
        alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        found = kb.cache["glossary_finder"] = (re.compile(rf"(?<!{_LETTER}|-)(?:{alternation})(?!{_LETTER}|-)",
                                                          re.IGNORECASE), names)
    return found


def marked(text: str, kb: KnowledgeBase, id_prefix: str) -> str:
    """The text as HTML with the first mention of each glossary word made a button that opens its
    definition. Content texts do not change while the app runs, so each result is kept with the
    rule set and later reruns reuse it."""
    memo = kb.cache.setdefault("glossary_marked", {})
    key = (text, id_prefix)
    if key not in memo:
        memo[key] = _mark(text, kb, id_prefix)
    return memo[key]


def _mark(text: str, kb: KnowledgeBase, id_prefix: str) -> str:
    pattern, names = _finder(kb)
    html, out, last, seen = escape(text), [], 0, set()
    for match in pattern.finditer(html):
        term = names[match.group(0).lower()]
        if len(seen) >= MAX_TERMS or term.term.lower() in seen:
            continue
        seen.add(term.term.lower())
        out += [html[last:match.start()], _box(term, match.group(0), f"{id_prefix}-{len(seen) - 1}")]
        last = match.end()
    return "".join(out) + html[last:]


def _box(term, shown: str, box_id: str) -> str:
    say = f" {escape(t('glossary.say_it', pronunciation=term.pronunciation))}." if term.pronunciation else ""
    return (f'<button type="button" class="term" popovertarget="{box_id}">{shown}</button>'
            f'<span id="{box_id}" popover class="term-box"><strong>{escape(term.term)}</strong>: '
            f'{escape(term.definition)}{say}</span>')
