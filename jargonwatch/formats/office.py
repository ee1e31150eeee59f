"""Word (.docx), OpenDocument (.odt) and PDF: text out, one paragraph per line.

Office files are archives and PDFs are programs of a sort, so extraction is defensive:
archives are checked for zip bombs (total size, compression ratio, member count) before
anything is inflated, XML with a DOCTYPE is refused (no entity tricks), encrypted PDFs are
refused, and the whole extraction runs in a child process with a time limit and, on
Linux, a memory limit. Anything that goes wrong becomes an UnreadableFile with the reason.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing
import sys
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree as ET

MAX_UNCOMPRESSED = 200_000_000  # bytes inflated from one archive
MAX_RATIO = 200  # inflated / compressed, per member (zip bombs run into the thousands)
MAX_MEMBERS = 20_000
MAX_PAGES = 5_000
TIME_LIMIT_S = 120.0
MEMORY_LIMIT = 2 * 1024**3

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_NS = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class ExtractionError(Exception):
    """Why a document's text could not be extracted."""


@dataclass(frozen=True)
class Extracted:
    """Paragraphs of text, and for PDFs the page each paragraph is on."""

    paragraphs: tuple[str, ...]
    pages: tuple[int, ...] = ()  # parallel to paragraphs; empty unless PDF


# -- archives --------------------------------------------------------------------------


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ExtractionError(f"not a valid document archive ({exc})") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ExtractionError(f"archive has {len(infos):,} members; refusing (zip bomb?)")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise ExtractionError(f"archive would inflate to {total:,} bytes; refusing (zip bomb?)")
    for info in infos:
        if info.file_size > 1_000_000 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise ExtractionError(
                f"member {info.filename!r} is compressed {info.file_size // max(1, info.compress_size)}:1; refusing (zip bomb?)"
            )
    return archive


def _read_xml(archive: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    with archive.open(info) as fh:
        raw = fh.read(MAX_UNCOMPRESSED + 1)
    if len(raw) > MAX_UNCOMPRESSED:
        raise ExtractionError(f"{name} is too large")
    if b"<!DOCTYPE" in raw[:4096] or b"<!ENTITY" in raw:
        raise ExtractionError(f"{name} declares a DOCTYPE or entities; refusing")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise ExtractionError(f"{name} is not well-formed XML ({exc})") from None


def _docx_paragraphs(root: ET.Element) -> list[str]:
    out = []
    for p in root.iter(f"{W}p"):
        parts = []
        for node in p.iter():
            if node.tag == f"{W}t" and node.text:
                parts.append(node.text)
            elif node.tag in (f"{W}tab",) or node.tag in (f"{W}br", f"{W}cr"):
                parts.append(" ")
        text = "".join(parts).strip()
        if text:
            out.append(text)
    return out


def extract_docx(data: bytes) -> Extracted:
    archive = _open_zip(data)
    names = archive.namelist()
    body = _read_xml(archive, "word/document.xml")
    if body is None:
        raise ExtractionError("no word/document.xml: not a Word document")
    paragraphs = []
    for name in sorted(n for n in names if n.startswith("word/header") and n.endswith(".xml")):
        root = _read_xml(archive, name)
        paragraphs += _docx_paragraphs(root) if root is not None else []
    paragraphs += _docx_paragraphs(body)  # tables' cells are paragraphs too
    for name in sorted(
        n for n in names if n.startswith(("word/footer", "word/footnotes")) and n.endswith(".xml")
    ):
        root = _read_xml(archive, name)
        paragraphs += _docx_paragraphs(root) if root is not None else []
    return Extracted(tuple(paragraphs))


def _odt_text(node: ET.Element) -> str:
    parts = [node.text or ""]
    for child in node:
        if child.tag == f"{TEXT_NS}s":
            parts.append(" " * int(child.get(f"{TEXT_NS}c", "1")))
        elif child.tag in (f"{TEXT_NS}tab", f"{TEXT_NS}line-break"):
            parts.append(" ")
        elif child.tag not in (f"{TEXT_NS}note",):
            parts.append(_odt_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def extract_odt(data: bytes) -> Extracted:
    archive = _open_zip(data)
    content = _read_xml(archive, "content.xml")
    if content is None:
        raise ExtractionError("no content.xml: not an OpenDocument text file")
    paragraphs = []
    styles = _read_xml(archive, "styles.xml")
    for root in (styles, content):
        if root is None:
            continue
        for node in root.iter():
            if node.tag in (f"{TEXT_NS}p", f"{TEXT_NS}h"):
                text = " ".join(_odt_text(node).split())
                if text:
                    paragraphs.append(text)
    return Extracted(tuple(paragraphs))


def extract_pdf(data: bytes) -> Extracted:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - a declared dependency
        raise ExtractionError("reading PDF needs the pypdf package") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ExtractionError("encrypted PDF; save an unencrypted copy to check it")
        if len(reader.pages) > MAX_PAGES:
            raise ExtractionError(f"PDF has {len(reader.pages):,} pages; the limit is {MAX_PAGES:,}")
        paragraphs: list[str] = []
        pages: list[int] = []
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            for block in _pdf_paragraphs(text):
                paragraphs.append(block)
                pages.append(number)
    except ExtractionError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        raise ExtractionError(f"not a readable PDF ({type(exc).__name__}: {exc})") from None
    return Extracted(tuple(paragraphs), tuple(pages))


def _pdf_paragraphs(text: str) -> list[str]:
    """PDF text comes as lines; join them into paragraphs at blank lines and after long sentences,
    gluing words hyphenated across a line break back together."""
    out: list[str] = []
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            if current:
                out.append(current)
                current = ""
            continue
        if current.endswith("-") and not current.endswith(" -") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if line.endswith((".", "!", "?")) and len(current) > 300:
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


EXTRACTORS = {"docx": extract_docx, "odt": extract_odt, "pdf": extract_pdf}


# -- running it bounded ----------------------------------------------------------------


def _child(fmt: str, data: bytes, conn) -> None:  # type: ignore[no-untyped-def]
    if sys.platform.startswith("linux"):
        import resource

        with contextlib.suppress(ValueError, OSError):  # not allowed here: run without the limit
            resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    try:
        conn.send(("ok", EXTRACTORS[fmt](data)))
    except ExtractionError as exc:
        conn.send(("error", str(exc)))
    except MemoryError:
        conn.send(("error", "ran out of memory while reading it"))
    except Exception as exc:  # a broken file must never crash the run
        conn.send(("error", f"could not be read ({type(exc).__name__}: {exc})"))
    finally:
        conn.close()


def extract(fmt: str, data: bytes, time_limit: float = TIME_LIMIT_S) -> Extracted:
    """Extract text in a child process, within the time and memory limits."""
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(fmt, data, child), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(time_limit):
            raise ExtractionError(f"took longer than {time_limit:.0f} s to read; stopped")
        try:
            status, value = parent.recv()
        except EOFError:
            raise ExtractionError("the reader stopped unexpectedly (out of memory?)") from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if status != "ok":
        raise ExtractionError(value)
    return value
