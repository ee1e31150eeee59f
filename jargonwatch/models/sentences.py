"""Features of a sentence for the sentence models, and the models' combined verdict.

Two kinds of feature:

* dense cues: readability counts, word frequency and the hard-word model's scores, how many
  lexicon candidates of each code the sentence holds, who acts on whom (from the agency
  reader), the rule-based ladder cue, and a few grammatical signals (negation, modal
  future, we/they);
* sparse terms: lower-cased lemma unigrams and bigrams, matched against each model's
  vocabulary.

The same functions build the training rows (``jargonwatch train``) and score sentences in
the analyser, so the two cannot drift apart.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..readability import Counts, fk_grade
from .frequency import zipf
from .hardword import CONTENT_POS
from .store import LinearModel, ModelError, load_model

if TYPE_CHECKING:
    from spacy.tokens import Span

    from ..detectors.agency import Action
    from ..detectors.ladder import SentenceRung

CODES = (
    "JW101", "JW102", "JW104", "JW105", "JW106",
    "JW201", "JW202", "JW203", "JW204",
    "JW301", "JW302", "JW303", "JW304", "JW305",
)  # fmt: skip
GROUPS = ("organisation", "people", "carers", "communities", "they")
TOKENISM_CODES = ("JW301", "JW302", "JW303", "JW304", "JW305")
_NEGATION = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "without"})
_FUTURE = frozenset({"will", "shall", "'ll"})
_WE = frozenset({"we", "us", "our", "ours", "ourselves"})
_THEY = frozenset({"they", "them", "their", "theirs", "themselves"})

FEATURES: tuple[str, ...] = (
    "words",
    "log_words",
    "syllables_per_word",
    "polysyllable_share",
    "difficult_share",
    "grade",
    "zipf_mean",
    "zipf_min",
    "zipf_below_3",
    "zipf_below_4",
    "hard_max",
    "hard_mean",
    "hard_count",
    *(f"lex_{c}" for c in CODES),
    *(f"agent_{g}" for g in GROUPS),
    *(f"patient_{g}" for g in GROUPS),
    "passive",
    "agentless",
    "recipients",
    "rule_rung_none",
    *(f"rule_rung_{r}" for r in range(1, 9)),
    "rule_rung_confidence",
    "claim",
    "negation",
    "future",
    "we",
    "they",
    "question",
    "quote",
    "number",
)


@dataclass(slots=True)
class SentenceCues:
    """What the analyser already knows about one sentence, gathered for the models."""

    counts: Counts
    actions: Sequence[Action] = ()
    rule_rung: SentenceRung | None = None
    passive: bool | None = None
    agentless: int = 0
    recipients: int = 0
    claim: bool = False
    codes: Counter[str] = field(default_factory=Counter)
    hard_scores: Sequence[float] = ()


def sentence_terms(sent: Span) -> list[str]:
    """Lower-cased lemma unigrams and bigrams of the sentence's words (numbers as one token)."""
    lemmas: list[str] = []
    for tok in sent:
        if tok.is_space or tok.is_punct:
            continue
        if tok.like_num:
            lemmas.append("<num>")
        else:
            lemmas.append((tok.lemma_ or tok.text).lower())
    terms = [f"u:{w}" for w in lemmas]
    terms += [f"b:{a} {b}" for a, b in itertools.pairwise(lemmas)]
    return terms


def sentence_dense(sent: Span, cues: SentenceCues) -> list[float]:
    """The dense features, in the order of ``FEATURES``."""
    c = cues.counts
    words = max(c.words, 1)
    content: list[float] = []
    negation = future = we = they = number = False
    for t in sent:  # one pass: every Token access builds a Python object
        lower = t.lower_
        negation = negation or lower in _NEGATION
        future = future or lower in _FUTURE
        we = we or lower in _WE
        they = they or lower in _THEY
        number = number or t.like_num
        if t.is_alpha and (t.pos_ in CONTENT_POS or (not t.pos_ and not t.is_stop)):
            content.append(zipf(t.text))
    text = sent.text
    row: dict[str, float] = {
        "words": float(c.words),
        "log_words": math.log(1 + c.words),
        "syllables_per_word": c.syllables / words,
        "polysyllable_share": c.polysyllables / words,
        "difficult_share": c.difficult_words / words,
        "grade": min(max(fk_grade(c.words, 1, c.syllables), -5.0), 30.0) if c.words else 0.0,
        "zipf_mean": sum(content) / len(content) if content else 7.0,
        "zipf_min": min(content) if content else 7.0,
        "zipf_below_3": float(sum(1 for z in content if z < 3)),
        "zipf_below_4": float(sum(1 for z in content if z < 4)),
        "hard_max": max(cues.hard_scores, default=0.0),
        "hard_mean": sum(cues.hard_scores) / len(cues.hard_scores) if cues.hard_scores else 0.0,
        "hard_count": float(sum(1 for p in cues.hard_scores if p >= 0.5)),
        "passive": float(bool(cues.passive)),
        "agentless": float(cues.agentless),
        "recipients": float(cues.recipients),
        "rule_rung_confidence": cues.rule_rung.confidence if cues.rule_rung else 0.0,
        "claim": float(cues.claim),
        "negation": float(negation),
        "future": float(future),
        "we": float(we),
        "they": float(they),
        "question": float(text.rstrip().endswith("?")),
        "quote": float(any(ch in text for ch in '"\u201c\u201d')),
        "number": float(number),
    }
    for code in CODES:
        row[f"lex_{code}"] = float(min(cues.codes.get(code, 0), 3))
    for a in cues.actions:
        for g in a.agents:
            if g in GROUPS:
                row[f"agent_{g}"] = row.get(f"agent_{g}", 0.0) + 1.0
        for g in a.patients:
            if g in GROUPS:
                row[f"patient_{g}"] = row.get(f"patient_{g}", 0.0) + 1.0
    row[f"rule_rung_{cues.rule_rung.rung}" if cues.rule_rung else "rule_rung_none"] = 1.0
    return [row.get(name, 0.0) for name in FEATURES]


