"""Config: reading settings, rejecting unknown keys, selecting codes."""

from __future__ import annotations

import pytest

from jargonwatch.config import Config, ConfigError
from jargonwatch.types import Severity


def test_from_mapping_reads_toml_style_keys() -> None:
    cfg = Config.from_mapping(
        {
            "select": ["JW1", "jw2"],
            "ignore": "JW106",
            "min-severity": "warning",
            "target-grade": 7,
            "max-sentence-words": 20,
            "allow": ["Reablement"],
            "severity": {"JW203": "error"},
        }
    )
    assert cfg.select == ("JW1", "JW2") and cfg.ignore == ("JW106",)
    assert cfg.min_severity == Severity.WARNING and cfg.target_grade == 7.0
    assert cfg.allow == ("reablement",)
    assert cfg.severity_for("JW203", Severity.WARNING) == Severity.ERROR
    assert cfg.severity_for("JW201", Severity.WARNING) == Severity.WARNING


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"colour": "red"}, "unknown setting 'colour'"),
        ({"select": ["XY1"]}, "not a code"),
        ({"min-severity": "loud"}, "unknown severity"),
        ({"max-sentence-words": "long"}, "whole number"),
        ({"target-grade": 0}, "above 0"),
    ],
)
def test_bad_settings_are_errors_naming_the_key(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Config.from_mapping(data, origin="pyproject.toml")


def test_selection_longest_prefix_wins() -> None:
    cfg = Config(select=("JW1", "JW203"), ignore=("JW10", "JW2"))
    assert not cfg.is_selected("JW101")
    assert cfg.is_selected("JW203") and not cfg.is_selected("JW201")
    assert not cfg.is_selected("JW301")


def test_config_is_hashable_and_immutable() -> None:
    a, b = Config(select=["JW1"]), Config(select=("JW1",))
    assert a == b and hash(a) == hash(b)
    with pytest.raises(AttributeError):
        a.model = "blank"  # type: ignore[misc]
