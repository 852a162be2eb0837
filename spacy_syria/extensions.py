"""The ``Doc``/``Token`` extensions of spacy_syria, registered once on import."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .statements import get_statements, set_statements


def register_extensions() -> None:
    """Register every extension; safe to call repeatedly."""
    if not Token.has_extension("elided_article"):
        # Set by the tokenizer on ``لإدارة`` in ``للإدارة``: the second ل is the article.
        Token.set_extension("elided_article", default=False)
    if not Doc.has_extension("statements"):
        # Stored in doc.spans["statements"], so they survive DocBin and to_disk.
        Doc.set_extension("statements", getter=get_statements, setter=set_statements)


register_extensions()
