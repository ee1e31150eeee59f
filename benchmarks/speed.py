"""Speed and memory of jargonwatch against bare spaCy, measured in the same run.

    python benchmarks/speed.py [--repeat 3] [--words 20000]

Prints three figures:

1. throughput: words per second of ``jargonwatch.analyze_many`` and of bare ``nlp.pipe``
   with the same spaCy components on the same texts, and their ratio (floor 0.7);
2. cold start: whole-process wall time of ``jargonwatch check`` on a one-page file,
   beside the wall time of a bare process that imports spaCy and loads the same pipeline
   (floor 2.5 s for jargonwatch);
3. peak memory (tracemalloc) of analysing a long document in chunks against one chunk.

The texts are paragraphs of the project's corpus (corpora/raw: 160 blog-style posts across
the range from plain to jargon-heavy) and the example strategy in examples/, taken in order
to the requested size.
Machines here are noisy, so each figure is the best of ``--repeat`` runs (for throughput,
bare spaCy and jargonwatch take turns), and only the ratios are meant to be compared between
machines.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(words: int) -> list[str]:
    """Paragraph-sized texts from the bundled examples, repeated to about ``words`` words."""
    paragraphs = []
    paths = sorted((ROOT / "examples").glob("*.md")) + sorted((ROOT / "corpora" / "raw").glob("*.md"))
    for path in paths:
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        paragraphs += [p.strip() for p in body.split("\n\n") if len(p.split()) > 5]
    out: list[str] = []
    total = 0
    while total < words:
        for p in paragraphs:
            out.append(p)
            total += len(p.split())
            if total >= words:
                break
    return out


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def throughput(words: int, repeat: int) -> dict[str, float]:
    import jargonwatch as jw
    from jargonwatch.analyzer import get_analyzer

    texts = corpus(words)
    n_words = sum(len(t.split()) for t in texts)
    analyzer = get_analyzer(jw.Config())
    nlp = analyzer.pipeline.nlp
    list(jw.analyze_many(texts[:5]))  # warm caches (syllable dictionary, matchers)
    # Interleaved, so that a slow spell of a shared machine hits both sides alike; best of each.
    bare_times, our_times = [], []
    for _ in range(repeat):
        bare_times.append(best(lambda: list(nlp.pipe(texts, batch_size=64)), 1))
        our_times.append(best(lambda: list(jw.analyze_many(texts, batch_size=64)), 1))
    bare, ours = min(bare_times), min(our_times)
    return {
        "words": n_words,
        "bare_wps": n_words / bare,
        "jargonwatch_wps": n_words / ours,
        "ratio": bare / ours,
        "pipeline": analyzer.versions["pipeline"],
    }


def cold_start(repeat: int) -> dict[str, float]:
    page = "\n\n".join(corpus(450))
    with tempfile.TemporaryDirectory() as tmp:
        doc = Path(tmp) / "page.md"
        doc.write_text(page, encoding="utf-8")
        from jargonwatch.pipeline import get_pipeline

        name = get_pipeline("auto").name
        bare_code = f"import spacy; nlp = spacy.load({name!r}, exclude=['ner']); nlp('Hello.')"
        run = lambda args: subprocess.run(args, capture_output=True, check=False)  # noqa: E731
        check = [sys.executable, "-m", "jargonwatch", "check", "--exit-zero", str(doc)]
        run(check)  # first run: warms the OS file cache
        ours = [best(lambda: run(check), 1) for _ in range(repeat)]
        bare = [best(lambda: run([sys.executable, "-c", bare_code]), 1) for _ in range(repeat)]
    return {
        "words": len(page.split()),
        "jargonwatch_s": min(ours),
        "jargonwatch_median_s": statistics.median(ours),
        "bare_spacy_s": min(bare),
        "ratio": min(ours) / min(bare),
    }


def memory(words: int) -> dict[str, float]:
    import jargonwatch as jw

    text = "\n\n".join(corpus(words))
    small = jw.Config(chunk_chars=20_000)
    jw.analyze(text[:25_000], small)  # warm
    tracemalloc.start()
    jw.analyze(text, small)
    _, chunked_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tracemalloc.start()
    jw.analyze(text[:20_000], small)
    _, one_chunk_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "chars": len(text),
        "peak_mb": chunked_peak / 1e6,
        "one_chunk_peak_mb": one_chunk_peak / 1e6,
        "ratio": chunked_peak / one_chunk_peak,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--words", type=int, default=20_000)
    args = parser.parse_args()

    t = throughput(args.words, args.repeat)
    print(f"throughput on {t['words']:,} words ({t['pipeline']}):")
    print(f"  bare nlp.pipe      {t['bare_wps']:9,.0f} words/s")
    print(f"  jargonwatch        {t['jargonwatch_wps']:9,.0f} words/s")
    print(f"  ratio              {t['ratio']:9.2f}   (floor 0.70)")
    c = cold_start(args.repeat)
    print(f"cold start, `jargonwatch check` on a {c['words']}-word page:")
    print(
        f"  jargonwatch        {c['jargonwatch_s']:9.2f} s (median {c['jargonwatch_median_s']:.2f} s; floor 2.5 s)"
    )
    print(f"  import spaCy + load pipeline {c['bare_spacy_s']:.2f} s; ratio {c['ratio']:.2f}")
    m = memory(args.words * 10)
    print(f"memory, {m['chars']:,} characters in 20,000-character chunks:")
    print(
        f"  peak {m['peak_mb']:.1f} MB against {m['one_chunk_peak_mb']:.1f} MB for one chunk (ratio {m['ratio']:.2f})"
    )
    ok = t["ratio"] >= 0.7 and c["jargonwatch_s"] <= 2.5
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
