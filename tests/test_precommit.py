"""The real pre-commit runs this repository's hook on a policy repository (end to end).

pre-commit builds the hook's environment by pip-installing jargonwatch from this checkout,
so this test reads from the package registry (the one test allowed to): deselect it with
`-m "not installs"` where no registry can be reached. jargonwatch itself, inside the hook,
still downloads nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.installs,
    pytest.mark.skipif(shutil.which("git") is None, reason="needs git"),
]


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _try_repo(repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONPATH", "VIRTUAL_ENV"))}
    env["PRE_COMMIT_HOME"] = str(home)
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.fixture(scope="module")
def policy_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    pytest.importorskip("pre_commit")
    repo = tmp_path_factory.mktemp("policies")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "policy@example.invalid")
    _git(repo, "config", "user.name", "Policy team")
    return repo, tmp_path_factory.mktemp("pre-commit-home")


def test_hook_fails_on_findings_then_passes_when_fixed_or_suppressed(policy_repo: tuple[Path, Path]) -> None:
    repo, home = policy_repo
    doc = repo / "strategy.md"
    doc.write_text("# Our strategy\n\nGoing forward, staff utilised the care pathways.\n", encoding="utf-8")
    _git(repo, "add", "strategy.md")

    failed = _try_repo(repo, home, "jargonwatch", "strategy.md")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "JW104" in failed.stdout and "utilised" in failed.stdout and "Try: used" in failed.stdout

    doc.write_text(
        "# Our strategy\n\nFrom now on, staff will use the plan we agreed with you.\n", encoding="utf-8"
    )
    _git(repo, "add", "strategy.md")
    fixed = _try_repo(repo, home, "jargonwatch", "strategy.md")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr

    doc.write_text(
        "# Our strategy\n\n<!-- jargonwatch: ignore[JW1] quoting the 2019 plan -->\n"
        "Going forward, staff utilised the care pathways.\n",
        encoding="utf-8",
    )
    _git(repo, "add", "strategy.md")
    suppressed = _try_repo(repo, home, "jargonwatch", "strategy.md")
    assert suppressed.returncode == 0, suppressed.stdout + suppressed.stderr


def test_office_hook(policy_repo: tuple[Path, Path]) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from documents import docx

    repo, home = policy_repo
    (repo / "letter.docx").write_bytes(docx(["Dear Mrs Patel,", "Staff utilised the care pathways."]))
    _git(repo, "add", "letter.docx")
    result = _try_repo(repo, home, "jargonwatch-office", "letter.docx")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "paragraph 2" in result.stdout and "JW104" in result.stdout
