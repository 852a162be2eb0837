"""Build ``corpus/train.jsonl`` and ``corpus/dev.jsonl`` from the annotators' markup.

Every ``corpus/markup/<id>.txt`` is parsed (``training/markup.py``) and checked against its raw
text; the seed article's gold joins the dev split. The dev split is fixed by ``corpus/dev_ids.txt``
so that scores stay comparable as the corpus grows: it was drawn once (SaudiNewsNet articles by a
stable hash of their id — sha1 mod 1000 < 200, a fifth of them —; ANS headlines by the ANS corpus's own split), and
documents annotated later go to train.
Sealed evaluation ids are refused, and a document that shares a sentence with a sealed document
(agency wire text reprinted by several outlets) is left out, so no sealed text is trained on.

    python training/build_corpus.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from markup import convert_file

ROOT_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT_DIR))
from spacy_syria.validate import SealedSet, sentences  # noqa: E402

CORPUS = ROOT_DIR / "corpus"
SEED_GOLD = ROOT_DIR / "examples" / "seed_article.gold.jsonl"


DEV_IDS = CORPUS / "dev_ids.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT_DIR.parent / "shared")
    args = parser.parse_args()
    sealed = SealedSet.from_shared(args.shared / "data/news")
    dev_ids = set(DEV_IDS.read_text().split())
    splits: dict[str, list[dict]] = {"train": [], "dev": []}
    for path in sorted((CORPUS / "markup").glob("*.txt")):
        if path.stem in sealed.ids:
            sys.exit(f"{path}: sealed evaluation document; remove it")
        record = convert_file(path, CORPUS / "raw")
        if sentences(record["text"]) & sealed.sentences:
            print(f"left out {record['id']}: shares a sentence with a sealed document")
            continue
        splits["dev" if record["id"] in dev_ids else "train"].append(record)
    seed = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    splits["dev" if seed["id"] in dev_ids else "train"].append(
        {key: seed[key] for key in ("id", "text", "entities", "statements")}
    )
    for name, records in splits.items():
        with (CORPUS / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        entities = sum(len(r["entities"]) for r in records)
        statements = sum(len(r["statements"]) for r in records)
        print(f"{name}: {len(records)} documents, {entities} entities, {statements} statements")


if __name__ == "__main__":
    main()
