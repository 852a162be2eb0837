"""Each construction of GUIDELINES §2 on real sentences (the seed article and the corpus)."""

import json

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

from spacy_syria.cues import load_cues
from spacy_syria.formats import record_to_doc
from spacy_syria.gazetteer import DATA_DIR
from spacy_syria.scoring import score_statements

from .conftest import ROOT

SEED_SOURCE = "وأوضح مصدر عسكري من قسد لـ “نورث برس“ أن “قسد”، وبمساندة جوية وبرية من “التحالف الدولي“، نفّذت عمليتي إنزال ومداهمة استهدفتا منزلين في حي الزلزلة وسط بلدة مراط بريف دير الزور الشرقي."  # noqa: E501


def corpus_passage(doc_id: str, first: str, last: str) -> str:
    """The text of a corpus document from the sentence holding ``first`` to the sentence holding ``last``."""
    lines = (ROOT / "corpus" / "train.jsonl").read_text(encoding="utf-8").splitlines()
    text = next(record["text"] for record in map(json.loads, lines) if record["id"] == doc_id)
    start = text.index(first)
    end = text.index(".", text.index(last, start)) + 1
    return text[start:end]


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


def test_a_cue_glued_to_its_object_pronoun_is_the_whole_word(nlp):
    text = "وتجري السلطات تحقيقات حول نحو مائة شخص للاشتباه بمشاركتهم في مخطط وصفته بالإرهابي."
    [statement] = parts(nlp(text))
    assert statement["cue"] == "وصفته" and statement["content"] == "الإرهابي"


def test_pronoun_suffixed_forms_come_from_the_cue_data():
    cues = load_cues(DATA_DIR / "cues.jsonl")
    assert cues[("وصفته",)].pronoun_suffix and cues[("وصفته",)].lemma == "وصف"
    assert cues[("تاكيده",)].pronoun_suffix and cues[("تاكيده",)].type == "noun"
    assert ("دعوه",) not in cues  # دعا + ه is listed as an exclusion: دعوة «a call» normalises the same
    assert not cues[("قال",)].pronoun_suffix


def test_verbal_noun_needs_a_named_speaker(nlp):
    text = "وأيضًا مع إعلان أنقرة عزمها إقامة منطقة عازلة شمال سوريا ـ وهي الفكرة التي ظلت واشنطن ترفضها."
    [statement] = [s for s in parts(nlp(text)) if s["cue"] == "إعلان"]
    assert statement["source"] == "أنقرة" and statement["content"].startswith("عزمها إقامة منطقة عازلة")
    assert parts(nlp("سوريا: تأكيد مقتل قائد الفرقة 11 دبابات.. قريب الأسد")) == []


def test_request_for_anonymity_is_a_statement_and_the_outer_cue_reaches_past_it(nlp):
    text = "وقال المسؤولون الذين طلبوا عدم ذكر اسمائهم إنهم يعتقدون أن المسلح السوري قتل أثناء اشتباك مع أعضاء يشتبه في انتمائهم لجبهة النصرة في شمال سوريا يوم الجمعة."  # noqa: E501
    said, request = parts(nlp(text))
    assert said["cue"] == "قال" and said["source"].startswith("المسؤولون")
    assert said["content"].startswith("يعتقدون أن المسلح السوري قتل")
    assert request["cue"] == "طلبوا" and request["content"] == "عدم ذكر اسمائهم"


def test_ordinary_word_between_cue_and_complementiser_does_not_block(nlp):
    text = "وقال أحد الشهود لرويترز عبر الهاتف إن اسمه محمد «شاهدت أكثر من 20 جثة."
    [statement] = parts(nlp(text))
    assert statement["cue"] == "قال" and statement["source"] == "أحد الشهود"
    assert statement["content"].startswith("اسمه محمد")


def test_trailing_attribution_after_kama_or_bihasab_ma(nlp):
    [statement] = parts(nlp("وكانوا يتشاركون في إجراء تحقيق في سورية، كما ذكر التلفزيون الرسمي."))
    assert statement["cue"] == "ذكر" and statement["source"] == "التلفزيون الرسمي"
    assert statement["content"] == "كانوا يتشاركون في إجراء تحقيق في سورية"
    text = "وتجددت المعارك العنيفة في مدينة درعا إثر هجوم شنه مقاتلو المعارضة وجبهة النصرة على أحياء تابعة لقوات النظام، بحسب ما أفاد به المرصد السوري لحقوق الإنسان."  # noqa: E501
    [statement] = parts(nlp(text))
    assert statement["content"].endswith("تابعة لقوات النظام") and "المرصد السوري" in statement["source"]


