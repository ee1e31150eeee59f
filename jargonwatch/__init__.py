"""jargonwatch: finds jargon, 'them and us' language, tokenism and hard-to-read text.

    >>> import jargonwatch as jw
    >>> report = jw.analyze("Going forward we will leverage our service users.")
    >>> [f.code for f in report.findings]  # doctest: +SKIP

Importing the package is cheap: spaCy, pandas and scikit-learn are imported only
when they are first needed.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "analyze": "api",
    "analyze_file": "api",
    "analyze_files": "api",
    "analyze_many": "api",
    "Config": "config",
    "ConfigError": "config",
    "Report": "report",
    "Finding": "types",
    "SentenceInfo": "types",
    "Scores": "types",
    "Severity": "types",
    "Family": "types",
    "RULES": "codes",
    "get_rule": "codes",
    "load_lexicon": "lexicon.loader",
    "LexiconError": "lexicon.loader",
    "to_frame": "frames",
    "analyze_frame": "frames",
}

__all__ = ["__version__", "explain", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from .api import analyze, analyze_file, analyze_files, analyze_many
    from .codes import RULES, get_rule
    from .config import Config, ConfigError
    from .frames import analyze_frame, to_frame
    from .lexicon.loader import LexiconError, load_lexicon
    from .report import Report
    from .types import Family, Finding, Scores, SentenceInfo, Severity


def explain(code: str) -> str:
    """The documentation of a finding code, as Markdown."""
    from .codes import get_rule

    return get_rule(code).docs()


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jargonwatch' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
