"""`jargonwatch train` on a small slice of the corpus: files, formats, determinism, use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import jargonwatch as jw
from jargonwatch.cli import main
from jargonwatch.models.store import read_model
from jargonwatch.models.train import Corpus, calibration_error, precision_first_threshold, prf, train

ROOT = Path(__file__).resolve().parent.parent
SLICE = {
    "train": ["p110", "p084", "p015", "p022", "p042", "p064"],
    "dev": ["p148", "p095"],
    "test": ["p127", "p093"],
}


def _slice(to: Path) -> Path:
    src = ROOT / "corpora"
    keep = {d for docs in SLICE.values() for d in docs}
    (to / "raw").mkdir(parents=True)
    (to / "labels").mkdir()
    for d in sorted(keep):
        shutil.copyfile(src / "raw" / f"{d}.md", to / "raw" / f"{d}.md")
    for name in ("labels/gold.jsonl", "sentences.jsonl"):
        lines = (src / name).read_text(encoding="utf-8").splitlines()
        kept = [line for line in lines if json.loads(line)["doc"] in keep]
        (to / name).write_text("\n".join(kept) + "\n", encoding="utf-8")
    (to / "splits.json").write_text(json.dumps({"seed": 0, **SLICE}), encoding="utf-8")
    return to


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict]:  # type: ignore[type-arg]
    base = tmp_path_factory.mktemp("train")
    corpus = _slice(base / "corpus")
    out = base / "models"
    card = train(corpus, out, log=lambda _m: None)
    return corpus, out, card


def test_writes_every_model_as_json_and_plain_arrays(trained: tuple[Path, Path, dict]) -> None:  # type: ignore[type-arg]
    corpus, out, card = trained
    names = {p.stem for p in out.glob("*.json")} - {"card"}
    assert {"hardword", "sentence_hard", "sentence_tokenism"} <= names
    assert not list(out.glob("*.pkl")) and not list(out.glob("*.joblib"))
    for name in names:
        model = read_model(out / f"{name}.json")
        assert model.card["data"]["digest"] == Corpus.load(corpus).digest
    assert card["hardword"]["examples"]["test"] > 0
    assert json.loads((out / "card.json").read_text(encoding="utf-8"))["data"] == card["data"]


def test_the_analyser_uses_a_trained_folder(trained: tuple[Path, Path, dict]) -> None:  # type: ignore[type-arg]
    _, out, _ = trained
    report = jw.analyze("We will consult service users once the plan is final.", jw.Config(models=str(out)))
    assert report.sentences[0].hard is not None
    assert report.scores.hard_share is not None


def test_cli_train_needs_a_corpus_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["train", "--corpus", str(tmp_path), "--output", str(tmp_path / "out")]) == 2
    assert "labels/gold.jsonl" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_cli_train_reproduces_the_same_bytes(trained: tuple[Path, Path, dict], tmp_path: Path) -> None:  # type: ignore[type-arg]
    corpus, out, _ = trained
    card = tmp_path / "card.md"
    again = tmp_path / "again"
    assert main(["train", "--corpus", str(corpus), "--output", str(again), "--card", str(card)]) == 0
    assert card.read_text(encoding="utf-8").startswith("# Model card")
    for p in sorted(out.iterdir()):
        assert (again / p.name).read_bytes() == p.read_bytes(), p.name


def test_precision_first_threshold() -> None:
    import numpy as np

    y = np.array([1, 1, 1, 1, 0, 1, 0, 0, 0, 0])
    p = np.linspace(1.0, 0.1, 10)
    # Precision stays >= 0.8 down to the 6th example (5 of 6), not the 7th (5 of 7).
    assert precision_first_threshold(y, p, 0.8) == pytest.approx(p[5])
    assert precision_first_threshold(np.zeros(10, dtype=int), p, 0.8) is None
    assert prf(y, (p >= p[5]).astype(int))["recall"] == 1.0


def test_calibration_error_is_zero_for_perfect_calibration() -> None:
    import numpy as np

    y = np.array([0, 1] * 50)
    assert calibration_error(y, np.full(100, 0.5)) == 0.0
    assert calibration_error(y, np.full(100, 0.9)) == pytest.approx(0.4)
