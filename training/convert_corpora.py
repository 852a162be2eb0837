"""Write the training files (spaCy ``DocBin``, ``.spacy``): the project's gold splits and the public
Arabic NER corpora converted to GUIDELINES entities, all tokenised by the project tokenizer so that
every file agrees with what the pipeline sees at inference.

    python training/convert_corpora.py [--shared ../shared] [--out corpus/spacy]

Writes ``train.spacy`` and ``dev.spacy`` (from ``corpus/*.jsonl``), ``anercorp_train.spacy`` and
``anercorp_test.spacy`` (CAMeL Lab's position split, 5/6 : 1/6), ``aqmar.spacy`` and
``wojood_{train,val,test}.spacy``; prints each file's document and entity counts and, for the
public corpora, the conversion report (contracted, relabelled and dropped entities).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import datasets
from spacy.language import Language
from spacy.tokens import DocBin

import spacy_syria
from spacy_syria.corpora import anercorp_split, read_anercorp, read_aqmar, read_wojood, to_docs
from spacy_syria.formats import jsonl_to_docbin

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
WOJOOD_SPLITS = ("train", "val", "test")


def save(nlp: Language, docbin: DocBin, path: Path, started: float) -> None:
    """Write ``docbin`` and print what it holds, read back from the bin itself."""
    docbin.to_disk(path)
    labels = Counter(entity.label_ for doc in docbin.get_docs(nlp.vocab) for entity in doc.ents)
    by_label = ", ".join(f"{label} {count}" for label, count in sorted(labels.items()))
    seconds = time.perf_counter() - started
    print(f"{path}: {len(docbin)} documents, {labels.total()} entities ({by_label}) [{seconds:.1f} s]")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--out", type=Path, default=CORPUS / "spacy", help="where the .spacy files go")
    args = parser.parse_args()
    ner = args.shared / "data" / "ner"
    if not ner.is_dir():
        sys.exit(f"{ner} is missing: pass --shared with the folder that holds data/ner")
    datasets.disable_progress_bars()
    args.out.mkdir(parents=True, exist_ok=True)
    nlp = spacy_syria.load()

    for split in ("train", "dev"):
        started = time.perf_counter()
        save(nlp, jsonl_to_docbin(nlp, CORPUS / f"{split}.jsonl"), args.out / f"{split}.spacy", started)

    started = time.perf_counter()
    anercorp_train, anercorp_test = anercorp_split(read_anercorp(ner / "anercorp" / "ANERCorp.txt"))
    public = {
        "anercorp_train": ("anercorp", anercorp_train),
        "anercorp_test": ("anercorp", anercorp_test),
        "aqmar": ("aqmar", read_aqmar(sorted((ner / "aqmar").glob("*.txt")))),
        **{
            f"wojood_{split}": ("wojood", read_wojood(ner / "wojood_sample" / f"{split}.txt"))
            for split in WOJOOD_SPLITS
        },
    }
    print(f"read the public corpora [{time.perf_counter() - started:.1f} s]")
    for name, (corpus, dataset) in public.items():
        started = time.perf_counter()
        docs, report = to_docs(nlp, dataset, corpus)
        save(nlp, DocBin(docs=docs, store_user_data=True), args.out / f"{name}.spacy", started)
        print(f"  {report}")


if __name__ == "__main__":
    main()
