"""The code registry covers TAXONOMY.md exactly, with docs for every code."""

from __future__ import annotations

import re

from jargonwatch.codes import RULES, RULES_BY_CODE, rules_markdown
from jargonwatch.types import Family

# Every code in TAXONOMY.md (sections 1, 2, 3, 5 and 6).
TAXONOMY_CODES = {
    "JW001",
    "JW002",
    "JW101",
    "JW102",
    "JW103",
    "JW104",
    "JW105",
    "JW106",
    "JW107",
    "JW201",
    "JW202",
    "JW203",
    "JW204",
    "JW301",
    "JW302",
    "JW303",
    "JW304",
    "JW305",
    "JW401",
    "JW402",
    "JW403",
    "JW404",
}


def test_every_taxonomy_code_has_exactly_one_rule() -> None:
    assert [r.code for r in RULES] == sorted(TAXONOMY_CODES)
    assert set(RULES_BY_CODE) == TAXONOMY_CODES


def test_rules_are_documented() -> None:
    names = set()
    for rule in RULES:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name), rule.name
        assert rule.name not in names
        names.add(rule.name)
        for part in (rule.label, rule.summary, rule.what, rule.why, rule.example, rule.better):
            assert part.strip(), (rule.code, part)
        docs = rule.docs()
        for heading in ("## What it flags", "## Why it matters", "## Example", "## Better"):
            assert heading in docs
        assert rule.family == Family.of_code(rule.code)


def test_rules_table_lists_every_code() -> None:
    table = rules_markdown()
    for rule in RULES:
        assert f"| {rule.code} | {rule.name} |" in table
