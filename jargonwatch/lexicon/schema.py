"""The schema of lexicon files (see lexicons/README.md), as pydantic models.

``extra="forbid"`` everywhere: a misspelt key is an error, not a silent no-op.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SeverityName = Literal["info", "warning", "error"]
Pos = Literal["noun", "verb", "adj", "adv", "phrase"]

_CODE = re.compile(r"^JW[1-3]\d\d$")
_ALLOWED_PATTERN_KEYS = {
    "ORTH",
    "TEXT",
    "LOWER",
    "LEMMA",
    "NORM",
    "POS",
    "TAG",
    "DEP",
    "MORPH",
    "OP",
    "LENGTH",
    "IS_PUNCT",
    "IS_ALPHA",
    "IS_DIGIT",
    "IS_TITLE",
    "IS_UPPER",
    "IS_LOWER",
    "IS_STOP",
    "IS_SENT_START",
    "LIKE_NUM",
    "ENT_TYPE",
    "SHAPE",
    "IS_CURRENCY",
    "IS_SPACE",
    "IS_BRACKET",
    "IS_QUOTE",
    "IS_LEFT_PUNCT",
    "IS_RIGHT_PUNCT",
    "LIKE_URL",
    "LIKE_EMAIL",
    "PREFIX",
    "SUFFIX",
    "SENT_START",
    "ENT_IOB",
    "ENT_ID",
    "ENT_KB_ID",
    "_",
}


def slug(text: str) -> str:
    """A stable id for a term: lower case, words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Examples(_Strict):
    flag: list[str] = Field(min_length=1, description="Sentences that must produce this entry's finding.")
    pass_: list[str] = Field(
        min_length=1, alias="pass", description="Sentences that must not produce this entry's finding."
    )


class PassExamples(_Strict):
    pass_: list[str] = Field(min_length=1, alias="pass")


class TermEntry(_Strict):
    term: str = Field(min_length=1)
    pos: Pos
    variants: list[str] = Field(default_factory=list)
    plain: list[str] = Field(default_factory=list)
    reason: str = Field(min_length=3)
    note: str | None = None
    severity: SeverityName | None = None
    source: str | None = None
    id: str | None = None
    unless_explained: bool = True
    first_use_only: bool = False
    case_sensitive: bool = False
    exceptions: list[str] = Field(default_factory=list)
    patterns: list[list[dict[str, Any]]] | None = None
    examples: Examples

    @field_validator("term", "variants", "exceptions", mode="after")
    @classmethod
    def _no_outer_space(cls, value: Any) -> Any:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item != item.strip() or not item.strip():
                raise ValueError(f"{item!r} has leading or trailing spaces or is empty")
        return value

    @field_validator("patterns", mode="after")
    @classmethod
    def _pattern_keys(cls, value: list[list[dict[str, Any]]] | None) -> Any:
        for pattern in value or []:
            if not pattern:
                raise ValueError("a pattern must have at least one token")
            for token in pattern:
                bad = set(token) - _ALLOWED_PATTERN_KEYS
                if bad:
                    raise ValueError(f"unknown token attribute(s) {sorted(bad)} in pattern {pattern}")
        return value

    @property
    def entry_id(self) -> str:
        return self.id or slug(self.term)

    @property
    def needs(self) -> tuple[str, ...]:
        """Pipeline annotations the entry's patterns need ("tagger", "parser")."""
        keys = {k for pattern in self.patterns or [] for token in pattern for k in token}
        needs = []
        if keys & {"POS", "TAG", "MORPH"}:
            needs.append("tagger")
        if "DEP" in keys:
            needs.append("parser")
        return tuple(needs)


class TermFile(_Strict):
    code: str
    source: str = Field(min_length=3)
    severity: SeverityName = "warning"
    description: str | None = None
    entries: list[TermEntry] = Field(min_length=1)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not _CODE.match(value):
            raise ValueError(f"{value!r} is not a lexicon code (JW1xx, JW2xx or JW3xx)")
        return value

    @model_validator(mode="after")
    def _plain_needed(self) -> TermFile:
        if self.code[2] in "12":
            for entry in self.entries:
                if not entry.plain:
                    raise ValueError(f"entry {entry.term!r}: 'plain' is required for {self.code}")
        return self


class AbbreviationEntry(_Strict):
    abbr: str = Field(min_length=2)
    expansions: list[str] = Field(min_length=1)
    plain: list[str] = Field(default_factory=list)
    source: str | None = None
    note: str | None = None
    examples: Examples


class AbbreviationFile(_Strict):
    code: Literal["JW103"]
    source: str = Field(min_length=3)
    severity: SeverityName = "warning"
    entries: list[AbbreviationEntry] = Field(min_length=1)


