"""The shape of every content file, as strict pydantic models.

Strict means: unknown keys are refused, types are not coerced (``"3"`` is not a number,
``123`` is not text), and every list of ids uses the fixed vocabularies. Cross-file
checks (source ids exist, ids are unique, cases hold) live in :mod:`knowledge.loader`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from .conditions import Condition, parse_condition
from .profile import HER2_VALUES, HR_VALUES, MARKER_VALUES, MARKERS, MENOPAUSE_VALUES, SEX_VALUES, SITE_VALUES

# Ways a treatment is given. Each option lists every way it is given (``given``), in the order
# a reader meets them; the screens draw one picture and one phrase per way.
WAYS = ("pill", "drip", "shot", "radiation", "surgery", "procedure", "care")
Way = Literal[WAYS]  # type: ignore[valid-type]

Timing = Literal["first", "later", "any"]
# Who is reading: the person the information is about, or someone who cares for them. A carer
# reads the warning signs and what treatment aims to do in forms written for them (``carer_signs``,
# ``general_carer_signs``, ``support.carer``), never made by swapping pronouns in code.
SELF, CAREGIVER = "self", "caregiver"
READERS = (SELF, CAREGIVER)
Id = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
DrugName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9 \-]*[a-z0-9]$", max_length=60)]
# A plain address: none of ( ) [ ] < > " ' , which could break out of a link written around it.
HttpsUrl = Annotated[str, StringConstraints(pattern=r"^https://[^\s()\[\]<>\"']+$")]

# Text is shown as markdown: links, pictures, web addresses and HTML in it would reach the
# screen live (a picture loaded from outside, a link that leaves a kiosk). Addresses belong in
# sources.yaml, where they are checked and shown the same way everywhere.
_MARKUP = (
    (re.compile(r"!\[[^\]]*\]\("), "a markdown picture (![...](...)) is not allowed in text"),
    (re.compile(r"\[[^\]]*\]\("), "a markdown link ([...](...)) is not allowed in text; put the address in sources.yaml"),
    (re.compile(r"(?i)\b(?:https?|ftp|javascript|data|mailto):|\bwww\."),
     "a web address is not allowed in text; put it in sources.yaml"),
    (re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>"), "HTML (<...>) is not allowed in text; write plain words"),
)


def _plain(value: str) -> str:
    for pattern, message in _MARKUP:
        if pattern.search(value):
            raise PydanticCustomError("markup", message)
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True), AfterValidator(_plain)]


def _date(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_text", "'{value}' is not a date; write it as YYYY-MM-DD", {"value": value})
    return value


Date = Annotated[dt.date, BeforeValidator(_date)]


def _condition(value: Any) -> Condition:
    problems: list[tuple[tuple[str | int, ...], str]] = []
    cond = parse_condition(value, problems)
    if problems or cond is None:
        raise PydanticCustomError("condition", "{first}", {"first": problems[0][1], "problems": problems})
    return cond


ConditionField = Annotated[Any, BeforeValidator(_condition)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, arbitrary_types_allowed=True)


# ---- profiles used in example cases -------------------------------------------------------

class CaseProfile(Strict):
    """A profile written in YAML for an example case; omitted answers are unknown."""

    hr: Literal[HR_VALUES] = "unknown"  # type: ignore[valid-type]
    her2: Literal[HER2_VALUES] = "unknown"  # type: ignore[valid-type]
    sites: list[Literal[SITE_VALUES]] = []  # type: ignore[valid-type]
    menopause: Literal[MENOPAUSE_VALUES] = "unknown"  # type: ignore[valid-type]
    sex: Literal[SEX_VALUES] = "female"  # type: ignore[valid-type]
    markers: dict[Literal[MARKERS], Literal[MARKER_VALUES]] = {}  # type: ignore[valid-type]
    note: Text | None = None


class ConditionalCase(CaseProfile):
    depends_on: list[str] = Field(min_length=1)


class Cases(Strict):
    applies: list[CaseProfile] = Field(min_length=1)
    conditional: list[ConditionalCase] = []
    absent: list[CaseProfile] = []  # required unless the gate is 'always' (checked by the loader)


# ---- treatment options ---------------------------------------------------------------------

class SexLine(Strict):
    """A line that applies to one sex only (a side effect of the womb, say): shown only to them."""

    text: Text
    for_: list[Literal[SEX_VALUES]] = Field(alias="for", min_length=1)  # type: ignore[valid-type]


Line = Text | SexLine  # a plain line is for everyone


class Details(Strict):
    what_it_is: Text
    how_it_works: Text
    how_given: Text
    may_help: Text
    may_cause: Text
    report_right_away: list[Line] = Field(min_length=1)
    typical_use: Text
    notes: list[SexLine] = []  # what is different for one sex (before menopause, say)


class Evidence(Strict):
    """What an option rests on. Approval facts are never written here: ``approvals`` names
    entries of the drug registry (approvals.yaml), which dates and sources them; ``basis``
    says in words which guideline or practice supports an option that is not one approval."""

    trials: list[Text] = []
    approvals: list[Id] = []
    basis: Text | None = None


class AskTeam(Strict):
    """A situation in which the option is shown only as 'ask your care team': the rule set
    cannot know the answer (whether immunotherapy is an option for you, say)."""

    when: ConditionField
    reason: Text


class Option(Strict):
    id: Id
    class_: Id = Field(alias="class")  # a kind of treatment of vocabulary.yaml
    name: Text  # the full name, which may say the kind of cancer (teaching and evidence views)
    title: Text | None = None  # the patient's heading when the name carries subtype words (default: name)
    plain: Text  # what it is in a few everyday words, after the name (first screen, take-home)
    given: list[Way] = Field(min_length=1)  # every way it is given, main way first
    drugs: list[DrugName] = []
    timing: Timing
    rank: int = Field(default=50, ge=1, le=99)  # within its timing group: lower is usually met first
    when: ConditionField
    summary: Text
    why: Text
    details: Details
    questions: list[Line] = []
    research: Text | None = None
    research_drugs: list[DrugName] = []  # their US status is added to the research text from the registry
    research_when: ConditionField = None  # shown only to people it can concern (default: everyone shown the option)
    europe: Text | None = None
    ask_team: list[AskTeam] = []
    safety: list[Id] = []  # shared safety sentences (safety.yaml): pregnancy, interactions
    evidence: Evidence = Evidence()
    sources: list[Id] = Field(min_length=1)
    reviewed: Date
    cases: Cases

    @property
    def heading(self) -> str:
        """The patient's heading: the title, or the name when it needs none."""
        return self.title or self.name