def test_attribution_with_fa_and_with_a_quoted_name(nlp):
    text = "وبحسب مدريد فقد التحق حوالى مئة اسباني (116 في 5 تموز/يوليو) بصفوف المجموعات الجهادية في العراق وسوريا."
    [statement] = parts(nlp(text))
    assert statement["source"] == "مدريد" and statement["content"].startswith("التحق حوالى مئة اسباني")
    text = 'وحسب فضائية "الجزيرة"، قال "المعلم" في مؤتمر صحفي على هامش المؤتمر، الذي عُقِدَ في دمشق الجمعة: إن "الاتفاق التاريخي" يُشَكّل "اعترافاً واضحاً بمكانة إيران".'  # noqa: E501
    attribution, said = parts(nlp(text))
    assert attribution["source"] == 'فضائية "الجزيرة"' and attribution["content"].startswith("قال")
    assert said["source"] == "المعلم"


def test_relay_from_a_pronoun_takes_the_previous_speaker(nlp):
    doc = nlp(corpus_passage("saudinewsnet-0ab48a5c0501", "ونُقل عن أوغلو قوله", "يمكن “أن يكون له مكان"))
    named, newspaper, passive = parts(doc)
    assert named["cue"] == "نُقل" and named["source"] == "أوغلو"
    assert newspaper["cue"] == "نقلت" and newspaper["source"] == "أوغلو"  # «عنه»: the speaker is the previous one
    assert passive["cue"] == "نُقل" and passive["source"] == "أوغلو"


def test_implied_speaker_is_the_closest_mention(nlp):
    text = corpus_passage("saudinewsnet-04052a9b80e8", "على صعيد متصل", "الى حد ما")
    doc = nlp(text)
    later = doc[[t.i for t in doc if t.text == "اوغلو"][-1]]  # «إلا ان اوغلو رفض …», no statement of its own
    [carried] = [s for s in doc._.statements if s.cue.text == "يقول"]
    assert carried.source.text == "اوغلو" and carried.source.start == later.i
    assert carried.source_entity.text.endswith("اوغلو")


def test_dots_of_an_abbreviation_do_not_end_the_sentence(nlp):
    text = "وقال المرصد في بيان تلقت وكالة الأنباء الألمانية (د. ب. أ) نسخة منه أمس الخميس إن 173 مدنياً قتلوا وأصيب العشرات بالإضافة إلى مقتل مقاتل أيضاً جراء هذه الغارات خلال هذه الفترة."  # noqa: E501
    [statement] = parts(nlp(text))
    assert statement["source"] == "المرصد" and statement["content"].startswith("173 مدنياً قتلوا")


def test_speaker_noun_phrase_before_a_noun_phrase_content(nlp):
    text = "وأكد المتحدث الأمني إحباط عمليات إرهابية مروعة خطط لها تنظيم داعش خلال أيام شهر رمضان."
    [statement] = parts(nlp(text))
    assert statement["source"] == "المتحدث الأمني" and statement["content"].startswith("إحباط عمليات إرهابية")


def test_warning_names_the_warned_party(nlp):
    [statement] = parts(nlp("تركيا تحذر سوريا من مساعدة الأكراد في عفرين"))
    assert statement == {**statement, "cue": "تحذر", "source": "تركيا", "target": "سوريا",
                         "content": "مساعدة الأكراد في عفرين"}  # fmt: skip


def test_another_speakers_clause_ends_the_content(nlp):
    text = "وتتهم واشنطن ولندن وباريس الجيش السوري بشن هجمات بغاز الكلور لكن موسكو تؤكد انه لا توجد أدلة تدعم هذه الاتهامات."  # noqa: E501
    accusation, denial = parts(nlp(text))
    assert accusation["content"] == "شن هجمات بغاز الكلور"
    assert denial["source"] == "موسكو" and denial["content"] == "لا توجد أدلة تدعم هذه الاتهامات"


