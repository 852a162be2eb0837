"""Assemble the training mix: the Syrian gold corpus (weighted) and the mapped public corpora.

``spacy.Corpus.v1`` reads every ``.spacy`` file of a folder, so the mix is a folder; the gold
corpus is repeated ``--gold-weight`` times so that the small in-domain set is not drowned by
ANERcorp. The weight and the public corpora used are chosen on dev F1 (see the issue note).

    python training/make_mix.py [--gold-weight 2] [--out corpus/spacy/mix]
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC = ("anercorp_train", "aqmar", "wojood_train", "wojood_val")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spacy-dir", type=Path, default=ROOT / "corpus" / "spacy")
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "spacy" / "mix")
    parser.add_argument("--gold-weight", type=int, default=2)
    parser.add_argument("--public", nargs="*", default=list(PUBLIC))
    args = parser.parse_args()
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.mkdir(parents=True)
    for copy in range(args.gold_weight):
        shutil.copy(args.spacy_dir / "train.spacy", args.out / f"gold_{copy}.spacy")
    for name in args.public:
        shutil.copy(args.spacy_dir / f"{name}.spacy", args.out / f"{name}.spacy")
    print(f"{args.out}: gold ×{args.gold_weight} + {', '.join(args.public) or 'no public corpora'}")


if __name__ == "__main__":
    main()
