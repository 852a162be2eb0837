"""Thinc architectures of spacy_syria, registered for configs."""

from __future__ import annotations

from spacy.util import registry
from thinc.api import Linear, Model, Relu, chain
from thinc.types import Floats2d


@registry.architectures("spacy_syria.SourceRanker.v1")
def build_source_ranker(hidden_width: int = 32, dropout: float = 0.1) -> Model[Floats2d, Floats2d]:
    """Score (cue, source-candidate) pairs from their feature rows: a small MLP, one score a row.
    The features (distance, order, sentence, entity label, the rules' choice…) are built by the
    ``syria_statement_sources`` component; softmax over a statement's candidates picks its source."""
    return chain(Relu(nO=hidden_width, dropout=dropout), Linear(nO=1))
