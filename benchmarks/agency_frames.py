"""Our verb lists against the connotation frames of power and agency (Sap et al. 2017).

    python benchmarks/agency_frames.py [--data ../shared/data/agency-power-frames]

The lists were written for the project (lexicons/agency.yml and lexicons/ladder.yml); the
Sap et al. lexicon, read in place from ../shared/data and never copied, is only a check on
them. Two expectations follow from TAXONOMY.md:

1. JW204's recipient verbs are things professionals do *to* people, so the lexicon should
   mostly say the verb's subject holds power over its object (``power_agent``);
2. on the participation ladder, the verbs that people themselves do should give their
   subject more agency (``agency_pos``) the higher the rung: "cope" and "receive" low down,
   "decide" and "lead" at the top.

Multi-word entries ("keep informed") are looked up by their first word, and -ise verbs also
by their -ize spelling. The script prints
coverage, the label shares and the verbs that disagree, for a person to review.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "data" / "agency-power-frames"


def read_frames(path: Path) -> dict[str, tuple[str, str]]:
    """verb -> (agency label, power label)."""
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["verb"].strip().lower(): (row["agency"], row["power"]) for row in csv.DictReader(fh)}


def look_up(verb: str, frames: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    """The frame of a verb (or of its first word), trying the -ize spelling of an -ise verb: the
    lexicon is in US English, our lists in UK English."""
    first = verb.lower().split()[0]
    for form in (verb.lower(), first, first[:-3] + "ize" if first.endswith("ise") else ""):
        if form in frames:
            return frames[form]
    return None


def share(labels: Counter[str], label: str) -> str:
    total = sum(labels.values())
    return f"{labels[label] / total:.2f}" if total else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    args = parser.parse_args()
    path = args.data / "agency_power.csv"
    if not path.is_file():
        print(f"skipped: {path} not found (evaluation data lives in ../shared/data)")
        return 0
    from jargonwatch.lexicon.loader import load_lexicon

    frames = read_frames(path)
    lexicon = load_lexicon()
    if lexicon.agency is None or lexicon.ladder is None:
        print("skipped: the lexicon has no agency or ladder data")
        return 0

    verbs = list(lexicon.agency.recipient_verbs)
    found = {v: look_up(v, frames) for v in verbs}
    power = Counter(f[1] for f in found.values() if f)
    print(
        f"JW204 recipient verbs: {len(verbs)}; in the Sap et al. lexicon: {sum(1 for f in found.values() if f)}"
    )
    print(
        f"  power_agent {share(power, 'power_agent')}, power_equal {share(power, 'power_equal')}, "
        f"power_theme {share(power, 'power_theme')}"
    )
    odd = sorted(v for v, f in found.items() if f and f[1] != "power_agent")
    print(f"  not power_agent, to review: {', '.join(f'{v} ({found[v][1]})' for v in odd) or 'none'}")  # type: ignore[index]
    print(f"  not in the lexicon: {', '.join(sorted(v for v, f in found.items() if not f)) or 'none'}\n")

    print(
        "| rung | name | people's own verbs in the lexicon | agency_pos | organisation's verbs: power_agent |"
    )
    print("|---|---|---|---|---|")
    for rung in lexicon.ladder.rungs:
        own = [f for v in rung.people_agent_verbs if (f := look_up(v, frames))]
        org = [f for v in rung.verbs if (f := look_up(v, frames))]
        agency = Counter(f[0] for f in own)
        org_power = Counter(f[1] for f in org)
        print(
            f"| {rung.rung} | {rung.name} | {len(own)} of {len(rung.people_agent_verbs)} "
            f"| {share(agency, 'agency_pos')} | {share(org_power, 'power_agent')} ({len(org)} of {len(rung.verbs)}) |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
