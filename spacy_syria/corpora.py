"""Public Arabic NER corpora (ANERcorp, AQMAR, Wojood) read and converted to GUIDELINES entities.

The project's own gold corpus is small; these corpora add a few hundred thousand tokens of
annotated Arabic, but with other labels and other boundaries. The readers load each CoNLL-style
``token TAG`` file into a Hugging Face ``datasets.Dataset`` with one row per sentence (``tokens``,
``tags`` in BIO, a running ``sentence`` index and the ``document`` it comes from), so a corpus can be
sliced, split and inspected like any other dataset. The rows are generated offline and kept in
memory; the generator's cache goes to a throw-away folder, so an edited file is never served from a
stale cache.

``to_docs`` then makes the annotation follow the GUIDELINES: the text is re-tokenised with the
project tokenizer, proclitics and punctuation that the source corpora keep inside a mention are
moved out (ANERcorp tags ``وسوريا`` whole; §1 wants ``سوريا``), labels are mapped with
``data/label_mappings.json`` and ORG mentions that name armed actors become ARMED_GROUP. Nothing is
dropped silently: every entity that cannot be kept is counted in the ``ConversionReport``.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby, islice
from operator import itemgetter
from pathlib import Path

from datasets import Dataset, Features, List, Value
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .formats import RecordError
from .gazetteer import DATA_DIR, kb
from .normalize import normalize

LABEL_MAPPINGS_PATH = DATA_DIR / "label_mappings.json"
CORPORA = ("anercorp", "aqmar", "wojood")
_MAPPINGS_FILE = json.loads(LABEL_MAPPINGS_PATH.read_text(encoding="utf-8"))
# Source label → GUIDELINES label, or None for labels the project does not use (MISC, DATE, ...).
LABEL_MAPPINGS: dict[str, dict[str, str | None]] = {corpus: _MAPPINGS_FILE[corpus] for corpus in CORPORA}
ARMED_GROUP_HEADS = frozenset(normalize(head) for head in _MAPPINGS_FILE["armed_group_heads"])

FEATURES = Features(
    {
        "tokens": List(Value("string")),
        "tags": List(Value("string")),
        "sentence": Value("int64"),
        "document": Value("string"),
    }
)
# ANERcorp is one block without sentence breaks; these tokens end a sentence ("?" occurs once).
SENTENCE_FINAL = frozenset({".", "؟", "!", "?"})
WOJOOD_SEGMENT_MARKER = "$#$"
BIO_TAG_RE = re.compile(r"O|[BI]-\S+")
# AQMAR's stray tags: typos of O, language notes, and article-specific MIS0..MIS3 (and misspellings).
AQMAR_OUTSIDE_TAGS = frozenset({"IO", "OO", "B-ENGLISH", "B-SPANISH"})
AQMAR_TAG_RE = re.compile(r"([BI])-+(PER|LOC|ORG|MIS\S*)")
# A proclitic token as the project tokenizer leaves it: one letter (a sequence such as وب is split
# letter by letter, so the leading-token loop drops it whole) or a tatweel form (لـ, بـ, ولـ).
PROCLITIC_RE = re.compile("[وفبلك]|[وف]?[بلك]ـ+")
TATWEEL = "ـ"

SentenceReader = Callable[[Path], Iterator[tuple[list[str], list[str]]]]


def read_anercorp(path: str | Path) -> Dataset:
    """ANERcorp, split into sentences after sentence-final punctuation (the file has no breaks)."""
    return _dataset(_anercorp_sentences, [path])


def read_aqmar(paths: Iterable[str | Path]) -> Dataset:
    """AQMAR articles (one file each), with the stray tags cleaned; MIS0..MIS3 become MISC."""
    return _dataset(_aqmar_sentences, paths)


def read_wojood(path: str | Path) -> Dataset:
    """A Wojood file, outer layer only (the first tag column): §1 tags the outermost mention."""
    return _dataset(_wojood_sentences, [path])


def anercorp_split(dataset: Dataset) -> tuple[Dataset, Dataset]:
    """CAMeL Lab's split by position: the first five sixths of the sentences train, the last sixth
    test, so that neighbouring sentences of one article rarely land on both sides."""
    train_size = len(dataset) * 5 // 6
    return dataset.select(range(train_size)), dataset.select(range(train_size, len(dataset)))


@dataclass
class ConversionReport:
    """What ``to_docs`` did to the source entities; ``entities_in`` = kept + every ``dropped_*``."""

    documents: int = 0
    entities_in: int = 0
    kept: int = 0
    contracted: int = 0
    relabelled_armed_group: int = 0
    dropped_unmapped: int = 0
    dropped_misaligned: int = 0
    dropped_overlapping: int = 0
    kept_by_label: Counter[str] = field(default_factory=Counter)

    def __str__(self) -> str:
        labels = ", ".join(f"{label} {count}" for label, count in sorted(self.kept_by_label.items()))
        return (
            f"{self.documents} documents, {self.entities_in} entities in, {self.kept} kept ({labels}); "
            f"{self.contracted} contracted, {self.relabelled_armed_group} ORG relabelled ARMED_GROUP; "
            f"dropped: {self.dropped_unmapped} unmapped label, {self.dropped_misaligned} misaligned, "
            f"{self.dropped_overlapping} overlapping"
        )


def to_docs(
    nlp: Language, dataset: Dataset, corpus: str, sentences_per_doc: int = 10
) -> tuple[list[Doc], ConversionReport]:
    """Group sentences into ``Doc``s tokenised by ``nlp`` with GUIDELINES entities in ``doc.ents``.

    Groups never cross a ``document`` boundary; each ``Doc`` gets ``user_data["id"]``
    (``corpus-document-n``), which a ``DocBin(store_user_data=True)`` keeps.
    """
    if corpus not in LABEL_MAPPINGS:
        raise ValueError(f"unknown corpus {corpus!r}: expected one of {CORPORA}")
    mapping = LABEL_MAPPINGS[corpus]
    report = ConversionReport()
    docs = []
    for document, rows in groupby(dataset, key=itemgetter("document")):
        for number, group in enumerate(_chunks(rows, sentences_per_doc)):
            doc = _convert_group(nlp, group, mapping, report)
            doc.user_data["id"] = f"{corpus}-{document}-{number}"
            docs.append(doc)
    report.documents = len(docs)
    return docs, report


def bio_entities(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token ranges; an I- tag that continues no entity of its label starts
    one, as conlleval reads it (AQMAR has I- after O)."""
    entities: list[tuple[int, int, str]] = []
    for index, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, label = tag[0], tag[2:]
        if prefix == "I" and entities and entities[-1][1:] == (index, label):
            entities[-1] = (entities[-1][0], index + 1, label)
        else:
            entities.append((index, index + 1, label))
    return entities


