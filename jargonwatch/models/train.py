"""`jargonwatch train`: fit the hard-word and sentence models on the project's labelled corpus.

Reproducible: the corpus (corpora/raw, corpora/sentences.jsonl, corpora/labels/gold.jsonl,
corpora/splits.json) is split by document; models are fitted on **train**, their
regularisation chosen by cross-validation on train (folds by document), thresholds and
probability calibration set on **dev**, and every reported figure on **test** is measured
once, after all of that. Solvers are deterministic, so the same corpus and library
versions give the same arrays.

Thresholds are precision-first: the lowest threshold whose precision on dev reaches the
model's target (0.8 for findings), so that recall is as high as that precision allows;
when no threshold reaches the target, the model makes no findings (its scores are still
reported per sentence).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import platform
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from .hardword import is_candidate
from .sentences import FEATURES as SENTENCE_FEATURES
from .sentences import TOKENISM_CODES
from .store import MODEL_DIR, LinearModel
from .words import FEATURES as WORD_FEATURES
from .words import LexiconWords, Word, word_features

SEED = 20261122
HARD_WORD_CODES = frozenset({"JW101", "JW102", "JW104", "JW106", "JW107"})
FINDING_PRECISION = 0.8
MIN_DF = 3
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


@dataclass
class Corpus:
    root: Path
    gold: list[dict[str, Any]]
    offsets: dict[str, tuple[int, int]]
    split_of: dict[str, str]
    digest: str

    @classmethod
    def load(cls, root: Path) -> Corpus:
        paths = [root / "labels" / "gold.jsonl", root / "sentences.jsonl", root / "splits.json"]
        raw = sorted((root / "raw").glob("*.md"))
        h = hashlib.sha256()
        for p in [*paths, *raw]:
            h.update(p.relative_to(root).as_posix().encode())
            h.update(p.read_bytes())
        gold = [
            json.loads(line) for line in paths[0].read_text(encoding="utf-8").splitlines() if line.strip()
        ]
        offsets = {}
        for line in paths[1].read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                offsets[row["id"]] = (row["start"], row["end"])
        splits = json.loads(paths[2].read_text(encoding="utf-8"))
        split_of = {doc: name for name in ("train", "dev", "test") for doc in splits[name]}
        return cls(root, gold, offsets, split_of, "sha256:" + h.hexdigest())

    def docs(self) -> list[str]:
        return sorted({g["doc"] for g in self.gold})


# -- metrics -------------------------------------------------------------------------------------


def prf(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    tp = int(np.sum((pred == 1) & (y == 1)))
    fp = int(np.sum((pred == 1) & (y == 0)))
    fn = int(np.sum((pred == 0) & (y == 1)))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "gold": tp + fn,
        "predicted": tp + fp,
    }


def precision_first_threshold(y: np.ndarray, prob: np.ndarray, target: float) -> float | None:
    """The lowest threshold whose precision on (y, prob) is at least ``target`` with 3+ true hits."""
    best = None
    for t in sorted(set(prob.tolist()), reverse=True):
        pred = prob >= t
        tp = int(np.sum(pred & (y == 1)))
        if tp >= 3 and tp / max(int(pred.sum()), 1) >= target:
            best = t
    return best


def f1_threshold(y: np.ndarray, prob: np.ndarray) -> float:
    grid = np.unique(np.round(prob, 3))
    return float(max(grid, key=lambda t: (prf(y, (prob >= t).astype(int))["f1"], -t)))


def calibration_error(y: np.ndarray, prob: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over equal-width bins."""
    edges = np.linspace(0, 1, bins + 1)
    err = 0.0
    for lo, hi in itertools.pairwise(edges):
        m = (prob >= lo) & ((prob < hi) if hi < 1 else (prob <= hi))
        if m.any():
            err += m.mean() * abs(prob[m].mean() - y[m].mean())
    return round(float(err), 4)


# -- fitting ---------------------------------------------------------------------------------------


