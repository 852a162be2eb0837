"""Shared fixtures: the packaged pipeline and the seed article's gold record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
