"""Nothing touches the network, and importing the package is cheap."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from conftest import NetworkBlocked


def test_sockets_are_blocked_for_the_whole_suite() -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(NetworkBlocked):
        socket.socket().connect(("127.0.0.1", 9))


def test_subprocesses_are_blocked_too(offline_env: dict[str, str]) -> None:
    code = "import socket\ntry:\n    socket.create_connection(('127.0.0.1', 9))\nexcept RuntimeError as e:\n    print('blocked', e)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=offline_env, capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("blocked")


def test_import_is_lazy(offline_env: dict[str, str]) -> None:
    code = (
        "import sys, jargonwatch\n"
        "heavy = [m for m in ('spacy', 'pandas', 'sklearn', 'textstat', 'nltk') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=offline_env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_analysis_never_imports_nltk(offline_env: dict[str, str]) -> None:
    """textstat reaches cmudict through NLTK, which downloads on first use; jargonwatch must not."""
    code = (
        "import sys, jargonwatch as jw\n"
        "r = jw.analyze('Reablement is arranged by the council. Please utilise the form.')\n"
        "assert r.scores.words > 5\n"
        "print('nltk' in sys.modules, 'textstat' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=offline_env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["False", "False"]
