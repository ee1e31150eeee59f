"""Human-readable output, grouped by file: where, what, why, and what to write instead."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from ..config import Config
from ..report import Report
from ..types import Severity

_COLOURS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
_WHOLE_SENTENCE = {"JW401", "JW402"}  # the finding is the sentence: no need to quote it again


def _excerpt(report: Report, f: object, width: int = 100) -> str:
    """The sentence around a finding, the finding in [brackets], cut to about ``width`` characters."""
    s = report.sentences[f.sentence]  # type: ignore[attr-defined]
    start, end = f.start, f.end  # type: ignore[attr-defined]
    text = report.text
    before = " ".join(text[s.start : start].split()) + (" " if text[s.start : start][-1:].isspace() else "")
    after = (" " if text[end : s.end][:1].isspace() else "") + " ".join(text[end : s.end].split())
    match = " ".join(text[start:end].split())
    room = max(10, (width - len(match)) // 2)
    if len(before) > room:
        before = "..." + before[-room:]
    if len(after) > room:
        after = after[:room] + "..."
    return f"> {before}[{match}]{after}"


def _paint(text: str, code: str, colour: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if colour else text


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    totals: Counter[str] = Counter()
    for report in reports:
        lines: list[str] = []
        name = report.path or "<text>"
        lines.append(_paint(name, "1", colour))
        if not report.findings:
            lines.append("  no findings")
        for f in report.findings:
            totals[f.family.value] += 1
            sev = _paint(f"{f.severity!s:<7}", _COLOURS[f.severity], colour)
            lines.append(f"  {report.where(f.start)}  {_paint(f.code, '1', colour)}  {sev}  {f.message}")
            if f.sentence is not None and f.code not in _WHOLE_SENTENCE:
                lines.append(f"{'':>10}{_paint(_excerpt(report, f), '2', colour)}")
            if f.suggestions:
                lines.append(f"{'':>10}Try: {'; '.join(f.suggestions)}")
            if f.note:
                lines.append(f"{'':>10}Note: {f.note}")
        if report.scores and report.scores.words:
            s = report.scores
            lines.append(
                f"  Accessibility {s.accessibility:.0f}/100; Flesch reading ease {s.flesch_reading_ease:.0f}; "
                f"grade {s.flesch_kincaid_grade:.1f} (UK reading age about {s.reading_age:.0f}); "
                f"{s.words} words in {s.sentences} sentences."
            )
        for skipped in report.skipped:
            lines.append(f"  Skipped: {skipped}")
        lines.append("")
        yield "\n".join(lines) + "\n"
    found = sum(totals.values())
    unreadable = sum(1 for r in reports if r.unreadable)
    parts = ", ".join(f"{family} {n}" for family, n in sorted(totals.items()))
    summary = (
        f"{found} finding{'s' if found != 1 else ''} in {len(reports)} file{'s' if len(reports) != 1 else ''}"
    )
    if parts:
        summary += f" ({parts})"
    if unreadable:
        summary += f"; {unreadable} file{'s' if unreadable != 1 else ''} could not be read"
    yield summary + ".\n"
