"""Reading documents: bytes to text, and markup masked so offsets stay true.

Masking replaces markup with spaces (never removing or adding characters), so
every offset into the masked text is also an offset into the original, and line
and column numbers stay right. It also records where blocks start (paragraphs,
headings, list items, table cells) so that a heading without a full stop is not
glued to the next sentence.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from .formats import SUPPORTED, blank_out
from .formats import format_for as format_for
from .suppress import Directive, find_directives

SUPPORTED_SUFFIXES = SUPPORTED


class UnreadableFile(Exception):
    """A file that cannot be checked; the message says why."""


@dataclass(frozen=True, slots=True)
class Source:
    """A document ready to analyse."""

    text: str
    masked: str
    blocks: tuple[int, ...]
    path: str | None = None
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    fmt: str = "text"
    directives: tuple[Directive, ...] = ()
    # For converted documents: ("paragraph" or "page", start offset of each line, its number).
    units: tuple[str, tuple[int, ...], tuple[int, ...]] | None = None


# -- decoding ------------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Bytes to text: (text, encoding used, notes). Raises UnreadableFile for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig", ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as exc:
            raise UnreadableFile(f"not valid UTF-16 despite its byte order mark ({exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head:
        raise UnreadableFile(
            "binary file (contains NUL bytes); jargonwatch reads text, Markdown, reStructuredText, HTML, Word, OpenDocument and PDF files"
        )
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        raise UnreadableFile(
            "binary file (many control characters); jargonwatch reads text, Markdown, reStructuredText, HTML, Word, OpenDocument and PDF files"
        )
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        position = exc.start
    try:
        text = data.decode("cp1252")
        return (
            text,
            "cp1252",
            (f"not valid UTF-8 (first bad byte at offset {position}); read as Windows-1252 instead",),
        )
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        return (
            text,
            "latin-1",
            (f"not valid UTF-8 (first bad byte at offset {position}); read as Latin-1 instead",),
        )


def read_source(path: str | Path, max_bytes: int = 200_000_000, fmt: str | None = None) -> Source:
    """Read one file as a Source, masked for its format (by suffix unless ``fmt`` is given)."""
    """Read and mask one file. Raises UnreadableFile with a reason for anything that cannot be checked."""
    p = Path(path)
    if not p.exists():
        raise UnreadableFile("no such file")
    if p.is_dir():
        raise UnreadableFile("is a directory")
    if not p.is_file():
        raise UnreadableFile("not a regular file")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise UnreadableFile(f"too large ({size:,} bytes; the limit is {max_bytes:,}, see max-file-bytes)")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    return source_from_bytes(data, str(path), fmt or format_for(p))


def source_from_bytes(data: bytes, path: str | None, fmt: str) -> Source:
    if not data.strip():
        raise UnreadableFile("empty file" if not data else "file contains only whitespace")
    if fmt in {"docx", "odt", "pdf"}:
        return _office_source(data, path, fmt)
    text, encoding, notes = decode(data)
    if not text.strip():
        raise UnreadableFile("file contains no text")
    return make_source(text, fmt, path=path, encoding=encoding, notes=notes)


def _office_source(data: bytes, path: str | None, fmt: str) -> Source:
    from .formats.office import ExtractionError, extract

    try:
        extracted = extract(fmt, data)
    except ExtractionError as exc:
        raise UnreadableFile(str(exc)) from None
    if not extracted.paragraphs:
        raise UnreadableFile(f"no text found in this {fmt.upper()} file (a scan or an image?)")
    text = "\n".join(extracted.paragraphs) + "\n"
    masked, _ = mask_text(text)
    starts, pos = [], 0
    for paragraph in extracted.paragraphs:
        starts.append(pos)
        pos += len(paragraph) + 1
    blocks = tuple(
        b
        for b in (
            _first_text(list(masked), s, s + len(p))
            for s, p in zip(starts, extracted.paragraphs, strict=True)
        )
        if b is not None
    )
    if extracted.pages:
        units = ("page", tuple(starts), tuple(extracted.pages))
    else:
        units = ("paragraph", tuple(starts), tuple(range(1, len(starts) + 1)))
    return Source(text=text, masked=masked, blocks=blocks, path=path, fmt=fmt, units=units)


def make_source(
    text: str,
    fmt: str = "text",
    path: str | None = None,
    encoding: str = "utf-8",
    notes: tuple[str, ...] = (),
) -> Source:
    if fmt == "markdown":
        masked, blocks = mask_markdown(text)
    elif fmt == "text":
        masked, blocks = mask_text(text)
    elif fmt == "html":
        from .formats.html import mask_html

        masked, blocks = mask_html(text)
    elif fmt == "rst":
        from .formats.rst import mask_rst

        masked, blocks = mask_rst(text)
    else:
        raise ValueError(f"unknown format {fmt!r}: use 'text', 'markdown', 'rst' or 'html'")
    directives = find_directives(text, fmt)
    if directives and fmt not in {"markdown", "html"}:  # comments there are masked already
        chars = list(masked)
        for d in directives:
            blank_out(chars, d.start, d.end)
        masked = "".join(chars)
    return Source(
        text=text,
        masked=masked,
        blocks=blocks,
        path=path,
        encoding=encoding,
        notes=notes,
        fmt=fmt,
        directives=directives,
    )


# -- masking -------------------------------------------------------------------------------

_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_BULLET = re.compile(r"[ \t]{0,3}(?:[-*+\u2022\u25aa\u2013]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+")


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end excluding the newline."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def _first_text(chars: list[str], start: int, end: int) -> int | None:
    for i in range(start, end):
        if not chars[i].isspace():
            return i
    return None


def mask_text(text: str) -> tuple[str, tuple[int, ...]]:
    """Plain text: mask URLs and e-mail addresses; blocks start after blank lines and at bullets."""
    chars = list(text)
    for m in _URL.finditer(text):
        blank_out(chars, m.start(), m.end())
    blocks: list[int] = []
    previous_blank = True
    for start, end in _line_spans(text):
        line = text[start:end]
        if not line.strip():
            previous_blank = True
            continue
        bullet = _BULLET.match(line)
        if bullet:
            blank_out(chars, start, start + bullet.end())
        if previous_blank or bullet:
            first = _first_text(chars, start, end)
            if first is not None:
                blocks.append(first)
        previous_blank = False
    return "".join(chars), tuple(blocks)


_FENCE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_SETEXT = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*$")
_RULE = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_TABLE_SEP = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S")
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LINK_TAIL = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_LINK_REF_TAIL = re.compile(r"\]\[[^\]\n]*\]")
_EMPHASIS = re.compile(r"(?<![\w*_~])[*_~]{1,3}(?=\S)|(?<=\S)[*_~]{1,3}(?![\w*_~])")
_FRONT = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n")


def mask_markdown(text: str) -> tuple[str, tuple[int, ...]]:
    """Markdown: mask front matter, code, HTML, URLs and markup characters; keep the words."""
    chars = list(text)
    lines = _line_spans(text)
    skip = [False] * len(lines)

    # Front matter at the very start, closed by the same fence.
    front = _FRONT.match(text)
    if front:
        fence = text[:3]
        for i in range(1, len(lines)):
            s, e = lines[i]
            if text[s:e].strip() in (fence, "..."):
                for j in range(0, i + 1):
                    skip[j] = True
                break

    # Fenced code blocks.
    open_fence: str | None = None
    for i, (s, e) in enumerate(lines):
        if skip[i]:
            continue
        line = text[s:e]
        m = _FENCE.match(line)
        if open_fence is None and m:
            open_fence = m.group(1)[0] * len(m.group(1))
            skip[i] = True
        elif open_fence is not None:
            skip[i] = True
            if m and m.group(1).startswith(open_fence) and not line[m.end() :].strip():
                open_fence = None

    # Indented code blocks: 4+ spaces or a tab after a blank line, outside lists.
    previous_blank = True
    in_list = False
    in_code = False
    for i, (s, e) in enumerate(lines):
        if skip[i]:
            previous_blank = True
            continue
        line = text[s:e]
        if not line.strip():
            previous_blank = True
            continue
        indented = line.startswith(("    ", "\t"))
        if indented and (in_code or (previous_blank and not in_list)):
            skip[i] = True
            in_code = True
        else:
            in_code = False
            if not indented:
                in_list = bool(_BULLET.match(line))
        previous_blank = False

    for i, (s, e) in enumerate(lines):
        if skip[i]:
            blank_out(chars, s, e)

    # Inline spans on the remaining text.
    kept = "".join(chars)
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _URL, _HTML_TAG, _LINK_TAIL, _LINK_REF_TAIL):
        for m in pattern.finditer(kept):
            blank_out(chars, m.start(), m.end())
        kept = "".join(chars)

    blocks: list[int] = []
    previous_blank = True
    for i, (s, e) in enumerate(lines):
        if skip[i]:
            previous_blank = True
            continue
        line = kept[s:e]
        if not line.strip():
            previous_blank = True
            continue
        new_block = previous_blank
        if _REFDEF.match(text[s:e]):
            blank_out(chars, s, e)
            continue
        if _RULE.match(line) or (_SETEXT.match(line) and not previous_blank):
            blank_out(chars, s, e)
            previous_blank = True
            continue
        pos = s
        q = _QUOTE.match(line)
        if q:
            blank_out(chars, s, s + q.end())
            pos = s + q.end()
        h = _HEADING.match(kept, pos, e) if pos < e else None
        if h:
            blank_out(chars, pos, h.end())
            closing = re.search(r"[ \t]#+[ \t]*$", kept[h.end() : e])
            if closing:
                blank_out(chars, h.end() + closing.start(), e)
            new_block = True
        b = _BULLET.match(kept, pos, e)
        if b and not h:
            blank_out(chars, pos, b.end())
            new_block = True
        if "|" in line:
            if _TABLE_SEP.match(line):
                blank_out(chars, s, e)
                previous_blank = False
                continue
            cell_start = s
            for j in range(s, e):
                if kept[j] == "|" and (j == s or kept[j - 1] != "\\"):
                    chars[j] = " "
                    first = _first_text(chars, cell_start, j)
                    if first is not None and line.count("|") >= 2:
                        blocks.append(first)
                    cell_start = j + 1
            if line.count("|") >= 2:
                first = _first_text(chars, cell_start, e)
                if first is not None:
                    blocks.append(first)
        if new_block:
            first = _first_text(chars, s, e)
            if first is not None:
                blocks.append(first)
        previous_blank = False

    # Link brackets and emphasis markers.
    kept = "".join(chars)
    for m in re.finditer(r"!?\[(?=[^\]\n]*\])", kept):
        blank_out(chars, m.start(), m.end())
    kept = "".join(chars)
    for m in _EMPHASIS.finditer(kept):
        blank_out(chars, m.start(), m.end())
    for m in re.finditer(r"\\(?=[\\`*_{}\[\]()#+\-.!|>])", kept):
        blank_out(chars, m.start(), m.end())

    masked = "".join(chars)
    assert len(masked) == len(text)
    return masked, tuple(sorted(set(blocks)))
