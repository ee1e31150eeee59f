"""The HTML report in a real browser: headless Chromium renders it without console errors and
every finding is visible (its mark in the text, its reference number and its explanation)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jargonwatch.cli import main

HERE = Path(__file__).parent

pytestmark = [
    pytest.mark.usefixtures("fixture_lexicons"),
    pytest.mark.skipif(
        not (Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists()),
        reason="needs Debian's chromium and chromium-driver (installed by .ci/run)",
    ),
]


def test_report_renders_and_every_finding_is_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("selenium")
    doc = tmp_path / "strategy.md"
    doc.write_text(
        "# Our strategy\n\nGoing forward, staff utilised the care pathways for the elderly.\n\n"
        'Our service users <b>will</b> be asked to sign off the plans. The CCG agreed "it".\n',
        encoding="utf-8",
    )
    report_path = tmp_path / "report.html"
    assert main(["check", "--format", "html", "-o", str(report_path), str(doc)]) == 1
    capsys.readouterr()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, str(HERE / "browser_check.py"), str(report_path)],
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    verdict = json.loads(result.stdout.strip().splitlines()[-1])
    assert verdict["errors"] == []
    assert verdict["hidden"] == []
    assert verdict["title"] == "jargonwatch report"
    from jargonwatch.api import analyze_file

    findings = analyze_file(doc).findings
    for i, f in enumerate(findings, start=1):
        assert f"jw0-f-{i}" in verdict["ids"]
        if f.end > f.start:
            assert f"jw0-ref-{i}" in verdict["ids"]
    assert verdict["marks"] > 0
