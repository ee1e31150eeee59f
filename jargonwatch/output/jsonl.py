"""JSON Lines: one finding per line, with its file's path (handy for grep, jq and pandas)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..config import Config
from ..report import Report


def render(reports: Sequence[Report], config: Config, colour: bool = False) -> str:
    lines = []
    for report in reports:
        for f in report.findings:
            lines.append(json.dumps({"path": report.path, **report.finding_dict(f)}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")
