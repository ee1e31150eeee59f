"""The plain-word suggester on TSAR-2022 English (contextual lexical simplification).

    python benchmarks/tsar.py [--data ../shared/data/tsar2022-en] [--split trial|test]

Each TSAR-2022 instance is a sentence, one complex word in it and 25-26 crowd
substitutes. We tag the sentence with spaCy (the target's part of speech, Penn
tag and lemma), ask :func:`jargonwatch.thesaurus.suggest` for ten plainer words
and score them with the shared task's metrics, written afresh here from their
definitions (the official scorer is not used or copied):

- ACC@1: the first suggestion is one of the gold substitutes;
- ACC@1@Top1: the first suggestion is one of the most frequent gold substitutes;
- MAP@3: average precision over the first three suggestions, divided by 3;
- Potential@3: at least one of the first three is a gold substitute.

Matching is exact and case-sensitive after stripping spaces; the complex word
itself is removed from both the gold list and the suggestions; scores are
floored to four decimals. The data are evaluation data only: they are read from
../shared/data and never copied into the project. The script skips cleanly,
with a message, when the folder is absent. Ranking weights were chosen on the
10 trial instances only; the test split was run once per final design.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "tsar2022-en"
FILES = {"trial": "tsar2022_en_trial_gold.tsv", "test": "tsar2022_en_test_gold.tsv"}
RESULTS = "TSAR2022_test_results_en.csv"
# Published English test scores (Štajner et al. 2022; Saggion et al. 2022).
BASELINES = {
    "LSBert baseline": {"ACC@1": 0.5978, "ACC@1@Top1": 0.3029, "MAP@3": 0.4079, "Potential@3": 0.8230},
    "TUNER baseline": {"ACC@1": 0.3404, "ACC@1@Top1": 0.1420, "MAP@3": 0.1706, "Potential@3": 0.4343},
}
METRICS = ("ACC@1", "ACC@1@Top1", "MAP@3", "Potential@3")

SuggestFn = Callable[..., list[str]]


@dataclass(frozen=True)
class Instance:
    sentence: str
    word: str
    gold: Counter[str]  # substitute -> how many annotators gave it (the complex word left out)


def read_instances(path: Path) -> Iterator[Instance]:
    """Instances of a ``*_gold.tsv`` file: sentence, complex word, then one annotation per column."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            sentence, word = fields[0], fields[1].strip()
            gold = Counter(s.strip() for s in fields[2:] if s.strip() and s.strip() != word)
            yield Instance(sentence, word, gold)


def _floor4(x: float) -> float:
    return math.floor(x * 10_000 + 1e-9) / 10_000


def score(instances: list[Instance], predictions: list[list[str]]) -> dict[str, float]:
    """The shared task's metrics for ranked predictions, one list per instance."""
    totals = dict.fromkeys(METRICS, 0.0)
    for inst, raw in zip(instances, predictions, strict=True):
        ranked = list(dict.fromkeys(p.strip() for p in raw if p.strip() and p.strip() != inst.word))
        gold = set(inst.gold)
        best = max(inst.gold.values(), default=0)
        top_gold = {s for s, n in inst.gold.items() if n == best}
        if ranked and ranked[0] in gold:
            totals["ACC@1"] += 1
        if ranked and ranked[0] in top_gold:
            totals["ACC@1@Top1"] += 1
        if any(p in gold for p in ranked[:3]):
            totals["Potential@3"] += 1
        hits, precision_sum = 0, 0.0
        for i, p in enumerate(ranked[:3], start=1):
            if p in gold:
                hits += 1
                precision_sum += hits / i
        totals["MAP@3"] += precision_sum / 3
    n = len(instances) or 1
    return {m: _floor4(v / n) for m, v in totals.items()}


def _target(doc, sentence: str, word: str):  # type: ignore[no-untyped-def]
    """The token of the complex word in a parsed sentence (first exact match, else by characters)."""
    for token in doc:
        if token.text == word:
            return token
    start = sentence.find(word)
    if start < 0:
        start = sentence.lower().find(word.lower())
    if start >= 0:
        span = doc.char_span(start, start + len(word), alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    return None


def predict(instances: list[Instance], suggest_fn: SuggestFn | None = None, k: int = 10) -> list[list[str]]:
    """Ranked suggestions for each instance, tagging each sentence with spaCy first."""
    from jargonwatch.pipeline import get_pipeline

    if suggest_fn is None:
        from jargonwatch.thesaurus import suggest as suggest_fn

    nlp = get_pipeline("auto").nlp
    out: list[list[str]] = []
    for inst, doc in zip(instances, nlp.pipe(i.sentence for i in instances), strict=True):
        token = _target(doc, inst.sentence, inst.word)
        if token is None or token.text != inst.word:
            out.append(suggest_fn(inst.word, context=inst.sentence, k=k))
            continue
        out.append(
            suggest_fn(
                inst.word, pos=token.pos_, lemma=token.lemma_, tag=token.tag_, context=inst.sentence, k=k
            )
        )
    return out


def evaluate(path: Path | str, suggest_fn: SuggestFn | None = None) -> dict[str, float]:
    """Score ``suggest_fn`` (default :func:`jargonwatch.thesaurus.suggest`) on one gold file."""
    instances = list(read_instances(Path(path)))
    result = score(instances, predict(instances, suggest_fn))
    result["instances"] = float(len(instances))
    return result


def best_published(data: Path) -> tuple[str, dict[str, float]] | None:
    """The run with the highest ACC@1 in the shared task's official results table, if present."""
    path = data / RESULTS
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("Lang") == "en"]
    if not rows:
        return None
    best = max(rows, key=lambda r: float(r["ACC@1"]))
    name = f"{best['Team']} run {best['Run']} (best)"
    return name, {m: float(best[m]) for m in METRICS if m in best}


def _table(rows: list[tuple[str, dict[str, float]]]) -> str:
    width = max(len(name) for name, _ in rows)
    lines = [f"{'system':<{width}}  " + "  ".join(f"{m:>11}" for m in METRICS)]
    for name, values in rows:
        cells = "  ".join(f"{values[m]:>11.4f}" if m in values else f"{'-':>11}" for m in METRICS)
        lines.append(f"{name:<{width}}  {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=DEFAULT, help="folder holding the TSAR-2022 English files"
    )
    parser.add_argument("--split", choices=sorted(FILES), default="trial")
    args = parser.parse_args(argv)
    path = args.data / FILES[args.split]
    if not path.is_file():
        print(f"skipped: {path} not found (evaluation data lives in ../shared/data)")
        return 0
    ours = evaluate(path)
    print(f"TSAR-2022 English {args.split}: {int(ours['instances'])} instances\n")
    rows: list[tuple[str, dict[str, float]]] = [("jargonwatch.thesaurus (WordNet)", ours)]
    if args.split == "test":
        best = best_published(args.data)
        if best:
            rows.append(best)
        rows.extend(BASELINES.items())
    print(_table(rows))
    if args.split != "test":
        print("\n(published scores are for the test split: run with --split test to compare)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
