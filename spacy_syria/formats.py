"""GUIDELINES §3 records (JSONL) ⇄ spaCy ``Doc`` ⇄ ``DocBin`` (``.spacy``).

A record is ``{"id", "text", "entities": [{"start", "end", "label", ...}], "statements": [...]}``
with character offsets into ``text``. Reading a record checks every span against the tokens: a
span that does not fall on token boundaries is an error, never silently dropped or snapped.
Entities keep their gazetteer ids (``kb_id_``); statements are stored in the span group
``doc.spans["statements"]`` (see ``statements.py``), so both survive a ``DocBin`` round trip.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example
from spacy.util import registry

from .gazetteer import LABELS
from .statements import Statement


class RecordError(ValueError):
    """A record that breaks the §3 format; the message says where."""


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict]]:
    """Yield ``(line_number, record)``; a bad line raises with file and line, never skipped."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise RecordError(f"{path}:{line_number}: invalid JSON ({error.msg})") from error
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise RecordError(f"{path}:{line_number}: a record needs a string 'text'")
            yield line_number, record


def entity_record(span: Span) -> dict:
    """One entity in §3 form, with the text and knowledge-base id for readers."""
    return {
        "start": span.start_char,
        "end": span.end_char,
        "label": span.label_,
        "text": span.text,
        "id": span.kb_id_ or None,
    }


def doc_to_record(doc: Doc, doc_id: str | None = None) -> dict:
    """Serialise a processed ``Doc`` as a §3 record."""
    statements = doc._.statements or []
    return {
        "id": doc_id,
        "text": doc.text,
        "entities": [entity_record(ent) for ent in doc.ents],
        "statements": [statement.to_record() for statement in statements],
    }


def char_span(doc: Doc, start: int, end: int, what: str, label: str = "") -> Span:
    """The span at exact character offsets, or a ``RecordError`` saying why it cannot be."""
    if not (0 <= start < end <= len(doc.text)):
        raise RecordError(f"{what} [{start}, {end}) is outside the text (length {len(doc.text)})")
    span = doc.char_span(start, end, label=label)
    if span is None:
        raise RecordError(f"{what} [{start}, {end}) {doc.text[start:end]!r} does not align to tokens")
    return span


def record_to_doc(nlp: Language, record: dict) -> Doc:
    """Tokenise a record's text and set its gold entities (and ids) on the ``Doc``."""
    doc = nlp.make_doc(record["text"])
    spans = []
    for entity in record.get("entities", []):
        if entity.get("label") not in LABELS:
            raise RecordError(f"entity {entity} has an unknown label (expected one of {LABELS})")
        span = char_span(doc, entity["start"], entity["end"], "entity", entity["label"])
        if entity.get("id"):
            span.kb_id_ = entity["id"]
        spans.append(span)
    try:
        doc.ents = spans
    except ValueError as error:
        raise RecordError(f"overlapping entities: {error}") from error
    statements = []
    for number, statement in enumerate(record.get("statements", []), 1):
        parts = {}
        for part in ("cue", "source", "content", "target"):
            offsets = statement.get(part)
            if offsets is None:
                if part in ("cue", "content"):
                    raise RecordError(f"statement {number} has no {part}")
                continue
            parts[part] = char_span(doc, offsets[0], offsets[1], f"statement {number} {part}")
        statements.append(Statement(kind=statement.get("kind") or "indirect", **parts))
    doc._.statements = statements
    return doc


def located_record_to_doc(nlp: Language, where: str, record: dict) -> Doc:
    """``record_to_doc`` whose errors name the record's place (``file:line``)."""
    try:
        return record_to_doc(nlp, record)
    except RecordError as error:
        raise RecordError(f"{where}: {error}") from error


def records_to_docbin(nlp: Language, records: Iterable[tuple[str, dict]]) -> DocBin:
    """Gold records → a ``DocBin``; ``records`` yields ``(where, record)`` so errors name their line."""
    docbin = DocBin(store_user_data=True)
    for where, record in records:
        doc = located_record_to_doc(nlp, where, record)
        doc.user_data["id"] = record.get("id")
        docbin.add(doc)
    return docbin


def jsonl_to_docbin(nlp: Language, path: str | Path) -> DocBin:
    return records_to_docbin(nlp, ((f"{path}:{line}", record) for line, record in read_jsonl(path)))


def docbin_to_records(nlp: Language, path: str | Path) -> Iterator[dict]:
    """A ``.spacy`` file back to §3 records (ids are kept where the DocBin stored them)."""
    for index, doc in enumerate(DocBin().from_disk(path).get_docs(nlp.vocab)):
        yield doc_to_record(doc, doc.user_data.get("id", f"{Path(path).stem}-{index}"))


@registry.readers("spacy_syria.JsonlCorpus.v1")
def create_jsonl_reader(path: Path, limit: int = 0) -> Callable[[Language], Iterator[Example]]:
    """A corpus reader for ``spacy train``: GUIDELINES §3 JSONL straight into ``Example`` objects,
    so the config can point at ``corpus/train.jsonl`` without a conversion step."""

    def read(nlp: Language) -> Iterator[Example]:
        for count, (line, record) in enumerate(read_jsonl(path), 1):
            reference = located_record_to_doc(nlp, f"{path}:{line}", record)
            yield Example(nlp.make_doc(record["text"]), reference)
            if limit and count >= limit:
                return

    return read
