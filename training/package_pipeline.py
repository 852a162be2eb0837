"""Ship a trained pipeline inside the package as the default that ``spacy_syria.load()`` returns.

Copies the pipeline folder to ``spacy_syria/pipeline``, stamps its meta with the package version,
checks that it loads and stays under the size limit (the wheel must stay small), and prints its size.

    python training/package_pipeline.py training/output/ner_cnn/model-best spacy_syria/pipeline
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy_syria  # noqa: E402

MAX_MB = 25


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("source", type=Path)
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    nlp = spacy.load(args.source)
    nlp.meta.update(
        {"name": "syria_default", "version": spacy_syria.__version__, "description": "spacy_syria default pipeline"}
    )
    staging = args.target.with_name(args.target.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    nlp.to_disk(staging)
    size = folder_mb(staging)
    if size > MAX_MB:
        shutil.rmtree(staging)
        sys.exit(f"{args.source} is {size:.1f} MB, over the {MAX_MB} MB limit for the package")
    spacy.load(staging)("اختبار")  # loads and runs before it replaces the shipped pipeline
    if args.target.exists():
        shutil.rmtree(args.target)
    staging.rename(args.target)
    print(f"shipped {nlp.pipe_names} to {args.target} ({size:.1f} MB)")


if __name__ == "__main__":
    main()
