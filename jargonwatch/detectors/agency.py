"""Who acts: the groups that are the subject (agent) or object (patient) of each verb, read from
the dependency parse, and JW204, people who only appear on the receiving end of professionals'
actions ("service users will be consulted").

The groups, their nouns and the "recipient" verbs are data in lexicons/agency.yml.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..lexicon.schema import AgencyFile

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

THEM = frozenset({"people", "carers", "communities"})
_WE = frozenset({"we", "us", "our", "ourselves"})


@dataclass(frozen=True, slots=True)
class Action:
    verb: str  # lemma
    passive: bool
    agents: tuple[str, ...]  # groups
    patients: tuple[str, ...]
    patient_span: tuple[int, int] | None  # character span of the first "them" patient's phrase
    verb_span: tuple[int, int]
    explicit_agent: bool = False  # a subject (active) or a "by" phrase (passive) is there, classified or not
    has_xcomp: bool = False  # "invited to comment": the people are asked to act


@dataclass
class WhoActs:
    """Per group: how often it is the agent and the patient of verbs, and of which verbs."""

    agent: Counter[str] = field(default_factory=Counter)
    patient: Counter[str] = field(default_factory=Counter)
    agent_verbs: dict[str, Counter[str]] = field(default_factory=dict)
    patient_verbs: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, action: Action) -> None:
        for g in action.agents:
            if g == "they":
                continue
            self.agent[g] += 1
            self.agent_verbs.setdefault(g, Counter())[action.verb] += 1
        for g in action.patients:
            if g == "they":
                continue
            self.patient[g] += 1
            self.patient_verbs.setdefault(g, Counter())[action.verb] += 1

    def to_dict(self, labels: dict[str, str]) -> dict[str, dict[str, object]]:
        out: dict[str, dict[str, object]] = {}
        for g, label in labels.items():
            out[g] = {
                "label": label,
                "agent": self.agent.get(g, 0),
                "patient": self.patient.get(g, 0),
                "agent_verbs": dict(self.agent_verbs.get(g, Counter()).most_common(10)),
                "patient_verbs": dict(self.patient_verbs.get(g, Counter()).most_common(10)),
            }
        return out


class AgencyReader:
    """Classifies noun phrases into groups and reads who does what to whom, sentence by sentence."""

    def __init__(self, data: AgencyFile) -> None:
        self.labels = {name: g.label for name, g in data.groups.items()}
        self.single: dict[str, str] = {}
        self.multi: list[tuple[tuple[str, ...], str]] = []
        for name, group in data.groups.items():
            for noun in group.nouns:
                words = tuple(noun.lower().split())
                if len(words) == 1:
                    self.single.setdefault(words[0], name)
                else:
                    self.multi.append((words, name))
        self.multi.sort(key=lambda item: -len(item[0]))
        self._multi_joined = [(" ".join(words), name) for words, name in self.multi]
        self.recipient = {v for v in data.recipient_verbs if " " not in v}
        self.recipient_phrases = {tuple(v.split()) for v in data.recipient_verbs if " " in v}

    def group_of(self, token: Token, _depth: int = 0) -> str | None:
        if token.lower_ in _WE:
            return "organisation"
        if token.lower_ in {"they", "them", "themselves"}:
            return "they"  # most often the people just named; never counted in who acts
        if token.dep_ == "relcl" or token.lower_ in {"who", "that", "which"}:
            head = token.head.head if token.head.dep_ == "relcl" else token.head
            # Relative clauses can point back at each other in a bad parse: follow at most a few.
            return self.group_of(head, _depth + 1) if head is not token and _depth < 4 else None
        if token.pos_ not in {"NOUN", "PROPN"}:
            return None
        lemmas = [t.lemma_.lower() for t in token.subtree if not t.is_punct or t.text == "-"]
        joined = " ".join(lemmas).replace(" - ", "-")
        if " " in joined:  # every multi-word name has a space, so one word cannot hold one
            for words, name in self._multi_joined:
                if words in joined:
                    return name
        return self.single.get(token.lemma_.lower())

    def _with_conjuncts(self, token: Token) -> list[Token]:
        out = [token]
        out += [c for c in token.children if c.dep_ == "conj"]
        return out

    def actions(self, sent: Span) -> list[Action]:
        out: list[Action] = []
        for verb in sent:
            if verb.pos_ not in {"VERB"} or verb.dep_ in {"aux", "auxpass", "amod"}:
                continue
            passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and verb.dep_ == "acl" and verb.tag_ == "VBN":
                passive, subjects = True, [verb.head]  # "families informed of the date"
            head = verb
            while not subjects and head.dep_ in {"conj", "xcomp"} and head.head is not head:
                head = head.head
                subjects = [c for c in head.children if c.dep_ in {"nsubj"}]
                if head.dep_ != "conj" and head.dep_ != "xcomp":
                    break
            objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
            by = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if passive:
                patients = [t for s in subjects for t in self._with_conjuncts(s)]
                agents = [t for a in by for t in self._with_conjuncts(a)]
            else:
                agents = [t for s in subjects for t in self._with_conjuncts(s)]
                patients = [t for o in objects for t in self._with_conjuncts(o)]
            agent_groups = tuple(g for g in (self.group_of(t) for t in agents) if g)
            patient_tokens = [(t, self.group_of(t)) for t in patients]
            patient_groups = tuple(g for _, g in patient_tokens if g)
            if not agent_groups and not patient_groups:
                continue
            them = next((t for t, g in patient_tokens if g in THEM), None)
            patient_span = None
            if them is not None:  # the noun and what stands before it, not a clause after it
                patient_span = (them.left_edge.idx, them.idx + len(them.text))
            key = self._verb_key(verb)
            out.append(
                Action(
                    verb=key,
                    passive=passive,
                    agents=agent_groups,
                    patients=patient_groups,
                    patient_span=patient_span,
                    verb_span=(verb.idx, verb.idx + len(verb.text)),
                    explicit_agent=bool(by) if passive else bool(subjects),
                    has_xcomp=" " not in key and any(c.dep_ == "xcomp" for c in verb.children),
                )
            )
        return out

    def _verb_key(self, verb: Token) -> str:
        """The verb's lemma, or a recipient phrase it heads ("keep informed", "write to")."""
        lemma = verb.lemma_.lower()
        for phrase in self.recipient_phrases:
            if phrase[0] != lemma:
                continue
            nxt = phrase[1]
            children = [
                c for c in verb.children if c.dep_ in {"acomp", "xcomp", "oprd", "prep", "ccomp", "advcl"}
            ]
            if any(c.lower_ == nxt or c.lemma_.lower() == nxt for c in children):
                return " ".join(phrase)
        return lemma

    def is_recipient_verb(self, action: Action, sent: Span) -> bool:
        return action.verb in self.recipient or tuple(action.verb.split()) in self.recipient_phrases

    def passive_recipients(self, sent: Span, actions: list[Action]) -> list[tuple[int, int, str, str]]:
        """JW204 candidates: (start, end, group, verb) where people only receive a professional action."""
        if any(set(a.agents) & (THEM | {"they"}) for a in actions):
            return []  # the people (or "they", most likely them) act somewhere in this sentence
        tokens = {t.idx: t for t in sent}
        out = []
        for a in actions:
            if not a.patient_span or not self.is_recipient_verb(a, sent) or a.has_xcomp:
                continue
            if a.passive:
                # agentless, or done by the organisation
                if a.explicit_agent and set(a.agents) != {"organisation"}:
                    continue
            elif set(a.agents) != {"organisation"}:
                # active: only when the organisation is plainly the one doing it, or when nobody is
                # named at all ("moving people to the other two centres", "to discharge patients")
                verb = tokens.get(a.verb_span[0])
                if a.agents or a.explicit_agent or verb is None or verb.tag_ not in {"VBG", "VB"}:
                    continue
                if verb.dep_ not in {"ROOT", "conj"} or verb.i == sent.start:
                    continue  # only a list item or a fragment: "... and moving people to the other two"
                if any(
                    self.group_of(c) not in THEM
                    for o in verb.children
                    if o.dep_ == "dobj"
                    for c in self._with_conjuncts(o)
                ):
                    continue  # "moving people and equipment": logistics, not people
            group = next(g for g in a.patients if g in THEM)
            start = min(a.patient_span[0], a.verb_span[0])
            end = max(a.patient_span[1], a.verb_span[1])
            if end - start > 120:  # a long clause in between: mark just the people and the verb
                start, end = a.patient_span if a.passive else a.verb_span
            out.append((start, end, group, a.verb))
        out += self._adjectival(sent, out)
        return out

    def _adjectival(
        self, sent: Span, found: list[tuple[int, int, str, str]]
    ) -> list[tuple[int, int, str, str]]:
        """ "patients and families are fully informed": a recipient verb read as an adjective after
        "be", with people as the subject and nobody named as doing it."""
        out = []
        for token in sent:
            if token.dep_ != "acomp" or not token.lower_.endswith("ed") or token.head.lemma_ != "be":
                continue
            word = token.lower_
            verb = next((v for v in (word[:-2], word[:-1], word[:-3]) if v in self.recipient), None)
            if verb is None or any(c.dep_ == "prep" and c.lower_ == "by" for c in token.children):
                continue
            subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            people = [t for s in subjects for t in self._with_conjuncts(s) if self.group_of(t) in THEM]
            if not people:
                continue
            start, end = people[0].left_edge.idx, token.idx + len(token.text)
            if end - start > 120 or any(a < end and start < b for a, b, _, _ in found):
                continue
            group = self.group_of(people[0]) or "people"
            out.append((start, end, group, verb))
        return out
