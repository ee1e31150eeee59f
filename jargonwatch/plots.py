"""Charts of reports for notebooks: difficulty along a document, findings by code, a collection
compared, and the participation-ladder profile; and a reliability chart of a model's probabilities
against labels (``plot_reliability``, which takes labels and probabilities rather than reports).

matplotlib is optional: it is imported when a chart is first drawn. Every function takes reports
(or a frame from ``jargonwatch.frames``) and an optional matplotlib ``Axes``, draws on it (or on a
new figure) and returns the Axes. Colours come from the Okabe-Ito palette, which people with the
common kinds of colour blindness can tell apart, and colour is never the only signal: families and
ladder groups also differ in hatching and are named in a legend, long sentences have their own
marker, and bars carry their numbers.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codes import RULES_BY_CODE
from .config import Config
from .optional import require
from .report import Report
from .rungs import rung_names
from .types import Family

if TYPE_CHECKING:
    from matplotlib.axes import Axes

Data = Any  # a Report, an iterable of Reports, or a pandas DataFrame from jargonwatch.frames

# Okabe-Ito colours.
BLUE = "#0072B2"
ORANGE = "#E69F00"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
SKY = "#56B4E9"
GREY = "#999999"
WHITE = "#ffffff"
INK = "#1b1b1b"

# The families' colours follow the HTML report's key (yellow, pink, blue, grey), in stronger tones.
FAMILY_STYLE: dict[Family, tuple[str, str, str]] = {
    # family: (label, colour, hatch)
    Family.JARGON: ("Jargon", ORANGE, "//"),
    Family.THEM_US: ("Them and us", PURPLE, "xx"),
    Family.TOKENISM: ("Tokenism", SKY, ".."),
    Family.ACCESSIBILITY: ("Hard to read", GREY, "\\\\"),
    Family.TOOL: ("Tool", WHITE, "++"),
}

# Arnstein's three groups of rungs; the group of each rung is read from lexicons/ladder.yml.
GROUP_STYLE: dict[str, tuple[str, str, str]] = {
    "non-participation": ("Non-participation", VERMILLION, "xx"),
    "tokenism": ("Tokenism", SKY, ".."),  # as the tokenism family in the other charts
    "citizen power": ("Citizen power", BLUE, ""),
}

# Legends sit outside the data so that they never hide a bar or a point.
OUTSIDE: dict[str, Any] = {"loc": "upper left", "bbox_to_anchor": (1.01, 1.0), "borderaxespad": 0.0}
BELOW: dict[str, Any] = {"loc": "upper center", "bbox_to_anchor": (0.5, -0.16), "ncol": 3, "frameon": False}

NO_RUNGS = (
    "No sentence has a ladder rung.\n"
    "Rungs need a trained spaCy pipeline (not model 'blank')\n"
    "and sentences that describe how people take part."
)


def _pyplot() -> Any:
    return require("matplotlib.pyplot", "Drawing charts")


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, new = _pyplot().subplots(figsize=size, layout="constrained")
    return new


def _is_frame(data: Data) -> bool:
    return hasattr(data, "columns") and hasattr(data, "iloc")


def _reports(data: Data) -> list[Report]:
    return [data] if isinstance(data, Report) else list(data)


def _name(path: str | None, fallback: object) -> str:
    return Path(path).name if path else str(fallback)


def _hatch(bars: Iterable[Any], hatches: Sequence[str]) -> None:
    for bar, hatch in zip(bars, hatches, strict=True):
        bar.set_hatch(hatch)


def _top_down(ax: Axes, n: int, slots: int = 4) -> None:
    """First bar at the top; room for at least ``slots`` bars, so that one bar is not a block."""
    ax.set_ylim(max(n, slots) - 0.5, -0.5)


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes, color=INK, wrap=True)


# -- difficulty along a document ----------------------------------------------------------
def plot_difficulty(
    data: Data,
    ax: Axes | None = None,
    target_grade: float | None = None,
    max_sentence_words: int | None = None,
    title: str | None = None,
) -> Axes:
    """The grade of each sentence in reading order, the target grade, and long sentences marked.

    ``data`` is a Report or a sentences frame (``report.to_frame("sentences")``). The targets
    default to those of ``Config()``. The right-hand axis gives the UK reading age (grade + 5).
    """
    defaults = Config()
    target = defaults.target_grade if target_grade is None else target_grade
    limit = defaults.max_sentence_words if max_sentence_words is None else max_sentence_words
    if _is_frame(data):
        grades = [float(g) for g in data["grade"]]
        words = [int(w) for w in data["words"]]
        name = None
    else:
        report = data if isinstance(data, Report) else _one(data)
        grades = [s.grade for s in report.sentences]
        words = [s.words for s in report.sentences]
        name = report.path
    ax = _axes(ax, (9, 4))
    positions = list(range(1, len(grades) + 1))
    ax.set_title(title or "Difficulty along the document" + (f": {_name(name, '')}" if name else ""))
    ax.set_xlabel("Sentence, in reading order")
    ax.set_ylabel("Flesch-Kincaid grade (higher is harder)")
    ax.axhline(target, color=INK, linestyle="--", linewidth=1.2, label=f"Target grade ({target:g})")
    if not grades:
        _empty(ax, "No sentences to plot.")
        ax.legend(**BELOW)
        return ax
    ax.plot(positions, grades, color=BLUE, marker="o", markersize=4, linewidth=1.2, label="Sentence grade")
    long = [(x, g) for x, g, w in zip(positions, grades, words, strict=True) if w > limit]
    if long:
        xs, ys = zip(*long, strict=True)
        ax.scatter(
            xs,
            ys,
            marker="^",
            s=90,
            color=VERMILLION,
            edgecolors=INK,
            zorder=3,
            label=f"Long sentence (over {limit} words)",
        )
    ax.set_xlim(0.5, len(grades) + 0.5)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ages = ax.secondary_yaxis("right", functions=(lambda g: g + 5, lambda a: a - 5))
    ages.set_ylabel("UK reading age (years)")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.legend(**BELOW)
    return ax


def _one(reports: Iterable[Report]) -> Report:
    items = list(reports)
    if len(items) != 1:
        raise ValueError(f"plot_difficulty draws one document; got {len(items)} reports")
    return items[0]


# -- findings by code ----------------------------------------------------------------------
def _code_counts(data: Data) -> Counter[str]:
    if _is_frame(data):
        if "code" in data.columns:
            return Counter(str(code) for code in data["code"])
        return Counter({code: int(data[code].sum()) for code in RULES_BY_CODE if code in data.columns})
    return Counter(f.code for r in _reports(data) for f in r.findings)


def plot_findings_by_code(data: Data, ax: Axes | None = None, title: str | None = None) -> Axes:
    """A bar for each finding code, with its name and count, coloured and hatched by family.

    ``data`` is a Report, reports, a findings frame or a documents frame (its code columns are summed).
    """
    counts = {code: n for code, n in sorted(_code_counts(data).items()) if n}
    ax = _axes(ax, (8, 0.9 + 0.35 * max(len(counts), 3)))
    ax.set_title(title or "Findings by code")
    ax.set_xlabel("Number of findings")
    ax.set_ylabel("Code")
    if not counts:
        _empty(ax, "No findings.")
        ax.set_yticks([])
        return ax
    codes = list(counts)
    families = [Family.of_code(code) for code in codes]
    labels = [f"{code} {RULES_BY_CODE[code].name}" if code in RULES_BY_CODE else code for code in codes]
    bars = ax.barh(
        labels,
        [counts[c] for c in codes],
        color=[FAMILY_STYLE[f][1] for f in families],
        edgecolor=INK,
        linewidth=0.8,
    )
    _hatch(bars, [FAMILY_STYLE[f][2] for f in families])
    ax.bar_label(bars, padding=3)
    _top_down(ax, len(codes))
    ax.margins(x=0.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    _family_legend(ax, families)
    return ax


def _family_legend(ax: Axes, families: Sequence[Family]) -> None:
    from matplotlib.patches import Patch

    present = [f for f in FAMILY_STYLE if f in set(families)]
    handles = [
        Patch(facecolor=FAMILY_STYLE[f][1], hatch=FAMILY_STYLE[f][2], edgecolor=INK, label=FAMILY_STYLE[f][0])
        for f in present
    ]
    ax.legend(handles=handles, title="Family", **OUTSIDE)


# -- a collection compared -----------------------------------------------------------------
def plot_collection(
    data: Data,
    ax: Axes | None = None,
    score: str = "accessibility",
    sort: bool = True,
    title: str | None = None,
) -> Axes:
    """One bar per document for ``score`` (default the 0-100 accessibility score), each labelled with
    its value and UK reading age. Documents that could not be read are listed as "not checked".

    ``data`` is reports or a documents frame (``jargonwatch.to_frame`` or ``analyze_frame``);
    documents are named by file name, or by the frame's index where there is no path.
    """
    rows = _collection_rows(data, score)
    if sort:
        rows.sort(key=lambda row: (row[1] is None, row[1] if row[1] is not None else 0.0))
    label = "Accessibility score (0-100, higher is easier)" if score == "accessibility" else _label(score)
    ax = _axes(ax, (8, 0.9 + 0.32 * max(len(rows), 3)))
    ax.set_title(
        title or ("Accessibility and reading age by document" if score == "accessibility" else label)
    )
    ax.set_xlabel(label)
    ax.set_ylabel("Document")
    if not rows:
        _empty(ax, "No documents.")
        ax.set_yticks([])
        return ax
    values = [row[1] if row[1] is not None else 0.0 for row in rows]
    # Positions, not names, place the bars: two documents may share a file name.
    bars = ax.barh(range(len(rows)), values, color=BLUE, edgecolor=INK, linewidth=0.6)
    ax.set_yticks(range(len(rows)), [row[0] for row in rows])
    notes = []
    for _, value, age in rows:
        if value is None:
            notes.append("not checked")
        elif age is None:
            notes.append(f"{value:.0f}")
        else:
            notes.append(f"{value:.0f} (reading age {age:.0f})")
    ax.bar_label(bars, labels=notes, padding=3, fontsize="small")
    if score == "accessibility":
        ax.set_xlim(0, 135)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
    else:
        ax.margins(x=0.35)
    _top_down(ax, len(rows))
    return ax


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


def _number(value: object) -> float | None:
    if value is None:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if number != number else number  # NaN means "not measured"


def _collection_rows(data: Data, score: str) -> list[tuple[str, float | None, float | None]]:
    if _is_frame(data):
        if score not in data.columns:
            raise KeyError(f"no column {score!r} in the frame")
        paths = data["path"] if "path" in data.columns else [None] * len(data)
        ages = data["reading_age"] if "reading_age" in data.columns else [None] * len(data)
        return [
            (_name(path, label), _number(value), _number(age))
            for label, path, value, age in zip(data.index, paths, data[score], ages, strict=True)
        ]
    rows = []
    for n, report in enumerate(_reports(data)):
        scores = report.scores
        value = getattr(scores, score) if scores else None
        rows.append((_name(report.path, n + 1), _number(value), scores.reading_age if scores else None))
    return rows


# -- the participation ladder ---------------------------------------------------------------
def _rung_counts(data: Data) -> tuple[Counter[int], int | None]:
    """Sentences per rung, and the rung a single report claims (None otherwise)."""
    if _is_frame(data):
        if "rung" in data.columns:
            return Counter(int(r) for r in data["rung"].dropna()), None
        return Counter(
            {r: int(data[f"rung_{r}"].sum()) for r in range(1, 9) if f"rung_{r}" in data.columns}
        ), None
    reports = _reports(data)
    counts = Counter(s.rung for r in reports for s in r.sentences if s.rung is not None)
    claimed = reports[0].ladder.get("claimed") if len(reports) == 1 else None
    return counts, claimed if isinstance(claimed, int) else None


def plot_ladder(data: Data, ax: Axes | None = None, title: str | None = None) -> Axes:
    """Sentences on each rung of the participation ladder, drawn as a ladder: 1 manipulation at the
    bottom, 8 citizen control at the top.

    ``data`` is a Report, reports, a sentences frame or a documents frame. For a single report that
    claims partnership ("co-produced"), the claimed rung is marked. When no sentence has a rung
    (no trained pipeline, or nothing about taking part), the axes say so instead of drawing bars.
    """
    counts, claimed = _rung_counts(data)
    names = rung_names()
    ax = _axes(ax, (8, 4.5))
    ax.set_title(title or "Participation ladder profile")
    ax.set_xlabel("Number of sentences")
    ax.set_ylabel("Rung of the ladder")
    rungs = list(range(1, 9))
    ax.set_yticks(rungs, [f"{r} {names[r][0]}" for r in rungs])
    ax.set_ylim(0.4, 8.6)
    if not any(counts.values()):
        ax.set_xlim(0, 1)
        ax.set_xticks([])
        _empty(ax, NO_RUNGS)
        return ax
    groups = [names[r][1] for r in rungs]
    styles = [GROUP_STYLE.get(g or "", ("Rung", BLUE, "")) for g in groups]
    bars = ax.barh(
        rungs,
        [counts.get(r, 0) for r in rungs],
        color=[s[1] for s in styles],
        edgecolor=INK,
        linewidth=0.8,
    )
    _hatch(bars, [s[2] for s in styles])
    ax.bar_label(bars, padding=3)
    ax.margins(x=0.15)
    ax.xaxis.get_major_locator().set_params(integer=True)
    from matplotlib.patches import Patch

    handles = [
        Patch(facecolor=colour, hatch=hatch, edgecolor=INK, label=label)
        for key, (label, colour, hatch) in GROUP_STYLE.items()
        if key in groups
    ]
    if claimed is not None:
        handles.append(
            ax.axhline(claimed, color=INK, linestyle="--", linewidth=1.2, label=f"Claimed rung ({claimed})")
        )
    if handles:
        ax.legend(handles=handles, title="Group", **OUTSIDE)
    return ax


# -- reliability of a model's probabilities ----------------------------------------------------
def _reliability_bins(y_true: Any, probabilities: Any, bins: int) -> list[tuple[float, float, int]]:
    """(mean probability, observed share of positives, count) for each non-empty equal-width bin."""
    import numpy as np

    try:
        count = 0 if isinstance(bins, bool) else operator.index(bins)
    except TypeError:
        count = 0
    if count < 1:
        raise ValueError(f"bins must be a whole number of at least 1; got {bins!r}")
    y = np.asarray(y_true, dtype=np.float64).ravel()
    p = np.asarray(probabilities, dtype=np.float64).ravel()
    if y.shape != p.shape:
        raise ValueError(f"y_true has {y.size} values but probabilities has {p.size}")
    if not np.all(np.isin(y, (0.0, 1.0))):
        raise ValueError("y_true must hold only 0 and 1 (or False and True)")
    if not np.all((p >= 0.0) & (p <= 1.0)):  # also rejects NaN
        raise ValueError("probabilities must lie between 0 and 1")
    # The bins of the model card's calibration error: [0, 0.1), [0.1, 0.2) ... [0.9, 1.0] for 10 bins.
    edges = np.linspace(0.0, 1.0, count + 1)
    index = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, count - 1)
    rows = []
    for b in range(count):
        inside = index == b
        if inside.any():
            rows.append((float(p[inside].mean()), float(y[inside].mean()), int(inside.sum())))
    return rows


def plot_reliability(
    y_true: Any,
    probabilities: Any,
    *,
    bins: int = 10,
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """A reliability (calibration) chart: do a model's probabilities mean what they say?

    ``y_true`` holds the labels (0/1 or booleans) and ``probabilities`` the model's probability of
    a 1 for the same items (lists, arrays or pandas Series). The items are put into ``bins``
    equal-width bins by probability; each non-empty bin is a point at its mean probability (across)
    and the share of its items labelled 1 (up). Points on the dashed diagonal mean the
    probabilities can be taken at face value. A point's size and its label give the number of
    items in its bin, so that a bin of a handful is not read like one of hundreds.
    """
    rows = _reliability_bins(y_true, probabilities, bins)
    ax = _axes(ax, (6.5, 6.5))
    ax.set_title(title or "Reliability: predicted probability against what was labelled")
    ax.set_xlabel("Predicted probability (mean in each bin)")
    ax.set_ylabel("Share labelled positive in each bin")
    ax.plot([0, 1], [0, 1], color=INK, linestyle="--", linewidth=1.2, label="Perfectly calibrated")
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.1)
    ax.set_aspect("equal")
    ax.grid(color="#dddddd", linewidth=0.6)
    if not rows:
        _empty(ax, "No predictions to plot.")
        ax.legend(**BELOW)
        return ax
    xs, ys, counts = (list(column) for column in zip(*rows, strict=True))
    largest = max(counts)
    sizes = [40 + 360 * n / largest for n in counts]
    ax.plot(xs, ys, color=BLUE, linewidth=1.0, zorder=2)
    ax.scatter(
        xs,
        ys,
        s=sizes,
        color=BLUE,
        edgecolors=INK,
        linewidths=0.8,
        zorder=3,
        label=f"Bin of predictions ({bins} equal-width bins; size and label: count)",
    )
    for x, y, n, size in zip(xs, ys, counts, sizes, strict=True):
        # Above its point (below it near the top), clear of the marker, and inside the axes at the edges.
        gap = size**0.5 / 2 + 3
        ax.annotate(
            f"n={n}",
            (x, y),
            xytext=(0, -gap if y > 0.9 else gap),
            textcoords="offset points",
            ha="left" if x < 0.08 else "right" if x > 0.92 else "center",
            va="top" if y > 0.9 else "bottom",
            fontsize="small",
            color=INK,
            bbox={"boxstyle": "round,pad=0.15", "facecolor": WHITE, "edgecolor": "none", "alpha": 0.85},
            zorder=4,
        )
    ax.legend(**{**BELOW, "ncol": 1})
    return ax
