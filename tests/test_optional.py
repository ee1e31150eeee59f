"""Optional dependencies are imported on demand, with a plain message when they are missing."""

from __future__ import annotations

import sys

import pytest

import jargonwatch as jw
from jargonwatch.optional import MissingDependency, require


def test_require_imports_an_installed_module() -> None:
    assert require("json", "Testing").dumps([1]) == "[1]"


def test_require_names_the_extra_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(MissingDependency, match=r"needs pandas.*pip install 'jargonwatch\[notebooks\]'"):
        require("pandas", "Turning reports into DataFrames")


def test_to_frame_without_pandas_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    report = jw.Report(text="", findings=(), sentences=(), scores=None)
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="jargonwatch\\[notebooks\\]"):
        report.to_frame()
