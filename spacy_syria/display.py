"""Right-to-left displaCy HTML: the entities, then the statements' cue, source, content, target."""

from __future__ import annotations

from collections.abc import Iterable

from spacy import displacy
from spacy.tokens import Doc, Span

from .statements import SPAN_KEY

ENTITY_COLOURS = {"PLACE": "#a6e3a1", "ARMED_GROUP": "#f38ba8", "PERSON": "#89b4fa", "ORG": "#f9e2af"}
PART_COLOURS = {"cue": "#fab387", "source": "#89b4fa", "content": "#cdd6f4", "target": "#f38ba8"}
PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head><meta charset="utf-8"><title>spacy_syria</title></head>
<body style="direction: rtl; font-family: sans-serif; padding: 2rem">
{content}
</body>
</html>
"""


def render_html(docs: Iterable[tuple[str, Doc]]) -> str:
    """One section per document: its entities, and its statements as labelled spans.
    Arabic docs carry the rtl writing system, so displaCy lays both out right to left."""
    sections = []
    for doc_id, doc in docs:
        entities = displacy.render(doc, style="ent", jupyter=False, options={"colors": ENTITY_COLOURS})
        parts = [span for span in doc.spans.get(SPAN_KEY, []) if span.label_ in PART_COLOURS]
        if not parts:
            sections.append(f"<section>\n<h2>{doc_id}</h2>\n{entities}\n</section>")
            continue
        view = doc.copy()
        view.spans["parts"] = [
            Span(view, span.start, span.end, label=f"{span.label_} {int(span.id_) + 1}") for span in parts
        ]
        colours = {f"{part} {n + 1}": colour for part, colour in PART_COLOURS.items() for n in range(len(parts))}
        statements = displacy.render(
            view, style="span", jupyter=False, options={"spans_key": "parts", "colors": colours}
        )
        sections.append(f"<section>\n<h2>{doc_id}</h2>\n{entities}\n<h3>التصريحات</h3>\n{statements}\n</section>")
    return PAGE.format(content="\n".join(sections))
