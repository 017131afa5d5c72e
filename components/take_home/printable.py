"""The take-home page: a self-contained, print-ready HTML document for the visit.

One page on A4 and US Letter at the Normal text size with the first few questions (larger
sizes, or more questions, may take two pages, which the page then says). It opens with three
key points (what treatment aims to do, what often comes first or which results decide most
of it, and what to do with this sheet), then what was entered (a "not sure" shown as such), the
treatments by group, each with a few plain words of what it is and every way it is given (those
that depend on a test as names, with the question to ask ticked off on paper), the warning
signs under their two tier headings in two looks (each sign once) with blanks for the care
team's day and night numbers, who to call for support, what matters most, the chosen questions
with lines to write on, lines for notes, the QR code and link with practical help beside it
(ask for a financial counselor or a social worker), the date in words and the
not-medical-advice notice. No name, nothing identifying. For a reader who cares for the person,
the signs, the aims and a few words are their carer forms, and the support lines for carers follow
the other support lines.

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
from knowledge.profile import UNKNOWN
from knowledge.schema import CAREGIVER, SELF
from knowledge.teaching import short_answer

from ..shared import assets, settings
from ..shared.grouping import group
from ..shared.summary import answer_words, place_words
from ..shared.text import punctuate, t as text
from .visit import FIRST_TICKED, Visit

# Print size in points for each of the reader's text sizes (components.shared.style.SIZES).
PRINT_PT = {"normal": 12, "large": 14, "largest": 16}
NOTE_LINES = 2
MAX_NAMED = 10  # "only if a test shows" treatments named one by one; more are said by their kinds

CSS = assets.read("take_home/printout.css")


def build(kb: KnowledgeBase, explanation: Explanation, answers: Mapping[str, Any], link: str | None, qr_svg: str,
          visit: Visit | None = None, size: str = "normal", nonce: str = "", reader: str = SELF) -> str:
    """The whole HTML document (no name or other identity on it).

    ``link`` and ``qr_svg`` are left out when there is no link (a kiosk without a public
    address). ``visit`` holds the chosen questions and what matters (default: the first tailored
    questions); ``size`` is the reader's text size; ``nonce`` is a random marker that makes
    the document, and so its address, impossible to guess from the answers alone. ``reader`` is
    who reads it: the person, or someone who cares for them (``caregiver``).
    """
    e = escape
    lang = kb.lang

    def t(key: str, **values: object):  # the printout speaks the rule set's language, to its reader
        return text(key, lang, reader, **values)

    visit = visit or Visit(explanation.questions[:FIRST_TICKED])
    size = size if size in PRINT_PT else "normal"
    places = place_words(kb, answers)
    entered = answer_words(kb, answers) + [t("results.summary_places", places=", ".join(places)) if places
                                           else t("results.summary_places_none")]
    groups = group(explanation)
    in_key = _in_key_points(groups, answers)
    treatments = _treatments(kb, groups, explanation, t, len(in_key))
    headings = tier_headings(kb)
    signs = "".join(f'<div class="{tier}"><h3><span aria-hidden="true">{TIER_MARK[tier]}</span>{e(headings[tier])}</h3>'
                    f'<ul>{"".join(f"<li>{e(s)}</li>" for s in lines)}</ul></div>'
                    for tier, lines in _signs(explanation, reader) if lines)
    phones = f"<p>{e(t('takehome.print_phones'))}</p>"
    helplines = " · ".join(f"{e(h.name)}: {e(h.phone or h.what)}" for h in kb.support.helplines)
    # Practical help sits in the room beside the QR code (or under the note lines without one),
    # so the sheet gains no line for it.
    practical = f"<p><b>{e(t('practical.heading'))}:</b> {e(kb.practical.take_home.text)}</p>"
    end = (f'<div class="end"><div class="share">{qr_svg}</div><div><p>{e(t("takehome.print_scan"))}</p>{practical}'
           '</div></div>' if link else practical)
    carer = _carer(kb, t) if reader == CAREGIVER else ""
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
    return punctuate(f"""<!doctype html>
