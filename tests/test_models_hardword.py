"""JW107: the hard-word model in the analyser."""

from __future__ import annotations

import pytest

import jargonwatch as jw
from jargonwatch.analyzer import get_analyzer
from jargonwatch.models.hardword import is_candidate

FLAG = [
    ("We will disaggregate the figures by ward.", "disaggregate"),
    ("It was a perspicacious choice.", "perspicacious"),
]
PASS = [
    "If you need help at home, phone us and we will visit.",
    "Our kitchen garden grows beans, peas and potatoes.",
    "Leeds and Bradford share a bus route.",  # names are not scored
]


def _jw107(text: str, **config: object) -> list[jw.Finding]:
    return [f for f in jw.analyze(text, jw.Config(**config)).findings if f.code == "JW107"]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "word"), FLAG)
def test_flags_hard_words_no_list_contains(text: str, word: str) -> None:
    found = _jw107(text)
    assert word in [f.text for f in found]
    f = next(f for f in found if f.text == word)
    assert f.source == "model:hardword"
    assert 0.5 <= f.confidence <= 1.0


@pytest.mark.parametrize("text", PASS)
def test_plain_words_pass(text: str) -> None:
    assert _jw107(text) == []


def test_words_a_list_already_flags_are_left_to_the_list() -> None:
    report = jw.analyze("We will ameliorate the service.")
    codes = {f.code for f in report.findings if f.text == "ameliorate"}
    assert codes == {"JW104"}


def test_first_use_only_and_allow_list() -> None:
    text = "We will disaggregate the figures. Then we disaggregate the costs."
    assert len(_jw107(text)) == 1
    assert _jw107(text, allow=["disaggregate"]) == []


def test_quoted_words_are_mentions_not_uses() -> None:
    assert _jw107('People told us that "disaggregate" was a word nobody understood.') == []


def test_models_none_switches_the_model_off() -> None:
    assert _jw107(FLAG[0][0], models="none") == []
    report = jw.analyze(FLAG[0][0], jw.Config(models="none"))
    assert all(s.hard is None for s in report.sentences)
    assert report.scores.hard_share is None


def test_candidates_are_content_words_in_lower_case() -> None:
    nlp = get_analyzer(jw.Config()).pipeline.nlp
    doc = nlp("Going forward, Leeds will disaggregate the NHS data and it is fine.")
    chosen = {t.text for t in doc if is_candidate(t)}
    assert "disaggregate" in chosen and "Going" in chosen
    assert not chosen & {"Leeds", "NHS", "it", "is", "and", "the"}
