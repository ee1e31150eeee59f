"""Shared fixtures. The network is blocked for the whole suite (and for subprocesses)."""

from __future__ import annotations

import os
import socket
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
FIXTURE_LEXICONS = DATA / "lexicons"


class NetworkBlocked(RuntimeError):
    pass


def _refuse(*args: object, **kwargs: object) -> None:
    raise NetworkBlocked(f"network access attempted during tests: {args!r}")


_BLOCKER = textwrap.dedent(
    """
    import socket

    def _refuse(*args, **kwargs):
        raise RuntimeError("network access attempted during tests")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    """
)


@pytest.fixture(scope="session", autouse=True)
def block_network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every socket connection fails, in this process and in subprocesses started with ``offline_env``."""
    saved = (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo)
    socket.socket.connect = _refuse  # type: ignore[method-assign]
    socket.socket.connect_ex = _refuse  # type: ignore[method-assign]
    socket.create_connection = _refuse  # type: ignore[assignment]
    socket.getaddrinfo = _refuse  # type: ignore[assignment]
    site = tmp_path_factory.mktemp("offline-site")
    (site / "sitecustomize.py").write_text(_BLOCKER, encoding="utf-8")
    try:
        yield site
    finally:
        (socket.socket.connect, socket.socket.connect_ex, socket.create_connection, socket.getaddrinfo) = (
            saved
        )


@pytest.fixture()
def offline_env(block_network: Path) -> dict[str, str]:
    """Environment for subprocesses: the same socket blocker, loaded through sitecustomize."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(block_network), *filter(None, [env.get("PYTHONPATH")])])
    env["NO_COLOR"] = "1"
    return env


@pytest.fixture()
def fixture_lexicons(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Use the small, stable lexicon set in tests/data/lexicons instead of the bundled one."""
    from jargonwatch.analyzer import get_analyzer
    from jargonwatch.lexicon import loader

    monkeypatch.setattr(loader, "lexicon_dir", lambda: FIXTURE_LEXICONS)
    loader._load.cache_clear()
    get_analyzer.cache_clear()
    yield FIXTURE_LEXICONS
    loader._load.cache_clear()
    get_analyzer.cache_clear()


def run_cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    import subprocess

    return subprocess.run(
        [sys.executable, "-m", "jargonwatch", *args],
        input=stdin,
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )
