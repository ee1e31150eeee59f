"""Build corpora/labels/gold.jsonl: the agreed label where the two passes agree, the
adjudicated label where they differ.

    python corpora/tools/merge_gold.py

Every line carries the sentence's id, doc and text, so the file can be scored with
`jargonwatch eval` on its own (or with --sentences/--docs for document context).
"""

from __future__ import annotations

import json
from pathlib import Path

from agreement import load  # the same reader as the agreement figures (this folder is on sys.path)

HERE = Path(__file__).resolve().parent.parent
FIELDS = ("jargon", "them_us", "tokenism", "rung", "hard")


def main() -> None:
    labels = HERE / "labels"
    a, adjudicated = load(labels / "passA"), load(labels / "adjudicated")
    disputed = {json.loads(line)["id"] for line in (labels / "disagreements.jsonl").read_text().splitlines()}
    missing = disputed - set(adjudicated)
    if missing:
        raise SystemExit(
            f"{len(missing)} disputed sentences have no adjudicated label, e.g. {sorted(missing)[:3]}"
        )
    n_adjudicated = 0
    with (labels / "gold.jsonl").open("w", encoding="utf-8") as out:
        for line in (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines():
            s = json.loads(line)
            source = adjudicated[s["id"]] if s["id"] in disputed else a[s["id"]]
            n_adjudicated += s["id"] in disputed
            row = {"id": s["id"], "doc": s["doc"], "text": s["text"], **{k: source.get(k) for k in FIELDS}}
            row["hard"] = int(row["hard"] or 0)
            row["jargon"] = row["jargon"] or []
            row["them_us"] = row["them_us"] or []
            row["tokenism"] = row["tokenism"] or []
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {labels / 'gold.jsonl'}: {n_adjudicated:,} adjudicated sentences, the rest agreed")


if __name__ == "__main__":
    main()
