"""Word features for the hard-word model."""

from __future__ import annotations

import pytest

from jargonwatch.lexicon.loader import load_lexicon
from jargonwatch.models.frequency import MISSING, zipf
from jargonwatch.models.words import FEATURES, LexiconWords, Word, affixes, word_features


def _row(*words: Word, lexicon: LexiconWords | None = None) -> dict[str, float]:
    return dict(zip(FEATURES, word_features(list(words), lexicon), strict=True))


def test_zipf_is_case_folded_and_ordered_by_commonness() -> None:
    assert zipf("The") == zipf("the") > 7
    assert zipf("house") > zipf("domicile") > MISSING
    assert zipf("qwzxjkv") == MISSING


def test_hyphenated_words_take_their_rarest_part() -> None:
    assert zipf("rebel-held") == pytest.approx(min(zipf("rebel"), zipf("held")))


def test_one_frequency_bin_and_one_part_of_speech() -> None:
    row = _row(Word("house", "house", "NOUN"))
    assert sum(v for k, v in row.items() if k.startswith("zipf_bin_")) == 1
    assert sum(v for k, v in row.items() if k.startswith("pos_")) == 1
    assert row["pos_NOUN"] == 1


def test_rare_long_words_look_harder_than_common_short_ones() -> None:
    easy = _row(Word("help", "help", "VERB"))
    hard = _row(Word("operationalise", "operationalise", "VERB"))
    assert hard["zipf"] < easy["zipf"]
    assert hard["chars"] > easy["chars"] and hard["syllables"] > easy["syllables"]
    assert hard["suffix"] == 1 and easy["suffix"] == 0
    assert hard["difficult"] == 1 and easy["difficult"] == 0


def test_capitalised_only_counts_inside_a_sentence() -> None:
    assert _row(Word("Leeds", "Leeds", "PROPN"))["capitalised"] == 1
    assert _row(Word("Going", "go", "VERB", sentence_start=True))["capitalised"] == 0
    assert _row(Word("NHS", "NHS", "PROPN"))["all_caps"] == 1


def test_multi_word_targets_use_their_rarest_word() -> None:
    row = _row(Word("the"), Word("veracity"))
    assert row["zipf"] == pytest.approx(zipf("veracity"))
    assert row["words_2"] == 1 and row["words_3plus"] == 0
    assert _row(Word("a"), Word("b"), Word("c"))["words_3plus"] == 1


def test_lexicon_membership() -> None:
    lex = LexiconWords.from_lexicon(load_lexicon())
    assert _row(Word("reablement"), lexicon=lex)["lexicon_jargon"] == 1
    assert _row(Word("kitchen"), lexicon=lex)["lexicon_jargon"] == 0


def test_affixes_are_data() -> None:
    suffixes, prefixes = affixes()
    assert "ation" in suffixes and "co" in prefixes
    assert list(suffixes) == sorted(suffixes, key=len, reverse=True)


def test_empty_target_is_all_zero() -> None:
    assert word_features([]) == [0.0] * len(FEATURES)


def test_frequency_table_matches_wordfreq() -> None:
    """Our direct read of wordfreq's data file gives wordfreq's own frequencies."""
    import math

    from wordfreq import get_frequency_dict

    from jargonwatch.models.frequency import _table

    ours = _table()
    theirs = get_frequency_dict("en", wordlist="large")
    assert len(ours) == len(theirs)
    for word in ("the", "care", "reablement", "commissioning", "co-production", "holistic"):
        if word in theirs:
            assert math.isclose(ours[word], math.log10(theirs[word]) + 9.0, abs_tol=1e-9), word
    sample = list(theirs.items())[::997]
    assert all(math.isclose(ours[w], math.log10(f) + 9.0, abs_tol=1e-9) for w, f in sample)
