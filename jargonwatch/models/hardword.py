"""The hard-word model (JW107): the probability that a word is hard for our reader.

Which words are scored: content words (nouns, verbs, adjectives, adverbs) of at least four
letters, written in lower case or capitalised only because they open the sentence. Names,
numbers and words in capitals are left to other rules (JW103 handles abbreviations).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from .store import LinearModel, ModelError, load_model
from .words import FEATURES, LexiconWords, Word, word_features

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
MIN_LETTERS = 4
CACHE_SIZE = 200_000  # words kept with their probability (a few tens of MB at most)


def is_candidate(token: Token) -> bool:
    """Whether the model scores this token at all."""
    text = token.text
    if len(text) < MIN_LETTERS or not text.replace("-", "").isalpha():
        return False
    if token.pos_ and token.pos_ not in CONTENT_POS:
        return False
    if token.is_stop:
        return False
    if text[0].isupper() and not token.is_sent_start:
        return False
    return not text.isupper()


@dataclass(frozen=True, slots=True)
class HardWord:
    start: int  # character offsets in the Doc
    end: int
    text: str
    lemma: str
    tag: str
    probability: float


class HardWordModel:
    def __init__(self, model: LinearModel, lexicon: LexiconWords) -> None:
        if model.features != FEATURES:
            raise ModelError("the hard-word model was trained on other features; run `jargonwatch train`")
        self.model = model
        self.lexicon = lexicon
        self.threshold = model.threshold if model.threshold is not None else 0.5
        self._cache: dict[tuple[str, str, str, bool], float] = {}

    @classmethod
    def load(cls, lexicon: LexiconWords, directory: str | None = None) -> HardWordModel:
        return cls(load_model("hardword", directory), lexicon)

    def _probabilities(self, keys: list[tuple[str, str, str, bool]]) -> list[float]:
        """Each word's probability. Words come back again and again, so they are cached; the new
        ones of a sentence are scored together."""
        cache = self._cache
        new = [k for k in dict.fromkeys(keys) if k not in cache]
        if new:
            if len(cache) > CACHE_SIZE:
                cache.clear()
            rows = np.array([word_features([Word(*k)], self.lexicon) for k in new])
            probs = self.model.probabilities_from(self.model.decision_matrix(rows))[:, 0]
            cache.update(zip(new, probs.tolist(), strict=True))
        return [cache[k] for k in keys]

    def score(self, sent: Span) -> list[HardWord]:
        """Every candidate word of the sentence with its probability of being hard."""
        tokens = [t for t in sent if is_candidate(t)]
        if not tokens:
            return []
        probs = self._probabilities([(t.text, t.lemma_, t.pos_, t.is_sent_start) for t in tokens])
        return [
            HardWord(t.idx, t.idx + len(t.text), t.text, t.lemma_, t.tag_, p)
            for t, p in zip(tokens, probs, strict=True)
        ]
