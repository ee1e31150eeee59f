"""Surface forms of lexicon terms and inflected, case-matched suggestions."""

from __future__ import annotations

import pytest

from jargonwatch.lexicon.forms import inflect_suggestion, match_case, surface_forms


def test_verb_forms_and_spellings() -> None:
    forms = surface_forms("utilise", "verb")
    for form, tag in [("utilise", "VB"), ("utilises", "VBZ"), ("utilised", "VBD"), ("utilising", "VBG")]:
        assert forms[form] == tag
    assert "utilize" in forms and "utilized" in forms and "utilizing" in forms


def test_multiword_verb_inflects_first_word() -> None:
    forms = surface_forms("carry out", "verb")
    assert {"carry out", "carries out", "carried out", "carrying out"} <= set(forms)


def test_noun_plural_of_last_word_and_hyphen_variants() -> None:
    forms = surface_forms("care pathway", "noun")
    assert forms["care pathways"] == "NNS"
    hyphen = surface_forms("co-production", "noun")
    assert {"co-production", "co production", "coproduction", "co-productions"} <= set(hyphen)


def test_phrase_is_not_inflected() -> None:
    assert set(surface_forms("prior to", "phrase")) == {"prior to"}


@pytest.mark.parametrize(
    ("suggestion", "pos", "tag", "expected"),
    [
        ("use", "verb", "VBD", "used"),
        ("find out", "verb", "VBD", "found out"),
        ("start", "verb", "VBG", "starting"),
        ("give", "verb", "VBN", "given"),
        ("use", "verb", "VB", "use"),
        ("result", "noun", "NNS", "results"),
        ("people involved", "noun", "NNS", "people involved"),
        ("from now on", "phrase", None, "from now on"),
    ],
)
def test_inflect_suggestion(suggestion: str, pos: str, tag: str | None, expected: str) -> None:
    assert inflect_suggestion(suggestion, pos, tag) == expected


@pytest.mark.parametrize(
    ("suggestion", "matched", "expected"),
    [
        ("use", "Utilise", "Use"),
        ("use", "UTILISE", "USE"),
        ("use", "utilise", "use"),
        ("NHS help", "Reablement", "NHS help"),
    ],
)
def test_match_case(suggestion: str, matched: str, expected: str) -> None:
    assert match_case(suggestion, matched) == expected
