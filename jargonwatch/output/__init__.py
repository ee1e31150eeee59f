"""Output formats: each module renders a list of Reports to a string."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..config import Config
from ..report import Report

Renderer = Callable[[Sequence[Report], Config, bool], str]


def get_renderer(name: str) -> Renderer:
    if name == "text":
        from .text import render
    elif name == "json":
        from .json_ import render
    elif name == "jsonl":
        from .jsonl import render
    elif name == "github":
        from .github import render
    elif name == "sarif":
        from .sarif import render
    elif name == "html":
        from .html import render
    else:
        raise ValueError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
    return render


FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
