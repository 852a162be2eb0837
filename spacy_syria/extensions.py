"""The ``Doc``/``Token`` extensions of spacy_syria, registered once on import."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def register_extensions() -> None:
    """Register every extension; safe to call repeatedly."""
    if not Token.has_extension("elided_article"):
        # Set by the tokenizer on ``لإدارة`` in ``للإدارة``: the second ل is the article.
        Token.set_extension("elided_article", default=False)
    if not Doc.has_extension("statements"):
        Doc.set_extension("statements", default=None)


register_extensions()
