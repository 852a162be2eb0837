"""Counts for the datasheet: documents, entity mentions per label and statements, per split.

python training/corpus_stats.py [corpus/train.jsonl corpus/dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ("PLACE", "ARMED_GROUP", "PERSON", "ORG")


def source_of(doc_id: str) -> str:
    if doc_id.startswith("ans-"):
        return "ANS headlines"
    return "SaudiNewsNet articles" if doc_id.startswith("saudinewsnet-") else "seed article"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "corpus/train.jsonl", ROOT / "corpus/dev.jsonl"])
    args = parser.parse_args()
    header = f"| split | source | docs | {' | '.join(LABELS)} | entities | statements | with source | with target |"
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    totals: Counter = Counter()
    for path in args.files:
        groups: dict[str, Counter] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            counts = groups.setdefault(source_of(record["id"]), Counter())
            counts["docs"] += 1
            counts.update(entity["label"] for entity in record["entities"])
            counts["entities"] += len(record["entities"])
            counts["statements"] += len(record["statements"])
            counts["with source"] += sum(1 for s in record["statements"] if s.get("source"))
            counts["with target"] += sum(1 for s in record["statements"] if s.get("target"))
        for source, counts in sorted(groups.items()):
            totals.update(counts)
            cells = [counts[k] for k in ("docs", *LABELS, "entities", "statements", "with source", "with target")]
            print(f"| {path.stem} | {source} | " + " | ".join(map(str, cells)) + " |")
    cells = [totals[k] for k in ("docs", *LABELS, "entities", "statements", "with source", "with target")]
    print("| all | all | " + " | ".join(map(str, cells)) + " |")


if __name__ == "__main__":
    main()
