"""An Arabic tokenizer that splits proclitics and quotation marks.

spaCy's Arabic tokenizer leaves ``بدير``, ``والرقة``, ``وأوضح`` and ``بـ”التنسيق`` whole, so a
mention such as ``دير الزور`` cannot be a whole number of tokens. This tokenizer runs spaCy's
rules first, then re-splits each token:

1. quotation marks are always split off, wherever they stand;
2. punctuation glued to an Arabic word (``-وفقا``, ``حلب)``, ``لداعش؟``, ``السورية.بحسب``) and
   bidi control marks are split off;
3. the tatweel forms ``لـ``/``بـ``/``كـ`` (optionally after و/ف) are split from what follows;
4. proclitics و ف ب ل ك (and their sequences) are split when the remainder is a word — a
   gazetteer name token, a cue form, a word frequent in news (``بقصف`` → ب + ``قصف``) or a
   definite noun (``بالتنسيق`` → ب + ``التنسيق``) — and the whole word is not itself known or
   protected (``بالغ``, ``والد``, ``كامل``); a rare word in و splits off the conjunction.
   ``للإدارة`` becomes ``ل`` + ``لإدارة``, the remainder flagged ``token._.elided_article``.

The known, frequent and protected words come from ``data/lexicon.json`` (built by
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
ARABIC_LETTER = "\u0621-\u064a\u0671-\u06d3"
BIDI_MARKS = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
# Quotation marks, brackets, bidi marks, HTML character references (&#8220;) and a full stop
# before an Arabic word always stand alone.
SPLIT_ALWAYS_RE = re.compile(f"([{re.escape(QUOTES)}{BIDI_MARKS}();؟!?]|&#\\d+|&\\w+|\\.(?=[{ARABIC_LETTER}]))")
LEADING_PUNCT_RE = re.compile(r"^[-–—(\[{/]+")
TRAILING_PUNCT_RE = re.compile(r"[-–—)\]}.,،؛:!?؟…/]+$")
TATWEEL_CLITIC_RE = re.compile(f"^([وف]?[بلك]ـ+)(?=[{ARABIC_LETTER}{re.escape(QUOTES)}])")
PROCLITIC_SEQUENCES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
MIN_REMAINDER = 2
MIN_CONJUNCTION_WORD = 3
MIN_ARTICLE_WORD = 4
# Relative pronouns and إلى/إلا look like ال + letters but are no definite nouns.
NOT_DEFINITE = frozenset({"الي", "الا", "الذي", "التي", "الذين", "اللذان", "اللتان", "اللاتي", "اللواتي"})


class ArabicTokenizer:
    """Callable tokenizer: spaCy's Arabic rules, then clitic and quote splitting."""

    def __init__(
        self,
        vocab: Vocab,
        known: Iterable[str] = (),
        protected: Iterable[str] = (),
        frequent: Iterable[str] = (),
    ):
        self.vocab = vocab
        self.base = base_arabic_tokenizer(vocab)
        self.known = set(known)
        self.protected = set(protected)
        self.frequent = set(frequent)
        self._words = self.known | self.frequent

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
        for chunk in SPLIT_ALWAYS_RE.split(text):
            if not chunk:
                continue
            if SPLIT_ALWAYS_RE.fullmatch(chunk):
                yield chunk, False
            else:
                yield from self._split_edges(chunk)

    def _split_edges(self, text: str) -> Iterator[tuple[str, bool]]:
        """Peel punctuation glued to an Arabic word: ``-وفقا``, ``حلب)``, ``2011.``, ``لداعش؟``."""
        lead = LEADING_PUNCT_RE.match(text)
        trail = TRAILING_PUNCT_RE.search(text)
        start = lead.end() if lead else 0
        end = trail.start() if trail and trail.start() > start else len(text)
        yield from ((char, False) for char in text[:start])
        if start < end:
            yield from self._split_clitics(text[start:end])
        yield from ((char, False) for char in text[end:])

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
        reading = clitic_split(norm, self._words)
        if reading is None and self._rare_conjunction(norm):
            # A rare word in و is nearly always the conjunction + a word (وكفرية, وخوسيه).
            yield word[0], False
            yield from self._split_clitics(word[1:])
            return
        if reading is None:
            yield word, False
            return
        prefix, elided = reading
        yield from ((letter, False) for letter in word[: len(prefix)])
        if elided:
            yield word[len(prefix) :], True
        else:
            yield from self._split_clitics(word[len(prefix) :])  # ولحزب → و + ل + حزب

    def _rare_conjunction(self, norm: str) -> bool:
        """و + 3 or more letters, unseen in the news, and not a doubled و (وولتر is a name)."""
        return (
            norm.startswith("و")
            and len(norm) > MIN_CONJUNCTION_WORD
            and not norm.startswith("وو")
            and norm not in self.frequent
        )

    # Serialisation: spaCy saves the tokenizer with the pipeline (nlp.to_disk / from_disk).
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(
            {"known": sorted(self.known), "protected": sorted(self.protected), "frequent": sorted(self.frequent)}
        )

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        lexicon = srsly.msgpack_loads(data)
        self.known = set(lexicon["known"])
        self.protected = set(lexicon["protected"])
        self.frequent = set(lexicon["frequent"])
        self._words = self.known | self.frequent
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> ArabicTokenizer:
        return self.from_bytes(ensure_path(path).read_bytes(), exclude=exclude)


def clitic_split(norm: str, words: set[str]) -> tuple[str, bool] | None:
    """The proclitic reading the tokenizer takes for a normalised word: ``(prefix, elided)``.

    The shortest proclitic sequence whose remainder can stand alone wins; after ل a remainder
    in ل is read as the article with its alef elided (``للإدارة`` → ل + ``لإدارة`` = الإدارة).
    """
    for prefix in PROCLITIC_SEQUENCES:
        if not norm.startswith(prefix):
            continue
        rest = norm[len(prefix) :]
        if prefix.endswith("ل") and rest.startswith("ل") and can_stand_alone("ا" + rest, words):
            return prefix, True
        if can_stand_alone(rest, words):
            return prefix, False
    return None


def can_stand_alone(norm: str, known: set[str]) -> bool:
    """Whether a remainder after a proclitic is a word: a known or frequent one, or a definite noun."""
    if len(norm) < MIN_REMAINDER:
        return False
    if norm in known:
        return True
    return norm.startswith("ال") and len(norm) >= MIN_ARTICLE_WORD and norm not in NOT_DEFINITE


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
        return ArabicTokenizer(nlp.vocab, lexicon["known"], lexicon["protected"], lexicon["frequent"])

    return create
