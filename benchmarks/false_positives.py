"""False positives on general news: JW1xx and JW2xx findings per 1,000 words.

    python benchmarks/false_positives.py [--data ../shared/data/onestopenglish] [--top 25]

The OneStopEnglish corpus rewrites Guardian news articles at three reading levels. Its
texts are ordinary journalism, nearly free of health and social care jargon, so nearly
every JW1xx or JW2xx finding on them is a false positive. The corpus is evaluation data
only: it is read from ../shared/data and never copied into the project. The script
skips cleanly, with a message, when the folder is absent.

Info-level findings (contested terms such as "patients", noted once per document) are
counted separately from warnings, since TAXONOMY.md has them as notes, not errors.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "onestopenglish"
LEVELS = {"ele": "Elementary", "int": "Intermediate", "adv": "Advanced"}


def load(data: Path) -> dict[str, list[str]]:
    texts: dict[str, list[str]] = {level: [] for level in LEVELS}
    with (data / "onestopenglish_texts.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["level"]].append(row["text"])
    return texts


def measure(texts: list[str]) -> tuple[int, Counter[str], Counter[str], Counter[tuple[str, str]]]:
    import jargonwatch as jw

    cfg = jw.Config(select=["JW1", "JW2"])
    words = 0
    warnings: Counter[str] = Counter()
    infos: Counter[str] = Counter()
    terms: Counter[tuple[str, str]] = Counter()
    for report in jw.analyze_many(texts, cfg):
        words += report.scores.words if report.scores else 0
        for f in report.findings:
            (infos if f.severity == jw.Severity.INFO else warnings)[f.code] += 1
            terms[(f.code, f.text.lower())] += 1
    return words, warnings, infos, terms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--levels", default="ele,adv", help="comma-separated: ele,int,adv")
    parser.add_argument("--top", type=int, default=20, help="list the most frequent flagged terms")
    args = parser.parse_args()
    if not (args.data / "onestopenglish_texts.jsonl").is_file():
        print(f"skipped: {args.data} not found (evaluation data lives in ../shared/data)")
        return 0
    texts = load(args.data)
    all_terms: Counter[tuple[str, str]] = Counter()
    print(
        "| level | words | JW1xx+JW2xx warnings per 1,000 words | info notes per 1,000 words | all per 1,000 |"
    )
    print("|---|---|---|---|---|")
    for level in args.levels.split(","):
        words, warnings, infos, terms = measure(texts[level])
        all_terms.update(terms)
        w, i = sum(warnings.values()), sum(infos.values())
        print(
            f"| {LEVELS[level]} | {words:,} | {1000 * w / words:.2f} | {1000 * i / words:.2f} "
            f"| {1000 * (w + i) / words:.2f} |"
        )
    print(f"\nMost frequent findings ({args.top}):")
    for (code, term), n in all_terms.most_common(args.top):
        print(f"  {n:4}  {code}  {term}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
