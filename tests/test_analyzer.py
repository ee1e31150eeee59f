"""End to end on the small fixture lexicon: what is flagged, where, and with which suggestions."""

from __future__ import annotations

import warnings

import pytest

import jargonwatch as jw
from jargonwatch.analyzer import split_chunks

pytestmark = pytest.mark.usefixtures("fixture_lexicons")


def codes(report: jw.Report) -> list[str]:
    return [f.code for f in report.findings]


def texts(report: jw.Report, prefix: str = "JW") -> list[str]:
    return [f.text for f in report.findings if f.code.startswith(prefix)]


def test_offsets_point_at_the_original_text() -> None:
    text = "Going forward, staff utilised the care pathways."
    report = jw.analyze(text)
    assert texts(report, "JW1") == ["Going forward", "utilised", "care pathways"]
    for f in report.findings:
        assert text[f.start : f.end] == f.text


def test_suggestions_are_inflected_and_case_matched() -> None:
    report = jw.analyze("Going forward, staff utilised the system.")
    by_text = {f.text: f.suggestions for f in report.findings}
    assert by_text["Going forward"] == ("From now on",)
    assert by_text["utilised"] == ("used",)


def test_us_spelling_and_hyphen_variants_match() -> None:
    assert texts(jw.analyze("Staff utilized it. Re-ablement helps."), "JW1") == ["utilized", "Re-ablement"]


def test_explained_terms_are_not_flagged() -> None:
    for text in [
        "Reablement (short-term help at home to relearn skills) is free.",
        "Reablement, which means short-term help at home, is free.",
        "Help at home to relearn everyday skills is called reablement.",
        "You may be offered reablement. This means short-term help at home.",
        "Reablement is a kind of short-term help at home. Reablement lasts six weeks.",
    ]:
        assert "JW101" not in codes(jw.analyze(text)), text
    assert "JW101" in codes(jw.analyze("You may be offered reablement. It lasts six weeks."))


def test_quoting_is_not_using() -> None:
    assert "JW201" not in codes(jw.analyze('We must stop saying "the elderly" in our leaflets.'))
    assert "JW201" not in codes(jw.analyze("We have dropped the phrase the elderly."))
    assert "JW201" in codes(jw.analyze("Services for the elderly are changing."))


def test_pos_pattern_only_flags_the_jargon_sense() -> None:
    assert texts(jw.analyze("These are our key priorities."), "JW102") == ["key"]
    assert texts(jw.analyze("I lost my key yesterday."), "JW102") == []


def test_exceptions_phrase() -> None:
    assert texts(jw.analyze("The bus kept going forward slowly."), "JW102") == []


def test_first_use_only_and_info_severity() -> None:
    report = jw.analyze("We believe in co-production. Co-production takes time.")
    found = [f for f in report.findings if f.code == "JW101"]
    assert [f.text for f in found] == ["co-production"]
    assert found[0].severity == jw.Severity.INFO


def test_longest_match_wins_within_a_family() -> None:
    report = jw.analyze("Our service users will benefit.")
    assert [(f.code, f.text) for f in report.findings if f.family == jw.Family.THEM_US] == [
        ("JW202", "Our service users")
    ]


def test_never_flag_phrases() -> None:
    assert codes(jw.analyze("We work with disabled people.")) == []


def test_abbreviations_first_use_with_count_and_definitions() -> None:
    report = jw.analyze("The CCG met. The CCG agreed. Ask the CCG.")
    jw103 = [f for f in report.findings if f.code == "JW103"]
    assert len(jw103) == 1 and jw103[0].start == 4
    assert "2 more times" in jw103[0].message
    assert jw103[0].suggestions[0] == "Clinical Commissioning Group (CCG)"
    for text in [
        "The Clinical Commissioning Group (CCG) met. The CCG agreed.",
        "The CCG (Clinical Commissioning Group) met.",
    ]:
        assert "JW103" not in codes(jw.analyze(text)), text
    later = jw.analyze("The CCG met. Later the Clinical Commissioning Group (CCG) agreed.")
    assert "only comes later" in next(f.message for f in later.findings if f.code == "JW103")


