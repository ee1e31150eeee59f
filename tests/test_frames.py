"""Reports as pandas DataFrames: findings, sentences, documents, and analyze_frame."""

from __future__ import annotations

import subprocess
import sys

import pytest

import jargonwatch as jw
from jargonwatch import frames
from jargonwatch.api import unreadable_report

pd = pytest.importorskip("pandas")

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

TEXT = (
    "Going forward, staff utilised the care pathways.\n\n"
    "The CCG met on Tuesday and everyone had a cup of tea and a biscuit and a long chat about the weather "
    "and the buses and the new bins and the price of milk.\n\n"
    "Nothing to see here."
)


@pytest.fixture()
def report() -> jw.Report:
    return jw.analyze(TEXT, path="docs/plan.md")


def test_findings_frame_has_one_row_per_finding(report: jw.Report) -> None:
    df = report.to_frame()
    assert tuple(df.columns) == frames.COLUMNS["findings"]
    assert len(df) == len(report.findings) > 0
    for row, f in zip(df.itertuples(index=False), report.findings, strict=True):
        assert (row.code, row.start, row.end, row.text) == (f.code, f.start, f.end, f.text)
        assert report.text[row.start : row.end] == row.text
        assert (row.line, row.column) == report.locate(f.start)
        assert row.family == f.family.value and row.severity == str(f.severity)
        assert row.suggestions == list(f.suggestions)
        assert row.path == "docs/plan.md"
    assert str(df["sentence"].dtype) == "Int64"
    assert df["start"].dtype == "int64" and df["confidence"].dtype == "float64"


def test_findings_frame_lists_the_expected_codes(report: jw.Report) -> None:
    df = report.to_frame("findings")
    assert {"JW102", "JW104", "JW101", "JW103", "JW401"} <= set(df["code"])
    utilised = df[df["code"] == "JW104"].iloc[0]
    assert utilised["text"] == "utilised" and "used" in utilised["suggestions"]
    assert utilised["line"] == 1 and utilised["sentence"] == 0


def test_sentences_frame(report: jw.Report) -> None:
    df = report.to_frame("sentences")
    assert tuple(df.columns) == frames.COLUMNS["sentences"]
    assert len(df) == len(report.sentences) == 3
    assert list(df["index"]) == [0, 1, 2]
    assert df["text"].iloc[2] == "Nothing to see here."
    assert list(df["words"]) == [s.words for s in report.sentences]
    assert df["grade"].tolist() == pytest.approx([s.grade for s in report.sentences])
    assert str(df["rung"].dtype) == "Int64" and str(df["passive"].dtype) == "boolean"
    # Findings counted per sentence and per family add up to every finding tied to a sentence.
    family_columns = list(frames.FAMILY_COLUMNS)
    assert int(df[family_columns].to_numpy().sum()) == sum(f.sentence is not None for f in report.findings)
    assert df.loc[0, "n_jargon"] >= 3  # Going forward, utilised, care pathways
    assert df.loc[2, family_columns].sum() == 0


def test_unknown_kind_is_refused(report: jw.Report) -> None:
    with pytest.raises(ValueError, match="findings, sentences, documents"):
        report.to_frame("words")


def test_empty_frames_keep_their_columns_and_types() -> None:
    empty = jw.analyze("")
    df = empty.to_frame()
    assert df.empty and tuple(df.columns) == frames.COLUMNS["findings"]
    assert df["start"].dtype == "int64"
    assert empty.to_frame("sentences").empty


def test_documents_frame(report: jw.Report) -> None:
    broken = unreadable_report("docs/broken.md", "empty file")
    df = jw.to_frame([report, broken])
    assert tuple(df.columns) == frames.COLUMNS["documents"]
    assert {"accessibility", "reading_age", "flesch_kincaid_grade", "JW101", "JW404", "rung_8"} <= set(
        df.columns
    )
    first, second = df.iloc[0], df.iloc[1]
    assert first["path"] == "docs/plan.md" and first["words"] == report.scores.words
    assert first["accessibility"] == pytest.approx(report.scores.accessibility)
    assert first["findings"] == len(report.findings)
    for family, n in report.counts().items():
        assert first[f"n_{family}"] == n
    assert first["JW104"] == 1 and first["JW002"] == 0
    assert not first["unreadable"]
    assert second["unreadable"] and second["n_tool"] == 1 and second["JW002"] == 1
    assert pd.isna(second["accessibility"]) and pd.isna(second["words"])


