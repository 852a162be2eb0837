import json
from collections import Counter

import pytest

from spacy_syria.gazetteer import DATA_DIR, LABELS, arabic_names, gazetteer_paths, kb, read_entries
from spacy_syria.normalize import normalize

PATHS = gazetteer_paths()


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_entries_are_well_formed(path):
    ids = Counter()
    for entry in read_entries(path):
        ids[entry["id"]] += 1
        assert entry["label"] in LABELS
        assert all(alias.strip() for alias in entry.get("aliases_ar", [])), entry["id"]
        for name in arabic_names(entry):
            assert normalize(normalize(name)) == normalize(name)
    assert [i for i, n in ids.items() if n > 1] == []


def test_ids_shared_across_files_only_merge_names():
    labels = {}
    for path in PATHS:
        for entry in read_entries(path):
            assert labels.setdefault(entry["id"], entry["label"]) == entry["label"], entry["id"]
    syria = kb["country:SY"]
    names = {normalize(n) for n in arabic_names(syria)}
    assert {"سوريا", "سوريه"} <= names  # the short news forms, hand-curated
    assert normalize("الجمهورية العربية السورية") in names  # pycountry's official form, merged


def count(kind: str) -> int:
    return sum(1 for entry in kb if entry.get("attributes", {}).get("type") == kind)


def test_coverage_of_the_public_and_curated_lists():
    assert count("governorate") == 14
    assert count("district") >= 61
    assert count("sub-district") >= 270
    places = [e for e in kb if e["id"].startswith("C")]
    assert len(places) == 5251
    labels = Counter(entry["label"] for entry in kb)
    assert labels["ARMED_GROUP"] >= 150
    assert labels["PERSON"] >= 150


def test_kb_lookup_by_id_and_alias():
    idlib = kb["SY07"]
    assert idlib["name_en"] == "Idleb" and idlib["attributes"]["pcode"] == "SY07"
    assert any(e["label"] == "ARMED_GROUP" for e in kb.candidates("قسد"))
    assert kb.get("no-such-id") is None


def test_lexicon_is_normalised():
    lexicon = json.loads((DATA_DIR / "lexicon.json").read_text(encoding="utf-8"))
    assert all(normalize(word) == word for word in lexicon["known"])
