"""Each construction of GUIDELINES §2 on real sentences (the seed article and the corpus)."""

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from spacy_syria.formats import record_to_doc
from spacy_syria.scoring import score_statements

SEED_SOURCE = "وأوضح مصدر عسكري من قسد لـ “نورث برس“ أن “قسد”، وبمساندة جوية وبرية من “التحالف الدولي“، نفّذت عمليتي إنزال ومداهمة استهدفتا منزلين في حي الزلزلة وسط بلدة مراط بريف دير الزور الشرقي."  # noqa: E501


def parts(doc):
    def text(span):
        return span.text if span is not None else None

    return [
        {"cue": text(s.cue), "source": text(s.source), "content": text(s.content), "target": text(s.target),
         "kind": s.kind, "entity": text(s.source_entity), "id": s.source_entity.kb_id_ if s.source_entity else None}
        for s in doc._.statements
    ]  # fmt: skip


def test_verb_cue_with_complementiser_and_descriptive_source(nlp):
    [statement] = parts(nlp(SEED_SOURCE))
    assert statement["cue"] == "أوضح" and statement["source"] == "مصدر عسكري من قسد"
    assert statement["content"].startswith("“قسد”") and statement["content"].endswith("الشرقي")
    assert statement["entity"] == "قسد" and statement["id"] == "ag:sdf"


def test_apposition_after_the_source_and_trailing_attribution(nlp):
    text = "وقال فرهاد شامي، مدير المركز الإعلامي لـ”قسد”، إن الاشتباكات شهدت مشاركة مقاتلين “كانوا سابقاً في داعش ثم التحقوا بوزارة الدفاع لدى حكومة دمشق”، وفق تصريحه."  # noqa: E501
    statements = parts(nlp(text))
    assert len(statements) == 1  # «، وفق تصريحه» repeats the source: no second statement
    assert statements[0]["source"] == "فرهاد شامي" and statements[0]["content"].endswith("حكومة دمشق”")
    assert statements[0]["kind"] == "mixed"


def test_headline_accusation_in_svo_order_with_target(nlp):
    [statement] = parts(nlp("قسد تتهم فصائل موالية لدمشق بالتنسيق مع عناصر من داعش"))
    assert statement == {**statement, "cue": "تتهم", "source": "قسد", "target": "فصائل موالية لدمشق",
                         "content": "التنسيق مع عناصر من داعش", "kind": "accusation"}  # fmt: skip


def test_dropped_subject_and_participle_take_the_previous_speaker(nlp):
    text = "وأضاف شامي أن الهجمات يقودها “مرتزق ألباني” يتنقّل بين دمشق والجبهة، مشيراً إلى امتلاك قسد أدلة مصورة تثبت تحركاته. وأكد أن مقاتلين من داعش ظهروا في الرقة."  # noqa: E501
    first, participle, dropped = parts(nlp(text))
    assert first["content"] == "الهجمات يقودها “مرتزق ألباني” يتنقّل بين دمشق والجبهة"
    assert participle["cue"] == "مشيراً" and participle["source"] == "شامي"
    assert participle["content"] == "امتلاك قسد أدلة مصورة تثبت تحركاته"
    assert dropped["cue"] == "أكد" and dropped["source"] == "شامي"


def test_surname_resolves_to_the_full_name(nlp):
    text = "وقال فرهاد شامي إن الاشتباكات مستمرة. وأضاف شامي أن الهجمات تتواصل."
    second = parts(nlp(text))[1]
    assert second["source"] == "شامي" and second["entity"] == "فرهاد شامي"


def test_attribution_preposition_with_fa_inna_and_nested_attribution(nlp):
    text = "وبحسب “قسد”، فإن حكومة دمشق تكتفي ببيانات إعلامية، فيما تتجاهل -وفقا لشامي- “وجود عناصر يرفعون رايات داعش داخل خطوطها الأمامية”."  # noqa: E501
    outer, inner = parts(nlp(text))
    assert outer["cue"] == "بحسب" and outer["source"] == "قسد" and outer["content"].startswith("حكومة دمشق")
    assert inner["cue"] == "وفقا" and inner["source"] == "شامي"
    assert inner["content"] == "وجود عناصر يرفعون رايات داعش داخل خطوطها الأمامية"


def test_direct_quotation_after_a_colon(nlp):
    text = 'وقال مدير المرصد رامي عبد الرحمن: "سقط الصاروخ على حي المغاير الشعبي".'
    [statement] = parts(nlp(text))
    assert statement["content"] == "سقط الصاروخ على حي المغاير الشعبي" and statement["kind"] == "direct"


def test_relayed_speech_takes_the_original_speaker(nlp):
    text = "ونقلت وكالة سانا عن محافظ الحسكة محمد زعلل العلي قوله إن الجيش يواصل عملياته."
    statements = parts(nlp(text))
    assert len(statements) == 1 and statements[0]["cue"] == "نقلت"
    assert statements[0]["source"] == "محافظ الحسكة محمد زعلل العلي"


def test_a_cue_that_introduces_nothing_is_no_statement(nlp):
    assert parts(nlp("كشفت قسد عن تسجيلات وصور تقنية من طائرات مسيّرة.")) == []
    assert parts(nlp("لم يشر المرصد إلى عدد القتلى.")) == []


def test_statements_survive_docbin_and_to_disk(nlp, seed_gold, tmp_path):
    doc = nlp(seed_gold["text"])
    docbin = DocBin(docs=[doc])
    restored = next(DocBin().from_bytes(docbin.to_bytes()).get_docs(nlp.vocab))
    assert [s.to_record() for s in restored._.statements] == [s.to_record() for s in doc._.statements]
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert len(reloaded(seed_gold["text"])._.statements) == len(doc._.statements)


def test_seed_article_statements_meet_the_target(nlp, seed_gold):
    predicted = {"text": seed_gold["text"], "statements": [s.to_record() for s in nlp(seed_gold["text"])._.statements]}
    scores = score_statements([(predicted, seed_gold)])
    assert scores["correct"] >= 14, scores


def test_scorer_works_through_spacy_evaluate(nlp, seed_gold):
    example = Example(nlp(seed_gold["text"]), record_to_doc(nlp, seed_gold))
    scores = nlp.get_pipe("statements").score([example])
    assert scores["statement_f"] >= 0.85 and 0 <= scores["source_acc"] <= 1


def test_jsonl_reader_for_spacy_train_keeps_gold_statements(nlp):
    from spacy.util import registry

    from .conftest import SEED_GOLD

    read = registry.readers.get("spacy_syria.JsonlCorpus.v1")(SEED_GOLD)
    [example] = list(read(nlp))
    assert len(example.reference._.statements) == 16 and len(example.reference.ents) == 60
    assert not example.predicted.ents  # the model's input is the bare text
