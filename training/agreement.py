"""Inter-annotator agreement on the double-annotated documents.

``corpus/markup_first/`` keeps the first annotator's version of each double-annotated document as
it was before adjudication, ``corpus/markup_second/`` the second annotator's independent version;
``corpus/markup/`` holds the adjudicated one used for training. Entity agreement is exact-match F1
(symmetric); statement agreement is the GUIDELINES §4 statement F1 with the first as reference.

    python training/agreement.py
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from markup import convert_file

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from spacy_syria.scoring import score_entities, score_statements  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--first", type=Path, default=ROOT / "corpus" / "markup_first")
    parser.add_argument("--second", type=Path, default=ROOT / "corpus" / "markup_second")
    args = parser.parse_args()
    raw = ROOT / "corpus" / "raw"
    pairs = []
    for second in sorted(args.second.glob("*.txt")):
        first = args.first / second.name
        pairs.append((convert_file(first, raw), convert_file(second, raw)))
    entities = score_entities(pairs)
    statements = score_statements(pairs)
    print(f"{len(pairs)} documents annotated twice")
    print(f"entities: F1 {entities['micro']['f']:.3f} (P {entities['micro']['p']:.3f}, R {entities['micro']['r']:.3f})")
    for label, s in entities["per_label"].items():
        print(f"  {label:<12} F1 {s['f']:.3f}  (n = {s['support']})")
    print(
        f"statements: F1 {statements['statement']['f']:.3f}; cue F1 {statements['cue']['f']:.3f}; "
        f"source agreement {statements['source_accuracy']:.3f}; content token F1 {statements['content_f1']:.3f}"
    )


if __name__ == "__main__":
    main()
