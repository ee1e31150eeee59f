"""Reading files and masking markup: offsets must stay true."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jargonwatch.sources import (
    UnreadableFile,
    decode,
    make_source,
    mask_markdown,
    mask_text,
    read_source,
)

MD = """---
title: Our strategy
tags: [care]
---

# Our care strategy

We will **improve** home care. See [the plan](https://example.org/plan.pdf) and `code_here`.

- First item without a full stop
- Second item

```python
utilise = "not prose"
```

| Service | Cost |
|---------|------|
| Day centre | Free |

<!-- a comment about reablement -->
Contact care@example.org or visit www.example.org today.
"""


def test_markdown_mask_keeps_length_and_lines() -> None:
    masked, _ = mask_markdown(MD)
    assert len(masked) == len(MD)
    assert [i for i, c in enumerate(MD) if c == "\n"] == [i for i, c in enumerate(masked) if c == "\n"]


def test_markdown_mask_removes_markup_but_keeps_words() -> None:
    masked, _ = mask_markdown(MD)
    for hidden in (
        "title",
        "tags",
        "https",
        "example.org",
        "code_here",
        "utilise",
        "reablement",
        "care@",
        "|",
        "#",
        "**",
        "```",
    ):
        assert hidden not in masked, hidden
    for kept in (
        "Our care strategy",
        "We will",
        "improve",
        "home care",
        "the plan",
        "First item",
        "Day centre",
        "today",
    ):
        assert kept in masked, kept


def test_markdown_blocks_start_headings_items_and_cells() -> None:
    masked, blocks = mask_markdown(MD)
    starts = {masked[b : b + 10] for b in blocks}
    assert "Our care s" in starts
    assert "First item" in starts and "Second ite" in starts
    assert "Day centre" in starts and "Free" in {masked[b : b + 4] for b in blocks}


def test_text_mask_urls_and_bullets() -> None:
    text = "Intro line.\n\n* first point\n2. second point\nSee https://x.org/a?b=c now."
    masked, blocks = mask_text(text)
    assert len(masked) == len(text)
    assert "https" not in masked and "*" not in masked
    assert {masked[b : b + 5] for b in blocks} == {"Intro", "first", "secon"}


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_masking_never_changes_length(text: str) -> None:
    assert len(mask_markdown(text)[0]) == len(text)
    assert len(mask_text(text)[0]) == len(text)


def test_decode_utf8_bom_and_utf16() -> None:
    assert decode(codecs.BOM_UTF8 + "café".encode())[0] == "café"
    assert decode("café".encode("utf-16"))[0] == "café"


def test_decode_falls_back_to_cp1252_and_says_so() -> None:
    text, encoding, notes = decode("It’s a café – “quoted”".encode("cp1252"))
    assert text == "It’s a café – “quoted”"
    assert encoding == "cp1252"
    assert notes and "not valid UTF-8" in notes[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\n", "whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (bytes(range(1, 9)) * 50, "binary"),
    ],
)
def test_unreadable_bytes(tmp_path, data: bytes, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match=reason):
        read_source(path)


def test_missing_directory_and_too_large(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnreadableFile, match="no such file"):
        read_source(tmp_path / "nope.md")
    with pytest.raises(UnreadableFile, match="directory"):
        read_source(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("word " * 300)
    with pytest.raises(UnreadableFile, match="too large"):
        read_source(big, max_bytes=100)


def test_make_source_rejects_unknown_format() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        make_source("text", "docx")
