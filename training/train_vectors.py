"""Train floret vectors for the CNN pipeline on the raw SaudiNewsNet corpus (no downloads).

The sealed evaluation URLs are dropped first. Text is tokenised with the project tokenizer and
written as normalised tokens (the same NORM the pipeline's tok2vec and vectors are keyed on),
one article per line; floret then learns word and subword (character 3–5-gram) vectors, stored in
a small hash table so unseen inflections still get a vector. Finally ``spacy init vectors`` turns
them into a spaCy vectors model.

    python training/train_vectors.py [--dim 100] [--bucket 20000] [--epochs 5] [--out training/vectors]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from build_gazetteers import news_articles  # noqa: E402


def write_training_text(shared: Path, path: Path) -> int:
    """Tokenise and normalise every non-sealed article; returns the number of tokens."""
    import spacy_syria

    nlp = spacy_syria.load(exclude=["gazetteer_ruler", "statements"])
    tokens = 0
    with path.open("w", encoding="utf-8") as handle:
        for doc in nlp.pipe(news_articles(shared), batch_size=256):
            words = [token.norm_ for token in doc if not token.is_space]
            tokens += len(words)
            handle.write(" ".join(words) + "\n")
    return tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "training" / "vectors")
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--bucket", type=int, default=20000)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    import floret

    args.out.mkdir(parents=True, exist_ok=True)
    text = args.out / "news_norm.txt"
    start = time.perf_counter()
    if not text.exists():
        print(f"tokenised {write_training_text(args.shared, text):,} tokens in {time.perf_counter() - start:.0f} s")
    start = time.perf_counter()
    model = floret.train_unsupervised(
        str(text), model="cbow", mode="floret", hashCount=2, bucket=args.bucket, minn=3, maxn=5,
        minCount=args.min_count, dim=args.dim, epoch=args.epochs, thread=args.threads,
    )  # fmt: skip
    floret_path = args.out / "vectors.floret"
    model.save_floret_vectors(str(floret_path))
    print(f"floret trained in {time.perf_counter() - start:.0f} s: {len(model.words):,} words")
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_path), str(args.out / "model"),
         "--mode", "floret", "--attr", "NORM"],
        check=True,
    )  # fmt: skip


if __name__ == "__main__":
    main()
