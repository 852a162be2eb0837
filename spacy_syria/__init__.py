"""spacy_syria: a spaCy pipeline that turns Arabic news about Syria into structured facts.

``spacy_syria.load()`` returns the default pipeline shipped inside the package (no download):
the proclitic-splitting tokenizer, the normaliser and the gazetteer entity rulers.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers the Doc/Token extensions once)
from .gazetteer import KnowledgeBase, kb
from .normalize import normalize
from .ruler import GazetteerRuler
from .tokenizer import ArabicTokenizer

__version__ = "0.1.0"
PIPELINE_DIR = Path(__file__).parent / "pipeline"

__all__ = ["ArabicTokenizer", "GazetteerRuler", "KnowledgeBase", "PIPELINE_DIR", "kb", "load", "normalize"]


def load(path: str | Path | None = None, **kwargs) -> Language:
    """Load the packaged default pipeline (or the one at ``path``); kwargs go to ``spacy.load``."""
    path = Path(path) if path else PIPELINE_DIR
    if not (path / "config.cfg").exists():
        raise OSError(
            f"No spacy_syria pipeline at {path}. Rebuild the default with `python training/build_pipeline.py`."
        )
    return spacy.load(path, **kwargs)
