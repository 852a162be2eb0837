"""An Arabic tokenizer that splits proclitics and quotation marks.

spaCy's Arabic tokenizer leaves ``بدير``, ``والرقة``, ``وأوضح`` and ``بـ”التنسيق`` whole, so a
mention such as ``دير الزور`` cannot be a whole number of tokens. This tokenizer runs spaCy's
rules first, then re-splits each token:

1. quotation marks are always split off, wherever they stand;
2. a hyphen or dash glued to an Arabic word (``-وفقا``) is split off;
3. the tatweel forms ``لـ``/``بـ``/``كـ`` (optionally after و/ف) are split from what follows;
4. proclitics و ف ب ل ك (and their sequences) are split when the remainder is a known word
   (a gazetteer name token or a cue form) or a definite noun (``بالتنسيق`` → ب + ``التنسيق``),
   and the whole word is not itself known or protected (``بالغ``, ``والد``, ``كبير``).
   ``للإدارة`` becomes ``ل`` + ``لإدارة``, the remainder flagged ``token._.elided_article``.

The known and protected words come from ``data/lexicon.json`` (built by
``training/build_gazetteers.py``); they are saved with the pipeline. ``doc.text == text`` always.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import srsly
from spacy.lang.ar import Arabic
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    ensure_path,
    registry,
)
from spacy.vocab import Vocab

from . import extensions  # noqa: F401  (registers token._.elided_article)
from .normalize import normalize

DEFAULT_LEXICON = Path(__file__).parent / "data" / "lexicon.json"
QUOTES = "\"'“”«»„‟‘’‚‛‹›″"
QUOTE_RE = re.compile(f"([{re.escape(QUOTES)}])")
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
EDGE_DASH_RE = re.compile(f"^([-–—]+)(?=[{ARABIC_LETTER}])|(?<=[{ARABIC_LETTER}\u064b-\u0652])([-–—]+)$")
TATWEEL_CLITIC_RE = re.compile(f"^([وف]?[بلك]ـ+)(?=[{ARABIC_LETTER}{re.escape(QUOTES)}])")
PROCLITIC_SEQUENCES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
MIN_REMAINDER = 3
MIN_ARTICLE_WORD = 4
# إلى/على/إلا normalise to words that look like ال + letters; they never follow a proclitic split.
FUNCTION_WORDS = frozenset({"الي", "الا", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي"})


class ArabicTokenizer:
    """Callable tokenizer: spaCy's Arabic rules, then clitic and quote splitting."""

    def __init__(self, vocab: Vocab, known: Iterable[str] = (), protected: Iterable[str] = ()):
        self.vocab = vocab
        self.base = base_arabic_tokenizer(vocab)
        self.known = set(known)
        self.protected = set(protected)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        elided: list[int] = []
        for token in self.base(text):
            pieces = list(self._split(token.text))
            for index, (piece, is_elided) in enumerate(pieces):
                if is_elided:
                    elided.append(len(words))
                words.append(piece)
                spaces.append(bool(token.whitespace_) and index == len(pieces) - 1)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for index in elided:
            doc[index]._.elided_article = True
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def _split(self, text: str) -> Iterator[tuple[str, bool]]:
        """Yield ``(piece, elided_article)`` for one base token."""
        if "://" in text or "@" in text or "www." in text:
            yield text, False
            return
        for chunk in QUOTE_RE.split(text):
            if not chunk:
                continue
            if chunk in QUOTES:
                yield chunk, False
                continue
            yield from self._split_dashes(chunk)

    def _split_dashes(self, text: str) -> Iterator[tuple[str, bool]]:
        lead = trail = ""
        match = EDGE_DASH_RE.search(text)
        while match:
            if match.group(1):
                lead += match.group(1)
                text = text[match.end(1) :]
            else:
                trail = match.group(2) + trail
                text = text[: match.start(2)]
            match = EDGE_DASH_RE.search(text) if text else None
        if lead:
            yield lead, False
        if text:
            yield from self._split_clitics(text)
        if trail:
            yield trail, False

    def _split_clitics(self, word: str) -> Iterator[tuple[str, bool]]:
        tatweel = TATWEEL_CLITIC_RE.match(word)
        if tatweel and len(word) > tatweel.end():
            yield tatweel.group(1), False
            yield from self._split_clitics(word[tatweel.end() :])
            return
        norm = normalize(word)
        if norm in self.known or norm in self.protected:
            yield word, False
            return
        for prefix in PROCLITIC_SEQUENCES:
            if not norm.startswith(prefix):
                continue
            rest = word[len(prefix) :]
            rest_norm = norm[len(prefix) :]
            if prefix.endswith("ل") and rest_norm.startswith("ل") and self._is_word("ا" + rest_norm):
                yield from ((letter, False) for letter in prefix)
                yield rest, True
                return
            if self._is_word(rest_norm):
                yield from ((letter, False) for letter in prefix)
                yield rest, False
                return
        yield word, False

    def _is_word(self, norm: str) -> bool:
        return can_stand_alone(norm, self.known)

    # Serialisation: spaCy saves the tokenizer with the pipeline (nlp.to_disk / from_disk).
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"known": sorted(self.known), "protected": sorted(self.protected)})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        lexicon = srsly.msgpack_loads(data)
        self.known = set(lexicon["known"])
        self.protected = set(lexicon["protected"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        return self.from_bytes(ensure_path(path).read_bytes(), exclude=exclude)


def can_stand_alone(norm: str, known: set[str]) -> bool:
    """Whether a remainder after a proclitic is a word: a known one, or a definite noun (ال + 2+)."""
    if len(norm) < MIN_REMAINDER or norm in FUNCTION_WORDS:
        return False
    return norm in known or (norm.startswith("ال") and len(norm) >= MIN_ARTICLE_WORD)


def base_arabic_tokenizer(vocab: Vocab) -> Tokenizer:
    """spaCy's own Arabic tokenizer rules (punctuation, URLs, numbers)."""
    defaults = Arabic.Defaults
    return Tokenizer(
        vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(defaults.infixes).finditer,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )


def load_lexicon(path: str | Path = DEFAULT_LEXICON) -> dict[str, list[str]]:
    """Read the tokenizer lexicon (``known`` and ``protected`` normalised words)."""
    path = ensure_path(path)
    if not path.exists():
        raise FileNotFoundError(f"Tokenizer lexicon {path} is missing: run `python training/build_gazetteers.py`.")
    return srsly.read_json(path)


@registry.tokenizers("spacy_syria.ArabicTokenizer.v1")
def create_arabic_tokenizer(lexicon_path: str | None = None) -> Callable[[Language], ArabicTokenizer]:
    """Registered tokenizer factory; ``lexicon_path`` defaults to the packaged lexicon."""

    def create(nlp: Language) -> ArabicTokenizer:
        lexicon = load_lexicon(lexicon_path or DEFAULT_LEXICON)
        return ArabicTokenizer(nlp.vocab, lexicon["known"], lexicon["protected"])

    return create
