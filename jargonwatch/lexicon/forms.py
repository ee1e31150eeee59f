"""Surface forms of lexicon terms, and suggestions inflected to fit a match.

A term is written once in its base form; this module produces every form the
matcher should know (inflections, -ise/-ize spellings, hyphen variants), each
tagged with the Penn tag of its inflection so that a suggestion can be given in
the same form ("utilised" -> "used").
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOUN_TAGS = ("NN", "NNS")
_VERB_TAGS = ("VB", "VBZ", "VBD", "VBN", "VBG")
_ISE = re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)\b")
_IZE = re.compile(r"iz(e|es|ed|ing|ation|ations|er|ers)\b")


@lru_cache(maxsize=20_000)
def inflections(word: str, upos: str) -> dict[str, str]:
    """Penn tag -> inflected form of ``word`` (lemminflect, with rules for unknown words)."""
    import lemminflect  # imported lazily: it imports spaCy

    table = lemminflect.getAllInflections(word, upos=upos) or lemminflect.getAllInflectionsOOV(
        word, upos=upos
    )
    out = {tag: forms[0] for tag, forms in table.items() if forms}
    if upos == "VERB":
        out.setdefault("VB", word)
        out.setdefault("VBN", out.get("VBD", word))
    else:
        out.setdefault("NN", word)
    return out


def _spelling_variants(text: str) -> set[str]:
    """-ise/-ize and hyphen/space/closed-up variants of a form."""
    out = {text, _ISE.sub(r"iz\1", text), _IZE.sub(r"is\1", text)}
    for form in list(out):
        if "-" in form:
            out.add(form.replace("-", " "))
            out.add(form.replace("-", ""))
    return {re.sub(r"\s+", " ", f).strip() for f in out if f.strip()}


def surface_forms(form: str, pos: str) -> dict[str, str | None]:
    """Every surface form of ``form`` (lower-cased unless the caller keeps case) -> its Penn tag."""
    words = form.split(" ")
    out: dict[str, str | None] = {}
    if pos == "noun":
        head = words[-1]
        for tag, infl in inflections(head, "NOUN").items():
            if tag in _NOUN_TAGS:
                out[" ".join([*words[:-1], infl])] = tag
    elif pos == "verb":
        head = words[0]
        for tag, infl in inflections(head, "VERB").items():
            if tag in _VERB_TAGS and " ".join([infl, *words[1:]]) not in out:
                out[" ".join([infl, *words[1:]])] = tag
    out.setdefault(form, None)
    expanded: dict[str, str | None] = {}
    for text, tag in out.items():
        for variant in _spelling_variants(text):
            expanded.setdefault(variant, tag)
    return expanded


def inflect_suggestion(suggestion: str, pos: str, tag: str | None) -> str:
    """Put a base-form suggestion into the form of the match (tense for verbs, number for nouns)."""
    if not tag or tag in {"VB", "VBP", "NN"}:
        return suggestion
    words = suggestion.split(" ")
    if pos == "verb" and tag in _VERB_TAGS:
        forms = inflections(words[0], "VERB")
        words[0] = forms.get(tag, words[0])
    elif pos == "noun" and tag == "NNS" and len(words) <= 3 and not words[-1].endswith("s"):
        import lemminflect

        known = lemminflect.getAllInflections(words[-1], upos="NOUN")  # {} unless a known noun
        if known.get("NNS"):
            words[-1] = known["NNS"][0]
    return " ".join(words)


def match_case(suggestion: str, matched: str) -> str:
    """Give ``suggestion`` the capitalisation pattern of ``matched``."""
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return suggestion.upper()
    if letters and matched[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion
