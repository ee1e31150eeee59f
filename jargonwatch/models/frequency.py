"""Word frequency on the Zipf scale (log10 of uses per thousand million words), from wordfreq.

wordfreq ships its word lists inside the package, so the lookup is offline. The whole
English "large" list (about 320,000 words) is read once into a dict; a lookup is then a
dictionary access rather than wordfreq's own tokenising call.
"""

from __future__ import annotations

import math
from functools import lru_cache

# Words missing from the list are rarer than anything on it (its floor is about 1.0).
MISSING = 0.0


@lru_cache(maxsize=1)
def _table() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {w: math.log10(f) + 9.0 for w, f in get_frequency_dict("en", wordlist="large").items()}


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
