"""Orthographic normalisation for matching Arabic news text.

News spells one name many ways (أمريكا/امريكا, سورية/سوريه, ـ stretched letters, vowel marks);
matching on a normalised form lets one gazetteer alias cover them all. The normal form is used for
``token.norm_`` only: the text and all offsets stay as written.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

# Harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.
DIACRITICS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ی": "ي",  # Persian yeh
        "ک": "ك",  # Persian kaf
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "‹": "'",
        "›": "'",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
    }
)


def normalize(text: str) -> str:
    """Return the matching form of ``text``; idempotent: ``normalize(normalize(t)) == normalize(t)``."""
    text = DIACRITICS_RE.sub("", text).replace(TATWEEL, "")
    return text.translate(CHAR_MAP)


class Normalizer:
    """Set ``token.norm_`` to the normal form, overriding any NORM the tokenizer gave.

    spaCy's Arabic tokenizer exceptions set odd NORMs (``أنا`` → ``أنبأنا``); this component must
    therefore run before anything that reads NORM, and be listed in
    ``[training] annotating_components`` so training sees the same NORMs as inference.
    A token whose article was elided after the preposition ل (``للإدارة`` → ``ل`` + ``لإدارة``)
    gets the full article form (``الاداره``) so gazetteers match it.
    """

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            norm = normalize(token.text)
            if token._.elided_article:
                norm = "ا" + norm
            token.norm_ = norm
        return doc


@Language.factory("syria_normalizer", requires=["token.text"], assigns=["token.norm"])
def make_normalizer(nlp: Language, name: str) -> Normalizer:
    return Normalizer()
