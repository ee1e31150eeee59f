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
from pathlib import Path

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


def corpus_plain(split: str, models: str) -> dict[str, object]:
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
    words = sentences = 0
    found: Counter[str] = Counter()
    false: Counter[str] = Counter()
    info: Counter[str] = Counter()
    flagged: set[str] = set()
    examples: list[str] = []
    for path in plain:
        report = jw.analyze_file(path, cfg)
        words += report.scores.words if report.scores else 0
        spans = where.get(path.stem, [])
        sentences += len(spans)
        for f in report.findings:
            family = f.code[:3]
            found[family] += 1
            if f.severity == jw.Severity.INFO:
                info[family] += 1
            ids = [i for a, b, i in spans if a < max(f.end, f.start + 1) and f.start < b]
            if ids and not any(family in gold.get(i, set()) for i in ids):
                false[family] += 1
                flagged.update(ids)
                examples.append(f"{path.stem} {f.code} {f.severity.name.lower()}: {' '.join(f.text.split())[:70]}")
    return {
        "posts": len(plain),
        "words": words,
        "sentences": sentences,
        "found": found,
        "false": false,
        "info": info,
        "flagged_sentences": len(flagged),
        "examples": examples,
    }


def onestop(data: Path, models: str) -> dict[str, object] | None:
    if not (data / "onestopenglish_texts.jsonl").is_file():
        return None
    import jargonwatch as jw

    texts = []
    with (data / "onestopenglish_texts.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["level"] in {"ele", "adv"}:
                texts.append(row["text"])
    cfg = jw.Config(select=["JW2", "JW3"], models=models)
    words = 0
    found: Counter[str] = Counter()
    info: Counter[str] = Counter()
    for report in jw.analyze_many(texts, cfg):
        words += report.scores.words if report.scores else 0
        for f in report.findings:
            found[f.code[:3]] += 1
            if f.severity == jw.Severity.INFO:
                info[f.code[:3]] += 1
    return {"texts": len(texts), "words": words, "found": found, "info": info}


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
    words = int(c["words"])  # type: ignore[call-overload]
    print(
        f"Corpus, register: plain, {args.split} split: {c['posts']} posts, {words:,} words, "
        f"{c['sentences']} sentences (models: {args.models})\n"
    )
    print("| family | findings per 1,000 words | of which info notes | false positives per 1,000 words |")
    print("|---|---|---|---|")
    for family, name in FAMILIES.items():
        found, info, false = c["found"], c["info"], c["false"]  # type: ignore[assignment]
        print(
            f"| {family}xx {name} | {per_k(found[family], words)} | {per_k(info[family], words)} "  # type: ignore[index]
            f"| {per_k(false[family], words)} |"  # type: ignore[index]
        )
    total = int(c["sentences"])  # type: ignore[call-overload]
    share = int(c["flagged_sentences"]) / total if total else 0.0  # type: ignore[call-overload]
    print(
        f"\nSentences with at least one false JW2xx/JW3xx flag: {c['flagged_sentences']} of {total} ({share:.1%})"
    )
    for line in c["examples"][: args.show]:  # type: ignore[index]
        print(f"  {line}")

    o = onestop(args.data, args.models)
    if o is None:
        print(f"\nOneStopEnglish skipped: {args.data} not found (evaluation data lives in ../shared/data)")
        return 0
    ow = int(o["words"])  # type: ignore[call-overload]
    print(f"\nOneStopEnglish news, Elementary and Advanced: {o['texts']} texts, {ow:,} words\n")
    print("| family | findings per 1,000 words | of which info notes |")
    print("|---|---|---|")
    for family, name in FAMILIES.items():
        print(f"| {family}xx {name} | {per_k(o['found'][family], ow)} | {per_k(o['info'][family], ow)} |")  # type: ignore[index]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
