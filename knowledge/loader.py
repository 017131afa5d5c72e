"""Load the content folder into one immutable :class:`KnowledgeBase`, or refuse it whole.

Every problem in every file is collected and raised together as
:class:`KnowledgeError`, each naming ``file:line``, the field and what would be right.
Nothing is returned from a folder with any problem, so a broken file can never turn
into partial or wrong information on a screen.

Dated facts that have passed their day are not faults of the files: a pending drug whose
FDA decision day (or re-check day) is behind us, or an entry past its review window. They
are collected as ``KnowledgeBase.overdue`` instead. The release fails on them
(``python -m knowledge validate`` and the test suite), so the people who keep the content
hear of it; the app keeps serving and says what is still true (see :mod:`knowledge.approvals`).
One stale date must never cost every patient every answer.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from pydantic import BaseModel, ValidationError

from . import i18n, schema
from .conditions import Always, fields_of
from .gate import HIDDEN, option_status
from .profile import CONDITION_FIELDS, NOT_APPLICABLE, SITE_VALUES, UNKNOWN, Profile, ProfileError
from .yamlsafe import Path_, YamlReadError, read_yaml

CONTENT_DIR = Path(__file__).parent / "content"

# File name -> model. Options live one family per file under options/.
SINGLE_FILES: dict[str, type[BaseModel]] = {
    "meta.yaml": schema.Meta,
    "sources.yaml": schema.SourceFile,
    "inputs.yaml": schema.InputsFile,
    "sites.yaml": schema.SiteFile,
    "questions.yaml": schema.QuestionFile,
    "glossary.yaml": schema.GlossaryFile,
    "changelog.yaml": schema.ChangelogFile,
    "approvals.yaml": schema.DrugRegistry,
    "support.yaml": schema.SupportFile,
    "practical.yaml": schema.PracticalFile,
    "safety.yaml": schema.SafetyFile,
    "vocabulary.yaml": schema.VocabularyFile,
}
OPTIONS_DIR = "options"
# Files whose text is not translated: publication titles and the editors' changelog.
UNTRANSLATED = ("sources.yaml", "changelog.yaml")
# Optional: teaching case vignettes. A rule set without them is complete for patients.
VIGNETTES = "vignettes.yaml"
# Who translated each language: needed as soon as the rule set has a translation (lang/<code>/).
TRANSLATIONS = "translations.yaml"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field or '(file)'}: {self.message}"


class KnowledgeError(Exception):
    """The content folder cannot be used. ``problems`` lists every fault found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class KnowledgeBase:
    """The whole validated rule set; build it with :func:`load_knowledge`."""

    meta: schema.Meta
    sources: Mapping[str, schema.Source]
    inputs: Mapping[str, schema.Input]
    options: tuple[schema.Option, ...]
    sites: Mapping[str, schema.Site]
    questions: tuple[schema.Question, ...]
    matters: tuple[schema.Matter, ...]  # "what matters most to me" choices, each adding a question
    glossary: tuple[schema.Term, ...]
    changelog: tuple[schema.ChangelogEntry, ...]
    vignettes: tuple[schema.Vignette, ...]
    lang: str
    drugs: Mapping[str, schema.Drug]  # the registry: every drug the content names, with its US status
    registry_checked: dt.date  # US FDA approvals were checked up to this day
    support: schema.SupportFile
    practical: schema.PracticalFile  # practical questions by how a treatment is given, and who can help
    safety: Mapping[str, schema.SafetyNote]  # shared safety sentences, by id
    kinds: Mapping[str, schema.Kind]  # kinds of treatment by id, in the order pages list them
    vocabulary: schema.VocabularyFile  # kinds, subtype names and the subtype table's words
    drug_names: Mapping[str, str]  # generic name -> how it is written in this language
    translations: Mapping[str, schema.Translation]  # language code -> who translated it, who checked it
    option_files: Mapping[str, str]  # option id -> file it came from, for teaching views
    today: dt.date  # the day dated facts were checked against (a running app reloads each day)
    overdue: tuple[Problem, ...] = ()  # dated facts past their day: they fail the release, not the app
    # Derived data the engine computes once per rule set (never part of equality or output).
    cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def version(self) -> str:
        return self.meta.content_version

    @property
    def translation(self) -> schema.Translation | None:
        """Who translated the rule set's language and whether it is checked (None for English)."""
        return self.translations.get(self.lang)

    def drug_name(self, drug: str) -> str:
        """A drug's generic name as written in the rule set's language (Spanish INN spelling, say)."""
        return self.drug_names.get(drug, drug)