class OptionFile(Strict):
    options: list[Option] = Field(min_length=1)


# ---- sites of spread ----------------------------------------------------------------------

class UrgentSigns(Strict):
    """Warning signs in two tiers, each sign written once under its tier's heading."""

    emergency: list[Text] = Field(min_length=1)  # call the emergency number or go to the emergency department now
    today: list[Text] = []  # call the care team today, even at night


class Site(Strict):
    id: Literal[SITE_VALUES]  # type: ignore[valid-type]
    name: Text
    summary: Text
    what_it_means: Text
    symptoms: list[Text] = Field(min_length=1)
    local_treatments: list[Text] = []
    urgent_signs: UrgentSigns
    # The same signs as a family member sees them ("Their legs feel weak..."), one for one and in
    # the same order as urgent_signs (the loader refuses lists of another length).
    carer_signs: UrgentSigns
    related_options: list[Id] = []
    sources: list[Id] = Field(min_length=1)
    reviewed: Date

    def signs(self, reader: str = SELF) -> UrgentSigns:
        """The warning signs as this reader reads them."""
        return self.carer_signs if reader == CAREGIVER else self.urgent_signs


class SiteFile(Strict):
    sites: list[Site] = Field(min_length=1)


# ---- everything else ---------------------------------------------------------------------

