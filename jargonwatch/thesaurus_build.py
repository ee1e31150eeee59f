"""Build the plain-word thesaurus from a WordNet database folder.

    python -m jargonwatch.thesaurus_build [--wordnet /usr/share/wordnet] [--output PATH]

The folder is a WordNet 3.0 database in the ``wndb(5)`` layout (Debian's
``wordnet-base`` package installs one in ``/usr/share/wordnet``). We read:

- ``data.noun``, ``data.verb``, ``data.adj``, ``data.adv``: one synset per line
  (offset, lexicographer file number, synset type, word count in hexadecimal,
  each word with its lex_id, the pointer count, the pointers and, after ``|``,
  the gloss);
- ``index.noun`` and friends: every lemma with its synsets, most frequent sense first;
- ``cntlist.rev`` (or ``index.sense``, whichever is present): how often each sense
  was tagged in the semantic concordance texts.

The output (gzip JSON, sorted keys, gzip mtime 0: the same input gives the same
bytes on the same build date; set ``SOURCE_DATE_EPOCH`` to fix the date) holds:

- ``header``: source, licence, build date, tool versions, counts;
- ``synsets``: a list; item ``i`` is ``[pos, words, relations, gloss]``, all
  strings: ``words`` is ``"word:tag_count word:tag_count ..."`` (single words
  only), ``relations`` the space-separated ids of related synsets (direct
  hypernyms of nouns and verbs, verb groups, similar-to for adjectives) and
  ``gloss`` the definition's content words (examples left out), lower case,
  space separated, each once;
- ``lemmas``: ``{lemma: {pos: "synset_id:tag_count ..."}}``, senses in
  WordNet's order (most frequent first), for every single-word lemma that has at
  least one candidate and is not so common that it needs no suggestion.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import gzip
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_WORDNET = Path("/usr/share/wordnet")
FORMAT = 2  # keep in step with jargonwatch.thesaurus.FORMAT
SOURCE = "Princeton WordNet 3.0, via Debian package wordnet-base"
LICENCE = "WordNet 3.0 License (Princeton University)"
COPYRIGHT = "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved."
# Targets at least this common (wordfreq Zipf) get no entry: nobody needs a plainer word for them.
MAX_TARGET_ZIPF = 5.5

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
# Synset type -> the number used in sense keys.
SS_NUMBER = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}
# Pointers kept as "near relations", by part of speech of the source synset.
RELATION_POINTERS = {"n": ("@",), "v": ("@", "$"), "a": ("&",), "r": ()}
_MARKER = re.compile(r"\((?:a|p|ip)\)$")
_WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")
_EXAMPLE = re.compile(r'"[^"]*"')
_GLOSS_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
# Function words left out of the compact glosses (they carry no sense).
_STOPWORD_TEXT = """a about above across after again against all almost also although always am among an and another any
    anything are around as at be because been before being below between both but by can could did do does
    doing done down during each either else etc even ever every for from further had has have having he her
    here hers him his how however i if in into is it its itself just least less like made make many may me
    might more most much must my neither no nor not now of off often on once one only onto or other others
    otherwise our out over own per perhaps rather same several she should since so some something sometimes
    somewhat such than that the their them themselves then there these they thing things this those though
    through thus to too toward towards under until up upon us use used usually very was way we were what
    when where whether which while who whom whose why will with within without would yet you your"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@dataclass
class Synset:
    """One parsed line of a WordNet data file."""

    offset: int
    pos: str  # n, v, a, r (satellites are folded into a)
    ss_type: str  # n, v, a, s, r
    lex_filenum: int
    words: list[tuple[str, int]]  # (word as written, lex_id)
    pointers: list[tuple[str, int, str]]  # (symbol, target offset, target pos letter)
    gloss: str
    counts: list[int] = field(default_factory=list)


def _data_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  ") or not line.strip():
                continue  # the licence header
            yield line.rstrip("\n")


def parse_data_line(line: str, pos: str) -> Synset:
    """Parse one synset line of ``data.<pos>`` (wndb(5) format)."""
    head, _, gloss = line.partition(" | ")
    fields = head.split()
    offset, lex_filenum, ss_type = int(fields[0]), int(fields[1]), fields[2]
    w_cnt = int(fields[3], 16)
    words: list[tuple[str, int]] = []
    i = 4
    for _ in range(w_cnt):
        words.append((_MARKER.sub("", fields[i]), int(fields[i + 1], 16)))
        i += 2
    p_cnt = int(fields[i])
    i += 1
    pointers: list[tuple[str, int, str]] = []
    for _ in range(p_cnt):
        symbol, target, target_pos = fields[i], int(fields[i + 1]), fields[i + 2]
        pointers.append((symbol, target, "a" if target_pos == "s" else target_pos))
        i += 4
    return Synset(offset, pos, ss_type, lex_filenum, words, pointers, gloss.strip())


