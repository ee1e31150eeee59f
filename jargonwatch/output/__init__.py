"""Output formats. Each module's ``chunks()`` yields the output piece by piece, so a report
of a very large file is written without ever being held as one string; ``render()`` joins
the pieces for callers that want a string."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from importlib import import_module

from ..config import Config
from ..report import Report

Writer = Callable[[Sequence[Report], Config, bool], Iterator[str]]
Renderer = Callable[[Sequence[Report], Config, bool], str]
FORMATS = ("text", "json", "jsonl", "sarif", "github", "html")
_MODULES = {
    "text": "text",
    "json": "json_",
    "jsonl": "jsonl",
    "sarif": "sarif",
    "github": "github",
    "html": "html",
}


def get_writer(name: str) -> Writer:
    if name not in _MODULES:
        raise ValueError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}")
    return import_module(f".{_MODULES[name]}", __name__).chunks  # type: ignore[no-any-return]


def get_renderer(name: str) -> Renderer:
    writer = get_writer(name)

    def render(reports: Sequence[Report], config: Config, colour: bool = False) -> str:
        return "".join(writer(reports, config, colour))

    return render
