"""Lexicon matching: every term entry, as phrase and token patterns over a Doc.

Produces candidate matches with character offsets; the analyser decides which
become findings (explained, quoted, first use only, allow list, overlaps).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.loader import Entry, Lexicon

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: Entry
    tag: str | None
    start: int  # character offsets in the Doc's text
    end: int
    sent_start: int  # character offset of the sentence holding the match
    token_start: int
    token_end: int


class LexicalMatcher:
    """Phrase and token matchers compiled once per (pipeline, lexicon, allow list)."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        capabilities: frozenset[str],
        allow: Iterable[str] = (),
    ) -> None:
        from spacy.matcher import Matcher, PhraseMatcher

        allowed = {a.lower() for a in allow}
        self.keys: list[tuple[Entry, str | None]] = []
        self.skipped: list[Entry] = []
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.tokens = Matcher(nlp.vocab, validate=True)
        self.never = PhraseMatcher(nlp.vocab, attr="LOWER")
        tokenizer = nlp.tokenizer

        by_key: dict[str, list[str]] = {}
        key_of: dict[tuple[str, str | None], str] = {}
        for entry in lexicon.entries:
            if entry.id in allowed or entry.term.lower() in allowed:
                continue
            if entry.patterns:
                if not set(entry.needs) <= capabilities:
                    self.skipped.append(entry)
                    continue
                key = self._key(entry, None)
                self.tokens.add(key, entry.pattern_dicts())
                continue
            for text, tag in entry.surface:
                if (entry.id, tag) not in key_of:
                    key_of[(entry.id, tag)] = self._key(entry, tag)
                by_key.setdefault(key_of[(entry.id, tag)], []).append(text)

        make = _DocMaker(nlp)
        for key, texts in by_key.items():
            entry, _ = self.keys[int(key)]
            matcher = self.orth if entry.case_sensitive else self.lower
            matcher.add(key, [make(t) for t in sorted(set(texts))])
        if lexicon.never_flag:
            self.never.add("never", [make(t) for t in lexicon.never_flag])

    def _key(self, entry: Entry, tag: str | None) -> str:
        self.keys.append((entry, tag))
        return str(len(self.keys) - 1)

    def find(self, doc: Doc) -> list[Candidate]:
        """All candidate matches in a Doc, with never-flag phrases and entry exceptions removed."""
        strings = doc.vocab.strings
        raw: list[tuple[int, int, int]] = []
        for matcher in (self.lower, self.orth, self.tokens):
            if len(matcher):
                raw.extend(matcher(doc))
        if not raw:
            return []
        never = [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.never(doc)] if len(self.never) else []
        out: list[Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        for match_id, s, e in raw:
            entry, tag = self.keys[int(strings[match_id])]
            span = doc[s:e]
            start, end = span.start_char, span.end_char
            if (entry.id, start, end) in seen:
                continue
            seen.add((entry.id, start, end))
            if any(a < end and start < b for a, b in never):
                continue
            sent = span.sent
            if entry.exceptions and _inside_exception(doc.text, sent.start_char, sent.end_char, start, end, entry):
                continue
            out.append(Candidate(entry, tag, start, end, sent.start_char, s, e))
        return out


class _DocMaker:
    """Docs for phrase patterns. Plain words separated by spaces are built directly (the tokenizer
    would split them the same way); anything else goes through the tokenizer."""

    def __init__(self, nlp: Language) -> None:
        from spacy.tokens import Doc

        self._doc = Doc
        self._vocab = nlp.vocab
        self._tokenizer = nlp.tokenizer
        self._special = {k.lower() for k in getattr(nlp.tokenizer, "rules", {}) or {}}

    def __call__(self, text: str) -> Doc:
        words = text.split(" ")
        if all(w.isalpha() and w.lower() not in self._special for w in words):
            return self._doc(self._vocab, words=words)
        return self._tokenizer(text)


def _inside_exception(text: str, s_start: int, s_end: int, start: int, end: int, entry: Entry) -> bool:
    lowered = text[s_start:s_end].lower()
    rel_start, rel_end = start - s_start, end - s_start
    for phrase in entry.exceptions:
        pos = lowered.find(phrase)
        while pos != -1:
            if pos <= rel_start and rel_end <= pos + len(phrase):
                return True
            pos = lowered.find(phrase, pos + 1)
    return False
