"""A few-step smoke training of configs/ner_cnn.cfg with the spaCy CLI (no --code needed).

CI never trains the full model; this proves the config, the registered components and the
corpus files work together, and that the result loads and annotates.
"""

from __future__ import annotations

import json

from spacy_syria.formats import records_to_docbin
from spacy_syria.gazetteer import LABELS

from .conftest import ROOT, spacy_train


def small_corpus(nlp, tmp_path, first: int = 16):
    lines = (ROOT / "corpus" / "train.jsonl").read_text(encoding="utf-8").splitlines()[:first]
    records = [json.loads(line) for line in lines]
    data = tmp_path / "train.spacy"
    records_to_docbin(nlp, ((r["id"], r) for r in records)).to_disk(data)
    return data


def test_cnn_config_trains_a_few_steps_and_loads(nlp, tmp_path):
    data = small_corpus(nlp, tmp_path)
    vectors = str(ROOT / "spacy_syria" / "pipeline")
    trained = spacy_train("ner_cnn.cfg", tmp_path / "out", data, data, 6, "--paths.vectors", vectors)
    assert trained.pipe_names == ["normalizer", "tok2vec", "ner", "gazetteer_ruler", "linker", "statements"]
    text = "وأوضح مصدر عسكري من قسد أن الاشتباكات وقعت بريف دير الزور."
    doc = trained(text)
    assert doc.text == text and {ent.label_ for ent in doc.ents} <= set(LABELS)
    assert [s.cue.text for s in doc._.statements] == ["أوضح"]


def test_statement_source_ranker_trains_on_the_packaged_pipeline(nlp, tmp_path):
    data = small_corpus(nlp, tmp_path, first=40)
    base = str(ROOT / "spacy_syria" / "pipeline")
    trained = spacy_train("statements.cfg", tmp_path / "out", data, data, 4, "--paths.base", base)
    assert trained.pipe_names[-1] == "statement_sources"
    doc = trained("وقال فرهاد شامي إن الاشتباكات مستمرة. وأضاف أن الهجمات تتواصل.")
    first, second = doc._.statements
    assert first.source.text == "فرهاد شامي"  # a single candidate: the rules' choice stands
    assert second.source is not None and second.source.start < second.cue.start
