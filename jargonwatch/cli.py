"""The `jargonwatch` command.

Exit status (as ruff): 0 nothing at or above --fail-on; 1 findings at or above
it; 2 a usage, configuration, lexicon or model error, or a file that could not
be read.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SKIP_DIRS = frozenset(
    {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox", "build", "dist"}
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="jargonwatch",
        description="Find jargon, 'them and us' language, tokenism and hard-to-read text, with plainer words.",
    )
    p.add_argument("--version", action="version", version=f"jargonwatch {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("check", help="check documents (.md, .txt; '-' reads standard input)")
    c.add_argument("paths", nargs="*", default=[], metavar="PATH", help="files or directories; '-' for stdin")
    c.add_argument(
        "--format",
        choices=["text", "json", "jsonl", "sarif", "github", "html"],
        default="text",
        help="output format (default text)",
    )
    c.add_argument(
        "--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    c.add_argument(
        "--config", metavar="FILE", help="use this .jargonwatch.toml or pyproject.toml for every file"
    )
    c.add_argument(
        "--jobs", "-j", type=int, default=1, metavar="N", help="check files in N parallel processes"
    )
    c.add_argument("--select", help="comma-separated codes or prefixes to check, e.g. JW1,JW2")
    c.add_argument("--ignore", help="comma-separated codes or prefixes to leave out, e.g. JW106")
    c.add_argument("--min-severity", choices=["info", "warning", "error"], help="hide findings below this")
    c.add_argument(
        "--fail-on", choices=["info", "warning", "error"], help="exit 1 at or above this (default warning)"
    )
    c.add_argument("--target-grade", type=float, help="target Flesch-Kincaid grade (default 8)")
    c.add_argument("--target-ease", type=float, help="target Flesch reading ease (default 60)")
    c.add_argument("--max-sentence-words", type=int, help="long-sentence limit (default 25)")
    c.add_argument("--model", help="spaCy pipeline: auto (default), blank, or an installed pipeline's name")
    c.add_argument(
        "--models", help="trained models: bundled (default), none, or a folder written by `jargonwatch train`"
    )
    c.add_argument("--allow", help="comma-separated terms never to flag in this run")
    c.add_argument(
        "--lexicon", action="append", default=[], metavar="FILE", help="an extra lexicon file (repeatable)"
    )
    c.add_argument("--stdin-filename", help="name (and so format) to give text read from stdin")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    c.add_argument("--no-color", action="store_true", help="never colour the text output")

    e = sub.add_parser("explain", help="show what a code flags, why, and what to write instead")
    e.add_argument("code")

    r = sub.add_parser("rules", help="list every code")
    r.add_argument("--format", choices=["text", "md", "json", "docs"], default="text")

    ev = sub.add_parser("eval", help="score jargonwatch against gold labels (corpus label schema)")
    ev.add_argument("gold", help="gold JSON Lines file")
    ev.add_argument("--sentences", help="sentences.jsonl giving each id's document and offsets")
    ev.add_argument("--docs", help="folder of the documents named in --sentences")
    ev.add_argument("--split", help="only documents of this split (train, dev, test) in --splits")
    ev.add_argument("--splits", help="splits.json (default: next to --sentences)")
    ev.add_argument("--format", choices=["md", "json"], default="md")
    ev.add_argument("--model", help="spaCy pipeline: auto, blank or an installed name")
    ev.add_argument("--models", help="trained models: bundled (default), none, or a folder")

    tr = sub.add_parser("train", help="fit the hard-word and sentence models on the labelled corpus")
    tr.add_argument("--corpus", default="corpora", help="the corpus folder (default: corpora)")
    tr.add_argument(
        "--output", default=None, help="folder for the models (default: the package's own models folder)"
    )
    tr.add_argument("--model", default="auto", help="spaCy pipeline: auto, blank or an installed name")
    tr.add_argument("--card", default=None, help="also write the model card as Markdown to this file")

    lx = sub.add_parser("lexicon", help="lexicon tools")
    lx_sub = lx.add_subparsers(dest="lexicon_command", metavar="ACTION")
    lc = lx_sub.add_parser("check", help="validate the lexicons and run every example")
    lc.add_argument("files", nargs="*", help="extra lexicon files to check with the bundled ones")
    lx_sub.add_parser("compile", help="rebuild lexicons/compiled.json from the .yml files")
    lx_sub.add_parser("reference", help="print the lexicon reference (docs/lexicon.md) as Markdown")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "explain":
            return _explain(args.code)
        if args.command == "rules":
            return _rules(args.format)
        if args.command == "eval":
            return _eval(args)
        if args.command == "train":
            return _train(args)
        if args.command == "lexicon" and args.lexicon_command == "check":
            return _lexicon_check(args.files)
        if args.command == "lexicon" and args.lexicon_command == "compile":
            return _lexicon_compile()
        if args.command == "lexicon" and args.lexicon_command == "reference":
            from .docs import lexicon_reference
            from .lexicon.loader import load_lexicon

            sys.stdout.write(lexicon_reference(load_lexicon()))
            return EXIT_OK
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        return 130
    _parser().print_help(sys.stderr)
    return EXIT_ERROR


def entry() -> None:
    """The console script (and ``python -m jargonwatch``): run ``main``, flush the output and leave
    without the interpreter's teardown. Freeing the spaCy pipeline, the lexicon's tries and the
    word-frequency table object by object takes about half a second at exit, longer than checking
    a page; every file has been written and closed by then, so only the two streams need flushing."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe ("| head") or a closed stream
            stream.flush()
    os._exit(code)


