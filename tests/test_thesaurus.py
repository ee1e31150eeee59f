"""Plain-word suggestions from the bundled WordNet thesaurus."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys

import pytest

from jargonwatch.lexicon.loader import lexicon_dir
from jargonwatch.thesaurus import (
    Candidate,
    ThesaurusError,
    Weights,
    candidates,
    data_path,
    load_thesaurus,
    normalise_pos,
    pos_of_tag,
    suggest,
    zipf,
)


def test_utilise_suggests_use() -> None:
    assert "use" in suggest("utilise")
    assert suggest("utilised")[0] == "used"


@pytest.mark.parametrize("word", ["commence", "commences"])
def test_commence_suggests_start_or_begin(word: str) -> None:
    found = suggest(word)
    assert {"start", "begin", "starts", "begins"} & set(found), found


def test_suggestions_take_the_form_of_the_target() -> None:
    assert {"began", "started"} & set(suggest("commenced"))  # no tag: read from the spelling
    assert "begun" in suggest("commenced", tag="VBN", k=5)
    assert "starting" in suggest("commencing", tag="VBG", k=5)
    assert suggest("purchased")[0] == "bought"
    assert suggest("maniacs", pos="NOUN", tag="NN")[0].endswith("s")  # a plural the tagger missed


def test_suggestions_keep_the_capitalisation() -> None:
    found = suggest("Commence")
    assert {"Begin", "Start"} & set(found) and all(w[0].isupper() for w in found)
    assert suggest("UTILISE")[0] == "USE"


def test_unknown_words_get_nothing() -> None:
    assert suggest("xyzzyplugh") == []
    assert suggest("") == []
    assert suggest("carry out") == []  # single words only


@pytest.mark.parametrize(
    "word", ["utilise", "commence", "remuneration", "ameliorate", "subsequently", "endeavour"]
)
def test_candidates_are_more_common_than_the_target(word: str) -> None:
    found = candidates(word)
    assert found
    for cand in found:
        assert cand.zipf > zipf(word), cand


@pytest.mark.parametrize(
    ("word", "own"),
    [
        ("utilise", {"utilise", "utilize", "utilises", "utilizes", "utilised", "utilized", "utilising"}),
        ("commenced", {"commence", "commences", "commenced", "commencing"}),
    ],
)
def test_never_suggests_the_word_or_one_of_its_forms(word: str, own: set[str]) -> None:
    found = {w.lower() for w in suggest(word, k=50)}
    assert found and not found & own
    # Even with the frequency filter off, where rarer words pass, the word's own forms do not.
    everything = {c.word.lower() for c in candidates(word, weights=Weights(min_gain=-99.0))}
    assert everything >= found and not everything & own


def test_part_of_speech_chooses_the_senses() -> None:
    assert "buy" in suggest("purchase", pos="VERB")
    assert "buy" not in suggest("purchase", pos="noun")
    assert suggest("purchase", pos="v") == suggest("purchase", tag="VB")


def test_context_raises_the_sense_it_is_about() -> None:
    plain = [c.lemma for c in candidates("terminate")]
    fired = [
        c.lemma
        for c in candidates("terminate", context="The firm will terminate his employment: he is dismissed.")
    ]
    assert fired.index("fire") < plain.index("fire")


def test_k_limits_the_list_and_candidates_are_ranked() -> None:
    assert len(suggest("ameliorate", k=1)) == 1
    assert len(suggest("ameliorate", k=4)) == 4
    assert suggest("ameliorate", k=0) == []
    found = candidates("ameliorate")
    assert len({c.word for c in found}) == len(found)  # one entry per word, whatever its part of speech
    assert all(isinstance(c, Candidate) for c in found)
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)


def test_part_of_speech_names() -> None:
    names = ("NOUN", "verb", "ADJ", "s", "adv", None, "PUNCT")
    assert [normalise_pos(p) for p in names] == ["n", "v", "a", "a", "r", None, None]
    tags = ("NNS", "VBD", "JJR", "RB", "IN", None)
    assert [pos_of_tag(t) for t in tags] == ["n", "v", "a", "r", None, None]


def test_the_data_file_is_bundled_with_its_licence() -> None:
    path = data_path()
    assert path == lexicon_dir() / "thesaurus" / "wordnet.json.gz"
    assert path.stat().st_size < 3_500_000
    header = json.loads(gzip.decompress(path.read_bytes()))["header"]
    assert header["source"] == "Princeton WordNet 3.0, via Debian package wordnet-base"
    assert header["licence"] == "WordNet 3.0 License (Princeton University)"
    assert header["counts"]["lemmas"] > 50_000
    licence = (path.parent / header["licence_file"]).read_text(encoding="utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in licence
    assert "THIS SOFTWARE AND DATABASE IS PROVIDED" in licence
    readme = (path.parent / "README.md").read_text(encoding="utf-8")
    assert "python -m jargonwatch.thesaurus_build --wordnet /usr/share/wordnet" in readme


def test_the_thesaurus_is_read_once() -> None:
    assert load_thesaurus() is load_thesaurus()


def test_a_missing_data_file_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ThesaurusError, match="thesaurus_build"):
        load_thesaurus(tmp_path / "missing.json.gz")


def test_suggestions_work_offline(offline_env: dict[str, str]) -> None:
    """In a fresh process whose sockets all fail, and without NLTK (whose WordNet downloads)."""
    code = (
        "import sys\n"
        "from jargonwatch.thesaurus import suggest\n"
        "print(suggest('utilise')[0], suggest('Commenced', tag='VBD')[0])\n"
        "print('nltk' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=offline_env, capture_output=True, text=True, check=True, timeout=300
    )
    assert out.stdout.split() == ["use", "Started", "False"], out.stderr


def test_suggestions_are_spelt_the_british_way() -> None:
    from jargonwatch.thesaurus import british

    assert british("utilize") == "utilise"
    assert british("Organizations") == "Organisations"
    assert british("analyzing") == "analysing"
    assert british("color") == "colour"
    assert british("gotten") == "got"
    for same in ("size", "seized", "prize", "use", "began"):
        assert british(same) == same
    for word in ("use", "employ", "apply", "organise"):
        for suggestion in suggest(word, k=5):
            assert british(suggestion) == suggestion, suggestion
