"""Find, read and validate the lexicon files.

The lexicons ship inside the wheel as ``jargonwatch/_lexicons``; in a source
checkout (editable install) they are read from the repository's ``lexicons/``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from ..types import Severity
from .forms import inflect_suggestion, surface_forms
from .schema import (
    AbbreviationFile,
    AgencyFile,
    ContextFile,
    KnownAbbreviationFile,
    LadderFile,
    NeverFlagFile,
    TermEntry,
    TermFile,
)

try:  # the C loader is ~10x faster; fall back to the pure-Python one
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """YAML 1.2 booleans: only true/false. YAML 1.1 would read the words off, on, yes
    and no (all common in token patterns: {LOWER: off}) as booleans."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class LexiconError(ValueError):
    """A lexicon file is missing, unreadable or does not follow the schema."""


def lexicon_dir() -> Path:
    """The directory the lexicons are read from (the bundled one; tests may point it elsewhere)."""
    return bundled_dir()


def bundled_dir() -> Path:
    """The bundled lexicons folder, which also holds the thesaurus and the models' word data."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_lexicons"
    if packaged.is_dir():
        return packaged
    checkout = here.parent / "lexicons"
    if checkout.is_dir():
        return checkout
    raise LexiconError(f"no lexicons found (looked in {packaged} and {checkout})")


@dataclass(frozen=True, slots=True)
class Entry:
    """One term entry with its file's defaults applied."""

    id: str
    code: str
    term: str
    pos: str
    forms: tuple[str, ...]
    plain: tuple[str, ...]
    reason: str
    note: str | None
    severity: Severity
    source: str
    ref: str
    unless_explained: bool
    first_use_only: bool
    case_sensitive: bool
    exceptions: tuple[str, ...]
    patterns: tuple[tuple[tuple[tuple[str, Any], ...], ...], ...]
    needs: tuple[str, ...]
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]
    surface: tuple[tuple[str, str | None], ...] = ()
    # Plain alternatives inflected for each Penn tag the entry can match (precompiled).
    inflected: tuple[tuple[str | None, tuple[str, ...]], ...] = ()
    # Token patterns already checked by spaCy's validator when the bundle was compiled.
    validated: bool = False

    def suggestions_for(self, tag: str | None) -> tuple[str, ...]:
        for t, forms in self.inflected:
            if t == tag:
                return forms
        return tuple(inflect_suggestion(p, self.pos, tag) for p in self.plain)

    def pattern_dicts(self) -> list[list[dict[str, Any]]]:
        return [[_thaw(dict(tok)) for tok in pat] for pat in self.patterns]


@dataclass(frozen=True, slots=True)
class Abbreviation:
    abbr: str
    expansions: tuple[str, ...]
    plain: tuple[str, ...]
    severity: Severity
    ref: str
    note: str | None
    flag_examples: tuple[str, ...]
    pass_examples: tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    """Everything the detectors need to know about words, validated."""

    entries: tuple[Entry, ...]
    abbreviations: dict[str, Abbreviation]
    known_abbreviations: frozenset[str]
    never_flag: tuple[str, ...]
    never_flag_examples: tuple[tuple[str, str], ...]
    known_examples: tuple[tuple[str, str], ...]
    ladder: LadderFile | None
    context: ContextFile | None
    agency: AgencyFile | None
    files: tuple[str, ...]
    digest: str

    def __hash__(self) -> int:
        return hash(self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Lexicon) and other.digest == self.digest


def _freeze(value: Any) -> Any:
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("__list__", *(_freeze(v) for v in value))
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        if value and value[0] == "__list__":
            return [_thaw(v) for v in value[1:]]
        return {k: _thaw(v) for k, v in value}
    return value


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise LexiconError(f"{path}: not valid YAML: {exc}") from None


def _validate(model: type[BaseModel], data: Any, path: Path) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:10]:
            where = _describe_location(data, err["loc"])
            problems.append(f"  {where}: {err['msg']}")
        more = f"\n  ... and {exc.error_count() - 10} more" if exc.error_count() > 10 else ""
        raise LexiconError(
            f"{path}: does not follow the lexicon schema:\n" + "\n".join(problems) + more
        ) from None


def _describe_location(data: Any, loc: Sequence[Any]) -> str:
    parts = []
    node = data
    for key in loc:
        if isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node):
            node = node[key]
            label = (
                node.get("term") or node.get("abbr") or node.get("phrase") if isinstance(node, dict) else None
            )
            parts.append(f"[{key}]" + (f" ({label})" if label else ""))
        else:
            parts.append(f".{key}")
            node = node.get(key) if isinstance(node, dict) else None
    return "".join(parts).lstrip(".") or "(file)"


