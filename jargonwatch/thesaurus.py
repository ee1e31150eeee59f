"""Plainer words for any hard word, from a thesaurus derived from WordNet.

The data file ``lexicons/thesaurus/wordnet.json.gz`` (built by
:mod:`jargonwatch.thesaurus_build` from Princeton WordNet 3.0) lists, for each
single-word lemma and part of speech, its senses in WordNet's order with their
sense-tag counts; each sense lists its single-word synonyms and a few near
relations (hypernyms of nouns and verbs, similar adjectives). Everything is read
from disk: nothing is ever downloaded.

:func:`suggest` ranks the candidates on two things:

- *fit*: how likely the candidate's sense is the one meant. Senses are weighted
  by how often WordNet's tagged texts used the target in that sense, raised by
  the overlap between the caller's context and the sense's gloss and words;
  a synonym counts more than a near relation, and a synonym that is itself
  often used in that sense counts more than one that rarely is;
- *simplicity*: the candidate's frequency (wordfreq's Zipf scale), with small
  penalties for length and syllables. A candidate must be more common than
  the word it replaces.

The winner is inflected to the target's form (``lemminflect``) and given its
capitalisation.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .lexicon.forms import match_case
from .lexicon.loader import bundled_dir
from .models.frequency import zipf as word_zipf

DATA_NAME = "wordnet.json.gz"
FORMAT = 2  # the data file layout this module reads (written by jargonwatch.thesaurus_build)

_POS_NAMES = {
    "n": "n",
    "noun": "n",
    "propn": "n",
    "v": "v",
    "verb": "v",
    "aux": "v",
    "a": "a",
    "s": "a",
    "adj": "a",
    "r": "r",
    "adv": "r",
}
_UPOS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
_TAG_POS = (("NN", "n"), ("VB", "v"), ("MD", "v"), ("JJ", "a"), ("RB", "r"))
# Inflections lemminflect may build by rule for a word it does not know.
_OOV_TAGS = frozenset({"NNS", "VBD", "VBN", "VBG", "VBZ"})
_BASE_TAGS = frozenset({"NN", "VB", "VBP", "JJ", "RB"})
_COMPARATIVE = {"JJR": "more", "RBR": "more", "JJS": "most", "RBS": "most"}
# Endings dropped by the crude stemmer that matches context words to definitions, longest first.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ness", "ment", "ers", "er", "ed", "es", "s")
# lemminflect gives American forms where British English differs.
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")


class ThesaurusError(RuntimeError):
    """The thesaurus data file is missing or unreadable."""


@dataclass(frozen=True, slots=True)
class Weights:
    """How the ranking signals are combined.

    The defaults were chosen on the 10 TSAR-2022 trial instances (benchmarks/tsar.py),
    except ``context``: the trial could not tell its values apart, so it was chosen by
    how often it picked the right sense for WordNet's own example sentences (each
    held out of its sense's gloss).

    The score of a candidate is ``log(fit) + zipf * frequency - length * letters
    - syllable * syllables``, where fit is the sense-weighted sum of the
    candidate's appearances among the target's senses.
    """

    frequency: float = 0.5  # per Zipf point of the candidate
    length: float = 0.02  # per letter (a tie-breaker)
    syllable: float = 0.1  # per syllable
    sense_decay: float = 0.8  # prior of a sense with no tag count: decay ** rank
    sense_smoothing: float = 1.0  # added to every sense's tag count
    relation: float = 0.1  # a near relation (hypernym, similar adjective) against a synonym
    usage: float = 0.5  # share of a synonym's weight that depends on its own tag count in the sense
    context: float = 2.0  # per overlapping context word, multiplies a sense's weight by (1 + context * n)
    min_gain: float = 0.0  # the candidate's Zipf must exceed the target's by more than this
    rare_form: float = 2.0  # drop an inflected candidate this many Zipf points rarer than its lemma


DEFAULT_WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored replacement: ``word`` as it would be suggested (inflected, cased)."""

    word: str
    lemma: str
    pos: str
    score: float
    fit: float
    zipf: float
    relation: bool


