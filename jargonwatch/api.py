"""The public Python API: analyze, analyze_file, analyze_many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .config import Config
from .report import Report
from .sources import Source, UnreadableFile, make_source, read_source
from .types import Finding, Severity


def _analyzer(config: Config | None):  # type: ignore[no-untyped-def]
    from .analyzer import get_analyzer

    return get_analyzer(config or Config())


def analyze(text: str, config: Config | None = None, path: str | None = None, fmt: str = "text") -> Report:
    """Analyse one text. ``fmt`` is "text" or "markdown" (markup is masked, offsets stay true)."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes a str, not {type(text).__name__}; use analyze_file() for files")
    return _analyzer(config).analyze_source(make_source(text, fmt, path=path))


def analyze_many(
    texts: Iterable[str],
    config: Config | None = None,
    fmt: str = "text",
    batch_size: int = 64,
    n_process: int = 1,
) -> Iterator[Report]:
    """Analyse many texts, streaming them through ``nlp.pipe``; yields one Report per text, in order."""
    sources = (make_source(t, fmt) for t in texts)
    return _analyzer(config).analyze_sources(sources, batch_size=batch_size, n_process=n_process)


def unreadable_report(path: str, reason: str) -> Report:
    """A Report that says a file could not be checked (one JW002 error)."""
    finding = Finding(
        code="JW002",
        name="unreadable-file",
        start=0,
        end=0,
        text="",
        message=f"{path}: {reason}",
        severity=Severity.ERROR,
        source="rule:JW002",
    )
    return Report(text="", findings=(finding,), sentences=(), scores=None, path=path)


def analyze_file(path: str | Path, config: Config | None = None, fmt: str | None = None) -> Report:
    """Analyse one file (.txt or .md). An unreadable file gives a Report with a JW002 error, never an exception."""
    cfg = config or Config()
    try:
        source = read_source(path, max_bytes=cfg.max_file_bytes, fmt=fmt)
    except UnreadableFile as exc:
        return unreadable_report(str(path), str(exc))
    return _analyzer(cfg).analyze_source(source)


def analyze_files(paths: Iterable[str | Path], config: Config | None = None) -> Iterator[Report]:
    """Analyse files in order, streaming the readable ones through one ``nlp.pipe``."""
    cfg = config or Config()
    pending: list[Source | Report] = []
    for path in paths:
        try:
            pending.append(read_source(path, max_bytes=cfg.max_file_bytes))
        except UnreadableFile as exc:
            pending.append(unreadable_report(str(path), str(exc)))
    readable = [p for p in pending if isinstance(p, Source)]
    reports = _analyzer(cfg).analyze_sources(readable) if readable else iter(())
    for item in pending:
        yield item if isinstance(item, Report) else next(reports)