def _kind(path: Path, data: Any) -> str:
    name = path.name
    if name == "abbreviations_known.yml":
        return "known"
    if name == "never_flag.yml":
        return "never"
    if name == "ladder.yml":
        return "ladder"
    if name == "context.yml":
        return "context"
    if name == "agency.yml":
        return "agency"
    if isinstance(data, dict) and data.get("code") == "JW103":
        return "abbr"
    return "terms"


def compute_surface(entry: TermEntry) -> tuple[tuple[str, str | None], ...]:
    """Every surface form the phrase matcher should know for an entry (none for pattern entries)."""
    if entry.patterns:
        return ()
    out: dict[str, str | None] = {}
    for form in (entry.term, *entry.variants):
        base = form if entry.case_sensitive else form.lower()
        for text, tag in surface_forms(base, entry.pos).items():
            out.setdefault(text, tag)
    return tuple(sorted(out.items()))


def compute_inflected(
    entry: TermEntry, surface: tuple[tuple[str, str | None], ...]
) -> tuple[tuple[str | None, tuple[str, ...]], ...]:
    tags = sorted({tag for _, tag in surface} | {None}, key=lambda t: t or "")
    return tuple((tag, tuple(inflect_suggestion(p, entry.pos, tag) for p in entry.plain)) for tag in tags)


def _entry(
    entry: TermEntry,
    file: TermFile,
    rel: str,
    surface: tuple[tuple[str, str | None], ...] | None,
    inflected: tuple[tuple[str | None, tuple[str, ...]], ...] | None = None,
) -> Entry:
    severity = Severity.parse(entry.severity or file.severity)
    return Entry(
        id=entry.entry_id,
        code=file.code,
        term=entry.term,
        pos=entry.pos,
        forms=(entry.term, *entry.variants),
        plain=tuple(entry.plain),
        reason=entry.reason,
        note=entry.note,
        severity=severity,
        source=entry.source or file.source,
        ref=f"lexicon:{rel}#{entry.entry_id}",
        unless_explained=entry.unless_explained,
        first_use_only=entry.first_use_only,
        case_sensitive=entry.case_sensitive,
        exceptions=tuple(e.lower() for e in entry.exceptions),
        patterns=tuple(tuple(_freeze(tok) for tok in pat) for pat in entry.patterns or ()),
        needs=entry.needs,
        flag_examples=tuple(entry.examples.flag),
        pass_examples=tuple(entry.examples.pass_),
        surface=surface if surface is not None else compute_surface(entry),
        inflected=inflected or (),
        validated=inflected is not None,
    )


def lexicon_files(root: Path | None = None) -> list[Path]:
    root = root or lexicon_dir()
    return sorted(p for p in root.rglob("*.yml") if p.is_file())


def load_lexicon(extra: Iterable[str | Path] = (), root: str | Path | None = None) -> Lexicon:
    """Load the bundled lexicons (or those under ``root``) plus extra user files, all validated."""
    return _load(tuple(str(Path(p)) for p in extra), str(root) if root is not None else None)


COMPILED = "compiled.json"
COMPILED_FORMAT = 2


def bundle_digest(root: Path) -> str:
    """sha256 over the names and bytes of every .yml file under root."""
    digest = hashlib.sha256()
    for path in lexicon_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _read_compiled(root: Path, digest: str) -> dict[str, Any] | None:
    """The precompiled bundle (parsed YAML plus surface forms) if it matches the .yml files."""
    path = root / COMPILED
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != COMPILED_FORMAT or data.get("digest") != digest:
        return None
    if data.get("forms_version") != _forms_version():
        return None
    return data


def _forms_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"lemminflect {version('lemminflect')}"
    except PackageNotFoundError:  # pragma: no cover - a declared dependency
        return "lemminflect ?"


def compile_bundle(root: Path | None = None) -> dict[str, Any]:
    """Parse and validate the bundled .yml files and compute every surface form (slow; for `lexicon compile`)."""
    root = root or lexicon_dir()
    data = {p.relative_to(root).as_posix(): _read_yaml(p) for p in lexicon_files(root)}
    forms: dict[str, list[list[Any]]] = {}
    suggestions: dict[str, list[list[Any]]] = {}
    for rel, raw in data.items():
        path = root / rel
        if _kind(path, raw) == "terms":
            tf: TermFile = _validate(TermFile, raw, path)
            for entry in tf.entries:
                surface = compute_surface(entry)
                forms[entry.entry_id] = [list(pair) for pair in surface]
                suggestions[entry.entry_id] = [[tag, list(s)] for tag, s in compute_inflected(entry, surface)]
                if entry.patterns:
                    _validate_patterns(entry, path)
    return {
        "format": COMPILED_FORMAT,
        "digest": bundle_digest(root),
        "forms_version": _forms_version(),
        "data": data,
        "forms": forms,
        "suggestions": suggestions,
    }


