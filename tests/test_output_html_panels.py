"""The HTML report's ladder and "who acts" panels, with the bundled lexicons (the fixture set has no
agency or ladder data)."""

from __future__ import annotations

import jargonwatch as jw


def test_html_shows_the_ladder_and_who_acts() -> None:
    text = (
        "Service users will be consulted on the plan. Carers will be consulted on the draft.\n\n"
        "Parents decided how the budget is spent, and <they> chose the staff."
    )
    report = jw.analyze(text, path="plan.md")
    html = report._repr_html_()
    assert report.who_acts, "the bundled pipeline has a parser"
    assert "<caption" in html and "Who acts" in html
    for group in report.who_acts.values():
        if group["agent"] or group["patient"]:
            assert str(group["label"]) in html
    assert any(report.ladder["profile"].values())  # type: ignore[union-attr]
    assert "Participation ladder" in html and "Claimed rung" in html and "Described rung" in html
    assert "4 consultation" in html
    assert "<they>" not in html  # the text is escaped everywhere


def test_html_leaves_out_the_ladder_when_no_sentence_is_about_taking_part() -> None:
    html = jw.analyze("The bus leaves at nine. Bring a coat.", path="note.md")._repr_html_()
    assert "Participation ladder" not in html
