"""Quality against public benchmarks, with the published numbers beside ours.

    python benchmarks/quality.py [--data ../shared/data] [--write docs/benchmarks.md] [--only cwi,complex,...]

The data sets live in ../shared/data and are read there, never copied into the project.
A data set whose folder is missing is skipped with a message; with none present the
script exits 0 having written nothing.

What each benchmark measures, and how it avoids tuning on test:

* **CWI 2018** (complex word identification, English News, WikiNews, Wikipedia): the
  hard-word model's features and learner (``jargonwatch.models.words``, logistic
  regression) fitted on the three Dev files together; each genre's threshold is the one
  with the best macro-F1 on that genre's Dev, from 5-fold cross-validated predictions.
  Test is scored once. The shipped model (trained on our own corpus) is scored too, with
  its threshold also set on Dev.
* **CompLex 2021** (lexical complexity, single words and multi-word expressions): the same
  features plus the sub-corpus (Bible, Europarl, biomedical); the learner (ridge regression
  or gradient-boosted trees, over a small grid of settings) is the one with the best
  shuffled 5-fold cross-validated Pearson's r on Trial; Pearson's r on Test.
* **OneStopEnglish** aligned sentence pairs (Advanced-Elementary, Advanced-Intermediate,
  Intermediate-Elementary): the share of pairs whose harder-level sentence gets the higher
  score from the shipped sentence model, with no training on this data. Identical pairs
  are left out; ties count as wrong.
* **CLEAR** (Pearson's r with BT_easiness): the shipped models' document score, with no
  training on CLEAR; and, labelled as such, a ridge regression on our document features
  scored by 5-fold cross-validation within CLEAR.
* **TSAR-2022** (English lexical simplification): the thesaurus-based suggester
  (``jargonwatch.thesaurus.suggest``), metrics reimplemented in benchmarks/tsar.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))

PUBLISHED = {
    "cwi": {"News": 0.874, "WikiNews": 0.840, "Wikipedia": 0.812},
    "complex": {"single": 0.789, "multi": 0.861, "frequency baseline (single)": 0.603},
    "onestop": "Flesch-Kincaid 0.65-0.72",
    "clear": "Flesch reading ease r = 0.547",
    "tsar": "LSBert ACC@1 0.598; TUNER ACC@1 0.340",
}
FLOORS = {"cwi_news": 0.80, "complex_single": 0.70, "onestop": 0.75, "clear": 0.60, "tsar_acc1": 0.40}


def _nlp() -> Any:
    from jargonwatch.pipeline import get_pipeline

    return get_pipeline("auto").nlp


def _lexicon_words() -> Any:
    from jargonwatch.lexicon.loader import load_lexicon
    from jargonwatch.models.words import LexiconWords

    return LexiconWords.from_lexicon(load_lexicon())


class TargetFeatures:
    """Word features for a target (character span) in a sentence, parsing each sentence once."""

    def __init__(self) -> None:
        self.nlp = _nlp()
        self.lexicon = _lexicon_words()
        self.docs: dict[str, Any] = {}

    def __call__(self, sentence: str, start: int, end: int, target: str) -> list[float]:
        from jargonwatch.models.words import Word, word_features

        doc = self.docs.get(sentence)
        if doc is None:
            doc = self.docs[sentence] = self.nlp(sentence)
        span = doc.char_span(start, end, alignment_mode="expand") if start >= 0 else None
        words = [Word(t.text, t.lemma_, t.pos_, t.is_sent_start) for t in span] if span is not None else []
        return word_features(words or [Word(w) for w in target.split()], self.lexicon)


def _standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return mean, scale


# -- CWI 2018 ------------------------------------------------------------------------------------


def _cwi_rows(path: Path, feats: TargetFeatures) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    with path.open(encoding="utf-8") as fh:
        for r in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            xs.append(feats(r[1], int(r[2]), int(r[3]), r[4]))
            ys.append(int(r[9]))
    return np.array(xs), np.array(ys)


def _macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(y, pred, average="macro"))


def _best_threshold(y: np.ndarray, prob: np.ndarray) -> float:
    grid = np.arange(0.05, 0.96, 0.01)
    return float(max(grid, key=lambda t: (_macro_f1(y, (prob >= t).astype(int)), -abs(t - 0.5))))


def cwi(data: Path) -> dict[str, Any] | None:
    folder = data / "cwi2018-en"
    if not folder.is_dir():
        return None
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from jargonwatch.models.store import load_model

    feats = TargetFeatures()
    genres = ("News", "WikiNews", "Wikipedia")
    dev = {g: _cwi_rows(folder / f"{g}_Dev.tsv", feats) for g in genres}
    test = {g: _cwi_rows(folder / f"{g}_Test.tsv", feats) for g in genres}
    x_dev = np.vstack([dev[g][0] for g in genres])
    y_dev = np.concatenate([dev[g][1] for g in genres])
    mean, scale = _standardise(x_dev)

    def learner() -> Any:
        return LogisticRegression(C=1.0, max_iter=5000)

    clf = learner().fit((x_dev - mean) / scale, y_dev)
    shipped = load_model("hardword")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    out: dict[str, Any] = {}
    for g in genres:
        xd, yd = dev[g]
        cv = cross_val_predict(learner(), (xd - mean) / scale, yd, cv=folds, method="predict_proba")[:, 1]
        t = _best_threshold(yd, cv)
        xt, yt = test[g]
        p = clf.predict_proba((xt - mean) / scale)[:, 1]
        ps_dev = shipped.probabilities_from(shipped.decision_matrix(xd))[:, 0]
        ps = shipped.probabilities_from(shipped.decision_matrix(xt))[:, 0]
        ts = _best_threshold(yd, ps_dev)
        out[g] = {
            "test_rows": len(yt),
            "threshold": round(t, 2),
            "macro_f1": round(_macro_f1(yt, (p >= t).astype(int)), 3),
            "shipped_threshold": round(ts, 2),
            "shipped_macro_f1": round(_macro_f1(yt, (ps >= ts).astype(int)), 3),
            "published_best": PUBLISHED["cwi"][g],
        }
    return out


# -- CompLex 2021 --------------------------------------------------------------------------------


def _complex_design(
    x: np.ndarray, corpora: list[str], mean: np.ndarray, scale: np.ndarray, names: list[str]
) -> np.ndarray:
    """Standardised word features plus one indicator column per CompLex source corpus."""
    return np.hstack([(x - mean) / scale, np.array([[float(c == n) for n in names] for c in corpora])])


def _complex_rows(path: Path, feats: TargetFeatures) -> tuple[np.ndarray, np.ndarray, list[str]]:
    xs, ys, corpora = [], [], []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            sentence, token = r["sentence"], r["token"]
            at = sentence.find(token)
            xs.append(feats(sentence, at, at + len(token) if at >= 0 else -1, token))
            ys.append(float(r["complexity"]))
            corpora.append(r.get("subcorpus") or r.get("corpus") or "")
    return np.array(xs), np.array(ys), corpora


def complex_2021(data: Path) -> dict[str, Any] | None:
    folder = data / "complex-lcp2021"
    if not folder.is_dir():
        return None
    from scipy.stats import pearsonr
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold, cross_val_predict

    from jargonwatch.models.words import FEATURES

    feats = TargetFeatures()
    out: dict[str, Any] = {}
    zipf = FEATURES.index("zipf")
    for part in ("single", "multi"):
        x_tr, y_tr, c_tr = _complex_rows(folder / f"lcp_{part}_trial.tsv", feats)
        x_te, y_te, c_te = _complex_rows(folder / f"lcp_{part}_test_labels.tsv", feats)
        names = sorted(set(c_tr))
        mean, scale = _standardise(x_tr)

        a_tr = _complex_design(x_tr, c_tr, mean, scale, names)
        a_te = _complex_design(x_te, c_te, mean, scale, names)
        folds = KFold(n_splits=5, shuffle=True, random_state=0)
        candidates: dict[str, Any] = {f"ridge alpha={a:g}": Ridge(alpha=a) for a in (1, 3, 10, 30, 100, 300)}
        for lr in (0.03, 0.05, 0.1):
            for leaf in (10, 20):
                for n in (100, 200):
                    candidates[f"boosted trees lr={lr} leaf={leaf} n={n}"] = HistGradientBoostingRegressor(
                        learning_rate=lr, max_iter=n, max_depth=3, min_samples_leaf=leaf, random_state=0
                    )
        cv = {
            name: float(pearsonr(cross_val_predict(m, a_tr, y_tr, cv=folds), y_tr)[0])
            for name, m in candidates.items()
        }
        chosen = max(cv, key=lambda k: cv[k])
        model = candidates[chosen].fit(a_tr, y_tr)
        out[part] = {
            "trial_rows": len(y_tr),
            "test_rows": len(y_te),
            "model": chosen,
            "cv_pearson_on_trial": round(cv[chosen], 3),
            "pearson": round(float(pearsonr(model.predict(a_te), y_te)[0]), 3),
            "zipf_only_pearson": round(float(pearsonr(-x_te[:, zipf], y_te)[0]), 3),
            "published_best": PUBLISHED["complex"][part],
        }
    return out


# -- OneStopEnglish pairs ------------------------------------------------------------------------


def _sentence_scores(texts: list[str]) -> list[tuple[float, float]]:
    """(mean calibrated P(hard) over the text's sentences, Flesch-Kincaid grade) for each text."""
    import jargonwatch as jw

    cfg = jw.Config(select=["JW4"])
    out = []
    for report in jw.analyze_many(texts, cfg):
        probs = [s.hard for s in report.sentences if s.hard is not None]
        out.append((float(np.mean(probs)) if probs else 0.0, report.scores.flesch_kincaid_grade))
    return out


def onestop(data: Path) -> dict[str, Any] | None:
    folder = data / "onestopenglish"
    if not folder.is_dir():
        return None
    out: dict[str, Any] = {}
    for name in ("ADV-ELE", "ADV-INT", "ELE-INT"):
        harder, easier = name.split("-")
        blocks = (folder / f"{name}.txt").read_text(encoding="utf-8", errors="replace").split("*******")
        pairs = []
        for block in blocks:
            lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
            if len(lines) == 2 and lines[0] != lines[1]:
                pairs.append((lines[0], lines[1]))
        # ELE-INT lists the Elementary sentence first: the harder one is the second.
        hard_first = name != "ELE-INT"
        scores = _sentence_scores([s for pair in pairs for s in pair])
        ours = fk = 0
        for i in range(len(pairs)):
            a, b = scores[2 * i], scores[2 * i + 1]
            (h, e) = (a, b) if hard_first else (b, a)
            ours += h[0] > e[0]
            fk += h[1] > e[1]
        out[f"{harder}>{easier}" if hard_first else f"{easier}>{harder}"] = {
            "pairs": len(pairs),
            "model_share_correct": round(ours / len(pairs), 3),
            "flesch_kincaid_share_correct": round(fk / len(pairs), 3),
        }
    return out


# -- CLEAR ---------------------------------------------------------------------------------------


def clear(data: Path) -> dict[str, Any] | None:
    folder = data / "clear-corpus"
    if not folder.is_dir():
        return None
    from scipy.stats import pearsonr
    from sklearn.linear_model import Ridge
    from sklearn.model_selection import KFold, cross_val_predict

    import jargonwatch as jw

    with (folder / "CLEAR_corpus_final.csv").open(encoding="utf-8", errors="replace") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("Excerpt") and r.get("BT_easiness")]
    texts = [r["Excerpt"] for r in rows]
    ease = np.array([float(r["BT_easiness"]) for r in rows])
    cfg = jw.Config(select=["JW4"])
    features, accessibility, fre = [], [], []
    for report in jw.analyze_many(texts, cfg):
        s = report.scores
        hard = [x.hard for x in report.sentences if x.hard is not None]
        accessibility.append(s.accessibility)
        fre.append(s.flesch_reading_ease)
        features.append(
            [
                s.accessibility,
                float(np.max(hard)) if hard else 0.0,
                s.flesch_reading_ease,
                s.flesch_kincaid_grade,
                s.words_per_sentence,
                s.syllables_per_word,
                s.dale_chall,
                s.passive_ratio or 0.0,
            ]
        )
    x = np.array(features)
    mean, scale = _standardise(x)
    cv = cross_val_predict(
        Ridge(alpha=1.0), (x - mean) / scale, ease, cv=KFold(5, shuffle=True, random_state=0)
    )
    return {
        "excerpts": len(rows),
        "accessibility_pearson": round(float(pearsonr(accessibility, ease)[0]), 3),
        "our_fre_pearson": round(float(pearsonr(fre, ease)[0]), 3),
        "cv_ridge_on_our_features_pearson": round(float(pearsonr(cv, ease)[0]), 3),
    }


