"""Who acts, and JW204 passive recipients, read from the dependency parse."""

from __future__ import annotations

import json

import jargonwatch as jw

CFG = jw.Config(select=["JW204"])


def spans(text: str) -> list[str]:
    return [f.text for f in jw.analyze(text, CFG).findings]


def test_people_only_on_the_receiving_end_are_flagged() -> None:
    assert spans("Service users will be consulted on the new model.") == ["Service users will be consulted"]
    assert spans("Families are managed by the early help team.") == ["Families are managed"]
    assert spans("We will engage hard-to-reach groups through a survey.") == ["engage hard-to-reach groups"]
    assert spans("Residents will be kept informed through the website.") == ["Residents will be kept"]


def test_people_who_act_or_are_asked_to_act_are_not_flagged() -> None:
    for text in [
        "Carers chaired the panel and decided how to spend the budget.",
        "Residents were invited to share their views.",  # asked to act: the people do something
        "Residents were consulted, and they wrote the first draft themselves.",
        "I told two different carers that it did not suit me.",  # everyday talk, not a service action
        "The report was published in March.",
        'We must stop writing "service users will be consulted" in our plans.',  # quoting is not using
    ]:
        assert spans(text) == [], text


def test_more_shapes_of_passive_recipients() -> None:
    # "informed" read as an adjective after "be"; a list item with nobody doing the moving; a new verb
    assert spans("Patients and families are fully informed about the discharge process.") == [
        "Patients and families are fully informed"
    ]
    assert spans("Closing the day centre and moving people to the other two.") == ["moving people"]
    assert spans("Participants were recruited through the day centre.") == ["Participants were recruited"]


def test_recipients_not_flagged_when_criticised_quoted_or_not_people() -> None:
    for text in [
        "We should stop managing families and start listening to them.",  # criticises the practice
        'The report said families would be "kept informed going forward".',  # the verb is quoted
        "Moving people and equipment around the Arctic is expensive.",  # logistics, not people
        "Each service user has a named worker.",  # "service user" used neutrally
        "People who use services chair the board and set the budget.",
        "Residents decided where the families would be placed.",  # the residents act in the sentence
    ]:
        assert spans(text) == [], text


def test_contested_note_gives_way_to_the_warning() -> None:
    report = jw.analyze("Each service user will be consulted.", jw.Config(select=["JW2"]))
    assert [f.code for f in report.findings] == ["JW204"]


def test_who_acts_in_report_and_json() -> None:
    report = jw.analyze("The council consulted residents. Carers chaired the panel and decided the budget.")
    who = report.who_acts
    assert who["carers"]["agent"] == 2 and who["carers"]["agent_verbs"] == {"chair": 1, "decide": 1}
    assert who["people"]["patient"] == 1 and who["people"]["patient_verbs"] == {"consult": 1}
    assert who["organisation"]["agent_verbs"]["consult"] == 1
    data = json.loads(report.to_json())["files"][0]["who_acts"]
    assert data["carers"]["label"] == "carers and families"


def test_blank_pipeline_skips_jw204_and_who_acts() -> None:
    report = jw.analyze("Service users will be consulted.", jw.Config(model="blank", select=["JW204"]))
    assert report.findings == () and report.who_acts == {}
    assert any("JW204" in s for s in report.skipped)


def test_ladder_rungs_and_claimed_against_described() -> None:
    text = (
        "This strategy was co-produced with local people. We consulted residents through an online survey. "
        "We published the results on our website."
    )
    report = jw.analyze(text)
    # The claim sentence is a claim, whatever its rung: the description comes from the others.
    assert [s.rung for s in report.sentences][1:] == [4, None]
    assert report.ladder["claimed"] == 6 and report.ladder["described"] == 4
    (jw303,) = [f for f in report.findings if f.code == "JW303" and f.text == "co-produced"]
    assert "consultation (rung 4 of 8)" in jw303.message
    real = jw.analyze(
        "This plan was co-produced. Carers chaired the panel and decided how to spend the budget."
    )
    assert real.ladder["described"] == 7
    assert not [f for f in real.findings if f.code == "JW303" and f.text == "co-produced"]


def test_relative_clauses_that_point_at_each_other_end() -> None:
    """A bad parse can chain relative pronouns into a cycle; reading it must stop, not recurse."""
    from types import SimpleNamespace

    from jargonwatch.detectors.agency import AgencyReader
    from jargonwatch.lexicon.loader import load_lexicon

    reader = AgencyReader(load_lexicon().agency)  # type: ignore[arg-type]
    x = SimpleNamespace(lower_="who", dep_="nsubj", pos_="PRON")
    y = SimpleNamespace(lower_="said", dep_="relcl", pos_="VERB")
    z = SimpleNamespace(lower_="that", dep_="nsubj", pos_="PRON")
    w = SimpleNamespace(lower_="went", dep_="relcl", pos_="VERB")
    x.head, y.head, z.head, w.head = y, z, w, x
    assert reader.group_of(x) is None  # type: ignore[arg-type]
