"""Command line: ``python -m knowledge explain ...``, ``changes --from Q --to Q``, ``matrix [--csv [--codes]]``,
``diff OLD NEW [--csv]``, ``translation export|import`` and ``validate [DIR]``.

The JSON printed by ``explain --json`` and ``changes --json`` is a stable contract (docs/architecture.md);
teaching exports and outside checks rely on it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
import textwrap
from pathlib import Path
from typing import Sequence

from . import contentdiff, translations
from .approvals import checked_sentence
from .changes import Changes, changes_between
from .engine import explain, tier_headings, waiting_on
from .i18n import LANGUAGES
from .loader import CONTENT_DIR, KnowledgeBase, KnowledgeError, load_knowledge
from .profile import (HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, MENOPAUSE_VALUES, SEX_VALUES, SITE_VALUES,
                      Profile, link_answers)
from .teaching import matrix_csv, readable_csv, subtype_matrix
from .schema import READERS, SELF


def _marker(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or name not in MARKERS or value not in MARKER_VALUES:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not NAME=VALUE with NAME one of {', '.join(MARKERS)} "
            f"and VALUE one of {', '.join(MARKER_VALUES)}"
        )
    return name, value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m knowledge", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    ex = commands.add_parser("explain", help="explain the options for one profile")
    ex.add_argument("--hr", choices=HR_VALUES, default="unknown", help="hormone receptor status")
    ex.add_argument("--her2", choices=HER2_VALUES, default="unknown", help="HER2 status")
    ex.add_argument("--site", choices=SITE_VALUES, action="append", default=[], help="a site of spread (repeatable)")
    ex.add_argument("--menopause", choices=MENOPAUSE_VALUES, default="unknown")
    ex.add_argument("--sex", choices=SEX_VALUES, required=True,
                    help="who the information is for; never assumed, as in the app")
    ex.add_argument("--marker", type=_marker, action="append", default=[], metavar="NAME=VALUE",
                    help=f"a test result (repeatable); NAME: {', '.join(MARKERS)}; VALUE: {', '.join(MARKER_VALUES)}")
    ex.add_argument("--reader", choices=READERS, default=SELF,
                    help="who reads it: the person (self) or someone who cares for them (caregiver), "
                         "who gets the warning signs and what treatment aims to do as a family member reads them")
    ex.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ex.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of every text")
    ex.add_argument("--content", type=Path, default=CONTENT_DIR, help=argparse.SUPPRESS)

    ch = commands.add_parser("changes", help="what changes between two profiles: kinds of treatment, options, "
                                              "new places of spread and their warning signs")
    ch.add_argument("--from", dest="before", type=_query, required=True, metavar="QUERY",
                    help='the answers before, as the share link writes them: "hr=positive&her2=zero&site=bone"')
    ch.add_argument("--to", dest="after", type=_query, required=True, metavar="QUERY", help="the answers after")
    ch.add_argument("--sex", choices=SEX_VALUES, default=None,
                    help="who the information is for, for a profile without sex=; never assumed, as in explain")
    ch.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ch.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of every text")
    ch.add_argument("--content", type=Path, default=CONTENT_DIR, help=argparse.SUPPRESS)
    # Every mistake in one line (no usage block), exit status 2, as _changes says its own.
    ch.error = lambda message: ch.exit(2, f"{ch.prog}: {message}\n")  # type: ignore[method-assign]

    mx = commands.add_parser("matrix", help="every HR x HER2 subtype against every option class")
    mx.add_argument("--site", choices=SITE_VALUES, action="append", default=[], help="a site of spread (repeatable)")
    mx.add_argument("--menopause", choices=MENOPAUSE_VALUES, default="unknown")
    mx.add_argument("--sex", choices=SEX_VALUES, default="female",
                    help="a teaching filter (default: female); the CSV names it in its first rows")
    mx.add_argument("--marker", type=_marker, action="append", default=[], metavar="NAME=VALUE")
    mx.add_argument("--csv", action="store_true",
                    help="print CSV in words, with the filters, content version and date in its first rows")
    mx.add_argument("--codes", action="store_true",
                    help="with --csv: machine codes instead (cells: applies, conditional:<inputs>, or empty)")
    mx.add_argument("--lang", choices=tuple(LANGUAGES), default="en", help="language of the CSV in words")
    mx.add_argument("--content", type=Path, default=CONTENT_DIR, help=argparse.SUPPRESS)

    df = commands.add_parser("diff", help="what changed between two rule sets, cell by cell and option by option")
    df.add_argument("old", type=Path, help="the older content folder")
    df.add_argument("new", type=Path, help="the newer content folder")
    df.add_argument("--csv", action="store_true", help="print CSV: section, where, what, change, old, new")

    tr = commands.add_parser("translation", help="a translator's round trip: export a language to a PO file, import it")
    steps = tr.add_subparsers(dest="step", required=True)
    out = steps.add_parser("export", help="every text of one language, with its English, as a gettext PO file")
    out.add_argument("--lang", choices=[c for c in LANGUAGES if c != "en"], required=True)
    out.add_argument("--out", type=Path, default=None, help="file to write (default: print it)")
    out.add_argument("--content", type=Path, default=CONTENT_DIR, help=argparse.SUPPRESS)
    out.add_argument("--ui", type=Path, default=translations.UI_DIR, help=argparse.SUPPRESS)
    into = steps.add_parser("import", help="check a translated PO file against the English and write its language")
    into.add_argument("po", type=Path, help="the PO file (its header names the language)")
    into.add_argument("--content", type=Path, default=CONTENT_DIR, help=argparse.SUPPRESS)
    into.add_argument("--ui", type=Path, default=translations.UI_DIR, help=argparse.SUPPRESS)

    va = commands.add_parser("validate", help="check every content file; list every problem")
    va.add_argument("dir", nargs="?", type=Path, default=CONTENT_DIR, help="content folder (default: the packaged one)")
    va.add_argument("--today", type=_day, default=None, metavar="YYYY-MM-DD",
                    help="check dated facts against this day instead of today (to see what a decision day will need)")
    return parser


def _query(text: str) -> dict:
    try:
        return link_answers(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write it as YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args.dir, args.today)
    if args.command == "diff":
        return _diff(args.old, args.new, args.csv)
    if args.command == "translation":
        return _translation(args)
    try:
        kb = load_knowledge(args.content, lang=getattr(args, "lang", "en"))
    except KnowledgeError as exc:
        print("The rule set cannot be used:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    if args.command == "matrix":
        rows = subtype_matrix(kb, sites=args.site, menopause=args.menopause, sex=args.sex, markers=dict(args.marker))
        if args.csv and args.codes:
            sys.stdout.write(matrix_csv(rows))
        elif args.csv:  # in words, in the rule set's language: the teaching page's download, byte for byte
            sites = [s for s in SITE_VALUES if s in args.site]
            sys.stdout.write(readable_csv(kb, rows, sites, args.menopause, args.sex))
        else:
            _print_matrix(rows)
        return 0
    if args.command == "changes":
        return _changes(args, kb)
    profile = Profile.create(hr=args.hr, her2=args.her2, sites=args.site, menopause=args.menopause,
                             sex=args.sex, markers=dict(args.marker))
    explanation = explain(profile, kb)
    if args.json:
        print(json.dumps(explanation.to_dict(kb, args.reader), indent=2, ensure_ascii=False))
    else:
        print(render_text(explanation, kb, args.reader))
    return 0


def _changes(args: argparse.Namespace, kb: KnowledgeBase) -> int:
    """Compare two profiles given as share-link queries. Who the information is for comes from each
    query's ``sex=`` or from ``--sex``, never assumed; a mistake is one line and exit status 2."""
    profiles = []
    for flag, answers in (("--from", args.before), ("--to", args.after)):
        sex = answers.pop("sex", None)
        if sex and args.sex and sex != args.sex:
            return _changes_error(f"{flag} says sex={sex} but --sex says {args.sex}; give one")
        if not (sex or args.sex):
            return _changes_error(f"{flag} does not say who the information is for; "
                                  "add sex=female or sex=male to it, or --sex")
        profiles.append(Profile.create(sex=sex or args.sex, **answers))
    changes = changes_between(kb, *profiles)
    if args.json:
        print(json.dumps(changes.to_dict(kb), indent=2, ensure_ascii=False))
    else:
        print(changes_text(changes, kb))
    return 0


