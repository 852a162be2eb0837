import json

import pytest

from spacy_syria.cli import main

from .conftest import ROOT, SEED_GOLD

SEED_TXT = ROOT / "examples" / "seed_article.txt"


def test_annotate_txt_to_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    main(["annotate", str(SEED_TXT), "-o", str(out)])
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "seed_article" and isinstance(record["statements"], list)
    first = record["entities"][0]
    assert set(first) >= {"start", "end", "label", "text", "id"}
    assert record["text"][first["start"] : first["end"]] == first["text"]


def test_annotate_jsonl_to_rtl_html(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": "قصفت قوات النظام مدينة حلب"}, ensure_ascii=False) + "\n")
    out = tmp_path / "out.html"
    main(["annotate", str(source), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert "direction: rtl" in html and "حلب" in html


def test_bad_jsonl_line_is_reported_with_file_and_line(tmp_path, capsys):
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": "a", "text": "حلب"}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["annotate", str(source)])
    assert exit_info.value.code == 1
    assert f"{source}:2" in capsys.readouterr().err


def test_missing_file_and_missing_id_are_errors(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["annotate", str(tmp_path / "nope.txt")])
    source = tmp_path / "noid.jsonl"
    source.write_text('{"text": "حلب"}\n', encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["annotate", str(source)])
    assert "noid.jsonl:1" in capsys.readouterr().err


def test_evaluate_prints_entity_scores(capsys):
    main(["evaluate", str(SEED_GOLD)])
    out = capsys.readouterr().out
    assert "micro" in out and "ARMED_GROUP" in out


def test_convert_round_trips_jsonl_through_docbin(tmp_path):
    spacy_file, back = tmp_path / "seed.spacy", tmp_path / "seed.jsonl"
    main(["convert", str(SEED_GOLD), str(spacy_file)])
    main(["convert", str(spacy_file), str(back)])
    original = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    restored = json.loads(back.read_text(encoding="utf-8"))
    assert restored["id"] == original["id"]
    assert [(e["start"], e["end"], e["label"]) for e in restored["entities"]] == [
        (e["start"], e["end"], e["label"]) for e in original["entities"]
    ]
    assert [s["cue"] for s in restored["statements"]] == [s["cue"] for s in original["statements"]]


def test_validate_reports_misaligned_spans_with_file_and_line(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    record = {
        "id": "x",
        "text": "قصفت قوات النظام بدير الزور",
        "entities": [{"start": 19, "end": 27, "label": "PLACE"}],
    }
    bad.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["validate", str(bad)])
    assert f"{bad}:1" in capsys.readouterr().out


def test_html_view_shows_statement_parts(tmp_path):
    out = tmp_path / "seed.html"
    main(["annotate", str(SEED_TXT), "--format", "html", "-o", str(out)])
    html = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "cue 1" in html and "source 1" in html and "content 1" in html


def test_document_over_max_length_is_refused_with_its_id(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    huge.write_text("حلب " * 250_001, encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["annotate", str(huge)])
    assert "'huge'" in capsys.readouterr().err
