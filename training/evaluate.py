"""Per-label entity scores of a pipeline on the dev split and on ANERcorp's last sixth.

ANERcorp is scored on PERSON, PLACE and ORG (our ARMED_GROUP counts as ORG there, as ANERcorp has
no such label), beside AraBERT v0.2's published ANERcorp macro-F1 of 83.7 for context (a different
label set and boundaries: proclitics inside mentions; not directly comparable). ``--orders`` also
scores the gazetteer ruler placed before the NER, to choose the shipped order.

    python training/evaluate.py [--model spacy_syria/pipeline] [--orders]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from spacy_syria.formats import doc_to_record, read_jsonl  # noqa: E402
from spacy_syria.scoring import score_entities, score_statements  # noqa: E402

ARABERT_ANERCORP_MACRO_F1 = 83.7
ANERCORP_LABELS = ("PERSON", "PLACE", "ORG")


def as_anercorp(record: dict) -> dict:
    entities = [{**e, "label": "ORG" if e["label"] == "ARMED_GROUP" else e["label"]} for e in record["entities"]]
    return {**record, "entities": entities}


def table(title: str, scores: dict, labels: tuple[str, ...]) -> str:
    lines = [title, f"  {'label':<12} {'P':>6} {'R':>6} {'F':>6} {'n':>6}"]
    for label in labels:
        s = scores["per_label"][label]
        lines.append(f"  {label:<12} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f} {s['support']:6d}")
    m = scores["micro"]
    macro = sum(scores["per_label"][label]["f"] for label in labels) / len(labels)
    lines.append(f"  {'micro':<12} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f}   macro-F1 {macro:.3f}")
    return "\n".join(lines)


def evaluate(nlp: Language, dev: Path, anercorp: Path | None) -> dict:
    golds = [record for _, record in read_jsonl(dev)]
    predicted = [doc_to_record(doc) for doc in nlp.pipe(r["text"] for r in golds)]
    dev_scores = score_entities(zip(predicted, golds))
    print(table(f"dev ({dev})", dev_scores, ("PLACE", "ARMED_GROUP", "PERSON", "ORG")))
    statements = score_statements(zip(predicted, golds))
    print(f"  statements: F1 {statements['statement']['f']:.3f} ({statements['correct']}/{statements['gold']})")
    result = {"dev": dev_scores, "dev_statements": statements}
    if anercorp is not None and anercorp.exists():
        gold_docs = list(DocBin().from_disk(anercorp).get_docs(nlp.vocab))
        gold = [as_anercorp(doc_to_record(doc)) for doc in gold_docs]
        pred = [as_anercorp(doc_to_record(doc)) for doc in nlp.pipe(doc.text for doc in gold_docs)]
        scores = score_entities(zip(pred, gold))
        print(table(f"ANERcorp last sixth ({len(gold)} docs)", scores, ANERCORP_LABELS))
        print(f"  for context: AraBERT v0.2 published ANERcorp macro-F1 {ARABERT_ANERCORP_MACRO_F1}")
        result["anercorp"] = scores
    return result


def ruler_first(model: Path) -> Language:
    """The same trained pipeline with the gazetteer ruler moved before the NER."""
    nlp = spacy.load(model)
    nlp.remove_pipe("gazetteer_ruler")
    nlp.add_pipe("gazetteer_ruler", before="ner", source=spacy.load(model))
    return nlp


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=ROOT / "spacy_syria" / "pipeline")
    parser.add_argument("--dev", type=Path, default=ROOT / "corpus" / "dev.jsonl")
    parser.add_argument("--anercorp", type=Path, default=ROOT / "corpus" / "spacy" / "anercorp_test.spacy")
    parser.add_argument("--orders", action="store_true", help="also score the ruler before the NER")
    parser.add_argument("--json", type=Path, help="write the scores as JSON")
    args = parser.parse_args()
    nlp = spacy.load(args.model)
    print(f"== {args.model}: {nlp.pipe_names}")
    results = {"shipped": evaluate(nlp, args.dev, args.anercorp)}
    if args.orders and "ner" in nlp.pipe_names:
        print("== gazetteer ruler before the NER")
        results["ruler_first"] = evaluate(ruler_first(args.model), args.dev, args.anercorp)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
