# The two commands of the README:
#   make demo  — create the environment and annotate the example article with the packaged pipeline
#   make test  — create the environment and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test gazetteers pipeline corpus train benchmark

install: $(VENV)/.installed

# torch must be pinned in the same pip command as spaCy (an unpinned torch pulls a CUDA build).
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q "torch==2.13.0" -e ".[dev,trf]"
	touch $@

demo: install
	mkdir -p out
	$(BIN)/spacy-syria annotate examples/seed_article.txt -o out/seed_article.jsonl
	$(BIN)/spacy-syria annotate examples/seed_article.txt --format html -o out/seed_article.html
	$(BIN)/spacy-syria evaluate examples/seed_article.gold.jsonl

SHARED_NEWS := $(wildcard ../shared/data/news)

test: install
	$(BIN)/ruff check spacy_syria training tests benchmarks
	$(BIN)/spacy-syria validate corpus/ $(if $(SHARED_NEWS),--sealed $(SHARED_NEWS))
	$(BIN)/python -m pytest -q

gazetteers: install
	$(BIN)/python training/build_gazetteers.py

corpus: install
	$(BIN)/python training/build_corpus.py
	$(BIN)/python training/convert_corpora.py

pipeline: install
	$(BIN)/python training/build_pipeline.py configs/rules.cfg spacy_syria/pipeline

# Rebuild the packaged default from the data (gazetteers → corpus → vectors → NER → statements).
train: install
	$(BIN)/python -m spacy project run all

benchmark: install
	$(BIN)/python benchmarks/throughput.py