def _changes_error(problem: str) -> int:
    print(f"python -m knowledge changes: {problem}", file=sys.stderr)
    return 2


def changes_text(changes: Changes, kb: KnowledgeBase) -> str:
    """A plain-text version of a comparison, for reading in a terminal: each changed option marked
    + (now shown), - (no longer shown) or ~ (shown another way), with its status after."""
    lines = [changes.after.disclaimer, ""]
    for word, explanation in (("From", changes.before), ("To", changes.after)):
        p = explanation.profile.to_dict()
        markers = ", ".join(f"{k} {v}" for k, v in p["markers"].items() if v != "unknown") or "none given"
        lines.append(f"{word}: HR {p['hr']}, HER2 {p['her2']}, sites: {', '.join(p['sites']) or 'none given'}, "
                     f"menopause {p['menopause']}, sex {p['sex']}, markers: {markers}")
    lines += ["", "Kinds of treatment:" if changes.kinds else "Kinds of treatment: no change"]
    for kind in changes.kinds:
        lines.append(f"  {kb.kinds[kind.kind].name}: {kind.change.replace('_', ' ')}")
        for change in kind.options:
            mark = {"appears": "+", "disappears": "-"}.get(change.kind, "~")
            now = change.after
            waits = f" on {', '.join(now.depends_on)}" if now and now.depends_on else ""
            status = f"{now.status}{waits}" if now else "not shown"
            lines.append(f"    {mark} {change.option.name} [{status}]")
    headings = tier_headings(kb)
    for place in changes.new_places:
        lines += ["", f"New place of spread: {place.site.name}"]
        for tier in ("emergency", "today"):
            signs = getattr(place, tier)
            if signs:
                lines += [f"  ! {headings[tier]}"] + [f"    ! {sign}" for sign in signs]
    if changes.places_gone:
        lines += ["", "Places of spread no longer given: " + ", ".join(changes.places_gone)]
    lines += ["", checked_sentence(kb)]
    return "\n".join(lines)


