"""A very large text file through the command line: time and peak memory.

    python benchmarks/large_file.py [--mb 50] [--model blank]

Builds a file of about ``--mb`` megabytes from the bundled examples (well past spaCy's
max_length of 1,000,000 characters), runs ``jargonwatch check --format json`` on it in a
child process, and reports wall time, the child's peak resident memory, and peak memory
per megabyte of input, beside the same run on a file a tenth of the size (so the ratio
shows whether memory grows with the input or stays bounded by the chunking).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build(path: Path, megabytes: float) -> None:
    text = "\n\n".join(
        p.read_text(encoding="utf-8").split("---", 2)[-1] for p in sorted((ROOT / "examples").glob("*.md"))
    )
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as fh:
        written = 0
        while written < target:
            fh.write(text + "\n\n")
            written += len(text) + 2


def run(path: Path, model: str) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    out = path.with_suffix(".json")
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "jargonwatch",
            "check",
            "--model",
            model,
            "--format",
            "json",
            "-o",
            str(out),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    data = json.loads(out.read_text(encoding="utf-8"))
    findings = data["files"][0]["findings"]
    return {
        "exit": proc.returncode,
        "mb": path.stat().st_size / 1e6,
        "seconds": wall,
        "peak_mb": max(peak_kb, before) / 1024,
        "findings": len(findings),
        "last_offset": findings[-1]["start"] if findings else 0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--model", default="blank")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "small.txt", Path(tmp) / "large.txt"
        build(small, args.mb / 10)
        build(large, args.mb)
        s = run(small, args.model)
        big = run(large, args.model)
    for name, r in (("tenth", s), ("full", big)):
        print(
            f"{name:>5}: {r['mb']:.1f} MB in {r['seconds']:.0f} s, peak {r['peak_mb']:.0f} MB "
            f"({r['peak_mb'] / r['mb']:.1f} MB per MB), {r['findings']:,} findings, last at offset "
            f"{r['last_offset']:,}, exit {r['exit']}"
        )
    print(f"peak memory ratio full/tenth: {big['peak_mb'] / s['peak_mb']:.2f} for 10x the input")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
