"""The analyser: one spaCy pass per chunk, then document-level decisions.

Texts longer than ``chunk_chars`` are cut at paragraph (or line, or sentence)
boundaries and streamed through ``nlp.pipe`` chunk by chunk; only small
per-sentence counts and candidate matches are kept between chunks, so memory
stays bounded whatever the document's size.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from . import __version__
from .codes import RULES_BY_CODE
from .config import Config
from .detectors.abbreviations import Occurrence, find_abbreviations, unexplained
from .detectors.agency import AgencyReader, WhoActs
from .detectors.context import ContextRules
from .detectors.distancing import DistancingHit, DistancingReader, Paragraph
from .detectors.involvement import InvolvementReader, TokenismHit
from .detectors.ladder import LadderReader
from .detectors.lexical import Candidate, LexicalMatcher
from .lexicon.forms import match_case
from .lexicon.loader import load_lexicon
from .models.hardword import HardWord, HardWordModel
from .models.sentences import SentenceCues, SentenceModels, SentenceVerdict, sentence_dense, sentence_terms
from .models.store import ModelError
from .models.words import LexiconWords
from .pipeline import get_pipeline
from .readability import Counts, accessibility_score, count_span, formulas
from .report import Report
from .sources import Source
from .suppress import scopes
from .types import Finding, Scores, SentenceInfo, Severity, Suppressed

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from .detectors.agency import Action
    from .detectors.ladder import SentenceRung


# -- chunking --------------------------------------------------------------------------------


def split_chunks(text: str, size: int) -> list[tuple[int, str]]:
    """Cut text into (offset, piece) of at most ``size`` characters, at the best boundary available."""
    if len(text) <= size:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            window = text[start:end]
            cut = -1
            for sep in ("\n\n", "\n", ". ", " "):
                pos = window.rfind(sep, size // 2)
                if pos != -1:
                    cut = pos + len(sep)
                    break
            if cut > 0:
                end = start + cut
        out.append((start, text[start:end]))
        start = end
    return out


# -- per-chunk results ---------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    counts: Counts
    passive: bool | None
    agentless: list[tuple[int, int]]
    rung: int | None = None
    rung_confidence: float | None = None
    verdict: SentenceVerdict | None = None
    claim: bool = False  # says it is co-produced / in partnership: a claim, not a description


@dataclass(slots=True)
class _HardHit:
    word: HardWord  # offsets already in the document
    sentence: int


@dataclass(slots=True)
class _Hit:
    cand: Candidate
    start: int
    end: int
    sentence: int
    explained: bool
    mentioned: bool


@dataclass
class _DocState:
    source: Source
    sentences: list[_Sentence] = field(default_factory=list)
    hits: list[_Hit] = field(default_factory=list)
    abbreviations: list[Occurrence] = field(default_factory=list)
    who: WhoActs = field(default_factory=WhoActs)
    claims: list[tuple[int, int]] = field(default_factory=list)
    recipients: list[tuple[int, int, str, str, int]] = field(default_factory=list)
    hard_words: list[_HardHit] = field(default_factory=list)
    # Read from the parse (see _read_grammar): JW202 distancing and tokenism, each with its sentence.
    distancing: list[tuple[DistancingHit, int]] = field(default_factory=list)
    paragraph: Paragraph = field(default_factory=Paragraph)
    tokenism: list[tuple[TokenismHit, int]] = field(default_factory=list)
    basics: bool = False  # the document mentions pay, expenses, notice or accessible papers (JW304)
    standing: list[int] = field(default_factory=list)  # sentences planning people's seats on a body (JW304)
    staff_made: list[tuple[TokenismHit, int]] = field(default_factory=list)  # plans made by staff (JW301)
    powered: set[int] = field(default_factory=set)  # sentences where people decide, vote or hold a budget


_TRAILING = re.compile(r"\s+$")
_Context = tuple[_DocState, int, bool]  # the document, the chunk's offset in it, whether it is the last chunk
# Characters per batch through the pipeline: the parser's working memory grows with the batch.
BATCH_CHARS = 40_000


class Analyzer:
    """Everything compiled for one Config: pipeline, lexicon, matchers, context rules."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.pipeline = get_pipeline(config.model)
        self.lexicon = load_lexicon(config.extend_lexicons)
        caps = self.pipeline.capabilities
        self.matcher = LexicalMatcher(self.pipeline.nlp, self.lexicon, caps, config.allow)
        self.context = ContextRules(self.lexicon.context)
        self.has_parser = "parser" in caps
        self.agency = AgencyReader(self.lexicon.agency) if self.lexicon.agency and self.has_parser else None
        self.ladder = LadderReader(self.lexicon.ladder) if self.lexicon.ladder and self.agency else None
        self.hardwords, self.sentence_models = self._load_models(config.models)
        # Training (`jargonwatch train`) sets this to a list to receive every sentence's features.
        self.feature_sink: list[tuple[int, int, list[float], list[str]]] | None = None
        skipped: dict[str, int] = {}
        for entry in self.matcher.skipped:
            skipped[entry.code] = skipped.get(entry.code, 0) + 1
        self.skipped = tuple(
            f"{code}: {n} lexicon entr{'y' if n == 1 else 'ies'} need part-of-speech tags or a parse"
            for code, n in sorted(skipped.items())
        ) + (
            ()
            if self.has_parser
            else (
                "JW403: passive voice needs a dependency parse",
                "JW204: passive recipients need a dependency parse",
            )
        )
        import spacy

        self.versions = {
            "jargonwatch": __version__,
            "spacy": spacy.__version__,
            "pipeline": f"{self.pipeline.name} {self.pipeline.version}",
            "lexicon": self.lexicon.digest[:12],
        }

    def _load_models(self, where: str) -> tuple[HardWordModel | None, SentenceModels | None]:
        """The hard-word and sentence models: the shipped ones, none, or those in a directory."""
        if where == "none":
            return None, None
        directory = None if where == "bundled" else where
        try:
            hard = HardWordModel.load(LexiconWords.from_lexicon(self.lexicon), directory)
        except ModelError:
            if directory is None:
                raise
            hard = None
        sentences = SentenceModels(directory)
        # The sentence models read the parse (who acts, the ladder): without one they stay silent.
        return hard, (sentences if sentences and self.has_parser else None)

    # -- streaming ---------------------------------------------------------------------
    def analyze_sources(
        self, sources: Iterable[Source], batch_size: int = 64, n_process: int = 1
    ) -> Iterator[Report]:
        nlp = self.pipeline.nlp
        size = min(self.config.chunk_chars, nlp.max_length - 1)

        def docs() -> Iterator[tuple[Doc, _Context]]:
            for source in sources:
                state = _DocState(source)
                chunks = split_chunks(source.masked, size)
                blocks = source.blocks
                for i, (offset, piece) in enumerate(chunks):
                    doc = nlp.make_doc(piece)
                    _mark_blocks(doc, blocks, offset)
                    yield doc, (state, offset, i == len(chunks) - 1)

        for doc, (state, offset, last) in self._pipe(docs(), batch_size, n_process):
            self._collect(doc, state, offset)
            if last:
                yield self._finish(state)

    def _pipe(
        self, docs: Iterator[tuple[Doc, _Context]], batch_size: int, n_process: int
    ) -> Iterator[tuple[Doc, _Context]]:
        """Run the pipeline's components over the docs, in batches of at most ``batch_size`` docs and
        about ``BATCH_CHARS`` characters, so that long documents do not pile up in one batch."""
        nlp = self.pipeline.nlp
        if n_process != 1:
            yield from nlp.pipe(docs, as_tuples=True, batch_size=batch_size, n_process=n_process)
            return
        batch: list[tuple[Doc, _Context]] = []
        chars = 0
        for item in docs:
            batch.append(item)
            doc = item[0]
            chars += doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
            if len(batch) >= batch_size or chars >= BATCH_CHARS:
                yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, chars = [], 0
        if batch:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    def analyze_source(self, source: Source) -> Report:
        return next(iter(self.analyze_sources([source])))

    # -- one chunk ---------------------------------------------------------------------
    def _collect(self, doc: Doc, state: _DocState, offset: int) -> None:
        first_sentence = len(state.sentences)
        first_hit = len(state.hits)
        text = doc.text  # built from the tokens on every access: read it once
        sent_index: dict[int, int] = {}
        sents = list(doc.sents)
        modelled: list[tuple[int, Span, SentenceCues]] = []
        for sent in sents:
            sent_text = text[sent.start_char : sent.end_char]
            if not sent_text.strip():
                continue
            counts = count_span(sent)
            passive: bool | None = None
            agentless: list[tuple[int, int]] = []
            if self.has_parser:
                passive, agentless = _passives(sent)
                counts.parsed_sentences = 1
                counts.passive_sentences = int(passive)
            start = sent.start_char
            end = start + len(_TRAILING.sub("", sent_text))
            rung = None
            claims: list[tuple[int, int]] = []
            cues = SentenceCues(counts, passive=passive, agentless=len(agentless))
            if self.agency is not None:
                actions = self.agency.actions(sent)
                cues.actions = actions
                if self.ladder is not None:
                    rung = self.ladder.sentence_rung(sent, actions)
                    cues.rule_rung = rung
                    claims = self.ladder.claims(sent_text)
                    cues.claim = bool(claims)
                    state.claims += [(a + start + offset, b + start + offset) for a, b in claims]
                for action in actions:
                    state.who.add(action)
                if self.config.is_selected("JW204"):
                    for a, b, group, verb in self.agency.passive_recipients(sent, actions):
                        rel_a, rel_b = a - start, b - start
                        # quoted, ending inside a quote ('would be "kept informed"') or criticised: not a finding
                        if not (
                            self.context.ruled_out(sent_text, rel_a, rel_b)
                            or self.context.mentioned(sent_text, rel_b - 1, rel_b)
                        ):
                            state.recipients.append(
                                (a + offset, b + offset, group, verb, len(state.sentences))
                            )
                            cues.recipients += 1
                self._read_grammar(sent, sent_text, actions, rung, claims, state, offset)
            if self.hardwords is not None:
                scored = self.hardwords.score(sent)
                cues.hard_scores = [w.probability for w in scored]
                if self.config.is_selected("JW107"):
                    for w in scored:
                        if w.probability >= self.hardwords.threshold and not self.context.mentioned(
                            sent_text, w.start - start, w.end - start
                        ):
                            moved = dataclasses.replace(w, start=w.start + offset, end=w.end + offset)
                            state.hard_words.append(_HardHit(moved, len(state.sentences)))
            modelled.append((len(state.sentences), sent, cues))
            sent_index[sent.start_char] = len(state.sentences)
            state.sentences.append(
                _Sentence(
                    start + offset,
                    end + offset,
                    counts,
                    passive,
                    [(a + offset, b + offset) for a, b in agentless],
                    rung.rung if rung else None,
                    rung.confidence if rung else None,
                    claim=cues.claim,
                )
            )
        if len(state.sentences) == first_sentence:
            return

        sent_bounds = {s.start_char: (s.start_char, s.end_char) for s in sents}
        next_text: dict[int, str] = {}
        for a, b in itertools.pairwise(sents):
            next_text[a.start_char] = b.text
        for cand in self.matcher.find(doc):
            code = cand.entry.code
            if not self.config.is_selected(code):
                continue
            s_start, s_end = sent_bounds[cand.sent_start]
            sentence = text[s_start:s_end]
            rel_s, rel_e = cand.start - s_start, cand.end - s_start
            quote_limit = 6 if code.startswith("JW3") else None
            idx = sent_index.get(cand.sent_start)
            if idx is None:
                continue
            if code.startswith("JW3"):
                # tokenism that is quoted, criticised or, for a vague commitment, next to real power
                mentioned = self.context.ruled_out(sentence, rel_s, rel_e, quote_limit) or (
                    code == "JW305" and idx in state.powered
                )
            else:
                mentioned = self.context.mentioned(sentence, rel_s, rel_e, quote_limit)
            explained = cand.entry.unless_explained and self.context.explained(
                sentence, rel_s, rel_e, next_text.get(cand.sent_start)
            )
            state.hits.append(_Hit(cand, cand.start + offset, cand.end + offset, idx, explained, mentioned))
        if self.config.is_selected("JW103"):
            state.abbreviations.extend(find_abbreviations(doc, self.lexicon, offset))
        if self.sentence_models is not None or self.feature_sink is not None:
            self._score_sentences(state, modelled, first_hit, offset)

    def _score_sentences(
        self, state: _DocState, modelled: list[tuple[int, Span, SentenceCues]], first_hit: int, offset: int
    ) -> None:
        """The sentence models' verdict on each sentence of this chunk (or, in training, its features)."""
        codes: dict[int, Counter[str]] = {}
        for hit in state.hits[first_hit:]:
            if not hit.mentioned:
                codes.setdefault(hit.sentence, Counter())[hit.cand.entry.code] += 1
        rows: list[tuple[list[float], list[str]]] = []
        for i, sent, cues in modelled:
            cues.codes = codes.get(i, Counter())
            dense = sentence_dense(sent, cues)
            terms = sentence_terms(sent)
            if self.feature_sink is not None:
                self.feature_sink.append((sent.start_char + offset, sent.end_char + offset, dense, terms))
            rows.append((dense, terms))
        if self.sentence_models is None:
            return
        with_rung = "sentence_rung" in self.sentence_models.models
        for (i, _, _), verdict in zip(modelled, self.sentence_models.verdicts(rows), strict=True):
            s = state.sentences[i]
            s.verdict = verdict
            if verdict.rung is not None or with_rung:
                s.rung, s.rung_confidence = verdict.rung, verdict.rung_confidence

    # -- the whole document ------------------------------------------------------------
    def _finish(self, state: _DocState) -> Report:
        cfg = self.config
        text = state.source.text
        findings: list[Finding] = []
        findings.extend(self._lexical_findings(state, text))
        findings = self._recipient_findings(state, text, findings)
        findings.extend(self._grammar_findings(state, text, findings))  # JW202 and JW3xx read from the parse
        findings.extend(self._abbreviation_findings(state, text))
        findings.extend(self._hard_word_findings(state, text, findings))
        findings.extend(self._model_tokenism_findings(state, text, findings))

        total = Counts()
        infos: list[SentenceInfo] = []
        long_sentences = 0
        for i, s in enumerate(state.sentences):
            total.add(s.counts)
            c = s.counts
            info = SentenceInfo(
                s.start,
                s.end,
                c.words,
                c.syllables,
                c.polysyllables,
                c.complex_words,
                c.difficult_words,
                c.letters,
                s.passive,
                s.rung,
                s.rung_confidence,
                s.verdict.hard if s.verdict else None,
                s.verdict.them_us if s.verdict else None,
                s.verdict.tokenism if s.verdict else None,
            )
            infos.append(info)
            grade = info.grade
            if s.counts.words > cfg.max_sentence_words:
                long_sentences += 1
                findings.append(
                    self._finding(
                        "JW401",
                        s.start,
                        s.end,
                        text,
                        f"This sentence has {s.counts.words} words; aim for {cfg.max_sentence_words} or fewer.",
                        ("Split it into two or three shorter sentences.",),
                        sentence=i,
                    )
                )
            elif (p_hard := self._hard_sentence(s, grade)) is not None:
                message = f"This sentence reads at grade {grade:.0f} (reading age {grade + 5:.0f})"
                if s.verdict is not None and s.verdict.hard is not None:
                    message += f", and the sentence model gives {p_hard:.0%} that it is hard for the reader."
                else:
                    message += f"; the target is grade {cfg.target_grade:g}."
                findings.append(
                    self._finding(
                        "JW402",
                        s.start,
                        s.end,
                        text,
                        message,
                        ("Use shorter, everyday words and one idea per sentence.",),
                        sentence=i,
                        confidence=round(p_hard, 3),
                    )
                )
            for a, b in s.agentless:
                findings.append(
                    self._finding(
                        "JW403",
                        a,
                        b,
                        text,
                        f"'{text[a:b]}' does not say who does it.",
                        ("Say who does it: 'we decided' rather than 'it was decided'.",),
                        sentence=i,
                    )
                )

        f = formulas(total)
        jargon = sum(1 for x in findings if x.code.startswith("JW1"))
        per_100 = 100.0 * jargon / total.words if total.words else 0.0
        passive_ratio = total.passive_sentences / total.parsed_sentences if total.parsed_sentences else None
        long_share = long_sentences / len(state.sentences) if state.sentences else 0.0
        hard_share = _mean(s.verdict.hard for s in state.sentences if s.verdict)
        them_us_share = _mean(s.verdict.them_us for s in state.sentences if s.verdict)
        formula_score = accessibility_score(
            f.flesch_reading_ease,
            f.flesch_kincaid_grade,
            cfg.target_grade,
            long_share,
            passive_ratio,
            per_100,
        )
        scores = Scores(
            words=total.words,
            sentences=total.sentences,
            flesch_reading_ease=f.flesch_reading_ease,
            flesch_kincaid_grade=f.flesch_kincaid_grade,
            smog=f.smog,
            gunning_fog=f.gunning_fog,
            dale_chall=f.dale_chall,
            coleman_liau=f.coleman_liau,
            automated_readability_index=f.automated_readability_index,
            words_per_sentence=f.words_per_sentence,
            syllables_per_word=f.syllables_per_word,
            passive_ratio=passive_ratio,
            jargon_per_100_words=per_100,
            reading_age=f.reading_age,
            # With the sentence models: the expected share of sentences the reader can read easily.
            accessibility=formula_score if hard_share is None else round(100.0 * (1.0 - hard_share), 1),
            hard_share=None if hard_share is None else round(hard_share, 4),
            them_us_share=None if them_us_share is None else round(them_us_share, 4),
        )
        if total.words >= 30 and (
            f.flesch_kincaid_grade > cfg.target_grade or f.flesch_reading_ease < cfg.target_ease
        ):
            findings.append(
                self._finding(
                    "JW404",
                    0,
                    0,
                    text,
                    f"The document reads at grade {f.flesch_kincaid_grade:.1f} (UK reading age about "
                    f"{f.reading_age:.0f}) with Flesch reading ease {f.flesch_reading_ease:.0f}; the target is grade "
                    f"{cfg.target_grade:g} or below and reading ease {cfg.target_ease:g} or above.",
                    ("Use shorter sentences and everyday words.",),
                )
            )
        for note in state.source.notes:
            findings.append(self._finding("JW002", 0, 0, text, note, (), severity=Severity.INFO))

        ladder = self._ladder(state, text, findings)
        selected = [x for x in findings if cfg.is_selected(x.code)]
        selected, suppressed = self._suppress(state.source, selected)
        kept = tuple(
            sorted(
                (x for x in selected if x.severity >= cfg.min_severity),
                key=lambda x: (x.start, x.end, x.code),
            )
        )
        return Report(
            text=text,
            findings=kept,
            suppressed=suppressed,
            units=state.source.units,
            who_acts=state.who.to_dict(self.agency.labels) if self.agency is not None else {},
            ladder=ladder,
            sentences=tuple(infos),
            scores=scores,
            path=state.source.path,
            skipped=self.skipped,
            versions=self.versions,
        )

    def _suppress(
        self, source: Source, findings: list[Finding]
    ) -> tuple[list[Finding], tuple[Suppressed, ...]]:
        """Apply inline suppression comments; report those that suppress nothing as JW001."""
        if not source.directives:
            return findings, ()
        text = source.text
        line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        active = scopes(source.directives, text)
        used: set[int] = set()
        kept: list[Finding] = []
        hidden: list[Suppressed] = []
        for f in findings:
            line = bisect.bisect_right(line_starts, f.start)
            scope = next(
                (s for s in active if s.first_line <= line <= s.last_line and s.directive.covers(f.code)),
                None,
            )
            if scope is None:
                kept.append(f)
                continue
            used.add(id(scope.directive))
            d = scope.directive
            hidden.append(Suppressed(f, d.kind, d.reason, d.line))
        if self.config.is_selected("JW001"):
            for d in source.directives:
                if d.bad_codes:
                    message = f"This {d.kind} comment names {', '.join(d.bad_codes)}, which is not a jargonwatch code."
                elif d.kind != "enable" and id(d) not in used:
                    what = ", ".join(d.codes) if d.codes else "any code"
                    message = (
                        f"This {d.kind} comment suppresses nothing: no finding of {what} falls under it."
                    )
                else:
                    continue
                kept.append(self._finding("JW001", d.start, d.end, text, message, ("Delete the comment.",)))
        return kept, tuple(hidden)

    def _finding(
        self,
        code: str,
        start: int,
        end: int,
        text: str,
        message: str,
        suggestions: tuple[str, ...],
        *,
        severity: Severity | None = None,
        sentence: int | None = None,
        note: str | None = None,
        source: str | None = None,
        confidence: float = 1.0,
    ) -> Finding:
        rule = RULES_BY_CODE[code]
        return Finding(
            code=code,
            name=rule.name,
            start=start,
            end=end,
            text=text[start:end],
            message=message,
            suggestions=suggestions,
            severity=self.config.severity_for(code, severity or rule.severity),
            note=note,
            source=source or f"rule:{code}",
            sentence=sentence,
            confidence=confidence,
        )

    def _lexical_findings(self, state: _DocState, text: str) -> list[Finding]:
        explained_at = {(h.cand.entry.id, h.sentence) for h in state.hits if h.explained}
        used: set[str] = set()
        chosen: list[_Hit] = []
        for hit in sorted(state.hits, key=lambda h: (h.start, -(h.end - h.start))):
            entry = hit.cand.entry
            if hit.mentioned or hit.explained or (entry.id, hit.sentence - 1) in explained_at:
                continue
            if entry.first_use_only:
                if entry.id in used:
                    continue
                used.add(entry.id)
            chosen.append(hit)
        out = []
        for hit in _resolve_overlaps(chosen):
            entry = hit.cand.entry
            matched = text[hit.start : hit.end]
            suggestions = tuple(
                dict.fromkeys(match_case(p, matched) for p in entry.suggestions_for(hit.cand.tag))
            )
            label = RULES_BY_CODE[entry.code].label
            out.append(
                self._finding(
                    entry.code,
                    hit.start,
                    hit.end,
                    text,
                    f"{label} '{matched}': {entry.reason}",
                    suggestions,
                    severity=entry.severity,
                    sentence=hit.sentence,
                    note=entry.note,
                    source=entry.ref,
                )
            )
        return out

    def _ladder(self, state: _DocState, text: str, findings: list[Finding]) -> dict[str, object]:
        """The document's ladder profile, its claimed and described rungs, and JW303 when the claim
        (partnership or more) outruns everything the document shows people doing (rungs 3 to 5)."""
        if self.ladder is None:
            return {}
        profile = {str(r): 0 for r in range(1, 9)}
        for s in state.sentences:
            if s.rung is not None:
                profile[str(s.rung)] += 1
        # What the document shows people doing: sentences that make the claim do not count.
        rungs = [s.rung for s in state.sentences if s.rung is not None and not s.claim]
        claimed = 6 if state.claims else None
        described = max(rungs) if rungs else None
        if claimed and described is not None and 3 <= described <= 5:
            a, b = state.claims[0]
            name = self.ladder.names[described]
            findings.append(
                self._finding(
                    "JW303",
                    a,
                    b,
                    text,
                    f"Consultation called co-production: the document claims '{text[a:b]}', but the most "
                    f"people do in what it describes is {name} (rung {described} of 8).",
                    (
                        "Say what it was: 'we asked people for their views', or share the decisions and say how",
                    ),
                    sentence=max(0, bisect.bisect_right([s.start for s in state.sentences], a) - 1),
                    confidence=0.6,
                )
            )
        return {"profile": profile, "claimed": claimed, "described": described}

    def _recipient_findings(self, state: _DocState, text: str, findings: list[Finding]) -> list[Finding]:
        """JW204 findings; a contested term's info note gives way to the warning on the same words."""
        if not state.recipients or self.agency is None:
            return findings
        added = []
        for a, b, group, verb, sentence in state.recipients:
            label = self.agency.labels.get(group, group)
            added.append(
                self._finding(
                    "JW204",
                    a,
                    b,
                    text,
                    f"Passive recipients '{' '.join(text[a:b].split())}': {label} only receive this action "
                    f"('{verb}'); nothing in the sentence has them deciding or doing anything.",
                    (
                        "Say who decides, and give people verbs of their own: 'people who use the service will decide...'",
                    ),
                    sentence=sentence,
                )
            )
        spans = [(f.start, f.end) for f in added]
        kept = [
            f
            for f in findings
            if not (
                f.code == "JW201"
                and f.severity == Severity.INFO
                and any(x < f.end and f.start < y for x, y in spans)
            )
        ]
        return kept + added

    def _hard_sentence(self, s: _Sentence, grade: float) -> float | None:
        """JW402's verdict on a sentence (its confidence), or None: the calibrated sentence model
        at its shipped threshold when it is installed, else the grade above target plus margin."""
        cfg = self.config
        model = self.sentence_models.models.get("sentence_hard") if self.sentence_models else None
        if model is not None and model.threshold is not None and s.verdict and s.verdict.hard is not None:
            return s.verdict.hard if s.counts.words >= 5 and s.verdict.hard >= model.threshold else None
        if s.counts.words >= 8 and grade > cfg.target_grade + cfg.hard_sentence_margin:
            return 1.0
        return None

    def _hard_word_findings(self, state: _DocState, text: str, findings: list[Finding]) -> list[Finding]:
        """JW107: words the hard-word model scores as hard, at their first use, where no list
        already says something about the same words."""
        if not state.hard_words:
            return []
        taken = sorted((f.start, f.end) for f in findings if f.code.startswith("JW1"))
        starts = [a for a, _ in taken]
        reach = list(itertools.accumulate((b for _, b in taken), max))  # furthest end among the first i
        allow = set(self.config.allow)
        never = {w.lower() for w in self.lexicon.never_flag}
        seen: set[str] = set()
        out = []
        for h in state.hard_words:
            w = h.word
            lemma = (w.lemma or w.text).lower()
            if lemma in seen or lemma in allow or w.text.lower() in allow or lemma in never:
                continue
            i = bisect.bisect_left(starts, w.end)  # the findings that start before the word ends
            if i and reach[i - 1] > w.start:
                continue  # one of them also ends after it starts: the words are already covered
            seen.add(lemma)
            out.append(
                self._finding(
                    "JW107",
                    w.start,
                    w.end,
                    text,
                    f"Hard word '{w.text}': the hard-word model gives {w.probability:.0%} that a reader "
                    "outside the sector would not know it.",
                    plain_words(w.text, w.lemma, w.tag, text[max(0, w.start - 200) : w.end + 200]),
                    sentence=h.sentence,
                    source="model:hardword",
                    confidence=round(w.probability, 3),
                )
            )
        return out

    def _model_tokenism_findings(self, state: _DocState, text: str, findings: list[Finding]) -> list[Finding]:
        """Tokenism the sentence models see where no pattern matched (precision-first thresholds)."""
        have = {(f.code, f.sentence) for f in findings if f.code.startswith("JW3")}
        out = []
        for i, s in enumerate(state.sentences):
            if s.verdict is None:
                continue
            for code, prob in s.verdict.tokenism_codes:
                if (code, i) in have or not self.config.is_selected(code):
                    continue
                rule = RULES_BY_CODE[code]
                out.append(
                    self._finding(
                        code,
                        s.start,
                        s.end,
                        text,
                        f"{rule.label} (sentence model, {prob:.0%}): {rule.summary}",
                        (rule.better,) if rule.better else (),
                        sentence=i,
                        source=f"model:sentence_{code}",
                        confidence=round(prob, 3),
                    )
                )
        return out

    # -- read from the parse: JW202 distancing and tokenism ------------------------------------------
    @cached_property
    def distancing(self) -> DistancingReader | None:
        """JW202 from the parse; None without a parser or without the data in lexicons/agency.yml."""
        data = self.lexicon.agency.distancing if self.lexicon.agency is not None else None
        if data is None or self.agency is None:
            return None
        exceptions = [e for entry in self.lexicon.entries if entry.code == "JW202" for e in entry.exceptions]
        return DistancingReader(data, self.agency, exceptions)

    @cached_property
    def involvement(self) -> InvolvementReader | None:
        """Tokenism (JW301, JW302, JW304, JW305) from the parse; None without a parser or the data."""
        data = self.lexicon.agency.involvement if self.lexicon.agency is not None else None
        if data is None or self.agency is None:
            return None
        return InvolvementReader(data, self.agency)

    def _read_grammar(
        self,
        sent: Span,
        sent_text: str,
        actions: list[Action],
        rung: SentenceRung | None,
        claims: list[tuple[int, int]],
        state: _DocState,
        offset: int,
    ) -> None:
        """One parsed sentence: JW202 candidates, paragraph bookkeeping for "they" against "we", and
        tokenism candidates. Called from _collect before the sentence is appended."""
        index = len(state.sentences)
        start = sent.start_char
        cfg = self.config
        reader = self.distancing
        if reader is not None and cfg.is_selected("JW202"):
            for hit in reader.phrases(sent):
                if not self.context.mentioned(sent_text, hit.start - start, hit.end - start):
                    moved = dataclasses.replace(hit, start=hit.start + offset, end=hit.end + offset)
                    state.distancing.append((moved, index))
            block = bisect.bisect_right(state.source.blocks, start + offset) - 1
            if block != state.paragraph.block:
                state.distancing += state.paragraph.close()
                state.paragraph.block = block
            reader.feed(sent, state.paragraph, index, offset)
        involvement = self.involvement
        if involvement is None:
            return
        seat = False
        if involvement.gives_power(sent, actions):
            state.powered.add(index)
        hits = involvement.read(sent, actions)
        if self.ladder is not None and cfg.is_selected("JW303"):
            hits += involvement.under_claim(sent, claims, actions, rung.rung if rung is not None else None)
        for hit in hits:
            a, b = hit.start - start, hit.end - start
            if cfg.is_selected(hit.code) and not self.context.ruled_out(sent_text, a, b, 6):
                moved = dataclasses.replace(hit, start=hit.start + offset, end=hit.end + offset)
                (state.staff_made if hit.kind == "made by staff" else state.tokenism).append((moved, index))
                seat = seat or hit.code == "JW302"
        if cfg.is_selected("JW304"):
            state.basics = state.basics or involvement.mentions_basics(sent_text)
            placed = rung is not None and rung.rung == 5 and rung.confidence >= 0.7
            if (seat or placed) and involvement.planned(sent):
                state.standing.append(index)

    def _grammar_findings(self, state: _DocState, text: str, findings: list[Finding]) -> list[Finding]:
        """Findings read from the parse: JW202 where no lexicon entry already has the words, and
        tokenism where no lexicon entry already has the sentence; JW304 over the whole document."""
        state.distancing += state.paragraph.close()
        out: list[Finding] = []
        taken = [(f.start, f.end) for f in findings if f.code == "JW202"]
        labels = self.agency.labels if self.agency is not None else {}
        for hit, sentence in sorted(state.distancing, key=lambda item: item[0].start):
            if any(a < hit.end and hit.start < b for a, b in taken):
                continue
            taken.append((hit.start, hit.end))
            words = " ".join(text[hit.start : hit.end].split())
            label = labels.get(hit.group, hit.group)
            if hit.kind == "possessive":
                message = (
                    f"Possessive framing '{words}': 'our' makes {label} sound like the organisation's own."
                )
                suggestions: tuple[str, ...] = ("the people we work with", "people who use our services")
            elif hit.kind == "demonstrative":
                message = f"Distancing framing '{words}': pointing at {label} sets them apart as 'them'."
                suggestions = ("Name who you mean: 'the families we work with'.",)
            else:
                message = (
                    f"'{words}' stands for {hit.antecedent.lower()}, set against 'we' (the organisation): "
                    "them and us."
                )
                suggestions = ("Name the people and give them verbs of their own: 'residents told us ...'.",)
            out.append(
                self._finding("JW202", hit.start, hit.end, text, message, suggestions, sentence=sentence)
            )
        have = {(f.code, f.sentence) for f in findings if f.code.startswith("JW3")}
        if any(code == "JW301" for code, _ in have) or any(t.code == "JW301" for t, _ in state.tokenism):
            state.tokenism += state.staff_made  # plans made by staff, in a document where people came in late
        for tok, sentence in sorted(state.tokenism, key=lambda item: item[0].start):
            if (tok.code, sentence) in have:
                continue
            have.add((tok.code, sentence))
            words = " ".join(text[tok.start : tok.end].split())
            message, suggestion = (
                _TOKENISM_MESSAGES.get(f"{tok.code} {tok.kind}") or _TOKENISM_MESSAGES[tok.code]
            )
            out.append(
                self._finding(
                    tok.code,
                    tok.start,
                    tok.end,
                    text,
                    message.format(words),
                    (suggestion,),
                    sentence=sentence,
                    severity=Severity.INFO if tok.code == "JW305" else None,
                    confidence=0.6,
                )
            )
        if state.standing and not state.basics and self.config.is_selected("JW304"):
            sentence = state.standing[0]
            s = state.sentences[sentence]
            if ("JW304", sentence) not in have:
                out.append(
                    self._finding(
                        "JW304",
                        s.start,
                        s.end,
                        text,
                        "Missing involvement basics: people are asked to take part, but nothing in the "
                        "document mentions payment, expenses, notice or accessible papers.",
                        (
                            "Say how people are paid for their time, how expenses are covered and how much "
                            "notice and support they get.",
                        ),
                        sentence=sentence,
                        confidence=0.5,
                    )
                )
        return out

    def _abbreviation_findings(self, state: _DocState, text: str) -> list[Finding]:
        out = []
        sentence_starts = [s.start for s in state.sentences]
        for u in unexplained(state.abbreviations):
            entry = self.lexicon.abbreviations.get(u.abbr)
            more = (
                f" It is used {u.later_uses} more time{'s' if u.later_uses != 1 else ''}."
                if u.later_uses
                else ""
            )
            later = " Its full form only comes later." if u.defined_later_at is not None else ""
            if entry:
                suggestions = tuple(f"{e} ({u.abbr})" for e in entry.expansions) + entry.plain
                message = (
                    f"'{u.abbr}' is not spelled out at its first use ({entry.expansions[0]}).{more}{later}"
                )
            else:
                suggestions = ()
                message = f"'{u.abbr}' looks like an abbreviation that is not spelled out at its first use.{more}{later}"
            out.append(
                self._finding(
                    "JW103",
                    u.start,
                    u.end,
                    text,
                    message,
                    suggestions,
                    severity=entry.severity if entry else None,
                    sentence=max(0, bisect.bisect_right(sentence_starts, u.start) - 1),
                    note=entry.note
                    if entry
                    else "Spell it out the first time, then the abbreviation may follow in brackets.",
                    source=entry.ref if entry else "rule:JW103",
                )
            )
        return out