class Source(Strict):
    id: Id
    title: Text
    publisher: Text
    url: HttpsUrl
    date: Annotated[str, StringConstraints(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
    kind: Literal["guideline", "regulatory", "trial", "patient_education"]


class SourceFile(Strict):
    sources: list[Source] = Field(min_length=1)


class Question(Strict):
    id: Id
    text: Text
    when: ConditionField = None


class Matter(Strict):
    """A "what matters most to me" choice and the question it adds. It never changes which
    options are shown or their order: it is for the conversation with the care team."""
    id: Id
    label: Text
    text: Text


class QuestionFile(Strict):
    questions: list[Question] = Field(min_length=1)
    matters: list[Matter] = []


class Term(Strict):
    term: Text
    definition: Text
    pronunciation: Text | None = None
    say: Text | None = None  # how a voice reading the page aloud should say the term
    also: list[Text] = []
    drug: DrugName | None = None  # a drug's term: its US status is added from the registry


class GlossaryFile(Strict):
    terms: list[Term] = Field(min_length=1)


class InputValue(Strict):
    label: Text
    help: Text | None = None


class ReportResult(Strict):
    """How a result is written on a report, and the answer it means here."""

    says: Text
    value: str


class Input(Strict):
    label: Text
    short: Text | None = None  # a test's short name (PIK3CA), where several are named together
    question: Text
    help: Text
    on_report: Text | None = None  # where the result is found on a report, in words
    report_results: list[ReportResult] = []  # results as a report writes them, each mapped to an answer
    values: dict[str, InputValue]


class InputsFile(Strict):
    inputs: dict[str, Input]


class Words(Strict):
    """Small words the engine uses to put gates into sentences, in the rule set's language."""

    word_or: Text
    word_none: Text
    rule_always: Text
    rule_all_of: Text
    rule_any_of: Text
    rule_none_of: Text
    rule_any_one: Text  # before alternatives a reader must not take as all needed: "any one of:"


class UrgentWords(Strict):
    """Headings of the two tiers; ``{number}`` is the emergency number."""

    emergency: Text
    today: Text


class StatusWords(Strict):
    """Sentences that state a drug's US status, filled in from the registry. They are the only
    texts of the rule set allowed to speak of approval."""

    approved_on: Text  # {drug} {date} {indication}
    pending_expected: Text  # {drug} {checked} {decision}
    pending_passed: Text  # {drug} {decision}: the decision day has passed and the registry is not yet updated
    pending_open: Text  # {drug} {as_of}
    research: Text  # {drug} {checked}
    checked: Text  # {date}


class ClinicalReview(Strict):
    """The named clinician who signed off this content version, as they wish to be named."""

    reviewer: Text  # name and role, e.g. "Dr A. Person, consultant medical oncologist"
    date: Date


class Meta(Strict):
    content_version: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{1,2}\.\d+$")]
    reviewed: Date
    # Empty until a named clinician signs this version off (CONTRIBUTING.md); never filled in otherwise.
    clinical_review: ClinicalReview | None = None
    review_window_days: int = Field(ge=30, le=1095)
    disclaimer: Text
    baseline: Text
    words: Words
    general_urgent_signs: UrgentSigns
    everyday_lines: list[Text] = Field(min_length=1)  # not warning signs, for "Check what I understood"
    general_carer_signs: UrgentSigns  # the same signs as a family member sees them, one for one
    men_note: Text  # what is different for men, shown first on a man's results
    men_note_sources: list[Id] = Field(min_length=1)
    emergency_number: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,4}$")]
    urgent_words: UrgentWords
    status_words: StatusWords

    def general_signs(self, reader: str = SELF) -> UrgentSigns:
        """The warning signs for everyone, as this reader reads them."""
        return self.general_carer_signs if reader == CAREGIVER else self.general_urgent_signs


class Prompts(Strict):
    """Questions for one stage of an unfolding case, in the order nurses are taught to reason
    (Tanner's clinical judgment model): notice, interpret, respond, reflect."""

    notice: list[Text] = Field(min_length=1)
    interpret: list[Text] = Field(min_length=1)
    respond: list[Text] = Field(min_length=1)
    reflect: list[Text] = Field(min_length=1)


class Stage(Strict):
    """One stage of an unfolding case (first diagnosis, progression, a new biopsy): what happens,
    the answers as they now stand, its prompts, and promises about what the explainer shows."""

    id: Id
    name: Text
    story: Text
    profile: CaseProfile
    prompts: Prompts
    shows: list[Id] = Field(min_length=1)
    hides: list[Id] = []


class Vignette(Strict):
    """A teaching case: a short story, its profile, questions for discussion, and promises
    about what the explainer shows for it (checked at load time).

    An unfolding case has ``stages`` instead (two or more), each with its own profile, prompts and
    promises; its ``story`` then only introduces the person. The loader refuses a case that mixes
    the two forms.
    """

    id: Id
    title: Text
    story: Text
    profile: CaseProfile | None = None
    discussion: list[Text] = []
    shows: list[Id] = []
    hides: list[Id] = []
    stages: list[Stage] = []
    reviewed: Date


class VignetteFile(Strict):
    vignettes: list[Vignette] = Field(min_length=1)


# ---- the drug registry: US status of every drug the content names ------------------------

DrugStatus = Literal["approved", "pending", "research"]


def _sentences(value: str) -> str:
    if not value.endswith((".", "。")):  # a Chinese sentence ends with its own full stop
        raise ValueError("must be whole sentences, ending with a full stop")
    return value


class Approval(Strict):
    id: Id
    date: Date
    indication: Annotated[Text, AfterValidator(_sentences)]  # shown after "<drug>: approved ... on <date>."
    sources: list[Id] = Field(min_length=1)


class Drug(Strict):
    """One drug's US status. ``approved`` lists the dated approvals the content relies on;
    ``pending`` names when the FDA is expected to decide (``expected_decision``) or, when no
    date is known, the last date its status was confirmed and when it must be checked again
    (``status_as_of``, ``recheck_by``); ``research`` means only in clinical trials."""

    id: DrugName
    brands: list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9 \-]*$", max_length=40)]] = []
    status: DrugStatus
    approvals: list[Approval] = []
    expected_decision: Date | None = None
    status_as_of: Date | None = None
    recheck_by: Date | None = None
    sources: list[Id] = Field(min_length=1)


