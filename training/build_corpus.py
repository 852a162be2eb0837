"""Build ``corpus/train.jsonl`` and ``corpus/dev.jsonl`` from the annotators' markup.

Every ``corpus/markup/<id>.txt`` is parsed (``training/markup.py``) and checked against its raw
text; the seed article's gold joins the dev split. SaudiNewsNet documents are split by a stable
hash of their id (``DEV_SHARE`` to dev); ANS headlines keep the corpus's own train/dev split.
Sealed evaluation ids are refused, and a document that shares a sentence with a sealed document
(agency wire text reprinted by several outlets) is left out, so no sealed text is trained on.

    python training/build_corpus.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from markup import convert_file

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR))
from spacy_syria.validate import SealedSet, sentences  # noqa: E402

CORPUS = ROOT_DIR / "corpus"
SEED_GOLD = ROOT_DIR / "examples" / "seed_article.gold.jsonl"
DEV_SHARE = 0.2


def split_of(doc_id: str) -> str:
    if doc_id.startswith("ans-"):
        return "dev" if "-dev-" in doc_id else "train"
    digest = int(hashlib.sha1(doc_id.encode()).hexdigest(), 16)
    return "dev" if digest % 1000 < DEV_SHARE * 1000 else "train"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT_DIR.parent / "shared")
    args = parser.parse_args()
    sealed = SealedSet.from_shared(args.shared / "data/news")
    splits: dict[str, list[dict]] = {"train": [], "dev": []}
    for path in sorted((CORPUS / "markup").glob("*.txt")):
        if path.stem in sealed.ids:
            sys.exit(f"{path}: sealed evaluation document; remove it")
        record = convert_file(path, CORPUS / "raw")
        if sentences(record["text"]) & sealed.sentences:
            print(f"left out {record['id']}: shares a sentence with a sealed document")
            continue
        splits[split_of(record["id"])].append(record)
    seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    splits["dev"].append({key: seed[key] for key in ("id", "text", "entities", "statements")})
    for name, records in splits.items():
        with (CORPUS / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        entities = sum(len(r["entities"]) for r in records)
        statements = sum(len(r["statements"]) for r in records)
        print(f"{name}: {len(records)} documents, {entities} entities, {statements} statements")


if __name__ == "__main__":
    main()
