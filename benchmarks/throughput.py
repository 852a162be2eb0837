"""Load time and throughput of the packaged pipeline on the 758 SaudiNewsNet Syria articles.

Prints figures; asserts nothing (speed targets live here, never in timed tests). The articles are
only timed, never used to tune anything.

    python benchmarks/throughput.py [--news ../shared/data/news/saudinewsnet_syria_2015.jsonl]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); import spacy_syria; spacy_syria.load(); print(time.perf_counter() - t)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--news", type=Path, default=ROOT.parent / "shared/data/news/saudinewsnet_syria_2015.jsonl")
    parser.add_argument("--model", help="pipeline directory (default: the packaged one)")
    args = parser.parse_args()

    command = [sys.executable, "-c", LOAD_SNIPPET, args.model or ""]
    cold = [float(subprocess.check_output(command, text=True)) for _ in range(3)]
    print(f"load() in a fresh interpreter (import included): {min(cold):.2f} s (best of 3)")

    import spacy_syria

    start = time.perf_counter()
    nlp = spacy_syria.load(args.model) if args.model else spacy_syria.load()
    print(f"load() warm: {time.perf_counter() - start:.2f} s; pipeline {nlp.pipe_names}")

    texts = [json.loads(line)["text"] for line in args.news.open(encoding="utf-8")]
    words = sum(len(text.split()) for text in texts)
    start = time.perf_counter()
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts))
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {words:,} words, {entities:,} entities in {elapsed:.1f} s")
    print(f"throughput: {words / elapsed:,.0f} words/s; peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
