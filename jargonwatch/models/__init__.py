"""Trained models: the hard-word model (JW107) and the sentence models (hard, them-and-us,
tokenism, participation rung).

Models are plain arrays (``.npz``, read with ``allow_pickle=False``) beside a JSON file
that names every feature, so a model file can never run code when it is loaded. Scoring
needs only NumPy; scikit-learn is needed only to train them again (``jargonwatch train``).
"""

from __future__ import annotations

from .store import MODEL_DIR, LinearModel, ModelError, load_model

__all__ = ["MODEL_DIR", "LinearModel", "ModelError", "load_model"]
