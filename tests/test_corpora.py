"""Readers and GUIDELINES conversion of the public NER corpora, on slices of the real files.

The slices keep the tests fast; the cases in them (``وإسرائيل`` tagged whole, MISC currencies,
AQMAR's ``B-MISS1`` and ``OO``, Wojood's nested columns and ``$#$``) are the ones the conversion
exists for.
"""

from __future__ import annotations

import re
from itertools import islice
from pathlib import Path

import pytest
from datasets import Dataset
from spacy.tokens import DocBin

from spacy_syria.corpora import (
    PROCLITIC_RE,
    SENTENCE_FINAL,
    anercorp_split,
    bio_entities,
    clean_aqmar_tag,
    read_anercorp,
    read_aqmar,
    read_wojood,
    to_docs,
)

NER_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ner"
needs_ner_data = pytest.mark.skipif(not NER_DATA.is_dir(), reason=f"{NER_DATA} is not there")
# Long enough to hold وإسرائيل, وتل أبيب (tagged with their و) and the first MISC currencies.
ANERCORP_LINES = 1000
# Wojood's first two sentences: nested ORG/PERS, OCC around a GPE, and a "$#$" marker.
WOJOOD_LINES = 37
CLEAN_AQMAR_TAG_RE = re.compile(r"O|[BI]-(PER|LOC|ORG|MISC)")


def write_head(source: Path, lines: int, folder: Path) -> Path:
    """Copy the first ``lines`` lines of a corpus file into ``folder``."""
    with source.open(encoding="utf-8") as handle:
        head = "".join(islice(handle, lines))
    target = folder / source.name
    target.write_text(head, encoding="utf-8")
    return target


def entity_tuples(doc) -> list[tuple[str, str]]:
    return [(entity.text, entity.label_) for entity in doc.ents]


def sentences(rows: list[tuple[list[str], list[str]]], document: str = "synthetic") -> Dataset:
    return Dataset.from_dict(
        {
            "tokens": [tokens for tokens, _ in rows],
            "tags": [tags for _, tags in rows],
            "sentence": list(range(len(rows))),
            "document": [document] * len(rows),
        }
    )


@pytest.fixture(scope="module")
def anercorp_head(tmp_path_factory) -> Dataset:
    folder = tmp_path_factory.mktemp("anercorp")
    return read_anercorp(write_head(NER_DATA / "anercorp" / "ANERCorp.txt", ANERCORP_LINES, folder))


@pytest.fixture(scope="module")
def anercorp_converted(nlp, anercorp_head):
    return to_docs(nlp, anercorp_head, "anercorp")


@needs_ner_data
def test_anercorp_sentences_end_at_final_punctuation(anercorp_head):
    assert anercorp_head[0]["tokens"][0] == "فرانكفورت" and anercorp_head[0]["tags"][0] == "B-LOC"
    assert list(anercorp_head["sentence"]) == list(range(len(anercorp_head)))
    assert all(row["tokens"][-1] in SENTENCE_FINAL for row in islice(anercorp_head, len(anercorp_head) - 1))
    assert sum(len(row["tokens"]) for row in anercorp_head) == ANERCORP_LINES


@needs_ner_data
def test_anercorp_proclitics_move_out_of_the_entity(anercorp_converted):
    docs, report = anercorp_converted
    entities = [entity for doc in docs for entity in doc.ents]
    israel = next(
        entity for entity in entities if entity.doc.text[entity.start_char - 1 : entity.end_char] == "وإسرائيل"
    )
    assert (israel.text, israel.label_) == ("إسرائيل", "PLACE")
    assert ("تل أبيب", "PLACE") in [(entity.text, entity.label_) for entity in entities]
    assert not any(PROCLITIC_RE.fullmatch(entity[0].text) for entity in entities)
    assert report.contracted >= 2


@needs_ner_data
def test_anercorp_labels_are_mapped_and_misc_is_counted(anercorp_head, anercorp_converted):
    docs, report = anercorp_converted
    found = [pair for doc in docs for pair in entity_tuples(doc)]
    assert ("فرانكفورت", "PLACE") in found
    assert ("برند جوتشولك", "PERSON") in found
    assert ("اتحاد صناعة السيارات", "ORG") in found
    assert not any(text in {"شيكل", "دولار"} for text, _ in found)
    misc = sum(label == "MISC" for tags in anercorp_head["tags"] for _, _, label in bio_entities(tags))
    assert misc > 0 and report.dropped_unmapped == misc
    dropped = report.dropped_unmapped + report.dropped_misaligned + report.dropped_overlapping
    assert report.entities_in == report.kept + dropped == sum(report.kept_by_label.values()) + dropped