def _cv_choose_c(
    make: Callable[[float], Any], x: Any, y: np.ndarray, groups: np.ndarray, score: Callable[..., float]
) -> tuple[float, dict[str, float]]:
    from sklearn.model_selection import GroupKFold

    results = {}
    folds = list(GroupKFold(n_splits=min(5, len(set(groups.tolist())))).split(x, y, groups))
    for c in C_GRID:
        vals = []
        for tr, te in folds:
            if len(set(y[tr].tolist())) < 2:
                continue
            model = make(c).fit(x[tr], y[tr])
            vals.append(score(model, x[te], y[te]))
        results[str(c)] = round(float(np.mean(vals)), 4) if vals else 0.0
    best = max(C_GRID, key=lambda c: (results[str(c)], -c))
    return best, results


def _average_precision(model: Any, x: Any, y: np.ndarray) -> float:
    from sklearn.metrics import average_precision_score

    if y.sum() == 0:
        return 0.0
    return float(average_precision_score(y, model.predict_proba(x)[:, 1]))


def _log_loss(model: Any, x: Any, y: np.ndarray) -> float:
    from sklearn.metrics import log_loss

    return -float(log_loss(y, model.predict_proba(x), labels=model.classes_))


def _logistic(c: float, multiclass: bool = False) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000, solver="lbfgs", random_state=SEED)


# -- the hard-word model ---------------------------------------------------------------------------


def word_rows(corpus: Corpus, lexicon: LexiconWords, nlp: Any) -> dict[str, Any]:
    """Candidate words of every gold sentence, labelled 1 inside a one-word jargon span (or any
    JW107 span), 0 outside every span; words inside longer jargon phrases are left out."""
    from ..sources import read_source

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in corpus.gold:
        by_doc.setdefault(g["doc"], []).append(g)
    xs, ys, groups, splits, words = [], [], [], [], []
    for doc_id in corpus.docs():
        source = read_source(corpus.root / "raw" / f"{doc_id}.md")
        doc = nlp(source.masked)
        for g in by_doc[doc_id]:
            start, end = corpus.offsets[g["id"]]
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            text = g["text"]
            positive: list[tuple[int, int]] = []
            excluded: list[tuple[int, int]] = []
            for j in g["jargon"]:
                at = text.find(j["span"])
                if at < 0:
                    continue
                a, b = start + at, start + at + len(j["span"])
                one_word = len(j["span"].split()) == 1
                if j["code"] in HARD_WORD_CODES and (one_word or j["code"] == "JW107"):
                    positive.append((a, b))
                else:
                    excluded.append((a, b))
            for tok in span:
                if not is_candidate(tok):
                    continue
                a, b = tok.idx, tok.idx + len(tok.text)
                if any(x < b and a < y for x, y in excluded):
                    continue
                label = int(any(x < b and a < y for x, y in positive))
                xs.append(word_features([Word(tok.text, tok.lemma_, tok.pos_, tok.is_sent_start)], lexicon))
                ys.append(label)
                groups.append(doc_id)
                splits.append(corpus.split_of[doc_id])
                words.append(tok.text)
    return {
        "x": np.array(xs, dtype=np.float64),
        "y": np.array(ys),
        "groups": np.array(groups),
        "split": np.array(splits),
        "words": words,
    }


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


def fit_hardword(rows: dict[str, Any], card: dict[str, Any]) -> tuple[LinearModel, dict[str, Any]]:
    x, y, split = rows["x"], rows["y"], rows["split"]
    tr, dv, te = split == "train", split == "dev", split == "test"
    mean, scale = _standardise(x[tr])
    z = (x - mean) / scale
    c, cv = _cv_choose_c(_logistic, z[tr], y[tr], rows["groups"][tr], _average_precision)
    clf = _logistic(c).fit(z[tr], y[tr])
    p_dev = clf.predict_proba(z[dv])[:, 1]
    threshold = precision_first_threshold(y[dv], p_dev, FINDING_PRECISION)
    rule = f"precision >= {FINDING_PRECISION} on dev"
    if threshold is None:
        threshold, rule = (
            f1_threshold(y[dv], p_dev),
            "best F1 on dev (no threshold reached the precision target)",
        )
    p_test = clf.predict_proba(z[te])[:, 1]
    from sklearn.metrics import average_precision_score

    metrics = {
        "examples": {s: int(np.sum(split == s)) for s in ("train", "dev", "test")},
        "positives": {s: int(y[split == s].sum()) for s in ("train", "dev", "test")},
        "cv_average_precision_by_C": cv,
        "C": c,
        "threshold_rule": rule,
        "dev": prf(y[dv], (p_dev >= threshold).astype(int)),
        "test": prf(y[te], (p_test >= threshold).astype(int)),
        "test_average_precision": round(float(average_precision_score(y[te], p_test)), 3),
    }
    model = LinearModel(
        name="hardword",
        kind="binary",
        features=WORD_FEATURES,
        mean=mean,
        scale=scale,
        coef=clf.coef_.astype(np.float64),
        intercept=clf.intercept_.astype(np.float64),
        threshold=float(threshold),
        card={**card, "task": "JW107: is this word hard for the reader?", "metrics": metrics},
    )
    return model, metrics


