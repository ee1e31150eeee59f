"""Context around a match: is the term explained, quoted, or only mentioned?

The cue words live in lexicons/context.yml; this module only knows how to look
for them next to a match. All functions work on a sentence's text and the
match's offsets relative to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..lexicon.schema import ContextFile

_BRACKET = re.compile(r"^[ \t]*[(\[][ \t]*([^()\[\]\n]{3,300})[)\]]")
_DASH_EXPLAIN = re.compile(r"^[ \t]*[\u2013\u2014-]{1,2}[ \t]+\w+(?:[ \t]+\w+){1,}")
_APPOSITIVE_OR = re.compile(r"^[ \t]*,[ \t]*or[ \t]+[^,.;:!?]{3,120},")
_LEADING_DET = re.compile(r"^[\s\"'\u2018\u201c(]*(?:(?:a|an|the|your|our)\s+)?$", re.I)
_OPENERS = {"\u201c": "\u201d", "\u2018": "\u2019", "\u00ab": "\u00bb"}


def alternation(cues: Iterable[str]) -> str:
    """A regex alternation of words or phrases, longest first, lower-cased, any spacing inside a phrase."""
    ordered = sorted({c.strip().lower() for c in cues if c.strip()}, key=len, reverse=True)
    return "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)


@lru_cache(maxsize=256)
def quoted_spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, words) of each quoted stretch: curly, straight and single quotes, apostrophes excluded."""
    spans: list[tuple[int, int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close: str | None = None
        if ch in _OPENERS:
            close = _OPENERS[ch]
        elif ch == '"':
            close = '"'
        elif ch == "'" and (i == 0 or not text[i - 1].isalnum()) and i + 1 < n and text[i + 1].isalpha():
            close = "'"
        if close is None:
            i += 1
            continue
        j = i + 1
        while j < n:
            c = text[j]
            if c == close and not (close in "'\u2019" and j + 1 < n and text[j + 1].isalpha()):
                break
            if c == "\n" and j + 1 < n and text[j + 1] == "\n":
                j = n
                break
            j += 1
        if j >= n:
            i += 1
            continue
        inner = text[i + 1 : j]
        spans.append((i, j + 1, len(inner.split())))
        i = j + 1
    return spans


_NEW_CLAUSE = re.compile(r",\s*(?:but|and|so|yet|then|because|although|though|while|whereas)\b", re.I)
_VAGUE_COPULA = re.compile(r"^(?:is|are)\s+(?:a|an|the)$", re.I)
_DEFINING_WORD = re.compile(r"^[^.;:!?]*?\b(?:for|that|which|who|where|when|to|by|of)\b\s*\w", re.I)


def _is_definition(cue: str, rest: str) -> bool:
    """ "Respite is a short break for carers" defines; "Mate crime is a growing problem" does not:
    after a bare "is a/an/the" the clause must say what, who or where it is for."""
    if not _VAGUE_COPULA.match(" ".join(cue.split())):
        return True
    return bool(_DEFINING_WORD.match(rest))


class ContextRules:
    """Compiled cue patterns from lexicons/context.yml."""

    def __init__(self, ctx: ContextFile | None) -> None:
        self.enabled = ctx is not None
        if ctx is None:
            return
        self._after = re.compile(
            r"^[ \t]*[,;:]?[ \t]*(?:" + alternation(ctx.explain_after.cues) + r")\b", re.I
        )
        self._define = re.compile(
            r"^[ \t]+(" + alternation(ctx.define_as_subject.cues) + r")\b(.*)", re.I | re.S
        )
        self._before = re.compile(
            r"\b(?:"
            + alternation(ctx.explain_before.cues)
            + r")(?:[ \t]+(?:a|an|the))?[ \t]*[\"'\u2018\u201c]?[ \t]*$",
            re.I,
        )
        self._next = re.compile(
            r"^[\s\"'\u2018\u201c]*(?:" + alternation(ctx.explain_next_sentence.cues) + r")\b", re.I
        )
        self._mention = re.compile(
            r"(?:^|\W)(?:" + alternation(ctx.mention_before.cues) + r")[ \t]*[\"'\u2018\u201c]?[ \t]*$", re.I
        )
        self._criticise = (
            re.compile(r"(?:^|\W)(?:" + alternation(ctx.criticise_before.cues) + r")(?=\W|$)", re.I)
            if ctx.criticise_before is not None
            else None
        )

    def explained(self, sentence: str, start: int, end: int, next_sentence: str | None) -> bool:
        """True when the matched term is explained right there (TAXONOMY: same or next breath)."""
        if not self.enabled:
            return False
        after = sentence[end : end + 300]
        bracket = _BRACKET.match(after)
        if bracket and len(bracket.group(1).split()) >= 2:
            return True
        if self._after.match(after) or _APPOSITIVE_OR.match(after) or _DASH_EXPLAIN.match(after):
            return True
        if _LEADING_DET.match(sentence[:start]):
            define = self._define.match(after)
            if define and _is_definition(define.group(1), define.group(2)):
                return True
        if self._before.search(sentence[max(0, start - 60) : start]):
            return True
        return bool(next_sentence and self._next.match(next_sentence))

    def criticised(self, sentence: str, start: int, end: int) -> bool:
        """True when, earlier in the same clause, the practice is ruled out or criticised rather than
        described: "we must not just ask people to sign off plans", "stop presenting finished plans"."""
        if not self.enabled or self._criticise is None:
            return False
        before = sentence[max(0, start - 90) : start]
        cut = max(before.rfind(c) for c in ".;:!?\u2013\u2014")
        clause = before[cut + 1 :]
        # A conjunction that starts a new clause ends the cue's reach: "we must not wait, but we asked ...".
        for m in _NEW_CLAUSE.finditer(clause):
            clause = clause[m.end() :]
        return bool(self._criticise.search(clause))

    def ruled_out(self, sentence: str, start: int, end: int, max_quote_words: int | None = None) -> bool:
        """Quoted or talked about, or criticised: the words are there, but not as the writer's practice."""
        return self.mentioned(sentence, start, end, max_quote_words) or self.criticised(sentence, start, end)

    def mentioned(self, sentence: str, start: int, end: int, max_quote_words: int | None = None) -> bool:
        """True when the term is quoted or talked about ("the word 'clients'") rather than used."""
        for q_start, q_end, words in quoted_spans(sentence):
            if q_start < start and end < q_end and (max_quote_words is None or words <= max_quote_words):
                return True
            if q_start >= end:
                break
        return self.enabled and bool(self._mention.search(sentence[max(0, start - 60) : start]))
