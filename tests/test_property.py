"""Property tests: analyze() never raises, and every finding's text is text[start:end]."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import jargonwatch as jw

WORDS = [
    "reablement",
    "utilise",
    "going forward",
    "the CCG",
    "the elderly",
    "our service users",
    "(",
    ")",
    '"',
    "'",
    "\n\n",
    "# ",
    "- ",
    "co-production",
    "key",
    "was made",
    ".",
    ",",
    "NHS",
    "AB",
]


def _check(text: str, fmt: str) -> None:
    report = jw.analyze(text, fmt=fmt)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert f.text == text[f.start : f.end]
    for s in report.sentences:
        assert 0 <= s.start <= s.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.sampled_from(["text", "markdown"]))
def test_arbitrary_unicode(text: str, fmt: str) -> None:
    _check(text, fmt)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORDS) | st.text(max_size=5), max_size=40).map(" ".join),
    st.sampled_from(["text", "markdown"]),
)
def test_jargon_soup(text: str, fmt: str) -> None:
    _check(text, fmt)