class DrugRegistry(Strict):
    checked_up_to: Date
    drugs: list[Drug] = Field(min_length=1)


# ---- what treatment aims to do, supportive care and where to find support -------------------

class Helpline(Strict):
    id: Id
    name: Text
    what: Text
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9][0-9-]{1,19}$")] | None = None  # for the printout
    url: HttpsUrl
    sources: list[Id] = Field(min_length=1)
    reviewed: Date


class CarerSupport(Strict):
    """For a reader who cares for the person: what treatment aims to do, said to them, and their
    own card: how to help at a visit, looking after themselves, and support lines for carers."""

    aims: Text  # the same as SupportFile.aims, as a family member reads it (same sources)
    help_at_visit: list[Text] = Field(min_length=1)
    look_after_yourself: list[Text] = Field(min_length=1)
    sources: list[Id] = Field(min_length=1)
    helplines: list[Helpline] = Field(min_length=1)


class SupportFile(Strict):
    aims: Text  # what treatment for stage 4 usually aims to do, said calmly
    aims_sources: list[Id] = Field(min_length=1)
    care: Text  # what supportive and palliative care are
    care_sources: list[Id] = Field(min_length=1)
    helplines: list[Helpline] = Field(min_length=1)
    carer: CarerSupport

    def aims_for(self, reader: str = SELF) -> str:
        """What treatment aims to do, as this reader reads it."""
        return self.carer.aims if reader == CAREGIVER else self.aims


# ---- practical help, by how a treatment is given (practical.yaml) -------------------------

# The ways a medicine is given: each needs its practical questions (the loader checks it).
MEDICINE_WAYS = ("pill", "drip", "shot")
# What a practical question is about. "What matters most to me" choices bring topics first.
TOPICS = ("visit", "travel", "work", "cost", "bring", "family")
Topic = Literal[TOPICS]  # type: ignore[valid-type]


