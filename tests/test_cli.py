"""The command line: exit codes, formats, bad input, stdin, directories."""

from __future__ import annotations

import json

import pytest

from jargonwatch.cli import main

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

BAD = "Going forward, staff utilised the care pathways.\n"
GOOD = "We will help you at home.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_codes(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(GOOD)
    bad.write_text(BAD)
    assert run(capsys, "check", str(good))[0] == 0
    code, out, _ = run(capsys, "check", str(bad))
    assert code == 1
    assert "JW104" in out and "Try: used" in out and f"{bad}" in out
    assert run(capsys, "check", "--exit-zero", str(bad))[0] == 0
    assert run(capsys, "check", "--fail-on", "error", str(bad))[0] == 0
    assert run(capsys, "check", "--select", "JW103", str(bad))[0] == 0


def test_usage_errors_exit_2(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(capsys, "check")[0] == 2
    assert run(capsys, "check", "--select", "XY1", str(tmp_path))[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", "x.md"])
    assert exc.value.code == 2


def test_json_output_schema(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.md"
    bad.write_text("# Title\n\n" + BAD)
    code, out, _ = run(capsys, "check", "--format", "json", str(bad))
    assert code == 1
    data = json.loads(out)
    assert data["schema"] == 1 and data["tool"]["name"] == "jargonwatch"
    (file,) = data["files"]
    assert file["path"] == str(bad)
    f = next(x for x in file["findings"] if x["code"] == "JW104")
    assert (f["line"], f["column"], f["end_line"], f["end_column"]) == (3, 22, 3, 30)
    assert f["text"] == "utilised" and f["suggestions"] == ["used"] and f["family"] == "jargon"
    assert data["summary"]["findings"] == len(file["findings"])


def test_bad_files_are_reported_and_others_still_checked(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.md"
    good.write_text(BAD)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Staff utilised the caf\xe9.".encode("latin-1"))
    missing = tmp_path / "missing.md"
    empty_dir = tmp_path / "nothing-here"
    empty_dir.mkdir()
    before = {p: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    args = [
        str(p) for p in (good, tmp_path / "empty.txt", tmp_path / "binary.txt", latin, missing, empty_dir)
    ]
    code, out, err = run(capsys, "check", "--format", "json", *args)
    assert code == 2
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert set(files) == set(args)
    assert any(x["code"] == "JW104" for x in files[str(good)]["findings"])
    for bad, reason in [
        (tmp_path / "empty.txt", "empty"),
        (tmp_path / "binary.txt", "binary"),
        (missing, "no such file"),
        (empty_dir, "directory"),
    ]:
        (finding,) = files[str(bad)]["findings"]
        assert finding["code"] == "JW002" and reason in finding["message"] and str(bad) in finding["message"]
        assert str(bad) in err
    latin_codes = [x["code"] for x in files[str(latin)]["findings"]]
    assert "JW104" in latin_codes and "JW002" in latin_codes
    assert before == {p: p.read_bytes() for p in before}  # nothing was modified


def test_directories_are_searched(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(BAD)
    (tmp_path / "docs" / "b.txt").write_text(GOOD)
    (tmp_path / "docs" / "c.py").write_text("utilise = 1\n")
    (tmp_path / "docs" / ".git").mkdir()
    (tmp_path / "docs" / ".git" / "x.md").write_text(BAD)
    code, out, _ = run(capsys, "check", "--format", "json", str(tmp_path / "docs"))
    assert code == 1
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in json.loads(out)["files"]) == ["a.md", "b.txt"]


def test_stdin(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Heading\n\nStaff utilised it.\n")))
    code, out, _ = run(capsys, "check", "--format", "json", "--stdin-filename", "policy.md", "-")
    assert code == 1
    (file,) = json.loads(out)["files"]
    assert file["path"] == "policy.md"
    assert [f["text"] for f in file["findings"] if f["code"] == "JW104"] == ["utilised"]


def test_explain_and_rules(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "explain", "JW203")
    assert code == 0 and "deficit" in out.lower() and "Better" in out
    assert run(capsys, "explain", "JW999")[0] == 2
    code, out, _ = run(capsys, "rules", "--format", "json")
    assert code == 0 and {r["code"] for r in json.loads(out)} >= {"JW101", "JW203", "JW305", "JW404"}
    code, out, _ = run(capsys, "rules", "--format", "md")
    assert out.startswith("| code |")


def test_lexicon_check_passes_on_fixture(capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "lexicon", "check")
    assert code == 0, out
    assert "0 problems" in out


def test_lexicon_check_reports_a_bad_extra_file(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "mine.yml"
    extra.write_text(
        "code: JW101\nsource: ours\nentries:\n  - term: widget\n    pos: noun\n    plain: [tool]\n"
        "    reason: nobody says widget.\n    colour: red\n    examples: {flag: [A widget.], pass: [A tool.]}\n"
    )
    code, _, err = run(capsys, "lexicon", "check", str(extra))
    assert code == 2 and "colour" in err and "mine.yml" in err


def test_console_script_runs_offline(tmp_path, offline_env) -> None:  # type: ignore[no-untyped-def]
    from conftest import run_cli

    doc = tmp_path / "a.md"
    doc.write_text("We will help you at home.\n")
    result = run_cli("check", str(doc), env=offline_env)
    assert result.returncode == 0, result.stderr
    assert b"no findings" in result.stdout


def test_jobs_give_identical_results(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    for i in range(4):
        (tmp_path / f"d{i}.md").write_text(BAD * (i + 1))
    (tmp_path / "empty.md").write_text("")
    code1, out1, _ = run(capsys, "check", "--format", "json", str(tmp_path))
    code2, out2, _ = run(capsys, "check", "--format", "json", "--jobs", "2", str(tmp_path))
    assert (code1, out1) == (code2, out2)
    assert code1 == 2  # the empty file


def test_output_file_and_formats(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "doc.md"
    doc.write_text(BAD)
    target = tmp_path / "report.html"
    code, out, _ = run(capsys, "check", "--format", "html", "--output", str(target), str(doc))
    assert code == 1 and out == ""
    assert target.read_text().startswith("<!DOCTYPE html>")
    for fmt in ("jsonl", "sarif", "github"):
        assert run(capsys, "check", "--format", fmt, str(doc))[1]


def test_file_past_spacys_max_length(tmp_path, offline_env) -> None:  # type: ignore[no-untyped-def]
    """A 2.5 MB file (spaCy refuses texts over 1,000,000 characters) is analysed in chunks."""
    from conftest import run_cli

    doc = tmp_path / "big.txt"
    paragraph = "Going forward, staff utilised the care pathways. We will help you at home.\n\n"
    doc.write_text(paragraph * (2_500_000 // len(paragraph)), encoding="utf-8")
    out = tmp_path / "big.json"
    result = run_cli(
        "check",
        "--model",
        "blank",
        "--select",
        "JW104",
        "--format",
        "json",
        "-o",
        str(out),
        str(doc),
        env=offline_env,
    )
    assert result.returncode == 1, result.stderr
    findings = json.loads(out.read_text())["files"][0]["findings"]
    assert len(findings) == 2_500_000 // len(paragraph)
    assert findings[-1]["start"] > 2_000_000 and findings[-1]["text"] == "utilised"
