"""HTML masking: tags, comments, scripts and styles become spaces; entities keep their place."""

from __future__ import annotations

import html
import re

from . import blank_out

_HIDDEN = re.compile(r"<(script|style|head|template|noscript|svg)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^<>]*>|<![^<>]*>|<\?[^<>]*>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "tr",
        "div",
        "br",
        "blockquote",
        "section",
        "article",
        "aside",
        "header",
        "footer",
        "nav",
        "main",
        "figure",
        "figcaption",
        "caption",
        "pre",
        "ul",
        "ol",
        "table",
        "title",
        "summary",
        "details",
        "hr",
    ]
)


def mask_html(text: str) -> tuple[str, tuple[int, ...]]:
    chars = list(text)

    def blank(a: int, b: int) -> None:
        blank_out(chars, a, b)

    for pattern in (_HIDDEN, _COMMENT):
        for m in pattern.finditer(text):
            blank(m.start(), m.end())
    masked_once = "".join(chars)
    block_ends: list[int] = []
    for m in _TAG.finditer(masked_once):
        blank(m.start(), m.end())
        if m.group(1) and m.group(1).lower() in BLOCK_TAGS:
            block_ends.append(m.end())
    for m in _ENTITY.finditer(masked_once):
        decoded = html.unescape(m.group(0))
        if len(decoded) <= len(m.group(0)) and decoded != m.group(0):
            replacement = decoded if decoded.strip() else " "
            for k, ch in enumerate(replacement.ljust(m.end() - m.start())):
                chars[m.start() + k] = ch
    masked = "".join(chars)
    blocks = []
    for end in block_ends:
        j = end
        while j < len(masked) and masked[j].isspace():
            j += 1
        if j < len(masked):
            blocks.append(j)
    return masked, tuple(sorted(set(blocks)))
