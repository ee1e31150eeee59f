"""`jargonwatch lexicon check`: schema, duplicates and every example, run for real."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from .forms import surface_forms
from .loader import Lexicon


@dataclass(frozen=True, slots=True)
class ExampleCase:
    """One example sentence and what must happen to it."""

    ref: str  # lexicon:<file>#<id>
    kind: str  # "flag" or "pass"
    text: str
    code: str | None  # the code the finding has (None for never-flag and known abbreviations)
    phrase: str | None = None  # for abbreviations and never-flag phrases: the text concerned

    @property
    def label(self) -> str:
        return f"{self.ref} [{self.kind}] {self.text[:60]}"


def example_cases(lexicon: Lexicon) -> list[ExampleCase]:
    cases: list[ExampleCase] = []
    for e in lexicon.entries:
        cases += [ExampleCase(e.ref, "flag", t, e.code) for t in e.flag_examples]
        cases += [ExampleCase(e.ref, "pass", t, e.code) for t in e.pass_examples]
    for a in lexicon.abbreviations.values():
        cases += [ExampleCase(a.ref, "flag", t, "JW103", a.abbr) for t in a.flag_examples]
        cases += [ExampleCase(a.ref, "pass", t, "JW103", a.abbr) for t in a.pass_examples]
    cases += [
        ExampleCase(f"lexicon:abbreviations_known.yml#{abbr}", "pass", t, "JW103", abbr)
        for abbr, t in lexicon.known_examples
    ]
    cases += [
        ExampleCase(f"lexicon:never_flag.yml#{phrase}", "pass", t, None, phrase)
        for phrase, t in lexicon.never_flag_examples
    ]
    if lexicon.agency is not None:
        agency = lexicon.agency.examples
        cases += [ExampleCase("lexicon:agency.yml#JW204", "flag", t, "JW204") for t in agency.flag]
        cases += [ExampleCase("lexicon:agency.yml#JW204", "pass", t, "JW204") for t in agency.pass_]
    return cases


def example_config() -> Config:
    """Every lexical code selected, readability rules off: examples test the lexicon only."""
    return Config(select=("JW1", "JW2", "JW3"), ignore=("JW107",))


def run_examples(lexicon: Lexicon, config: Config | None = None) -> Iterator[tuple[ExampleCase, str | None]]:
    """Yield (case, problem) for every example; problem is None when the example behaves."""
    from ..api import analyze_many

    cfg = config or example_config()
    cases = example_cases(lexicon)
    for case, report in zip(cases, analyze_many((c.text for c in cases), cfg), strict=True):
        yield case, judge(case, report)


def judge(case: ExampleCase, report: object) -> str | None:
    findings = report.findings  # type: ignore[attr-defined]
    if case.code == "JW204":
        hits = [f for f in findings if f.code == "JW204"]
    elif case.code == "JW103":
        hits = [
            f for f in findings if f.code == "JW103" and f.text.rstrip("s") == (case.phrase or "").rstrip("s")
        ]
    elif case.code is None:
        phrase = (case.phrase or "").lower()
        lowered = case.text.lower()
        spans = []
        pos = lowered.find(phrase)
        while pos != -1:
            spans.append((pos, pos + len(phrase)))
            pos = lowered.find(phrase, pos + 1)
        if not spans:
            return f"the example does not contain the phrase {case.phrase!r}"
        hits = [f for f in findings if any(a < f.end and f.start < b for a, b in spans)]
    else:
        hits = [f for f in findings if f.source == case.ref]
    if case.kind == "flag" and not hits:
        others = ", ".join(f"{f.code} {f.text!r}" for f in findings) or "nothing"
        return f"should flag but did not (found: {others})"
    if case.kind == "pass" and hits:
        return "should pass but flagged " + ", ".join(f"{f.text!r}" for f in hits)
    return None


def duplicate_forms(lexicon: Lexicon) -> list[str]:
    """Surface forms claimed by more than one entry (the longest-match rule would hide one of them)."""
    owner: dict[str, str] = {}
    problems = []
    for e in lexicon.entries:
        if e.patterns:
            continue
        for form in e.forms:
            for text in surface_forms(form if e.case_sensitive else form.lower(), e.pos):
                other = owner.setdefault(text, e.ref)
                if other != e.ref:
                    problems.append(f"{text!r} is matched by both {other} and {e.ref}")
    return problems
