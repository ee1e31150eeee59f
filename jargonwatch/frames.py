"""Reports as pandas DataFrames, for exploring documents in a notebook.

pandas is optional: it is imported when a frame is first asked for, never by ``import jargonwatch``.

Three kinds of frame:

- ``"findings"``: one row per finding: ``path, code, name, family, severity, start, end, line,
  column, text, message, suggestions, confidence, sentence`` (``sentence`` is the index of the
  finding's sentence in ``report.sentences``, missing for document-level findings such as JW404).
- ``"sentences"``: one row per sentence: ``index, start, end, text, words, grade, reading_ease,
  passive, rung, rung_confidence``, the sentence models' probabilities ``hard, them_us, tokenism``
  (missing with ``models="none"``) and ``n_<family>``, the number of findings of each family in the
  sentence.
- ``"documents"``: one row per document: ``path``, every score of ``Scores`` (missing for a file that
  could not be read), ``unreadable``, ``findings`` (the total), ``n_<family>``, one column per code
  (``JW101`` ...) and ``rung_1`` ... ``rung_8`` (sentences on each rung of the participation ladder).

The families are ``tool, jargon, them_us, tokenism, accessibility``, so the family columns are
``n_tool, n_jargon, n_them_us, n_tokenism, n_accessibility``. Every column is present even when it
is all zeros, so frames from different runs line up.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .codes import RULES
from .optional import require
from .report import Report
from .types import Family, Scores

if TYPE_CHECKING:
    import pandas as pd

    from .config import Config

KINDS = ("findings", "sentences", "documents")

FAMILY_COLUMNS = tuple(f"n_{family.value}" for family in Family)
CODE_COLUMNS = tuple(rule.code for rule in RULES)
RUNG_COLUMNS = tuple(f"rung_{rung}" for rung in range(1, 9))
SCORE_COLUMNS = tuple(f.name for f in dataclasses.fields(Scores))

COLUMNS: dict[str, tuple[str, ...]] = {
    "findings": (
        "path",
        "code",
        "name",
        "family",
        "severity",
        "start",
        "end",
        "line",
        "column",
        "text",
        "message",
        "suggestions",
        "confidence",
        "sentence",
    ),
    "sentences": (
        "index",
        "start",
        "end",
        "text",
        "words",
        "grade",
        "reading_ease",
        "passive",
        "rung",
        "rung_confidence",
        "hard",
        "them_us",
        "tokenism",
        *FAMILY_COLUMNS,
    ),
    "documents": (
        "path",
        *SCORE_COLUMNS,
        "unreadable",
        "findings",
        *FAMILY_COLUMNS,
        *CODE_COLUMNS,
        *RUNG_COLUMNS,
    ),
}

DTYPES: dict[str, dict[str, str]] = {
    "findings": {
        "start": "int64",
        "end": "int64",
        "line": "int64",
        "column": "int64",
        "confidence": "float64",
        "sentence": "Int64",
    },
    "sentences": {
        "index": "int64",
        "start": "int64",
        "end": "int64",
        "words": "int64",
        "grade": "float64",
        "reading_ease": "float64",
        "passive": "boolean",
        "rung": "Int64",
        "rung_confidence": "Float64",
        "hard": "Float64",
        "them_us": "Float64",
        "tokenism": "Float64",
        **dict.fromkeys(FAMILY_COLUMNS, "int64"),
    },
    "documents": {
        **{name: "Int64" if name in ("words", "sentences") else "float64" for name in SCORE_COLUMNS},
        "unreadable": "bool",
        "findings": "int64",
        **dict.fromkeys((*FAMILY_COLUMNS, *CODE_COLUMNS, *RUNG_COLUMNS), "int64"),
    },
}


def _pandas() -> Any:
    return require("pandas", "Turning reports into DataFrames")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ValueError(f"unknown frame kind {kind!r}: use one of {', '.join(KINDS)}")


# -- rows ---------------------------------------------------------------------------------
def finding_rows(report: Report) -> Iterator[dict[str, object]]:
    """One dict per finding, with the columns of a findings frame."""
    for f in report.findings:
        line, column = report.locate(f.start)
        yield {
            "path": report.path,
            "code": f.code,
            "name": f.name,
            "family": f.family.value,
            "severity": str(f.severity),
            "start": f.start,
            "end": f.end,
            "line": line,
            "column": column,
            "text": f.text,
            "message": f.message,
            "suggestions": list(f.suggestions),
            "confidence": f.confidence,
            "sentence": f.sentence,
        }


def sentence_rows(report: Report) -> Iterator[dict[str, object]]:
    """One dict per sentence, with the columns of a sentences frame."""
    per_sentence: list[Counter[str]] = [Counter() for _ in report.sentences]
    for f in report.findings:
        if f.sentence is not None and 0 <= f.sentence < len(per_sentence):
            per_sentence[f.sentence][f.family.value] += 1
    for i, s in enumerate(report.sentences):
        row: dict[str, object] = {
            "index": i,
            "start": s.start,
            "end": s.end,
            "text": report.text[s.start : s.end],
            "words": s.words,
            "grade": s.grade,
            "reading_ease": s.reading_ease,
            "passive": s.passive,
            "rung": s.rung,
            "rung_confidence": s.rung_confidence,
            "hard": s.hard,
            "them_us": s.them_us,
            "tokenism": s.tokenism,
        }
        row.update({f"n_{family.value}": per_sentence[i][family.value] for family in Family})
        yield row


def document_row(report: Report) -> dict[str, object]:
    """The row of a documents frame for one report."""
    row: dict[str, object] = {"path": report.path}
    scores = report.scores
    row.update({name: getattr(scores, name) if scores else None for name in SCORE_COLUMNS})
    row["unreadable"] = report.unreadable
    row["findings"] = len(report.findings)
    row.update({f"n_{family}": n for family, n in report.counts().items()})
    codes = Counter(f.code for f in report.findings)
    row.update({code: codes.get(code, 0) for code in CODE_COLUMNS})
    rungs = Counter(s.rung for s in report.sentences if s.rung is not None)
    row.update({f"rung_{rung}": rungs.get(rung, 0) for rung in range(1, 9)})
    return row


def _rows(report: Report, kind: str) -> Iterable[dict[str, object]]:
    if kind == "findings":
        return finding_rows(report)
    if kind == "sentences":
        return sentence_rows(report)
    return [document_row(report)]


def _frame(rows: Iterable[dict[str, object]], kind: str, columns: tuple[str, ...], index: Any = None) -> Any:
    pd = _pandas()
    frame = pd.DataFrame(list(rows), columns=list(columns), index=index)
    return frame.astype(DTYPES[kind])


# -- public -------------------------------------------------------------------------------
def report_frame(report: Report, kind: str = "findings") -> pd.DataFrame:
    """One report as a DataFrame: its findings, its sentences, or one row for the document."""
    _check_kind(kind)
    return _frame(_rows(report, kind), kind, COLUMNS[kind])


def to_frame(reports: Report | Iterable[Report], kind: str = "documents") -> pd.DataFrame:
    """Many reports as one DataFrame: one row per document (the default), finding or sentence.

    For ``kind="findings"`` and ``kind="sentences"`` the rows of every report are stacked, with a
    leading ``document`` column (the report's position in ``reports``) and ``path``.
    """
    _check_kind(kind)
    items = [reports] if isinstance(reports, Report) else list(reports)
    if kind == "documents":
        return _frame((document_row(r) for r in items), kind, COLUMNS[kind])
    rest = tuple(c for c in COLUMNS[kind] if c != "path")
    rows = ({"document": n, "path": r.path, **row} for n, r in enumerate(items) for row in _rows(r, kind))
    return _frame(rows, kind, ("document", "path", *rest)).astype({"document": "int64"})


def _texts(df: pd.DataFrame, text_column: str) -> Iterator[str]:
    pd = _pandas()
    for label, value in df[text_column].items():
        if isinstance(value, str):
            yield value
        elif value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
            yield ""
        else:
            raise TypeError(f"row {label!r} of column {text_column!r} holds {type(value).__name__}, not text")


def analyze_frame(
    df: pd.DataFrame,
    text_column: str,
    config: Config | None = None,
    batch_size: int = 64,
    *,
    fmt: str = "text",
) -> pd.DataFrame:
    """Analyse the texts in one column of ``df``: one row per row of ``df``, with its index.

    The columns are those of ``to_frame(reports)``. Texts stream through ``analyze_many``, so
    only one report is held at a time. A missing value is analysed as an empty text. ``fmt`` is
    ``"text"`` or ``"markdown"`` (markup is masked). Put the result beside ``df`` with
    ``df.join(result)`` (rename any of ``df``'s columns that share a name with it first).
    """
    from .api import analyze_many

    if text_column not in df.columns:
        raise KeyError(f"no column {text_column!r}; the frame has {', '.join(map(str, df.columns))}")
    reports = analyze_many(_texts(df, text_column), config=config, fmt=fmt, batch_size=batch_size)
    rows = [document_row(r) for r in reports]
    return _frame(rows, "documents", COLUMNS["documents"], index=df.index)
