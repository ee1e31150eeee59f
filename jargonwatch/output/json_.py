"""JSON output: a versioned document (schema in the README), written file by file and
finding by finding so that memory stays flat for very large reports."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from .. import __version__
from ..config import Config
from ..report import SCHEMA_VERSION, Report


def _items(key: str, items: Iterator[object], indent: str) -> Iterator[str]:
    yield f'{indent}"{key}": ['
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + indent + "  " + json.dumps(item, ensure_ascii=False)
        first = False
    yield ("\n" + indent + "]") if not first else "]"


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    tool = json.dumps({"name": "jargonwatch", "version": __version__})
    yield f'{{\n  "schema": {SCHEMA_VERSION},\n  "tool": {tool},\n  "files": ['
    for n, report in enumerate(reports):
        yield ("\n" if n == 0 else ",\n") + "    {\n"
        head = {
            "path": report.path,
            "scores": report.scores.to_dict() if report.scores else None,
            "counts": report.counts(),
        }
        for key, value in head.items():
            yield f'      "{key}": {json.dumps(value, ensure_ascii=False)},\n'
        yield from _items("sentences", (s.to_dict() for s in report.sentences), "      ")
        yield ",\n"
        yield from _items("findings", (report.finding_dict(f) for f in report.findings), "      ")
        yield ",\n"
        tail = report.to_dict(include=("suppressed", "who_acts", "ladder", "skipped", "versions"))
        for i, (key, value) in enumerate(tail.items()):
            yield f'      "{key}": {json.dumps(value, ensure_ascii=False)}' + (
                ",\n" if i < len(tail) - 1 else "\n"
            )
        yield "    }"
    findings = sum(len(r.findings) for r in reports)
    summary = {
        "files": len(reports),
        "unreadable": sum(1 for r in reports if r.unreadable),
        "findings": findings,
        "failing": sum(1 for r in reports for f in r.findings if f.severity >= config.fail_on),
    }
    yield ("\n  ],\n" if reports else "],\n") + f'  "summary": {json.dumps(summary)}\n}}\n'
