"""Jargon and them-and-us spans in the TRAIN split that both labelling passes marked and
jargonwatch does not flag: candidates for new lexicon entries.

    python corpora/tools/missed_terms.py > /tmp/missed.tsv

Only the train split is read (corpora/splits.json), so the dev and test splits stay
unseen by anyone growing the lexicon from this list.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import jargonwatch as jw

HERE = Path(__file__).resolve().parent.parent


def main() -> None:
    train = set(json.loads((HERE / "splits.json").read_text())["train"])
    sentences = {
        r["id"]: r
        for r in map(json.loads, (HERE / "sentences.jsonl").read_text().splitlines())
        if r["doc"] in train
    }
    passes = []
    for name in ("passA", "passB"):
        rows = {}
        for path in (HERE / "labels" / name).glob("*.jsonl"):
            for line in path.read_text().splitlines():
                row = json.loads(line)
                if row["id"] in sentences:
                    rows[row["id"]] = row
        passes.append(rows)
    by_doc: dict[str, list[str]] = defaultdict(list)
    for sid, row in sentences.items():
        by_doc[row["doc"]].append(sid)
    missed: Counter[tuple[str, str]] = Counter()
    plain: dict[tuple[str, str], str] = {}
    example: dict[tuple[str, str], str] = {}
    for doc, ids in sorted(by_doc.items()):
        report = jw.analyze_file(HERE / "raw" / f"{doc}.md")
        for sid in ids:
            s = sentences[sid]
            a, b = s["start"], s["end"]
            found = [(f.code, f.start - a, f.end - a) for f in report.findings if f.start < b and a < f.end]
            for key in ("jargon", "them_us"):
                spans_a = {(x["code"], x["span"]) for x in passes[0][sid].get(key) or []}
                spans_b = {(x["code"], x["span"]) for x in passes[1][sid].get(key) or []}
                for code, span in spans_a & spans_b:
                    pos = s["text"].find(span)
                    hit = any(c[:3] == code[:3] and fs < pos + len(span) and pos < fe for c, fs, fe in found)
                    if not hit and code != "JW103":
                        k = (code, span.lower())
                        missed[k] += 1
                        example.setdefault(k, s["text"])
                        for x in passes[0][sid].get(key) or []:
                            if x["span"] == span and x.get("plain"):
                                plain.setdefault(k, x["plain"])
    print("count\tcode\tterm\tplain (labeller)\texample sentence")
    for (code, term), n in missed.most_common():
        text = " ".join(example[(code, term)].split())
        print(f"{n}\t{code}\t{term}\t{plain.get((code, term), '')}\t{text}")


if __name__ == "__main__":
    main()