def _train(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    for need in ("labels/gold.jsonl", "sentences.jsonl", "splits.json", "raw"):
        if not (corpus / need).exists():
            return _error(
                f"{corpus}: no {need}; --corpus must name a folder in the corpus layout (see corpora/README.md)"
            )
    try:
        from .models.train import train
    except ImportError as exc:
        return _error(f"training needs scikit-learn: pip install 'jargonwatch[train]' ({exc})")
    from .models.card import model_card
    from .models.store import MODEL_DIR

    out = Path(args.output) if args.output else MODEL_DIR
    card = train(corpus, out, args.model, log=lambda m: print(m, file=sys.stderr))
    if args.card:
        Path(args.card).write_text(model_card(card), encoding="utf-8")
    print(f"models written to {out}")
    return EXIT_OK


def _error(message: str) -> int:
    print(f"jargonwatch: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _overrides(args: argparse.Namespace) -> dict[str, object]:
    """Settings given on the command line, in config-file spelling (they override the file)."""
    settings: dict[str, object] = {}
    for name in (
        "select",
        "ignore",
        "min_severity",
        "fail_on",
        "target_grade",
        "target_ease",
        "max_sentence_words",
        "model",
        "models",
        "allow",
    ):
        value = getattr(args, name)
        if value is not None:
            settings[name.replace("_", "-")] = value
    if args.lexicon:
        settings["extend-lexicons"] = [str(Path(p).resolve()) for p in args.lexicon]
    return settings


def expand_paths(paths: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """(path, problem) for each file to check; directories are searched for .md and .txt files."""
    from .sources import SUPPORTED_SUFFIXES

    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = False
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                        found = True
                        yield str(Path(root) / name), None
            if not found:
                yield raw, "is a directory with no .md or .txt files in it"
        else:
            yield raw, None


def _check(args: argparse.Namespace) -> int:
    from .config import ConfigError
    from .lexicon.loader import LexiconError
    from .output import get_writer
    from .pipeline import ModelError
    from .settings import settings_for

    if not args.paths:
        return _error("no paths given (use '-' to read standard input)")
    if args.jobs < 1:
        return _error("--jobs must be at least 1")
    overrides = _overrides(args)
    explicit = Path(args.config) if args.config else None
    if explicit is not None and not explicit.is_file():
        return _error(f"{explicit}: config file not found")

    files: list[str] = []
    problems: dict[str, str] = {}
    for path, problem in expand_paths(args.paths):
        files.append(path)
        if problem:
            problems[path] = problem
    try:
        settings = {
            f: settings_for(args.stdin_filename or f if f == "-" else f, explicit, overrides) for f in files
        }
        reports = _run(files, problems, settings, args)
    except (LexiconError, ModelError, ConfigError) as exc:
        return _error(str(exc))

    first = next(iter(settings.values())).config if settings else None
    if first is None:
        return _error("nothing to check")
    colour = (
        args.format == "text"
        and not args.output
        and not args.no_color
        and sys.stdout.isatty()
        and "NO_COLOR" not in os.environ
    )
    pieces = get_writer(args.format)(reports, first, colour)
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.writelines(pieces)
        except OSError as exc:
            return _error(f"{args.output}: cannot write: {exc.strerror or exc}")
    else:
        sys.stdout.writelines(pieces)
    for report in reports:
        if report.unreadable:
            print(f"jargonwatch: {report.findings[0].message}", file=sys.stderr)
    if any(r.unreadable for r in reports):
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    failing = any(
        f.severity >= settings[path].config.fail_on
        for path, r in zip(files, reports, strict=True)
        for f in r.findings
    )
    return EXIT_FINDINGS if failing else EXIT_OK


def _run(files: list[str], problems: dict[str, str], settings: dict, args: argparse.Namespace) -> list:  # type: ignore[type-arg]
    """Analyse every file with its own settings, in input order; per-file ignores applied."""
    from .api import analyze_files, unreadable_report
    from .sources import UnreadableFile, format_for, source_from_bytes

    results: dict[str, object] = {}
    groups: dict[object, list[str]] = {}
    for f in files:
        if f not in problems and f != "-":
            groups.setdefault(settings[f], []).append(f)
    progress = _Progress(len(files) - len(problems))
    for group_settings, group in groups.items():
        config = group_settings.config  # type: ignore[attr-defined]
        if args.jobs > 1 and len(group) > 1:
            reports = _parallel(group, config, args.jobs)
        else:
            reports = analyze_files(group, config)
        for f, report in zip(group, reports, strict=True):
            results[f] = report
            progress.step(f)
    progress.done()
    out = []
    for f in files:
        if f in problems:
            out.append(unreadable_report(f, problems[f]))
            continue
        if f == "-":
            from .analyzer import get_analyzer

            name = args.stdin_filename or "<stdin>"
            try:
                source = source_from_bytes(sys.stdin.buffer.read(), name, format_for(name))
                report = get_analyzer(settings[f].config).analyze_source(source)
            except UnreadableFile as exc:
                report = unreadable_report(name, str(exc))
            results[f] = report
        report = results[f]
        out.append(report.without(settings[f].ignored_for(f)))  # type: ignore[attr-defined]
    return out


def _analyze_one(job: tuple[str, object]) -> object:
    from .api import analyze_file

    path, config = job
    return analyze_file(path, config)  # type: ignore[arg-type]


def _parallel(paths: list[str], config: object, jobs: int) -> list:  # type: ignore[type-arg]
    """The same results as a single process, in the same order, from N worker processes."""
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(1, len(paths) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
        return list(pool.map(_analyze_one, [(p, config) for p in paths], chunksize=chunk))


class _Progress:
    """A one-line progress counter on a terminal's standard error; silent when piped."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.enabled = total > 1 and sys.stderr.isatty()

    def step(self, path: str) -> None:
        self.count += 1
        if self.enabled:
            name = path if len(path) <= 50 else "..." + path[-47:]
            sys.stderr.write(f"\r\x1b[2Kchecked {self.count}/{self.total}  {name}")
            sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


def _eval(args: argparse.Namespace) -> int:
    import json

    from .config import Config
    from .eval import evaluate, load_gold, markdown

    gold = Path(args.gold)
    sentences = Path(args.sentences) if args.sentences else None
    docs = Path(args.docs) if args.docs else None
    ids: set[str] | None = None
    try:
        if args.split:
            splits_path = (
                Path(args.splits)
                if args.splits
                else (sentences.parent if sentences else gold.parent) / "splits.json"
            )
            split_docs = set(json.loads(splits_path.read_text(encoding="utf-8"))[args.split])
            if sentences is None:
                return _error("--split needs --sentences (to know each sentence's document)")
            ids = {
                row["id"]
                for row in map(json.loads, sentences.read_text(encoding="utf-8").splitlines())
                if row["doc"] in split_docs
            }
        rows = load_gold(gold, ids)
        config = Config()
        if args.model:
            config = config.replace(model=args.model)
        if args.models:
            config = config.replace(models=args.models)
        results = evaluate(rows, config, sentences, docs)
    except (OSError, ValueError, KeyError) as exc:
        return _error(f"{gold}: {exc}")
    if args.format == "json":
        print(json.dumps(results.to_dict(), indent=2))
    else:
        print(markdown(results))
    return EXIT_OK


def _explain(code: str) -> int:
    from .codes import get_rule

    try:
        print(get_rule(code).docs())
    except KeyError as exc:
        return _error(str(exc.args[0]))
    return EXIT_OK


def _rules(fmt: str) -> int:
    import json

    from .codes import RULES, rules_markdown

    if fmt == "md":
        sys.stdout.write(rules_markdown())
    elif fmt == "docs":
        from .docs import rules_reference

        sys.stdout.write(rules_reference())
    elif fmt == "json":
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "family": r.family.value,
                "severity": str(r.severity),
                "status": str(r.status),
                "summary": r.summary,
                "url": r.url,
            }
            for r in RULES
        ]
        print(json.dumps(rows, indent=2))
    else:
        for r in RULES:
            print(f"{r.code}  {r.name:<30} {r.status!s:<8} {r.summary}")
    return EXIT_OK


def _lexicon_compile() -> int:
    from .lexicon.loader import LexiconError, write_compiled

    try:
        path = write_compiled()
    except LexiconError as exc:
        return _error(str(exc))
    print(f"wrote {path}")
    return EXIT_OK


def _lexicon_check(files: Sequence[str]) -> int:
    from .lexicon.check import duplicate_forms, run_examples
    from .lexicon.loader import LexiconError, load_lexicon

    try:
        lexicon = load_lexicon(files)
    except LexiconError as exc:
        return _error(str(exc))
    failures = 0
    for problem in duplicate_forms(lexicon):
        print(f"duplicate: {problem}")
        failures += 1
    total = 0
    for case, problem in run_examples(lexicon):
        total += 1
        if problem:
            failures += 1
            print(f"{case.ref} [{case.kind}] {case.text!r}: {problem}")
    from .lexicon.loader import COMPILED, _read_compiled, bundle_digest, lexicon_dir

    root = lexicon_dir()
    if (root / COMPILED).exists() and _read_compiled(root, bundle_digest(root)) is None:
        print(f"stale: {root / COMPILED} does not match the .yml files; run `jargonwatch lexicon compile`")
        failures += 1
    terms = len(lexicon.entries)
    print(
        f"{len(lexicon.files)} files, {terms} term entries, {len(lexicon.abbreviations)} abbreviations, "
        f"{len(lexicon.known_abbreviations)} known abbreviations, {len(lexicon.never_flag)} never-flag phrases; "
        f"{total} examples run, {failures} problem{'s' if failures != 1 else ''}."
    )
    return EXIT_ERROR if failures else EXIT_OK
