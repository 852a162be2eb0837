"""Inline annotation markup → GUIDELINES §3 records.

Annotators copy a raw document and mark it up in place; stripping the markup must give back the
raw text exactly, so offsets can never drift. The markup:

* entity: ``[[قسد|ARMED_GROUP]]``
* statement parts: ``<cue 3>قال</cue 3>``, ``<src 3>فرهاد شامي</src 3>``,
  ``<con 3>...</con 3>``, ``<tgt 3>...</tgt 3>``. One source span can serve several statements:
  ``<src 2,3>المصدر</src 2,3>``. Tags and entity brackets may nest and interleave freely.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LABELS = ("PLACE", "ARMED_GROUP", "PERSON", "ORG")
PARTS = {"cue": "cue", "src": "source", "con": "content", "tgt": "target"}
TOKEN_RE = re.compile(r"\[\[|\|(?P<label>[A-Z_]+)\]\]|<(?P<close>/?)(?P<part>cue|src|con|tgt) (?P<ids>\d+(?:,\d+)*)>")


class MarkupError(ValueError):
    """A markup file that cannot be turned into offsets; the message names the place."""


def parse_markup(markup: str) -> tuple[str, list[dict], list[dict]]:
    """Return ``(text, entities, statements)`` with character offsets into ``text``."""
    out: list[str] = []
    length = 0
    entity_starts: list[int] = []
    entities: list[dict] = []
    open_parts: dict[tuple[str, str], int] = {}
    parts: dict[int, dict[str, list[int]]] = {}
    pos = 0
    for match in TOKEN_RE.finditer(markup):
        chunk = markup[pos : match.start()]
        out.append(chunk)
        length += len(chunk)
        pos = match.end()
        where = f"at markup offset {match.start()}"
        token = match.group(0)
        if token == "[[":
            entity_starts.append(length)
        elif match.group("label"):
            label = match.group("label")
            if label not in LABELS:
                raise MarkupError(f"unknown label {label!r} {where}")
            if not entity_starts:
                raise MarkupError(f"entity closed without [[ {where}")
            entities.append({"start": entity_starts.pop(), "end": length, "label": label})
        else:
            key = (match.group("part"), match.group("ids"))
            if not match.group("close"):
                if key in open_parts:
                    raise MarkupError(f"<{key[0]} {key[1]}> opened twice {where}")
                open_parts[key] = length
                continue
            if key not in open_parts:
                raise MarkupError(f"</{key[0]} {key[1]}> closes nothing {where}")
            start = open_parts.pop(key)
            for statement_id in key[1].split(","):
                slot = parts.setdefault(int(statement_id), {})
                name = PARTS[key[0]]
                if name in slot:
                    raise MarkupError(f"statement {statement_id} has two {name} spans {where}")
                slot[name] = [start, length]
    out.append(markup[pos:])
    if entity_starts:
        raise MarkupError(f"{len(entity_starts)} entity bracket(s) never closed")
    if open_parts:
        raise MarkupError(f"tags never closed: {sorted(open_parts)}")
    statements = []
    for statement_id in sorted(parts):
        slot = parts[statement_id]
        if "cue" not in slot or "content" not in slot:
            raise MarkupError(f"statement {statement_id} lacks a cue or a content span")
        statements.append(
            {
                "cue": slot["cue"],
                "source": slot.get("source"),
                "content": slot["content"],
                "target": slot.get("target"),
            }
        )
    entities.sort(key=lambda e: (e["start"], e["end"]))
    return "".join(out), entities, statements


def to_markup(record: dict) -> str:
    """Write a §3 record as markup (the inverse of ``parse_markup``); shared spans are grouped."""
    text = record["text"]
    spans = [(e["start"], e["end"], "[[", f"|{e['label']}]]", 1) for e in record["entities"]]
    for part, tag in ((name, tag) for tag, name in PARTS.items()):
        grouped: dict[tuple[int, int], list[int]] = {}
        for number, statement in enumerate(record["statements"], 1):
            if statement.get(part):
                grouped.setdefault(tuple(statement[part]), []).append(number)
        for (start, end), numbers in grouped.items():
            ids = ",".join(map(str, numbers))
            spans.append((start, end, f"<{tag} {ids}>", f"</{tag} {ids}>", 0))
    # Openers: outer (longer, statement tags) first; closers: inner first.
    events = [(a, 1, -b, inner, opener) for a, b, opener, _, inner in spans]
    events += [(b, 0, -a, -inner, closer) for a, b, _, closer, inner in spans]
    out, position = [], 0
    for offset, *_, tag in sorted(events):
        out += [text[position:offset], tag]
        position = offset
    out.append(text[position:])
    return "".join(out)


def convert_file(markup_path: Path, raw_dir: Path) -> dict:
    """Parse one ``<id>.txt`` markup file and check it against ``raw_dir/<id>.txt``."""
    doc_id = markup_path.stem
    text, entities, statements = parse_markup(markup_path.read_text(encoding="utf-8"))
    raw_path = raw_dir / markup_path.name
    if raw_path.exists():
        raw = raw_path.read_text(encoding="utf-8")
        if raw != text:
            at = next((i for i, (a, b) in enumerate(zip(raw, text)) if a != b), min(len(raw), len(text)))
            raise MarkupError(
                f"text differs from the raw document at char {at}: raw {raw[at - 20 : at + 20]!r} "
                f"vs marked-up {text[at - 20 : at + 20]!r}"
            )
    for span in entities:
        surface = text[span["start"] : span["end"]]
        if surface != surface.strip() or not surface:
            raise MarkupError(f"entity {surface!r} has outer whitespace or is empty")
    return {"id": doc_id, "text": text, "entities": entities, "statements": statements}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("markup", nargs="+", type=Path)
    parser.add_argument("--raw", type=Path, required=True, help="folder of raw <id>.txt files")
    parser.add_argument("--show", action="store_true", help="print what was extracted")
    parser.add_argument("-o", "--output", type=Path, help="write the records as JSONL")
    args = parser.parse_args()
    records, failed = [], 0
    for path in args.markup:
        try:
            record = convert_file(path, args.raw)
        except MarkupError as error:
            failed += 1
            print(f"{path}: ERROR {error}", file=sys.stderr)
            continue
        records.append(record)
        text = record["text"]
        print(f"{path}: {len(record['entities'])} entities, {len(record['statements'])} statements")
        if args.show:
            for span in record["entities"]:
                print(f"  {span['label']:12} {text[span['start'] : span['end']]}")
            for st in record["statements"]:
                shown = {k: (text[v[0] : v[1]] if v else None) for k, v in st.items()}
                print(f"  STATEMENT {json.dumps(shown, ensure_ascii=False)}")
    if args.output:
        with args.output.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