class _Collector:
    def __init__(self, root: Path, lang: str = "en"):
        self.root = root
        self.lang = lang
        self.problems: list[Problem] = []
        self.overdue: list[Problem] = []  # dated facts past their day (see the module docstring)
        self.lines: dict[str, dict[Path_, int]] = {}

    def name(self, path: Path) -> str:
        """How a file is named in messages: relative to the working folder where possible."""
        # The folder is resolved, the name itself is not: a link is named as written, never by where it leads.
        where = _absolute(path.parent) / path.name
        for base in (Path.cwd(), self.root.parent):
            try:
                return where.relative_to(_absolute(base)).as_posix()
            except ValueError:
                continue
        return path.as_posix()

    def add(self, file: str, loc: Iterable[str | int], message: str, overdue: bool = False) -> None:
        loc = tuple(loc)
        (self.overdue if overdue else self.problems).append(Problem(file, self.line(file, loc), _dotted(loc), message))

    def line(self, file: str, loc: tuple[str | int, ...]) -> int:
        lines = self.lines.get(file, {})
        while loc and loc not in lines:
            loc = loc[:-1]
        return lines.get(loc, 1)

    def _raw(self, path: Path) -> tuple[str, Any]:
        """Read one file strictly; on failure record the problems and return None as data."""
        file = self.name(path)
        try:
            data, self.lines[file] = read_yaml(path, root=self.root)
            return file, data
        except YamlReadError as exc:
            self.problems.extend(Problem(file, p.line, "", p.message) for p in exc.problems)
        except OSError as exc:
            self.problems.append(Problem(file, 1, "", f"cannot read the file: {exc.strerror}"))
        return file, None

    def read(self, path: Path, model: type[BaseModel], translate: bool = True) -> Any:
        file, data = self._raw(path)
        if data is None:
            return None
        if self.lang != "en" and translate:
            tr_file, translation = self._raw(self.root / "lang" / self.lang / path.relative_to(self.root))
            if translation is None:
                return None
            problems = i18n.check(data, translation, self.lang)
            for loc, message in problems:
                self.add(tr_file, loc, message)
            if problems:
                return None
            data = i18n.overlay(data, translation)
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors():
                self._pydantic(file, model, error)
            return None

    def _pydantic(self, file: str, model: type[BaseModel], error: Mapping[str, Any]) -> None:
        loc = tuple(_alias(x) for x in error["loc"] if not (isinstance(x, str) and x.startswith("function-")))
        kind = error["type"]
        given = error.get("input")
        if kind == "condition":
            for rel, message in error["ctx"]["problems"]:
                self.add(file, loc + tuple(rel), message)
            return
        if kind == "extra_forbidden":
            allowed = _fields_at(model, loc[:-1])
            hint = f"; allowed here: {', '.join(allowed)}" if allowed else ""
            message = f"unknown field '{loc[-1]}'{hint}"
        elif kind == "missing":
            message = "this required field is missing"
        elif kind == "literal_error":
            message = f"'{given}' is not allowed; {error['msg'].replace('Input should be', 'use')}"
        elif kind in ("string_type", "int_type", "list_type", "dict_type", "model_type", "bool_type"):
            want = {"string_type": "text", "int_type": "a whole number", "list_type": "a list",
                    "dict_type": "a mapping", "model_type": "a mapping", "bool_type": "true or false"}[kind]
            message = f"expected {want}, got {_show(given)}"
        elif kind == "string_pattern_mismatch":
            message = f"{_show(given)} is not in the right form ({_pattern_hint(loc)})"
        elif kind == "too_short":
            message = "must not be empty"
        else:
            message = error["msg"]
        self.add(file, loc, message)


