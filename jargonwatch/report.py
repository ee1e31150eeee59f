"""The result of analysing one document."""

from __future__ import annotations

import bisect
import dataclasses
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .types import Family, Finding, Scores, SentenceInfo, Severity, Suppressed

if TYPE_CHECKING:
    import pandas as pd

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Report:
    """Findings, sentences and scores for one document. Free of spaCy objects."""

    text: str
    findings: tuple[Finding, ...]
    sentences: tuple[SentenceInfo, ...]
    scores: Scores | None
    path: str | None = None
    skipped: tuple[str, ...] = ()
    versions: Mapping[str, str] = field(default_factory=dict)
    suppressed: tuple[Suppressed, ...] = ()
    # Converted documents (Word, OpenDocument, PDF): ("paragraph" or "page", line starts, numbers).
    units: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None
    # Who acts (needs a parser): per group, how often it is agent and patient of verbs, and of which.
    who_acts: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    # The participation ladder (needs a parser): sentences per rung, claimed and described rungs.
    ladder: Mapping[str, object] = field(default_factory=dict)

    # -- queries -------------------------------------------------------------------------
    @property
    def unreadable(self) -> bool:
        """True when the file could not be checked at all (a JW002 error)."""
        return any(f.code == "JW002" and f.severity >= Severity.ERROR for f in self.findings)

    def filter(
        self,
        codes: Iterable[str] | None = None,
        min_severity: str | Severity = Severity.INFO,
    ) -> tuple[Finding, ...]:
        """Findings whose code starts with one of ``codes`` and whose severity is at least ``min_severity``."""
        floor = Severity.parse(min_severity)
        prefixes = tuple(c.upper() for c in codes) if codes is not None else ("JW",)
        return tuple(f for f in self.findings if f.code.startswith(prefixes) and f.severity >= floor)

    def without(self, codes: Iterable[str]) -> Report:
        """The same report with findings of these codes (or prefixes) left out."""
        prefixes = tuple(codes)
        if not prefixes:
            return self
        return dataclasses.replace(
            self, findings=tuple(f for f in self.findings if not f.code.startswith(prefixes))
        )

    def counts(self) -> dict[str, int]:
        """Number of findings per family."""
        c = Counter(f.family.value for f in self.findings)
        return {fam.value: c.get(fam.value, 0) for fam in Family}

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        text = self.text
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        return starts

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def unit_of(self, offset: int) -> tuple[str, int] | None:
        """("page", 3) or ("paragraph", 12) for converted documents; None for text files."""
        if self.units is None:
            return None
        kind, starts, numbers = self.units
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return kind, numbers[i] if numbers else 0

    def where(self, offset: int) -> str:
        """A human location: "3:14", or "page 2" / "paragraph 7" for converted documents."""
        unit = self.unit_of(offset)
        if unit is not None:
            return f"{unit[0]} {unit[1]}"
        line, column = self.locate(offset)
        return f"{line}:{column}"

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    # -- export --------------------------------------------------------------------------
    def finding_dict(self, f: Finding) -> dict[str, object]:
        out = f.to_dict()
        line, column = self.locate(f.start)
        end_line, end_column = self.locate(f.end)
        out.update(line=line, column=column, end_line=end_line, end_column=end_column)
        unit = self.unit_of(f.start)
        if unit is not None:
            out[unit[0]] = unit[1]
        return out

    _FIELDS = (
        "path",
        "scores",
        "counts",
        "sentences",
        "findings",
        "suppressed",
        "who_acts",
        "ladder",
        "skipped",
        "versions",
    )

    def _field(self, key: str) -> object:
        if key == "path":
            return self.path
        if key == "scores":
            return self.scores.to_dict() if self.scores else None
        if key == "counts":
            return self.counts()
        if key == "sentences":
            return [s.to_dict() for s in self.sentences]
        if key == "findings":
            return [self.finding_dict(f) for f in self.findings]
        if key == "suppressed":
            return [
                {
                    **self.finding_dict(s.finding),
                    "suppression": {"kind": s.kind, "reason": s.reason, "line": s.line},
                }
                for s in self.suppressed
            ]
        if key == "who_acts":
            return {k: dict(v) for k, v in self.who_acts.items()}
        if key in ("ladder", "versions"):
            return dict(getattr(self, key))
        if key == "skipped":
            return list(self.skipped)
        raise KeyError(key)

    def to_dict(self, include: tuple[str, ...] | None = None) -> dict[str, object]:
        """The per-file object of the JSON output (schema documented in the README); ``include``
        picks some of its fields (the streaming JSON writer asks for them in pieces)."""
        return {key: self._field(key) for key in (include or self._FIELDS)}

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(
            {"schema": SCHEMA_VERSION, "files": [self.to_dict()]}, indent=indent, ensure_ascii=False
        )

    def to_frame(self, kind: str = "findings") -> pd.DataFrame:
        """A pandas DataFrame: one row per finding, per sentence (``kind="sentences"``) or one row
        for the whole document (``kind="documents"``). Needs pandas; ``jargonwatch.frames`` lists the columns.
        """
        from .frames import report_frame

        return report_frame(self, kind)

    def _repr_html_(self) -> str:
        """Notebook display: the same renderer as `jargonwatch check --format html`."""
        from .output.html import render_fragment

        return render_fragment(self, prefix=f"jw{id(self):x}")

    def __repr__(self) -> str:
        where = f" {self.path!r}" if self.path else ""
        counts = ", ".join(f"{k}={v}" for k, v in self.counts().items() if v)
        score = f", accessibility={self.scores.accessibility}" if self.scores else ""
        return f"<Report{where}: {len(self.findings)} findings ({counts or 'none'}){score}>"
