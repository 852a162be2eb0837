"""Knowledge-base ids for entities the statistical NER found.

The gazetteer ruler's matches carry their id already; a model entity gets one when its normalised
text is a name of a gazetteer entry with the same label (``قوات سورية الديمقراطية`` → ``ag:sdf``).
Among several entries, the gazetteer's priority order decides (curated before bulk lists).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import KnowledgeBase, kb


class EntityLinker:
    """Set ``kb_id_``/``id_`` on entities that have none, by exact normalised name."""

    def __init__(self, name: str, knowledge_base: KnowledgeBase = kb):
        self.name = name
        self.kb = knowledge_base

    def __call__(self, doc: Doc) -> Doc:
        linked = []
        for ent in doc.ents:
            if not ent.kb_id_:
                entry = next((e for e in self.kb.candidates(ent.text) if e["label"] == ent.label_), None)
                if entry is not None:
                    ent = Span(doc, ent.start, ent.end, label=ent.label_, kb_id=entry["id"], span_id=entry["id"])
            linked.append(ent)
        doc.ents = linked
        return doc


@Language.factory("syria_linker", requires=["doc.ents"], assigns=["token.ent_kb_id"])
def make_entity_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(name)