def _absolute(path: Path) -> Path:
    """The real path where it can be found; a symlink loop or an unreadable link keeps the path as written."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: "Symlink loop" (Python 3.11)
        return Path(os.path.abspath(path))


def load_knowledge(content_dir: Path | str = CONTENT_DIR, today: dt.date | None = None,
                   lang: str = "en") -> KnowledgeBase:
    """Read, validate and cross-check every content file; raise KnowledgeError on any fault.

    ``today`` is the date against which decision days and review windows are checked (default:
    the real date); what has passed its day is listed in ``overdue``, never refused.
    ``lang`` picks the language of every text (see :mod:`knowledge.i18n`); the structure is
    always the English files'. Any other error while loading (a fault no check foresaw) is
    turned into a KnowledgeError too, so that every caller fails closed the same way.
    """
    try:
        return _load(Path(content_dir), today, lang)
    except KnowledgeError:
        raise
    except Exception as exc:  # noqa: BLE001 - fail closed on anything at all
        raise KnowledgeError([Problem(Path(content_dir).as_posix(), 1, "", "the rule set could not be loaded "
                                      f"(unexpected {type(exc).__name__}: {exc}); nothing from it is used")]) from exc


def _load(root: Path, today: dt.date | None, lang: str) -> KnowledgeBase:
    if lang not in i18n.LANGUAGES:
        raise KnowledgeError([Problem(root.as_posix(), 1, "lang", f"'{lang}' is not a language of the rule set; "
                                      f"use one of: {', '.join(i18n.LANGUAGES)}")])
    col = _Collector(root, lang)
    if not root.is_dir():
        raise KnowledgeError([Problem(root.as_posix(), 1, "", "content folder not found")])
    single = {name: col.read(root / name, model, translate=name not in UNTRANSLATED)
              for name, model in SINGLE_FILES.items()}
    option_paths = sorted((root / OPTIONS_DIR).glob("*.yaml"))
    if not option_paths:
        col.add(col.name(root / OPTIONS_DIR), (), "no option files (*.yaml) found")
    option_files = {col.name(p): col.read(p, schema.OptionFile) for p in option_paths}
    vignette_file = col.read(root / VIGNETTES, schema.VignetteFile) if (root / VIGNETTES).exists() else None
    has_translations = (root / TRANSLATIONS).exists() or (root / "lang").is_dir()
    translation_file = col.read(root / TRANSLATIONS, schema.TranslationsFile, translate=False) \
        if has_translations else schema.TranslationsFile.model_construct(translations=[])
    drug_names = _drug_names(col, root, single["approvals.yaml"])
    _check_kinds(col, option_files, single["vocabulary.yaml"])
    for path in root.rglob("*"):
        if path.is_file() and path.suffix in (".yml", ".json"):
            col.add(col.name(path), (), "content files must end in .yaml")
    if col.problems:
        raise KnowledgeError(col.problems)

    meta: schema.Meta = single["meta.yaml"]
    today = today or dt.date.today()
    sources = {s.id: s for s in single["sources.yaml"].sources}
    drugs = _check_registry(col, single["approvals.yaml"], sources, today)
    safety = _check_safety(col, single["safety.yaml"], sources, drugs, meta, today)
    kinds = _check_vocabulary(col, single["vocabulary.yaml"])
    options: list[schema.Option] = []
    origin: dict[str, tuple[str, int]] = {}
    for file, parsed in option_files.items():
        for i, option in enumerate(parsed.options):
            here = ("options", i)
            if option.id in origin:
                first_file, first_i = origin[option.id]
                col.add(file, here + ("id",), f"duplicate option id '{option.id}' (also at "
                        f"{first_file}:{col.line(first_file, ('options', first_i, 'id'))}); give each option its own id")
                continue
            origin[option.id] = (file, i)
            options.append(option)
            _check_option(col, file, here, option, sources, drugs, safety, kinds)
            _check_reviewed(col, file, here, option.id, option.reviewed, meta, today)
            _check_cases(col, file, here, option)
    _check_duplicates(col, _file_of(col, "sources.yaml"), "sources", [s.id for s in single["sources.yaml"].sources])
    _check_inputs(col, single["inputs.yaml"])
    sites = _check_sites(col, single["sites.yaml"], origin, sources, meta, today)
    _check_duplicates(col, _file_of(col, "questions.yaml"), "questions",
                      [q.id for q in single["questions.yaml"].questions])
    _check_duplicates(col, _file_of(col, "questions.yaml"), "matters",
                      [m.id for m in single["questions.yaml"].matters])
    _check_glossary(col, single["glossary.yaml"], drugs)
    _check_reviewed(col, _file_of(col, "meta.yaml"), (), "content", meta.reviewed, meta, today)
    _check_sign_off(col, meta, today)
    _check_sources(col, _file_of(col, "meta.yaml"), ("men_note_sources",), meta.men_note_sources, sources)
    _check_carer_signs(col, _file_of(col, "meta.yaml"), (), meta.general_urgent_signs, meta.general_carer_signs,
                       ("general_urgent_signs", "general_carer_signs"))
    _check_support(col, single["support.yaml"], sources, meta, today)
    _check_practical(col, single["practical.yaml"], sources, single["questions.yaml"].matters, meta, today)
    translations = _check_translations(col, root, translation_file)
    vignettes = tuple(vignette_file.vignettes) if vignette_file else ()
    _check_vignettes(col, vignettes, {o.id: o for o in options}, meta, today)
    if col.problems:
        raise KnowledgeError(col.problems)
    return KnowledgeBase(
        meta=meta,
        sources=sources,
        inputs=single["inputs.yaml"].inputs,
        options=tuple(sorted(options, key=lambda o: list(kinds).index(o.class_))),
        sites=sites,
        questions=tuple(single["questions.yaml"].questions),
        matters=tuple(single["questions.yaml"].matters),
        glossary=tuple(single["glossary.yaml"].terms),
        changelog=tuple(single["changelog.yaml"].changelog),
        vignettes=vignettes,
        lang=lang,
        drugs=drugs,
        registry_checked=single["approvals.yaml"].checked_up_to,
        support=single["support.yaml"],
        practical=single["practical.yaml"],
        safety=safety,
        kinds=kinds,
        vocabulary=single["vocabulary.yaml"],
        drug_names=drug_names,
        translations=translations,
        option_files={option_id: file for option_id, (file, _) in origin.items()},
        today=today,
        overdue=tuple(dict.fromkeys(col.overdue)),
    )


def _drug_names(col: _Collector, root: Path, registry: schema.DrugRegistry | None) -> dict[str, str]:
    """For a translation: ``lang/<code>/drugs.yaml`` maps every registry drug to its local spelling."""
    if col.lang == "en":
        return {}
    file, data = col._raw(root / "lang" / col.lang / "drugs.yaml")
    if data is None:
        return {}
    names = data.get("drugs") if isinstance(data, dict) else None
    if not isinstance(names, dict) or not all(isinstance(v, str) and v.strip() for v in names.values()):
        col.add(file, (), "expected 'drugs:' with a mapping from each English generic name to its spelling here")
        return {}
    if registry is None:
        return dict(names)  # the registry is already refused; comparing against it would mislead
    known = {d.id for d in registry.drugs}
    for drug in sorted(known - set(names)):
        col.add(file, ("drugs",), f"'{drug}' has no entry; write it even when the spelling is the same")
    for drug in sorted(set(names) - known):
        col.add(file, ("drugs", drug), f"'{drug}' is not a drug of the registry (approvals.yaml)")
    return dict(names)


def _check_translations(col: _Collector, root: Path, parsed: schema.TranslationsFile
                        ) -> dict[str, schema.Translation]:
    """Every translation folder has its entry, and a reviewed one names who checked it and when."""
    file = _file_of(col, TRANSLATIONS)
    found: dict[str, schema.Translation] = {}
    for i, entry in enumerate(parsed.translations):
        here = ("translations", i)
        if entry.language not in i18n.LANGUAGES or entry.language == "en":
            col.add(file, here + ("language",), f"'{entry.language}' is not a translated language of the app; "
                    f"use one of: {', '.join(code for code in i18n.LANGUAGES if code != 'en')}")
        elif entry.language in found:
            col.add(file, here + ("language",), f"'{entry.language}' is listed twice")
        if entry.status == "reviewed" and not (entry.reviewed_by and entry.reviewed_on):
            col.add(file, here + ("status",), "a reviewed translation names its medical translator "
                    "(reviewed_by) and the day they finished (reviewed_on)")
        if entry.status == "draft" and not (entry.draft_note and entry.draft_note_en):
            col.add(file, here + ("status",), "a draft says so: write draft_note in the language and draft_note_en "
                    "in English")
        if entry.status == "draft" and entry.reviewed_on:
            col.add(file, here + ("reviewed_on",), "a draft has no review day; set status: reviewed once it is checked")
        found.setdefault(entry.language, entry)
    folder = root / "lang"
    for code in sorted(p.name for p in folder.iterdir() if p.is_dir()) if folder.is_dir() else ():
        if code not in found:
            col.add(file, ("translations",), f"lang/{code}/ has no entry here; say who translated it and its status")
    return found


def _check_registry(col: _Collector, registry: schema.DrugRegistry, sources: Mapping[str, schema.Source],
                    today: dt.date) -> dict[str, schema.Drug]:
    """The registry is the one place that states approval status; it must be sourced and current.

    A ``pending`` drug whose expected decision day (or re-check day) has passed is overdue: the
    release fails until the entry is updated, while the app says the decision was due and
    sends the reader to the care team (:func:`knowledge.approvals.status_sentence`).
    """
    file = _file_of(col, "approvals.yaml")
    drugs: dict[str, schema.Drug] = {}
    approval_ids: dict[str, str] = {}
    if registry.checked_up_to > today:
        col.add(file, ("checked_up_to",), f"the check date {registry.checked_up_to} is in the future")
    for i, drug in enumerate(registry.drugs):
        here = ("drugs", i)
        if drug.id in drugs:
            col.add(file, here + ("id",), f"'{drug.id}' is listed twice; keep one entry")
        drugs[drug.id] = drug
        _check_sources(col, file, here + ("sources",), drug.sources, sources)
        for j, approval in enumerate(drug.approvals):
            at = here + ("approvals", j)
            if approval.id in approval_ids:
                col.add(file, at + ("id",), f"approval id '{approval.id}' is also used by '{approval_ids[approval.id]}'")
            approval_ids.setdefault(approval.id, drug.id)
            if approval.date > registry.checked_up_to:
                col.add(file, at + ("date",), f"approval date {approval.date} is after checked_up_to "
                                              f"({registry.checked_up_to})")
            _check_sources(col, file, at + ("sources",), approval.sources, sources)
        _check_status(col, file, here, drug, today)
    return drugs


def _check_status(col: _Collector, file: str, here: tuple[str | int, ...], drug: schema.Drug,
                  today: dt.date) -> None:
    pending_fields = ("expected_decision", "status_as_of", "recheck_by")
    if drug.status != "pending":
        for name in pending_fields:
            if getattr(drug, name) is not None:
                col.add(file, here + (name,), f"'{name}' is only for pending drugs; '{drug.id}' is {drug.status}")
    if drug.status != "approved" and drug.approvals:
        col.add(file, here + ("approvals",), f"'{drug.id}' is {drug.status}; only approved drugs list approvals")
    if drug.status != "pending":
        return
    if drug.expected_decision is None and (drug.status_as_of is None or drug.recheck_by is None):
        col.add(file, here + ("status",), f"pending drug '{drug.id}' needs expected_decision, or status_as_of "
                                          "with recheck_by when no decision date is known")
    if drug.expected_decision is not None and drug.expected_decision < today:
        col.add(file, here + ("expected_decision",),
                f"the FDA decision on '{drug.id}' was expected on {drug.expected_decision}, which has passed; "
                "find out what the FDA decided and update its status, text and sources", overdue=True)
    if drug.recheck_by is not None and drug.recheck_by < today:
        col.add(file, here + ("recheck_by",),
                f"the US status of '{drug.id}' was to be checked again by {drug.recheck_by}, which has passed; "
                "check it and update its status, text and sources", overdue=True)


def _check_option(col: _Collector, file: str, here: tuple[str | int, ...], option: schema.Option,
                  sources: Mapping[str, schema.Source], drugs: Mapping[str, schema.Drug],
                  safety: Mapping[str, schema.SafetyNote], kinds: Mapping[str, schema.Kind]) -> None:
    _check_sources(col, file, here + ("sources",), option.sources, sources)
    kind = kinds.get(option.class_)
    for j, note in enumerate(option.safety):
        if note not in safety:
            col.add(file, here + ("safety", j), f"unknown safety note '{note}'; notes are listed in safety.yaml")
    if len(set(option.given)) != len(option.given):
        col.add(file, here + ("given",), "each way of giving is listed once")
    if kind and not kind.medicines and option.drugs:
        col.add(file, here + ("drugs",), f"options of class '{option.class_}' list no drugs; remove the list")
    if kind and kind.medicines and not option.drugs:
        col.add(file, here + ("drugs",), f"options of class '{option.class_}' must name example drugs")
    for j, drug in enumerate(option.drugs):
        if drug not in drugs:
            col.add(file, here + ("drugs", j), f"'{drug}' is not in the drug registry (approvals.yaml); add it there")
        elif drugs[drug].status != "approved":
            col.add(file, here + ("drugs", j),
                    f"'{drug}' is {drugs[drug].status} in approvals.yaml, not approved; "
                    "name it only under research_drugs, never as an available drug")
    for j, drug in enumerate(option.research_drugs):
        if drug not in drugs:
            col.add(file, here + ("research_drugs", j), f"'{drug}' is not in the drug registry (approvals.yaml)")
    if option.research_drugs and not option.research:
        col.add(file, here + ("research_drugs",), "research_drugs need a 'research' text that explains them")
    relied_on = {a.id: d.id for d in drugs.values() for a in d.approvals}
    for j, approval in enumerate(option.evidence.approvals):
        if approval not in relied_on:
            col.add(file, here + ("evidence", "approvals", j),
                    f"unknown approval id '{approval}'; approvals are listed under each drug in approvals.yaml")
        elif relied_on[approval] not in option.drugs:
            col.add(file, here + ("evidence", "approvals", j),
                    f"approval '{approval}' is of '{relied_on[approval]}', which this option does not list in drugs")
    for j, ask in enumerate(option.ask_team):
        for test in fields_of(ask.when):
            if UNKNOWN in test.values:
                col.add(file, here + ("ask_team", j, "when"), f"may not test for 'unknown' ({test.field})")
    if not option.cases.absent and not isinstance(option.when, Always):
        col.add(file, here + ("cases", "absent"), "give at least one profile for which this option must be absent")
    for test in fields_of(option.when):
        if UNKNOWN in test.values:
            col.add(file, here + ("when",),
                    f"an option's gate may not test for 'unknown' ({test.field}); "
                    "unknown answers already make an option conditional")


def _check_reviewed(col: _Collector, file: str, here: tuple[str | int, ...], what: str, reviewed: dt.date,
                    meta: schema.Meta, today: dt.date) -> None:
    if reviewed > today:
        col.add(file, here + ("reviewed",), f"review date {reviewed} for '{what}' is in the future")
    elif (today - reviewed).days > meta.review_window_days:
        col.add(file, here + ("reviewed",), f"'{what}' was last reviewed on {reviewed}, more than "
                f"{meta.review_window_days} days ago; review it and update the date", overdue=True)


def _check_sign_off(col: _Collector, meta: schema.Meta, today: dt.date) -> None:
    """A clinical sign-off covers the version it was given for: not a later review, not a future day."""
    signed = meta.clinical_review
    if signed is None:
        return
    where = ("clinical_review", "date")
    if signed.date > today:
        col.add(_file_of(col, "meta.yaml"), where, f"sign-off date {signed.date} is in the future")
    elif signed.date < meta.reviewed:
        col.add(_file_of(col, "meta.yaml"), where, f"the sign-off of {signed.date} is older than this version's "
                f"review ({meta.reviewed}); empty clinical_review until a clinician signs this version off")


def _check_cases(col: _Collector, file: str, here: tuple[str | int, ...], option: schema.Option) -> None:
    """Each option's own example profiles must give the status the file promises."""
    for kind in ("applies", "conditional", "absent"):
        for j, case in enumerate(getattr(option.cases, kind)):
            loc = here + ("cases", kind, j)
            try:
                profile = case_profile(case)
            except ProfileError as exc:
                col.add(file, loc, str(exc))
                continue
            status, depends = option_status(option, profile)
            want = "hidden" if kind == "absent" else kind
            if status != want:
                col.add(file, loc, f"case expects '{kind}' but the gate gives '{status}'"
                                   + (f" (depends on {', '.join(depends)})" if depends else ""))
            elif kind == "conditional" and sorted(case.depends_on) != sorted(depends):
                col.add(file, loc + ("depends_on",), f"case expects depends_on {sorted(case.depends_on)} "
                                                     f"but the gate gives {list(depends)}")