class PracticalQuestion(Strict):
    """A question to ask the care team, never an answer: ``id`` is its topic (one per way)."""

    id: Topic
    text: Text


class PracticalWay(Strict):
    id: Way
    questions: list[PracticalQuestion] = Field(min_length=1)


class Help(Strict):
    """Who can help with costs, travel, work and forms; only help that takes no industry money."""

    id: Id
    name: Text
    what: Text
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9][0-9-]{1,19}$")] | None = None
    url: HttpsUrl | None = None  # a link at home, plain text on a kiosk
    sources: list[Id] = Field(min_length=1)
    reviewed: Date


class TakeHome(Strict):
    """The one line the take-home page gives practical help."""

    text: Text
    sources: list[Id] = Field(min_length=1)


class PracticalFile(Strict):
    ways: list[PracticalWay] = Field(min_length=1)
    help: list[Help] = Field(min_length=1)
    take_home: TakeHome
    # A "what matters most to me" choice (questions.yaml, matters) -> the topics it brings first.
    matters: dict[Id, list[Topic]] = {}


# ---- the rule set's own words: kinds of treatment, subtype names, the subtype table ---------

class Kind(Strict):
    """A kind of treatment (an option's ``class``): its name, and the emoji that marks it in headings."""

    id: Id
    name: Text
    emoji: Annotated[str, StringConstraints(min_length=1, max_length=4)]
    medicines: bool = True  # false for radiation, surgery, care and trials: their options list no drugs


class Named(Strict):
    id: Id
    name: Text


class TableWords(Strict):
    """The subtype table's words (teaching page, CSV, spreadsheet, command line)."""

    title: Text
    version: Text
    made_on: Text
    row_header: Text
    any_site: Text
    not_sure: Text
    used: Text
    only_if: Text  # {inputs}: the short names of the answers a cell waits on
    not_used: Text
    answers: list[Named] = Field(min_length=1)  # short names of what a cell can wait on


class VocabularyFile(Strict):
    kinds: list[Kind] = Field(min_length=1)
    subtypes: list[Named] = Field(min_length=1)
    table: TableWords


# ---- safety sentences many options share ---------------------------------------------------

class SafetyNote(Strict):
    """One agreed wording of a safety sentence (pregnancy, a drug interaction), written once and
    named by every option it concerns, so a label change is one edit. ``text`` is what everyone
    reads; ``men``, where given, is the same fact as it concerns a man (a partner who could
    become pregnant, say), so a man never reads a sentence written for someone who could be.
    ``label_sources`` names, per drug, which of ``sources`` is that drug's own label: a card then
    cites only the labels of its own drugs (all ``sources`` when none of its drugs is named)."""

    id: Id
    text: Text
    men: Text | None = None
    sources: list[Id] = Field(min_length=1)
    label_sources: dict[str, list[Id]] = {}
    reviewed: Date


class SafetyFile(Strict):
    notes: list[SafetyNote] = Field(min_length=1)


class ChangelogEntry(Strict):
    version: Annotated[str, StringConstraints(pattern=r"^\d{4}\.\d{1,2}\.\d+$")]
    date: Date
    changes: list[Text] = Field(min_length=1)


class ChangelogFile(Strict):
    changelog: list[ChangelogEntry] = Field(min_length=1)


# ---- who translated each language and who checked it (translations.yaml) ------------------


class Translation(Strict):
    """One language's translation: who made it and who checked it. Until a qualified medical
    translator has checked it, a translation is a draft, and its screens and printout say so."""

    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,8})?$")]
    english_name: Text  # "Spanish", "Chinese (Simplified)"
    status: Literal["draft", "reviewed"]
    translated_by: Text  # who made it, as they wish to be named
    translated_on: Date
    reviewed_by: Text | None = None  # the medical translator who checked it, as they wish to be named
    reviewed_on: Date | None = None
    draft_note: Text | None = None  # in the language itself: "This translation has not yet been checked..."
    draft_note_en: Text | None = None  # the same sentence in English, shown beside it


class TranslationsFile(Strict):
    translations: list[Translation] = Field(min_length=1)
