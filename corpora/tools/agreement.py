"""Agreement between the two independent labelling passes (corpora/labels/passA, passB).

    python corpora/tools/agreement.py [--disagreements corpora/labels/disagreements.jsonl]

Reports, over all sentences both passes labelled:
- spans (jargon and them-and-us, per code): F1 of pass B against pass A, a span counting as
  shared when the same code covers the same text in the same sentence (exact match), and a
  lenient figure where overlapping spans of the same code count;
- tokenism codes and "hard": Cohen's kappa per code (present or absent per sentence);
- rung: exact agreement and Cohen's kappa over sentences either pass gave a rung (null counts
  as its own category), and agreement within one rung.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
JARGON = [f"JW10{i}" for i in range(1, 8)]
THEM_US = [f"JW20{i}" for i in range(1, 5)]
TOKENISM = [f"JW30{i}" for i in range(1, 6)]


def load(folder: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    rows = {}
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                rows[row["id"]] = row
    return rows


def kappa(pairs: list[tuple[object, object]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def spans(row: dict, key: str) -> set[tuple[str, str]]:  # type: ignore[type-arg]
    return {(item["code"], item["span"].strip().lower()) for item in row.get(key) or []}


def overlaps(a: str, b: str) -> bool:
    return a in b or b in a


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--disagreements", type=Path, help="write sentences where the passes differ")
    args = parser.parse_args()
    a, b = load(HERE / "labels" / "passA"), load(HERE / "labels" / "passB")
    ids = sorted(set(a) & set(b))
    print(f"sentences labelled by both passes: {len(ids):,} (A {len(a):,}, B {len(b):,})\n")
    print("| code | pass A | pass B | exact F1 | overlap F1 |")
    print("|---|---|---|---|---|")
    for key, codes in (("jargon", JARGON), ("them_us", THEM_US)):
        for code in codes:
            tp = fa = fb = tp_loose = 0
            for i in ids:
                sa = {s for c, s in spans(a[i], key) if c == code}
                sb = {s for c, s in spans(b[i], key) if c == code}
                tp += len(sa & sb)
                fa += len(sa)
                fb += len(sb)
                tp_loose += sum(1 for x in sa if any(overlaps(x, y) for y in sb))
            f1 = 2 * tp / (fa + fb) if fa + fb else float("nan")
            loose = 2 * tp_loose / (fa + fb) if fa + fb else float("nan")
            print(f"| {code} | {fa} | {fb} | {f1:.2f} | {loose:.2f} |")
    print("\n| label | pass A | pass B | Cohen's kappa |")
    print("|---|---|---|---|")
    for code in TOKENISM:
        pairs = [(code in (a[i].get("tokenism") or []), code in (b[i].get("tokenism") or [])) for i in ids]
        print(f"| {code} | {sum(x for x, _ in pairs)} | {sum(y for _, y in pairs)} | {kappa(pairs):.2f} |")  # type: ignore[misc]
    hard = [(int(a[i].get("hard") or 0), int(b[i].get("hard") or 0)) for i in ids]
    print(f"| hard | {sum(x for x, _ in hard)} | {sum(y for _, y in hard)} | {kappa(hard):.2f} |")  # type: ignore[arg-type]
    rungs = [(a[i].get("rung"), b[i].get("rung")) for i in ids]
    either = [(x, y) for x, y in rungs if x is not None or y is not None]
    both = [(x, y) for x, y in either if x is not None and y is not None]
    exact = sum(x == y for x, y in both) / len(both) if both else float("nan")
    within = sum(abs(x - y) <= 1 for x, y in both) / len(both) if both else float("nan")
    print(
        f"\nrung: {len(either)} sentences rated by either pass, {len(both)} by both; "
        f"kappa over either (null as a category) {kappa(either):.2f}; "
        f"exact agreement where both rated {exact:.2f}; within one rung {within:.2f}"
    )
    if args.disagreements:
        with args.disagreements.open("w", encoding="utf-8") as out:
            n = 0
            for i in ids:
                fields = {
                    "jargon": spans(a[i], "jargon") != spans(b[i], "jargon"),
                    "them_us": spans(a[i], "them_us") != spans(b[i], "them_us"),
                    "tokenism": set(a[i].get("tokenism") or []) != set(b[i].get("tokenism") or []),
                    "rung": a[i].get("rung") != b[i].get("rung"),
                    "hard": int(a[i].get("hard") or 0) != int(b[i].get("hard") or 0),
                }
                if any(fields.values()):
                    n += 1
                    out.write(
                        json.dumps(
                            {"id": i, "differ": [k for k, v in fields.items() if v], "A": a[i], "B": b[i]},
                            ensure_ascii=False,
                        )
                        + "\n"
                    )
        print(f"\n{n:,} sentences differ in at least one field; written to {args.disagreements}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