def _check_vignettes(col: _Collector, vignettes: tuple[schema.Vignette, ...], options: Mapping[str, schema.Option],
                     meta: schema.Meta, today: dt.date) -> None:
    """Each teaching case must name real options and show/hide them as it promises, at every stage
    of an unfolding case; a case is either one snapshot or two or more stages, never both."""
    file = _file_of(col, VIGNETTES)
    _check_duplicates(col, file, "vignettes", [v.id for v in vignettes])
    for i, vignette in enumerate(vignettes):
        here = ("vignettes", i)
        _check_reviewed(col, file, here, vignette.id, vignette.reviewed, meta, today)
        if not vignette.stages:
            for key in ("profile", "discussion", "shows"):
                if not getattr(vignette, key):
                    col.add(file, here + (key,), "must not be empty" if key in vignette.model_fields_set
                            else "this required field is missing")
            if vignette.profile:
                _check_promises(col, file, here, vignette, options)
            continue
        for key in ("profile", "discussion", "shows", "hides"):
            if key in vignette.model_fields_set:
                col.add(file, here + (key,), f"a case with stages keeps its answers, questions and promises in each "
                                             f"stage; move '{key}' into the stages")
        if len(vignette.stages) < 2:
            col.add(file, here + ("stages",), "an unfolding case needs at least two stages; write a case of one "
                                              "stage with profile, discussion and shows instead")
        _check_duplicates(col, file, here + ("stages",), [s.id for s in vignette.stages])
        for j, stage in enumerate(vignette.stages):
            _check_promises(col, file, here + ("stages", j), stage, options)