class KnownAbbreviation(_Strict):
    abbr: str = Field(min_length=1)
    expansion: str
    examples: PassExamples


class KnownAbbreviationFile(_Strict):
    source: str = Field(min_length=3)
    entries: list[KnownAbbreviation] = Field(min_length=1)


class NeverFlagEntry(_Strict):
    phrase: str = Field(min_length=2)
    reason: str = Field(min_length=3)
    examples: PassExamples


class NeverFlagFile(_Strict):
    source: str = Field(min_length=3)
    entries: list[NeverFlagEntry] = Field(min_length=1)


class Rung(_Strict):
    rung: int = Field(ge=1, le=8)
    name: str
    group: Literal["non-participation", "tokenism", "citizen power"]
    verbs: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)
    people_agent_verbs: list[str] = Field(default_factory=list)
    examples: list[str] = Field(min_length=1)


class LadderFile(_Strict):
    source: str = Field(min_length=3)
    rungs: list[Rung] = Field(min_length=8, max_length=8)
    # Words with which a document claims partnership or more (rung 6 and up): "co-produced".
    claims: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _all_rungs(self) -> LadderFile:
        if sorted(r.rung for r in self.rungs) != list(range(1, 9)):
            raise ValueError("the ladder needs rungs 1 to 8, once each")
        return self


class CueList(_Strict):
    cues: list[str] = Field(min_length=1)
    examples: list[str] = Field(min_length=1)


class ContextFile(_Strict):
    source: str = Field(min_length=3)
    explain_after: CueList
    define_as_subject: CueList
    explain_before: CueList
    explain_next_sentence: CueList
    mention_before: CueList
    # Earlier in the same clause: the practice is criticised or ruled out, not described ("we must not").
    criticise_before: CueList | None = None


class Group(_Strict):
    label: str
    nouns: list[str] = Field(min_length=1)


class AgencyExamples(_Strict):
    flag: list[str] = Field(min_length=1)
    pass_: list[str] = Field(min_length=1, alias="pass")


class Distancing(_Strict):
    """JW202 read from the parse: "our residents", "these families", "they" set against "we"."""

    possessives: list[str] = Field(min_length=1)  # "our"
    demonstratives: list[str] = Field(min_length=1)  # "these", "those"
    possessed: list[str] = Field(min_length=1)  # people nouns (lemmas) flagged after a possessive
    pointed: list[str] = Field(min_length=1)  # people nouns (lemmas) flagged after a demonstrative
    pronoun_groups: list[str] = Field(min_length=1)  # groups "they"/"them" may stand for
    pronoun_verbs: list[str] = Field(default_factory=list)  # "we <verb> for them": deciding for people
    examples: AgencyExamples


class Involvement(_Strict):
    """Tokenism read from the parse (JW301, JW302, JW304, JW305): who made the plan, who sits where."""

    plan_nouns: list[str] = Field(min_length=1)  # what gets drafted and then shown to people
    draft_words: list[str] = Field(min_length=1)  # "draft", "final", "finished": the plan is already made
    show_verbs: list[str] = Field(min_length=1)  # done with a finished plan: present, share, consult on
    made_verbs: list[str] = Field(min_length=1)  # how a plan gets made or settled: develop, agree, approve
    drafting_verbs: list[str] = Field(min_length=1)  # how staff write a plan: develop, draft, design
    late_marks: list[str] = Field(min_length=1)  # "once", "after": the settling came before
    consult_words: list[str] = Field(min_length=1)  # survey, feedback, consulted: asking, not sharing power
    single_words: list[str] = Field(min_length=1)  # "a", "one", "single", "only"
    seat_nouns: list[str] = Field(min_length=1)  # one person's place: representative, member, rep
    lived_words: list[str] = Field(min_length=1)  # words that make a seat a lived-experience seat
    bodies: list[str] = Field(min_length=1)  # where the seat is: board, panel, steering group
    seat_verbs: list[str] = Field(min_length=1)  # how people get a seat: invite, appoint, join (JW304 plans)
    commit_words: list[str] = Field(min_length=1)  # committed, determined, value, pledge
    voice_words: list[str] = Field(min_length=1)  # voice, views, listen, involve: what is promised
    power_words: list[str] = Field(min_length=1)  # decide, vote, budget, chair: power attached
    basics_words: list[str] = Field(min_length=1)  # pay, expenses, notice, easy read: fair involvement
    examples: dict[str, AgencyExamples] = Field(default_factory=dict)  # per code


class AgencyFile(_Strict):
    source: str = Field(min_length=3)
    groups: dict[str, Group] = Field(min_length=1)
    recipient_verbs: list[str] = Field(min_length=1)
    examples: AgencyExamples
    distancing: Distancing | None = None
    involvement: Involvement | None = None
