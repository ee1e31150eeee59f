"""Input formats: reStructuredText, HTML, Word, OpenDocument and PDF, and hostile files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from documents import docx, odt, pdf, zip_bomb

import jargonwatch as jw
from jargonwatch.cli import main
from jargonwatch.formats.html import mask_html
from jargonwatch.formats.rst import mask_rst

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

RST = """Our plan
========

Staff utilised the care pathways.

.. note::

   Going forward this is a note that is masked? No: notes are prose.

.. code-block:: python

   utilise = "not prose"

See ``utilise()`` and :ref:`going forward <target>` and `the site <https://x.org>`_.

::

   a literal block that mentions utilise
"""


def test_rst_masking_keeps_offsets_and_hides_code() -> None:
    masked, blocks = mask_rst(RST)
    assert len(masked) == len(RST)
    assert "Staff utilised the care pathways." in masked
    assert '"not prose"' not in masked and "utilise()" not in masked and "https" not in masked
    assert "literal block" not in masked and "====" not in masked
    assert masked[blocks[0] : blocks[0] + 8] == "Our plan"


HTML = """<!DOCTYPE html><html><head><title>Plan</title><style>p { color: red }</style></head>
<body><h1>Our plan</h1><p>Staff <b>utilised</b> the&nbsp;care pathways &amp; more.</p>
<script>var utilise = 1;</script><!-- going forward --><ul><li>First point</li><li>Second</li></ul></body></html>"""


def test_html_masking() -> None:
    masked, blocks = mask_html(HTML)
    assert len(masked) == len(HTML)
    assert "<" not in masked and "color" not in masked and "var utilise" not in masked
    assert "going forward" not in masked
    starts = {masked[b : b + 5] for b in blocks}
    assert {"Our p", "Staff", "First", "Secon"} <= starts
    report = jw.analyze(HTML, path="plan.html", fmt="html")
    assert [f.text for f in report.findings if f.code.startswith("JW1")] == ["utilised", "care pathways"]


def check_json(capsys: pytest.CaptureFixture[str], *paths: Path) -> tuple[int, dict[str, dict]]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", *map(str, paths)])
    out, _ = capsys.readouterr()
    return code, {Path(f["path"]).name: f for f in json.loads(out)["files"]}


def test_word_document_paragraphs_tables_headers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "plan.docx"
    doc.write_bytes(
        docx(
            ["Our care plan", "Staff utilised the care pathways."],
            header="Going forward",
            table=["Cell about reablement"],
        )
    )
    code, files = check_json(capsys, doc)
    assert code == 1
    found = {
        (f["code"], f["text"], f["paragraph"])
        for f in files["plan.docx"]["findings"]
        if f["code"].startswith("JW1")
    }
    assert found == {
        ("JW102", "Going forward", 1),
        ("JW104", "utilised", 3),
        ("JW101", "care pathways", 3),
        ("JW101", "reablement", 4),
    }


def test_opendocument(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "plan.odt"
    doc.write_bytes(odt(["Staff utilised it."], heading="Going forward"))
    _, files = check_json(capsys, doc)
    assert {
        (f["text"], f["paragraph"]) for f in files["plan.odt"]["findings"] if f["code"].startswith("JW1")
    } == {
        ("Going forward", 1),
        ("utilised", 2),
    }


def test_pdf_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = tmp_path / "plan.pdf"
    doc.write_bytes(pdf([["Our plan for care."], ["Staff utilised the care pathways."]]))
    _, files = check_json(capsys, doc)
    found = {(f["text"], f["page"]) for f in files["plan.pdf"]["findings"] if f["code"].startswith("JW1")}
    assert found == {("utilised", 2), ("care pathways", 2)}
    text = main(["check", str(doc)])
    assert text == 1 and "page 2" in capsys.readouterr().out


def test_hostile_and_broken_files_are_jw002(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pypdf = pytest.importorskip("pypdf")
    files = {
        "bomb.docx": zip_bomb(),
        "corrupt.docx": b"PK\x03\x04 not really a zip",
        "notword.docx": odt(["x"]),
        "broken.pdf": b"%PDF-1.4\nthis is not a pdf\n",
        "image.pdf": pdf([[]]),
    }
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(__import__("io").BytesIO(pdf([["Secret plan."]]))))
    writer.encrypt("secret")
    import io

    buf = io.BytesIO()
    writer.write(buf)
    files["locked.pdf"] = buf.getvalue()
    good = tmp_path / "good.md"
    good.write_text("Staff utilised it.\n")
    paths = [good]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        paths.append(tmp_path / name)
    code, out = check_json(capsys, *paths)
    assert code == 2
    assert any(f["code"] == "JW104" for f in out["good.md"]["findings"])
    reasons = {name: out[name]["findings"][0]["message"] for name in files}
    assert "zip bomb" in reasons["bomb.docx"]
    assert "not a valid document archive" in reasons["corrupt.docx"]
    assert "not a Word document" in reasons["notword.docx"]
    assert "not a readable PDF" in reasons["broken.pdf"] or "no text" in reasons["broken.pdf"]
    assert "no text found" in reasons["image.pdf"]
    assert "encrypted" in reasons["locked.pdf"]
    for name in files:
        assert out[name]["findings"][0]["code"] == "JW002"


def test_xml_with_entities_is_refused(tmp_path: Path) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><w:document xmlns:w="x">&lol;</w:document>',
        )
    path = tmp_path / "lol.docx"
    path.write_bytes(buf.getvalue())
    report = jw.analyze_file(path)
    assert report.unreadable and "DOCTYPE" in report.findings[0].message


def test_extraction_time_limit() -> None:
    from jargonwatch.formats.office import ExtractionError, extract

    with pytest.raises(ExtractionError, match="took longer"):
        extract("pdf", pdf([["x"] * 5] * 400), time_limit=0.001)
