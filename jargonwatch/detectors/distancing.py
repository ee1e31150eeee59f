"""JW202 distancing framing read from the dependency parse (TAXONOMY section 2).

Three shapes, all about people who use services, carers and families:

* a possessive over people: "our residents", "our longstanding tenants", "22 of our residents"
  (``poss`` on a people noun, whatever adjectives stand between);
* a demonstrative over people: "these patients", "those families" (``det`` these/those), unless a
  clause or phrase after the noun says which ones ("those families who have moved");
* "they"/"them" standing for people set against a "we" of staff or the organisation: "we decide for
  them", "we know the system, but they do not". Precision first: the pronoun must follow a plural
  people noun in the same paragraph, with nothing plural in between, and the sentence must set the
  two sides against each other.

The nouns, determiners and verbs are data in lexicons/agency.yml (``distancing``). Spans found by a
JW202 lexicon entry (lexicons/them_us/distancing.yml) are left to that entry; see the analyser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon.schema import Distancing
from .agency import AgencyReader
from .context import alternation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_WE = frozenset({"we"})
_THEY = frozenset({"they", "them"})
_CONTRAST = frozenset({"but", "while", "whereas", "yet", "whilst"})
_RESTRICTING = frozenset({"relcl", "acl", "prep"})  # "those families who ...", "these people with ..."
_CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "conj", "parataxis"})


@dataclass(frozen=True, slots=True)
class DistancingHit:
    """One JW202 candidate: character offsets in the Doc, what shape it is, and the people group."""

    start: int
    end: int
    kind: str  # "possessive", "demonstrative" or "pronoun"
    group: str
    antecedent: str = ""  # for pronouns: the people noun it stands for


@dataclass
class Paragraph:
    """What a paragraph has shown so far: its we-subjects, the last plural noun and pronoun candidates.
    Sentences are fed in order; ``close`` gives the pronoun findings once the paragraph has ended."""

    block: int = -1
    has_we: bool = False
    # The last plural noun: (its text, its people group or None, its sentence). A name or an organisation
    # after it ("we are starting with PizzaExpress, but they ...") makes "they" ambiguous: group None.
    last_plural: tuple[str, str | None, int] | None = None
    pending: list[tuple[DistancingHit, int]] = field(default_factory=list)  # (hit in the document, sentence)

    def close(self) -> list[tuple[DistancingHit, int]]:
        out = self.pending if self.has_we else []
        self.pending = []
        self.has_we = False
        self.last_plural = None
        return out


class DistancingReader:
    """Finds JW202 candidates in a parsed sentence."""

    def __init__(self, data: Distancing, agency: AgencyReader, exceptions: Iterable[str] = ()) -> None:
        self.agency = agency
        self.possessives = frozenset(w.lower() for w in data.possessives)
        self.demonstratives = frozenset(w.lower() for w in data.demonstratives)
        self.possessed = _NounSet(data.possessed)
        self.pointed = _NounSet(data.pointed)
        self.pronoun_groups = frozenset(data.pronoun_groups)
        self.pronoun_verbs = frozenset(v.lower() for v in data.pronoun_verbs)
        # Phrases in which a possessive is not distancing ("our residents' association", "time with our
        # families"): the exceptions of the JW202 lexicon entries, so both readings agree.
        pattern = alternation(exceptions)
        self.exceptions = re.compile(r"\b(?:" + pattern + r")\b") if pattern else None

    # -- possessives and demonstratives ----------------------------------------------------------
    def phrases(self, sent: Span) -> list[DistancingHit]:
        """ "our residents", "these patients": offsets in the Doc."""
        out: list[DistancingHit] = []
        lowered = sent.text.lower()
        base = sent.start_char
        for token in sent:
            word = token.lower_
            if word in self.possessives and token.dep_ == "poss":
                kind, nouns = "possessive", self.possessed
            elif word in self.demonstratives and token.dep_ == "det":
                kind, nouns = "demonstrative", self.pointed
            else:
                continue
            head = token.head
            if head.i <= token.i or head.pos_ not in {"NOUN", "PROPN"} or head.i - token.i > 4:
                continue
            if head.dep_ in {"poss", "compound"}:
                continue  # "our residents' committee", "these patient leaflets": the noun is not the people
            if head.tag_ not in {"NNS", "NNPS"} and (
                kind == "demonstrative" or self.agency.group_of(head) != "communities"
            ):
                continue  # "our family", "our client": the writer's own or one person; "our population" is a group
            if kind == "demonstrative" and any(
                c.dep_ in _RESTRICTING and c.i > head.i for c in head.children
            ):
                continue  # "those families who have moved": says which ones, not distancing
            if not nouns.matches(head):
                continue
            group = self.agency.group_of(head) or "people"
            start, end = token.idx, head.idx + len(head.text)
            if self.exceptions is not None and self._excepted(lowered, start - base, end - base):
                continue
            out.append(DistancingHit(start, end, kind, group))
        return out

    def _excepted(self, lowered: str, start: int, end: int) -> bool:
        assert self.exceptions is not None
        return any(m.start() < end and start < m.end() for m in self.exceptions.finditer(lowered))

    # -- "they" set against "we" -------------------------------------------------------------------
    def feed(self, sent: Span, paragraph: Paragraph, sentence: int, offset: int) -> None:
        """Read one sentence of the paragraph: note its we-subjects, its plural nouns in order, and
        any "they"/"them" that stands for a people group set against the "we" of the same sentence."""
        we_verbs = [t.head for t in sent if t.lower_ in _WE and t.dep_ == "nsubj"]
        if we_verbs:
            paragraph.has_we = True
        for token in sent:
            if token.lower_ in _THEY and token.pos_ == "PRON":
                antecedent = paragraph.last_plural
                if (
                    antecedent is None
                    or antecedent[1] not in self.pronoun_groups
                    or antecedent[2] < sentence - 1
                ):
                    continue  # nothing plural before, not people, or too far back to be sure
                if we_verbs and self._set_against(token, we_verbs):
                    hit = DistancingHit(
                        token.idx + offset,
                        token.idx + len(token.text) + offset,
                        "pronoun",
                        antecedent[1],
                        antecedent[0],
                    )
                    paragraph.pending.append((hit, sentence))
                continue
            if token.dep_ == "compound" or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if token.tag_ in {"NNS", "NNPS"} or token.lower_ == "people":
                paragraph.last_plural = (token.text, self.agency.group_of(token), sentence)
            elif paragraph.last_plural is not None and (
                token.pos_ == "PROPN" or self.agency.group_of(token) == "organisation"
            ):
                paragraph.last_plural = (token.text, None, sentence)

    def _set_against(self, pronoun: Token, we_verbs: list[Token]) -> bool:
        if pronoun.lower_ == "them":
            # "we decide for them", "we know what is best for them": a verb of ours governs them
            head = pronoun.head
            if pronoun.dep_ != "pobj" or head.lower_ not in {"for", "to", "about"}:
                return False
            ours = {v.i for v in we_verbs}
            return any(v.i in ours and v.lemma_.lower() in self.pronoun_verbs for v in _verb_chain(pronoun))
        if pronoun.dep_ != "nsubj":
            return False
        verb = pronoun.head
        for we in we_verbs:
            if we.i == verb.i:
                continue
            # "we know the system, but they do not": two clauses, joined by a contrast
            if (verb.dep_ == "conj" and verb.head.i == we.i) or (we.dep_ == "conj" and we.head.i == verb.i):
                first, second = (we, verb) if we.i < verb.i else (verb, we)
                between = pronoun.doc[first.i : second.i]
                if any(t.lower_ in _CONTRAST and t.dep_ == "cc" for t in between):
                    return True
            for clause, main in ((verb, we), (we, verb)):
                if (
                    clause.dep_ == "advcl"
                    and clause.head.i == main.i
                    and any(c.lower_ in _CONTRAST and c.dep_ == "mark" for c in clause.children)
                ):
                    return True
        return False


def _verb_chain(token: Token) -> Iterable[Token]:
    """The verbs above a token, nearest first, within its clause and the clauses it completes: the
    walk stops at a relative or adverbial clause ("the people who use them": not ours to govern)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ in _CLAUSE_EDGES:
            return
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            yield node


class _NounSet:
    """People nouns as lemmas; a two-word noun ("service user") matches a compound before the head."""

    def __init__(self, nouns: Iterable[str]) -> None:
        self.single: set[str] = set()
        self.multi: set[tuple[str, str]] = set()
        for noun in nouns:
            words = noun.lower().split()
            if len(words) == 1:
                self.single.add(words[0])
            elif len(words) == 2:
                self.multi.add((words[0], words[1]))

    def matches(self, head: Token) -> bool:
        lemma = head.lemma_.lower()
        lower = head.lower_
        if lemma in self.single or lower in self.single:
            return True
        return any(
            c.dep_ == "compound" and (c.lemma_.lower(), lemma) in self.multi for c in head.children
        ) or any((c.lower_, lower) in self.multi for c in head.children if c.dep_ == "compound")