# -- TSAR-2022 -----------------------------------------------------------------------------------


def tsar(data: Path) -> dict[str, Any] | None:
    folder = data / "tsar2022-en"
    if not folder.is_dir():
        return None
    import tsar as tsar_bench  # benchmarks/tsar.py

    return {
        split: tsar_bench.evaluate(folder / f"tsar2022_en_{split}_gold.tsv") for split in ("trial", "test")
    }


# -- the report ----------------------------------------------------------------------------------


BENCHMARKS: dict[str, Callable[[Path], dict[str, Any] | None]] = {
    "cwi": cwi,
    "complex": complex_2021,
    "onestop": onestop,
    "clear": clear,
    "tsar": tsar,
}


def markdown(results: dict[str, Any], seconds: dict[str, float]) -> str:
    lines = [
        "# Benchmarks",
        "",
        "<!-- generated by `python benchmarks/quality.py --write docs/benchmarks.md`; do not edit by hand -->",
        "",
        "Public data sets from ../shared/data, read in place and never copied into the project. How each",
        "figure avoids tuning on test is in the docstring of benchmarks/quality.py. Floors are the issue's.",
        "",
    ]
    r = results.get("cwi")
    if r:
        lines += [
            "## CWI 2018 (complex word identification), macro-F1 on Test",
            "",
            "| genre | rows | ours (fitted on Dev) | shipped model (our corpus) | best published |",
            "|---|---|---|---|---|",
        ]
        for g, v in r.items():
            lines.append(
                f"| {g} | {v['test_rows']} | {v['macro_f1']} | {v['shipped_macro_f1']} | {v['published_best']} |"
            )
        lines += ["", f"Floor: News >= {FLOORS['cwi_news']}.", ""]
    r = results.get("complex")
    if r:
        lines += [
            "## CompLex 2021 (lexical complexity), Pearson's r on Test",
            "",
            "| track | trial / test rows | ours (learner chosen by 5-fold CV on Trial) | word frequency alone | best published |",
            "|---|---|---|---|---|",
        ]
        for part, v in r.items():
            lines.append(
                f"| {part} | {v['trial_rows']} / {v['test_rows']} | {v['pearson']} ({v['model']}; CV {v['cv_pearson_on_trial']}) "
                f"| {v['zipf_only_pearson']} | {v['published_best']} |"
            )
        lines += [
            "",
            f"Published frequency baseline (single): {PUBLISHED['complex']['frequency baseline (single)']}. "
            f"Floor: single >= {FLOORS['complex_single']}. Only the Trial files "
            f"({', '.join(str(v['trial_rows']) + ' ' + part for part, v in r.items())}) are "
            "available here for fitting; the published systems trained on 7,662 single-word examples.",
            "",
        ]
    r = results.get("onestop")
    if r:
        lines += [
            "## OneStopEnglish aligned sentence pairs: share ranked correctly",
            "",
            "| pair | pairs | ours (sentence model, no training on this data) | Flesch-Kincaid (ours) |",
            "|---|---|---|---|",
        ]
        for name, v in r.items():
            lines.append(
                f"| {name} | {v['pairs']} | {v['model_share_correct']} | {v['flesch_kincaid_share_correct']} |"
            )
        lines += ["", f"Published: {PUBLISHED['onestop']}. Floor: {FLOORS['onestop']}.", ""]
    r = results.get("clear")
    if r:
        lines += [
            "## CLEAR: Pearson's r with BT_easiness",
            "",
            "| score | r |",
            "|---|---|",
            f"| accessibility (shipped models, no training on CLEAR) | {r['accessibility_pearson']} |",
            f"| Flesch reading ease (ours) | {r['our_fre_pearson']} |",
            f"| ridge on our document scores, 5-fold CV within CLEAR | {r['cv_ridge_on_our_features_pearson']} |",
            "",
            f"{r['excerpts']} excerpts. Published: {PUBLISHED['clear']}. Floor: |r| >= {FLOORS['clear']}.",
            "",
        ]
    r = results.get("tsar")
    if r:
        lines += [
            "## TSAR-2022 English (lexical simplification)",
            "",
            "| split | " + " | ".join(k for k in r["test"]) + " |",
            "|---|" + "---|" * len(r["test"]),
        ]
        for split, v in r.items():
            lines.append(
                f"| {split} | "
                + " | ".join(
                    str(int(x)) if k == "instances" else str(round(x, 3)) if isinstance(x, float) else str(x)
                    for k, x in v.items()
                )
                + " |"
            )
        lines += ["", f"Published: {PUBLISHED['tsar']}. Floor: ACC@1 >= {FLOORS['tsar_acc1']}.", ""]
    timing = ", ".join(f"{k} {v:.0f} s" for k, v in seconds.items())
    lines += [f"Run time: {timing}.", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--write", type=Path, help="write the Markdown table to this file")
    parser.add_argument("--json", type=Path, help="write the raw results as JSON to this file")
    parser.add_argument("--only", help=f"comma-separated subset of {','.join(BENCHMARKS)}")
    args = parser.parse_args()
    if not args.data.is_dir():
        print(f"skipped: {args.data} not found (evaluation data lives in ../shared/data)")
        return 0
    wanted = args.only.split(",") if args.only else list(BENCHMARKS)
    results: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    for name in wanted:
        t = time.perf_counter()
        result = BENCHMARKS[name](args.data)
        if result is None:
            print(f"{name}: skipped (no data in {args.data})")
            continue
        seconds[name] = time.perf_counter() - t
        results[name] = result
        print(name, json.dumps(result, indent=1))
    if not results:
        return 0
    text = markdown(results, seconds)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    else:
        print(text)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