<html lang="{e(lang)}" dir="{settings.direction(lang)}"><head><meta charset="utf-8"><title>{e(t("takehome.print_title"))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>:root {{ --pt: {PRINT_PT[size]}pt; }}
{CSS}</style></head>
<body><!-- {e(nonce)} -->
<div class="no-print"><button type="button" onclick="window.print()">🖨️ {e(t("takehome.print_button"))}</button>
<p>{e(t("takehome.print_how"))}</p></div>
<h1>{e(t("takehome.print_title"))}</h1>
<p class="note">{e(t("results.notice_short"))}{_draft(kb)}</p>{larger}
<div class="key"><b>{e(t("takehome.key_heading"))}</b><ol>{_key_points(kb, groups, answers, t, reader)}</ol></div>
{men}<p>{e(t("results.summary_entered", answers="; ".join(w.rstrip(".") for w in entered)))} {e(t("takehome.print_footer", date=today))}</p>
{treatments}
<div class="signs halves">{signs}</div>{phones}
<p><b>{e(t("results.support_heading"))}:</b> {helplines}{carer}</p>
<div class="halves"><div>{questions}</div>
<div><h2>{e(t("takehome.print_notes"))}</h2>{'<div class="line"></div>' * NOTE_LINES}
{end}
</div></div>
</body></html>
""", lang)


TIER_MARK = {"emergency": "🚑", "today": "📞"}


def _draft(kb: KnowledgeBase) -> str:
    """A draft translation says so on paper too, in its language and in English, after the notice."""
    tr = kb.translation
    if tr is None or tr.status != "draft":
        return ""
    return f' {escape(tr.draft_note or "")} <span lang="en">{escape(tr.draft_note_en or "")}</span>'


def _in_key_points(groups, answers: Mapping[str, Any]) -> list:
    """The treatments the key points name: the first two usually met, when both receptor results are known."""
    return [] if UNKNOWN in (answers["hr"], answers["her2"]) else groups["first"][:2]


def _key_points(kb: KnowledgeBase, groups, answers: Mapping[str, Any], t, reader: str) -> str:
    """Three lines to remember: what treatment aims to do, what often comes first (or which two
    results decide most of it), and what to do with this sheet."""
    first = _in_key_points(groups, answers)
    if not first:
        middle = t("takehome.key_unsure")
    else:
        middle = t("takehome.key_first", names="; ".join(_line(r.option) for r in first))
    aim = first_sentence(kb.support.aims_for(reader))
    return "".join(f"<li>{escape(line)}</li>" for line in (aim, middle, t("takehome.key_use")))


def _line(option) -> str:
    """A treatment with what it is, in a few plain words: "Name (plain words)"."""
    return f"{option.heading} ({option.plain})"


def _treatments(kb: KnowledgeBase, groups, explanation: Explanation, t, in_key: int) -> str:
    """Each group: one line per treatment with what it is and how it is given; "at any time" and
    "only if a test shows" as names, the latter with the question to ask, to tick on paper."""
    out = []
    for name in ("first", "later"):
        shown = groups[name][in_key:] if name == "first" else groups[name]  # the first ones are in the key points
        if shown:
            items = "; ".join(f"<b>{escape(r.option.heading)}</b> ({escape(r.option.plain)}: "
                              f"{escape(', '.join(t(f'takehome.given_short.{w}') for w in r.option.given))})"
                              for r in shown)
            out.append(f"<p><b>{escape(t(f'results.group_{name}'))}:</b> {items}.</p>")
    if groups["any"]:
        names = "; ".join(dict.fromkeys(r.option.heading for r in groups["any"]))
        out.append(f"<p><b>{escape(t('results.group_any'))}:</b> {escape(names)}.</p>")
    if groups["conditional"]:
        headings = list(dict.fromkeys(r.option.heading for r in groups["conditional"]))
        if len(headings) > MAX_NAMED:  # a wall of names helps no one: the kinds they are, and how many
            kinds = dict.fromkeys(kb.kinds[r.option.class_].name for r in groups["conditional"])
            names = t("takehome.print_conditional_kinds", n=len(groups["conditional"]), kinds="; ".join(kinds))
        else:
            names = "; ".join(headings)
        tests = [short_answer(kb, n) for n, _ in missing_results(explanation)]
        ask = f" ☐ {escape(t('takehome.print_ask_tests', tests=', '.join(tests)))}" if tests else ""
        out.append(f"<p><b>{escape(t('results.group_conditional').rstrip('…'))}:</b> {escape(names)}.{ask}</p>")
    return "".join(out)


def _capital(words: str) -> str:
    return words[:1].upper() + words[1:]


def _signs(explanation: Explanation, reader: str = SELF) -> list[tuple[str, list[str]]]:
    """Each tier's signs in short (the sign itself: its first sentence), each once, as the reader reads them."""
    return [(tier, list(dict.fromkeys(first_sentence(s) for s in lines)))
            for tier, lines in explanation.urgent_signs(reader)]


def _carer(kb: KnowledgeBase, t) -> str:
    """The carer's card in brief, after the other support lines: the support lines for carers and their numbers."""
    phones = " · ".join(f"{escape(h.name)}: {escape(h.phone or h.what)}" for h in kb.support.carer.helplines)
    return f" · <b>{escape(t('takehome.print_carer_lines'))}:</b> {phones}"


def first_sentence(sign: str) -> str:
    """A warning sign in short: its first sentence (the sign itself; the reason and the
    details follow on the results page, under "Where it has spread")."""
    head, dot, _ = sign.partition(". ")
    return head + "." if dot else sign