def clean_aqmar_tag(tag: str) -> str:
    """AQMAR's tag in the common BIO form (``I--ORG`` → ``I-ORG``, ``B-MIS2`` → ``B-MISC``)."""
    if tag == "O" or tag in AQMAR_OUTSIDE_TAGS:
        return "O"
    match = AQMAR_TAG_RE.fullmatch(tag)
    if match is None:
        return tag  # left for the BIO check, which names the line
    prefix, label = match.groups()
    return f"{prefix}-{'MISC' if label.startswith('MIS') else label}"


def _dataset(read_sentences: SentenceReader, paths: Iterable[str | Path]) -> Dataset:
    with tempfile.TemporaryDirectory(prefix="spacy_syria-corpora-") as cache_dir:
        return Dataset.from_generator(
            _rows,
            features=FEATURES,
            cache_dir=cache_dir,
            keep_in_memory=True,
            gen_kwargs={"read_sentences": read_sentences, "paths": [str(path) for path in paths]},
        )


def _rows(read_sentences: SentenceReader, paths: list[str]) -> Iterator[dict]:
    """The dataset rows; ``sentence`` runs over all files so it orders the whole corpus."""
    sentences = ((Path(path).stem, sentence) for path in paths for sentence in read_sentences(Path(path)))
    for index, (document, (tokens, tags)) in enumerate(sentences):
        yield {"tokens": tokens, "tags": tags, "sentence": index, "document": document}


def _anercorp_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    """Lines are ``word TAG``; a line with no word (`` O``, 191 of them) lost its token and is
    skipped, a line with two words (two of them) gives two tokens."""
    tokens: list[str] = []
    tags: list[str] = []
    for line_number, fields in _lines(path):
        if not fields:
            continue
        *words, tag = fields
        _check_tag(tag, path, line_number)
        for index, word in enumerate(words):
            tokens.append(word)
            tags.append("I" + tag[1:] if index and tag != "O" else tag)
            if word in SENTENCE_FINAL:
                yield tokens, tags
                tokens, tags = [], []
    if tokens:
        yield tokens, tags


