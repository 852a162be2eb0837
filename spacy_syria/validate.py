"""Checks for corpus files in the GUIDELINES §3 format (``spacy-syria validate``).

Each problem is reported with file and line: spans that do not fall on token boundaries,
overlapping entities, unknown labels, statements whose cue or content is missing or outside the
text, duplicate ids, and documents from the sealed evaluation set (by id, or by sharing a
sentence with a sealed document).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from .formats import RecordError, char_span, read_jsonl
from .gazetteer import LABELS
from .normalize import normalize

STATEMENT_PARTS = ("cue", "source", "content", "target")
REQUIRED_PARTS = ("cue", "content")
SENTENCE_RE = re.compile(r"[^.!?؟\n]+")
MIN_SEALED_SENTENCE = 40


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def sentences(text: str) -> set[str]:
    """Normalised sentences long enough to identify a document."""
    found = (normalize(m.group()).strip() for m in SENTENCE_RE.finditer(text))
    return {s for s in found if len(s) >= MIN_SEALED_SENTENCE}


class SealedSet:
    """The sealed evaluation documents: their ids and their sentences."""

    def __init__(self, ids: Iterable[str] = (), texts: Iterable[str] = ()):
        self.ids = set(ids)
        self.sentences: set[str] = set()
        for text in texts:
            self.sentences |= sentences(text)

    @classmethod
    def from_shared(cls, news_dir: Path) -> SealedSet:
        """Read ``EVALUATION_IDS.txt`` and the sealed documents' texts from a news folder."""
        ids = set((news_dir / "EVALUATION_IDS.txt").read_text().split())
        texts = []
        for name in ("saudinewsnet_syria_2015.jsonl", "ans/ans_syria_headlines.jsonl"):
            path = news_dir / name
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    record = json.loads(line)
                    if record["id"] in ids or "-test-" in record["id"]:
                        ids.add(record["id"])
                        texts.append(f"{record.get('title', '')}\n{record['text']}")
        return cls(ids, texts)


def check_record(nlp: Language, record: dict) -> Iterator[str]:
    """Yield the problems of one record (its line is added by the caller)."""
    text = record["text"]
    doc = nlp.make_doc(text)

    def span_problem(what: str, span: object) -> str | None:
        if not (isinstance(span, list | tuple) and len(span) == 2 and all(isinstance(i, int) for i in span)):
            return f"{what} {span!r} is not a [start, end] pair"
        try:
            char_span(doc, span[0], span[1], what)
        except RecordError as error:
            return str(error)
        return None

    previous_end, previous = -1, None
    for entity in sorted(record.get("entities", []), key=lambda e: (e.get("start", 0), e.get("end", 0))):
        if entity.get("label") not in LABELS:
            yield f"entity {entity} has unknown label {entity.get('label')!r}"
            continue
        problem = span_problem(f"{entity['label']} entity", [entity.get("start"), entity.get("end")])
        if problem:
            yield problem
            continue
        if entity["start"] < previous_end:
            yield f"entity {text[entity['start'] : entity['end']]!r} overlaps {previous!r}"
        previous_end, previous = entity["end"], text[entity["start"] : entity["end"]]
    for number, statement in enumerate(record.get("statements", []), 1):
        for part in STATEMENT_PARTS:
            span = statement.get(part)
            if span is None:
                if part in REQUIRED_PARTS:
                    yield f"statement {number} has no {part}"
                continue
            problem = span_problem(f"statement {number} {part}", span)
            if problem:
                yield problem


def validate_files(nlp: Language, paths: Iterable[Path], sealed: SealedSet | None = None) -> list[Problem]:
    """All problems in ``paths`` (JSONL files); ids must be unique across them."""
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    for path in paths:
        try:
            for line, record in read_jsonl(path):
                where = f"{path}:{line}"
                doc_id = record.get("id")
                if doc_id is None:
                    problems.append(Problem(path, line, "record has no 'id'"))
                elif doc_id in seen:
                    problems.append(Problem(path, line, f"duplicate id {doc_id!r} (first at {seen[doc_id]})"))
                else:
                    seen[doc_id] = where
                if sealed and (doc_id in sealed.ids or sentences(record["text"]) & sealed.sentences):
                    problems.append(Problem(path, line, f"document {doc_id!r} is from the sealed evaluation set"))
                problems += [Problem(path, line, message) for message in check_record(nlp, record)]
        except (RecordError, OSError) as error:
            problems.append(Problem(path, 0, str(error)))
    return problems
