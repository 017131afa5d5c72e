"""The one-page take-home summary as a self-contained, print-ready HTML document.

Every piece of text is escaped; the page loads nothing from anywhere (no fonts, no images
from a server), so it prints the same on any machine and offline.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Mapping

from knowledge import Explanation, KnowledgeBase, tier_headings, waiting_on
from knowledge.approvals import checked_sentence, date_words

from .grouping import GROUPS, group
from .summary import answer_words, place_words
from .text import t as text

CSS = """
@page { size: A4; margin: 9mm; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 10.5pt;
       line-height: 1.3; color: #111; max-width: 48rem; margin: 1rem auto; padding: 0 1rem; }
@media print { body { margin: 0; padding: 0; font-size: 9.5pt; line-height: 1.15; } }  /* Spanish runs longer */
h1 { font-size: 15pt; margin: 0 0 .3rem; } h2 { font-size: 11.5pt; margin: .45rem 0 .1rem; }
h3 { font-size: 10pt; margin: .3rem 0 0; }
p { margin: .1rem 0; } ul, ol { margin: .1rem 0; padding-left: 1.2rem; } li { margin: 0; }
.note { border: 1px solid #1d4f91; padding: .3rem .5rem; border-radius: 6px; }
.urgent { border-left: 5px solid #b00020; padding-left: 1.4rem; }
.tiers { display: grid; grid-template-columns: 1fr 1fr; gap: .8rem; align-items: start; }
.two { display: grid; grid-template-columns: 1fr 34mm; gap: 1rem; align-items: start; }
.share svg { width: 32mm; height: 32mm; }
.url { font-family: monospace; font-size: 7.5pt; word-break: break-all; }
small { color: #333; }
"""


def build(kb: KnowledgeBase, explanation: Explanation, answers: Mapping[str, Any], link: str, qr_svg: str) -> str:
    """The whole HTML document (no name or other identity on it)."""
    e = escape
    lang = kb.lang

    def t(key: str, **values: object):  # the printout speaks the rule set's language
        return text(key, lang, **values)

    places = place_words(kb, answers)
    groups = group(explanation)
    option_groups = []
    for name in GROUPS:
        if not groups[name]:
            continue
        items = [e(r.option.name) for r in groups[name]]
        if name == "conditional":
            items = [f"{e(r.option.name)} ({e(t('results.only_if', tests=_only_if(r, kb, explanation)))})"
                     for r in groups[name]]
        option_groups.append(f"<h3>{e(t(f'results.group_{name}'))}</h3><p>{'; '.join(items)}.</p>")
    headings = tier_headings(kb)
    urgent = "".join(f"<div><h3>{e(headings[tier])}</h3><ul class=\"urgent\">{''.join(f'<li>{e(s)}</li>' for s in lines)}</ul></div>"
                     for tier, lines in explanation.urgent_signs() if lines)
    entered = answer_words(kb, answers) + [t("results.summary_places", places=", ".join(places)) if places
                                           else t("results.summary_places_none")]
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(t("takehome.print_title"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS}</style></head>
<body>
<h1>{e(t("takehome.print_title"))}</h1>
<p class="note">{e(explanation.disclaimer)}</p>
<h2>{e(t("takehome.print_entered"))}</h2>
<p>{"; ".join(e(w.rstrip(".")) for w in entered)}.</p>
<h2>{e(t("takehome.print_options"))}</h2>
{"".join(option_groups)}
<div class="tiers">{urgent}</div>
<div class="two"><div>
<h2>{e(t("takehome.print_questions"))}</h2>
<ol>{"".join(f"<li>{e(q)}</li>" for q in explanation.questions)}</ol>
<p><small>{e(kb.meta.baseline)} {e(checked_sentence(kb))} {e(t("takehome.print_footer", date=date_words(kb, dt.date.today())))}</small></p></div>
<div class="share"><h2>{e(t("takehome.print_link"))}</h2>{qr_svg}<p class="url">{e(link)}</p></div></div>
</body></html>
"""


def _only_if(result, kb: KnowledgeBase, explanation: Explanation) -> str:
    return "; ".join(waiting_on(result, kb, explanation.profile))