def read_synsets(wordnet: Path) -> dict[tuple[str, int], Synset]:
    """Every synset, keyed by (pos letter, offset)."""
    out: dict[tuple[str, int], Synset] = {}
    for pos, name in POS_FILES.items():
        for line in _data_lines(wordnet / f"data.{name}"):
            synset = parse_data_line(line, pos)
            out[(pos, synset.offset)] = synset
    return out


def read_index(wordnet: Path) -> dict[tuple[str, str], list[int]]:
    """(lemma, pos) -> synset offsets, in WordNet's sense order (most frequent first)."""
    out: dict[tuple[str, str], list[int]] = {}
    for pos, name in POS_FILES.items():
        for line in _data_lines(wordnet / f"index.{name}"):
            fields = line.split()
            lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
            offsets = [int(f) for f in fields[4 + p_cnt + 2 : 4 + p_cnt + 2 + synset_cnt]]
            out[(lemma, pos)] = offsets
    return out


def read_sense_counts(wordnet: Path) -> dict[str, int]:
    """Sense key -> tag count, from ``index.sense`` (4th column) or else ``cntlist.rev``."""
    counts: dict[str, int] = {}
    index_sense = wordnet / "index.sense"
    if index_sense.is_file():
        for line in _data_lines(index_sense):
            fields = line.split()
            if len(fields) >= 4:
                counts[fields[0]] = int(fields[3])
        return counts
    cntlist = wordnet / "cntlist.rev"
    if cntlist.is_file():
        for line in _data_lines(cntlist):
            fields = line.split()
            if len(fields) >= 3:
                counts[fields[0]] = int(fields[2])
    return counts


def sense_key(synset: Synset, word: str, lex_id: int, synsets: dict[tuple[str, int], Synset]) -> str:
    """The WordNet sense key of ``word`` in ``synset`` (satellites name their cluster head)."""
    head = ""
    if synset.ss_type == "s":
        for symbol, target, target_pos in synset.pointers:
            if symbol == "&" and (target_pos, target) in synsets:
                head_word, head_id = synsets[(target_pos, target)].words[0]
                head = f"{head_word.lower()}:{head_id:02d}"
                break
    prefix = f"{word.lower()}%{SS_NUMBER[synset.ss_type]}:{synset.lex_filenum:02d}:{lex_id:02d}"
    return f"{prefix}:{head}" if head else f"{prefix}::"


def compact_gloss(gloss: str) -> str:
    """The definition's content words, lower case, each once, in order (quoted examples left out:
    on WordNet's own examples, matching a context against definitions alone picked the right sense
    more often than definitions plus examples)."""
    seen: dict[str, None] = {}
    definition = _EXAMPLE.sub(" ", gloss)
    for token in _GLOSS_TOKEN.findall(definition.lower()):
        if len(token) > 2 and token not in STOPWORDS:
            seen.setdefault(token, None)
    return " ".join(seen)


def is_candidate_word(word: str) -> bool:
    """A single lower-case word (letters, inner hyphens or apostrophes): usable as a replacement."""
    return bool(_WORD.match(word)) and "--" not in word


def _zipf_function() -> tuple[str, object]:
    try:
        import wordfreq
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return "none", None
    from importlib.metadata import PackageNotFoundError, version

    table = wordfreq.get_frequency_dict("en", wordlist="large")
    try:
        return version("wordfreq"), table
    except PackageNotFoundError:  # pragma: no cover - imported from a source tree
        return "unknown", table


