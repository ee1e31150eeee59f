"""The participation ladder (TAXONOMY section 4): a rung for each sentence that describes how
people take part, from who does what to whom, and for the document a claimed and a described
rung. JW303 fires when the claim (co-production, rung 6 or more) outruns what the document
shows people actually doing (rungs 3 to 5).

Cue verbs and phrases are data in lexicons/ladder.yml. A sentence's rung comes first from the
verbs people are the subject of ("carers chaired the panel": 7), then from what the
organisation does to them ("we consulted residents": 4), and only then from phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon.schema import LadderFile
from .agency import THEM, Action

if TYPE_CHECKING:
    from spacy.tokens import Span

ACTORS = THEM | {"they"}


@dataclass(frozen=True, slots=True)
class SentenceRung:
    rung: int
    confidence: float
    cue: str


class LadderReader:
    def __init__(self, ladder: LadderFile) -> None:
        self.names = {r.rung: r.name for r in ladder.rungs}
        self.org_verbs: dict[str, int] = {}
        self.agent_verbs: dict[str, int] = {}
        phrases: list[tuple[str, int]] = []
        for r in sorted(ladder.rungs, key=lambda r: r.rung):
            for v in r.verbs:
                self.org_verbs[v.lower()] = r.rung  # a verb on two rungs takes the higher
            for v in r.people_agent_verbs:
                self.agent_verbs[v.lower()] = r.rung
            phrases += [(p.lower(), r.rung) for p in r.phrases]
        phrases.sort(key=lambda item: -len(item[0]))
        self.phrase_rung: dict[str, int] = {}
        for p, n in phrases:
            self.phrase_rung[p] = max(n, self.phrase_rung.get(p, 0))
        # One pattern for every phrase: a sentence is scanned once, not once per phrase.
        alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in phrases)
        self.phrases = re.compile(r"\b(?:" + alternation + r")\b") if phrases else None
        claims = sorted({c.lower() for c in ladder.claims}, key=len, reverse=True)
        self.claim = (
            re.compile(r"\b(?:" + "|".join(re.escape(c) for c in claims) + r")[\w-]*", re.I)
            if claims
            else None
        )

    def sentence_rung(self, sent: Span, actions: list[Action]) -> SentenceRung | None:
        agent = [
            (self.agent_verbs[a.verb], a.verb)
            for a in actions
            if set(a.agents) & ACTORS and a.verb in self.agent_verbs
        ]
        if agent:
            rung, verb = max(agent)
            return SentenceRung(rung, 0.8, f"people {verb}")
        patient = [
            (self.org_verbs[a.verb], a.verb)
            for a in actions
            if set(a.patients) & THEM and a.verb in self.org_verbs
        ]
        if patient:
            rung, verb = max(patient)
            return SentenceRung(rung, 0.7, f"{verb} people")
        if self.phrases is None:
            return None
        text = sent.text.lower()
        found = [
            (self.phrase_rung.get(" ".join(m.group(0).split()), 0), m.group(0))
            for m in self.phrases.finditer(text)
        ]
        if found:
            rung, phrase = max(found)
            return SentenceRung(rung, 0.5, phrase)
        return None

    def claims(self, text: str) -> list[tuple[int, int]]:
        """Spans where the text claims partnership or more ("co-produced")."""
        return [(m.start(), m.end()) for m in self.claim.finditer(text)] if self.claim else []