def test_org_becomes_armed_group_by_gazetteer_or_head(nlp):
    dataset = sentences(
        [
            (
                ["قال", "حزب", "الله", "وقوات", "الأمن", "إن", "الأمم", "المتحدة", "تدعم", "للجيش", "الحر"],
                ["O", "B-ORG", "I-ORG", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "O", "B-ORG", "I-ORG"],
            )
        ]
    )
    [doc], report = to_docs(nlp, dataset, "anercorp")
    assert entity_tuples(doc) == [
        ("حزب الله", "ARMED_GROUP"),  # the gazetteer knows it as an armed group
        ("قوات الأمن", "ARMED_GROUP"),  # head قوات, after its و moved out
        ("الأمم المتحدة", "ORG"),
        ("لجيش الحر", "ARMED_GROUP"),  # article elided after ل, restored for the lookup
    ]
    assert report.relabelled_armed_group == 3


@pytest.mark.parametrize("size", [12, 7, 6])
def test_anercorp_split_keeps_the_first_five_sixths_for_training(size):
    dataset = sentences([([f"w{index}", "."], ["O", "O"]) for index in range(size)])
    train, test = anercorp_split(dataset)
    assert len(train) == size * 5 // 6 and len(train) + len(test) == size
    assert [*train["sentence"], *test["sentence"]] == list(range(size))


def test_bio_entities_start_an_entity_at_a_stray_inside_tag():
    tags = ["O", "I-ORG", "I-ORG", "B-LOC", "I-PER", "B-LOC", "B-LOC"]
    assert bio_entities(tags) == [(1, 3, "ORG"), (3, 4, "LOC"), (4, 5, "PER"), (5, 6, "LOC"), (6, 7, "LOC")]


@pytest.mark.parametrize(
    "stray, clean",
    [
        ("IO", "O"),
        ("OO", "O"),
        ("I--ORG", "I-ORG"),
        ("B-MISS1", "B-MISC"),
        ("B-MIS1`", "B-MISC"),
        ("B-ENGLISH", "O"),
        ("B-SPANISH", "O"),
        ("B-MIS0", "B-MISC"),
        ("I-MIS3", "I-MISC"),
        ("B-MIS-1", "B-MISC"),
        ("B-PER", "B-PER"),
    ],
)
def test_aqmar_stray_tags_are_cleaned(stray, clean):
    assert clean_aqmar_tag(stray) == clean


@needs_ner_data
def test_aqmar_file_reads_with_clean_tags_and_keeps_documents_apart(nlp, tmp_path):
    football = NER_DATA / "aqmar" / "Football.txt"  # starts with كرة B-MISS1, holds "16 OO"
    damascus = write_head(NER_DATA / "aqmar" / "Damascus.txt", 200, tmp_path)
    dataset = read_aqmar([football, damascus])
    assert dataset[0]["tokens"][:3] == ["كرة", "القدم", "رياضة"]
    assert dataset[0]["tags"][:3] == ["B-MISC", "I-MISC", "O"]
    assert all(CLEAN_AQMAR_TAG_RE.fullmatch(tag) for tags in dataset["tags"] for tag in tags)
    assert set(dataset["document"]) == {"Football", "Damascus"}
    docs, _ = to_docs(nlp, dataset, "aqmar")
    ids = [doc.user_data["id"] for doc in docs]
    assert ids[0] == "aqmar-Football-0" and "aqmar-Damascus-0" in ids
    assert ("دمشق", "PLACE") in entity_tuples(docs[ids.index("aqmar-Damascus-0")])


@needs_ner_data
def test_wojood_reads_the_outer_layer_without_segment_markers(nlp, tmp_path):
    dataset = read_wojood(write_head(NER_DATA / "wojood_sample" / "train.txt", WOJOOD_LINES, tmp_path))
    assert len(dataset) == 2
    first = dataset[0]
    assert "$#$" not in first["tokens"] and first["tokens"][-1] == "،"
    assert first["tags"][first["tokens"].index("الأسد")] == "I-ORG"  # not its inner B-PERS
    [doc], report = to_docs(nlp, dataset, "wojood")
    assert entity_tuples(doc) == [("روسيا", "ORG"), ("مجلس الأمن ضد الأسد", "ORG")]
    assert report.dropped_unmapped == 3  # OCC (with the GPE نابلس inside), CARDINAL, DATE


@needs_ner_data
def test_converted_docs_survive_a_docbin_round_trip(nlp, anercorp_converted):
    docs, _ = anercorp_converted
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    restored = list(DocBin().from_bytes(data).get_docs(nlp.vocab))

    def spans(doc_list):
        return [(doc.user_data["id"], [(e.start_char, e.end_char, e.label_) for e in doc.ents]) for doc in doc_list]

    assert spans(restored) == spans(docs)
    assert sum(len(doc.ents) for doc in restored) > 0


def test_an_unknown_corpus_is_refused(nlp):
    with pytest.raises(ValueError, match="unknown corpus"):
        to_docs(nlp, sentences([(["دمشق"], ["B-LOC"])]), "conll2003")
