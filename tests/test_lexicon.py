"""The bundled lexicons: schema, examples (every one, for real), compiled file, docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from jargonwatch.codes import RULES_BY_CODE, rules_markdown
from jargonwatch.lexicon.check import duplicate_forms, example_cases, example_config, judge
from jargonwatch.lexicon.loader import (
    LexiconError,
    _read_compiled,
    bundle_digest,
    compile_bundle,
    lexicon_dir,
    load_lexicon,
)

ROOT = Path(__file__).resolve().parent.parent
LEXICON = load_lexicon()
CASES = example_cases(LEXICON)


@pytest.fixture(scope="module")
def example_reports() -> dict[int, object]:
    from jargonwatch.api import analyze_many

    return dict(enumerate(analyze_many((c.text for c in CASES), example_config())))


@pytest.mark.parametrize("index", range(len(CASES)), ids=[c.label for c in CASES])
def test_lexicon_example(index: int, example_reports: dict[int, object]) -> None:
    problem = judge(CASES[index], example_reports[index])
    assert problem is None, f"{CASES[index].ref} [{CASES[index].kind}] {CASES[index].text!r}: {problem}"


def test_every_entry_has_flag_and_pass_examples() -> None:
    for e in LEXICON.entries:
        assert e.flag_examples and e.pass_examples, e.ref
        assert e.code in RULES_BY_CODE, e.ref
    for a in LEXICON.abbreviations.values():
        assert a.flag_examples and a.pass_examples, a.ref


def test_no_surface_form_belongs_to_two_entries() -> None:
    assert duplicate_forms(LEXICON) == []


def test_compiled_bundle_is_current() -> None:
    root = lexicon_dir()
    assert _read_compiled(root, bundle_digest(root)) is not None, "run `jargonwatch lexicon compile`"


def test_compiled_forms_match_a_fresh_compile() -> None:
    fresh = compile_bundle(lexicon_dir())
    stored = _read_compiled(lexicon_dir(), bundle_digest(lexicon_dir()))
    assert stored is not None and stored["forms"] == fresh["forms"]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "extra.yml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_ENTRY = (
    "  - term: widgetry\n    pos: noun\n    plain: [tools]\n    reason: nobody says this.\n"
    "    examples: {flag: [We sell widgetry.], pass: [We sell tools.]}\n"
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "code: JW101\nsource: ours\nentries:\n"
            + GOOD_ENTRY.replace("pos: noun", "pos: noun\n    colour: red"),
            "colour",
        ),
        ("code: JW101\nsource: ours\nentries:\n" + GOOD_ENTRY.replace("pos: noun", "pos: thing"), "pos"),
        (
            "code: JW101\nsource: ours\nentries:\n" + GOOD_ENTRY.replace("plain: [tools]", "plain: []"),
            "plain",
        ),
        (
            "code: JW101\nsource: ours\nentries:\n"
            + GOOD_ENTRY.replace("pass: [We sell tools.]", "pass: []"),
            "pass",
        ),
        ("code: JW999\nsource: ours\nentries:\n" + GOOD_ENTRY, "JW999"),
        (
            "code: JW101\nsource: ours\nentries:\n  - term: reablement\n    pos: noun\n    plain: [x]\n    reason: dup id.\n"
            "    examples: {flag: [a], pass: [b]}\n",
            "already used",
        ),
        ("code: JW101\nentries: [", "not valid YAML"),
        ("code: JW101\nsource: ours\nentries:\n" + GOOD_ENTRY + "    patterns: [[{SHOUT: x}]]\n", "SHOUT"),
    ],
)
def test_bad_user_lexicons_are_errors_naming_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as exc:
        load_lexicon([_write(tmp_path, text)])
    assert "extra.yml" in str(exc.value)


def test_a_user_lexicon_adds_terms(tmp_path: Path) -> None:
    lexicon = load_lexicon([_write(tmp_path, "code: JW101\nsource: our glossary\nentries:\n" + GOOD_ENTRY)])
    entry = next(e for e in lexicon.entries if e.id == "widgetry")
    assert entry.ref.endswith("extra.yml#widgetry") and entry.source == "our glossary"
    assert len(lexicon.entries) == len(LEXICON.entries) + 1


def test_yaml_words_off_on_yes_no_stay_strings(tmp_path: Path) -> None:
    text = "code: JW301\nsource: ours\nentries:\n" + GOOD_ENTRY.replace("widgetry", "sign off").replace(
        "pos: noun",
        "pos: phrase\n    patterns: [[{LOWER: sign}, {LOWER: off}], [{LOWER: on}, {LOWER: yes}, {LOWER: no}]]",
    ).replace("We sell widgetry.", "Please sign off the plan.").replace(
        "    pos: phrase", "    id: test-sign-off\n    pos: phrase"
    )
    lexicon = load_lexicon([_write(tmp_path, text)])
    entry = next(e for e in lexicon.entries if e.id == "test-sign-off")
    assert entry.pattern_dicts() == [
        [{"LOWER": "sign"}, {"LOWER": "off"}],
        [{"LOWER": "on"}, {"LOWER": "yes"}, {"LOWER": "no"}],
    ]


def test_readme_rules_table_is_current() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- rules:start -->\n", 1)[1].split("<!-- rules:end -->", 1)[0]
    assert table == rules_markdown(), "update the README table with `jargonwatch rules --format md`"


def test_generated_docs_are_current() -> None:
    from jargonwatch.docs import lexicon_reference, rules_reference

    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_reference(), (
        "run `jargonwatch rules --format docs > docs/rules.md`"
    )
    assert (ROOT / "docs" / "lexicon.md").read_text(encoding="utf-8") == lexicon_reference(LEXICON), (
        "run `jargonwatch lexicon reference > docs/lexicon.md`"
    )