def _check_promises(col: _Collector, file: str, here: tuple[str | int, ...], case: schema.Vignette | schema.Stage,
                    options: Mapping[str, schema.Option]) -> None:
    """A case (or a stage of one) must show and hide the options it names, as the explainer does for its profile."""
    try:
        profile = case_profile(case.profile)
    except ProfileError as exc:
        col.add(file, here + ("profile",), str(exc))
        return
    for key, want_shown in (("shows", True), ("hides", False)):
        for j, option_id in enumerate(getattr(case, key)):
            if option_id not in options:
                col.add(file, here + (key, j), f"unknown option id '{option_id}'")
            elif (option_status(options[option_id], profile)[0] != HIDDEN) != want_shown:
                col.add(file, here + (key, j), f"the explainer {'hides' if want_shown else 'shows'} "
                                               f"'{option_id}' for this profile")


def _check_sources(col: _Collector, file: str, where: tuple[str | int, ...], ids: Iterable[str],
                   sources: Mapping[str, schema.Source]) -> None:
    """Every source id named at ``where`` must be in sources.yaml."""
    for j, source in enumerate(ids):
        if source not in sources:
            col.add(file, where + (j,), f"unknown source id '{source}'; add it to sources.yaml or fix the id")


def _check_duplicates(col: _Collector, file: str, key: str | tuple[str | int, ...], ids: list[str]) -> None:
    """Ids must be unique in the list at ``key`` (a top-level key, or the path to a nested list)."""
    where = (key,) if isinstance(key, str) else key
    seen: dict[str, int] = {}
    for i, item in enumerate(ids):
        if item in seen:
            col.add(file, (*where, i, "id"), f"duplicate id '{item}' (first at item {seen[item] + 1}); ids must be unique")
        seen.setdefault(item, i)