def test_to_frame_accepts_one_report_and_generators(report: jw.Report) -> None:
    assert len(jw.to_frame(report)) == 1
    assert len(jw.to_frame(r for r in [report, report])) == 2


def test_stacked_findings_and_sentences_name_their_document(report: jw.Report) -> None:
    other = jw.analyze("Staff utilised it.", path="b.md")
    found = jw.to_frame([report, other], kind="findings")
    assert list(found.columns[:2]) == ["document", "path"]
    assert len(found) == len(report.findings) + len(other.findings)
    assert found[found["document"] == 1]["path"].unique().tolist() == ["b.md"]
    sentences = jw.to_frame([report, other], kind="sentences")
    assert sentences.groupby("document").size().tolist() == [3, 1]


def test_rung_columns_count_sentences_on_each_rung() -> None:
    sentences = (
        jw.SentenceInfo(0, 5, 1, rung=4),
        jw.SentenceInfo(6, 10, 1, rung=4),
        jw.SentenceInfo(11, 12, 1),
    )
    report = jw.Report(text="x" * 12, findings=(), sentences=sentences, scores=None)
    row = jw.to_frame(report).iloc[0]
    assert row["rung_4"] == 2 and row[[f"rung_{r}" for r in (1, 2, 3, 5, 6, 7, 8)]].sum() == 0
    assert report.to_frame("sentences")["rung"].tolist()[:2] == [4, 4]
    assert pd.isna(report.to_frame("sentences")["rung"].iloc[2])


def test_analyze_frame_keeps_the_index_and_matches_analyze_many() -> None:
    texts = ["Staff utilised the care pathways.", "Nothing to see here.", "Going forward we change."]
    df = pd.DataFrame({"body": texts, "author": ["a", "b", "c"]}, index=["x", "y", "z"])
    out = jw.analyze_frame(df, "body", batch_size=2)
    assert list(out.index) == ["x", "y", "z"]
    assert tuple(out.columns) == frames.COLUMNS["documents"]
    expected = jw.to_frame(jw.analyze_many(texts))
    expected.index = out.index
    pd.testing.assert_frame_equal(out, expected)
    assert out.loc["x", "JW104"] == 1 and out.loc["z", "JW102"] == 1
    joined = df.join(out)
    assert joined.loc["y", "author"] == "b" and joined.loc["y", "findings"] == 0


def test_analyze_frame_streams_through_analyze_many(monkeypatch: pytest.MonkeyPatch) -> None:
    from jargonwatch import api

    seen: dict[str, object] = {}
    real = api.analyze_many

    def spy(texts, config=None, fmt="text", batch_size=64, n_process=1):  # type: ignore[no-untyped-def]
        seen.update(is_list=isinstance(texts, list), batch_size=batch_size, fmt=fmt)
        return real(texts, config=config, fmt=fmt, batch_size=batch_size)

    monkeypatch.setattr(api, "analyze_many", spy)
    df = pd.DataFrame({"text": ["# Plan\n\nStaff **utilised** it."]})
    out = jw.analyze_frame(df, "text", batch_size=7, fmt="markdown")
    assert seen == {"is_list": False, "batch_size": 7, "fmt": "markdown"}
    assert out.loc[0, "JW104"] == 1


def test_analyze_frame_missing_values_and_bad_columns() -> None:
    df = pd.DataFrame({"text": ["Staff utilised it.", None, float("nan")]})
    out = jw.analyze_frame(df, "text")
    assert out["words"].tolist() == [3, 0, 0]
    with pytest.raises(KeyError, match="'body'"):
        jw.analyze_frame(df, "body")
    with pytest.raises(TypeError, match="row 1 of column 'text' holds int"):
        jw.analyze_frame(pd.DataFrame({"text": ["ok", 5]}, dtype=object), "text")


def test_analyze_frame_passes_the_config() -> None:
    df = pd.DataFrame({"text": ["Going forward, staff utilised it."]})
    out = jw.analyze_frame(df, "text", config=jw.Config(select=["JW104"]))
    assert out.loc[0, "JW104"] == 1 and out.loc[0, "JW102"] == 0


def test_frames_are_exported_lazily(offline_env: dict[str, str]) -> None:
    code = (
        "import sys, jargonwatch as jw\n"
        "assert callable(jw.to_frame) and callable(jw.analyze_frame)\n"
        "import jargonwatch.frames, jargonwatch.plots\n"
        "print(','.join(m for m in ('pandas', 'matplotlib') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=offline_env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
    assert {"to_frame", "analyze_frame"} <= set(dir(jw))