# -- the sentence models ---------------------------------------------------------------------------


def sentence_rows(corpus: Corpus, models_dir: Path, pipeline: str) -> dict[str, Any]:
    """Dense features and terms for every gold sentence, read by the analyser itself."""
    from ..analyzer import Analyzer
    from ..config import Config
    from ..sources import read_source

    analyzer = Analyzer(Config(model=pipeline, models=str(models_dir)))
    analyzer.sentence_models = None
    sink: list[tuple[int, int, list[float], list[str]]] = []
    analyzer.feature_sink = sink
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for g in corpus.gold:
        by_doc.setdefault(g["doc"], []).append(g)
    dense, terms, gold, groups, splits = [], [], [], [], []
    for doc_id in corpus.docs():
        sink.clear()
        analyzer.analyze_source(read_source(corpus.root / "raw" / f"{doc_id}.md"))
        starts = {row[0]: row for row in sink}
        for g in by_doc[doc_id]:
            start, end = corpus.offsets[g["id"]]
            row = starts.get(start)
            if row is None:  # segmentation drifted: take the sentence that overlaps most
                row = max(sink, key=lambda r: min(r[1], end) - max(r[0], start), default=None)
                if row is None or min(row[1], end) <= max(row[0], start):
                    continue
            dense.append(row[2])
            terms.append(row[3])
            gold.append(g)
            groups.append(doc_id)
            splits.append(corpus.split_of[doc_id])
    return {
        "dense": np.array(dense, dtype=np.float64),
        "terms": terms,
        "gold": gold,
        "groups": np.array(groups),
        "split": np.array(splits),
    }


def _design(rows: dict[str, Any], vocabulary: Sequence[str], mean: np.ndarray, scale: np.ndarray) -> Any:
    from scipy import sparse

    index = {t: i for i, t in enumerate(vocabulary)}
    r, c = [], []
    for i, ts in enumerate(rows["terms"]):
        for j in {index[t] for t in ts if t in index}:
            r.append(i)
            c.append(j)
    bag = sparse.csr_matrix((np.ones(len(r)), (r, c)), shape=(len(rows["terms"]), len(vocabulary)))
    z = (rows["dense"] - mean) / scale
    return sparse.hstack([sparse.csr_matrix(z), bag]).tocsr()


def _vocabulary(rows: dict[str, Any]) -> list[str]:
    df: dict[str, int] = {}
    for ts, s in zip(rows["terms"], rows["split"], strict=True):
        if s != "train":
            continue
        for t in set(ts):
            df[t] = df.get(t, 0) + 1
    return sorted(t for t, n in df.items() if n >= MIN_DF)