def plain_words(word: str, lemma: str, tag: str, context: str) -> tuple[str, ...]:
    """Plainer words for a hard word, from the project's WordNet-derived thesaurus."""
    from .thesaurus import suggest

    return tuple(suggest(word, lemma=lemma, tag=tag, context=context, k=3))


def _mean(values: Iterable[float | None]) -> float | None:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else None


# Messages for tokenism read from the parse, by code (or "code kind"): the message, then one suggestion.
_TOKENISM_MESSAGES = {
    "JW301": (
        "Late involvement: '{}' brings people in once the plan is made, too late to shape it.",
        "Involve people from the start: 'carers helped write the first draft'.",
    ),
    "JW301 made by staff": (
        "Late involvement: '{}' shows the plan was made by staff; people came in only afterwards.",
        "Involve people from the start: 'carers helped write the first draft'.",
    ),
    "JW302": (
        "Token presence: '{}' cannot speak for everyone, and one person alone has little power.",
        "Several people with lived experience, each with a vote, paid time and support.",
    ),
    "JW303": (
        "Consultation called co-production: the sentence says '{}' but describes only asking people for "
        "their views.",
        "Say what it was: 'we asked people for their views', or share the decisions and say how.",
    ),
    "JW305": (
        "Vague commitment: '{}' promises people a voice but attaches no decision, budget or role.",
        "Say what people will decide, and how: name the role, vote or budget they will have.",
    ),
}


