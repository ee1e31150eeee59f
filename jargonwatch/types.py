"""Core value types: findings, sentences and scores.

Everything here is a frozen dataclass of plain Python values, so a report can be
kept, compared, pickled by the user or turned into JSON without holding any spaCy
object alive.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, IntEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .readability import Formulas


class Severity(IntEnum):
    """How serious a finding is. Ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str | int | Severity) -> Severity:
        """Read a severity from its name ("warning"), its number or itself."""
        if isinstance(value, Severity):
            return value
        if isinstance(value, int):
            return cls(value)
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            names = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {value!r}: use one of {names}") from None

    def __str__(self) -> str:
        return self.name.lower()


class Family(str, Enum):
    """The problem families of TAXONOMY.md; the code's hundreds digit names the family."""

    TOOL = "tool"
    JARGON = "jargon"
    THEM_US = "them_us"
    TOKENISM = "tokenism"
    ACCESSIBILITY = "accessibility"

    @classmethod
    def of_code(cls, code: str) -> Family:
        return _FAMILY_BY_DIGIT[code[2]]

    def __str__(self) -> str:
        return self.value


_FAMILY_BY_DIGIT = {
    "0": Family.TOOL,
    "1": Family.JARGON,
    "2": Family.THEM_US,
    "3": Family.TOKENISM,
    "4": Family.ACCESSIBILITY,
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found in a text: a half-open character span plus what to do about it."""

    code: str
    name: str
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...] = ()
    severity: Severity = Severity.WARNING
    confidence: float = 1.0
    note: str | None = None
    source: str = ""
    sentence: int | None = None

    @property
    def family(self) -> Family:
        return Family.of_code(self.code)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "family": self.family.value,
            "severity": str(self.severity),
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "suggestions": list(self.suggestions),
            "confidence": self.confidence,
            "note": self.note,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """One sentence: its span, the counts behind its readability, and (later) its ladder rung.

    ``readability()`` gives every formula for the sentence; ``grade`` and ``reading_ease`` are
    the two that the JSON output carries.
    """

    start: int
    end: int
    words: int
    syllables: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    difficult_words: int = 0
    letters: int = 0
    passive: bool | None = None
    rung: int | None = None
    # From the sentence models (None when they are switched off or not installed).
    rung_confidence: float | None = None
    hard: float | None = None  # calibrated probability that the sentence is hard for the reader
    them_us: float | None = None  # probability that it holds "them and us" language
    tokenism: float | None = None  # probability that it describes tokenism

    def readability(self) -> Formulas:
        from .readability import Counts, formulas

        return formulas(
            Counts(
                words=self.words,
                sentences=1,
                syllables=self.syllables,
                polysyllables=self.polysyllables,
                complex_words=self.complex_words,
                difficult_words=self.difficult_words,
                letters=self.letters,
            )
        )

    @property
    def grade(self) -> float:
        """Flesch-Kincaid grade of the sentence."""
        if not self.words:
            return 0.0
        return 0.39 * self.words + 11.8 * self.syllables / self.words - 15.59

    @property
    def reading_ease(self) -> float:
        """Flesch reading ease of the sentence."""
        if not self.words:
            return 0.0
        return 206.835 - 1.015 * self.words - 84.6 * self.syllables / self.words

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "grade": round(self.grade, 2),
            "reading_ease": round(self.reading_ease, 2),
            "passive": self.passive,
            "rung": self.rung,
            "rung_confidence": self.rung_confidence,
            "hard": None if self.hard is None else round(self.hard, 3),
            "them_us": None if self.them_us is None else round(self.them_us, 3),
            "tokenism": None if self.tokenism is None else round(self.tokenism, 3),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """Document-level readability figures. See ``jargonwatch.readability`` for the formulas."""

    words: int
    sentences: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    gunning_fog: float
    dale_chall: float
    coleman_liau: float
    automated_readability_index: float
    words_per_sentence: float
    syllables_per_word: float
    passive_ratio: float | None
    jargon_per_100_words: float
    reading_age: float
    accessibility: float
    # Expected shares of sentences, from the calibrated sentence models (None without them).
    hard_share: float | None = None
    them_us_share: float | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in self.__slots__:  # type: ignore[attr-defined]
            value = getattr(self, name)
            out[name] = round(value, 2) if isinstance(value, float) else value
        return out


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding hidden by an inline suppression comment, with the comment's reason."""

    finding: Finding
    kind: str
    reason: str
    line: int
