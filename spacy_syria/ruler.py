"""The gazetteer entity ruler: PLACE, ARMED_GROUP, PERSON and ORG names matched on NORM.

Patterns are the normalised token sequences of every gazetteer name. They are compiled once, in
``initialize()`` (``training/build_pipeline.py``), and saved with the pipeline, so loading a
pipeline never re-tokenises the 20,000+ names. Each entity carries its gazetteer id in
``ent.kb_id_`` and ``ent.id_``.

A person named in full (``فرهاد شامي``) is often named again by surname alone (``شامي``): with
``propagate_surnames`` the last name of every multi-word PERSON match is matched again in the
rest of the same document, with the same id.

Village names that are also common words (a village called الحرية or السلام) are *ambiguous*:
they count only after a place trigger (``قرية``، ``بلدة``، ``في``…). Which names are ambiguous is
data: an entry's ``attributes.ambiguous`` flag and ``data/ambiguous_aliases.txt`` (measured on
news text by ``training/build_gazetteers.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import ensure_path, filter_spans

from .gazetteer import DATA_DIR, arabic_names, gazetteer_paths, match_condition, merge_entries, read_word_list
from .normalize import Normalizer

Pattern = tuple[tuple[str, ...], str, str, str]  # norms, entry id, label, match condition
MIN_SURNAME = 3


class GazetteerRuler:
    """Longest-match dictionary lookup of gazetteer names over ``token.norm_``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        overwrite_ents: bool,
        require_trigger: bool,
        propagate_surnames: bool,
        data_dir: str | None,
    ):
        self.nlp = nlp
        self.name = name
        self.overwrite_ents = overwrite_ents
        self.require_trigger = require_trigger
        self.propagate_surnames = propagate_surnames
        self.data_dir = Path(data_dir) if data_dir else DATA_DIR
        self.patterns: list[Pattern] = []
        self.triggers: set[str] = set()
        self._index: dict[str, list[Pattern]] = {}

    # Building --------------------------------------------------------------------------------
    def initialize(
        self, get_examples: Callable[[], Iterable[Example]] | None = None, *, nlp: Language | None = None
    ) -> None:
        """Compile the patterns from the gazetteer files in ``data_dir``."""
        ambiguous_aliases = set(read_word_list(self.data_dir / "ambiguous_aliases.txt"))
        self.triggers = set(read_word_list(self.data_dir / "place_triggers.txt"))
        normalizer = Normalizer()
        seen: set[tuple[str, ...]] = set()
        patterns: list[Pattern] = []
        for entry in merge_entries(gazetteer_paths(self.data_dir)).values():
            for name in arabic_names(entry):
                norms = tuple(token.norm_ for token in normalizer(self.nlp.make_doc(name)))
                if not norms or norms in seen:
                    continue
                seen.add(norms)
                condition = match_condition(entry, name)
                if not condition and " ".join(norms) in ambiguous_aliases:
                    condition = "trigger"
                patterns.append((norms, entry["id"], entry["label"], condition))
        self._set_patterns(patterns)

    def _set_patterns(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self._index = {}
        for pattern in patterns:
            self._index.setdefault(pattern[0][0], []).append(pattern)
        for candidates in self._index.values():
            candidates.sort(key=lambda pattern: -len(pattern[0]))

    # Matching --------------------------------------------------------------------------------
    def match(self, doc: Doc) -> list[Span]:
        """All gazetteer spans, longest first at each position, overlaps resolved."""
        norms = [token.norm_ for token in doc]
        spans = []
        for start, norm in enumerate(norms):
            for pattern, entry_id, label, condition in self._index.get(norm, ()):
                end = start + len(pattern)
                if tuple(norms[start:end]) != pattern or not self._condition_met(condition, doc, start):
                    continue
                spans.append(Span(doc, start, end, label=label, kb_id=entry_id, span_id=entry_id))
                break
        spans = filter_spans(spans)
        if self.propagate_surnames:
            spans = filter_spans(spans + self._surname_mentions(doc, norms, spans))
        return spans

    def _surname_mentions(self, doc: Doc, norms: list[str], spans: list[Span]) -> list[Span]:
        """Later single-token mentions of the last name of a full PERSON name in ``spans``."""
        surnames: dict[str, tuple[int, str]] = {}
        for span in spans:
            if span.label_ == "PERSON" and len(span) > 1 and len(norms[span.end - 1]) >= MIN_SURNAME:
                surnames.setdefault(norms[span.end - 1], (span.end, span.kb_id_))
        found = []
        for index, norm in enumerate(norms):
            if norm in surnames and index >= surnames[norm][0]:
                entry_id = surnames[norm][1]
                found.append(Span(doc, index, index + 1, label="PERSON", kb_id=entry_id, span_id=entry_id))
        return found

    def _condition_met(self, condition: str, doc: Doc, start: int) -> bool:
        if not condition:
            return True
        index = start - 1
        while index >= 0 and doc[index].is_quote:
            index -= 1
        previous = doc[index] if index >= 0 else None
        if condition == "trigger":
            return not self.require_trigger or (previous is not None and previous.norm_ in self.triggers)
        # "not-adjective": an indefinite feminine noun before it makes it an adjective.
        return not (
            previous is not None
            and previous.is_alpha
            and previous.norm_.endswith("ه")
            and not previous.norm_.startswith("ال")
            and previous.whitespace_
        )

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        if self.overwrite_ents:
            kept = [ent for ent in doc.ents if not any(_overlap(ent, span) for span in matches)]
            doc.ents = filter_spans([*kept, *matches])
        else:
            new = [span for span in matches if not any(_overlap(ent, span) for ent in doc.ents)]
            doc.ents = [*doc.ents, *new]
        return doc

    # Serialisation ---------------------------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"patterns": [list(p) for p in self.patterns], "triggers": sorted(self.triggers)})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> GazetteerRuler:
        content = srsly.msgpack_loads(data)
        self.triggers = set(content["triggers"])
        self._set_patterns([(tuple(p[0]), p[1], p[2], p[3]) for p in content["patterns"]])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "patterns.msgpack").write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerRuler:
        return self.from_bytes((ensure_path(path) / "patterns.msgpack").read_bytes(), exclude=exclude)


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


@Language.factory(
    "syria_gazetteer_ruler",
    default_config={
        "overwrite_ents": False,
        "require_trigger": True,
        "propagate_surnames": True,
        "data_dir": None,
    },
    requires=["token.norm"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None},
)
def make_gazetteer_ruler(
    nlp: Language,
    name: str,
    overwrite_ents: bool,
    require_trigger: bool,
    propagate_surnames: bool,
    data_dir: str | None,
) -> GazetteerRuler:
    return GazetteerRuler(nlp, name, overwrite_ents, require_trigger, propagate_surnames, data_dir)
