"""Assemble a pipeline from a config, initialise it (compiles the gazetteer patterns) and save it.

``python training/build_pipeline.py configs/rules.cfg spacy_syria/pipeline`` rebuilds the
rule-based default shipped in the package.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from spacy.util import load_config, load_model_from_config

import spacy_syria  # noqa: F401  (registers the factories when not installed)


def build(config_path: Path, output: Path) -> None:
    config = load_config(config_path)
    nlp = load_model_from_config(config, auto_fill=True)
    nlp.initialize()
    nlp.meta.update(
        {
            "name": "syria_default",
            "version": spacy_syria.__version__,
            "description": "spacy_syria default pipeline",
            "lang": "ar",
        }
    )
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    print(f"Saved {nlp.pipe_names} to {output}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("config", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    build(args.config, args.output)


if __name__ == "__main__":
    main()
