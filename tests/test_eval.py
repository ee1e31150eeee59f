"""`jargonwatch eval`: precision, recall and F1 against gold labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jargonwatch.cli import main
from jargonwatch.eval import Tally, evaluate, load_gold

pytestmark = pytest.mark.usefixtures("fixture_lexicons")
GOLD = Path(__file__).parent / "data" / "gold_small.jsonl"


def test_tally_arithmetic() -> None:
    t = Tally(tp=3, fp=1, fn=2)
    assert (t.precision, t.recall) == (0.75, 0.6)
    assert t.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Tally().f1 == 0.0


def test_scores_against_a_small_gold_file() -> None:
    results = evaluate(load_gold(GOLD))
    assert results.sentences == 4
    spans = results.spans_overlap
    # The fixture lexicon knows going forward, utilise and care pathway, but not respite.
    assert (spans["JW104"].tp, spans["JW104"].fp, spans["JW104"].fn) == (1, 0, 0)
    assert (spans["JW101"].tp, spans["JW101"].fn) == (1, 1)
    assert spans["family:JW1"].recall == pytest.approx(3 / 4)
    sentence = results.sentence_level
    assert (sentence["JW301"].tp, sentence["JW301"].fp) == (1, 0)
    assert sentence["JW102"].fp == 0  # "key" in "my key on the bus" is not flagged


def test_eval_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(GOLD), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["sentences"] == 4 and data["spans_overlap"]["JW104"]["f1"] == 1.0
    assert main(["eval", str(GOLD)]) == 0
    assert "| JW104 | 1.00 | 1.00 | 1.00 |" in capsys.readouterr().out


def test_bad_gold_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "ok"}\nnot json\n')
    assert main(["eval", str(bad)]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err
