"""The ``spacy-syria`` command line: ``annotate``, ``evaluate``, ``validate`` and ``convert``.

``spacy-syria annotate INPUT… [-o OUT.jsonl] [--format jsonl|html]`` reads ``.txt`` files (one
document each, id = file name) or JSONL with ``id`` and ``text``, and writes GUIDELINES §3 records
(or a right-to-left displaCy page). ``spacy-syria evaluate GOLD.jsonl`` prints the §4 scores;
``spacy-syria validate FILE_OR_DIR…`` checks corpus files and exits non-zero on any problem;
``spacy-syria convert IN OUT`` turns §3 JSONL into a ``.spacy`` DocBin and back, and ANERcorp,
AQMAR and Wojood files into ``.spacy`` with the project's labels.
A bad line or unreadable file stops the run with an error naming file and line: nothing is
dropped silently.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import DocBin
from tqdm import tqdm

from . import load
from .display import render_html
from .formats import RecordError, doc_to_record, docbin_to_records, jsonl_to_docbin, read_jsonl
from .scoring import score_entities, score_statements
from .validate import SealedSet, validate_files

PROGRESS_MIN_DOCS = 20


class InputError(Exception):
    """An input the CLI cannot read; the message names the file (and line)."""


def read_inputs(paths: list[Path]) -> Iterator[tuple[str, str]]:
    """Yield ``(id, text)`` from ``.txt`` and ``.jsonl`` files."""
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: no such file")
        try:
            if path.suffix == ".jsonl":
                for line_number, record in read_jsonl(path):
                    doc_id = record.get("id")
                    if doc_id is None:
                        raise InputError(f"{path}:{line_number}: a record needs an 'id'")
                    yield str(doc_id), record["text"]
            else:
                yield path.stem, path.read_text(encoding="utf-8")
        except UnicodeDecodeError as error:
            raise InputError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from error
        except RecordError as error:
            raise InputError(str(error)) from error


def annotate(args: argparse.Namespace) -> None:
    nlp = load(args.model)
    inputs = list(read_inputs(args.inputs))
    for doc_id, text in inputs:
        if len(text) > nlp.max_length:
            raise InputError(
                f"document {doc_id!r} has {len(text):,} characters, over the pipeline's limit of "
                f"{nlp.max_length:,}; split it or raise --max-length"
            )
    texts = (text for _, text in inputs)
    progress = tqdm(total=len(inputs), unit="doc", disable=len(inputs) < PROGRESS_MIN_DOCS, file=sys.stderr)
    docs = []
    for (doc_id, _), doc in zip(inputs, nlp.pipe(texts)):
        docs.append((doc_id, doc))
        progress.update()
    progress.close()
    if args.format == "html":
        output = render_html(docs)
    else:
        output = "".join(json.dumps(doc_to_record(doc, doc_id), ensure_ascii=False) + "\n" for doc_id, doc in docs)
    if args.output:
        Path(args.output).write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)


def format_scores(entity_scores: dict, statement_scores: dict | None) -> str:
    lines = [f"{'label':<12} {'P':>6} {'R':>6} {'F':>6} {'n':>6}"]
    for label, s in entity_scores["per_label"].items():
        lines.append(f"{label:<12} {s['p']:6.3f} {s['r']:6.3f} {s['f']:6.3f} {s['support']:6d}")
    m = entity_scores["micro"]
    lines.append(f"{'micro':<12} {m['p']:6.3f} {m['r']:6.3f} {m['f']:6.3f}")
    if statement_scores and statement_scores["gold"]:
        c, s = statement_scores["cue"], statement_scores["statement"]
        lines += [
            "",
            f"statements: {statement_scores['correct']} correct of {statement_scores['gold']} gold, "
            f"{statement_scores['predicted']} predicted",
            f"cue        P {c['p']:.3f}  R {c['r']:.3f}  F {c['f']:.3f}",
            f"statement  P {s['p']:.3f}  R {s['r']:.3f}  F {s['f']:.3f}",
            f"source accuracy {statement_scores['source_accuracy']:.3f}  "
            f"content token F1 {statement_scores['content_f1']:.3f}",
        ]
    return "\n".join(lines)


def evaluate(args: argparse.Namespace) -> None:
    nlp = load(args.model)
    golds = []
    for path in args.gold:
        try:
            golds += [record for _, record in read_jsonl(path)]
        except (OSError, RecordError) as error:
            raise InputError(str(error)) from error
    predicted = [doc_to_record(doc) for doc in nlp.pipe(record["text"] for record in golds)]
    entity_scores = score_entities(zip(predicted, golds))
    statement_scores = score_statements(zip(predicted, golds))
    print(format_scores(entity_scores, statement_scores))
    if args.json:
        Path(args.json).write_text(json.dumps({"entities": entity_scores, "statements": statement_scores}, indent=2))


def validate(args: argparse.Namespace) -> None:
    nlp = load(args.model)
    paths: list[Path] = []
    for path in args.paths:
        if path.is_dir():
            paths += sorted(path.glob("*.jsonl"))
        elif path.is_file():
            paths.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    sealed = SealedSet.from_shared(args.sealed) if args.sealed else None
    problems = validate_files(nlp, paths, sealed)
    for problem in problems:
        print(problem)
    checked = f"{len(paths)} file(s)" + (", sealed set checked" if sealed else ", sealed set NOT checked")
    print(f"{len(problems)} problem(s) in {checked}")
    if problems:
        sys.exit(1)


def convert(args: argparse.Namespace) -> None:
    nlp = load(args.model)
    source = args.source_format or {".jsonl": "jsonl", ".spacy": "spacy"}.get(args.input.suffix)
    if source is None:
        raise InputError(f"{args.input}: say --from (jsonl, spacy, anercorp, aqmar, wojood)")
    if not args.input.exists():
        raise InputError(f"{args.input}: no such file or folder")
    if source == "spacy":
        records = docbin_to_records(nlp, args.input)
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {args.output}")
        return
    if source == "jsonl":
        try:
            docbin = jsonl_to_docbin(nlp, args.input)
        except RecordError as error:
            raise InputError(str(error)) from error
    else:
        from . import corpora  # datasets is imported only when a public corpus is converted

        readers = {
            "anercorp": corpora.read_anercorp,
            "wojood": corpora.read_wojood,
            "aqmar": lambda path: corpora.read_aqmar(sorted(path.glob("*.txt")) if path.is_dir() else [path]),
        }
        dataset = readers[source](args.input)
        if source == "anercorp" and args.split != "all":
            dataset = dict(zip(("train", "test"), corpora.anercorp_split(dataset)))[args.split]
        docs, report = corpora.to_docs(nlp, dataset, source)
        print(report)
        docbin = DocBin(docs=docs, store_user_data=True)
    docbin.to_disk(args.output)
    print(f"wrote {len(docbin)} documents to {args.output}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="spacy-syria", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("annotate", help="run the pipeline on .txt or JSONL files")
    p.add_argument("inputs", nargs="+", type=Path)
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("--format", choices=("jsonl", "html"), default="jsonl")
    p.add_argument("--model", help="pipeline directory (default: the packaged pipeline)")
    p.set_defaults(func=annotate)
    p = commands.add_parser("evaluate", help="score the pipeline against gold JSONL (GUIDELINES §4)")
    p.add_argument("gold", nargs="+", type=Path)
    p.add_argument("--model", help="pipeline directory (default: the packaged pipeline)")
    p.add_argument("--json", help="also write the scores as JSON to this file")
    p.set_defaults(func=evaluate)
    p = commands.add_parser("validate", help="check corpus JSONL files (alignment, labels, statements, ids)")
    p.add_argument("paths", nargs="+", type=Path, help="JSONL files, or folders of them")
    p.add_argument("--sealed", type=Path, help="news folder with EVALUATION_IDS.txt (e.g. ../shared/data/news)")
    p.add_argument("--model", help="pipeline whose tokenizer decides alignment (default: the packaged one)")
    p.set_defaults(func=validate)
    p = commands.add_parser("convert", help="JSONL ⇄ .spacy; ANERcorp/AQMAR/Wojood → .spacy")
    p.add_argument("input", type=Path)
    p.add_argument("output", type=Path)
    p.add_argument(
        "--from",
        dest="source_format",
        choices=("jsonl", "spacy", "anercorp", "aqmar", "wojood"),
        help="input format (default: from the file suffix)",
    )
    p.add_argument(
        "--split",
        choices=("all", "train", "test"),
        default="all",
        help="ANERcorp: first five sixths (train) or last sixth (test)",
    )
    p.add_argument("--model", help="pipeline whose tokenizer to use (default: the packaged one)")
    p.set_defaults(func=convert)
    return parser


def main(argv: list[str] | None = None) -> None:
    args = build_parser().parse_args(argv)
    try:
        args.func(args)
    except (InputError, OSError) as error:
        print(f"spacy-syria: error: {error}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
