"""Readability: counts per sentence, formulas per sentence and per document.

Words are whitespace-delimited runs of spaCy tokens that contain a letter or a
digit, so "co-production" and "people's" count as one word each, as they do in
textstat. Sentences are spaCy's (with block starts from the source), which is
where our figures and textstat's differ most: textstat splits sentences on
``.!?`` with a regular expression and drops sentences of two words or fewer.
On running prose of ordinary sentences the two agree to within the tolerances
tested in tests/test_readability.py (Flesch reading ease within 3 points, the
grade-level formulas within 0.6 of a grade, Coleman-Liau and ARI within 1.0 because
they count letters and digits where textstat counts every non-space character).

Formulas (W words, S sentences, Y syllables; per 100 words where stated):

* Flesch reading ease = 206.835 - 1.015 W/S - 84.6 Y/W
* Flesch-Kincaid grade = 0.39 W/S + 11.8 Y/W - 15.59
* SMOG = 1.043 sqrt(30 P/S) + 3.1291, P = words of 3+ syllables
* Gunning fog = 0.4 (W/S + 100 C/W), C = words of 3+ syllables not on the Dale-Chall list
* Dale-Chall = 0.1579 (100 D/W) + 0.0496 W/S, + 3.6365 when D/W > 5%, D = words not on the list
* Coleman-Liau = 0.0588 L - 0.296 S100 - 15.8, L letters and S100 sentences per 100 words
* ARI = 4.71 L/W + 0.5 W/S - 21.43 (L: letters and digits)
* UK reading age = Flesch-Kincaid grade + 5 (a US school grade is about 5 years younger than the
  pupil's age), clamped to 5..22.

The 0-100 accessibility score is documented in ``accessibility_score``.
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .syllables import syllables

if TYPE_CHECKING:
    from spacy.tokens import Span


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """The Dale-Chall list of familiar words, as shipped with textstat (read without importing it)."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    try:
        return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split() if w.strip())
    except OSError:
        return frozenset()


@dataclass(slots=True)
class Counts:
    """Additive counts over a stretch of text (a sentence or a whole document)."""

    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0
    complex_words: int = 0
    difficult_words: int = 0
    letters: int = 0
    passive_sentences: int = 0
    parsed_sentences: int = 0

    def add(self, other: Counts) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))


def _word_groups(span: Span) -> Iterable[tuple[str, str]]:
    """(word text, lemma of its first token) for each whitespace-delimited word in the span."""
    text: list[str] = []
    lemma = ""
    for token in span:
        if token.is_space:
            continue
        if not text:
            lemma = token.lemma_ or token.text
        text.append(token.text)
        if token.whitespace_ or token.i == span.end - 1:
            yield "".join(text), lemma
            text = []
    if text:
        yield "".join(text), lemma


def _strip(word: str) -> str:
    return word.strip(".,;:!?\"'()[]{}<>\u2018\u2019\u201c\u201d\u2026*_/\\|`~-\u2013\u2014")


def count_span(span: Span) -> Counts:
    """Counts for one sentence."""
    c = Counts(sentences=1)
    easy = easy_words()
    for raw, lemma in _word_groups(span):
        word = _strip(raw)
        if not word or not any(ch.isalnum() for ch in word):
            continue
        c.words += 1
        n = syllables(word)
        c.syllables += n
        c.letters += sum(1 for ch in word if ch.isalnum())
        lower = word.lower()
        on_list = lower in easy or lemma.lower() in easy
        if n >= 3:
            c.polysyllables += 1
            if not on_list:
                c.complex_words += 1
        if not on_list and not lower.isdigit():
            c.difficult_words += 1
    return c


def fk_grade(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return 0.39 * words / sentences + 11.8 * syllable_count / words - 15.59


def flesch_reading_ease(words: int, sentences: int, syllable_count: int) -> float:
    if not words or not sentences:
        return 0.0
    return 206.835 - 1.015 * words / sentences - 84.6 * syllable_count / words


@dataclass(frozen=True, slots=True)
class Formulas:
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    smog: float
    gunning_fog: float
    dale_chall: float
    coleman_liau: float
    automated_readability_index: float
    words_per_sentence: float
    syllables_per_word: float
    reading_age: float


def formulas(c: Counts) -> Formulas:
    """Every readability formula for a set of counts (zeros for an empty text)."""
    w, s = c.words, c.sentences
    if not w or not s:
        return Formulas(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 5.0)
    wps = w / s
    spw = c.syllables / w
    fre = flesch_reading_ease(w, s, c.syllables)
    fkgl = fk_grade(w, s, c.syllables)
    smog = 1.043 * math.sqrt(30 * c.polysyllables / s) + 3.1291
    fog = 0.4 * (wps + 100 * c.complex_words / w)
    pct_difficult = 100 * c.difficult_words / w
    dale = 0.1579 * pct_difficult + 0.0496 * wps + (3.6365 if pct_difficult > 5 else 0.0)
    cli = 0.0588 * (100 * c.letters / w) - 0.296 * (100 * s / w) - 15.8
    ari = 4.71 * c.letters / w + 0.5 * wps - 21.43
    return Formulas(
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fkgl,
        smog=smog,
        gunning_fog=fog,
        dale_chall=dale,
        coleman_liau=cli,
        automated_readability_index=ari,
        words_per_sentence=wps,
        syllables_per_word=spw,
        reading_age=reading_age(fkgl),
    )


def reading_age(grade: float) -> float:
    """UK reading age in years from a US grade level."""
    return min(22.0, max(5.0, grade + 5.0))


def accessibility_score(
    fre: float,
    grade: float,
    target_grade: float,
    long_sentence_share: float,
    passive_ratio: float | None,
    jargon_per_100_words: float,
) -> float:
    """A 0-100 summary: 100 reads easily for a general audience, 0 shuts most readers out.

    A weighted mean of five parts, each scaled to 0..1:

    * ease (weight 0.35): Flesch reading ease, 30 -> 0 and 80 -> 1;
    * grade (0.25): 1 at or below the target grade, falling to 0 at target + 6;
    * sentence length (0.15): 1 minus twice the share of sentences over the length limit;
    * passive voice (0.10): 1 minus the passive ratio / 0.3 (dropped, and the rest reweighted,
      when the pipeline has no parser);
    * jargon (0.15): 1 minus jargon findings per 100 words / 5.

    The weights are a documented starting point, to be calibrated against labelled data.
    """

    def clamp(x: float) -> float:
        return max(0.0, min(1.0, x))

    parts = [
        (0.35, clamp((fre - 30.0) / 50.0)),
        (0.25, clamp(1.0 - max(0.0, grade - target_grade) / 6.0)),
        (0.15, clamp(1.0 - 2.0 * long_sentence_share)),
        (0.15, clamp(1.0 - jargon_per_100_words / 5.0)),
    ]
    if passive_ratio is not None:
        parts.append((0.10, clamp(1.0 - passive_ratio / 0.3)))
    total = sum(w for w, _ in parts)
    return round(100.0 * sum(w * v for w, v in parts) / total, 1)
