"""Input formats. Text formats are masked in place (offsets stay true); office documents
(.docx, .odt, .pdf) are converted to text with one paragraph per line, and findings are
located by paragraph (Word, OpenDocument) or page (PDF)."""

from __future__ import annotations

from pathlib import Path

MARKDOWN = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT = frozenset({".txt", ".text"})
RST = frozenset({".rst", ".rest"})
HTML = frozenset({".html", ".htm", ".xhtml"})
OFFICE = frozenset({".docx", ".odt", ".pdf"})
SUPPORTED = MARKDOWN | TEXT | RST | HTML | OFFICE


def format_for(path: str | Path) -> str:
    """The format name for a file name: markdown, rst, html, docx, odt, pdf or text (the default)."""
    suffix = Path(path).suffix.lower()
    if suffix in MARKDOWN:
        return "markdown"
    if suffix in RST:
        return "rst"
    if suffix in HTML:
        return "html"
    if suffix in OFFICE:
        return suffix[1:]
    return "text"


def blank_out(chars: list[str], start: int, end: int) -> None:
    """Mask chars[start:end] with spaces, keeping line breaks (so lines and offsets stay true)."""
    for i in range(max(start, 0), min(end, len(chars))):
        if chars[i] not in "\n\r":
            chars[i] = " "
