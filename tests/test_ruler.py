from spacy_syria import kb
from spacy_syria.formats import doc_to_record
from spacy_syria.scoring import score_entities


def test_seed_article_entities_reach_the_target_with_rules_alone(rules_nlp, seed_gold):
    predicted = doc_to_record(rules_nlp(seed_gold["text"]))
    scores = score_entities([(predicted, seed_gold)])
    assert scores["micro"]["f"] >= 0.85, scores


def test_matches_carry_knowledge_base_ids(nlp):
    doc = nlp("وأوضح مصدر عسكري من قسد أن الاشتباكات وقعت بدير الزور")
    found = {(ent.text, ent.label_) for ent in doc.ents}
    assert ("قسد", "ARMED_GROUP") in found
    assert ("دير الزور", "PLACE") in found
    for ent in doc.ents:
        assert ent.kb_id_ and ent.id_ == ent.kb_id_
        assert kb[ent.kb_id_]["label"] == ent.label_


def test_normalised_spelling_variants_match(nlp):
    plain = [e.kb_id_ for e in nlp("قوات سورية الديمقراطية").ents]
    variant = [e.kb_id_ for e in nlp("قوات سوريه الديمقراطيه").ents]
    assert plain == variant == ["ag:sdf"]
    assert [e.kb_id_ for e in nlp("الإدارة الذاتية").ents] == [e.kb_id_ for e in nlp("الادارة الذاتيه").ents]


def test_ambiguous_village_name_needs_a_trigger(nlp):
    ruler = nlp.get_pipe("gazetteer_ruler")
    ambiguous = next(p for p in ruler.patterns if p[3] == "trigger" and len(p[0]) == 1 and p[2] == "PLACE")
    name = ambiguous[0][0]
    assert not any(e.text == name for e in nlp(f"تحدث عن {name} أمس").ents)
    assert any(e.kb_id_ for e in nlp(f"قصفت قرية {name} أمس").ents)


def test_existing_entities_are_not_overwritten(nlp):
    doc = nlp.make_doc("قسد في الرقة")
    doc = nlp.get_pipe("normalizer")(doc)
    doc.ents = [doc.char_span(0, 3, label="ORG")]
    doc = nlp.get_pipe("gazetteer_ruler")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("قسد", "ORG"), ("الرقة", "PLACE")]


def test_country_name_used_as_adjective_is_not_a_place(nlp):
    assert [e.text for e in nlp("أسقطت مقاتلة سورية طائرة").ents] == []
    assert [e.text for e in nlp("عاد إلى سورية أمس").ents] == ["سورية"]