def test_unknown_abbreviation_and_known_list() -> None:
    report = jw.analyze("Speak to the LDT. Your GP and the NHS can help.")
    assert texts(report, "JW103") == ["LDT"]


def test_select_ignore_and_min_severity() -> None:
    text = "Going forward we believe in co-production."
    assert set(codes(jw.analyze(text, jw.Config(select=["JW102"])))) == {"JW102"}
    assert "JW102" not in codes(jw.analyze(text, jw.Config(ignore=["JW102"])))
    assert "JW101" not in codes(jw.analyze(text, jw.Config(min_severity="warning")))
    assert codes(jw.analyze(text, jw.Config(select=["JW1"], ignore=["JW10"]))) == []
    # the longer prefix wins: JW102 is selected although JW1 is ignored
    assert codes(jw.analyze(text, jw.Config(select=["JW102"], ignore=["JW1"]))) == ["JW102"]


def test_per_code_severity_and_allow_list() -> None:
    text = "Staff utilised it going forward."
    report = jw.analyze(text, jw.Config(severity={"JW104": "error"}))
    assert next(f for f in report.findings if f.code == "JW104").severity == jw.Severity.ERROR
    assert "JW104" not in codes(jw.analyze(text, jw.Config(allow=["utilise"])))


def test_chunked_analysis_gives_the_same_findings() -> None:
    para = "Going forward, staff utilised the care pathways. The CCG met the elderly.\n\n"
    text = para * 60
    whole = jw.analyze(text)
    chunked = jw.analyze(text, jw.Config(chunk_chars=1000))
    assert [(f.code, f.start, f.end) for f in chunked.findings] == [
        (f.code, f.start, f.end) for f in whole.findings
    ]
    assert chunked.scores == whole.scores


def test_split_chunks_prefers_paragraphs() -> None:
    text = ("a" * 600 + "\n\n") * 5
    pieces = split_chunks(text, 1000)
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 for _, p in pieces)
    assert all(p.endswith("\n\n") for _, p in pieces[:-1])


def test_markdown_headings_are_their_own_sentences() -> None:
    report = jw.analyze("# Plans for care\n\nWe will help you.\n", fmt="markdown")
    assert [report.sentence_text(i) for i in range(len(report.sentences))] == [
        "Plans for care",
        "We will help you.",
    ]


def test_blank_pipeline_skips_rules_that_need_tags() -> None:
    from jargonwatch.analyzer import get_analyzer

    cfg = jw.Config(model="blank")
    report = jw.analyze("These are our key priorities. A decision was made. Staff utilised it.", cfg)
    assert "JW104" in codes(report)
    assert "JW102" not in codes(report) and "JW403" not in codes(report)
    assert any("JW102" in s for s in report.skipped) and any("JW403" in s for s in report.skipped)
    assert report.scores.passive_ratio is None
    assert report.versions["pipeline"].startswith("blank")
    get_analyzer.cache_clear()


def test_missing_model_is_a_clear_error() -> None:
    from jargonwatch.pipeline import ModelError

    with pytest.raises(ModelError, match="not installed"):
        jw.analyze("Hello.", jw.Config(model="xx_no_such_model"))


def test_auto_falls_back_to_blank_with_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from jargonwatch import pipeline

    monkeypatch.setattr(pipeline, "_installed", lambda name: name == "spacy_lookups_data")
    pipeline.get_pipeline.cache_clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            chosen = pipeline.get_pipeline("auto")
        assert chosen.name == "blank:en"
        assert any(issubclass(w.category, pipeline.BlankPipelineWarning) for w in caught)
    finally:
        pipeline.get_pipeline.cache_clear()


def test_report_is_free_of_spacy_objects_and_serialises() -> None:
    import json

    report = jw.analyze("Going forward, staff utilised the care pathways.")
    data = json.loads(report.to_json())
    assert data["schema"] == 1
    file = data["files"][0]
    assert set(file) >= {"path", "scores", "sentences", "findings", "skipped", "versions"}
    f = file["findings"][0]
    assert set(f) >= {
        "code",
        "name",
        "family",
        "severity",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "message",
        "suggestions",
        "confidence",
    }
    assert set(file["sentences"][0]) >= {"start", "end", "grade"}
