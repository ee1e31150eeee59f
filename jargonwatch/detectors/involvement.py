"""Tokenism read from who does what in the parse (TAXONOMY section 3): JW301 late involvement, JW302
token presence, JW303 consultation under a co-production claim, JW305 vague commitments, and the two
sentence-level facts the analyser needs for JW304 (the basics of fair involvement, read over the whole
document). The word lists are data in lexicons/agency.yml (``involvement``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.schema import Involvement
from .agency import THEM, Action, AgencyReader
from .context import alternation

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True, slots=True)
class TokenismHit:
    """A tokenism candidate in one sentence: the code, character offsets in the Doc, and which shape."""

    code: str
    start: int
    end: int
    kind: str


class InvolvementReader:
    """Tokenism that shows in who does what (TAXONOMY section 3), sentence by sentence:

    * JW301 late involvement: a finished plan is what people are shown ("presented the draft
      strategy", "consulted on a draft specification"), or the sentence says the plan was settled
      first ("once the model had been agreed, we ...");
    * JW302 token presence: one person with lived experience on a body ("one carer sat on the
      panel", "a PPI member", "the only person at the table who used services");
    * JW303 consultation called co-production: a co-production claim in a sentence that only
      describes asking people (``under_claim``);
    * JW305 vague commitment: the organisation commits to people's voice, and nothing in the
      sentence gives people a decision, a budget or a role.

    A plan made by staff ("the strategy was developed by officers") is JW301 only in a document that
    also shows people coming in late, and JW304 (the basics of fair involvement) is read over the
    whole document: the analyser decides both, from ``read``, ``mentions_basics`` and ``planned``.
    The word lists are data in lexicons/agency.yml (``involvement``).
    """

    def __init__(self, data: Involvement, agency: AgencyReader) -> None:
        self.agency = agency
        low = _lower_set
        self.plan_nouns = low(data.plan_nouns)
        self.draft_words = low(data.draft_words)
        self.show_verbs = low(data.show_verbs)
        self.made_verbs = low(data.made_verbs)
        self.drafting_verbs = low(data.drafting_verbs)
        self.late_marks = low(data.late_marks)
        # _late needs a plan, a draft, a decision or a word such as "once" somewhere in the sentence
        self._late_gate = self.plan_nouns | {"draft", "decision"} | self.late_marks
        self.single_words = low(data.single_words)
        self.consult = _words_regex(data.consult_words, r"\w*")  # "consult" also finds "consulted"
        self.seat_nouns = low(data.seat_nouns)
        self.lived_words = low(data.lived_words)
        self.bodies = low(data.bodies)
        self.seat_verbs = low(data.seat_verbs)
        self.commit_words = low(data.commit_words)
        self.voice_words = low(data.voice_words)
        self.power_words = low(data.power_words)
        self.basics = _words_regex(data.basics_words)

    def read(self, sent: Span, actions: list[Action]) -> list[TokenismHit]:
        # Each reading needs at least one of its words in the sentence; most sentences have none,
        # and one pass over the words is cheaper than four walks of the parse.
        words = {w for t in sent for w in (t.lower_, t.lemma_.lower())}
        out: list[TokenismHit] = []
        if not words.isdisjoint(self._late_gate):
            out += self._late(sent, actions)
        if not words.isdisjoint(self.single_words):
            out += self._single(sent)
        if not words.isdisjoint(self.commit_words):
            out += self._vague(sent, actions)
        if not words.isdisjoint(self.drafting_verbs):
            out += self._made_by_staff(sent, actions)
        return out

    # JW301 -----------------------------------------------------------------------------------
    def _is_plan(self, token: Token) -> bool:
        return token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in self.plan_nouns

    def _is_finished_plan(self, token: Token) -> bool:
        """ "the draft", "a draft specification", "the final version", "our draft findings"."""
        if token.pos_ not in {"NOUN", "PROPN"}:
            return False
        if token.lower_ in self.draft_words and token.lemma_.lower() == "draft":
            return True
        if token.lemma_.lower() not in self.plan_nouns:
            return False
        return any(
            c.dep_ in {"amod", "compound"} and c.lower_ in self.draft_words and c.i < token.i
            for c in token.children
        )

    def _late(self, sent: Span, actions: list[Action]) -> list[TokenismHit]:
        out: list[TokenismHit] = []
        people_act = any(set(a.agents) & (THEM | {"they"}) and a.verb in self.made_verbs for a in actions)
        for token in sent:
            if not self._is_finished_plan(token):
                continue
            verb = _governor(token)
            if verb is None or verb.lemma_.lower() not in self.show_verbs:
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            showing = verb.lemma_.lower() not in {
                "comment",
                "feedback",
            }  # people commenting on a draft is late too
            if showing and any(self.agency.group_of(s) in THEM for s in subjects):
                continue  # "carers presented the draft they wrote"
            if people_act:
                continue  # people made it themselves somewhere in the sentence
            start = min(verb.idx, token.idx)
            last = token if token.i > verb.i else verb
            end = last.idx + len(last.text)
            if end - start > 80:
                start, end = token.left_edge.idx, token.idx + len(token.text)
            out.append(TokenismHit("JW301", start, end, "shown a finished plan"))
        if out:
            return out
        for token in sent:
            # "Following Cabinet's decision, officers ...", "after the decision": a settled decision first
            if (
                token.dep_ == "pobj"
                and token.lemma_.lower() == "decision"
                and token.head.lower_ in self.late_marks
                and self._involves_people(sent, skip=token.head.subtree)
                and not people_act
            ):
                end = token.idx + len(token.text)
                out.append(TokenismHit("JW301", token.head.idx, end, "after it was settled"))
                break
        for token in sent:
            # "Once the draft was ready, ...", "after the decision was made", "once the model had been agreed"
            if token.dep_ != "mark" or token.lower_ not in self.late_marks:
                continue
            verb = token.head
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not any(self._is_plan(s) or self._is_finished_plan(s) for s in subjects):
                continue
            settled = verb.lemma_.lower() in self.made_verbs or any(
                c.dep_ in {"acomp", "conj"} and c.lemma_.lower() in self.made_verbs | self.draft_words
                for c in verb.children
            )
            if not settled or people_act:
                continue
            if any(
                self.agency.group_of(a) in THEM
                for c in verb.children
                if c.dep_ == "agent"
                for a in c.children
            ):
                continue  # settled by the people themselves
            if not self._involves_people(sent, skip=verb.subtree):
                continue
            clause = list(verb.subtree)
            out.append(
                TokenismHit("JW301", token.idx, clause[-1].idx + len(clause[-1].text), "after it was settled")
            )
        return out

    def _made_by_staff(self, sent: Span, actions: list[Action]) -> list[TokenismHit]:
        """ "The strategy was developed by officers", "Officers drafted the plan": the plan was made
        without people. Kind "made by staff": the analyser reports it only in a document that also
        shows people coming in late."""
        if any(set(a.agents) & (THEM | {"they"}) for a in actions):
            return []
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.drafting_verbs or not _past(verb):
                continue
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if passive:
                plans = [c for c in verb.children if c.dep_ == "nsubjpass"]
                makers = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
            else:
                plans = [c for c in verb.children if c.dep_ == "dobj"]
                makers = [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]
            if not any(self._is_plan(p) for p in plans) or not makers:
                continue
            groups = {self.agency.group_of(t) for t in makers if t.pos_ in {"NOUN", "PROPN", "PRON"}}
            if "organisation" not in groups or groups & (THEM | {"they"}):
                continue
            plan = next(p for p in plans if self._is_plan(p))
            start, end = sorted((plan.i, verb.i))
            first, last = sent.doc[start], sent.doc[end]
            return [TokenismHit("JW301", first.idx, last.idx + len(last.text), "made by staff")]
        return []

    def _involves_people(self, sent: Span, skip: Iterable[Token] = ()) -> bool:
        """Does the sentence (outside ``skip``) bring people in: a people noun or a word for their views?"""
        skipped = {t.i for t in skip}
        for t in sent:
            if t.i in skipped:
                continue
            if t.lemma_.lower() in self.voice_words or t.lower_ in self.voice_words:
                return True
            if t.pos_ in {"NOUN", "PROPN"} and self.agency.group_of(t) in THEM:
                return True
        return False

    # JW303 -----------------------------------------------------------------------------------
    def under_claim(
        self, sent: Span, claims: list[tuple[int, int]], actions: list[Action], rung: int | None
    ) -> list[TokenismHit]:
        """A co-production claim (offsets in the sentence) in a sentence that only describes asking
        people: "co-produced with partners, who were consulted on the draft"."""
        if not claims or (rung is not None and rung >= 6):
            return []
        if any(set(a.agents) & (THEM | {"they"}) for a in actions):
            return []  # people act in this sentence: leave the judgement to the document-level reading
        text = sent.text
        asked = [m for m in self.consult.finditer(text) if not any(a <= m.start() < b for a, b in claims)]
        if not asked:
            return []
        a, b = claims[0]
        return [TokenismHit("JW303", sent.start_char + a, sent.start_char + b, "claim over consultation")]

    # JW302 -----------------------------------------------------------------------------------
    def _lived(self, token: Token) -> bool:
        """The person is there for their lived experience: "carer representative", "a PPI member",
        "a representative from the Disability Forum", "an Expert by Experience", "one carer"."""
        if self.agency.group_of(token) in THEM:
            return True
        words = {w for t in token.subtree if t.i != token.i for w in (t.lemma_.lower(), t.lower_)}
        return bool(words & self.lived_words)

    def _on_a_body(self, token: Token) -> bool:
        """A board, panel or group in the same clause as the person: "one carer sat on the panel"."""
        clause = token
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        return any(t.lemma_.lower() in self.bodies or t.lower_ in self.bodies for t in clause.subtree)

    def _single(self, sent: Span) -> list[TokenismHit]:
        out: list[TokenismHit] = []
        for token in sent:
            if (
                token.pos_ not in {"NOUN", "PROPN", "NUM"}
                or token.dep_ == "compound"
                or token.tag_ in {"NNS", "NNPS"}
            ):
                continue
            marks = [
                c
                for c in token.children
                if c.dep_ in {"det", "nummod", "amod", "quantmod"}
                and c.lower_ in self.single_words
                and c.i < token.i
            ]
            if not marks:
                continue
            only = any(m.lower_ not in {"a", "an"} for m in marks)
            lemma = token.lemma_.lower()
            if lemma in self.seat_nouns:
                pass  # "a PPI member", "a carer representative": a seat, even with "a"
            elif not (
                only
                and self.agency.group_of(token) in THEM
                and lemma not in {"people", "community", "public"}
            ):
                continue  # a person, not a seat: only "one carer", "the only person" count
            if not self._lived(token) or not self._on_a_body(token):
                continue
            first = min(marks, key=lambda m: m.i)
            out.append(TokenismHit("JW302", first.idx, token.idx + len(token.text), "one person"))
        return out

    # JW305 -----------------------------------------------------------------------------------
    def _vague(self, sent: Span, actions: list[Action]) -> list[TokenismHit]:
        words = [(t, t.lemma_.lower(), t.lower_) for t in sent]
        if any(lemma in self.power_words for _, lemma, _ in words if lemma not in {"pay", "run", "chair"}):
            return []  # a budget, a vote, a seat or a decision is named: leave it to the lexicon
        if self.gives_power(sent, actions):
            return []
        for token, lemma, lower in words:
            if lemma not in self.commit_words and lower not in self.commit_words:
                continue
            owner = _owner(token)
            if owner is None or self.agency.group_of(owner) != "organisation":
                continue
            if _past(token):
                continue  # "we were keen to ...", "we made a promise": a story, not a commitment
            scope = (
                list(token.head.subtree) if token.dep_ in {"acomp", "amod", "xcomp"} else list(token.subtree)
            )
            voice = [
                t
                for t in scope
                if t.i > token.i and (t.lemma_.lower() in self.voice_words or t.lower_ in self.voice_words)
            ]
            if not voice:
                continue
            start = min(owner.idx, token.idx)
            end = voice[0].idx + len(voice[0].text)
            out_start = owner.idx if owner.i < token.i and token.i - owner.i <= 4 else token.idx
            return [TokenismHit("JW305", out_start if end - out_start <= 120 else start, end, "warm words")]
        return []

    def gives_power(self, sent: Span, actions: list[Action]) -> bool:
        """Do people decide, vote, chair or hold a budget in this sentence ("autistic people, who hold half
        the votes")? A commitment next to that is not vague (JW305)."""
        if not any(set(a.agents) & (THEM | {"they"}) for a in actions):
            return False
        for verb in sent:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if not any(self.agency.group_of(s) in THEM | {"they"} for s in subjects):
                continue
            if verb.lemma_.lower() in self.power_words or any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.power_words for c in verb.children
            ):
                return True
        return False

    # JW304, over the document ----------------------------------------------------------------------
    def mentions_basics(self, text: str) -> bool:
        return bool(self.basics.search(text))

    def planned(self, sent: Span) -> bool:
        """The sentence plans a seat on a body: "a carer will be invited to join the panel", "we plan to
        include a PPI representative on the steering group"."""
        if not any(t.lemma_.lower() in self.bodies or t.lower_ in self.bodies for t in sent):
            return False
        for t in sent:
            if t.tag_ == "MD" and t.lower_ in {"will", "'ll", "\u2019ll", "shall"}:
                verb = t.head
            elif t.lemma_.lower() in {"plan", "intend"}:
                verb = next((c for c in t.children if c.dep_ == "xcomp"), None)
            else:
                continue
            if verb is not None and verb.lemma_.lower() in self.seat_verbs:
                return True
        return False


def _words_regex(words: Iterable[str], tail: str = "") -> re.Pattern[str]:
    """Any of the words or phrases from a word start, case-insensitive, with any spacing inside."""
    return re.compile(r"\b(?:" + alternation(words) + r")" + tail, re.I)


def _lower_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for w in words)


def _governor(token: Token) -> Token | None:
    """The verb (or the involvement noun: "comments on the draft") a noun is the object of."""
    head = token.head
    if token.dep_ in {"dobj", "nsubjpass", "dative"}:
        return head
    if token.dep_ == "pobj" and head.dep_ in {"prep", "agent", "dative"}:
        return head.head
    return None


def _past(token: Token) -> bool:
    """The word, or the verb it hangs from, is in the past tense."""
    for t in (token, token.head):
        if (t.tag_ in {"VBD", "VBN"} and t.dep_ not in {"amod", "acomp"}) or any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in t.children
        ):
            return True
        if t.pos_ in {"VERB", "AUX"}:
            break
    return False


def _owner(token: Token) -> Token | None:
    """Who a commitment belongs to: the subject of "we are committed", "we value", or the "our" of
    "our commitment"."""
    node = token
    for _ in range(3):
        for c in node.children:
            if c.dep_ in {"nsubj", "nsubjpass", "poss"} and c.i < token.i:
                return c
        if node.head.i == node.i:
            break
        node = node.head
    return None
