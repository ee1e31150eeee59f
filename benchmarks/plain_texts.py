"""False positives of the them-and-us (JW2xx) and tokenism (JW3xx) families on plain, inclusive writing.

    python benchmarks/plain_texts.py [--split test] [--models bundled|none] [--data ../shared/data/onestopenglish]

Two sources, both unseen by anything that was tuned:

1. the corpus posts whose front matter says ``register: plain`` in the chosen split (the held-out
   test split by default): writing by people who practise co-production well. A finding counts as
   a false positive when both labelling passes, once adjudicated (corpora/labels/gold.jsonl), gave
   the sentence it falls in no label of the finding's family;
2. OneStopEnglish news (when ../shared/data is present): ordinary journalism about other things,
   where every JW2xx or JW3xx finding is taken as a false positive.

Figures are findings per 1,000 words and the share of sentences with at least one false flag.
Info-level notes (a contested word noted once per document) are counted apart from warnings.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jargonwatch.types import Severity

if TYPE_CHECKING:
    from jargonwatch.report import Report

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora"
DEFAULT_OSE = ROOT.parent / "shared" / "data" / "onestopenglish"
FAMILIES = {"JW2": "them_us", "JW3": "tokenism"}


def register_of(path: Path) -> str | None:
    """The ``register`` field of a post's YAML front matter."""
    head = path.read_text(encoding="utf-8").split("---", 2)
    if len(head) < 3:
        return None
    for line in head[1].splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "register":
            return value.strip()
    return None


def gold_families(row: dict) -> set[str]:  # type: ignore[type-arg]
    """The families (JW2, JW3) that the adjudicated labels give one sentence."""
    out = set()
    if row.get("them_us"):
        out.add("JW2")
    if row.get("tokenism"):
        out.add("JW3")
    return out


@dataclass
class Tally:
    """Findings of the two families over some texts."""

    texts: int = 0
    words: int = 0
    sentences: int = 0
    found: Counter[str] = field(default_factory=Counter)
    info: Counter[str] = field(default_factory=Counter)
    false: Counter[str] = field(default_factory=Counter)
    flagged: set[str] = field(default_factory=set)  # sentence ids with a false flag
    examples: list[str] = field(default_factory=list)

    def add(self, report: Report) -> None:
        self.texts += 1
        self.words += report.scores.words if report.scores else 0
        for f in report.findings:
            self.found[f.code[:3]] += 1
            if f.severity == Severity.INFO:
                self.info[f.code[:3]] += 1


def corpus_plain(split: str, models: str) -> Tally:
    import jargonwatch as jw

    docs = set(json.loads((CORPUS / "splits.json").read_text(encoding="utf-8"))[split])
    plain = sorted(p for p in (CORPUS / "raw").glob("*.md") if p.stem in docs and register_of(p) == "plain")
    where: dict[str, list[tuple[int, int, str]]] = {}
    for line in (CORPUS / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        where.setdefault(row["doc"], []).append((row["start"], row["end"], row["id"]))
    gold = {}
    for line in (CORPUS / "labels" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        gold[row["id"]] = gold_families(row)
    cfg = jw.Config(select=["JW2", "JW3"], models=models)
    tally = Tally()
    for path in plain:
        report = jw.analyze_file(path, cfg)
        tally.add(report)
        spans = where.get(path.stem, [])
        tally.sentences += len(spans)
        for f in report.findings:
            family = f.code[:3]
            ids = [i for a, b, i in spans if a < max(f.end, f.start + 1) and f.start < b]
            if ids and not any(family in gold.get(i, set()) for i in ids):
                tally.false[family] += 1
                tally.flagged.update(ids)
                tally.examples.append(
                    f"{path.stem} {f.code} {f.severity.name.lower()}: {' '.join(f.text.split())[:70]}"
                )
    return tally


def onestop(data: Path, models: str) -> Tally | None:
    if not (data / "onestopenglish_texts.jsonl").is_file():
        return None
    from false_positives import load

    import jargonwatch as jw

    levels = load(data)
    tally = Tally()
    for report in jw.analyze_many(
        levels["ele"] + levels["adv"], jw.Config(select=["JW2", "JW3"], models=models)
    ):
        tally.add(report)
    return tally


def per_k(n: int, words: int) -> str:
    return f"{1000 * n / words:.2f}" if words else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument("--models", default="bundled", help="bundled (default) or none (rules only)")
    parser.add_argument("--data", type=Path, default=DEFAULT_OSE)
    parser.add_argument("--show", type=int, default=15, help="list this many false positives")
    args = parser.parse_args()

    c = corpus_plain(args.split, args.models)
    print(
        f"Corpus, register: plain, {args.split} split: {c.texts} posts, {c.words:,} words, "
        f"{c.sentences} sentences (models: {args.models})\n"
    )
    print("| family | findings per 1,000 words | of which info notes | false positives per 1,000 words |")
    print("|---|---|---|---|")
    for family, name in FAMILIES.items():
        print(
            f"| {family}xx {name} | {per_k(c.found[family], c.words)} | {per_k(c.info[family], c.words)} "
            f"| {per_k(c.false[family], c.words)} |"
        )
    share = len(c.flagged) / c.sentences if c.sentences else 0.0
    print(
        f"\nSentences with at least one false JW2xx/JW3xx flag: {len(c.flagged)} of {c.sentences} ({share:.1%})"
    )
    for line in c.examples[: args.show]:
        print(f"  {line}")

    o = onestop(args.data, args.models)
    if o is None:
        print(f"\nOneStopEnglish skipped: {args.data} not found (evaluation data lives in ../shared/data)")
        return 0
    print(f"\nOneStopEnglish news, Elementary and Advanced: {o.texts} texts, {o.words:,} words\n")
    print("| family | findings per 1,000 words | of which info notes |")
    print("|---|---|---|")
    for family, name in FAMILIES.items():
        print(f"| {family}xx {name} | {per_k(o.found[family], o.words)} | {per_k(o.info[family], o.words)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