@dataclass(frozen=True)
class Thesaurus:
    """The loaded data file (format 2: pairs packed into strings, unpacked on first use)."""

    header: dict[str, Any]
    synsets: list[list[str]]
    lemmas: dict[str, dict[str, str]]
    path: Path
    _cache: dict[tuple[str, int], Any] = field(default_factory=dict, repr=False, compare=False)

    def senses(self, lemma: str, pos: str) -> list[tuple[int, int]]:
        """``[(synset id, tag count), ...]`` of a lemma as one part of speech, most frequent first."""
        packed = self.lemmas.get(lemma, {}).get(pos)
        return [_pair_int(p) for p in packed.split()] if packed else []

    def words(self, sid: int) -> list[tuple[str, int]]:
        """``[(word, tag count), ...]``: the single-word members of a sense."""
        key = ("w", sid)
        if key not in self._cache:
            self._cache[key] = [_pair_word(p) for p in self.synsets[sid][1].split()]
        return self._cache[key]  # type: ignore[no-any-return]

    def relations(self, sid: int) -> list[int]:
        """Ids of a sense's near relations (hypernyms, verb groups, similar adjectives)."""
        return [int(r) for r in self.synsets[sid][2].split()]

    def stems(self, sid: int) -> frozenset[str]:
        """Stems of a sense's definition words, its words and its relations' words (for context overlap)."""
        key = ("s", sid)
        if key not in self._cache:
            stems = {_stem(w) for w in self.synsets[sid][3].split()}
            stems.update(_stem(w) for w, _ in self.words(sid))
            for rid in self.relations(sid):
                stems.update(_stem(w) for w, _ in self.words(rid))
            self._cache[key] = frozenset(stems)
        return self._cache[key]  # type: ignore[no-any-return]


def _pair_int(packed: str) -> tuple[int, int]:
    left, _, right = packed.partition(":")
    return int(left), int(right)


def _pair_word(packed: str) -> tuple[str, int]:
    left, _, right = packed.rpartition(":")
    return left, int(right)


def data_path() -> Path:
    """Where the thesaurus lives: ``thesaurus/wordnet.json.gz`` in the bundled lexicons folder."""
    return bundled_dir() / "thesaurus" / DATA_NAME


