"""JW202 distancing framing read from the dependency parse (jargonwatch/detectors/distancing.py)."""

from __future__ import annotations

import pytest

import jargonwatch as jw
from jargonwatch.detectors.agency import AgencyReader
from jargonwatch.detectors.distancing import DistancingReader, Paragraph
from jargonwatch.lexicon.loader import load_lexicon
from jargonwatch.lexicon.schema import Distancing
from jargonwatch.pipeline import get_pipeline

CFG = jw.Config(select=["JW202"])


def jw202(text: str, config: jw.Config = CFG) -> list[str]:
    """The JW202 spans the rules (lexicon or grammar) find; findings from trained models are left out."""
    report = jw.analyze(text, config)
    return [f.text for f in report.findings if f.code == "JW202" and not f.source.startswith("model:")]


def test_possessive_over_people_with_adjectives_between() -> None:
    assert jw202("We value the voice of our longstanding tenants.") == ["our longstanding tenants"]
    assert jw202("Most of our frail residents are funded by the council.") == ["our frail residents"]
    assert jw202("We wrote to our newest service users.") == ["our newest service users"]
    assert jw202("One of our former clients has kindly agreed to speak at the event.") == [
        "our former clients"
    ]


def test_demonstrative_over_people() -> None:
    assert jw202("These patients rarely read the letters we send.") == ["These patients"]
    assert jw202("We will phone those tenants again next week.") == ["those tenants"]


def test_grammar_and_lexicon_do_not_both_report_the_same_words() -> None:
    report = jw.analyze("Our service users deserve better, and our residents agree.", CFG)
    found = [(f.text, f.source) for f in report.findings if f.code == "JW202"]
    assert found == [
        ("Our service users", "lexicon:them_us/distancing.yml#our-service-users"),
        ("our residents", "lexicon:them_us/distancing.yml#our-residents"),
    ]
    assert jw202("We wrote to our newest service users.", jw.Config(select=["JW202"])) == [
        "our newest service users"
    ]
    (grammar,) = jw.analyze("We wrote to our newest service users.", CFG).findings
    assert grammar.source == "rule:JW202" and "'our' makes people who use services" in grammar.message


@pytest.mark.parametrize(
    "text",
    [
        "Our staff work hard to keep the building safe.",
        "These services are open every weekday.",
        "Our residents' committee decides how the garden budget is spent.",
        "Those families who have moved recently can ask for a new school place.",
        "Each service user has a named worker.",  # "service user" used neutrally
        "People who use services chair the board and set the budget.",
        "Staff said they wanted more time with our families over the holidays.",  # the staff's own families
        "Our family moved to Leeds last year.",
        'We have stopped saying "our clients".',  # quoting is not using
        "We asked residents what they wanted from the new garden.",
        "We know that services work best when they are designed with the people who use them.",
    ],
)
def test_must_pass(text: str) -> None:
    assert jw202(text) == [], text


def test_they_set_against_we() -> None:
    report = jw.analyze("We explain everything to tenants, but they never listen.", CFG)
    (finding,) = report.findings
    assert finding.text == "they" and "'they' stands for tenants, set against 'we'" in finding.message
    assert jw202("Patients rarely know what is good for them, so we decide for them.") == ["them", "them"]


def test_they_needs_a_people_noun_just_before_and_a_we_in_the_paragraph() -> None:
    # No "we" in the paragraph: "they" is just the residents.
    assert (
        jw202("Residents met in March. They chose the new garden design, but they kept the old bench.") == []
    )
    # The plural noun nearest to "they" is not people ("the rules").
    assert jw202("Many tenants ignore our letters. We explain the rules, but they never listen.") == []
    # A name between the people and "they": "they" may be the company.
    assert jw202("Customers complain. We started with PizzaExpress, but they are not the only one.") == []
    # Another paragraph: the tenants are too far back.
    assert jw202("Tenants wrote to us.\n\nWe explain the rules, but they never listen.") == []


def test_examples_in_the_agency_data() -> None:
    data = load_lexicon().agency
    assert data is not None and data.distancing is not None
    examples = data.distancing.examples
    for text in examples.flag:
        assert jw202(text), text
    for text in examples.pass_:
        assert jw202(text) == [], text


def test_nouns_are_data() -> None:
    lexicon = load_lexicon()
    assert lexicon.agency is not None and lexicon.agency.distancing is not None
    nlp = get_pipeline("auto").nlp
    sent = next(iter(nlp("Our residents and our tenants met the director.").sents))
    only_tenants = Distancing(
        possessives=["our"],
        demonstratives=["these"],
        possessed=["tenant"],
        pointed=["tenant"],
        pronoun_groups=["people"],
        examples=lexicon.agency.distancing.examples.model_dump(by_alias=True),
    )
    reader = DistancingReader(only_tenants, AgencyReader(lexicon.agency))
    assert [sent.doc.text[h.start : h.end] for h in reader.phrases(sent)] == ["our tenants"]
    full = DistancingReader(lexicon.agency.distancing, AgencyReader(lexicon.agency))
    assert [h.kind for h in full.phrases(sent)] == ["possessive", "possessive"]
    paragraph = Paragraph()
    full.feed(sent, paragraph, 0, 0)
    assert paragraph.close() == [] and paragraph.last_plural is None


def test_selection_and_the_blank_pipeline() -> None:
    assert jw202("We value the voice of our longstanding tenants.", jw.Config(select=["JW204"])) == []
    blank = jw.Config(model="blank", select=["JW202"])
    assert jw202("We value the voice of our longstanding tenants.", blank) == []  # needs the parse
    assert jw202("Our service users deserve better.", blank) == [
        "Our service users"
    ]  # the lexicon still works
