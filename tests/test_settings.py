"""Configuration files: discovery, precedence, unknown keys, per-file ignores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jargonwatch.cli import main
from jargonwatch.config import ConfigError
from jargonwatch.settings import find_config, load_settings, settings_for

pytestmark = pytest.mark.usefixtures("fixture_lexicons")

BAD = "Going forward, staff utilised the care pathways.\n"


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    code = main(["check", "--format", "json", *args])
    out, _ = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}


def codes_by_file(data: dict) -> dict[str, list[str]]:  # type: ignore[type-arg]
    return {Path(f["path"]).name: sorted({x["code"] for x in f["findings"]}) for f in data["files"]}


def test_nearest_config_wins_and_dotfile_beats_pyproject(tmp_path: Path) -> None:
    find_config.cache_clear()
    (tmp_path / "pyproject.toml").write_text("[tool.jargonwatch]\nselect = ['JW1']\n")
    sub = tmp_path / "policies"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.jargonwatch]: ignored
    assert find_config(sub) == tmp_path / "pyproject.toml"
    (sub / ".jargonwatch.toml").write_text("select = ['JW2']\n")
    find_config.cache_clear()
    assert find_config(sub) == sub / ".jargonwatch.toml"


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    cfg = tmp_path / ".jargonwatch.toml"
    cfg.write_text("select = ['JW1']\ncolour = 'red'\n")
    with pytest.raises(ConfigError, match=r"\.jargonwatch\.toml: unknown setting 'colour'"):
        load_settings(cfg, {})
    cfg.write_text("select = [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(cfg, {})


def test_cli_uses_config_and_flags_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    find_config.cache_clear()
    (tmp_path / ".jargonwatch.toml").write_text("select = ['JW104']\nfail-on = 'error'\n")
    doc = tmp_path / "doc.md"
    doc.write_text(BAD)
    code, data = run_json(capsys, str(doc))
    assert code == 0  # fail-on = error in the file
    assert codes_by_file(data) == {"doc.md": ["JW104"]}
    code, data = run_json(capsys, "--select", "JW102", "--fail-on", "warning", str(doc))
    assert code == 1 and codes_by_file(data) == {"doc.md": ["JW102"]}


def test_cli_reports_bad_config_with_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    find_config.cache_clear()
    (tmp_path / "pyproject.toml").write_text("[tool.jargonwatch]\ntarget-grade = 'easy'\n")
    doc = tmp_path / "doc.md"
    doc.write_text(BAD)
    assert main(["check", str(doc)]) == 2
    assert "pyproject.toml" in capsys.readouterr().err


def test_per_file_ignores_and_explicit_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    find_config.cache_clear()
    (tmp_path / "clinical").mkdir()
    (tmp_path / "clinical" / "a.md").write_text(BAD)
    (tmp_path / "b.md").write_text(BAD)
    (tmp_path / ".jargonwatch.toml").write_text(
        "select = ['JW1']\n[per-file-ignores]\n'clinical/*.md' = ['JW101', 'JW102']\n"
    )
    _, data = run_json(capsys, str(tmp_path))
    assert codes_by_file(data) == {"a.md": ["JW104"], "b.md": ["JW101", "JW102", "JW104"]}
    other = tmp_path / "other.toml"
    other.write_text("select = ['JW102']\n")
    _, data = run_json(capsys, "--config", str(other), str(tmp_path))
    assert codes_by_file(data) == {"a.md": ["JW102"], "b.md": ["JW102"]}


def test_extend_lexicons_relative_to_the_config(tmp_path: Path) -> None:
    find_config.cache_clear()
    (tmp_path / "glossary.yml").write_text(
        "code: JW101\nsource: our glossary\nentries:\n  - term: widgetry\n    pos: noun\n    plain: [tools]\n"
        "    reason: nobody says this.\n    examples: {flag: [We sell widgetry.], pass: [We sell tools.]}\n"
    )
    (tmp_path / ".jargonwatch.toml").write_text("extend-lexicons = ['glossary.yml']\n")
    doc = tmp_path / "d.md"
    settings = settings_for(doc, None, {})
    assert settings.config.extend_lexicons == (str((tmp_path / "glossary.yml").resolve()),)
