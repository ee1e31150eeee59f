"""Features of a word (or a short multi-word target) for the hard-word model.

Frequency (wordfreq's Zipf scale, the strongest single signal of whether a reader knows a
word), length, syllables, morphology (affixes kept as data in
lexicons/models/word_features.json), part of speech, capitalisation and membership of the
project's lexicons. A multi-word target ("rebel-held town") is described by its rarest,
longest word plus its length in words.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lexicon.loader import Lexicon, bundled_dir
from ..readability import easy_words
from ..syllables import is_dictionary_word, syllables
from .frequency import zipf

POS_GROUPS = ("NOUN", "VERB", "ADJ", "ADV", "PROPN")
ZIPF_BINS = 8  # [0,1), [1,2), ... [7, inf)

FEATURES: tuple[str, ...] = (
    "zipf",
    "zipf_lemma",
    "zipf_missing",
    *(f"zipf_bin_{i}" for i in range(ZIPF_BINS)),
    "zipf_x_chars",
    "chars",
    "log_chars",
    "syllables",
    "syllables_3plus",
    "difficult",
    "cmu_unknown",
    "suffix",
    "prefix",
    *(f"pos_{p}" for p in POS_GROUPS),
    "pos_other",
    "capitalised",
    "all_caps",
    "hyphen",
    "digit",
    "lexicon_jargon",
    "lexicon_never_flag",
    "lexicon_abbreviation",
    "words_2",
    "words_3plus",
)


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    lemma: str = ""
    pos: str = ""
    sentence_start: bool = False


@dataclass(frozen=True)
class LexiconWords:
    """The single words the lexicons know, for the membership features."""

    jargon: frozenset[str] = frozenset()
    never_flag: frozenset[str] = frozenset()
    abbreviations: frozenset[str] = frozenset()

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> LexiconWords:
        jargon = {
            form.lower()
            for e in lexicon.entries
            if e.code.startswith("JW1")
            for form, _ in e.surface
            if " " not in form
        }
        never = {w.lower() for w in lexicon.never_flag if " " not in w}
        abbreviations = {a.lower() for a in lexicon.abbreviations} | {
            a.lower() for a in lexicon.known_abbreviations
        }
        return cls(frozenset(jargon), frozenset(never), frozenset(abbreviations))


@lru_cache(maxsize=1)
def affixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(suffixes, prefixes) from lexicons/models/word_features.json, longest first."""
    data = json.loads((bundled_dir() / "models" / "word_features.json").read_text(encoding="utf-8"))
    suffixes = tuple(sorted(data["suffixes"], key=len, reverse=True))
    prefixes = tuple(sorted(data["prefixes"], key=len, reverse=True))
    return suffixes, prefixes


def _has_suffix(word: str, suffixes: tuple[str, ...]) -> bool:
    return any(word.endswith(s) and len(word) - len(s) >= 3 for s in suffixes)


def _has_prefix(word: str, prefixes: tuple[str, ...]) -> bool:
    return any(word.startswith(p) and len(word) - len(p) >= 4 for p in prefixes)


def _key(word: Word) -> str:
    return word.text.strip("'\u2019.,;:!?\"()[]")


def word_features(target: Sequence[Word], lexicon: LexiconWords | None = None) -> list[float]:
    """The feature vector (in the order of ``FEATURES``) for one target of one or more words."""
    words = [w for w in target if any(ch.isalpha() for ch in w.text)] or list(target)
    if not words:
        return [0.0] * len(FEATURES)
    lex = lexicon or LexiconWords()
    suffixes, prefixes = affixes()
    easy = easy_words()
    # The word that decides: the rarest (ties: the longest).
    scored = [(zipf(_key(w)), -len(w.text), i) for i, w in enumerate(words)]
    z, _, pick = min(scored)
    w = words[pick]
    text = _key(w)
    lower = text.lower()
    lemma = (w.lemma or text).lower()
    z_lemma = max(z, zipf(lemma)) if lemma else z
    chars = len(text)
    syl = max((syllables(_key(x)) for x in words), default=0)
    pos = w.pos if w.pos in POS_GROUPS else "other"
    letters = [ch for ch in text if ch.isalpha()]
    row = {
        "zipf": z,
        "zipf_lemma": z_lemma,
        "zipf_missing": float(z == 0.0),
        "zipf_x_chars": z * math.log(1 + chars),
        "chars": float(max(len(_key(x)) for x in words)),
        "log_chars": math.log(1 + chars),
        "syllables": float(syl),
        "syllables_3plus": float(syl >= 3),
        "difficult": float(lower not in easy and lemma not in easy),
        "cmu_unknown": float(not is_dictionary_word(lower)),
        "suffix": float(_has_suffix(lower, suffixes)),
        "prefix": float(_has_prefix(lower, prefixes) or lower.startswith("co-")),
        "capitalised": float(bool(text[:1].isupper()) and not w.sentence_start),
        "all_caps": float(len(letters) >= 2 and all(ch.isupper() for ch in letters)),
        "hyphen": float("-" in text),
        "digit": float(any(ch.isdigit() for ch in text)),
        "lexicon_jargon": float(lower in lex.jargon or lemma in lex.jargon),
        "lexicon_never_flag": float(lower in lex.never_flag or lemma in lex.never_flag),
        "lexicon_abbreviation": float(lower in lex.abbreviations),
        "words_2": float(len(words) == 2),
        "words_3plus": float(len(words) >= 3),
    }
    row[f"zipf_bin_{min(int(z), ZIPF_BINS - 1)}"] = 1.0
    row[f"pos_{pos}"] = 1.0
    return [row.get(name, 0.0) for name in FEATURES]