def _validate_patterns(entry: TermEntry, path: Path) -> None:
    """Check an entry's token patterns with spaCy's own validator."""
    from spacy.errors import MatchPatternError
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    try:
        Matcher(Vocab(), validate=True).add("check", entry.patterns or [])
    except (MatchPatternError, ValueError) as exc:
        raise LexiconError(f"{path}: entry {entry.term!r} has an invalid token pattern: {exc}") from None


def write_compiled(root: Path | None = None) -> Path:
    root = root or lexicon_dir()
    bundle = compile_bundle(root)
    path = root / COMPILED
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path


@lru_cache(maxsize=8)
def _load(extra: tuple[str, ...], root_dir: str | None = None) -> Lexicon:
    root = Path(root_dir) if root_dir is not None else lexicon_dir()
    digest_hex = bundle_digest(root)
    compiled = _read_compiled(root, digest_hex)
    paths: list[tuple[Path, str, bool]] = [
        (p, p.relative_to(root).as_posix(), True) for p in lexicon_files(root)
    ]
    for item in extra:
        p = Path(item)
        if not p.is_file():
            raise LexiconError(f"{p}: lexicon file not found")
        paths.append((p, str(p), False))
    precomputed: dict[str, Any] = compiled["forms"] if compiled else {}
    compiled_suggestions: dict[str, Any] = compiled.get("suggestions", {}) if compiled else {}

    entries: list[Entry] = []
    abbreviations: dict[str, Abbreviation] = {}
    known: set[str] = set()
    known_examples: list[tuple[str, str]] = []
    never: list[str] = []
    never_examples: list[tuple[str, str]] = []
    ladder: LadderFile | None = None
    context: ContextFile | None = None
    agency: AgencyFile | None = None
    seen_ids: dict[str, str] = {}
    digest = hashlib.sha256()

    digest.update(digest_hex.encode())
    for path, rel, is_bundled in paths:
        use_compiled = compiled is not None and is_bundled
        data = compiled["data"][rel] if use_compiled else _read_yaml(path)  # type: ignore[index]
        if not is_bundled:
            digest.update(rel.encode())
            digest.update(path.read_bytes())
        kind = _kind(path, data)
        if kind == "terms":
            tf: TermFile = _validate(TermFile, data, path)
            for raw in tf.entries:
                known_forms = precomputed.get(raw.entry_id) if use_compiled else None
                surface = tuple((t, g) for t, g in known_forms) if known_forms is not None else None
                known_suggestions = compiled_suggestions.get(raw.entry_id) if use_compiled else None
                inflected = (
                    tuple((tag, tuple(forms)) for tag, forms in known_suggestions)
                    if known_suggestions is not None
                    else None
                )
                entry = _entry(raw, tf, rel, surface, inflected)
                if entry.id in seen_ids:
                    raise LexiconError(
                        f"{path}: entry id {entry.id!r} is already used in {seen_ids[entry.id]}; "
                        "give one of them an explicit 'id'"
                    )
                seen_ids[entry.id] = rel
                entries.append(entry)
        elif kind == "abbr":
            af: AbbreviationFile = _validate(AbbreviationFile, data, path)
            for a in af.entries:
                if a.abbr in abbreviations:
                    raise LexiconError(f"{path}: abbreviation {a.abbr!r} is listed twice")
                abbreviations[a.abbr] = Abbreviation(
                    abbr=a.abbr,
                    expansions=tuple(a.expansions),
                    plain=tuple(a.plain),
                    severity=Severity.parse(af.severity),
                    ref=f"lexicon:{rel}#{a.abbr}",
                    note=a.note,
                    flag_examples=tuple(a.examples.flag),
                    pass_examples=tuple(a.examples.pass_),
                )
        elif kind == "known":
            kf: KnownAbbreviationFile = _validate(KnownAbbreviationFile, data, path)
            for k in kf.entries:
                known.add(k.abbr)
                known_examples.extend((k.abbr, ex) for ex in k.examples.pass_)
        elif kind == "never":
            nf: NeverFlagFile = _validate(NeverFlagFile, data, path)
            for n in nf.entries:
                never.append(n.phrase.lower())
                never_examples.extend((n.phrase, ex) for ex in n.examples.pass_)
        elif kind == "context":
            context = _validate(ContextFile, data, path)
        elif kind == "agency":
            agency = _validate(AgencyFile, data, path)
        else:
            ladder = _validate(LadderFile, data, path)

    clash = known & set(abbreviations)
    if clash:
        raise LexiconError(f"abbreviations both flagged and known: {sorted(clash)}")
    return Lexicon(
        entries=tuple(entries),
        abbreviations=abbreviations,
        known_abbreviations=frozenset(known),
        never_flag=tuple(never),
        never_flag_examples=tuple(never_examples),
        known_examples=tuple(known_examples),
        ladder=ladder,
        context=context,
        agency=agency,
        files=tuple(rel for _, rel, _ in paths),
        digest=digest.hexdigest(),
    )