# -- the models' verdict ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceVerdict:
    hard: float | None = None  # calibrated P(hard for the reader)
    them_us: float | None = None
    tokenism: float | None = None
    tokenism_codes: tuple[tuple[str, float], ...] = ()  # codes whose model passed its threshold
    rung: int | None = None
    rung_confidence: float | None = None


class SentenceModels:
    """The shipped sentence models that are present; any may be missing (then it says nothing)."""

    NAMES = (
        "sentence_hard",
        "sentence_them_us",
        "sentence_tokenism",
        "sentence_rung",
        *(f"sentence_{c}" for c in TOKENISM_CODES),
    )

    def __init__(self, directory: str | None = None) -> None:
        self.models: dict[str, LinearModel] = {}
        for name in self.NAMES:
            if directory is not None and not (Path(directory) / f"{name}.json").is_file():
                continue
            try:
                model = load_model(name, directory)
            except ModelError:
                continue
            if model.features != FEATURES:
                raise ModelError(f"{name}: trained on other sentence features; run `jargonwatch train`")
            self.models[name] = model
        self._stack()

    def _stack(self) -> None:
        """Models trained together share their vocabulary and scaling: score them with one product."""
        self.rows: dict[str, slice] = {}
        self.stacked: LinearModel | None = None
        models = list(self.models.values())
        if not models:
            return
        first = models[0]
        if any(
            m.vocabulary != first.vocabulary
            or not np.array_equal(m.mean, first.mean)
            or not np.array_equal(m.scale, first.scale)
            for m in models
        ):
            return
        at = 0
        for name, m in self.models.items():
            self.rows[name] = slice(at, at + m.coef.shape[0])
            at += m.coef.shape[0]
        self.stacked = LinearModel(
            name="stacked",
            kind="regression",
            features=first.features,
            mean=first.mean,
            scale=first.scale,
            coef=np.vstack([m.coef for m in models]),
            intercept=np.concatenate([m.intercept for m in models]),
            vocabulary=first.vocabulary,
        )

    def _outputs(
        self, dense: Sequence[Sequence[float]], terms: Sequence[list[str]]
    ) -> dict[str, list[list[float]]]:
        """Each model's probabilities for each sentence: name -> one list per sentence."""
        if self.stacked is None:
            return {
                name: m.probabilities_from(m.decision_batch(dense, terms)).tolist()
                for name, m in self.models.items()
            }
        logits = self.stacked.decision_batch(dense, terms)
        return {
            name: self.models[name].probabilities_from(logits[:, self.rows[name]]).tolist()
            for name in self.models
        }

    def __bool__(self) -> bool:
        return bool(self.models)

    def verdict(self, dense: Sequence[float], terms: Iterable[str]) -> SentenceVerdict:
        return self.verdicts([(dense, list(terms))])[0]

    def verdicts(self, rows: Sequence[tuple[Sequence[float], Sequence[str]]]) -> list[SentenceVerdict]:
        """The verdicts on many sentences (dense features, terms), scored together."""
        if not rows:
            return []
        outputs = self._outputs([d for d, _ in rows], [list(t) for _, t in rows])
        return [self._verdict({name: probs[i] for name, probs in outputs.items()}) for i in range(len(rows))]

    def _verdict(self, out: dict[str, list[float]]) -> SentenceVerdict:
        def p(name: str) -> float | None:
            return float(out[name][0]) if name in out else None

        codes = []
        for code in TOKENISM_CODES:
            m = self.models.get(f"sentence_{code}")
            if m is None or m.threshold is None:
                continue
            prob = float(out[m.name][0])
            if prob >= m.threshold:
                codes.append((code, prob))
        rung = confidence = None
        m = self.models.get("sentence_rung")
        if m is not None:
            probs = out["sentence_rung"]
            none = float(probs[m.classes.index("none")]) if "none" in m.classes else 0.0
            best = max((i for i, c in enumerate(m.classes) if c != "none"), key=lambda i: probs[i])
            threshold = m.threshold if m.threshold is not None else 0.5
            if 1.0 - none >= threshold:
                rung = int(m.classes[best])
                confidence = round(float(probs[best]), 3)
        return SentenceVerdict(
            p("sentence_hard"), p("sentence_them_us"), p("sentence_tokenism"), tuple(codes), rung, confidence
        )
