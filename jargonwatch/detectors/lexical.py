"""Lexicon matching: every term entry, as phrase and token patterns over a Doc.

Produces candidate matches with character offsets; the analyser decides which
become findings (explained, quoted, first use only, allow list, overlaps).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..lexicon.loader import Entry, Lexicon
from .phrases import PhraseTrie

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import Matcher
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


# Docs with at most this many sentences are matched whole (see _bucket_matches).
SHORT_DOC_SENTENCES = 6


class LexicalMatcher:
    """Phrase and token matchers compiled once per (pipeline, lexicon, allow list)."""

    def __init__(
        self,
        nlp: Language,
        lexicon: Lexicon,
        capabilities: frozenset[str],
        allow: Iterable[str] = (),
    ) -> None:
        from spacy.matcher import Matcher

        allowed = {a.lower() for a in allow}
        self.keys: list[tuple[Entry, str | None]] = []
        self.skipped: list[Entry] = []
        self.lower = PhraseTrie(lower=True)
        self.orth = PhraseTrie(lower=False)
        # Token patterns are bucketed by the word their first token must be: spaCy's Matcher tries
        # every pattern at every token, so one matcher with hundreds of patterns is slow. A bucket
        # runs only on the sentences that contain its word.
        self.tokens = Matcher(nlp.vocab, validate=True)  # patterns with no fixed first word (few)
        # A bucket's Matcher is built the first time a text needs it: most texts need few of them.
        self.buckets: dict[tuple[str, str], Matcher] = {}
        self.bucket_patterns: dict[tuple[str, str], list[tuple[str, list, bool]]] = {}  # type: ignore[type-arg]
        self.attrs: set[str] = set()  # token attributes that anchors and required words use
        # For each bucket, the words each of its patterns needs somewhere in the sentence: a
        # bucket is only run where one of its patterns could possibly match.
        self.needs: dict[tuple[str, str], list[list[frozenset[tuple[str, str]]]]] = {}
        self._vocab = nlp.vocab
        self._hashed_cache: (
            tuple[dict[int, list[list[frozenset[int]]]], dict[int, tuple[str, str]]] | None
        ) = None
        self.never = PhraseTrie(lower=True)

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
                general = []
                for pattern in entry.pattern_dicts():
                    for expanded in expand_first_token(pattern):
                        anchor = _anchor(expanded[0])
                        if anchor is None:
                            general.append(expanded)
                            continue
                        if anchor not in self.bucket_patterns:
                            self.bucket_patterns[anchor] = []
                            self.needs[anchor] = []
                        # Bundled patterns were validated when the lexicon was compiled;
                        # spaCy's validator costs about 0.2 ms a pattern.
                        self.bucket_patterns[anchor].append((key, expanded, not entry.validated))
                        reqs = _required_words(expanded)
                        self.needs[anchor].append(reqs)
                        self.attrs.add(anchor[0])
                        self.attrs.update(attr for req in reqs for attr, _ in req)
                if general:
                    self.tokens.add(key, general)
                continue
            for text, tag in entry.surface:
                if (entry.id, tag) not in key_of:
                    key_of[(entry.id, tag)] = self._key(entry, tag)
                by_key.setdefault(key_of[(entry.id, tag)], []).append(text)

        words = _Words(nlp)
        for key, texts in by_key.items():
            entry, _ = self.keys[int(key)]
            trie = self.orth if entry.case_sensitive else self.lower
            for text in sorted(set(texts)):
                trie.add(key, words(text))
        for phrase in lexicon.never_flag:
            self.never.add("never", words(phrase))

    def _bucket_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Run the buckets whose patterns could match. spaCy's Matcher has a fixed cost per call,
        so a short doc (a paragraph) is matched whole, once per bucket, keeping matches inside one
        sentence; a long doc is matched sentence by sentence."""
        needs, anchors = self._hashed()
        attrs = sorted(self.attrs)
        columns: list[list[int]] = [[] for _ in attrs]
        if len(doc):
            salts = np.array([_SALT[attr] for attr in attrs], dtype=np.uint64)
            columns = (doc.to_array(attrs).astype(np.uint64) ^ salts).T.tolist()  # one row per attribute
        sents = list(doc.sents)
        whole = len(sents) <= SHORT_DOC_SENTENCES
        wanted: set[tuple[str, str]] = set()
        sent_of = [0] * len(doc) if whole else []
        out: list[tuple[int, int, int]] = []
        for n, sent in enumerate(sents):
            a, b = sent.start, sent.end
            present: set[int] = set()
            for col in columns:
                present.update(col[a:b])
            candidates = [
                anchors[key]
                for key in present & anchors.keys()
                if any(all(not req.isdisjoint(present) for req in reqs) for reqs in needs[key])
            ]
            if whole:
                sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
                wanted.update(candidates)
            else:
                for key in candidates:
                    out.extend((m, sent.start + s, sent.start + e) for m, s, e in self._bucket(key)(sent))
        for key in wanted:
            out.extend(m for m in self._bucket(key)(doc) if sent_of[m[1]] == sent_of[m[2] - 1])
        return out

    def _hashed(self) -> tuple[dict[int, list[list[frozenset[int]]]], dict[int, tuple[str, str]]]:
        """``needs`` and the bucket anchors with each (attribute, word) as one int: spaCy's string
        hash of the word, salted per attribute, as read from ``Doc.to_array`` (computed once)."""
        if self._hashed_cache is None:
            from spacy.strings import get_string_id

            def h(item: tuple[str, str]) -> int:
                return get_string_id(item[1]) ^ _SALT[item[0]]

            needs = {}
            for anchor, per_pattern in self.needs.items():
                # The anchor is present wherever the bucket is considered, so a requirement it meets is
                # dropped; patterns left with the same requirements are checked once.
                unique = {
                    frozenset(frozenset(h(w) for w in req) for req in reqs if anchor not in req)
                    for reqs in per_pattern
                }
                needs[h(anchor)] = [list(reqs) for reqs in unique]
            self._hashed_cache = (needs, {h(anchor): anchor for anchor in self.bucket_patterns})
        return self._hashed_cache

    def _bucket(self, key: tuple[str, str]) -> Matcher:
        matcher = self.buckets.get(key)
        if matcher is None:
            from spacy.matcher import Matcher

            patterns = self.bucket_patterns[key]
            matcher = Matcher(self._vocab, validate=any(check for _, _, check in patterns))
            for match_key, pattern, _ in patterns:
                matcher.add(match_key, [pattern])
            self.buckets[key] = matcher
        return matcher

    def _key(self, entry: Entry, tag: str | None) -> str:
        self.keys.append((entry, tag))
        return str(len(self.keys) - 1)

    def find(self, doc: Doc) -> list[Candidate]:
        """All candidate matches in a Doc, with never-flag phrases and entry exceptions removed."""
        strings = doc.vocab.strings
        raw: list[tuple[str, int, int]] = [*self.lower(doc), *self.orth(doc)]
        if len(self.tokens):
            raw.extend((strings[m], s, e) for m, s, e in self.tokens(doc))
        if self.bucket_patterns:
            raw.extend((strings[m], s, e) for m, s, e in self._bucket_matches(doc))
        if not raw:
            return []
        never = (
            [(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.never(doc)]
            if len(self.never)
            else []
        )
        sents = [(sent.start, sent.end, sent.start_char, sent.end_char) for sent in doc.sents]
        sent_starts = [s[0] for s in sents]
        text = doc.text  # built from the tokens on every access: read it once
        out: list[Candidate] = []
        seen: set[tuple[str, int, int]] = set()
        for key, s, e in raw:
            entry, tag = self.keys[int(key)]
            while s < e - 1 and (doc[s].is_space or (doc[s].is_punct and doc[s].text not in "([")):
                s += 1
            while e - 1 > s and (
                doc[e - 1].is_space or (doc[e - 1].is_punct and doc[e - 1].text not in ")]")
            ):
                e -= 1
            span = doc[s:e]
            start, end = span.start_char, span.end_char
            if (entry.id, start, end) in seen:
                continue
            seen.add((entry.id, start, end))
            if any(a <= start and end <= b for a, b in never):
                continue
            _, _, sent_start, sent_end = sents[bisect.bisect_right(sent_starts, s) - 1]
            if entry.exceptions and _inside_exception(text, sent_start, sent_end, start, end, entry):
                continue
            out.append(Candidate(entry, tag, start, end, sent_start, s, e))
        return out


_TEXT_ATTRS = ("LOWER", "ORTH", "TEXT", "NORM", "LEMMA")
# One int per (attribute, word): the word's string hash XOR a constant per attribute, so the words a
# sentence has under every attribute fit in one set of ints (a collision needs two 64-bit hashes to
# differ by exactly one of these constants).
_SALT = {"LOWER": 0, "ORTH": 0x9E3779B97F4A7C15, "NORM": 0xC2B2AE3D27D4EB4F, "LEMMA": 0x165667B19E3779F9}


def expand_first_token(pattern: list[dict]) -> list[list[dict]]:  # type: ignore[type-arg]
    """Split ``{LOWER: {IN: [a, b]}}`` on a pattern's first token into one pattern per word.

    spaCy's Matcher checks a first-token set predicate on every token of every text, in Python;
    a plain string attribute is compared in C. The expansion finds exactly the same matches, many
    times faster. Patterns whose first token is optional, or has other set predicates, are kept.
    """
    first = pattern[0]
    if "OP" in first:
        return [pattern]
    keys = [k for k in _TEXT_ATTRS if isinstance(first.get(k), dict)]
    if len(keys) != 1:
        return [pattern]
    key = keys[0]
    spec = first[key]
    if (
        set(spec) != {"IN"}
        or not isinstance(spec["IN"], list)
        or any(isinstance(v, dict) for k, v in first.items() if k != key)
    ):
        return [pattern]
    return [[{**first, key: value}, *pattern[1:]] for value in dict.fromkeys(spec["IN"])]


def _anchor(token: dict) -> tuple[str, str] | None:  # type: ignore[type-arg]
    """The (attribute, word) a pattern's first token must have, if it is a fixed word."""
    if "OP" in token:
        return None
    for attr in _TEXT_ATTRS:
        value = token.get(attr)
        if isinstance(value, str):
            key = "ORTH" if attr == "TEXT" else attr
            return key, value.lower() if key == "LOWER" else value
    return None


def _required_words(pattern: list[dict]) -> list[frozenset[tuple[str, str]]]:  # type: ignore[type-arg]
    """For each token the pattern must match at least once: the words it could be (when fixed)."""
    out = []
    for token in pattern:
        op = str(token.get("OP", "1"))
        if op in {"?", "*", "!"} or op.startswith(("{0", "{,")):
            continue
        for attr in _TEXT_ATTRS:
            value = token.get(attr)
            key = "ORTH" if attr == "TEXT" else attr
            words: list[str] | None = None
            if isinstance(value, str):
                words = [value]
            elif isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
                words = [str(v) for v in value["IN"]]
            if words is not None:
                out.append(frozenset((key, w.lower() if key == "LOWER" else w) for w in words))
                break
    return out


class _Words:
    """The tokens a phrase is matched as: plain words separated by spaces are split directly (the
    tokenizer would split them the same way); anything else goes through the tokenizer."""

    def __init__(self, nlp: Language) -> None:
        self._tokenizer = nlp.tokenizer
        self._special = {k.lower() for k in getattr(nlp.tokenizer, "rules", {}) or {}}

    def __call__(self, text: str) -> list[str]:
        words = text.split(" ")
        if all(w.isalpha() and w.lower() not in self._special for w in words):
            return words
        return [t.text for t in self._tokenizer(text)]


def _inside_exception(text: str, s_start: int, s_end: int, start: int, end: int, entry: Entry) -> bool:
    lowered = text[s_start:s_end].lower()
    rel_start, rel_end = start - s_start, end - s_start
    for phrase in entry.exceptions:
        pos = lowered.find(phrase)
        while pos != -1:
            end = pos + len(phrase)
            whole = (pos == 0 or not lowered[pos - 1].isalnum()) and (
                end >= len(lowered) or not lowered[end].isalnum()
            )
            if whole and pos <= rel_start and rel_end <= end:
                return True
            pos = lowered.find(phrase, pos + 1)
    return False
