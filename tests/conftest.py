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
