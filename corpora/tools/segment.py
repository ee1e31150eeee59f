"""Split every post in corpora/raw into numbered sentences: corpora/sentences.jsonl.

    python corpora/tools/segment.py

Sentences come from jargonwatch's own reading of the Markdown (front matter masked,
headings and list items as their own sentences), so labels made on these sentences
line up with what ``jargonwatch.analyze`` reports. Each line:
{"id": "p001-s003", "doc": "p001", "start": 123, "end": 180, "text": "..."}; start and
end are character offsets into the post's file. Also writes corpora/splits.json, the
document-level train/dev/test split (70/15/15, seeded), so the sentences of one post
never straddle splits.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import jargonwatch as jw

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    posts = sorted((HERE / "raw").glob("p*.md"))
    cfg = jw.Config(select=["JW4"])
    with (HERE / "sentences.jsonl").open("w", encoding="utf-8") as out:
        for path in posts:
            doc = path.stem
            report = jw.analyze_file(path, cfg)
            for i, s in enumerate(report.sentences):
                text = report.text[s.start : s.end]
                row = {"id": f"{doc}-s{i:03d}", "doc": doc, "start": s.start, "end": s.end, "text": text}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    docs = [p.stem for p in posts]
    rng = random.Random(20261122)
    shuffled = docs[:]
    rng.shuffle(shuffled)
    n = len(shuffled)
    splits = {
        "seed": 20261122,
        "train": sorted(shuffled[: int(0.70 * n)]),
        "dev": sorted(shuffled[int(0.70 * n) : int(0.85 * n)]),
        "test": sorted(shuffled[int(0.85 * n) :]),
    }
    (HERE / "splits.json").write_text(json.dumps(splits, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
