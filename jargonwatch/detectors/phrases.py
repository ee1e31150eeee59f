"""A word trie for the lexicon's fixed phrases: the same matches as spaCy's PhraseMatcher on
LOWER (or ORTH), without building a Doc for each of the thousands of surface forms at start-up.

Words are stored as spaCy's string hashes, so a Doc is read with one ``Doc.to_array`` call
instead of creating a Token object per word."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_END = -1  # string hashes are unsigned, so this key never collides with a word


class PhraseTrie:
    def __init__(self, lower: bool = True) -> None:
        from spacy.strings import get_string_id  # spaCy is imported only once a matcher is built

        self.lower = lower
        self.root: dict[int, dict] = {}  # type: ignore[type-arg]
        self.size = 0
        self._hash = get_string_id

    def __len__(self) -> int:
        return self.size

    def add(self, key: str, words: Sequence[str]) -> None:
        if not words:
            return
        node = self.root
        for word in words:
            node = node.setdefault(self._hash(word.lower() if self.lower else word), {})
        node.setdefault(_END, []).append(key)
        self.size += 1

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(key, start token, end token) for every occurrence of every phrase."""
        if not self.root or not len(doc):
            return []
        words = doc.to_array("LOWER" if self.lower else "ORTH").tolist()
        n = len(words)
        out: list[tuple[str, int, int]] = []
        root = self.root
        for i, word in enumerate(words):
            node = root.get(word)
            j = i + 1
            while node is not None:
                for key in node.get(_END, ()):
                    out.append((key, i, j))
                if j >= n:
                    break
                node = node.get(words[j])
                j += 1
        return out
