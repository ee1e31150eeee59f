"""SARIF 2.1.0, written by hand with json (no extra dependency).

Columns are counted in Unicode code points (``columnKind: unicodeCodePoints``), as
jargonwatch counts them everywhere; each rule carries its documentation and URL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from .. import __version__
from ..codes import RULES
from ..config import Config
from ..report import Report
from ..types import Severity

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
_LEVEL = {Severity.INFO: "note", Severity.WARNING: "warning", Severity.ERROR: "error"}


def _rules() -> list[dict[str, object]]:
    return [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.what},
            "help": {"text": f"{r.why} Better: {r.better}", "markdown": r.docs()},
            "helpUri": r.url,
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"family": r.family.value, "status": str(r.status)},
        }
        for r in RULES
    ]


def render(reports: Sequence[Report], config: Config, colour: bool = False) -> str:
    index = {r.code: i for i, r in enumerate(RULES)}
    results = []
    artifacts: dict[str, int] = {}
    for report in reports:
        uri = report.path or "stdin"
        artifacts.setdefault(uri, len(artifacts))
        for f in report.findings:
            line, column = report.locate(f.start)
            end_line, end_column = report.locate(f.end)
            text = f.message + (f" Try: {'; '.join(f.suggestions)}" if f.suggestions else "")
            location: dict[str, object] = {"artifactLocation": {"uri": uri, "index": artifacts[uri]}}
            if report.text:
                location["region"] = {
                    "startLine": line,
                    "startColumn": column,
                    "endLine": end_line,
                    "endColumn": end_column,
                    "charOffset": f.start,
                    "charLength": f.end - f.start,
                    "snippet": {"text": f.text},
                }
            results.append(
                {
                    "ruleId": f.code,
                    "ruleIndex": index[f.code],
                    "level": _LEVEL[f.severity],
                    "message": {"text": text},
                    "locations": [{"physicalLocation": location}],
                    "properties": {
                        "suggestions": list(f.suggestions),
                        "confidence": f.confidence,
                        "source": f.source,
                    },
                }
            )
    doc = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "jargonwatch",
                        "version": __version__,
                        "informationUri": "https://github.com/jargonwatch/jargonwatch",
                        "rules": _rules(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "artifacts": [{"location": {"uri": uri}} for uri in artifacts],
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    yield render(reports, config, colour)