def test_verbal_nouns_and_relative_clauses_are_no_verb_statements(nlp):
    text = "يذكر أن الإرهابي البريطاني، من أصل كويتي، أصيب برعب شديد بعد كشف هويته إعلامياً على أنه القاتل المريض لرهائن بريطانيين وأمريكيين."  # noqa: E501
    assert parts(nlp(text)) == []
    text = "وانضمامه على وجه الخصوص لتنظيم مايسمى (داعش) الذي أعلن الحرب والعداء للمملكة، وتولى كبر الفساد والاعتداء والتكفير."  # noqa: E501
    assert parts(nlp(text)) == []


def test_responsibility_is_the_content_of_hammala(nlp):
    text = "وكان داود أوغلو حمل منذ مساء الاثنين التنظيم الإرهابي مسؤولية الهجوم ووعد بتعزيز الإجراءات الأمنية."
    [statement] = parts(nlp(text))
    assert statement["source"] == "داود أوغلو" and statement["content"].startswith("مسؤولية الهجوم")
    assert statement["kind"] == "accusation"


def test_relative_clause_ends_the_source_and_after_an_is_no_complementiser(nlp):
    text = "وقالت الصحفية التي اختارت نشر موضوعها باسم ايرلا خوفا من تهديدات بالقتل بعد أن انسحبت من علاقة عبر الإنترنت مع شخص يدعى أبو بلال وهو فرنسي من أصل جزائري، إنها أنشأت حسابا وهميا على موقع تويتر."  # noqa: E501
    [statement] = parts(nlp(text))
    assert statement["source"] == "الصحفية" and statement["content"] == "أنشأت حسابا وهميا على موقع تويتر"


def test_closing_quote_and_relative_clause_introduce_nothing(nlp):
    text = 'فيما قال المسؤول التركي "اننا نحقق حول المعلومات التي افادت عن اطلاق الجيش التركي النار على مواقع لقوات غير تنظيم داعش".'  # noqa: E501
    [statement] = parts(nlp(text))  # «التي افادت عن …» describes the information: no statement of its own
    assert statement["cue"] == "قال" and statement["kind"] == "direct"


def test_a_relative_clause_keeps_its_own_complementiser_only(nlp):
    text = "هذه المعلومات أكد صحتها مصدر في الجيش السوري الحرّ، الذي أعلن أن «هذه الحالة ليست مقتصرة على بلدة صرين، إنما تحصل بشكل دوري في كل قرى عفرين."  # noqa: E501
    [statement] = parts(nlp(text))
    assert statement["cue"] == "أعلن" and statement["content"].startswith("«هذه الحالة ليست مقتصرة")
    text = "وأوضحت المرأة، التي تحدثت إلى “لايف نيوز”، أنها كانت جادة في البداية بقبول عرض السفر إلى سوريا، لكنها تراجعت عن ذلك بسبب تجارب الآخرين، على حد قولها."  # noqa: E501
    explained = parts(nlp(text))[0]
    assert explained["cue"] == "أوضحت" and explained["source"] == "المرأة"
    assert explained["content"].startswith("كانت جادة في البداية")
    assert explained["content"].endswith("بسبب تجارب الآخرين")  # «، على حد قولها» is no part of it


def test_modal_phrases_and_relative_clauses_with_more_words_are_no_statements(nlp):
    assert parts(nlp("ولذا فلا يمكن القول بأن الأسد حليف ضد الإرهاب، لأن ذلك مثير للسخرية.")) == []
    text = "بعد قطع الهدنة مع حزب العمال الكردستاني اكد الرئيس التركي ان “الذين يقولون ذلك يريدون ان توقف تركيا عملياتها العسكرية. لكنها ستواصلها طالما تعتبرها ضرورية”."  # noqa: E501
    [statement] = parts(nlp(text))
    assert statement["cue"] == "اكد" and statement["source"] == "الرئيس التركي"


def test_a_source_named_by_an_attribution_phrase_is_not_carried(nlp):
    doc = nlp(corpus_passage("saudinewsnet-78758e50e37e", "وأوضح مصدر، من عائلة", "وأشار إلى أن قريبه"))
    explained, attribution, pointed = parts(doc)
    assert attribution["cue"] == "وفقاً" and attribution["source"] == "صحيفة “الحياة”"
    assert pointed["cue"] == "أشار" and pointed["source"].startswith("مصدر")


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