@lru_cache(maxsize=4)
def load_thesaurus(path: Path | None = None) -> Thesaurus:
    """Read the gzip JSON thesaurus once (about half a second); later calls return the cached object."""
    path = path or data_path()
    try:
        with gzip.open(path, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except (OSError, ValueError) as exc:
        raise ThesaurusError(
            f"cannot read the thesaurus {path}: {exc} (build it with python -m jargonwatch.thesaurus_build)"
        ) from exc
    if not isinstance(data, dict) or data.get("header", {}).get("format") != FORMAT:
        raise ThesaurusError(
            f"{path} is not a format {FORMAT} thesaurus: rebuild it with the current version"
        )
    return Thesaurus(data["header"], data["synsets"], data["lemmas"], path)


def zipf(word: str) -> float:
    """A word's frequency on the Zipf scale (log10 of uses per billion words); 0 when unknown.
    A phrase counts as its rarest word, a little rarer for each extra word."""
    if " " in word:
        parts = [word_zipf(p) for p in word.split()]
        return min(parts) - 0.3 * (len(parts) - 1) if parts else 0.0
    return word_zipf(word)


@lru_cache(maxsize=1)
def _uk_spelling() -> tuple[frozenset[str], dict[str, str]]:
    data = json.loads((bundled_dir() / "thesaurus" / "uk_spelling.json").read_text(encoding="utf-8"))
    return frozenset(data["keep_ize"]), dict(data["us_to_uk"])


_IZE = re.compile(r"(?<=[a-z]{3})(iz|yz)(e|es|ed|ing|ation|ations|er|ers)$")


def british(word: str) -> str:
    """A suggestion respelt in British English: 'utilize' -> 'utilise', 'color' -> 'colour'."""
    keep, whole = _uk_spelling()
    lower = word.lower()
    if lower in whole:
        return match_case(whole[lower], word)
    if any(lower.startswith(k[:-1]) and len(lower) - len(k) <= 3 for k in keep):
        return word
    return match_case(_IZE.sub(lambda m: m.group(1).replace("z", "s") + m.group(2), lower), word)


def normalise_pos(pos: str | None) -> str | None:
    """WordNet's letter (n, v, a, r) for a spaCy UPOS, a lexicon pos name or a WordNet letter."""
    return _POS_NAMES.get(pos.lower()) if pos else None


def pos_of_tag(tag: str | None) -> str | None:
    """WordNet's letter for a Penn Treebank tag (NNS -> n, VBD -> v, JJR -> a, RB -> r)."""
    if tag:
        for prefix, pos in _TAG_POS:
            if tag.startswith(prefix):
                return pos
    return None


def _spelling_key(word: str) -> str:
    """British and American spellings of a word share a key (utilise/utilize, colour/color)."""
    w = word.lower()
    w = re.sub(r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1", w)
    w = re.sub(r"our(s|ed|ing|ful|less)?$", r"or\1", w)
    w = re.sub(r"tre(s)?$", r"ter\1", w)
    w = re.sub(r"ll(ed|ing|er|ers)$", r"l\1", w)
    return w.replace("ae", "e").replace("oe", "e")


@lru_cache(maxsize=50_000)
def _lemmas(word: str, pos: str | None) -> tuple[str, ...]:
    """Possible lemmas of a (lower-case) word, the word itself first."""
    import lemminflect

    out: dict[str, None] = {word: None}
    table = lemminflect.getAllLemmas(word)
    for upos, lemmas in table.items():
        if pos is None or _UPOS.get(pos) == upos:
            out.update(dict.fromkeys(lemmas))
    if not table:
        for upos in [_UPOS[pos]] if pos else _UPOS.values():
            out.update(dict.fromkeys(lemminflect.getAllLemmasOOV(word, upos).get(upos, ())))
    return tuple(out)


@lru_cache(maxsize=50_000)
def _inflect(lemma: str, pos: str, tag: str | None) -> str:
    """``lemma`` in the form ``tag`` asks for (only when the tag belongs to the same part of speech)."""
    if not tag or pos_of_tag(tag) != pos or tag in _BASE_TAGS:
        return lemma
    import lemminflect

    forms = lemminflect.getInflection(lemma, tag=tag)
    if not forms and tag in _OOV_TAGS:
        forms = lemminflect.getInflection(lemma, tag=tag, inflect_oov=True)
    if forms:
        return forms[0]
    if tag in _COMPARATIVE:
        return f"{_COMPARATIVE[tag]} {lemma}"
    return lemma


@lru_cache(maxsize=50_000)
def _all_forms(lemma: str) -> frozenset[str]:
    """Every inflection of a lemma, as spelling keys."""
    import lemminflect

    forms = {lemma}
    for upos in _UPOS.values():
        for values in lemminflect.getAllInflections(lemma, upos=upos).values():
            forms.update(values)
    return frozenset(_spelling_key(f) for f in forms)


def _guess_tag(word: str, lemma: str, pos: str) -> str | None:
    """The Penn tag of ``word`` as a form of ``lemma`` (past tense before participle when both fit)."""
    if word == lemma:
        return None
    import lemminflect

    table = lemminflect.getAllInflections(lemma, upos=_UPOS[pos])
    order = ("NNS", "VBD", "VBN", "VBG", "VBZ", "JJR", "JJS", "RBR", "RBS")
    for tag in order:
        if word in table.get(tag, ()):
            return tag
    return None


@lru_cache(maxsize=100_000)
def _stem(word: str) -> str:
    """A crude stem for matching context words to gloss words (drops common endings)."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _context_stems(context: str | None, exclude: Iterable[str]) -> frozenset[str]:
    if not context:
        return frozenset()
    from .thesaurus_build import STOPWORDS

    skip = {_stem(w) for w in exclude}
    return (
        frozenset(_stem(t) for t in _TOKEN.findall(context.lower()) if len(t) > 2 and t not in STOPWORDS)
        - skip
    )


def _sense_weights(
    thesaurus: Thesaurus,
    senses: list[tuple[int, int]],
    context: frozenset[str],
    weights: Weights,
) -> list[tuple[int, float]]:
    """(synset id, probability) for each sense: tag counts with a rank prior, times the context fit."""
    raw: list[tuple[int, float]] = []
    for rank, (sid, count) in enumerate(senses):
        w = (count + weights.sense_smoothing) * weights.sense_decay**rank
        if context:
            overlap = len(context & thesaurus.stems(sid))
            w *= 1.0 + weights.context * overlap
        raw.append((sid, w))
    total = sum(w for _, w in raw) or 1.0
    return [(sid, w / total) for sid, w in raw]


def candidates(
    word: str,
    *,
    pos: str | None = None,
    lemma: str | None = None,
    tag: str | None = None,
    context: str | None = None,
    weights: Weights = DEFAULT_WEIGHTS,
    thesaurus: Thesaurus | None = None,
) -> list[Candidate]:
    """Every plainer candidate for ``word``, best first (see :func:`suggest`)."""
    from .syllables import syllables

    text = word.strip()
    lower = text.lower()
    if not lower or " " in lower:
        return []
    thesaurus = thesaurus or load_thesaurus()
    wanted = normalise_pos(pos) or pos_of_tag(tag)

    # (lemma, pos) pairs to look up: the given lemma, else lemminflect's lemmas, with -ize spellings too.
    lemmas = [lemma.lower()] if lemma else []
    lemmas += [x for x in _lemmas(lower, wanted) if x not in lemmas]
    lemmas += [_spelling_key(x) for x in lemmas if _spelling_key(x) not in lemmas]
    found = [(x, wanted) for x in lemmas if wanted and thesaurus.senses(x, wanted)]
    if not found:  # the tagger's part of speech is wrong, or none was given: try every part of speech
        lemmas_any = [*lemmas, *(x for x in _lemmas(lower, None) if x not in lemmas)]
        found = [(x, p) for x in lemmas_any for p in "nvar" if thesaurus.senses(x, p)]
    if not found:
        return []

    # The form of the target for each part of speech: the caller's tag, or the spelling when the
    # tag is missing or a base tag (taggers call some plurals NN).
    spelled: dict[str, str] = {}
    for x, p in found:
        if p not in spelled and (t := _guess_tag(lower, x, p)):
            spelled[p] = t
    if tag is None and spelled:  # an inflected form: only the parts of speech it is a form of fit
        found = [(x, p) for x, p in found if p in spelled]
    form_tags = dict(spelled)
    tag_pos = pos_of_tag(tag)
    if tag and tag_pos and (tag not in _BASE_TAGS or tag_pos not in spelled):
        form_tags[tag_pos] = tag

    # How common a word is: its form as written or its lemma, whichever is more common
    # ("buys" is plainer than "purchases" though each form alone is rarer than its lemma).
    target_zipf = max([zipf(lower), *(zipf(x) for x, _ in found)])
    own_forms = set().union(*(_all_forms(x) for x, _ in found), {_spelling_key(lower)})
    context_stems = _context_stems(context, [lower, *(x for x, _ in found)])

    fit: dict[tuple[str, str], float] = {}
    related: dict[tuple[str, str], bool] = {}
    total_weight = {p: 0.0 for _, p in found}
    for x, p in found:
        senses = thesaurus.senses(x, p)
        total_weight[p] += sum(c for _, c in senses) + 1.0
    grand = sum(total_weight.values())
    for x, p in found:
        pos_share = total_weight[p] / grand / sum(1 for _, q in found if q == p)
        for sid, prob in _sense_weights(thesaurus, thesaurus.senses(x, p), context_stems, weights):
            words, relations = thesaurus.words(sid), thesaurus.relations(sid)
            top = max((c for _, c in words), default=0)
            for w, c in words:
                usage = (1 - weights.usage) + weights.usage * (c + 1) / (top + 1)
                key = (w, p)
                fit[key] = fit.get(key, 0.0) + pos_share * prob * usage
                related[key] = False
            for rid in relations:
                rel_words = thesaurus.words(rid)
                share = weights.relation / max(1, len(relations))
                for w, _ in rel_words:
                    key = (w, p)
                    fit[key] = fit.get(key, 0.0) + pos_share * prob * share
                    related.setdefault(key, True)

    out: list[Candidate] = []
    for (cand, p), f in fit.items():
        if _spelling_key(cand) in own_forms:
            continue
        form = _inflect(cand, p, form_tags.get(p))
        if _spelling_key(form) in own_forms:
            continue
        z_form, z = zipf(form), max(zipf(form), zipf(cand))
        if form != cand and z_form < zipf(cand) - weights.rare_form:
            continue  # an inflection hardly anyone uses ("someones", "informations")
        if z <= target_zipf + weights.min_gain:
            continue
        score = (
            math.log(f)
            + weights.frequency * z
            - weights.length * len(form)
            - weights.syllable * sum(syllables(part) for part in form.split())
        )
        out.append(Candidate(british(match_case(form, text)), cand, p, score, f, z, related[(cand, p)]))
    out.sort(key=lambda c: (-c.score, c.word, c.pos))
    best: dict[str, Candidate] = {}
    for c in out:  # a word found as two parts of speech keeps its better score
        best.setdefault(c.word, c)
    return list(best.values())


def suggest(
    word: str,
    *,
    pos: str | None = None,
    lemma: str | None = None,
    tag: str | None = None,
    context: str | None = None,
    k: int = 3,
) -> list[str]:
    """Up to ``k`` plainer words for ``word``, best first; ``[]`` when none is known.

    ``pos`` is a spaCy UPOS (NOUN, VERB, ADJ, ADV), a lexicon pos (noun, verb,
    adj, adv) or a WordNet letter; ``tag`` a Penn tag (NNS, VBD, VBN, VBG, VBZ,
    JJR...), used to inflect the suggestions ("commenced" -> "began"); ``lemma``
    the target's lemma when the caller knows it; ``context`` the sentence, used
    to prefer the sense it is about. Without a tag the form of ``word`` is
    guessed from its spelling. Suggestions keep the capitalisation of ``word``,
    are more frequent than it and are never a form or a spelling of it.
    """
    if k <= 0:
        return []
    return [c.word for c in candidates(word, pos=pos, lemma=lemma, tag=tag, context=context)[:k]]
