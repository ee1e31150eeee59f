"""Charts: each draws what it says, with labels, and the ladder has an honest empty state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import jargonwatch as jw
from jargonwatch import plots
from jargonwatch.api import unreadable_report

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

LONG = (
    "The CCG met on Tuesday and everyone had a cup of tea and a biscuit and a long chat about the weather "
    "and the buses and the new bins and the price of milk."
)
TEXT = f"Going forward, staff utilised the care pathways.\n\n{LONG}\n\nNothing to see here."


@pytest.fixture(autouse=True)
def close_figures() -> Iterator[None]:
    yield
    plt.close("all")


@pytest.fixture()
def report() -> jw.Report:
    return jw.analyze(TEXT, path="docs/plan.md")


def _legend_texts(ax) -> list[str]:  # type: ignore[no-untyped-def]
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


def _texts(ax) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(t.get_text() for t in ax.texts)


def _bar_values(ax, horizontal: bool) -> list[float]:  # type: ignore[no-untyped-def]
    return [p.get_width() if horizontal else p.get_height() for p in ax.containers[0]]


# -- difficulty ---------------------------------------------------------------------------------
def test_difficulty_draws_each_sentence_the_target_and_long_sentences(report: jw.Report) -> None:
    ax = plots.plot_difficulty(report)
    assert ax.get_title() == "Difficulty along the document: plan.md"
    assert ax.get_xlabel() == "Sentence, in reading order"
    assert "Flesch-Kincaid grade" in ax.get_ylabel()
    grade_line = next(line for line in ax.lines if line.get_label() == "Sentence grade")
    assert list(grade_line.get_xdata()) == [1, 2, 3]
    assert list(grade_line.get_ydata()) == pytest.approx([s.grade for s in report.sentences])
    target = next(line for line in ax.lines if line.get_label().startswith("Target grade"))
    assert list(target.get_ydata()) == [8, 8]
    (marks,) = ax.collections
    assert marks.get_offsets().tolist() == [[2.0, pytest.approx(report.sentences[1].grade)]]
    assert _legend_texts(ax) == ["Target grade (8)", "Sentence grade", "Long sentence (over 25 words)"]
    assert any("reading age" in child.get_ylabel() for child in ax.child_axes)


def test_difficulty_from_a_sentences_frame_with_own_targets(report: jw.Report) -> None:
    pytest.importorskip("pandas")
    _, ax = plt.subplots()
    out = plots.plot_difficulty(
        report.to_frame("sentences"), ax=ax, target_grade=6, max_sentence_words=5, title="Plan"
    )
    assert out is ax and ax.get_title() == "Plan"
    assert len(ax.collections[0].get_offsets()) == 2  # two sentences over 5 words
    assert "Target grade (6)" in _legend_texts(ax)


def test_difficulty_of_an_empty_document() -> None:
    ax = plots.plot_difficulty(jw.analyze(""))
    assert "No sentences to plot." in _texts(ax)


def test_difficulty_takes_one_document() -> None:
    with pytest.raises(ValueError, match="one document"):
        plots.plot_difficulty([jw.analyze("One."), jw.analyze("Two.")])


# -- findings by code ---------------------------------------------------------------------------
def test_findings_by_code(report: jw.Report) -> None:
    ax = plots.plot_findings_by_code(report)
    assert ax.get_title() == "Findings by code"
    assert ax.get_xlabel() == "Number of findings" and ax.get_ylabel() == "Code"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    codes = sorted({f.code for f in report.findings})
    assert [label.split()[0] for label in labels] == codes
    assert "JW104 over-formal-word" in labels
    counts = [sum(f.code == c for f in report.findings) for c in codes]
    assert _bar_values(ax, horizontal=True) == counts
    # Colour is not the only signal: each family has its own hatching, named in the legend.
    hatches = {label.split()[0]: bar.get_hatch() for label, bar in zip(labels, ax.containers[0], strict=True)}
    assert hatches["JW104"] == "//" and hatches["JW401"] == "\\\\"
    assert ax.get_legend().get_title().get_text() == "Family"
    assert _legend_texts(ax) == ["Jargon", "Hard to read"]


def test_findings_by_code_from_frames_and_many_reports(report: jw.Report) -> None:
    pytest.importorskip("pandas")
    both = [report, jw.analyze("Staff utilised it.")]
    expected = _bar_values(plots.plot_findings_by_code(both), horizontal=True)
    from_findings = plots.plot_findings_by_code(jw.to_frame(both, kind="findings"))
    from_documents = plots.plot_findings_by_code(jw.to_frame(both))
    assert _bar_values(from_findings, horizontal=True) == expected
    assert _bar_values(from_documents, horizontal=True) == expected


def test_findings_by_code_without_findings() -> None:
    ax = plots.plot_findings_by_code(jw.analyze("Nothing to see here."))
    assert "No findings." in _texts(ax) and not ax.patches


# -- a collection ---------------------------------------------------------------------------------
def test_collection_compares_accessibility_and_reading_age(report: jw.Report) -> None:
    easy = jw.analyze("We will ring you. You can say no.", path="docs/letter.md")
    broken = unreadable_report("docs/broken.md", "empty file")
    ax = plots.plot_collection([report, easy, broken])
    assert ax.get_title() == "Accessibility and reading age by document"
    assert ax.get_xlabel().startswith("Accessibility score") and ax.get_ylabel() == "Document"
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["plan.md", "letter.md", "broken.md"]  # hardest first, unread last
    assert _bar_values(ax, horizontal=True)[:2] == pytest.approx(
        [report.scores.accessibility, easy.scores.accessibility]
    )
    notes = _texts(ax).splitlines()
    assert notes[0] == f"{report.scores.accessibility:.0f} (reading age {report.scores.reading_age:.0f})"
    assert notes[2] == "not checked"


def test_collection_keeps_documents_that_share_a_file_name_apart() -> None:
    reports = [jw.analyze("We will ring you.", path=f"{team}/letter.md") for team in ("east", "west")]
    ax = plots.plot_collection(reports)
    assert len(ax.patches) == 2
    assert [t.get_text() for t in ax.get_yticklabels()] == ["letter.md", "letter.md"]


def test_collection_from_a_documents_frame_uses_the_index_without_paths() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["Staff utilised the care pathways.", "We will ring you."]}, index=["a", "b"])
    ax = plots.plot_collection(jw.analyze_frame(df, "text"), score="words", sort=False)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b"]
    assert ax.get_xlabel() == "Words" and _bar_values(ax, horizontal=True) == [5, 4]


def test_collection_rejects_an_unknown_score() -> None:
    pd = pytest.importorskip("pandas")
    with pytest.raises(KeyError, match="'clarity'"):
        plots.plot_collection(pd.DataFrame({"path": ["a"]}), score="clarity")


# -- the ladder ------------------------------------------------------------------------------------
def test_ladder_empty_state_when_no_sentence_has_a_rung(report: jw.Report) -> None:
    assert all(s.rung is None for s in report.sentences)
    ax = plots.plot_ladder(report)
    assert ax.get_title() == "Participation ladder profile"
    assert ax.get_xlabel() == "Number of sentences" and ax.get_ylabel() == "Rung of the ladder"
    assert not ax.patches  # no bars pretending to be zero counts
    assert "No sentence has a ladder rung." in _texts(ax)
    assert "trained spaCy pipeline" in _texts(ax)
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{r} rung {r}" for r in range(1, 9)]


def _laddered() -> jw.Report:
    rungs = (4, 4, None, 7, 2)
    sentences = tuple(jw.SentenceInfo(i * 10, i * 10 + 9, 2, rung=r) for i, r in enumerate(rungs))
    return jw.Report(text="x" * 50, findings=(), sentences=sentences, scores=None, ladder={"claimed": 6})


def test_ladder_profile_with_rung_names_groups_and_the_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jargonwatch.lexicon import loader

    groups = ["non-participation"] * 2 + ["tokenism"] * 3 + ["citizen power"] * 3
    lines = ["rungs:"] + [f"  - {{rung: {r}, name: name {r}, group: {groups[r - 1]}}}" for r in range(1, 9)]
    (tmp_path / "ladder.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(loader, "lexicon_dir", lambda: tmp_path)
    ax = plots.plot_ladder(_laddered())
    assert _bar_values(ax, horizontal=True) == [0, 1, 0, 2, 0, 0, 1, 0]
    assert ax.get_yticklabels()[6].get_text() == "7 name 7"  # rung 1 at the bottom, 8 at the top
    hatches = [bar.get_hatch() for bar in ax.containers[0]]
    assert hatches[1] == "xx" and hatches[3] == ".." and not hatches[6]
    assert _legend_texts(ax) == ["Non-participation", "Tokenism", "Citizen power", "Claimed rung (6)"]
    assert ax.get_legend().get_title().get_text() == "Group"


def test_ladder_from_frames_sums_the_rungs() -> None:
    pytest.importorskip("pandas")
    report = _laddered()
    from_sentences = plots.plot_ladder(report.to_frame("sentences"))
    from_documents = plots.plot_ladder(jw.to_frame([report, report]))
    assert _bar_values(from_sentences, horizontal=True) == [0, 1, 0, 2, 0, 0, 1, 0]
    assert _bar_values(from_documents, horizontal=True) == [0, 2, 0, 4, 0, 0, 2, 0]
    assert "Claimed rung (6)" not in _legend_texts(from_documents)


def test_rung_names_fall_back_to_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jargonwatch.lexicon import loader

    monkeypatch.setattr(loader, "lexicon_dir", lambda: tmp_path)
    assert plots.rung_names()[3] == ("rung 3", None)


def test_every_plot_draws_on_a_given_axes(report: jw.Report) -> None:
    fig, axes = plt.subplots(2, 2)
    drawn = [
        plots.plot_difficulty(report, ax=axes[0, 0]),
        plots.plot_findings_by_code(report, ax=axes[0, 1]),
        plots.plot_collection([report], ax=axes[1, 0]),
        plots.plot_ladder(report, ax=axes[1, 1]),
    ]
    assert drawn == list(axes.flat)
    fig.canvas.draw()  # renders without error


# -- reliability ---------------------------------------------------------------------------------
# Five items: 0.05 on its own in the first bin, two at 0.15 in the second (one labelled 1), and
# 0.9 and 1.0 in the last bin, both labelled 1; 1.0 belongs to the last bin, not an eleventh.
LABELS = [0, 0, 1, 1, 1]
PROBABILITIES = [0.05, 0.15, 0.15, 0.9, 1.0]


def _points(ax) -> list[list[float]]:  # type: ignore[no-untyped-def]
    (points,) = ax.collections
    return points.get_offsets().tolist()


def test_reliability_puts_each_bin_at_its_mean_probability_and_observed_share() -> None:
    ax = plots.plot_reliability(LABELS, PROBABILITIES)
    assert _points(ax) == [
        [pytest.approx(0.05), 0.0],
        [pytest.approx(0.15), 0.5],
        [pytest.approx(0.95), 1.0],
    ]
    assert ax.get_title().startswith("Reliability")
    assert ax.get_xlabel() == "Predicted probability (mean in each bin)"
    assert ax.get_ylabel() == "Share labelled positive in each bin"


def test_reliability_labels_and_sizes_points_by_count() -> None:
    ax = plots.plot_reliability(LABELS, PROBABILITIES)
    assert [t.get_text() for t in ax.texts] == ["n=1", "n=2", "n=2"]
    sizes = list(ax.collections[0].get_sizes())
    assert sizes[0] < sizes[1] == sizes[2]  # colour is not the signal: size and a label give the count


def test_reliability_draws_the_diagonal_dashed_and_names_it() -> None:
    ax = plots.plot_reliability(LABELS, PROBABILITIES)
    diagonal = next(line for line in ax.lines if line.get_label() == "Perfectly calibrated")
    assert list(diagonal.get_xdata()) == [0, 1] and list(diagonal.get_ydata()) == [0, 1]
    assert diagonal.get_linestyle() == "--"
    assert _legend_texts(ax)[0] == "Perfectly calibrated"
    assert "size and label: count" in _legend_texts(ax)[1]


def test_reliability_with_fewer_bins_and_pandas_input() -> None:
    pd = pytest.importorskip("pandas")
    ax = plots.plot_reliability(pd.Series(LABELS).astype(bool), pd.Series(PROBABILITIES), bins=2)
    # [0, 0.5): 0.05, 0.15, 0.15 with one 1 in three; [0.5, 1]: 0.9 and 1.0, both 1.
    assert _points(ax) == [[pytest.approx(0.35 / 3), pytest.approx(1 / 3)], [pytest.approx(0.95), 1.0]]
    assert [t.get_text() for t in ax.texts] == ["n=3", "n=2"]
    assert "2 equal-width bins" in _legend_texts(ax)[1]


def test_reliability_draws_on_a_given_axes_and_renders() -> None:
    fig, ax = plt.subplots()
    assert plots.plot_reliability(LABELS, PROBABILITIES, ax=ax, title="Hard sentences") is ax
    assert ax.get_title() == "Hard sentences"
    fig.canvas.draw()


def test_reliability_with_nothing_to_plot() -> None:
    ax = plots.plot_reliability([], [])
    assert "No predictions to plot." in _texts(ax) and not ax.collections
    assert _legend_texts(ax) == ["Perfectly calibrated"]


@pytest.mark.parametrize(
    ("labels", "probabilities", "bins", "message"),
    [
        ([0, 1], [0.5], 10, "2 values but probabilities has 1"),
        ([0, 2], [0.5, 0.5], 10, "only 0 and 1"),
        ([0, 1], [0.5, 1.5], 10, "between 0 and 1"),
        ([0, 1], [0.5, float("nan")], 10, "between 0 and 1"),
        ([0, 1], [0.5, 0.5], 0, "at least 1"),
        ([0, 1], [0.5, 0.5], 2.5, "at least 1"),
    ],
)
def test_reliability_rejects_bad_input(labels, probabilities, bins, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        plots.plot_reliability(labels, probabilities, bins=bins)