def _resolve_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """Within a family, keep the longest of overlapping matches (then the most severe)."""
    by_family: dict[str, list[_Hit]] = {}
    for h in hits:
        by_family.setdefault(h.cand.entry.code[2], []).append(h)
    kept: list[_Hit] = []
    for group in by_family.values():
        group.sort(key=lambda h: (-(h.end - h.start), -int(h.cand.entry.severity), h.start))
        starts: list[int] = []  # kept spans never overlap, so sorted starts also sort their ends
        ends: list[int] = []
        for h in group:
            i = bisect.bisect_left(starts, h.end)
            if i > 0 and ends[i - 1] > h.start:
                continue
            starts.insert(i, h.start)
            ends.insert(i, h.end)
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


def _mark_blocks(doc: Doc, blocks: tuple[int, ...], offset: int) -> None:
    """Start a sentence at every block start (heading, paragraph, list item) inside this chunk."""
    if not blocks:
        return
    lo = bisect.bisect_left(blocks, offset)
    end = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    hi = bisect.bisect_left(blocks, offset + end)
    if lo == hi:
        return
    for b in blocks[lo:hi]:
        span = doc.char_span(b - offset, b - offset + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and span[0].idx == b - offset:
            span[0].is_sent_start = True


def _passives(sent: object) -> tuple[bool, list[tuple[int, int]]]:
    """Whether the sentence has a passive, and the spans of passives with no 'by' agent."""
    passive = False
    agentless: list[tuple[int, int]] = []
    for token in sent:  # type: ignore[attr-defined]
        if token.dep_ != "auxpass":
            continue
        passive = True
        verb = token.head
        if any(child.dep_ == "agent" for child in verb.children):
            continue
        last = verb
        while last.i + 1 < len(last.doc) and not last.whitespace_ and not last.doc[last.i + 1].is_punct:
            last = last.doc[last.i + 1]  # the rest of a hyphenated word: "co-produced"
        while (
            last.i + 2 < len(last.doc)
            and not last.whitespace_
            and last.doc[last.i + 1].text == "-"
            and not last.doc[last.i + 1].whitespace_
        ):
            last = last.doc[last.i + 2]
        start = min(token.idx, verb.idx)
        end = max(token.idx + len(token.text), last.idx + len(last.text))
        agentless.append((start, end))
    return passive, agentless


@lru_cache(maxsize=8)
def get_analyzer(config: Config) -> Analyzer:
    """One Analyzer per distinct Config, kept for the life of the process."""
    return Analyzer(config)
