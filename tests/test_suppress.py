"""Inline suppressions: ignore, disable/enable, file-ignore, reasons, and JW001."""

from __future__ import annotations

import pytest

import jargonwatch as jw
from jargonwatch.suppress import find_directives

pytestmark = pytest.mark.usefixtures("fixture_lexicons")


def codes(report: jw.Report) -> list[str]:
    return [f.code for f in report.findings]


def test_ignore_next_line_with_reason() -> None:
    md = "<!-- jargonwatch: ignore[JW104] legal wording -->\nStaff utilised it.\n\nStaff utilised it.\n"
    report = jw.analyze(md, fmt="markdown")
    assert codes(report) == ["JW104"] and report.locate(report.findings[0].start)[0] == 4
    (hidden,) = report.suppressed
    assert hidden.finding.text == "utilised" and hidden.reason == "legal wording" and hidden.line == 1


def test_ignore_on_the_same_line() -> None:
    md = "Staff utilised it. <!-- jargonwatch: ignore[JW104] -->\n"
    assert codes(jw.analyze(md, fmt="markdown")) == []


def test_disable_enable_block_and_prefixes() -> None:
    md = (
        "<!-- jargonwatch: disable[JW1] quoting -->\nGoing forward we utilise it.\n"
        "<!-- jargonwatch: enable[JW1] -->\nStaff utilised it.\n"
    )
    report = jw.analyze(md, fmt="markdown")
    assert [f.text for f in report.findings] == ["utilised"]
    assert {s.finding.code for s in report.suppressed} == {"JW102", "JW104"}


def test_file_ignore_and_all_codes() -> None:
    md = "Staff utilised it.\n\n<!-- jargonwatch: file-ignore -->\n\nGoing forward.\n"
    assert codes(jw.analyze(md, fmt="markdown")) == []


def test_unused_and_bad_directives_are_jw001() -> None:
    md = "<!-- jargonwatch: ignore[JW203] -->\nNice words.\n<!-- jargonwatch: ignore[XYZ] -->\nMore.\n"
    report = jw.analyze(md, fmt="markdown")
    jw001 = [f for f in report.findings if f.code == "JW001"]
    assert len(jw001) == 2
    assert "suppresses nothing" in jw001[0].message and "XYZ" in jw001[1].message
    assert jw001[0].text.startswith("<!-- jargonwatch")
    assert "JW001" not in codes(jw.analyze(md, jw.Config(ignore=["JW001"]), fmt="markdown"))


def test_plain_text_comment_form_is_masked() -> None:
    text = "# jargonwatch: ignore[JW104] approved\nStaff utilised it.\n"
    report = jw.analyze(text)
    assert codes(report) == [] and len(report.suppressed) == 1
    assert "jargonwatch" not in [f.text for f in report.findings]


def test_directive_parsing() -> None:
    (d,) = find_directives("<!-- jargonwatch: disable[jw1, JW203] reason here -->", "markdown")
    assert (d.kind, d.codes, d.reason, d.line) == ("disable", ("JW1", "JW203"), "reason here", 1)
    assert d.covers("JW104") and d.covers("JW203") and not d.covers("JW201")