def _aqmar_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    return _blank_line_sentences(path, clean_aqmar_tag)


def _wojood_sentences(path: Path) -> Iterator[tuple[list[str], list[str]]]:
    return _blank_line_sentences(path, skip_tokens=frozenset({WOJOOD_SEGMENT_MARKER}))


def _blank_line_sentences(
    path: Path, clean_tag: Callable[[str], str] = str, skip_tokens: frozenset[str] = frozenset()
) -> Iterator[tuple[list[str], list[str]]]:
    """Sentences separated by blank lines; the token is the first field, the tag the second (any
    further columns are Wojood's inner layers)."""
    tokens: list[str] = []
    tags: list[str] = []
    for line_number, fields in _lines(path):
        if not fields:
            if tokens:
                yield tokens, tags
                tokens, tags = [], []
            continue
        if len(fields) < 2:
            raise RecordError(f"{path}:{line_number}: expected 'token TAG', got {fields!r}")
        if fields[0] in skip_tokens:
            continue
        tag = clean_tag(fields[1])
        _check_tag(tag, path, line_number)
        tokens.append(fields[0])
        tags.append(tag)
    if tokens:
        yield tokens, tags


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            yield line_number, line.split()


def _check_tag(tag: str, path: Path, line_number: int) -> None:
    if not BIO_TAG_RE.fullmatch(tag):
        raise RecordError(f"{path}:{line_number}: {tag!r} is not a BIO tag")


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _convert_group(nlp: Language, rows: list[dict], mapping: dict[str, str | None], report: ConversionReport) -> Doc:
    words = [word for row in rows for word in row["tokens"]]
    tags = [tag for row in rows for tag in row["tags"]]
    starts = []
    position = 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    doc = nlp.make_doc(" ".join(words))
    spans = []
    for first, end, source_label in bio_entities(tags):
        report.entities_in += 1
        label = mapping.get(source_label)
        if label is None:
            report.dropped_unmapped += 1
            continue
        start_char, end_char = starts[first], starts[end - 1] + len(words[end - 1])
        span = _name_span(doc, start_char, end_char)
        if span is None:
            report.dropped_misaligned += 1
            continue
        if (span.start_char, span.end_char) != (start_char, end_char):
            report.contracted += 1
        if label == "ORG" and _names_armed_group(span):
            label = "ARMED_GROUP"
            report.relabelled_armed_group += 1
        spans.append(Span(doc, span.start, span.end, label=label))
    kept = filter_spans(spans)
    report.dropped_overlapping += len(spans) - len(kept)
    report.kept += len(kept)
    report.kept_by_label.update(span.label_ for span in kept)
    doc.ents = kept
    return doc


def _name_span(doc: Doc, start_char: int, end_char: int) -> Span | None:
    """The tokens inside ``[start_char, end_char)`` without leading proclitics and punctuation and
    without trailing punctuation (§1.1, §1.2); None when nothing is left."""
    span = doc.char_span(start_char, end_char, alignment_mode="contract")
    if span is None:
        return None
    start, end = span.start, span.end
    while start < end and (PROCLITIC_RE.fullmatch(doc[start].text) or _is_punctuation(doc[start])):
        start += 1
    while end > start and _is_punctuation(doc[end - 1]):
        end -= 1
    return doc[start:end] if start < end else None


def _is_punctuation(token: Token) -> bool:
    """Punctuation, quotes, brackets, and a bare tatweel (ANERcorp's dash in ``مدريد ـ قال``)."""
    return token.is_punct or token.is_quote or token.is_bracket or not token.text.strip(TATWEEL)


def _names_armed_group(span: Span) -> bool:
    """The gazetteer knows the name as an armed group, or it starts with an armed-group head
    (``قوات``, ``جيش``, ...). After ل the tokenizer leaves ``لجيش`` with its article elided; the
    alef is restored, as the normaliser does, so ``للجيش الحر`` matches like ``الجيش الحر``."""
    restored_article = "ا" if span[0]._.elided_article else ""
    if normalize(restored_article + span[0].text) in ARMED_GROUP_HEADS:
        return True
    return any(entry["label"] == "ARMED_GROUP" for entry in kb.candidates(restored_article + span.text))
