"""The transformer pipeline (configs/ner_trf.cfg) on a tiny local BERT, fully offline.

A WordPiece vocabulary is trained on corpus text, a BERT with random weights is saved next to it,
and ``python -m spacy train`` runs the real spacy-transformers code path for a few steps with the
config's model name overridden by that folder. No hub is contacted (HF_HUB_OFFLINE=1).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spacy_syria.formats import records_to_docbin
from spacy_syria.gazetteer import LABELS

from .conftest import ROOT, spacy_train

transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")
TRAIN_DOCS = 24


@pytest.fixture(scope="module")
def corpus_records() -> list[dict]:
    lines = (ROOT / "corpus" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:TRAIN_DOCS]]


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory, corpus_records) -> Path:
    folder = tmp_path_factory.mktemp("tiny-bert")
    wordpiece = tokenizers.BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wordpiece.train_from_iterator((r["text"] for r in corpus_records), vocab_size=1500, min_frequency=1)
    wordpiece.save_model(str(folder))
    config = transformers.BertConfig(
        vocab_size=wordpiece.get_vocab_size(), hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=256,
    )  # fmt: skip
    transformers.BertModel(config).save_pretrained(folder)
    transformers.BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)
    return folder


def test_transformer_config_trains_and_runs_offline(nlp, tiny_bert, corpus_records, tmp_path):
    train, dev = tmp_path / "train.spacy", tmp_path / "dev.spacy"
    records_to_docbin(nlp, ((r["id"], r) for r in corpus_records[:20])).to_disk(train)
    records_to_docbin(nlp, ((r["id"], r) for r in corpus_records[20:])).to_disk(dev)
    trained = spacy_train(
        "ner_trf.cfg", tmp_path / "out", train, dev, 4,
        "--components.transformer.model.name", str(tiny_bert), "--system.gpu_allocator", "",
        env={"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"},
    )  # fmt: skip
    assert trained.pipe_names[:3] == ["normalizer", "transformer", "ner"]
    text = "وقال فرهاد شامي إن قسد اعتقلت عنصراً من داعش بريف دير الزور."
    doc = trained(text)
    assert doc.text == text and doc._.trf_data is not None
    assert {ent.label_ for ent in doc.ents} <= set(LABELS)
    assert trained.get_pipe("ner").labels and set(trained.get_pipe("ner").labels) <= set(LABELS)
