"""Shared fixtures: the packaged pipeline and the seed article's gold record."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import spacy_syria

ROOT = Path(__file__).resolve().parents[1]
SEED_GOLD = ROOT / "examples" / "seed_article.gold.jsonl"


@pytest.fixture(scope="session")
def nlp():
    return spacy_syria.load()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def rules_nlp():
    """The rule-based pipeline of configs/rules.cfg (tokenizer, normaliser, rulers, statements)."""
    from spacy.util import load_config, load_model_from_config

    nlp = load_model_from_config(load_config(ROOT / "configs" / "rules.cfg"), auto_fill=True)
    nlp.initialize()
    return nlp


def spacy_train(
    config: str, output: Path, train: Path, dev: Path, steps: int, *overrides: str, env: dict | None = None
) -> spacy.Language:
    """Run ``python -m spacy train configs/<config>`` for a few steps as a user would (no --code),
    fail with the end of its log if it does not succeed, and load the trained pipeline."""
    command = [sys.executable, "-m", "spacy", "train", str(ROOT / "configs" / config), "--output", str(output)]
    command += ["--paths.train", str(train), "--paths.dev", str(dev)]
    command += ["--training.max_steps", str(steps), "--training.eval_frequency", str(max(1, steps // 2))]
    result = subprocess.run(
        [*command, *overrides], capture_output=True, text=True, cwd=ROOT, timeout=600, env={**os.environ, **(env or {})}
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return spacy.load(output / "model-last")
