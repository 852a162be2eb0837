"""The annotators' inline markup (training/markup.py): offsets come out exact, mistakes are caught."""

import json
import sys

import pytest

from .conftest import ROOT, SEED_GOLD

sys.path.insert(0, str(ROOT / "training"))
from markup import MarkupError, parse_markup, to_markup  # noqa: E402

EXAMPLE = ROOT / "corpus" / "seed_markup_example.txt"


def test_seed_markup_gives_the_seed_gold():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text, entities, statements = parse_markup(EXAMPLE.read_text(encoding="utf-8"))
    assert text == gold["text"]
    assert entities == sorted(gold["entities"], key=lambda e: (e["start"], e["end"]))
    key = lambda s: tuple(s["cue"])  # noqa: E731
    assert sorted(statements, key=key) == sorted(
        ({k: s[k] for k in ("cue", "source", "content", "target")} for s in gold["statements"]), key=key
    )


def test_to_markup_is_the_inverse_of_parse_markup():
    markup = EXAMPLE.read_text(encoding="utf-8")
    text, entities, statements = parse_markup(markup)
    assert parse_markup(to_markup({"text": text, "entities": entities, "statements": statements})) == (
        text, entities, statements
    )  # fmt: skip


@pytest.mark.parametrize(
    "markup, message",
    [
        ("[[قسد|ARMY]] قالت", "unknown label"),
        ("[[قسد قالت", "never closed"),
        ("<cue 1>قال</cue 1> إن الهجوم", "lacks a cue or a content"),
        ("<src 1>قسد</src 2>", "closes nothing"),
    ],
)
def test_broken_markup_is_reported(markup, message):
    with pytest.raises(MarkupError, match=message):
        parse_markup(markup)
