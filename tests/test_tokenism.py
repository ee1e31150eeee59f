"""Tokenism (JW301-JW305) from lexicon patterns and from the parse (detectors/involvement.py), and the guard
that keeps criticism of tokenism, and real co-production, from being flagged."""

from __future__ import annotations

import pytest

import jargonwatch as jw
from jargonwatch.lexicon.loader import load_lexicon

CFG = jw.Config(select=["JW3"])


def tokenism(text: str, config: jw.Config = CFG) -> list[tuple[str, str]]:
    """(code, text) of the rule-based tokenism findings; findings from trained models are left out."""
    report = jw.analyze(text, config)
    return [
        (f.code, f.text)
        for f in report.findings
        if f.code.startswith("JW3") and not f.source.startswith("model:")
    ]


def codes(text: str) -> set[str]:
    return {code for code, _ in tokenism(text)}


def test_examples_in_the_agency_data() -> None:
    data = load_lexicon().agency
    assert data is not None and data.involvement is not None
    examples = data.involvement.examples
    assert sorted(examples) == ["JW301", "JW302", "JW303", "JW304", "JW305"]
    for code, cases in examples.items():
        for text in cases.flag:
            assert code in codes(text), (code, text)
        for text in cases.pass_:
            assert code not in codes(text), (code, text)


def test_a_finished_plan_shown_to_people() -> None:
    assert tokenism("Officers presented the draft strategy to the carers' forum.") == [
        ("JW301", "presented the draft strategy")
    ]
    assert tokenism("Parents were consulted on a draft specification.") == [
        ("JW301", "consulted on a draft specification")
    ]
    assert tokenism(
        "Once the model had been agreed by the board, we invited residents to a listening event."
    ) == [("JW301", "Once the model had been agreed by the board")]


def test_a_plan_made_by_staff_counts_only_where_people_came_in_late() -> None:
    assert tokenism("The strategy was developed by officers.") == []
    report = jw.analyze(
        "The strategy was developed by officers. We then presented the draft strategy to carers for comment.",
        CFG,
    )
    made = [f for f in report.findings if f.source == "rule:JW301"]
    assert [f.text for f in made] == ["strategy was developed"]
    assert "made by staff" in made[0].message and made[0].confidence == 0.6


def test_one_finding_per_code_and_sentence() -> None:
    # Both the lexicon ("asked to sign off") and the parse ("sign off the draft strategy") see this.
    assert tokenism("The forum was asked to sign off the draft strategy.") == [("JW301", "asked to sign off")]


def test_single_representative() -> None:
    assert tokenism("Towards the end of the project, we recruited a PPI member to the steering group.") == [
        ("JW302", "a PPI member")
    ]
    assert tokenism("I was the only person at the table who used services.") == [("JW302", "only person")]
    assert "JW302" not in codes("One carer told us the leaflet was hard to read.")
    assert "JW302" not in codes("Four carers sit on the evaluation panel, each with a vote.")


def test_consultation_under_a_coproduction_claim() -> None:
    assert ("JW303", "co-produced") in tokenism(
        "The plan was co-produced with partners, who were consulted on the draft."
    )
    assert "JW303" not in codes(
        "The plan was co-produced: carers and staff wrote it together and carers chaired every meeting."
    )


def test_missing_basics_over_the_document() -> None:
    report = jw.analyze("A carer will be invited to join the programme board.", CFG)
    (finding,) = [f for f in report.findings if f.code == "JW304"]
    assert (
        finding.text == "A carer will be invited to join the programme board." and finding.confidence == 0.5
    )
    assert (
        "never" not in finding.message and "payment, expenses, notice or accessible papers" in finding.message
    )
    paid = "A carer will be invited to join the programme board.\n\nWe pay £25 an hour, plus travel."
    assert "JW304" not in codes(paid)


def test_missing_basics_from_the_lexicon() -> None:
    assert codes("I wasn't paid for any of the meetings.") == {"JW304"}
    assert codes("The papers arrived, on average, two working days before each meeting.") == {"JW304"}
    assert "JW304" not in codes("Everyone on the panel is paid £25 an hour, plus travel.")


def test_vague_commitment_needs_no_power_attached() -> None:
    assert tokenism("We are committed to listening to the views of autistic people.") == [
        ("JW305", "committed to listening")
    ]
    assert tokenism("We value the voices of the families we support.") == [("JW305", "We value the voices")]
    assert (
        codes("We are committed to listening to autistic people, who hold half the votes on the board.")
        == set()
    )
    assert codes("We were keen to hear what people thought.") == set()  # a story, not a commitment


@pytest.mark.parametrize(
    "text",
    [
        "We must not just ask people to sign off plans.",
        "Stop presenting finished plans to the forum for comment.",
        "Tokenism is when people are asked to approve decisions already made.",
        "We will no longer present the draft strategy to carers for comment.",
        "Rather than asking carers to comment on a finished plan, we write it with them.",
        "People who use services chair the board and set the budget.",
        "Carers wrote the first draft of the strategy and chose its priorities.",
        "The report called the process tokenistic.",
    ],
)
def test_criticism_and_real_coproduction_are_not_flagged(text: str) -> None:
    assert tokenism(text) == [], text


def test_describing_tokenism_is_flagged_even_when_criticised() -> None:
    assert codes("I was angry that residents were asked to sign off the plan after it was drafted.") == {
        "JW301"
    }
    assert codes("Nobody was paid for their time, which was wrong.") == {"JW304"}


def test_blank_pipeline_keeps_the_lexicon_only() -> None:
    blank = jw.Config(model="blank", select=["JW3"])
    assert tokenism("Officers presented the draft strategy to the carers' forum.", blank) == []
    assert tokenism("The forum was asked to sign off the strategy.", blank) == [
        ("JW301", "asked to sign off")
    ]
