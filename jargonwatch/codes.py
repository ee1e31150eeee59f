"""The registry of finding codes: one RuleSpec per code in TAXONOMY.md.

Codes are never reused. A code whose detector is not built yet is listed with
status ``planned`` so that ``jargonwatch rules`` shows the whole map honestly.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .types import Family, Severity


class Status(str, Enum):
    STABLE = "stable"
    PREVIEW = "preview"
    PLANNED = "planned"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class RuleSpec:
    code: str
    name: str
    label: str
    summary: str
    what: str
    why: str
    example: str
    better: str
    severity: Severity = Severity.WARNING
    status: Status = Status.STABLE
    needs: tuple[str, ...] = ()

    @property
    def family(self) -> Family:
        return Family.of_code(self.code)

    @property
    def url(self) -> str:
        return f"https://github.com/jargonwatch/jargonwatch/blob/main/docs/rules.md#{self.code.lower()}"

    def docs(self) -> str:
        """The rule's documentation as Markdown."""
        needs = f"\n\nNeeds: {', '.join(self.needs)} (skipped on a blank pipeline)." if self.needs else ""
        return (
            f"# {self.code} {self.name}\n\n"
            f"Family: {self.family.value}. Default severity: {self.severity}. Status: {self.status}.{needs}\n\n"
            f"## What it flags\n\n{self.what}\n\n"
            f"## Why it matters\n\n{self.why}\n\n"
            f"## Example\n\n{self.example}\n\n"
            f"## Better\n\n{self.better}\n"
        )


