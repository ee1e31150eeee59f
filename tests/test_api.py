"""The public API: analyze, analyze_many, analyze_file, explain, rules."""

from __future__ import annotations

import pytest

import jargonwatch as jw

pytestmark = pytest.mark.usefixtures("fixture_lexicons")


def test_analyze_many_streams_in_order() -> None:
    texts = ["Staff utilised it.", "Nothing to see here.", "Going forward we change."]
    stream = jw.analyze_many(iter(texts), batch_size=2)
    assert not isinstance(stream, list)
    reports = list(stream)
    assert [r.text for r in reports] == texts
    assert [[f.code for f in r.findings] for r in reports] == [["JW104"], [], ["JW102"]]


def test_analyze_many_matches_analyze() -> None:
    texts = ["The CCG utilised reablement. " * 3, "Short."]
    many = list(jw.analyze_many(texts))
    single = [jw.analyze(t) for t in texts]
    assert [r.findings for r in many] == [r.findings for r in single]


def test_analyze_rejects_bytes() -> None:
    with pytest.raises(TypeError, match="analyze_file"):
        jw.analyze(b"bytes")  # type: ignore[arg-type]


def test_analyze_file_reports_unreadable_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    report = jw.analyze_file(empty)
    assert report.unreadable
    assert report.findings[0].code == "JW002"
    assert str(empty) in report.findings[0].message and "empty" in report.findings[0].message


def test_analyze_file_markdown(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "plan.md"
    doc.write_text(
        "# Plan\n\nStaff **utilised** the [care pathways](https://x.org/care-pathway).\n", encoding="utf-8"
    )
    report = jw.analyze_file(doc)
    assert [(f.code, f.text) for f in report.findings] == [("JW104", "utilised"), ("JW101", "care pathways")]
    assert report.locate(report.findings[0].start) == (3, 9)


def test_cp1252_file_is_read_with_a_note(tmp_path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "old.txt"
    doc.write_bytes("Staff utilised the café’s kitchen.".encode("cp1252"))
    report = jw.analyze_file(doc)
    assert not report.unreadable
    assert "café’s" in report.text
    notes = [f for f in report.findings if f.code == "JW002"]
    assert notes and notes[0].severity == jw.Severity.INFO and "Windows-1252" in notes[0].message


def test_explain_and_rules() -> None:
    text = jw.explain("jw101")
    for heading in ("What it flags", "Why it matters", "Example", "Better"):
        assert heading in text
    with pytest.raises(KeyError):
        jw.explain("JW999")
