"""GUIDELINES §4 scores: entities (exact span and label) and attributed statements.

Both work on §3 records (plain dicts), so gold JSONL, pipeline output and the spaCy ``Example``
scorers share one implementation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.training import Example
from spacy.util import registry

from .gazetteer import LABELS

WORD_RE = re.compile(r"\S+")


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f": f}


def score_entities(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Micro and per-label P/R/F over ``(predicted, gold)`` record pairs."""
    counts: Counter = Counter()
    for predicted, gold in pairs:
        pred = {(e["start"], e["end"], e["label"]) for e in predicted.get("entities", [])}
        true = {(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])}
        for label in LABELS:
            p = {e for e in pred if e[2] == label}
            t = {e for e in true if e[2] == label}
            counts[label, "tp"] += len(p & t)
            counts[label, "fp"] += len(p - t)
            counts[label, "fn"] += len(t - p)
    per_label = {
        label: {
            **prf(counts[label, "tp"], counts[label, "fp"], counts[label, "fn"]),
            "support": counts[label, "tp"] + counts[label, "fn"],
        }
        for label in LABELS
    }
    micro = prf(*(sum(counts[label, kind] for label in LABELS) for kind in ("tp", "fp", "fn")))
    return {"micro": micro, "per_label": per_label}


def _overlap(a: list[int] | None, b: list[int] | None) -> bool:
    return bool(a and b and a[0] < b[1] and b[0] < a[1])


def _words(text: str, span: list[int] | None) -> list[range]:
    if not span:
        return []
    return [range(span[0] + m.start(), span[0] + m.end()) for m in WORD_RE.finditer(text[span[0] : span[1]])]


def content_f1(text: str, predicted: list[int] | None, gold: list[int] | None) -> float:
    """Token-overlap F1 of two content spans; whitespace words, matched by position."""
    pred_words, gold_words = _words(text, predicted), _words(text, gold)
    if not pred_words or not gold_words:
        return 0.0
    pred_chars = {i for word in pred_words for i in word}
    gold_chars = {i for word in gold_words for i in word}
    precision = sum(any(i in gold_chars for i in w) for w in pred_words) / len(pred_words)
    recall = sum(any(i in pred_chars for i in w) for w in gold_words) / len(gold_words)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_statements(pairs: Iterable[tuple[dict, dict]]) -> dict:
    """Cue P/R/F, statement P/R/F, source accuracy and mean content F1 (GUIDELINES §4)."""
    n_pred = n_gold = cue_tp = correct = source_ok = 0
    content_scores: list[float] = []
    for predicted, gold in pairs:
        text = gold["text"]
        preds = predicted.get("statements", [])
        golds = gold.get("statements", [])
        n_pred += len(preds)
        n_gold += len(golds)
        used: set[int] = set()
        for g in golds:
            match = next((i for i, p in enumerate(preds) if i not in used and _overlap(p["cue"], g["cue"])), None)
            if match is None:
                continue
            used.add(match)
            p = preds[match]
            cue_tp += 1
            same_source = _overlap(p.get("source"), g.get("source")) or (not p.get("source") and not g.get("source"))
            c_f1 = content_f1(text, p.get("content"), g.get("content"))
            source_ok += same_source
            content_scores.append(c_f1)
            correct += same_source and c_f1 >= 0.5
    cue = prf(cue_tp, n_pred - cue_tp, n_gold - cue_tp)
    statement = prf(correct, n_pred - correct, n_gold - correct)
    return {
        "cue": cue,
        "statement": statement,
        "correct": correct,
        "gold": n_gold,
        "predicted": n_pred,
        "source_accuracy": source_ok / cue_tp if cue_tp else 0.0,
        "content_f1": sum(content_scores) / len(content_scores) if content_scores else 0.0,
    }


def statement_offsets(doc: Doc) -> dict:
    """A record with just the text and the statements' offsets, for scoring."""
    return {"text": doc.text, "statements": [statement.to_record() for statement in doc._.statements]}


def score_statement_examples(examples: Iterable[Example], **kwargs) -> dict[str, float]:
    """GUIDELINES §4 statement scores for spaCy's ``Example`` objects (``spacy train``/``evaluate``)."""
    pairs = [(statement_offsets(eg.predicted), statement_offsets(eg.reference)) for eg in examples]
    scores = score_statements(pairs)
    return {
        "statement_p": scores["statement"]["p"],
        "statement_r": scores["statement"]["r"],
        "statement_f": scores["statement"]["f"],
        "cue_p": scores["cue"]["p"],
        "cue_r": scores["cue"]["r"],
        "cue_f": scores["cue"]["f"],
        "source_acc": scores["source_accuracy"],
        "content_f1": scores["content_f1"],
    }


@registry.scorers("spacy_syria.statement_scorer.v1")
def make_statement_scorer():
    return score_statement_examples
