"""A linear model saved as plain arrays plus JSON, and scored with NumPy.

Each model is two files with the same stem:

* ``NAME.json``: the format tag, the model's kind (``binary``, ``multiclass`` or
  ``regression``), the names of its dense features, its vocabulary of sparse (n-gram)
  features, its classes, decision thresholds, probability calibration and a free-form
  ``card`` (data digest, library versions, metrics);
* ``NAME.npz``: ``mean`` and ``scale`` for the dense features, ``coef`` (classes x
  features) and ``intercept``, read with ``allow_pickle=False`` so that loading a file
  can never run code.

The dense part is standardised (``(x - mean) / scale``); the sparse part is binary
indicators of vocabulary items and is used as is.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = "jargonwatch-linear/1"
MODEL_DIR = Path(__file__).resolve().parent / "artifacts"
KINDS = ("binary", "multiclass", "regression")


class ModelError(ValueError):
    """A model file is missing, malformed or does not match the features given to it."""


@dataclass(frozen=True)
class LinearModel:
    name: str
    kind: str
    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray  # (k, n_dense + n_vocab); k = 1 for binary and regression
    intercept: np.ndarray  # (k,)
    vocabulary: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    threshold: float | None = None
    thresholds: dict[str, float] = field(default_factory=dict)
    calibration: tuple[float, float] | None = None  # Platt scaling: sigmoid(a * logit + b)
    card: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ModelError(f"{self.name}: unknown model kind {self.kind!r}")
        d, v = len(self.features), len(self.vocabulary)
        if self.mean.shape != (d,) or self.scale.shape != (d,):
            raise ModelError(f"{self.name}: mean and scale must have {d} values")
        if self.coef.ndim != 2 or self.coef.shape[1] != d + v:
            raise ModelError(f"{self.name}: coef has shape {self.coef.shape}, expected (k, {d + v})")
        if self.intercept.shape != (self.coef.shape[0],):
            raise ModelError(f"{self.name}: intercept does not match coef")
        if self.kind == "multiclass" and len(self.classes) != self.coef.shape[0]:
            raise ModelError(
                f"{self.name}: {len(self.classes)} classes but {self.coef.shape[0]} rows of coef"
            )
        object.__setattr__(self, "_index", {t: i for i, t in enumerate(self.vocabulary)})

    # -- scoring ---------------------------------------------------------------------------
    def vocabulary_index(self, terms: Iterable[str]) -> list[int]:
        index: dict[str, int] = self._index  # type: ignore[attr-defined]
        return sorted({index[t] for t in terms if t in index})

    def decision(self, dense: Sequence[float] | np.ndarray, terms: Iterable[str] = ()) -> np.ndarray:
        """Raw scores (logits) for one example: a vector of length k."""
        x = np.asarray(dense, dtype=np.float64)
        if x.shape != (len(self.features),):
            raise ModelError(f"{self.name}: expected {len(self.features)} dense features, got {x.shape}")
        return self.decision_batch(x[None, :], [list(terms)])[0]

    def decision_batch(
        self, dense: Sequence[Sequence[float]] | np.ndarray, terms: Sequence[Iterable[str]] = ()
    ) -> np.ndarray:
        """Raw scores for many examples at once, (n, k), in a few array operations: the standardised
        dense features times their weights, plus the weights of each example's vocabulary terms."""
        x = np.asarray(dense, dtype=np.float64)
        d = len(self.features)
        if x.ndim != 2 or x.shape[1] != d:
            raise ModelError(f"{self.name}: expected (n, {d}) dense features, got {x.shape}")
        out = ((x - self.mean) / self.scale) @ self.coef[:, :d].T + self.intercept
        if self.vocabulary and terms:
            rows: list[int] = []
            cols: list[int] = []
            for i, example in enumerate(terms):
                idx = self.vocabulary_index(example)
                rows += [i] * len(idx)
                cols += idx
            if cols:
                np.add.at(out, np.asarray(rows), self.coef[:, d:].T[np.asarray(cols)])
        return out

    def decision_matrix(self, dense: np.ndarray) -> np.ndarray:
        """Raw scores for many examples with dense features only: (n, k)."""
        if self.vocabulary:
            raise ModelError(f"{self.name}: this model also needs vocabulary terms")
        return self.decision_batch(dense)

    def probability(self, dense: Sequence[float] | np.ndarray, terms: Iterable[str] = ()) -> np.ndarray:
        """P(positive) for a binary model (length 1), or the class probabilities of a multiclass one."""
        return self.probabilities_from(self.decision(dense, terms)[None, :])[0]

    def probabilities_from(self, logits: np.ndarray) -> np.ndarray:
        if self.kind == "regression":
            return logits
        if self.kind == "binary":
            if self.calibration is not None:
                a, b = self.calibration
                logits = a * logits + b
            return 1.0 / (1.0 + np.exp(-logits))
        shifted = logits - logits.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        return e / e.sum(axis=1, keepdims=True)

    # -- files -----------------------------------------------------------------------------
    def save(self, directory: Path) -> tuple[Path, Path]:
        directory.mkdir(parents=True, exist_ok=True)
        meta = {
            "format": FORMAT,
            "name": self.name,
            "kind": self.kind,
            "features": list(self.features),
            "vocabulary": list(self.vocabulary),
            "classes": list(self.classes),
            "threshold": self.threshold,
            "thresholds": self.thresholds,
            "calibration": list(self.calibration) if self.calibration else None,
            "card": self.card,
        }
        jpath = directory / f"{self.name}.json"
        npath = directory / f"{self.name}.npz"
        jpath.write_text(
            json.dumps(meta, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        # Rounded, so that retraining with the same data gives the same bytes on any machine.
        with npath.open("wb") as fh:
            np.savez_compressed(
                fh,
                mean=np.round(self.mean, 8),
                scale=np.round(self.scale, 8),
                coef=np.round(self.coef, 8),
                intercept=np.round(self.intercept, 8),
            )
        return jpath, npath


def read_model(json_path: Path) -> LinearModel:
    """Load one model from its JSON file and the .npz beside it."""
    name = json_path.stem
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{json_path}: cannot read model description: {exc}") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise ModelError(f"{json_path}: not a {FORMAT} model file")
    npz_path = json_path.with_suffix(".npz")
    try:
        with np.load(npz_path, allow_pickle=False) as arrays:
            mean, scale = arrays["mean"], arrays["scale"]
            coef, intercept = arrays["coef"], arrays["intercept"]
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"{npz_path}: cannot read model arrays: {exc}") from exc
    if not (np.all(np.isfinite(coef)) and np.all(np.isfinite(intercept)) and np.all(scale > 0)):
        raise ModelError(f"{npz_path}: model arrays hold non-finite values or a zero scale")
    calibration = meta.get("calibration")
    threshold = meta.get("threshold")
    if threshold is not None and not (isinstance(threshold, (int, float)) and math.isfinite(threshold)):
        raise ModelError(f"{json_path}: threshold must be a finite number")
    try:
        return LinearModel(
            name=str(meta.get("name", name)),
            kind=str(meta["kind"]),
            features=tuple(meta["features"]),
            mean=mean.astype(np.float64),
            scale=scale.astype(np.float64),
            coef=coef.astype(np.float64),
            intercept=intercept.astype(np.float64),
            vocabulary=tuple(meta.get("vocabulary", ())),
            classes=tuple(str(c) for c in meta.get("classes", ())),
            threshold=threshold,
            thresholds={str(k): float(v) for k, v in (meta.get("thresholds") or {}).items()},
            calibration=(float(calibration[0]), float(calibration[1])) if calibration else None,
            card=dict(meta.get("card") or {}),
        )
    except (KeyError, TypeError) as exc:
        raise ModelError(f"{json_path}: missing or bad field: {exc}") from exc


@lru_cache(maxsize=16)
def load_model(name: str, directory: str | None = None) -> LinearModel:
    """A shipped model by name (cached), or one from another directory."""
    path = (Path(directory) if directory else MODEL_DIR) / f"{name}.json"
    if not path.is_file():
        raise ModelError(f"no model {name!r} in {path.parent}; train it with `jargonwatch train`")
    return read_model(path)
