"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..config import Config
from ..report import Report
from ..types import Severity

_LEVEL = {Severity.INFO: "notice", Severity.WARNING: "warning", Severity.ERROR: "error"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    for report in reports:
        path = _escape_property(report.path or "<stdin>")
        for f in report.findings:
            line, column = report.locate(f.start)
            end_line, end_column = report.locate(f.end)
            message = f.message + (f" Try: {'; '.join(f.suggestions)}" if f.suggestions else "")
            title = _escape_property(f"jargonwatch ({f.code} {f.name})")
            yield (
                f"::{_LEVEL[f.severity]} file={path},line={line},col={column},endLine={end_line},"
                f"endColumn={end_column},title={title}::{_escape_data(message)}\n"
            )
