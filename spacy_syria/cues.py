"""The cue lexicon of the statement component: ``data/cues.jsonl`` read into a table from
normalised token sequences to ``Cue`` records.

Each entry lists a lemma's forms and marks which are participles, passive forms, editorial
formulas or ambiguous words; with ``pronoun_suffixes`` the forms glued to an object pronoun (a
verb's: وصفته) or a possessive one (a verbal noun's speaker: تأكيده) are generated here, less the
``pronoun_suffix_exclude`` list (دعوه reads as دعوة «a call» once normalised).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .normalize import normalize

SUFFIX_PRONOUNS = ("ه", "ها", "هم", "هما")


@dataclass(frozen=True)
class Cue:
    """A cue lemma from ``data/cues.jsonl``."""

    lemma: str
    kind: str
    type: str
    takes_target: bool
    complements: tuple[str, ...]
    verb_follows: bool
    participle: bool
    passive: bool = False  # قيل/يقال: no speaker to find
    editorial: bool = False  # يذكر أن: a writing formula when nothing stands between
    ambiguous: bool = False  # بين، عبر، طالب: also ordinary words; need an introducer close by
    anonymity: bool = False  # طلب عدم الكشف عن اسمه: a request not to be named is a statement
    pronoun_suffix: bool = False  # وصفته، تأكيده: a glued pronoun, the verb's object or the noun's speaker


def load_cues(path: Path) -> dict[tuple[str, ...], Cue]:
    """Normalised token sequences of every cue form → its ``Cue``."""
    table: dict[tuple[str, ...], Cue] = {}
    for line_number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as error:
            raise ValueError(f"{path}:{line_number}: invalid cue entry ({error.msg})") from error
        marked = {
            name: {normalize(form) for form in entry.get(f"{name}_forms", entry.get(name + "s", []))}
            for name in ("participle", "passive", "editorial", "ambiguous")
        }
        forms = list(entry["forms"])
        glued: set[str] = set()
        if entry.get("pronoun_suffixes"):
            excluded = set(entry.get("pronoun_suffix_exclude", []))
            unmarked = [form for form in forms if not any(normalize(form) in marks for marks in marked.values())]
            glued = {form for form in pronoun_suffixed(unmarked) if form not in excluded}
            forms += sorted(glued)
        for form in forms:
            norm = normalize(form)
            table.setdefault(
                tuple(norm.split()),
                Cue(
                    lemma=entry["lemma"],
                    kind=entry["kind"],
                    type=entry["type"],
                    takes_target=bool(entry.get("takes_target")),
                    complements=tuple(normalize(c) for c in entry.get("complement", [])),
                    verb_follows=bool(entry.get("verb_follows")),
                    participle=norm in marked["participle"],
                    passive=norm in marked["passive"],
                    editorial=norm in marked["editorial"],
                    ambiguous=norm in marked["ambiguous"],
                    pronoun_suffix=form in glued,
                    anonymity=bool(entry.get("anonymity_requests")),
                ),
            )
    return table


def pronoun_suffixed(forms: Iterable[str]) -> list[str]:
    """Forms glued to a pronoun: a verb's object (وصفته، نفاها، تتهمهم) or a verbal noun's
    speaker (تأكيده، دعوتها); the whole word is the cue."""
    glued = []
    for form in forms:
        if " " in form or form.startswith("ال") or form.endswith(("ه", "ها", "هم")):
            continue  # phrases, verbal nouns (القول) and forms that already carry a pronoun
        stem = form[:-1] + "ا" if form.endswith("ى") else form[:-1] if form.endswith("وا") else form
        stem = stem[:-1] + "ت" if stem.endswith("ة") else stem
        glued += [stem + pronoun for pronoun in SUFFIX_PRONOUNS]
    return glued
