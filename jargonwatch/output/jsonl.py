"""JSON Lines: one finding per line, with its file's path (handy for grep, jq and pandas)."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..config import Config
from ..report import Report


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    for report in reports:
        for f in report.findings:
            yield json.dumps({"path": report.path, **report.finding_dict(f)}, ensure_ascii=False) + "\n"
