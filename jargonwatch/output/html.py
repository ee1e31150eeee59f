"""HTML: one standalone, accessible report page, and the fragment a notebook shows.

Findings are marked in the text with a colour per family *and* a different underline
style per family (so colour is never the only signal), with a numbered reference that
links to the finding's explanation and suggestions. Everything from the document is
escaped; the page has no scripts, no external fonts and no external styles.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from html import escape

from .. import __version__
from ..config import Config
from ..report import Report
from ..rungs import rung_names
from ..types import Family, Finding

FAMILY_LABELS = {
    Family.JARGON: "Jargon",
    Family.THEM_US: "Them and us",
    Family.TOKENISM: "Tokenism",
    Family.ACCESSIBILITY: "Hard to read",
    Family.TOOL: "Tool",
}

CSS = """
.jw-report { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; line-height: 1.6;
  color: #1b1b1b; background: #fff; max-width: 60rem; }
.jw-report h2, .jw-report h3 { line-height: 1.25; }
.jw-text { white-space: pre-wrap; border: 1px solid #b1b4b6; padding: 1rem; border-radius: 4px; }
.jw-report mark { background: none; color: inherit; padding: 0 1px; text-decoration-thickness: 3px;
  text-underline-offset: 3px; text-decoration-line: underline; }
.jw-jargon { background-color: #fff2cc !important; text-decoration-color: #8a5a00; text-decoration-style: solid; }
.jw-them_us { background-color: #f8d7e3 !important; text-decoration-color: #8f1d4a; text-decoration-style: double; }
.jw-tokenism { background-color: #dbe8f9 !important; text-decoration-color: #1d4f91; text-decoration-style: dashed; }
.jw-accessibility { background-color: #e7e7e7 !important; text-decoration-color: #4b4b4b; text-decoration-style: dotted; }
.jw-tool { background-color: #eeeeee !important; text-decoration-color: #000; text-decoration-style: wavy; }
.jw-ref { font-size: 0.75em; vertical-align: super; margin-left: 1px; color: #1d4f91; }
.jw-ref:focus, .jw-report a:focus { outline: 3px solid #ffbf47; }
.jw-legend { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; padding: 0; list-style: none; }
.jw-scores { border-collapse: collapse; }
.jw-scores th, .jw-scores td { text-align: left; padding: 0.2rem 0.8rem 0.2rem 0; border-bottom: 1px solid #e0e0e0; }
.jw-findings li { margin-bottom: 0.6rem; }
.jw-code { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: bold; }
.jw-muted { color: #505a5f; }
"""


def _spans(report: Report) -> list[tuple[int, int, list[int]]]:
    """Cut the text at every finding boundary: (start, end, indices of findings covering it)."""
    cuts = {0, len(report.text)}
    marked = [i for i, f in enumerate(report.findings) if f.end > f.start]
    for i in marked:
        cuts.update((report.findings[i].start, report.findings[i].end))
    points = sorted(cuts)
    covering: list[list[int]] = [[] for _ in points]
    for i in marked:
        f = report.findings[i]
        lo = bisect.bisect_left(points, f.start)
        hi = bisect.bisect_left(points, f.end)
        for k in range(lo, hi):
            covering[k].append(i)
    return [(points[k], points[k + 1], covering[k]) for k in range(len(points) - 1)]


def _title(f: Finding) -> str:
    tip = f"{f.code} {f.name}: {f.message}"
    if f.suggestions:
        tip += f" Try: {'; '.join(f.suggestions)}"
    return tip


def render_text(report: Report, prefix: str = "jw") -> str:
    """The document's text with every finding marked and numbered."""
    ends: dict[int, list[int]] = {}
    for i, f in enumerate(report.findings):
        if f.end > f.start:
            ends.setdefault(f.end, []).append(i)
    out: list[str] = []
    for start, end, cover in _spans(report):
        piece = escape(report.text[start:end])
        if cover:
            top = min(cover, key=lambda i: report.findings[i].end - report.findings[i].start)
            f = report.findings[top]
            classes = " ".join(dict.fromkeys(f"jw-{report.findings[i].family.value}" for i in cover))
            titles = " | ".join(_title(report.findings[i]) for i in cover)
            piece = f'<mark class="{classes}" title="{escape(titles)}">{piece}</mark>'
        out.append(piece)
        for i in ends.get(end, []):
            out.append(
                f'<a class="jw-ref" id="{prefix}-ref-{i + 1}" href="#{prefix}-f-{i + 1}" '
                f'aria-label="finding {i + 1}">{i + 1}</a>'
            )
    return "".join(out)


def render_fragment(report: Report, prefix: str = "jw") -> str:
    """The report as an HTML fragment (no <html>/<head>): text, legend, scores, findings."""
    parts = [f'<section class="jw-report" lang="en-GB"><style>{CSS}</style>']
    title = escape(report.path or "Text")
    parts.append(f"<h2>{title}</h2>")
    if report.unreadable:
        parts.append(f"<p><strong>Not checked:</strong> {escape(report.findings[0].message)}</p></section>")
        return "".join(parts)
    counts = report.counts()
    parts.append('<ul class="jw-legend" aria-label="Key">')
    for family in (Family.JARGON, Family.THEM_US, Family.TOKENISM, Family.ACCESSIBILITY):
        parts.append(
            f'<li><mark class="jw-{family.value}">{FAMILY_LABELS[family]}</mark> '
            f'<span class="jw-muted">({counts.get(family.value, 0)})</span></li>'
        )
    parts.append("</ul>")
    if report.scores and report.scores.words:
        s = report.scores
        rows = [
            ("Accessibility score", f"{s.accessibility:.0f} out of 100"),
            ("UK reading age", f"about {s.reading_age:.0f}"),
            ("Flesch-Kincaid grade", f"{s.flesch_kincaid_grade:.1f}"),
            ("Flesch reading ease", f"{s.flesch_reading_ease:.0f}"),
            ("Words per sentence", f"{s.words_per_sentence:.1f}"),
            (
                "Passive sentences",
                "not measured" if s.passive_ratio is None else f"{100 * s.passive_ratio:.0f}%",
            ),
            ("Words", f"{s.words}"),
        ]
        parts.append('<table class="jw-scores"><caption class="jw-muted">Scores</caption><tbody>')
        parts.extend(f"<tr><th scope='row'>{escape(k)}</th><td>{escape(v)}</td></tr>" for k, v in rows)
        parts.append("</tbody></table>")
    parts.append(_ladder_table(report))
    parts.append(_who_acts_table(report))
    parts.append(f'<h3>The text</h3><div class="jw-text">{render_text(report, prefix)}</div>')
    parts.append(f"<h3>Findings ({len(report.findings)})</h3>")
    if report.findings:
        parts.append('<ol class="jw-findings">')
        for i, f in enumerate(report.findings):
            line, column = report.locate(f.start)
            where = f"line {line}, column {column}"
            back = f' <a href="#{prefix}-ref-{i + 1}">back to text</a>' if f.end > f.start else ""
            item = [
                f'<li id="{prefix}-f-{i + 1}"><span class="jw-code">{f.code}</span> '
                f'<span class="jw-muted">{escape(f.name)}, {f.severity}, {where}</span>{back}<br>'
                f"{escape(f.message)}"
            ]
            if f.suggestions:
                item.append(f"<br>Try: <strong>{escape('; '.join(f.suggestions))}</strong>")
            if f.note:
                item.append(f'<br><span class="jw-muted">{escape(f.note)}</span>')
            item.append("</li>")
            parts.append("".join(item))
        parts.append("</ol>")
    else:
        parts.append("<p>No findings.</p>")
    if report.suppressed:
        parts.append(f'<p class="jw-muted">{len(report.suppressed)} finding(s) suppressed by comments.</p>')
    parts.append("</section>")
    return "".join(parts)


def _ladder_table(report: Report) -> str:
    """Sentences per rung of the participation ladder, top rung first, with the claimed and the
    described rung; empty when the document has no sentence about taking part."""
    ladder = report.ladder
    profile = ladder.get("profile") if ladder else None
    if not isinstance(profile, dict) or not any(profile.values()):
        return ""
    names = rung_names()

    def name(rung: object) -> str:
        return f"{rung} {names[rung][0]}" if isinstance(rung, int) and rung in names else "none"

    out = [
        '<table class="jw-scores"><caption class="jw-muted">Participation ladder (sentences per rung)</caption>'
    ]
    out.append("<tbody>")
    for rung in range(8, 0, -1):
        out.append(
            f"<tr><th scope='row'>{escape(name(rung))}</th><td>{int(profile.get(str(rung), 0))}</td></tr>"
        )
    out.append(f"<tr><th scope='row'>Claimed rung</th><td>{escape(name(ladder.get('claimed')))}</td></tr>")
    out.append(
        f"<tr><th scope='row'>Described rung</th><td>{escape(name(ladder.get('described')))}</td></tr>"
    )
    out.append("</tbody></table>")
    return "".join(out)


def _who_acts_table(report: Report) -> str:
    """For each group that appears: how often it does things and how often things are done to it,
    with its commonest verbs each way; empty without a parser."""
    rows = [g for g in report.who_acts.values() if g.get("agent") or g.get("patient")]
    if not rows:
        return ""

    def verbs(value: object) -> str:
        return ", ".join(f"{v} ({n})" for v, n in value.items()) if isinstance(value, dict) and value else "-"

    out = [
        '<table class="jw-scores"><caption class="jw-muted">Who acts</caption><thead><tr><th scope="col">Group</th>'
        '<th scope="col">Does things</th><th scope="col">Has things done to it</th>'
        '<th scope="col">Its verbs</th><th scope="col">Verbs done to it</th></tr></thead><tbody>'
    ]
    for g in rows:
        out.append(
            f"<tr><th scope='row'>{escape(str(g.get('label', '')))}</th><td>{int(g.get('agent', 0))}</td>"  # type: ignore[call-overload]
            f"<td>{int(g.get('patient', 0))}</td><td>{escape(verbs(g.get('agent_verbs')))}</td>"  # type: ignore[call-overload]
            f"<td>{escape(verbs(g.get('patient_verbs')))}</td></tr>"
        )
    out.append("</tbody></table>")
    return "".join(out)


def render(reports: Sequence[Report], config: Config, colour: bool = False) -> str:
    """A complete, standalone HTML page for one or more files."""
    body = "".join(render_fragment(r, prefix=f"jw{n}") for n, r in enumerate(reports))
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>jargonwatch report</title>\n<style>body {{ margin: 2rem; }}</style>\n</head>\n<body>\n"
        f'<main>\n<h1>jargonwatch report</h1>\n<p class="jw-muted">jargonwatch {__version__}: jargon, '
        '"them and us" language, tokenism and hard-to-read text, with plainer words.</p>\n'
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def chunks(reports: Sequence[Report], config: Config, colour: bool = False) -> Iterator[str]:
    yield render(reports, config, colour)
