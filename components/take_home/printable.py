"""The take-home page: a self-contained, print-ready HTML document for the visit.

One page on A4 and US Letter at the Normal text size with the first few questions (larger
sizes, or more questions, may take two pages, which the page then says). Headed sections: what this means, what was entered (a
"not sure" shown as such), the treatments in short by group with how each is given, the warning
signs under their two tier headings (each sign once), what matters most, the chosen questions
with lines to write on, lines for notes, the QR code and link, the date in words and the
not-medical-advice notice. No name, nothing identifying.

Every piece of text is escaped; the page loads nothing from anywhere (no fonts, no images
from a server), so it prints the same on any machine and offline. Its one script is the
fixed Print button.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any, Mapping

from knowledge import Explanation, KnowledgeBase, missing_results, tier_headings
from knowledge.approvals import date_words

from ..shared.grouping import GROUPS, group
from ..shared.icons import how_given
from ..shared.summary import answer_words, place_words
from ..shared.text import t as text
from .visit import FIRST_TICKED, Visit

# Print size in points for each of the reader's text sizes (components.shared.style.SIZES).
PRINT_PT = {"normal": 12, "large": 14, "largest": 16}
NOTE_LINES = 2

CSS = """
@page { margin: 6mm 8mm; }
body { font-family: Arial, "Liberation Sans", Helvetica, Roboto, "Segoe UI", sans-serif; font-size: %(pt)spt;
       line-height: 1.1; color: #111; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; }
@media print { body { margin: 0; padding: 0; max-width: none; } .no-print { display: none; } }
h1 { font-size: 1.15em; margin: 0; } h2 { font-size: 1.05em; margin: .2em 0 .05em; border-bottom: 1px solid #999; }
h3 { font-size: 1em; margin: .15em 0 0; }
p { margin: .05em 0; } ul, ol { margin: 0; padding-left: 1.3em; } li { margin: 0; }
.note { border-left: 4px solid #1d4f91; padding-left: .45em; margin-top: .2em; }
.signs li { break-inside: avoid; }
.signs ul { border-left: 4px solid #b00020; }
.write li { padding-bottom: .9em; border-bottom: 1px solid #777; margin-bottom: .15em; break-inside: avoid; }
.end { display: grid; grid-template-columns: 1fr auto; gap: 1em; align-items: start; }
.share { padding-top: .5em; }
.line { border-bottom: 1px solid #777; height: 1.5em; }
.share svg { width: 30mm; height: 30mm; }
.url { font-family: monospace; word-break: break-all; }
.no-print { border: 2px solid #1d4f91; border-radius: 8px; padding: .6rem .8rem; margin-bottom: 1rem; }
.no-print button { font: inherit; font-weight: 700; min-height: 48px; min-width: 8rem; padding: .4rem 1.2rem;
                   color: #fff; background: #1d4f91; border: 0; border-radius: 6px; cursor: pointer; }
"""


def build(kb: KnowledgeBase, explanation: Explanation, answers: Mapping[str, Any], link: str | None, qr_svg: str,
          visit: Visit | None = None, size: str = "normal", nonce: str = "") -> str:
    """The whole HTML document (no name or other identity on it).

    ``link`` and ``qr_svg`` are left out when there is no link (a kiosk without a public
    address). ``visit`` holds the chosen questions and what matters (default: the first tailored
    questions); ``size`` is the reader's text size; ``nonce`` is a random marker that makes
    the document, and so its address, impossible to guess from the answers alone.
    """
    e = escape
    lang = kb.lang

    def t(key: str, **values: object):  # the printout speaks the rule set's language
        return text(key, lang, **values)

    visit = visit or Visit(explanation.questions[:FIRST_TICKED])
    size = size if size in PRINT_PT else "normal"
    places = place_words(kb, answers)
    entered = answer_words(kb, answers) + [t("results.summary_places", places=", ".join(places)) if places
                                           else t("results.summary_places_none")]
    groups = group(explanation)
    treatments = "".join(f"<p><b>{e(t(f'results.group_{name}').rstrip('…'))}:</b> "
                         + (_waiting(explanation, len(groups[name]), t) if name == "conditional" else _by_way(groups[name], t))
                         + "</p>" for name in GROUPS if groups[name])
    headings = tier_headings(kb)
    signs = "".join(f'<div><h3>{e(headings[tier])}</h3><ul>{"".join(f"<li>{e(s)}</li>" for s in lines)}</ul></div>'
                    for tier, lines in _signs(explanation) if lines)
    matters = (f"<p><b>{e(t('visit.matters_heading'))}:</b> {e('; '.join(visit.matters))}.</p>"
               if visit.matters else "")
    questions = (f"<h2>{e(t('visit.heading'))}</h2>{matters}<ol class=\"write\">"
                 + "".join(f"<li>{e(q)}</li>" for q in visit.questions) + "</ol>") if visit.questions or matters else ""
    # One sheet holds the first few questions at Normal; with larger type or more questions the
    # page may take a second sheet, and says so before anyone prints it.
    longer = ("takehome.print_larger" if size != "normal"
              else "takehome.print_more_questions" if len(visit.questions) > FIRST_TICKED else "")
    larger = f"<p>{e(t(longer))}</p>" if longer else ""
    men = f"<p>{e(kb.meta.men_note)}</p>" if answers["sex"] == "male" else ""
    today = date_words(kb, dt.date.today())
    return f"""<!doctype html>
<html lang="{e(lang)}"><head><meta charset="utf-8"><title>{e(t("takehome.print_title"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{CSS % {"pt": PRINT_PT[size]}}</style></head>
<body><!-- {e(nonce)} -->
<div class="no-print"><button type="button" onclick="window.print()">🖨️ {e(t("takehome.print_button"))}</button>
<p>{e(t("takehome.print_how"))}</p></div>
<h1>{e(t("takehome.print_title"))}</h1>
<p class="note">{e(explanation.disclaimer)}</p>{larger}
<h2>{e(t("results.heading"))}</h2>
{men}<p>{e(kb.support.aims)}</p>
<p>{e(t("results.summary_entered", answers="; ".join(w.rstrip(".") for w in entered)))}</p>
<h2>{e(t("takehome.print_options"))}</h2>
{treatments}
<h2>{e(t("results.help_heading"))}</h2>
<div class="signs">{signs}</div>
<div class="end"><div>{questions}
<h2>{e(t("takehome.print_notes"))}</h2>{'<div class="line"></div>' * NOTE_LINES}</div>
{f'<div class="share">{qr_svg}</div>' if link else ""}</div>
<p>{f'{e(t("takehome.print_link"))}: <span class="url" lang="zxx" translate="no">{e(link)}</span>. ' if link else ""}{e(t("takehome.print_footer", date=today))}</p>
</body></html>
"""


def _by_way(results, t) -> str:
    """One group in short: each way of giving, then the treatments given that way."""
    ways: dict[str, list[str]] = {}
    for r in results:
        ways.setdefault(how_given(r.option), []).append(r.option.name)
    return " ".join(f"<i>{escape(_capital(t(f'results.given.{way}')))}:</i> {escape('; '.join(names))}."
                    for way, names in ways.items())


def _waiting(explanation: Explanation, n: int, t) -> str:
    """The "only if" group in short: how many, and which results are still to find out (the
    results page names each treatment; listing them all would not fit one page)."""
    tests = [t(f"teaching.inputs_short.{name.removeprefix('marker:')}") for name, _ in missing_results(explanation)]
    words = t("takehome.print_conditional", n=n, tests=", ".join(tests)) if tests else t("takehome.print_conditional_some", n=n)
    return escape(words)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _signs(explanation: Explanation) -> list[tuple[str, list[str]]]:
    """Each tier's signs in short (the sign itself: its first sentence), each once."""
    return [(tier, list(dict.fromkeys(first_sentence(s) for s in lines))) for tier, lines in explanation.urgent_signs()]


def first_sentence(sign: str) -> str:
    """A warning sign in short: its first sentence (the sign itself; the reason and the
    details follow on the results page, under "Where it has spread")."""
    head, dot, _ = sign.partition(". ")
    return head + "." if dot else sign
