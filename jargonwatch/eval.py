"""`jargonwatch eval`: score analyze() against gold labels in the corpus label schema.

A gold file is JSON Lines, one sentence a line:
``{"id", "text"?, "doc"?, "jargon": [{"span", "code", "plain"?}], "them_us": [{"span", "code"}],
"tokenism": [codes], "rung": int|null, "hard": 0|1}``.

Sentences are analysed in their documents when ``--sentences`` gives each id's document
and offsets and ``--docs`` the folder of documents (so first-use and "explained nearby"
rules see the same context the labellers saw); otherwise each gold line's ``text`` is
analysed on its own.

Scores (precision, recall, F1):
* spans, per code and per family, for jargon and them-and-us: a finding matches a gold span
  of the same code (or family) in the same sentence when their characters overlap
  ("overlap") or are identical ("exact");
* sentences, per code and per family, for every family: does the sentence have at least one
  finding of that code, and at least one gold label of it? Tokenism is scored this way only;
  "hard" is predicted by a JW401 or JW402 finding on the sentence.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config

SPAN_KEYS = ("jargon", "them_us")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
        }


@dataclass
class Results:
    sentences: int = 0
    # participation ladder: sentences with a gold rung, of those predicted exactly / within one
    rung_gold: int = 0
    rung_exact: int = 0
    rung_within_one: int = 0
    rung_detect: Tally = field(default_factory=Tally)  # "does the sentence describe participation?"
    spans_overlap: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    spans_exact: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    sentence_level: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))

    def to_dict(self) -> dict[str, object]:
        def table(d: dict[str, Tally]) -> dict[str, object]:
            return {k: d[k].row() for k in sorted(d)}

        return {
            "sentences": self.sentences,
            "rung": {
                "gold": self.rung_gold,
                "exact": round(self.rung_exact / self.rung_gold, 3) if self.rung_gold else None,
                "within_one": round(self.rung_within_one / self.rung_gold, 3) if self.rung_gold else None,
                "detection": self.rung_detect.row(),
            },
            "spans_overlap": table(self.spans_overlap),
            "spans_exact": table(self.spans_exact),
            "sentence_level": table(self.sentence_level),
        }


@dataclass(frozen=True)
class _Sentence:
    gold: dict  # type: ignore[type-arg]
    text: str
    # predicted (code, start, end) relative to the sentence text
    predicted: tuple[tuple[str, int, int], ...]
    rung: int | None = None


def _find_all(text: str, span: str) -> list[tuple[int, int]]:
    out, pos = [], text.find(span)
    while pos != -1 and span:
        out.append((pos, pos + len(span)))
        pos = text.find(span, pos + 1)
    return out


def _gold_spans(gold: dict, text: str) -> list[tuple[str, int, int]]:  # type: ignore[type-arg]
    """Gold spans located in the sentence; a repeated span string claims successive occurrences."""
    out: list[tuple[str, int, int]] = []
    used: set[tuple[int, int]] = set()
    for key in SPAN_KEYS:
        for item in gold.get(key) or []:
            for start, end in _find_all(text, item["span"]):
                if (start, end) not in used:
                    used.add((start, end))
                    out.append((item["code"], start, end))
                    break
    return out


def _score(sentences: Iterable[_Sentence], results: Results) -> None:
    for s in sentences:
        results.sentences += 1
        gold_rung = s.gold.get("rung")
        results.rung_detect.tp += gold_rung is not None and s.rung is not None
        results.rung_detect.fp += gold_rung is None and s.rung is not None
        results.rung_detect.fn += gold_rung is not None and s.rung is None
        if gold_rung is not None:
            results.rung_gold += 1
            results.rung_exact += s.rung == gold_rung
            results.rung_within_one += s.rung is not None and abs(s.rung - gold_rung) <= 1
        gold = _gold_spans(s.gold, s.text)
        predicted_spans = [p for p in s.predicted if p[0][2] in "12" and p[2] > p[1]]
        for keyfn in (lambda c: c, lambda c: "family:" + c[:3]):
            for exact, table in ((False, results.spans_overlap), (True, results.spans_exact)):
                matched_gold: set[int] = set()
                for code, a, b in predicted_spans:
                    hit = next(
                        (
                            i
                            for i, (gc, ga, gb) in enumerate(gold)
                            if i not in matched_gold
                            and keyfn(gc) == keyfn(code)
                            and ((ga, gb) == (a, b) if exact else (ga < b and a < gb))
                        ),
                        None,
                    )
                    if hit is None:
                        table[keyfn(code)].fp += 1
                    else:
                        matched_gold.add(hit)
                        table[keyfn(code)].tp += 1
                for i, (gc, _, _) in enumerate(gold):
                    if i not in matched_gold:
                        table[keyfn(gc)].fn += 1
        ignored = {"JW401", "JW402", "JW403", "JW404", "JW002", "JW001"}
        gold_codes = {c for c, _, _ in gold} | set(s.gold.get("tokenism") or [])
        predicted_codes = {c for c, _, _ in s.predicted}
        hard_gold, hard_predicted = bool(s.gold.get("hard")), bool(predicted_codes & {"JW401", "JW402"})
        gold_codes -= ignored
        predicted_codes -= ignored
        rows = [(code, code in gold_codes, code in predicted_codes) for code in gold_codes | predicted_codes]
        families = {c[:3] for c in gold_codes | predicted_codes}
        rows += [
            (
                "family:" + fam,
                any(c.startswith(fam) for c in gold_codes),
                any(c.startswith(fam) for c in predicted_codes),
            )
            for fam in families
        ]
        rows.append(("hard", hard_gold, hard_predicted))
        for name, g, p in rows:
            t = results.sentence_level[name]
            t.tp += g and p
            t.fp += p and not g
            t.fn += g and not p


def load_gold(path: Path, ids: set[str] | None = None) -> list[dict]:  # type: ignore[type-arg]
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
        if "id" not in row:
            raise ValueError(f"{path}:{n}: no 'id'")
        if ids is None or row["id"] in ids:
            rows.append(row)
    return rows


def evaluate(
    gold_rows: Sequence[dict],  # type: ignore[type-arg]
    config: Config | None = None,
    sentences: Path | None = None,
    docs: Path | None = None,
) -> Results:
    from .api import analyze_file, analyze_many

    cfg = config or Config()
    results = Results()
    if sentences is not None and docs is not None:
        where: dict[str, dict] = {}  # type: ignore[type-arg]
        for line in sentences.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            where[row["id"]] = row
        by_doc: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
        for g in gold_rows:
            by_doc[where[g["id"]]["doc"]].append(g)
        scored: list[_Sentence] = []
        for doc, rows in sorted(by_doc.items()):
            matches = sorted(docs.glob(f"{doc}.*"))
            if not matches:
                raise ValueError(f"no document {doc}.* in {docs}")
            report = analyze_file(matches[0], cfg)
            for g in rows:
                w = where[g["id"]]
                a, b = w["start"], w["end"]
                predicted = tuple(
                    (f.code, max(f.start, a) - a, min(f.end, b) - a)
                    for f in report.findings
                    if (f.start < b and a < f.end)
                    or (f.start == f.end and a <= f.start < b and f.code != "JW404")
                )
                rung = next((x.rung for x in report.sentences if x.start < b and a < x.end), None)
                scored.append(_Sentence(g, report.text[a:b], predicted, rung))
        _score(scored, results)
        return results
    texts = [g.get("text") or "" for g in gold_rows]
    if any(not t for t in texts):
        raise ValueError("gold lines need a 'text' (or give --sentences and --docs)")
    reports = analyze_many(texts, cfg)
    _score(
        (
            _Sentence(
                g,
                r.text,
                tuple((f.code, f.start, f.end) for f in r.findings if f.code != "JW404"),
                next((x.rung for x in r.sentences if x.rung is not None), None),
            )
            for g, r in zip(gold_rows, reports, strict=True)
        ),
        results,
    )
    return results


def markdown(results: Results) -> str:
    lines = [f"{results.sentences:,} sentences.", ""]
    if results.rung_gold:
        d = results.rung_detect.row()
        lines += [
            "### Participation ladder",
            "",
            f"{results.rung_gold} sentences with a gold rung: exact rung {results.rung_exact / results.rung_gold:.2f}, "
            f"within one rung {results.rung_within_one / results.rung_gold:.2f}. Detecting that a sentence describes "
            f"participation: precision {d['precision']:.2f}, recall {d['recall']:.2f}, F1 {d['f1']:.2f}.",
            "",
        ]
    for title, table in (
        ("Spans, overlapping match", results.spans_overlap),
        ("Spans, exact match", results.spans_exact),
        ("Sentences (does the sentence have the code?)", results.sentence_level),
    ):
        lines += [
            f"### {title}",
            "",
            "| code | precision | recall | F1 | gold | predicted |",
            "|---|---|---|---|---|---|",
        ]
        for key in sorted(table, key=lambda k: (not k.startswith("family"), k)):
            r = table[key].row()
            lines.append(
                f"| {key} | {r['precision']:.2f} | {r['recall']:.2f} | {r['f1']:.2f} | {r['gold']} | {r['predicted']} |"
            )
        lines.append("")
    return "\n".join(lines)
