"""Word frequency on the Zipf scale (log10 of uses per thousand million words), from wordfreq.

wordfreq ships its word lists inside the package, so the lookup is offline. The whole
English "large" list (about 320,000 words) is read once into a dict; a lookup is then a
dictionary access rather than wordfreq's own tokenising call.

The list is read straight from wordfreq's data file, without importing the wordfreq package
(whose import pulls in langcodes, ftfy and regex and costs a noticeable part of start-up). The
file is a gzipped msgpack "cBpack": a header, then one list of words per centibel of frequency,
most frequent first, so the words in list ``i`` have frequency 10 ** (-i / 100) and Zipf value
9 - i / 100; ``wordfreq.get_frequency_dict`` reads the same file the same way (a test compares).
"""

from __future__ import annotations

import gzip
import importlib.util
from functools import lru_cache
from pathlib import Path

# Words missing from the list are rarer than anything on it (its floor is about 1.0).
MISSING = 0.0


WORDLIST = "large_en.msgpack.gz"


def wordlist_path() -> Path:
    """wordfreq's English "large" list, found without importing the package."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed; reinstall jargonwatch with its dependencies")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / WORDLIST


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    import msgpack

    with gzip.open(wordlist_path(), "rb") as fh:
        pack = msgpack.load(fh, raw=False)
    header, bins = pack[0], pack[1:]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{wordlist_path()}: not a wordfreq cBpack version 1 file")
    table: dict[str, float] = {}
    for index, words in enumerate(bins):
        value = 9.0 - index / 100
        for word in words:
            table.setdefault(word, value)
    return table


def zipf(word: str) -> float:
    """The Zipf frequency of one word, case-folded; ``MISSING`` when wordfreq does not know it."""
    w = word.lower().replace("\u2019", "'")
    table = _table()
    value = table.get(w)
    if value is not None:
        return value
    if "-" in w:  # "rebel-held": as rare as its rarest part
        parts = [p for p in w.split("-") if p]
        if parts:
            return min(table.get(p, MISSING) for p in parts)
    return MISSING