def _check_inputs(col: _Collector, parsed: schema.InputsFile) -> None:
    """Every condition field needs words for itself and each of its values."""
    file = _file_of(col, "inputs.yaml")
    for name, values in CONDITION_FIELDS.items():
        if name not in parsed.inputs:
            col.add(file, ("inputs",), f"input '{name}' has no entry; add its label, question, help and values")
            continue
        wanted = [v for v in values if v != NOT_APPLICABLE]
        for value in wanted:
            if value not in parsed.inputs[name].values:
                col.add(file, ("inputs", name, "values"), f"value '{value}' of '{name}' has no label")
        for j, result in enumerate(parsed.inputs[name].report_results):
            if result.value not in wanted:
                col.add(file, ("inputs", name, "report_results", j, "value"),
                        f"'{result.value}' is not a value of '{name}'; use any of: {', '.join(wanted)}")
        for value in parsed.inputs[name].values:
            if value not in wanted:
                col.add(file, ("inputs", name, "values", value),
                        f"'{value}' is not a value of '{name}'; use any of: {', '.join(wanted)}")
    for name in parsed.inputs:
        if name not in CONDITION_FIELDS:
            col.add(file, ("inputs", name), f"'{name}' is not an input; use any of: {', '.join(CONDITION_FIELDS)}")


