"""JW103: abbreviations used before (or without) their full form.

An abbreviation counts as explained once its full form has appeared linked to
it, in either order: "Clinical Commissioning Group (CCG)" or "CCG (Clinical
Commissioning Group)". The link is recognised from the lexicon's known
expansions or, for abbreviations no list contains, by a Schwartz-Hearst style
alignment of the abbreviation's letters with the initial letters of the words.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.loader import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

# An abbreviation no list contains: three to eight capitals (and "&"), maybe a plural "s".
# Mixed case (WhatsApp, McDonald), digits (LS1 postcodes) and two-letter forms (CO, DR) only
# count when the lexicon lists them.
_SHAPE = re.compile(r"^[A-Z][A-Z&]{2,7}s?$")
_GLOSS = re.compile(
    r"^[ \t]*,?[ \t]*(?:which is|which means|meaning|that is|i\.e\.|or)[ \t]+([^,;:.!?()]{3,150})", re.I
)
_ROMAN = re.compile(r"^[IVXLCDM]+$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


@dataclass(frozen=True, slots=True)
class Occurrence:
    abbr: str  # the normalised form (plural "s" removed when that is what the lexicon knows)
    start: int
    end: int
    defined: bool  # this occurrence is itself linked to its full form


def _normalise(token: str, lexicon: Lexicon) -> str | None:
    """The abbreviation a token stands for, or None if it is not one (or is widely known)."""
    known = lexicon.known_abbreviations
    for form in (token, token[:-1] if token.endswith("s") and len(token) > 2 else None):
        if form is None:
            continue
        if form in known or form.upper() in known:
            return None
        if form in lexicon.abbreviations:
            return form
    if _SHAPE.match(token) and not _ROMAN.match(token):
        base = token[:-1] if token.endswith("s") and token[:-1].isupper() and len(token) > 2 else token
        if base in known or _is_word(base):
            return None
        return base
    return None


def _is_word(token: str) -> bool:
    """An ordinary word written in capitals for emphasis ("HELLO", "PRISM"), not an abbreviation:
    four letters or more and in the pronouncing dictionary."""
    from ..syllables import is_dictionary_word

    return len(token) >= 4 and is_dictionary_word(token.lower())


def initials_match(abbr: str, long_form: str) -> bool:
    """Schwartz-Hearst: can the abbreviation's letters be found, in order, in the long form,
    the first letter starting a word, reading from the end?"""
    short = [c.lower() for c in abbr if c.isalnum()]
    words = _WORD.findall(long_form)
    if not short or not words or len(words) > len(short) + 5 or len(words) > 2 * len(short) + 1:
        return False
    text = " ".join(words).lower()
    s_i, l_i = len(short) - 1, len(text) - 1
    while s_i >= 0:
        ch = short[s_i]
        while l_i >= 0 and (text[l_i] != ch or (s_i == 0 and l_i > 0 and text[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return False
        s_i -= 1
        l_i -= 1
    first_word_start = text.rfind(" ", 0, l_i + 2) + 1
    return first_word_start == 0  # the alignment must use the first word of the long form


def _matches_expansion(abbr: str, text: str, lexicon: Lexicon, before: bool) -> bool:
    entry = lexicon.abbreviations.get(abbr)
    lowered = " ".join(_WORD.findall(text)).lower()
    if entry:
        for exp in entry.expansions:
            e = " ".join(_WORD.findall(exp)).lower()
            if e and (lowered.endswith(e) if before else lowered.startswith(e)):
                return True
    if before:
        words = _WORD.findall(text)
        n = len([c for c in abbr if c.isalpha()])
        for size in range(max(1, n - 1), min(len(words), n + 4) + 1):
            if initials_match(abbr, " ".join(words[-size:])):
                return True
        return False
    return initials_match(abbr, text)


def find_abbreviations(doc: Doc, lexicon: Lexicon, offset: int = 0) -> list[Occurrence]:
    """Every abbreviation token in the doc, marking those that carry their own definition."""
    out: list[Occurrence] = []
    text = doc.text
    for sent in doc.sents:
        letters = [t.text for t in sent if t.is_alpha and len(t.text) > 2]
        shouting = len(letters) >= 3 and sum(1 for w in letters if w.isupper()) / len(letters) > 0.6
        for token in sent:
            word = token.text.rstrip(".")
            if len(word) < 2 or not word[0].isupper():
                continue
            abbr = _normalise(word, lexicon)
            if abbr is None or shouting:
                continue
            start, end = token.idx, token.idx + len(word)
            defined = False
            # "Long Form (ABBR)"
            if text[start - 1 : start] == "(" or text[max(0, start - 2) : start] == "( ":
                open_at = text.rfind("(", 0, start)
                preceding = text[max(sent.start_char, open_at - 150) : open_at]
                defined = _matches_expansion(abbr, preceding, lexicon, before=True)
            # "ABBR (Long Form)" or "ABBR, which is the long form"
            if not defined:
                m = re.match(r"[ \t]*\(([^()\n]{3,150})\)", text[end : end + 160])
                g = m or _GLOSS.match(text[end : end + 170])
                if g:
                    gloss = re.sub(r"^(?:the|a|an|our|your)\s+", "", g.group(1).strip(), flags=re.I)
                    defined = _matches_expansion(abbr, gloss, lexicon, before=False)
            out.append(Occurrence(abbr, start + offset, end + offset, defined))
    return out


@dataclass(frozen=True, slots=True)
class Unexplained:
    abbr: str
    start: int
    end: int
    later_uses: int
    defined_later_at: int | None


def unexplained(occurrences: Iterable[Occurrence]) -> list[Unexplained]:
    """For each abbreviation: its first use if no definition comes at or before it."""
    by_abbr: dict[str, list[Occurrence]] = {}
    for occ in occurrences:
        by_abbr.setdefault(occ.abbr, []).append(occ)
    out = []
    for abbr, occs in by_abbr.items():
        occs.sort(key=lambda o: o.start)
        if occs[0].defined:
            continue
        later_definition = next((o.start for o in occs if o.defined), None)
        out.append(Unexplained(abbr, occs[0].start, occs[0].end, len(occs) - 1, later_definition))
    out.sort(key=lambda u: u.start)
    return out
