"""Sentences about a drug's US status, made only from the drug registry (approvals.yaml).

No other text of the rule set may speak of approval: the day the FDA decides, one entry
changes and every screen, printout and export follows.
"""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date

from . import i18n, schema
from .loader import KnowledgeBase


def date_words(kb: KnowledgeBase, day: dt.date) -> str:
    """A date in words in the rule set's language, as CLDR writes it there (Babel):
    ``July 14, 2026``, ``14 de julio de 2026``, ``2026年7月14日``, ``14 tháng 7, 2026``."""
    return format_date(day, format="long", locale=i18n.locale(kb.lang))


def checked_sentence(kb: KnowledgeBase) -> str:
    """``Checked against US FDA approvals up to November 26, 2026.``"""
    return kb.meta.status_words.checked.format(date=date_words(kb, kb.registry_checked))


def drug_label(kb: KnowledgeBase, drug: schema.Drug) -> str:
    name = kb.drug_name(drug.id)
    name = name[:1].upper() + name[1:]
    return f"{name} ({', '.join(drug.brands)})" if drug.brands else name


def status_sentence(kb: KnowledgeBase, drug_id: str) -> str:
    """What the registry says of a drug that is not approved (pending or research).

    Once a pending drug's decision day is behind the day the rule set was loaded for
    (``kb.today``), it says only what is still true: the decision was due, this page does not
    yet say what it was, ask the care team. The release fails until the entry is updated.
    """
    drug = kb.drugs[drug_id]
    words = kb.meta.status_words
    label = drug_label(kb, drug)
    checked = date_words(kb, kb.registry_checked)
    if drug.status == "pending" and drug.expected_decision is not None and drug.expected_decision < kb.today:
        return words.pending_passed.format(drug=label, decision=date_words(kb, drug.expected_decision))
    if drug.status == "pending" and drug.expected_decision is not None:
        return words.pending_expected.format(drug=label, checked=checked,
                                             decision=date_words(kb, drug.expected_decision))
    if drug.status == "pending":
        return words.pending_open.format(drug=label, as_of=date_words(kb, drug.status_as_of))
    if drug.status == "research":
        return words.research.format(drug=label, checked=checked)
    return ""


def approval_sentences(kb: KnowledgeBase, option: schema.Option) -> list[str]:
    """Each US approval an option relies on, as a dated sentence."""
    by_id = {a.id: (d, a) for d in kb.drugs.values() for a in d.approvals}
    out = []
    for approval_id in option.evidence.approvals:
        drug, approval = by_id[approval_id]
        out.append(kb.meta.status_words.approved_on.format(
            drug=drug_label(kb, drug), date=date_words(kb, approval.date), indication=approval.indication))
    return out


def approval_sources(kb: KnowledgeBase, option: schema.Option) -> list[str]:
    """Source ids behind an option's approvals, in order, each once."""
    by_id = {a.id: a for d in kb.drugs.values() for a in d.approvals}
    return list(dict.fromkeys(s for a in option.evidence.approvals for s in by_id[a].sources))


def first_approval_year(kb: KnowledgeBase, option: schema.Option) -> int | None:
    """The year of the earliest US approval the option relies on, if any is dated and sourced."""
    dates = [a.date for d in kb.drugs.values() for a in d.approvals if a.id in option.evidence.approvals]
    return min(dates).year if dates else None


def research_sentences(kb: KnowledgeBase, option: schema.Option) -> list[str]:
    return [status_sentence(kb, d) for d in option.research_drugs]
