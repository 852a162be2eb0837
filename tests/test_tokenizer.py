import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def words(nlp, text):
    return [token.text for token in nlp.make_doc(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("بدير الزور", ["ب", "دير", "الزور"]),
        ("والرقة", ["و", "الرقة"]),
        ("وأوضح مصدر", ["و", "أوضح", "مصدر"]),
        ("لـ”قسد”", ["لـ", "”", "قسد", "”"]),
        ("بـ”التنسيق", ["بـ", "”", "التنسيق"]),
        ("-وفقا لشامي-", ["-", "وفقا", "ل", "شامي", "-"]),
        ("وبحسب “قسد”، فإن", ["و", "بحسب", "“", "قسد", "”", "،", "ف", "إن"]),
        ("بريف دير الزور الشرقي", ["ب", "ريف", "دير", "الزور", "الشرقي"]),
    ],
)
def test_proclitics_and_quotes_are_split(nlp, text, expected):
    assert words(nlp, text) == expected


@pytest.mark.parametrize("word", ["وزارة", "بلدة", "لبنان", "كبير", "بلاد", "فلسطين", "بحسب"])
def test_letters_of_the_word_are_not_split(nlp, word):
    assert words(nlp, word) == [word]


def test_article_after_lam_gets_full_norm(nlp):
    doc = nlp("للإدارة الذاتية")
    assert [t.text for t in doc] == ["ل", "لإدارة", "الذاتية"]
    assert doc[1].norm_ == "الاداره"


def test_every_seed_gold_span_aligns(nlp, seed_gold):
    doc = nlp.make_doc(seed_gold["text"])
    spans = [(e["start"], e["end"]) for e in seed_gold["entities"]]
    for statement in seed_gold["statements"]:
        spans += [tuple(statement[part]) for part in ("cue", "source", "content", "target") if statement[part]]
    misaligned = [seed_gold["text"][a:b] for a, b in spans if doc.char_span(a, b) is None]
    assert misaligned == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("بدير الزوركقسدلـ“”«»\"'-، .\n0١أإآةى") + ["ﻻ", "ّ", "\t"])))
def test_any_text_round_trips_with_valid_offsets(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token)] == token.text
    for ent in doc.ents:
        assert text[ent.start_char : ent.end_char] == ent.text


def test_empty_and_non_arabic_text(nlp, rules_nlp):
    assert len(nlp("")) == 0 and nlp("")._.statements == []
    text = "Damascus 2015 — Москва"
    assert nlp(text).text == text  # other scripts pass through untouched
    assert list(rules_nlp(text).ents) == []  # the gazetteers hold Arabic names only