def fit_sentence_models(
    rows: dict[str, Any], card: dict[str, Any]
) -> tuple[list[LinearModel], dict[str, Any]]:
    split = rows["split"]
    tr, dv, te = split == "train", split == "dev", split == "test"
    mean, scale = _standardise(rows["dense"][tr])
    vocabulary = _vocabulary(rows)
    x = _design(rows, vocabulary, mean, scale)
    groups = rows["groups"]
    gold = rows["gold"]
    targets: dict[str, np.ndarray] = {
        "sentence_hard": np.array([int(g["hard"]) for g in gold]),
        "sentence_them_us": np.array([int(bool(g["them_us"])) for g in gold]),
        "sentence_tokenism": np.array([int(bool(g["tokenism"])) for g in gold]),
    }
    for code in TOKENISM_CODES:
        targets[f"sentence_{code}"] = np.array([int(code in g["tokenism"]) for g in gold])
    models: list[LinearModel] = []
    report: dict[str, Any] = {
        "vocabulary": len(vocabulary),
        "sentences": {s: int(np.sum(split == s)) for s in ("train", "dev", "test")},
    }
    from sklearn.metrics import average_precision_score, brier_score_loss

    for name, y in targets.items():
        if len(set(y[tr].tolist())) < 2:
            report[name] = {"skipped": "only one class in the training split"}
            continue
        c, cv = _cv_choose_c(_logistic, x[tr], y[tr], groups[tr], _average_precision)
        clf = _logistic(c).fit(x[tr], y[tr])
        logit_dev = clf.decision_function(x[dv])
        logit_test = clf.decision_function(x[te])
        calibration = None
        metrics: dict[str, Any] = {
            "C": c,
            "cv_average_precision_by_C": cv,
            "positives": {s: int(y[split == s].sum()) for s in ("train", "dev", "test")},
        }
        if name == "sentence_hard":
            # Platt scaling on dev: the document score averages these probabilities.
            from sklearn.linear_model import LogisticRegression

            platt = LogisticRegression(C=1e6, max_iter=1000).fit(logit_dev[:, None], y[dv])
            calibration = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
        a, b = calibration or (1.0, 0.0)
        p_dev = 1 / (1 + np.exp(-(a * logit_dev + b)))
        p_test = 1 / (1 + np.exp(-(a * logit_test + b)))
        threshold = precision_first_threshold(y[dv], p_dev, FINDING_PRECISION)
        metrics["threshold_rule"] = f"precision >= {FINDING_PRECISION} on dev"
        if threshold is None:
            metrics["threshold_rule"] = "none: no threshold reached the precision target on dev; no findings"
        if y[te].sum():
            metrics["test_average_precision"] = round(float(average_precision_score(y[te], p_test)), 3)
        metrics["test_brier"] = round(float(brier_score_loss(y[te], p_test)), 4)
        metrics["test_calibration_error"] = calibration_error(y[te], p_test)
        if threshold is not None:
            metrics["dev"] = prf(y[dv], (p_dev >= threshold).astype(int))
            metrics["test"] = prf(y[te], (p_test >= threshold).astype(int))
        if name == "sentence_hard":
            metrics["test_document_share"] = _document_share(groups[te], y[te], p_test)
        report[name] = metrics
        models.append(
            LinearModel(
                name=name,
                kind="binary",
                features=SENTENCE_FEATURES,
                mean=mean,
                scale=scale,
                coef=clf.coef_.astype(np.float64),
                intercept=clf.intercept_.astype(np.float64),
                vocabulary=tuple(vocabulary),
                threshold=None if threshold is None else float(threshold),
                calibration=calibration,
                card={**card, "metrics": metrics},
            )
        )
    rung_model, rung_metrics = _fit_rung(x, rows, mean, scale, vocabulary, card)
    if rung_model is not None:
        models.append(rung_model)
    report["sentence_rung"] = rung_metrics
    return models, report


