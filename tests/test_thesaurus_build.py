"""The thesaurus builder, run on a tiny fake WordNet folder (no Debian package needed)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from jargonwatch import thesaurus_build as tb
from jargonwatch.thesaurus import FORMAT, ThesaurusError, candidates, load_thesaurus

LICENCE_HEADER = (
    "  1 This software and database is being provided to you, the LICENSEE, by  \n"
    "  2 Princeton University under the following license.  \n"
)

# wndb(5) lines written for these tests. Offsets are keys only; w_cnt is hexadecimal (0a = 10 words),
# lex_id a hex digit ("c" = 12); verb lines end their pointers with frame counts.
DATA = {
    "verb": [
        "00000001 30 v 04 begin 0 start 1 commence 0 get_down 0 001 @ 00000002 v 0000 01 + 02 00 "
        '| take the first step or steps in carrying out an action; "We began working at dawn"  ',
        "00000002 41 v 01 act 0 000 | perform an action  ",
        "00000003 30 v 02 commence c finish_up 0 000 | a sense with no single-word synonym  ",
    ],
    "noun": [
        "00000010 04 n 02 remuneration 0 pay 0 001 @ 00000011 n 0000 | something that remunerates  ",
        "00000011 21 n 01 payment 0 000 | a sum of money paid  ",
        "00000012 18 n 01 Einstein 0 000 | a physicist  ",
        "00000013 04 n 0a make 0 brand 0 w1 0 w2 0 w3 0 w4 0 w5 0 w6 0 w7 0 w8 0 000 | a recognisable kind  ",
    ],
    "adj": [
        "00000100 00 a 01 obligatory 0 001 & 00000101 a 0000 | morally or legally constraining  ",
        "00000101 00 s 03 compulsory 0 mandatory 0 required(p) 0 001 & 00000100 a 0000 "
        '| required by rule; "attendance is mandatory"  ',
    ],
    "adv": [
        "00000200 02 r 02 subsequently 0 later 0 000 | happening at a time after  ",
    ],
}
INDEX = {
    "verb": [
        "begin v 1 1 @ 1 1 00000001  ",
        "commence v 2 1 @ 2 2 00000001 00000003  ",
        "get_down v 1 1 @ 1 0 00000001  ",
    ],
    "noun": [
        "einstein n 1 0 1 0 00000012  ",
        "make n 1 0 1 0 00000013  ",
        "payment n 1 0 1 0 00000011  ",
        "remuneration n 1 1 @ 1 0 00000010  ",
    ],
    "adj": [
        "compulsory a 1 1 & 1 1 00000101  ",
        "mandatory a 1 1 & 1 0 00000101  ",
        "obligatory a 1 1 & 1 0 00000100  ",
    ],
    "adv": ["subsequently r 1 0 1 0 00000200  "],
}
CNTLIST = [
    "begin%2:30:00:: 1 375",
    "start%2:30:01:: 1 159",
    "commence%2:30:00:: 1 8",
    "commence%2:30:12:: 2 3",
    "compulsory%5:00:00:obligatory:00 1 4",
]


@pytest.fixture()
def wordnet(tmp_path: Path) -> Path:
    folder = tmp_path / "wordnet"
    folder.mkdir()
    for name, lines in DATA.items():
        (folder / f"data.{name}").write_text(LICENCE_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    for name, lines in INDEX.items():
        (folder / f"index.{name}").write_text(LICENCE_HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    (folder / "cntlist.rev").write_text("\n".join(CNTLIST) + "\n", encoding="utf-8")
    return folder


def test_parse_data_line_reads_hex_counts_lex_ids_pointers_and_gloss() -> None:
    synset = tb.parse_data_line(DATA["noun"][3], "n")
    assert len(synset.words) == 10 and synset.words[-1] == ("w8", 0)
    verb = tb.parse_data_line(DATA["verb"][2], "v")
    assert verb.words == [("commence", 12), ("finish_up", 0)]
    first = tb.parse_data_line(DATA["verb"][0], "v")
    assert first.pointers == [("@", 2, "v")] and first.lex_filenum == 30
    assert first.gloss.startswith("take the first step")


def test_adjective_markers_are_stripped_and_satellites_fold_into_adjectives() -> None:
    synset = tb.parse_data_line(DATA["adj"][1], "a")
    assert [w for w, _ in synset.words] == ["compulsory", "mandatory", "required"]
    assert synset.ss_type == "s" and synset.pos == "a"


def test_sense_keys_name_the_head_of_a_satellite(wordnet: Path) -> None:
    synsets = tb.read_synsets(wordnet)
    satellite = synsets[("a", 101)]
    assert tb.sense_key(satellite, "compulsory", 0, synsets) == "compulsory%5:00:00:obligatory:00"
    verb = synsets[("v", 3)]
    assert tb.sense_key(verb, "commence", 12, synsets) == "commence%2:30:12::"


def test_compact_gloss_keeps_definition_content_words_only() -> None:
    words = tb.compact_gloss('take the first step or steps in carrying out an action; "We began working"')
    assert words == "take first step steps carrying action"


def test_build_lists_single_word_candidates_with_counts(wordnet: Path) -> None:
    data = tb.build(wordnet)
    lemmas, synsets = data["lemmas"], data["synsets"]
    senses = [tuple(map(int, pair.split(":"))) for pair in lemmas["commence"]["v"].split()]
    assert [count for _, count in senses] == [8, 3]
    first = synsets[senses[0][0]]
    assert first[0] == "v" and first[1] == "begin:375 start:159 commence:8"  # start has lex_id 1
    assert [synsets[int(r)][1] for r in first[2].split()] == ["act:0"]  # the direct hypernym
    assert first[3] == "take first step steps carrying action"
    assert "get_down" not in lemmas  # multi-word lemmas are neither targets nor candidates
    assert "einstein" not in lemmas  # its only synonym is itself, capitalised
    assert lemmas["compulsory"]["a"].endswith(":4")  # satellite counted under its head's sense key
    assert "s" not in {pos for entry in lemmas.values() for pos in entry}


def test_very_common_targets_are_left_out(wordnet: Path) -> None:
    assert "make" not in tb.build(wordnet)["lemmas"]  # wordfreq Zipf above 5.5
    assert "make" in tb.build(wordnet, max_target_zipf=9.0)["lemmas"]


def test_header_names_source_licence_and_counts(wordnet: Path) -> None:
    header = tb.build(wordnet)["header"]
    assert header["source"] == "Princeton WordNet 3.0, via Debian package wordnet-base"
    assert "WordNet 3.0 License" in header["licence"] and "Princeton" in header["copyright"]
    assert header["counts"]["lemmas"] == len(tb.build(wordnet)["lemmas"])
    assert header["counts"]["sense_counts"] == len(CNTLIST)


def test_output_is_deterministic(wordnet: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first, second = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    assert tb.main(["--wordnet", str(wordnet), "--output", str(first)]) == 0
    assert tb.main(["--wordnet", str(wordnet), "--output", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(gzip.decompress(first.read_bytes()))
    assert data["header"]["built"] == "2023-11-14"


def test_missing_wordnet_folder_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert tb.main(["--wordnet", str(tmp_path / "nowhere"), "--output", str(tmp_path / "x.gz")]) == 2
    assert "wordnet-base" in capsys.readouterr().err
    assert not (tmp_path / "x.gz").exists()


def test_the_runtime_reads_a_built_file(wordnet: Path, tmp_path: Path) -> None:
    path = tmp_path / "fake.json.gz"
    assert tb.main(["--wordnet", str(wordnet), "--output", str(path)]) == 0
    fake = load_thesaurus(path)
    assert fake.header["format"] == FORMAT == tb.FORMAT
    assert fake.words(fake.senses("compulsory", "a")[0][0]) == [
        ("compulsory", 4),
        ("mandatory", 0),
        ("required", 0),
    ]
    words = [c.word for c in candidates("commenced", tag="VBD", thesaurus=fake)]
    assert words[0] == "began"
    assert "commenced" not in words and "started" in words
    assert [c.word for c in candidates("remuneration", thesaurus=fake)] == ["pay", "payment"]


def test_a_file_in_another_format_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json.gz"
    path.write_bytes(tb.dump({"header": {"format": 1}, "synsets": [], "lemmas": {}}))
    with pytest.raises(ThesaurusError, match="format"):
        load_thesaurus(path)