def build(wordnet: Path, max_target_zipf: float = MAX_TARGET_ZIPF) -> dict[str, object]:
    """The thesaurus as a JSON-ready dict."""
    import math

    synsets = read_synsets(wordnet)
    index = read_index(wordnet)
    counts = read_sense_counts(wordnet)
    wordfreq_version, table = _zipf_function()

    def zipf(word: str) -> float:
        if not isinstance(table, dict):
            return 0.0
        freq = table.get(word.lower(), 0.0)
        return math.log10(freq) + 9 if freq > 0 else 0.0

    for synset in synsets.values():
        synset.counts = [counts.get(sense_key(synset, w, lid, synsets), 0) for w, lid in synset.words]

    def words_of(synset: Synset) -> list[tuple[str, int]]:
        return [(w, c) for (w, _), c in zip(synset.words, synset.counts, strict=True) if is_candidate_word(w)]

    def relations_of(synset: Synset) -> list[tuple[str, int]]:
        wanted = RELATION_POINTERS[synset.pos]
        return [
            (p, t) for s, t, p in synset.pointers if s in wanted and p == synset.pos and (p, t) in synsets
        ]

    # Which lemmas get an entry: single words, not too common, with a candidate other than themselves.
    entries: dict[str, dict[str, list[tuple[str, int]]]] = {}
    for (lemma, pos), offsets in sorted(index.items()):
        if not is_candidate_word(lemma) or zipf(lemma) >= max_target_zipf:
            continue
        keys = [(pos, o) for o in offsets if (pos, o) in synsets]
        has_candidate = any(
            w.lower() != lemma
            for key in keys
            for sk in [key, *relations_of(synsets[key])]
            for w, _ in words_of(synsets[sk])
        )
        if has_candidate:
            entries.setdefault(lemma, {})[pos] = keys

    # Synsets to keep: the senses of kept lemmas and their relations; number them in a stable order.
    needed: set[tuple[str, int]] = set()
    for by_pos in entries.values():
        for keys in by_pos.values():
            for key in keys:
                needed.add(key)
                needed.update(relations_of(synsets[key]))
    order = sorted(needed, key=lambda k: ("nvar".index(k[0]), k[1]))
    ids = {key: i for i, key in enumerate(order)}

    # Pairs are packed into strings ("begin:375 start:159"): JSON parses a few strings far faster
    # than many small lists, which keeps loading the file quick.
    table_out: list[list[str]] = []
    for key in order:
        synset = synsets[key]
        rel_ids = sorted({ids[r] for r in relations_of(synset) if r in ids})
        words = " ".join(f"{w}:{c}" for w, c in words_of(synset))
        table_out.append([synset.pos, words, " ".join(map(str, rel_ids)), compact_gloss(synset.gloss)])

    lemmas_out: dict[str, dict[str, str]] = {}
    for lemma, by_pos in entries.items():
        lemmas_out[lemma] = {}
        for pos, keys in by_pos.items():
            senses = []
            for key in keys:
                synset = synsets[key]
                tag = sum(
                    c for (w, _), c in zip(synset.words, synset.counts, strict=True) if w.lower() == lemma
                )
                senses.append(f"{ids[key]}:{tag}")
            lemmas_out[lemma][pos] = " ".join(senses)

    from . import __version__

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = (
        _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc)
        if epoch
        else _dt.datetime.now(tz=_dt.timezone.utc)
    )
    header = {
        "format": FORMAT,
        "source": SOURCE,
        "licence": LICENCE,
        "copyright": COPYRIGHT,
        "licence_file": "LICENSE-WordNet.txt",
        "built": when.date().isoformat(),
        "tool": f"jargonwatch.thesaurus_build {__version__}",
        "wordfreq": wordfreq_version,
        "max_target_zipf": max_target_zipf,
        "relations": {pos: list(p) for pos, p in RELATION_POINTERS.items()},
        "counts": {
            "lemmas": len(lemmas_out),
            "entries": sum(len(v) for v in lemmas_out.values()),
            "synsets": len(table_out),
            "sense_counts": len(counts),
        },
    }
    return {"header": header, "synsets": table_out, "lemmas": lemmas_out}


def dump(data: dict[str, object]) -> bytes:
    """Deterministic gzip JSON bytes (sorted keys, no gzip timestamp or file name)."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))
    return buffer.getvalue()


def default_output() -> Path:
    from .lexicon.loader import lexicon_dir

    return lexicon_dir() / "thesaurus" / "wordnet.json.gz"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m jargonwatch.thesaurus_build",
        description="Build the plain-word thesaurus (gzip JSON) from a WordNet 3.0 database folder.",
    )
    parser.add_argument("--wordnet", type=Path, default=DEFAULT_WORDNET, help="WordNet dict folder")
    parser.add_argument(
        "--output", type=Path, default=None, help="default: lexicons/thesaurus/wordnet.json.gz"
    )
    parser.add_argument("--max-target-zipf", type=float, default=MAX_TARGET_ZIPF)
    args = parser.parse_args(None if argv is None else list(argv))
    if not (args.wordnet / "data.noun").is_file():
        print(
            f"error: no WordNet database in {args.wordnet} (install it: apt-get install wordnet-base)",
            file=sys.stderr,
        )
        return 2
    data = build(args.wordnet, args.max_target_zipf)
    output = args.output or default_output()
    output.parent.mkdir(parents=True, exist_ok=True)
    payload = dump(data)
    output.write_bytes(payload)
    counts = data["header"]["counts"]  # type: ignore[index]
    print(f"wrote {output} ({len(payload):,} bytes): {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