def _check_sites(col: _Collector, parsed: schema.SiteFile, origin: Mapping[str, Any],
                 sources: Mapping[str, schema.Source], meta: schema.Meta, today: dt.date) -> dict[str, schema.Site]:
    file = _file_of(col, "sites.yaml")
    sites: dict[str, schema.Site] = {}
    for i, site in enumerate(parsed.sites):
        here = ("sites", i)
        if site.id in sites:
            col.add(file, here + ("id",), f"site '{site.id}' is described twice; keep one")
        sites[site.id] = site
        for j, option_id in enumerate(site.related_options):
            if option_id not in origin:
                col.add(file, here + ("related_options", j), f"unknown option id '{option_id}'")
        _check_sources(col, file, here + ("sources",), site.sources, sources)
        _check_reviewed(col, file, here, site.id, site.reviewed, meta, today)
        _check_carer_signs(col, file, here, site.urgent_signs, site.carer_signs)
    for site_id in SITE_VALUES:
        if site_id not in sites:
            col.add(file, ("sites",), f"site '{site_id}' has no entry; every site needs one")
    return {site_id: sites[site_id] for site_id in SITE_VALUES if site_id in sites}


def _check_carer_signs(col: _Collector, file: str, here: tuple[str | int, ...], signs: schema.UrgentSigns,
                       carer: schema.UrgentSigns, names: tuple[str, str] = ("urgent_signs", "carer_signs")) -> None:
    """A carer's list of signs is the patient's list as a family member sees it: one form for
    each sign, in the same order, so no sign can be lost or shown under the wrong tier."""
    for tier in ("emergency", "today"):
        mine, theirs = getattr(signs, tier), getattr(carer, tier)
        if len(mine) != len(theirs):
            col.add(file, here + (names[1], tier), f"{len(theirs)} carer form(s) for the {len(mine)} sign(s) of "
                    f"{names[0]}.{tier}; write one carer form for each sign, in the same order")


def _check_support(col: _Collector, support: schema.SupportFile, sources: Mapping[str, schema.Source],
                   meta: schema.Meta, today: dt.date) -> None:
    file = _file_of(col, "support.yaml")
    carer = support.carer
    cited = [(("aims_sources",), support.aims_sources), (("care_sources",), support.care_sources),
             (("carer", "sources"), carer.sources)]
    lines = [(("helplines",), support.helplines), (("carer", "helplines"), carer.helplines)]
    cited += [(where + (i, "sources"), h.sources) for where, helplines in lines for i, h in enumerate(helplines)]
    for where, ids in cited:
        _check_sources(col, file, where, ids, sources)
    _check_duplicates(col, file, "helplines", [h.id for h in support.helplines])
    _check_duplicates(col, file, ("carer", "helplines"), [h.id for h in carer.helplines])
    for where, helplines in lines:
        for i, helpline in enumerate(helplines):
            _check_reviewed(col, file, where + (i,), helpline.id, helpline.reviewed, meta, today)


def _check_practical(col: _Collector, practical: schema.PracticalFile, sources: Mapping[str, schema.Source],
                     matters: Iterable[schema.Matter], meta: schema.Meta, today: dt.date) -> None:
    """Every way a medicine is given has its questions, each topic once; help is sourced and dated;
    the "what matters" choices named are the ones questions.yaml offers."""
    file = _file_of(col, "practical.yaml")
    _check_duplicates(col, file, "ways", [w.id for w in practical.ways])
    for way in schema.MEDICINE_WAYS:
        if way not in {w.id for w in practical.ways}:
            col.add(file, ("ways",), f"no practical questions for '{way}'; every way a medicine is given needs "
                    f"them: {', '.join(schema.MEDICINE_WAYS)}")
    for i, way in enumerate(practical.ways):
        seen: set[str] = set()
        for j, question in enumerate(way.questions):
            if question.id in seen:
                col.add(file, ("ways", i, "questions", j, "id"), f"a second '{question.id}' question for "
                        f"'{way.id}'; each way has one question per topic")
            seen.add(question.id)
    _check_duplicates(col, file, "help", [h.id for h in practical.help])
    for i, helper in enumerate(practical.help):
        _check_sources(col, file, ("help", i, "sources"), helper.sources, sources)
        _check_reviewed(col, file, ("help", i), helper.id, helper.reviewed, meta, today)
    _check_sources(col, file, ("take_home", "sources"), practical.take_home.sources, sources)
    offered = [m.id for m in matters]
    for matter in practical.matters:
        if matter not in offered:
            col.add(file, ("matters", matter), f"unknown matter '{matter}'; use one of questions.yaml's matters: "
                    f"{', '.join(offered) or '(none)'}")


