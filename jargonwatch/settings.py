"""Configuration files: ``.jargonwatch.toml`` or ``[tool.jargonwatch]`` in ``pyproject.toml``.

For each checked file the nearest configuration is found by walking up from the file's
folder; in one folder ``.jargonwatch.toml`` wins over ``pyproject.toml``, and a
``pyproject.toml`` without a ``[tool.jargonwatch]`` table does not count. Settings on the
command line override the file. Relative paths in a file (extra lexicons, per-file-ignore
globs) are relative to the file's folder.

    [tool.jargonwatch]
    select = ["JW1", "JW2", "JW3"]
    ignore = ["JW106"]
    severity = { JW203 = "error" }
    min-severity = "info"
    fail-on = "warning"
    target-grade = 8
    max-sentence-words = 25
    allow = ["reablement"]
    extend-lexicons = ["docs/glossary.yml"]
    per-file-ignores = { "policies/clinical/*.md" = ["JW101"] }
"""

from __future__ import annotations

import fnmatch
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

from .config import Config, ConfigError, parse_codes

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_NAMES = (".jargonwatch.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    """A Config plus what applies per file: where it came from and per-file ignores."""

    config: Config
    origin: Path | None = None
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def ignored_for(self, path: str | Path) -> tuple[str, ...]:
        """Codes ignored for this file by a per-file-ignores glob."""
        if not self.per_file_ignores:
            return ()
        p = Path(path).resolve()
        base = self.origin.parent if self.origin else Path.cwd()
        try:
            rel = PurePosixPath(p.relative_to(base.resolve()).as_posix())
        except ValueError:
            rel = PurePosixPath(p.as_posix())
        codes: list[str] = []
        for pattern, ignored in self.per_file_ignores:
            if rel.match(pattern) or fnmatch.fnmatch(str(rel), pattern) or fnmatch.fnmatch(p.name, pattern):
                codes.extend(ignored)
        return tuple(codes)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def table_of(path: Path) -> Mapping[str, Any] | None:
    """The jargonwatch settings in a config file (None for a pyproject.toml without them)."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("jargonwatch")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: [tool.jargonwatch] must be a table")
        return table
    return data


@lru_cache(maxsize=256)
def find_config(folder: Path) -> Path | None:
    """The nearest config file at or above ``folder``."""
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and table_of(candidate) is not None:
                return candidate
    return None


def load_settings(path: Path | None, overrides: Mapping[str, object]) -> Settings:
    """Settings from a config file (or none), with command-line ``overrides`` on top."""
    table: dict[str, object] = dict(table_of(path) or {}) if path else {}
    per_file: tuple[tuple[str, tuple[str, ...]], ...] = ()
    raw = table.pop("per-file-ignores", None)
    if raw is not None:
        if not isinstance(raw, Mapping):
            raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
        try:
            per_file = tuple((str(glob), parse_codes(_as_list(codes))) for glob, codes in raw.items())
        except ConfigError as exc:
            raise ConfigError(f"{path}: per-file-ignores: {exc}") from None
    if path and "extend-lexicons" in table:
        table["extend-lexicons"] = [
            str((path.parent / str(p)).resolve()) for p in _as_list(table["extend-lexicons"])
        ]
    merged = {**table, **overrides}
    config = Config.from_mapping(merged, origin=str(path) if path else "command line")
    return Settings(config, path, per_file)


def _as_list(value: object) -> list[object]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return list(value)
    raise ConfigError(f"expected a list, got {value!r}")


def settings_for(file: str | Path, explicit: Path | None, overrides: Mapping[str, object]) -> Settings:
    """The settings that apply to one file: the explicit config, else the nearest one, plus overrides."""
    if explicit is not None:
        return _cached_settings(explicit, tuple(sorted((k, _freeze(v)) for k, v in overrides.items())))
    folder = Path(file).resolve().parent if str(file) != "-" else Path.cwd()
    return _cached_settings(find_config(folder), tuple(sorted((k, _freeze(v)) for k, v in overrides.items())))


def _freeze(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


@lru_cache(maxsize=64)
def _cached_settings(path: Path | None, overrides: tuple[tuple[str, object], ...]) -> Settings:
    return load_settings(path, {k: list(v) if isinstance(v, tuple) else v for k, v in overrides})
