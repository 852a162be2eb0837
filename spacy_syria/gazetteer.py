"""Reading the gazetteers (``data/*.jsonl``) and looking entries up by id.

Each line of a gazetteer file is one entry (see ``data/SCHEMA.md``). An id may appear in two files
when the later one only adds names (the bulk ``places.jsonl`` adds pycountry's official country
names to the hand-curated ``country:SY``): the entries are merged, the earlier file's fields win
and the later names become aliases. ``kb`` is the package-wide
lookup from a knowledge-base id (``SY07``, ``ag:sdf``, ``per:farhad-shami``) to its entry; it
reads the files on first use only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from .normalize import normalize

DATA_DIR = Path(__file__).parent / "data"
LABELS = ("PLACE", "ARMED_GROUP", "PERSON", "ORG")
# Earlier files win when two entries share an alias: hand-curated before bulk public lists.
GAZETTEER_FILES = (
    "armed_groups.jsonl",
    "orgs.jsonl",
    "people.jsonl",
    "places_curated.jsonl",
    "places.jsonl",
)


class GazetteerError(ValueError):
    """A gazetteer line that is not a valid entry; the message names file and line."""


def read_entries(path: Path) -> Iterator[dict]:
    """Yield the entries of one JSONL gazetteer, checking the fields every entry needs."""
    with path.open(encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{line_number}"
            try:
                entry = json.loads(line)
            except json.JSONDecodeError as error:
                raise GazetteerError(f"{where}: invalid JSON ({error})") from error
            if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name_ar"):
                raise GazetteerError(f"{where}: an entry needs an 'id' and a 'name_ar'")
            if entry.get("label") not in LABELS:
                raise GazetteerError(f"{where}: label {entry.get('label')!r} is not one of {LABELS}")
            yield entry


def gazetteer_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """The gazetteer files present in ``data_dir``, in priority order."""
    return [data_dir / name for name in GAZETTEER_FILES if (data_dir / name).exists()]


def arabic_names(entry: dict) -> list[str]:
    """The canonical Arabic name and the aliases, de-duplicated by normal form, order kept."""
    seen: set[str] = set()
    names = []
    for name in [entry["name_ar"], *entry.get("aliases_ar", [])]:
        key = normalize(name.strip())
        if key and key not in seen:
            seen.add(key)
            names.append(name.strip())
    return names


def match_condition(entry: dict, name: str) -> str:
    """What a mention of ``name`` needs to count: ``""`` (nothing), ``"trigger"`` (a place trigger
    such as ``قرية`` or ``في`` before it: the name is also a common word) or ``"not-adjective"``
    (not right after an indefinite noun: ``مقاتلة سورية`` is an adjective, not the country)."""
    attributes = entry.get("attributes", {})
    key = normalize(name)
    if attributes.get("ambiguous") or key in {normalize(a) for a in attributes.get("ambiguous_aliases", [])}:
        return "trigger"
    if key in {normalize(a) for a in attributes.get("adjective_homographs", [])}:
        return "not-adjective"
    return ""


def merge_entries(paths: Iterable[Path]) -> dict[str, dict]:
    """All entries of ``paths`` by id, in priority order, same-id entries merged (see above)."""
    entries: dict[str, dict] = {}
    for path in paths:
        seen_here: set[str] = set()
        for entry in read_entries(path):
            entry_id = entry["id"]
            if entry_id in seen_here:
                raise GazetteerError(f"{path}: duplicate id {entry_id!r}")
            seen_here.add(entry_id)
            if entry_id not in entries:
                entries[entry_id] = entry
                continue
            first = entries[entry_id]
            if first["label"] != entry["label"]:
                raise GazetteerError(
                    f"{path}: id {entry_id!r} has label {entry['label']} here, {first['label']} before"
                )
            first = entries[entry_id] = {**first, "aliases_ar": list(first.get("aliases_ar", []))}
            first["aliases_ar"] += [entry["name_ar"], *entry.get("aliases_ar", [])]
    return entries


def read_word_list(path: Path) -> list[str]:
    """A one-word-per-line data file, normalised; ``#`` starts a comment."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(normalize(line))
    return words


class KnowledgeBase:
    """Id → entry lookup over the gazetteer files, loaded lazily."""

    def __init__(self, paths: Iterable[Path] | None = None):
        self._paths = list(paths) if paths is not None else None
        self._entries: dict[str, dict] | None = None
        self._by_alias: dict[str, list[str]] | None = None

    def _load(self) -> dict[str, dict]:
        if self._entries is None:
            entries = merge_entries(self._paths if self._paths is not None else gazetteer_paths())
            by_alias: dict[str, list[str]] = {}
            for entry in entries.values():
                for name in arabic_names(entry):
                    by_alias.setdefault(normalize(name), []).append(entry["id"])
            self._entries, self._by_alias = entries, by_alias
        return self._entries

    def __getitem__(self, entry_id: str) -> dict:
        return self._load()[entry_id]

    def get(self, entry_id: str, default: dict | None = None) -> dict | None:
        return self._load().get(entry_id, default)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._load()

    def __len__(self) -> int:
        return len(self._load())

    def __iter__(self) -> Iterator[dict]:
        return iter(self._load().values())

    def candidates(self, text: str) -> list[dict]:
        """Every entry one of whose names normalises like ``text``, in priority order."""
        self._load()
        assert self._by_alias is not None
        return [self._entries[i] for i in self._by_alias.get(normalize(text.strip()), [])]


kb = KnowledgeBase()