def _print_matrix(rows: list[dict[str, str]]) -> None:
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(r[c]) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(row[c].ljust(widths[c]) for c in columns))


def _diff(old_dir: Path, new_dir: Path, as_csv: bool) -> int:
    kbs = []
    for folder in (old_dir, new_dir):
        try:
            kbs.append(load_knowledge(folder))
        except KnowledgeError as exc:
            print(f"The rule set in {folder} cannot be used:", file=sys.stderr)
            print(exc, file=sys.stderr)
            return 1
    old, new = kbs
    differences = contentdiff.diff(old, new)
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(contentdiff.FIELDS)
        writer.writerows(d.row() for d in differences)
        return 0
    print(f"From content version {old.version} ({old_dir}) to {new.version} ({new_dir}): "
          f"{len(differences)} difference(s).")
    titles = {"cell": "Subtype table cells (filters | subtype: kind of treatment)",
              "profile": "Reference profiles (profile: option)", "option": "Options (file: option)"}
    for section in contentdiff.SECTIONS:
        mine = [d for d in differences if d.section == section]
        print(f"\n{titles[section]}: {len(mine) or 'no change'}")
        for d in mine:
            print(f"  {d.where}: {d.what}: {d.change}")
            if section == "option" and d.change not in ("added", "removed"):
                print(textwrap.indent(f"old: {d.old}\nnew: {d.new}", "      "))
            elif section != "option":
                print(f"      {d.old or '(not shown)'} -> {d.new or '(not shown)'}")
    return 0