RULES: tuple[RuleSpec, ...] = (
    RuleSpec(
        code="JW001",
        name="unused-suppression",
        label="Unused suppression",
        summary="A suppression comment that suppresses nothing.",
        what="An inline `jargonwatch: ignore[...]` or `disable[...]` comment that no finding falls under.",
        why="Stale suppressions hide future problems and make readers think something was checked.",
        example="`<!-- jargonwatch: ignore[JW101] -->` above a line with no sector term.",
        better="Delete the comment.",
    ),
    RuleSpec(
        code="JW002",
        name="unreadable-file",
        label="Unreadable file",
        summary="A file that could not be read or parsed.",
        what=(
            "A path that is missing, empty, binary, too large, in an unsupported format, or not valid "
            "UTF-8 (then read as Windows-1252 with an info-level note). Reported, never a crash; the other "
            "files are still checked."
        ),
        why="A document that was not checked must not look as if it passed.",
        example="`report.docx: binary file (contains NUL bytes)`",
        better="Save the document as UTF-8 plain text or Markdown.",
        severity=Severity.ERROR,
    ),
    RuleSpec(
        code="JW101",
        name="sector-term",
        label="Sector term",
        summary="A health, social care or government word that insiders use.",
        what="Words such as *reablement*, *domiciliary care*, *care pathway* or *commissioning*.",
        why=(
            "People outside the sector, who are the people the document is about, do not know these words "
            "and have to stop and guess."
        ),
        example="You will be offered reablement after discharge.",
        better="You will get short-term help at home to relearn everyday skills after you leave hospital.",
    ),
    RuleSpec(
        code="JW102",
        name="management-buzzword",
        label="Buzzword",
        summary="A management buzzword.",
        what="Words such as *leverage*, *stakeholders*, *going forward*, *robust*, *holistic*.",
        why="Buzzwords sound important but say little; readers cannot tell what will actually happen.",
        example="Going forward we will leverage key stakeholders to drive transformation.",
        better="From now on we will work with the people involved to make big changes.",
    ),
    RuleSpec(
        code="JW103",
        name="unexplained-abbreviation",
        label="Unexplained abbreviation",
        summary="An abbreviation not spelled out at or before its first use.",
        what=(
            "An abbreviation such as *CCG* or *EHCP* whose full form has not appeared linked to it. Only the "
            "first unexplained use is reported, with the number of later uses. Abbreviations most UK adults "
            "know (NHS, GP, UK) are never flagged."
        ),
        why="An unexplained abbreviation is a locked door for anyone who does not already know it.",
        example="Ask your CCG about funding.",
        better="Ask your Clinical Commissioning Group (CCG) about funding.",
    ),
    RuleSpec(
        code="JW104",
        name="over-formal-word",
        label="Over-formal word",
        summary="An over-formal word with a common everyday equivalent.",
        what="Words such as *utilise*, *commence*, *prior to*, *in order to*, *endeavour*.",
        why="Formal words make text slower and harder to read and put distance between writer and reader.",
        example="Please ascertain your eligibility prior to commencing the application.",
        better="Please find out if you can get it before you start the application.",
    ),
    RuleSpec(
        code="JW105",
        name="therapy-speak",
        label="Therapy-speak",
        summary="Ordinary life relabelled as therapy or service activity.",
        what="Phrases such as *equine therapy* for horse riding or *community access* for going out.",
        why="Relabelling ordinary life turns people into patients and hides what they actually do.",
        example="Sam accesses the community twice a week.",
        better="Sam goes out twice a week: to the shops and to football.",
    ),
    RuleSpec(
        code="JW106",
        name="academic-term",
        label="Academic term",
        summary="An academic term.",
        what="Words such as *dyadic*, *reciprocity*, *praxis*, *discourse*.",
        why="Academic words shut out readers who have not studied the subject.",
        example="The project fostered reciprocity within dyadic relationships.",
        better="In each pair, both people gave and got something back.",
    ),
    RuleSpec(
        code="JW107",
        name="hard-word",
        label="Hard word",
        summary="A hard or rare word that no list contains, found by the hard-word model.",
        what="A word the reader is unlikely to know: rare in everyday English, long or technical.",
        why="Lists never cover everything; rare words stop readers whatever their source.",
        example="We will disaggregate the figures by ward.",
        better="We will split the figures up by ward.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW201",
        name="othering-label",
        label="Othering label",
        summary="A label that defines people by a condition or service relationship.",
        what=(
            "Labels such as *the elderly*, *the vulnerable*, *sufferers*, *wheelchair-bound*, *hard to reach*. "
            "Contested, often self-chosen terms (*service user*, *patient*, *carer*) get an info-level note "
            "on first use only."
        ),
        why="Labels turn people into a category and set them apart from 'us'.",
        example="The elderly and the vulnerable will be prioritised.",
        better="Older people and people who need most help will come first.",
    ),
    RuleSpec(
        code="JW202",
        name="distancing-framing",
        label="Distancing framing",
        summary="Possessive or distancing framing of people.",
        what="Phrases such as *our service users*, *these people*, *those families*.",
        why="Possessives and demonstratives make people the organisation's property or a group apart.",
        example="Our service users will benefit from the new model.",
        better="People who use our services will benefit from the new model.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW203",
        name="deficit-framing",
        label="Deficit framing",
        summary="Framing people by deficit, blame or burden.",
        what="Phrases such as *suffers from*, *a burden on*, *challenging behaviour*, *failed to engage*.",
        why="Deficit language blames people and hides what services did or did not do.",
        example="Mr Jones suffers from dementia and failed to engage with the service.",
        better="Mr Jones lives with dementia; he did not come to the appointments offered.",
    ),
    RuleSpec(
        code="JW204",
        name="passive-recipient",
        label="Passive recipients",
        summary="People appear only as the objects of professionals' actions.",
        what="Sentences such as *service users will be consulted* or *residents were placed*.",
        why="When people only ever receive actions, the text shows who holds power, and it is not them.",
        example="Service users will be consulted on the new model.",
        better="People who use the service will decide with us what the new model looks like.",
        status=Status.PREVIEW,
        needs=("parser",),
    ),
    RuleSpec(
        code="JW301",
        name="late-involvement",
        label="Late involvement",
        summary="Involvement that comes too late to change anything.",
        what="People asked to *sign off* a plan, or *presented* with decisions already made.",
        why="Being asked to approve what is already decided is tokenism, not involvement.",
        example="The draft strategy will be presented to the carers' forum for sign-off.",
        better="Carers will help write the strategy from the first meeting.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW302",
        name="token-presence",
        label="Token presence",
        summary="A single or symbolic seat presented as involvement.",
        what="*A service user representative*, *a token seat*, *a tick-box exercise*.",
        why="One person cannot speak for everyone, and a seat without a vote is not power.",
        example="A service user representative sits on the board.",
        better="Four people who use services sit on the board, with votes and paid time.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW303",
        name="consultation-as-coproduction",
        label="Consultation called co-production",
        summary="Consultation described as co-production.",
        what="Text that says *co-produced* or *co-designed* but describes only surveys, feedback or events.",
        why="Calling consultation co-production devalues the word and misleads readers about who decided.",
        example="This strategy was co-produced through an online survey.",
        better="We asked people for their views in an online survey (this was consultation, not co-production).",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW304",
        name="missing-involvement-basics",
        label="Missing involvement basics",
        summary="Involvement without the basics: pay, expenses, notice, access, feedback.",
        what="Unpaid involvement, short notice, inaccessible papers or venues, no feedback on what changed.",
        why="Without the basics only some people can take part, and they are treated as less than staff.",
        example="Papers will be circulated on the day; attendance is voluntary and unpaid.",
        better="Papers in easy read go out two weeks before; we pay for your time and travel.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW305",
        name="vague-commitment",
        label="Vague commitment",
        summary="A commitment to involvement with no decision, budget or role attached.",
        what="*We value the voice of*, *we will listen to*, *we are committed to involving*.",
        why="Warm words with no power attached change nothing for the people they name.",
        example="We are committed to involving service users in everything we do.",
        better="People who use services will hold half the seats and half the votes on the panel that decides.",
        status=Status.PREVIEW,
    ),
    RuleSpec(
        code="JW401",
        name="long-sentence",
        label="Long sentence",
        summary="A sentence longer than the configured limit (default 25 words).",
        what="A sentence with more words than `max-sentence-words`.",
        why="Long sentences are the commonest reason a text is hard to read; readers lose the thread.",
        example="A 40-word sentence with three clauses and two lists.",
        better="Split it into two or three sentences of 15 to 20 words.",
    ),
    RuleSpec(
        code="JW402",
        name="hard-sentence",
        label="Hard sentence",
        summary="A sentence whose readability is well above the target grade.",
        what="A sentence of 8 words or more whose Flesch-Kincaid grade is more than 4 above the target.",
        why="Long words and long sentences together make a sentence hard for most readers.",
        example="Comprehensive multidisciplinary reassessment necessitates considerable organisational coordination.",
        better="Checking everything again needs many teams to work together.",
    ),
    RuleSpec(
        code="JW403",
        name="passive-voice",
        label="Passive voice",
        summary="A passive that hides who does what.",
        what="A passive verb with no 'by ...' agent, such as *a decision was made*.",
        why="Agentless passives hide who decides, which is exactly what readers need to know.",
        example="A decision was made to close the day centre.",
        better="The council's cabinet decided to close the day centre.",
        severity=Severity.INFO,
        needs=("parser",),
    ),
    RuleSpec(
        code="JW404",
        name="document-above-target",
        label="Document above target",
        summary="The whole document reads above the target grade or below the target reading ease.",
        what="A document whose Flesch-Kincaid grade is above `target-grade` or whose Flesch reading ease is below `target-ease`.",
        why="Public information for a general audience should read at about grade 8 (reading age 13) or below.",
        example="A strategy with a Flesch-Kincaid grade of 15.",
        better="Shorter sentences, everyday words, and one idea per sentence.",
    ),
)

RULES_BY_CODE: dict[str, RuleSpec] = {rule.code: rule for rule in RULES}


def get_rule(code: str) -> RuleSpec:
    """Look up a rule by code (case-insensitive)."""
    try:
        return RULES_BY_CODE[code.strip().upper()]
    except KeyError:
        raise KeyError(f"unknown code {code!r}; run `jargonwatch rules` for the list") from None


def rules_markdown() -> str:
    """The rules table as Markdown (used by `jargonwatch rules --format md` and the README)."""
    lines = ["| code | name | family | severity | status | summary |", "|---|---|---|---|---|---|"]
    for r in RULES:
        lines.append(f"| {r.code} | {r.name} | {r.family.value} | {r.severity} | {r.status} | {r.summary} |")
    return "\n".join(lines) + "\n"
