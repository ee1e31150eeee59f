"""Model files: plain arrays plus JSON, validated on load, never unpickled."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from jargonwatch.models.store import MODEL_DIR, LinearModel, ModelError, load_model, read_model


def _model(**changes: object) -> LinearModel:
    base: dict[str, object] = {
        "name": "toy",
        "kind": "binary",
        "features": ("a", "b"),
        "mean": np.array([1.0, 0.0]),
        "scale": np.array([2.0, 1.0]),
        "coef": np.array([[1.0, -1.0, 0.5, 2.0]]),
        "intercept": np.array([0.25]),
        "vocabulary": ("u:x", "u:y"),
        "threshold": 0.5,
    }
    base.update(changes)
    return LinearModel(**base)  # type: ignore[arg-type]


def test_decision_standardises_dense_and_adds_vocabulary_terms() -> None:
    m = _model()
    # z = ((3 - 1) / 2, (1 - 0) / 1) = (1, 1): 1 - 1 + 0.25, then + 2.0 for "u:y" (counted once).
    assert m.decision([3.0, 1.0])[0] == pytest.approx(0.25)
    assert m.decision([3.0, 1.0], ["u:y", "u:y", "u:unknown"])[0] == pytest.approx(2.25)
    assert m.probability([3.0, 1.0])[0] == pytest.approx(1 / (1 + np.exp(-0.25)))


def test_calibration_rescales_the_logit() -> None:
    m = _model(calibration=(2.0, -1.0))
    assert m.probability([3.0, 1.0])[0] == pytest.approx(1 / (1 + np.exp(-(2 * 0.25 - 1))))


def test_multiclass_probabilities_sum_to_one() -> None:
    m = _model(
        kind="multiclass",
        classes=("none", "4", "7"),
        coef=np.array([[1.0, 0, 0, 0], [0, 1.0, 0, 0], [0, 0, 1.0, 1.0]]),
        intercept=np.zeros(3),
    )
    p = m.probability([5.0, 0.0], ["u:x"])
    assert p.sum() == pytest.approx(1.0)
    assert p.argmax() == 0


def test_shape_mismatches_are_refused() -> None:
    with pytest.raises(ModelError, match="coef"):
        _model(coef=np.zeros((1, 3)))
    with pytest.raises(ModelError, match="dense features"):
        _model().decision([1.0])
    with pytest.raises(ModelError, match="kind"):
        _model(kind="forest")


def test_round_trip_without_pickle(tmp_path: Path) -> None:
    m = _model(calibration=(1.5, 0.1), card={"note": "toy"})
    jpath, npath = m.save(tmp_path)
    with np.load(npath, allow_pickle=False) as arrays:  # would raise on any object array
        assert set(arrays.files) == {"mean", "scale", "coef", "intercept"}
    back = read_model(jpath)
    assert back.features == m.features and back.vocabulary == m.vocabulary
    assert back.calibration == (1.5, 0.1) and back.card == {"note": "toy"}
    assert back.decision([3.0, 1.0], ["u:x"])[0] == pytest.approx(m.decision([3.0, 1.0], ["u:x"])[0])


def test_saving_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    _model().save(a)
    _model().save(b)
    for name in ("toy.json", "toy.npz"):
        assert (a / name).read_bytes() == (b / name).read_bytes()


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda j, n: j.write_text("{not json", encoding="utf-8"), "cannot read model description"),
        (lambda j, n: j.write_text(json.dumps({"format": "other"}), encoding="utf-8"), "not a jargonwatch"),
        (lambda j, n: n.write_bytes(b"garbage"), "cannot read model arrays"),
        (lambda j, n: n.unlink(), "cannot read model arrays"),
    ],
)
def test_damaged_files_name_the_file(tmp_path: Path, damage: object, message: str) -> None:
    jpath, npath = _model().save(tmp_path)
    damage(jpath, npath)  # type: ignore[operator]
    with pytest.raises(ModelError, match=message) as info:
        read_model(jpath)
    assert "toy" in str(info.value)


def test_object_arrays_are_refused(tmp_path: Path) -> None:
    jpath, npath = _model().save(tmp_path)
    np.savez(
        npath,
        mean=np.array([{"x": 1}, 2], dtype=object),
        scale=np.ones(2),
        coef=np.ones((1, 4)),
        intercept=np.ones(1),
    )
    with pytest.raises(ModelError):
        read_model(jpath)


def test_non_finite_values_are_refused(tmp_path: Path) -> None:
    jpath, _ = _model(coef=np.array([[np.nan, 0, 0, 0]])).save(tmp_path)
    with pytest.raises(ModelError, match="non-finite"):
        read_model(jpath)


def test_missing_model_says_how_to_make_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="jargonwatch train"):
        load_model("nothing-here", str(tmp_path))


def test_every_shipped_model_loads_and_has_a_card() -> None:
    names = sorted(p.stem for p in MODEL_DIR.glob("*.json") if p.stem != "card")
    assert "hardword" in names and "sentence_hard" in names and "sentence_rung" in names
    for name in names:
        m = read_model(MODEL_DIR / f"{name}.json")
        assert m.card["data"]["digest"].startswith("sha256:")
        assert "metrics" in m.card


def test_batch_decision_matches_row_by_row() -> None:
    """Scoring a chunk's sentences together gives each sentence's own scores."""
    for model in (load_model("sentence_hard"), load_model("sentence_rung")):
        rng = np.random.default_rng(0)
        dense = rng.normal(size=(5, len(model.features)))
        vocab = list(model.vocabulary)
        terms = [[vocab[0], vocab[3]], [], ["u:not-in-the-vocabulary"], vocab[10:14], [vocab[2], vocab[2]]]
        batch = model.decision_batch(dense, terms)
        for i in range(5):
            np.testing.assert_allclose(batch[i], model.decision(dense[i], terms[i]), rtol=1e-12, atol=1e-12)
    with pytest.raises(ModelError):
        model.decision_batch(np.zeros((2, 3)))


def test_sentence_verdicts_together_equal_one_by_one() -> None:
    from jargonwatch.models.sentences import FEATURES, SentenceModels

    models = SentenceModels(str(MODEL_DIR))
    rng = np.random.default_rng(1)
    rows = [(list(rng.normal(size=len(FEATURES))), ["u:consult", "u:we", "b:we consult"]) for _ in range(4)]
    rows.append(([0.0] * len(FEATURES), []))
    together = models.verdicts(rows)
    for got, want in zip(together, [models.verdict(d, t) for d, t in rows], strict=True):
        assert (got.rung, [c for c, _ in got.tokenism_codes]) == (
            want.rung,
            [c for c, _ in want.tokenism_codes],
        )
        for a, b in ((got.hard, want.hard), (got.them_us, want.them_us), (got.tokenism, want.tokenism)):
            assert a == pytest.approx(b, rel=1e-9, abs=1e-12)


def test_unstacked_models_give_the_stacked_verdicts() -> None:
    """Models that cannot be stacked (other vocabularies or scaling) are scored one by one, alike."""
    from jargonwatch.models.sentences import FEATURES, SentenceModels

    stacked = SentenceModels(str(MODEL_DIR))
    assert stacked.stacked is not None
    alone = SentenceModels(str(MODEL_DIR))
    alone.stacked = None
    rng = np.random.default_rng(2)
    rows = [(list(rng.normal(size=len(FEATURES))), ["u:consult", "b:we consult"]) for _ in range(3)]
    for got, want in zip(alone.verdicts(rows), stacked.verdicts(rows), strict=True):
        assert got.rung == want.rung
        assert got.hard == pytest.approx(want.hard, rel=1e-9)
        assert got.tokenism == pytest.approx(want.tokenism, rel=1e-9)