def _translation(args: argparse.Namespace) -> int:
    if args.step == "export":
        text = translations.export(args.content, args.lang, args.ui)
        if args.out is None:
            sys.stdout.write(text)
        else:
            args.out.write_text(text, encoding="utf-8")
            print(f"Wrote {args.out}: every text in {LANGUAGES[args.lang]}, with its English.", file=sys.stderr)
        return 0
    lang, problems = translations.import_po(args.po, args.content, args.ui)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s); nothing was written.", file=sys.stderr)
        return 1
    print(f"Imported {LANGUAGES[lang]} ({lang}); run `python -m knowledge validate` next.")  # type: ignore[index]
    return 0


def _validate(folder: Path, today: dt.date | None = None) -> int:
    """Check the English rule set and every translation that the folder has.

    Dated facts past their day (a pending drug's decision day, a review window) fail here, one
    line each, though the app keeps serving with them: this is how content editors hear of them.
    """
    langs = ["en"] + [code for code in LANGUAGES if code != "en" and (folder / "lang" / code).is_dir()]
    problems: list = []
    overdue: list = []
    for lang in langs:
        try:
            kb = load_knowledge(folder, today=today, lang=lang)
            overdue += [p for p in kb.overdue if p not in overdue]
        except KnowledgeError as exc:
            problems += [p for p in exc.problems if p not in problems]
            continue
        problems += translations.check(folder, lang)  # the app's words and preferred terms, once the content loads
    for problem in problems:
        print(problem)
    for problem in overdue:
        print(f"{problem} [overdue: the app still serves, saying only what is certain]")
    sys.stdout.flush()
    if problems or overdue:
        print(f"{len(problems)} problem(s) and {len(overdue)} overdue date(s) found.", file=sys.stderr)
        return 1
    print(f"OK: content version {kb.version}, {len(kb.options)} options, {len(kb.sources)} sources, "
          f"languages: {', '.join(langs)}.")
    return 0


def render_text(explanation, kb: KnowledgeBase, reader: str = SELF) -> str:
    """A plain-text version of an explanation, for reading in a terminal (signs and aims as ``reader`` reads them)."""
    wrap = lambda text, indent="    ": textwrap.fill(text, 88, initial_indent=indent, subsequent_indent=indent)  # noqa: E731
    p = explanation.profile.to_dict()
    lines = [
        explanation.disclaimer,
        "",
        *textwrap.wrap(kb.support.aims_for(reader), 88),
        "",
        f"Profile: HR {p['hr']}, HER2 {p['her2']}, sites: {', '.join(p['sites']) or 'none given'}, "
        f"menopause {p['menopause']}, sex {p['sex']}",
        "Markers: " + ", ".join(f"{k} {v}" for k, v in p["markers"].items()),
        f"Knowledge version {explanation.knowledge_version}",
        "",
        "Options:",
    ]
    for result in explanation.options:
        option = result.option
        drugs = f" ({', '.join(kb.drug_name(d) for d in option.drugs)})" if option.drugs else ""
        lines.append(f"  - {option.name}{drugs} [{result.status}, timing: {option.timing}]")
        lines.append(wrap(option.summary))
        if result.depends_on:
            lines.append(wrap("Only if: " + "; ".join(waiting_on(result, kb, explanation.profile))))
    for site in explanation.sites:
        lines += ["", f"{site.site.name}:", wrap(site.site.summary)]
    headings = tier_headings(kb)
    for tier, signs in explanation.urgent_signs(reader):
        if signs:
            lines += ["", "! " + headings[tier]] + [wrap("! " + sign) for sign in signs]
    lines += ["", checked_sentence(kb)]
    lines += ["", "Questions to ask your care team:"] + [f"  - {q}" for q in explanation.questions]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
