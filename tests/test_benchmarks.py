"""The benchmark scripts: they skip cleanly without ../shared/data, and the TSAR metrics we wrote
follow the shared task's definitions on hand-worked cases."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import tsar  # noqa: E402


@pytest.mark.parametrize(
    "script, args",
    [
        ("quality.py", ["--data"]),
        ("false_positives.py", ["--data"]),
        ("tsar.py", ["--data"]),
        ("agency_frames.py", ["--data"]),
    ],
)
def test_skips_cleanly_without_data(tmp_path: Path, script: str, args: list[str]) -> None:
    missing = tmp_path / "no-such-folder"
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args, str(missing)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "skipped" in out.stdout.lower()


def _instance(word: str, **gold: int) -> tsar.Instance:
    return tsar.Instance(sentence=f"A {word} here.", word=word, gold=Counter(gold))


def test_tsar_metrics_by_hand() -> None:
    instances = [
        _instance("utilise", use=5, employ=2),
        _instance("commence", start=4, begin=4),
        _instance("facilitate", help=3),
    ]
    predictions = [
        ["use", "employ", "apply"],  # first right and top: AP = (1/1 + 2/2) / 3
        ["launch", "begin", "start"],  # first wrong; hits at 2 and 3: AP = (1/2 + 2/3) / 3
        ["facilitate", "ease", "aid"],  # the word itself is dropped; no hits
    ]
    scores = tsar.score(instances, predictions)
    assert scores["ACC@1"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["ACC@1@Top1"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["Potential@3"] == pytest.approx(2 / 3, abs=1e-4)
    expected_map = ((1 + 1) / 3 + (1 / 2 + 2 / 3) / 3 + 0) / 3
    assert scores["MAP@3"] == pytest.approx(expected_map, abs=1e-4)


def test_tsar_scores_are_floored_to_four_decimals() -> None:
    instances = [_instance("w", a=1)] * 3
    scores = tsar.score(instances, [["a"], ["b"], ["c"]])
    assert scores["ACC@1"] == 0.3333  # floored, not rounded up


def test_tsar_reads_gold_without_the_complex_word(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(
        "The plan was ratified.\tratified\tagreed\tapproved\tagreed\tratified\n", encoding="utf-8"
    )
    (inst,) = list(tsar.read_instances(path))
    assert inst.word == "ratified"
    assert inst.gold == Counter({"agreed": 2, "approved": 1})
