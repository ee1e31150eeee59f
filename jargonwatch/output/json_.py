"""JSON output: a versioned document (schema in the README)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import __version__
from ..config import Config
from ..report import SCHEMA_VERSION, Report


def render(reports: Sequence[Report], config: Config, colour: bool = False) -> str:
    files = [r.to_dict() for r in reports]
    findings = sum(len(r.findings) for r in reports)
    doc = {
        "schema": SCHEMA_VERSION,
        "tool": {"name": "jargonwatch", "version": __version__},
        "files": files,
        "summary": {
            "files": len(reports),
            "unreadable": sum(1 for r in reports if r.unreadable),
            "findings": findings,
            "failing": sum(1 for r in reports for f in r.findings if f.severity >= config.fail_on),
        },
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
