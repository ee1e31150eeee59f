"""The sentence models: features, verdicts, the document score and the ladder rung."""

from __future__ import annotations

import json
from pathlib import Path

import jargonwatch as jw
from jargonwatch.analyzer import get_analyzer
from jargonwatch.models.card import model_card
from jargonwatch.models.sentences import (
    FEATURES,
    SentenceCues,
    SentenceModels,
    sentence_dense,
    sentence_terms,
)
from jargonwatch.models.store import MODEL_DIR
from jargonwatch.readability import count_span

ROOT = Path(__file__).resolve().parent.parent


def _sent(text: str):  # type: ignore[no-untyped-def]
    nlp = get_analyzer(jw.Config()).pipeline.nlp
    return next(iter(nlp(text).sents))


def test_terms_are_lemma_unigrams_and_bigrams() -> None:
    terms = sentence_terms(_sent("Carers chaired 3 meetings."))
    assert "u:carer" in terms and "u:<num>" in terms
    assert "b:carer chair" in terms
    assert not any(t.endswith(".") for t in terms)


def test_dense_features_follow_the_declared_order() -> None:
    sent = _sent("We will not consult them until the plan is signed off?")
    row = dict(zip(FEATURES, sentence_dense(sent, SentenceCues(count_span(sent))), strict=True))
    assert row["negation"] == 1 and row["future"] == 1 and row["we"] == 1 and row["they"] == 1
    assert row["question"] == 1 and row["rule_rung_none"] == 1
    assert row["words"] == 11


def test_shipped_models_match_the_code_s_features() -> None:
    models = SentenceModels()
    assert set(models.models) == set(SentenceModels.NAMES)
    for m in models.models.values():
        assert m.features == FEATURES


def test_hard_and_easy_sentences() -> None:
    hard = (
        "Going forward, the integrated care board will leverage cross-sector synergies to operationalise "
        "a strengths-based, outcomes-focused commissioning framework across the system footprint."
    )
    report = jw.analyze(hard + "\n\nYou can phone us. We will come to see you.")
    first, *rest = report.sentences
    assert first.hard is not None and first.hard > 0.5
    assert all(s.hard is not None and s.hard < 0.5 for s in rest)
    expected = sum(s.hard for s in report.sentences if s.hard is not None) / len(report.sentences)
    assert report.scores.hard_share is not None
    assert abs(report.scores.hard_share - expected) < 1e-3
    assert report.scores.accessibility == round(100 * (1 - report.scores.hard_share), 1)


def test_rung_comes_with_a_confidence() -> None:
    report = jw.analyze("People who use the service chaired the panel and set its budget.")
    s = report.sentences[0]
    assert s.rung is not None and s.rung >= 6
    assert s.rung_confidence is not None and 0 < s.rung_confidence <= 1
    plain = jw.analyze("The bus was late on Tuesday.").sentences[0]
    assert plain.rung is None and plain.rung_confidence is None


def test_sentence_probabilities_are_in_the_json() -> None:
    data = json.loads(jw.analyze("We will consult service users once the plan is final.").to_json())
    sentence = data["files"][0]["sentences"][0]
    for key in ("hard", "them_us", "tokenism", "rung", "rung_confidence"):
        assert key in sentence
    assert 0 <= sentence["tokenism"] <= 1
    assert "hard_share" in data["files"][0]["scores"]


def test_model_card_is_current() -> None:
    card = json.loads((MODEL_DIR / "card.json").read_text(encoding="utf-8"))
    on_disk = (ROOT / "docs" / "model-card.md").read_text(encoding="utf-8")
    assert on_disk == model_card(card), "regenerate with `jargonwatch train --card docs/model-card.md`"