def _document_share(groups: np.ndarray, y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Per test document: the mean predicted probability against the labelled share of hard sentences."""
    docs = sorted(set(groups.tolist()))
    pred = np.array([p[groups == d].mean() for d in docs])
    true = np.array([y[groups == d].mean() for d in docs])
    r = float(np.corrcoef(pred, true)[0, 1]) if len(docs) > 2 and true.std() > 0 else float("nan")
    return {
        "documents": len(docs),
        "mean_absolute_error": round(float(np.abs(pred - true).mean()), 4),
        "pearson": round(r, 3),
    }


def _fit_rung(
    x: Any,
    rows: dict[str, Any],
    mean: np.ndarray,
    scale: np.ndarray,
    vocabulary: list[str],
    card: dict[str, Any],
) -> tuple[LinearModel | None, dict[str, Any]]:
    split = rows["split"]
    tr, dv, te = split == "train", split == "dev", split == "test"
    labels = np.array([str(g["rung"]) if g["rung"] is not None else "none" for g in rows["gold"]])
    counts = {c: int(np.sum(labels[tr] == c)) for c in set(labels[tr].tolist())}
    keep = {c for c, n in counts.items() if n >= 5}
    y = np.array([lab if lab in keep else "none" for lab in labels])
    if len(set(y[tr].tolist())) < 2 or "none" not in set(y[tr].tolist()):
        return None, {"skipped": "fewer than two rung classes (with 5+ sentences) in the training split"}
    c, cv = _cv_choose_c(_logistic, x[tr], y[tr], rows["groups"][tr], _log_loss)
    clf = _logistic(c).fit(x[tr], y[tr])
    classes = [str(k) for k in clf.classes_]
    none = classes.index("none")

    def verdict(xx: Any) -> tuple[np.ndarray, np.ndarray]:
        p = clf.predict_proba(xx)
        part = 1 - p[:, none]
        p2 = p.copy()
        p2[:, none] = -1
        return part, np.array([classes[i] for i in p2.argmax(axis=1)])

    part_dev, _ = verdict(x[dv])
    is_dev = (labels[dv] != "none").astype(int)
    threshold = precision_first_threshold(is_dev, part_dev, FINDING_PRECISION)
    rule = f"participation precision >= {FINDING_PRECISION} on dev"
    if threshold is None:
        threshold, rule = f1_threshold(is_dev, part_dev), "best F1 on dev"
    part_test, rung_test = verdict(x[te])
    is_test = (labels[te] != "none").astype(int)
    said = part_test >= threshold
    gold_rung = labels[te] != "none"
    both = said & gold_rung
    metrics = {
        "C": c,
        "cv_neg_log_loss_by_C": cv,
        "classes": classes,
        "train_counts": counts,
        "threshold_rule": rule,
        "test_detection": prf(is_test, said.astype(int)),
        "test_rung_exact_when_both_say_a_rung": round(float(np.mean(rung_test[both] == labels[te][both])), 3)
        if both.any()
        else None,
        "test_rung_within_one": round(
            float(np.mean(np.abs(rung_test[both].astype(int) - labels[te][both].astype(int)) <= 1)), 3
        )
        if both.any()
        else None,
        "test_both": int(both.sum()),
    }
    model = LinearModel(
        name="sentence_rung",
        kind="multiclass",
        features=SENTENCE_FEATURES,
        mean=mean,
        scale=scale,
        coef=clf.coef_.astype(np.float64),
        intercept=clf.intercept_.astype(np.float64),
        vocabulary=tuple(vocabulary),
        classes=tuple(classes),
        threshold=float(threshold),
        card={**card, "metrics": metrics},
    )
    return model, metrics


# -- the command -----------------------------------------------------------------------------------


def versions() -> dict[str, str]:
    import sklearn
    import spacy

    return {
        "jargonwatch": __version__,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "scikit-learn": sklearn.__version__,
        "spacy": spacy.__version__,
    }


def train(
    corpus_dir: Path, out_dir: Path = MODEL_DIR, pipeline: str = "auto", log: Callable[[str], None] = print
) -> dict[str, Any]:
    """Fit every model, write them (and card.json) to ``out_dir``, and return the card."""
    from ..lexicon.loader import load_lexicon
    from ..pipeline import get_pipeline

    corpus = Corpus.load(corpus_dir)
    pipe = get_pipeline(pipeline)
    card: dict[str, Any] = {
        "data": {
            "corpus": "corpora/ (jargonwatch's own labelled blog-style corpus)",
            "digest": corpus.digest,
        },
        "pipeline": f"{pipe.name} {pipe.version}",
        "versions": versions(),
        "seed": SEED,
    }
    lexicon = load_lexicon()
    with tempfile.TemporaryDirectory(prefix="jargonwatch-train-") as tmp:
        work = Path(tmp)
        log("hard-word model: reading words ...")
        rows = word_rows(corpus, LexiconWords.from_lexicon(lexicon), pipe.nlp)
        hard, hard_metrics = fit_hardword(rows, card)
        hard.save(work)
        log(f"hard-word model: test {hard_metrics['test']}")
        log("sentence models: reading sentences ...")
        srows = sentence_rows(corpus, work, pipeline)
        models, sentence_metrics = fit_sentence_models(srows, card)
        for m in models:
            m.save(work)
            log(f"{m.name}: {m.card['metrics'].get('test') or m.card['metrics'].get('test_detection')}")
        full = {
            **card,
            "lexicon": lexicon.digest[:12],
            "hardword": hard_metrics,
            "sentences": sentence_metrics,
        }
        (work / "card.json").write_text(json.dumps(full, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        out_dir.mkdir(parents=True, exist_ok=True)
        for p in sorted(work.iterdir()):
            shutil.copyfile(p, out_dir / p.name)
    return full
