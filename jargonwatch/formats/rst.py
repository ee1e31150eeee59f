"""reStructuredText masking: directives, comments, literal blocks, roles and markup become spaces."""

from __future__ import annotations

import re

from . import blank_out

_ADORNMENT = re.compile(r"^([=\-`:'\"~^_*+#<>.])\1{2,}\s*$")
_EXPLICIT = re.compile(r"^(\s*)\.\.(?:\s|$)")
_FIELD = re.compile(r"^\s*:[^:\n]+:(?=\s|$)")
_BULLET = re.compile(r"^(\s*)(?:[-*+\u2022]|\d+[.)]|#\.)\s+")
_INLINE_LITERAL = re.compile(r"``.+?``")
_ROLE = re.compile(r":[A-Za-z][\w:+.-]*:(?=`)")
_TARGET_TAIL = re.compile(r"\s*<[^<>\n]+>(?=`_{1,2})")
_MARKUP = re.compile(r"(?<![\w`])(\*\*|\*|`)(?=\S)|(?<=\S)(\*\*|\*|`_{0,2})(?![\w`])")
_URL = re.compile(r"\bhttps?://[^\s<>`]+")


def mask_rst(text: str) -> tuple[str, tuple[int, ...]]:
    chars = list(text)
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    def blank(a: int, b: int) -> None:
        blank_out(chars, a, b)

    skip_indent: int | None = None  # inside a comment, directive or literal block deeper than this
    literal_next = False
    blocks: list[int] = []
    previous_blank = True
    for n, line in enumerate(lines):
        start, end = offsets[n], offsets[n] + len(line)
        stripped = line.strip()
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not stripped or indent > skip_indent:
                blank(start, end)
                continue
            skip_indent = None
        if not stripped:
            previous_blank = True
            continue
        if literal_next and previous_blank:
            literal_next = False
            if indent > 0:
                skip_indent = indent - 1
                blank(start, end)
                continue
        explicit = _EXPLICIT.match(line)
        if explicit:
            blank(start, end)
            skip_indent = len(explicit.group(1))
            previous_blank = False
            continue
        if _ADORNMENT.match(line):
            blank(start, end)
            previous_blank = True
            continue
        field = _FIELD.match(line)
        if field:
            blank(start, start + field.end())
        bullet = _BULLET.match(line)
        if bullet:
            blank(start, start + bullet.end())
        if previous_blank or bullet:
            first = start + (bullet.end() if bullet else indent)
            if first < end:
                blocks.append(first)
        if stripped.endswith("::"):
            literal_next = True
            blank(end - 2, end) if stripped == "::" or line.endswith(" ::") else blank(end - 1, end)
        previous_blank = False
    kept = "".join(chars)
    for pattern in (_INLINE_LITERAL, _URL, _ROLE, _TARGET_TAIL):
        for m in pattern.finditer(kept):
            blank(m.start(), m.end())
        kept = "".join(chars)
    for m in _MARKUP.finditer(kept):
        blank(m.start(), m.end())
    return "".join(chars), tuple(blocks)