def _check_safety(col: _Collector, parsed: schema.SafetyFile, sources: Mapping[str, schema.Source],
                  drugs: Mapping[str, schema.Drug], meta: schema.Meta, today: dt.date) -> dict[str, schema.SafetyNote]:
    file = _file_of(col, "safety.yaml")
    _check_duplicates(col, file, "notes", [n.id for n in parsed.notes])
    for i, note in enumerate(parsed.notes):
        _check_sources(col, file, ("notes", i, "sources"), note.sources, sources)
        for drug, labels in note.label_sources.items():
            here = ("notes", i, "label_sources", drug)
            if drug not in drugs:
                col.add(file, here, f"'{drug}' is not in the drug registry (approvals.yaml)")
            for label in labels:
                if label not in note.sources:
                    col.add(file, here, f"'{label}' is not one of this note's sources; list it there too")
        _check_reviewed(col, file, ("notes", i), note.id, note.reviewed, meta, today)
    return {n.id: n for n in parsed.notes}


def _check_kinds(col: _Collector, option_files: Mapping[str, schema.OptionFile | None],
                 vocabulary: schema.VocabularyFile | None) -> None:
    """Every option's ``class`` is a kind of treatment of vocabulary.yaml (reported with the file errors)."""
    if vocabulary is None:
        return
    kinds = [k.id for k in vocabulary.kinds]
    allowed = ", ".join(f"'{k}'" for k in kinds[:-1]) + f" or '{kinds[-1]}'"
    for file, parsed in option_files.items():
        for i, option in enumerate(parsed.options if parsed else ()):
            if option.class_ not in kinds:
                col.add(file, ("options", i, "class"), f"'{option.class_}' is not allowed; use {allowed}")


def _check_vocabulary(col: _Collector, parsed: schema.VocabularyFile) -> dict[str, schema.Kind]:
    """Kinds listed once each; a teaching name for every named subtype; a short name for every answer."""
    file = _file_of(col, "vocabulary.yaml")
    _check_duplicates(col, file, "kinds", [k.id for k in parsed.kinds])
    _check_duplicates(col, file, "subtypes", [s.id for s in parsed.subtypes])
    for i, subtype in enumerate(parsed.subtypes):
        hr, _, her2 = subtype.id.partition("_")
        if hr not in CONDITION_FIELDS["hr"] or her2 not in CONDITION_FIELDS["her2"]:
            col.add(file, ("subtypes", i, "id"), f"'{subtype.id}' is not <hormone receptors>_<HER2>")
    named = {a.id for a in parsed.table.answers}
    for missing in sorted({*CONDITION_FIELDS, "care_team"} - named):
        col.add(file, ("table", "answers"), f"no short name for '{missing}'")
    return {k.id: k for k in parsed.kinds}


def _check_glossary(col: _Collector, parsed: schema.GlossaryFile, drugs: Mapping[str, schema.Drug]) -> None:
    file = _file_of(col, "glossary.yaml")
    seen: dict[str, int] = {}
    for i, term in enumerate(parsed.terms):
        if term.drug is not None and term.drug not in drugs:
            col.add(file, ("terms", i, "drug"), f"'{term.drug}' is not in the drug registry (approvals.yaml)")
        for name in [term.term, *term.also]:
            key = name.lower()
            if key in seen:
                col.add(file, ("terms", i, "term"), f"'{name}' is already defined in item {seen[key] + 1}")
            seen.setdefault(key, i)


def case_profile(case: schema.CaseProfile) -> Profile:
    """The Profile an example case describes."""
    return Profile.create(hr=case.hr, her2=case.her2, sites=case.sites, menopause=case.menopause,
                          sex=case.sex, markers=dict(case.markers))


def _file_of(col: _Collector, name: str) -> str:
    return col.name(col.root / name)


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _alias(part: str | int) -> str | int:
    return "class" if part == "class_" else part


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _pattern_hint(loc: tuple[str | int, ...]) -> str:
    last = next((p for p in reversed(loc) if isinstance(p, str)), "")
    return {
        "id": "lowercase letters, digits and _ , starting with a letter",
        "sources": "a source id: lowercase letters, digits and _",
        "related_options": "an option id: lowercase letters, digits and _",
        "drugs": "the lowercase generic name, e.g. trastuzumab deruxtecan",
        "research_drugs": "the lowercase generic name",
        "url": "a plain https:// address, with no spaces and none of ( ) [ ] < > \" '",
        "date": "YYYY, YYYY-MM or YYYY-MM-DD",
        "content_version": "YEAR.MONTH.NUMBER, e.g. 2026.11.1",
        "version": "YEAR.MONTH.NUMBER, e.g. 2026.11.1",
    }.get(last, "see the schema")


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for 'unknown field' hints)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = current.model_fields.get(part) or current.model_fields.get(f"{part}_")
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _inner_model(annotation: Any) -> Any:
    for arg in getattr(annotation, "__args__", ()) or ():
        inner = _inner_model(arg)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return inner
    return annotation
