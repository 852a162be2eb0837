"""Attributed statements: who said what, through which cue, about whom (GUIDELINES §2).

A ``Statement`` holds ``cue``, ``source``, ``content`` and ``target`` spans (source and target may be
``None``), the entity the source resolves to (``source_entity``, with its knowledge-base id) and a
``kind`` (direct, indirect, mixed, accusation). Statements live in the span group
``doc.spans["statements"]`` (one span per part, ``span.id_`` = statement number, label = part), so
they survive ``DocBin`` and ``to_disk``; ``doc._.statements`` reads and writes them as objects.

The ``syria_statements`` component finds them by rule: cues from ``data/cues.jsonl`` matched on
NORM (verbs with their participles and pronoun-suffixed forms, verbal nouns, attribution
prepositions), then the introducer (أن/إن/بأن with attached pronouns, a colon or quotation mark,
إلى after أشار/لفت, the ب of an accusation), the source between cue and introducer (VSO), before
the cue (SVO) or carried over from the previous statement (a dropped subject, a participle: the
closest mention of that speaker), and the content up to the end of the reported clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example

from .cues import Cue, load_cues
from .gazetteer import DATA_DIR, read_word_list
from .normalize import normalize
from .scoring import score_statement_examples

SPAN_KEY = "statements"
PARTS = ("cue", "source", "content", "target", "source_entity")
SPEAKER_LABELS = ("PERSON", "ARMED_GROUP", "ORG")

# Normalised forms (see normalize.py): أن/إن/أنّ with attached pronouns, and فإن/بأن split.
COMPLEMENTISER_RE = re.compile(r"^[بف]?ان(ه|ها|هم|هما|هن|ني|نا|ك|كم)?$")
SENTENCE_END = {".", "؟", "!", "?"}
COMMAS = {"،", ","}
DASHES = {"-", "–", "—"}
NEGATIONS = {"لم", "لا", "لن", "عدم"}
# Words that end a source phrase: adverbs of time and place, addressee and medium prepositions.
SOURCE_STOPS = {
    "في", "فيه", "فيها", "خلال", "عبر", "امس", "اليوم", "الليله", "مساء", "صباح", "لدي", "الي", "امام",
    "امامهم", "امامه", "بعد", "عقب", "ان", "منذ", "يوم", "الاحد", "الاثنين", "الثلاثاء",
    "الاربعاء", "الخميس", "الجمعه", "السبت", "ايضا", "كذلك", "مجددا", "سابقا", "مؤخرا", "حاليا", "ذلك",
    "على", "علي", "بدوره", "بدورها", "قائلا", "قائله", "قبل", "اخيرا", "بالفعل", "رسميا", "مرارا", "صراحه",
    "حينها", "انذاك", "لاحقا", "غدا",
}  # fmt: skip
# …and these cannot open one either, though «مصدر عسكري من قسد» may contain them.
# Prepositions glued to a pronoun (لها، عليه، خلالها): never a speaker.
PRONOUN_PREPOSITIONS = {
    preposition + pronoun
    for preposition in ("ل", "ب", "في", "علي", "من", "خلال", "الي")
    for pronoun in ("ه", "ها", "هم", "هما")
}
NOT_SOURCE_START = SOURCE_STOPS | {"من", "عن", "ب", "بـ", "حينذاك"} | PRONOUN_PREPOSITIONS
ADDRESSEE_PREPOSITIONS = {"ل", "لـ"}
# A cue after one of these sits in a relative clause inside a noun phrase (المسؤولون الذين طلبوا …).
RELATIVE_PRONOUNS = {"الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي", "اللائي"}
# «بعد أن انسحبت»: أن after these is temporal, not a complementiser of reported speech.
TEMPORAL_PREPOSITIONS = {"بعد", "قبل", "منذ", "الي", "حتي", "دون", "بدل", "رغم"}
# «يمكن القول إن»، «ما يمكنني قوله»: a cue after a modal is no one's statement.
MODALS = {"يمكن", "يمكنك", "يمكنني", "يمكننا", "يمكنه", "الممكن", "بالامكان", "نستطيع", "يستطيع"}
# A verb form right after one of these is read as its verbal noun (عن طلب تركيا، بعد كشف هويته).
NOUN_GOVERNORS = {"ب", "عن", "علي", "بعد", "من", "في", "الي", "حول", "رغم", "قبل", "دون"}
# «نُقل عنه قوله»: the relayed speaker is a pronoun, i.e. the previous speaker.
PRONOUN_RELAYS = {"عنه", "عنها", "عنهم", "عنهما"}
DEMONSTRATIVES = {"ذلك", "هذا", "هذه", "تلك", "هؤلاء", "ما", "هو", "هي", "هم"}
# «حسب ما أفاد»، «وفق ما أعلن المرصد»: the verb after these attributes the clause.
ATTRIBUTION_LINKS = {"ما", "حسبما", "وفقما"}
# Words between a clause and the verb of its trailing attribution («…، كما ذكر»، «… على ما قال»).
TRAILING_LINKS = ATTRIBUTION_LINKS | {"كما", "علي", "لما", "ل"}
CLAUSE_LINKS = {"و", "ف", "كما", "فيما", "بينما", "لكن", "لكنه", "لكنها"}
NARRATIVE_CLAUSES = {"بعدما"}
# Inside a content, these open another speaker's clause when a verb cue follows (لكن موسكو تؤكد).
CONTRAST_LINKS = {"لكن", "لكنه", "لكنها", "لكنهم", "لكنهما", "بينما", "فيما", "حيث", "حين", "الا", "غير", "كما"}
# «بحسب قولها»، «وفق تصريحه»: the attribution points back at the clause's own speaker.
SELF_REFERENCES = ("قول", "تصريح", "حديث", "كلام", "تعبير")
# Prepositions that introduce the content when a cue lists them (أفاد ب…، أعلن عن…، أكد على…، شكك في…).
PREPOSITION_COMPLEMENTS = {"ب", "عن", "علي", "في"}
# A subject noun phrase before its verb starts after one of these (وكان المرصد قد ذكر).
SUBJECT_OPENERS = {"كان", "كانت", "ان", "انه", "الا", "لكن", "بينما", "فيما", "حيث", "اذ", "كما"}
# Present-tense cues (يقول، تتهم) often follow a bare noun-phrase subject in headlines.
PRESENT_PREFIXES = ("ي", "ت")
MAX_HEADLINE_SUBJECT = 4
MAX_SOURCE_TOKENS = 10
MAX_INTRODUCER_DISTANCE = 40
AMBIGUOUS_CUE_REACH = 6
MAX_QUOTED_NAME = 3
MAX_NAMED_QUOTE = 6
# Where a dropped subject's speaker comes from: the previous statement ("statement"), or that
# statement only when it is recent and otherwise the closest speaker entity ("recent").
CARRY_MODES = ("statement", "recent")
NOUN_PHRASE_KINDS = ("deny", "announce", "assert", "acknowledge", "warn", "claim", "demand", "accuse")
MAX_CONTENT_TOKENS = 150
# Relational adjectives (عسكري، الأمني، أمريكيون، السورية) that extend a speaker noun.
NISBA_RE = re.compile(r"^(ال)?\w{2,}(ي|يه|يون|يين|يان|يتان)$")


@dataclass
class Statement:
    """One attributed statement; spans refer to the same ``Doc``."""

    cue: Span
    content: Span
    source: Span | None = None
    target: Span | None = None
    source_entity: Span | None = None
    kind: str = "indirect"

    def to_record(self) -> dict:
        """The GUIDELINES §3 form, plus the resolved source entity and the kind."""

        def offsets(span: Span | None) -> list[int] | None:
            return [span.start_char, span.end_char] if span is not None else None

        entity = self.source_entity
        return {
            "cue": offsets(self.cue),
            "source": offsets(self.source),
            "content": offsets(self.content),
            "target": offsets(self.target),
            "source_entity": None
            if entity is None
            else {"start": entity.start_char, "end": entity.end_char, "text": entity.text,
                  "label": entity.label_, "id": entity.kb_id_ or None},
            "kind": self.kind,
        }  # fmt: skip


def get_statements(doc: Doc) -> list[Statement]:
    """Read the statements from ``doc.spans["statements"]``."""
    if SPAN_KEY not in doc.spans:
        return []
    parts: dict[int, dict[str, Span]] = {}
    for span in doc.spans[SPAN_KEY]:
        parts.setdefault(int(span.id_), {})[span.label_] = span
    entities = {(ent.start, ent.end): ent for ent in doc.ents}
    statements = []
    for number in sorted(parts):
        found = parts[number]
        if "source_entity" in found:  # the stored span keeps offsets; label and id live on the entity
            span = found["source_entity"]
            found["source_entity"] = entities.get((span.start, span.end), span)
        statements.append(
            Statement(
                cue=found["cue"],
                content=found["content"],
                source=found.get("source"),
                target=found.get("target"),
                source_entity=found.get("source_entity"),
                kind=found["cue"].kb_id_ or "indirect",
            )
        )
    return statements


def set_statements(doc: Doc, statements: Iterable[Statement]) -> None:
    """Write statements into ``doc.spans["statements"]`` (replacing what was there)."""
    spans = []
    for number, statement in enumerate(statements):
        for part in PARTS:
            span = getattr(statement, part)
            if span is not None:
                kind = statement.kind if part == "cue" else ""
                spans.append(Span(doc, span.start, span.end, label=part, kb_id=kind, span_id=str(number)))
    doc.spans[SPAN_KEY] = spans


class StatementFinder:
    """The rule-based statement component (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, cues_path: str | None, noun_phrase_content: bool, carry: str):
        if carry not in CARRY_MODES:
            raise ValueError(f"carry must be one of {CARRY_MODES}, not {carry!r}")
        self.carry = carry
        self.name = name
        self.cues_path = Path(cues_path) if cues_path else DATA_DIR / "cues.jsonl"
        self.noun_phrase_content = noun_phrase_content
        self._set_cues(load_cues(self.cues_path))
        self.speaker_nouns = set(read_word_list(DATA_DIR / "speaker_nouns.txt"))

    def _set_cues(self, cues: dict[tuple[str, ...], Cue]) -> None:
        self.cues = cues
        self.max_cue_length = max(len(key) for key in cues)
        self.cue_starts = {key[0] for key in cues}  # most tokens open no cue: a cheap first test

    def __call__(self, doc: Doc) -> Doc:
        set_statements(doc, self.find(doc))
        return doc

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        return score_statement_examples(examples)

    # Finding -----------------------------------------------------------------------------------
    def find(self, doc: Doc) -> list[Statement]:
        statements: list[Statement] = []
        index = 0
        while index < len(doc):
            match = self._cue_at(doc, index)
            if match is None:
                index += 1
                continue
            end, cue = match
            statement = self._statement(doc, index, end, cue, statements)
            # A second cue of the same content (نقل X عن Y قوله إن …، قال X قائلاً إن …) is not a new statement.
            if statement is not None and not any(s.content.start == statement.content.start for s in statements):
                statements.append(statement)
            index = end
        return statements

    def _cue_at(self, doc: Doc, index: int) -> tuple[int, Cue] | None:
        if doc[index].norm_ not in self.cue_starts:
            return None
        for length in range(min(self.max_cue_length, len(doc) - index), 0, -1):
            key = tuple(token.norm_ for token in doc[index : index + length])
            if key in self.cues:
                return index + length, self.cues[key]
        return None

    def _statement(self, doc: Doc, start: int, end: int, cue: Cue, previous: list[Statement]) -> Statement | None:
        if start > 0 and doc[start - 1].norm_ in NEGATIONS and cue.type != "preposition":
            return None
        if cue.verb_follows:
            return None  # حسبما/وفق ما: the verb after it is the cue, handled when reached.
        if self._first_person_in_quote(doc, start, cue):
            return None  # «نؤكد أن …» inside the speaker's own quotation is not a new statement
        if cue.type == "preposition" or (start > 0 and doc[start - 1].norm_ in ATTRIBUTION_LINKS):
            return self._attribution(doc, start, end, previous)  # بحسب X، … / … حسب ما أفاد X
        if cue.type == "noun":
            return self._verbal_noun_statement(doc, start, end, cue, previous)
        if start > 0 and doc[start - 1].norm_ in NOUN_GOVERNORS | MODALS:
            return None  # «بعد كشف هويته»، «بناء على طلب رسمي»: a verbal noun, not the verb
        if start > 0 and doc[start - 1].norm_ == "كما" and self._trails_clause(doc, start, end, cue):
            return self._attribution(doc, start, end, previous)  # «…، كما ذكر التلفزيون الرسمي.»
        return self._verb_statement(doc, start, end, cue, previous)

    def _trails_clause(self, doc: Doc, start: int, end: int, cue: Cue) -> bool:
        """``كما`` + cue + speaker closing a clause attributes the clause before it, as
        ``حسب ما`` does; ``كما أكد X أن …`` is an ordinary statement."""
        sentence_start = sentence_start_of(doc, start)
        if self._is_clause_initial(doc, start - 1, sentence_start):
            return False
        sentence_end = sentence_end_of(doc, end)
        if self._find_introducer(doc, end, sentence_end, cue) is not None:
            return False
        index = end
        while index < sentence_end and index - end <= MAX_SOURCE_TOKENS and doc[index].norm_ not in COMMAS | DASHES:
            index += 1
        closes = index == sentence_end or doc[index].norm_ in COMMAS | DASHES
        return closes and index > end and self._is_speaker_phrase(doc[end:index])

    def _first_person_in_quote(self, doc: Doc, start: int, cue: Cue) -> bool:
        norm = doc[start].norm_
        first_person = norm.endswith("نا") or (norm.startswith("ن") and not normalize(cue.lemma).startswith("ن"))
        if not first_person:
            return False
        sentence_start = sentence_start_of(doc, start)
        return sum(token.is_quote for token in doc[sentence_start:start]) % 2 == 1

    # Verb cues ---------------------------------------------------------------------------------
    def _verb_statement(self, doc: Doc, start: int, end: int, cue: Cue, previous: list[Statement]) -> Statement | None:
        if cue.anonymity and end < len(doc) and doc[end].norm_ == "عدم":
            return self._anonymity_request(doc, doc[start:end], cue, previous)
        sentence_end = sentence_end_of(doc, end)
        introducer = self._find_introducer(doc, end, sentence_end, cue)
        cue_span = doc[start:end]
        if introducer is not None and start > 0 and doc[start - 1].norm_ in RELATIVE_PRONOUNS:
            # «المعلومات التي أفادت عن …»، «الذين يقولون ذلك يريدون أن …»: in a relative clause only
            # a reported clause right after the verb (or its addressee, «الذي قال لها إن») counts.
            reported = _is_complementiser(doc[introducer[1] - 1].norm_) or introducer[2]
            if not reported or any(token.norm_ not in PRONOUN_PREPOSITIONS for token in doc[end : introducer[0]]):
                return None
        if cue.editorial and introducer is not None and introducer[0] == end:
            return None  # «يذكر أن …»: the writer's aside, no reported speech
        subject = None if cue.participle or cue.passive else self._subject_before(doc, start)
        if introducer is None:
            return self._noun_phrase_statement(doc, cue_span, cue, subject, sentence_end, previous)
        intro_start, content_start, direct = introducer
        region = self._region(doc, end, intro_start)
        source = target = source_entity = None
        relay = self._relayed_source(doc, doc[end:intro_start], cue)
        if relay is not None and relay[0].norm_ in PRONOUN_RELAYS:
            source, source_entity = self._carried_source(doc, start, previous)  # «نُقل عنه قوله»
        elif relay is not None:
            source = relay
        elif cue.takes_target:
            if subject is not None or cue.participle:
                source, target = subject, region
            elif region is not None:
                source, target = self._split_source_target(doc, region)
        elif subject is not None:
            source = subject
        elif region is not None and not (cue.passive or cue.participle):
            source = self._source_phrase(doc, region.start, region.end)
        if source is None and not cue.passive:
            source = self._reported_by(doc, start)
        if source is None and cue.participle:
            source = self._sentence_speaker(doc, start, previous)
        if source is None and not cue.passive:
            source, source_entity = self._carried_source(doc, start, previous)
        content = self._content(doc, content_start, sentence_end, direct)
        if content is None:
            return None
        return self._build(doc, cue_span, source, content, target, cue, source_entity, previous)

    def _verbal_noun_statement(
        self, doc: Doc, start: int, end: int, cue: Cue, previous: list[Statement]
    ) -> Statement | None:
        """``تأكيد المعلم أن …``، ``إعلان أنقرة عزمها …``: a verbal noun counts only with a named
        speaker after it (or glued to it, ``تأكيده على أن``) and content."""
        cue_span = doc[start:end]
        source_entity = None
        if cue.pronoun_suffix:
            source, source_entity = self._carried_source(doc, start, previous)
            after = end
        else:
            source = _entity_starting_at(doc, end)
            if source is None or source.label_ not in SPEAKER_LABELS + ("PLACE",):
                return None
            after = source.end
            while after < len(doc) and doc[after].is_quote:
                after += 1
        if source is None:
            return None
        sentence_end = sentence_end_of(doc, after)
        introducer = self._find_introducer(doc, after, min(sentence_end, after + AMBIGUOUS_CUE_REACH), cue)
        if introducer is not None:
            content = self._content(doc, introducer[1], sentence_end, introducer[2])
        elif cue.kind in NOUN_PHRASE_KINDS and not cue.pronoun_suffix:
            content = self._content(doc, after, sentence_end, False)
            content = content if content is not None and len(content) >= 2 else None
        else:
            content = None
        if content is None:
            return None
        return self._build(doc, cue_span, source, content, None, cue, source_entity, previous)

    def _anonymity_request(self, doc: Doc, cue_span: Span, cue: Cue, previous: list[Statement]) -> Statement | None:
        """``طالباً عدم كشف اسمه``، ``الذين طلبوا عدم ذكر أسمائهم``: the speaker's request not to
        be named, up to the clause that follows it."""
        limit = sentence_end_of(doc, cue_span.end)
        stop = cue_span.end
        while stop < limit and not (
            _is_complementiser(doc[stop].norm_)
            or doc[stop].norm_ in COMMAS | DASHES | {":"}
            or doc[stop].is_quote
            or doc[stop].is_bracket
        ):
            stop += 1
        content = self._trim(doc, cue_span.end, stop)
        if content is None:
            return None
        source, source_entity = self._subject_before(doc, cue_span.start), None
        if source is None:
            source, source_entity = self._carried_source(doc, cue_span.start, previous)
        return self._build(doc, cue_span, source, content, None, cue, source_entity, previous)

    def _find_introducer(self, doc: Doc, begin: int, limit: int, cue: Cue) -> tuple[int, int, bool] | None:
        """``(introducer start, content start, direct)`` after a verb cue, or ``None``."""
        # «نقل» is also «to move»; «نقل X عن Y» is reporting for sure.
        relayed = any(_relays(cue, token.norm_) for token in doc[begin : begin + AMBIGUOUS_CUE_REACH])
        ambiguous = cue.ambiguous and not relayed
        # An ordinary word (عبر «via») takes a complementiser only when the cue lists one (بيّن أن).
        complementised = not ambiguous or any(_is_complementiser(part) for c in cue.complements for part in c.split())
        stop = min(limit, begin + (AMBIGUOUS_CUE_REACH if ambiguous else MAX_INTRODUCER_DISTANCE))
        demand = cue.takes_target and cue.kind != "accuse"
        index = begin
        while index < stop:
            token = doc[index]
            norm = token.norm_
            abbreviation = index + 1 < len(doc) and not token.whitespace_ and doc[index + 1].norm_ == "."  # (إن.بي.سي)
            temporal = index > begin and doc[index - 1].norm_ in TEMPORAL_PREPOSITIONS
            if complementised and _is_complementiser(norm) and not abbreviation and not temporal:
                return index - (index > begin and doc[index - 1].norm_ in {"ب", "ف"}), index + 1, False
            inner = self._cue_at(doc, index) if index > begin else None
            if inner is not None and not _relays(cue, norm):
                if not self._passes_over(doc, begin, index, limit, cue, inner):
                    return None  # another cue comes first: this one introduces nothing here
                index = inner[0]  # «قال X، بحسب ما نقلت عنه الوكالة، إن …»: look past it
                continue
            # An ordinary word (بين، عبر، طالب) counts only before أن or its own preposition.
            if norm == ":" and not ambiguous:
                return index, index + 1, True
            if token.is_quote and not ambiguous and _quote_state(token, False):  # an opening mark
                close = self._quoted_name_close(doc, index, limit)
                if close is not None:
                    index = close + 1  # «جيش الإسلام» is the speaker's name, not a quotation
                    continue
                return index, index, True
            if index > begin and cue.takes_target and "ب" in cue.complements and norm in {"ب", "بـ"}:
                return index, index + 1, False
            if index > begin and norm in cue.complements and _is_content_word(norm):
                return index, index, False  # «حمّل X مسؤولية الهجوم»: the content opens with the noun
            if index > begin and demand and norm in {"ل", "لـ"}:
                return index, index + 1, False
            # «وصفته بالإرهابي»: with the object glued to the cue, its preposition may follow at once.
            adjacent = index > begin or cue.pronoun_suffix
            if adjacent and norm in PREPOSITION_COMPLEMENTS and norm in cue.complements and not _relays(cue, norm):
                following = index + 1
                if following < limit and _is_complementiser(doc[following].norm_):
                    following += 1  # «وصفها ب أنها عنيفة»: the content follows the complementiser
                return index, following, False
            if norm == "الي" and ("الي" in cue.complements or cue.takes_target):
                following = index + 1
                if following < len(doc) and _is_complementiser(doc[following].norm_):
                    following += 1
                elif ambiguous:
                    return None  # «بيانات تشير إلى عمليات…»: pointing at things, not reporting
                return index, following, False
            index += 1
        return None

    def _passes_over(self, doc: Doc, begin: int, index: int, limit: int, cue: Cue, inner: tuple[int, Cue]) -> bool:
        """Whether a cue between a cue and its introducer leaves the outer cue's content alone: a
        parenthetical attribution (قال X، بحسب ما نقلت عنه الوكالة، إن), a relative clause
        (المسؤولون الذين طلبوا …), a negated or anonymity request (طالباً عدم كشف اسمه), the same verb
        again (قال … قائلاً إن), a verbal noun, an ordinary word that introduces nothing (عبر الهاتف),
        or words set off by dashes or brackets."""
        inner_end, inner_cue = inner
        if self._is_parenthetical_attribution(doc, index, inner_cue) or inner_cue.type == "noun":
            return True
        if doc[index - 1].norm_ in NEGATIONS or inner_cue.lemma == cue.lemma:
            return True
        if inner_end < len(doc) and doc[inner_end].norm_ == "عدم":
            return True
        # «عبر الهاتف»، «المسؤولون الذين …»: passed over unless it introduces a clause of its own
        # (a relative «الذي أعلن أن …» keeps its content; «التي تحدثت إلى …، أنها» does not).
        if inner_cue.ambiguous or doc[index - 1].norm_ in RELATIVE_PRONOUNS:
            own = self._find_introducer(doc, inner_end, limit, inner_cue)
            return own is None or any(token.norm_ in COMMAS for token in doc[inner_end : own[0]])
        between = doc[begin:index]
        dashes = sum(token.norm_ in DASHES for token in between)
        brackets = sum(token.is_bracket and token.is_left_punct for token in between)
        brackets -= sum(token.is_bracket and token.is_right_punct for token in between)
        return dashes % 2 == 1 or brackets > 0

    def _is_parenthetical_attribution(self, doc: Doc, index: int, cue: Cue) -> bool:
        """An attribution phrase set off inside a clause: بحسب/وفق (ما) … after a comma or dash."""
        previous = doc[index - 1].norm_ if index > 0 else ""
        attribution = cue.type == "preposition" or (previous in ATTRIBUTION_LINKS and index > 1)
        if previous in ATTRIBUTION_LINKS:
            previous = doc[index - 2].norm_ if index > 1 else ""
        return attribution and (previous in COMMAS or previous in DASHES or doc[index - 1].is_bracket)

    def _noun_phrase_statement(
        self,
        doc: Doc,
        cue_span: Span,
        cue: Cue,
        subject: Span | None,
        sentence_end: int,
        previous: list[Statement],
    ) -> Statement | None:
        """``نفى الجيش وجود …``, ``روسيا تعلن السيطرة …``: a named speaker, then a noun phrase
        stating the claim (after من/عن for warnings and talk)."""
        if not self.noun_phrase_content or cue.kind not in NOUN_PHRASE_KINDS or cue.ambiguous or cue.pronoun_suffix:
            return None
        if cue_span.start > 0 and doc[cue_span.start - 1].norm_ in RELATIVE_PRONOUNS:
            return None  # «الذي أعلن الحرب»: a relative clause describing its noun
        begin = cue_span.end
        source, source_entity = subject, None
        if cue.participle:
            # «…، مؤكداً استعداد بلاده …»: the participle's speaker is the sentence's; one that
            # does not open a clause is an adjective (قيود مشددة).
            if not self._opens_clause(doc, cue_span.start):
                return None
            source = self._sentence_speaker(doc, cue_span.start, previous)
            if source is None:
                source, source_entity = self._carried_source(doc, cue_span.start, previous)
            if source is None:
                return None
        elif source is None:
            source = _entity_starting_at(doc, begin)
            if source is None or source.label_ not in SPEAKER_LABELS + ("PLACE",):
                source = self._speaker_noun_phrase(doc, begin, sentence_end)
            if source is None:
                return None
            begin = self._after_addressee(doc, source.end)
        while begin < sentence_end and doc[begin].is_punct:
            begin += 1
        target = None
        if cue.kind == "warn":
            # «تركيا تحذر سوريا من مساعدة الأكراد»: the one warned, then من and the danger.
            addressee = _entity_starting_at(doc, begin)
            if addressee is not None and addressee.end < sentence_end and doc[addressee.end].norm_ == "من":
                target, begin = addressee, addressee.end
        warns_of = begin < sentence_end and doc[begin].norm_ in {"من", "عن"}
        if (cue.kind == "warn") != warns_of:
            # «حذرت إسرائيل إيران بعد الغارات» warns of nothing; «كشفت عن تسجيلات» reveals objects.
            return None
        begin += warns_of
        content = self._content(doc, begin, sentence_end, False)
        if content is None or (len(content) < 2 and cue.kind != "deny"):
            return None
        return self._build(doc, cue_span, source, content, target, cue, source_entity, previous)

    def _speaker_noun_phrase(self, doc: Doc, begin: int, limit: int) -> Span | None:
        """A speaker named by a noun and its adjectives (``المصدر``، ``مسؤولون أمريكيون``،
        ``المتحدث الأمني``) right after the verb, before a noun-phrase content."""
        if begin >= limit or not self._is_speaker_phrase(doc[begin : begin + 1]):
            return None
        end = begin + 1
        while end < limit and end - begin < MAX_SOURCE_TOKENS and NISBA_RE.match(doc[end].norm_):
            end += 1
        return doc[begin:end]

    def _after_addressee(self, doc: Doc, index: int) -> int:
        """Past an addressee after the speaker (``لـ«الشرق الأوسط»``، ``لوكالة فرانس برس``)."""
        if index >= len(doc) or doc[index].norm_ not in ADDRESSEE_PREPOSITIONS:
            return index
        name = index + 1
        if name < len(doc) and doc[name].is_quote:
            close = _closing_quote(doc, name, len(doc))
            return close + 1 if close is not None and close - name <= MAX_NAMED_QUOTE else index
        if name < len(doc) and doc[name].norm_.removeprefix("ال") in self.speaker_nouns:
            name += 1  # a medium noun before the medium's name
        entity = _entity_starting_at(doc, name)
        return entity.end if entity is not None else index

    # Attribution prepositions ------------------------------------------------------------------
    def _attribution(self, doc: Doc, start: int, end: int, previous: list[Statement]) -> Statement | None:
        cue_span = doc[start:end]
        index = end
        while index < len(doc) and (doc[index].norm_ in {"ل", "لـ", "عن", "الي"} or doc[index].is_quote):
            index += 1
        if index < len(doc) and doc[index].norm_ in {"ما", "لما"}:
            return None  # «وفقاً لما أكده المرصد»: the verb is the cue, handled when reached
        source_end = index
        while source_end < len(doc) and source_end - index < MAX_SOURCE_TOKENS:
            token = doc[source_end]
            if token.norm_ in COMMAS | DASHES | SENTENCE_END or token.norm_ in {"ف", "ان"} or "\n" in token.text:
                break
            if token.is_quote and source_end > index:
                close = self._quoted_name_close(doc, source_end, len(doc))
                if close is None:
                    break
                source_end = close  # «بحسب فضائية "الجزيرة"»: the quoted name is part of the source
            source_end += 1
        source = self._source_phrase(doc, index, source_end, allow_long=False)
        source_entity = None
        if source is None and index < len(doc) and doc[index].norm_.startswith(SELF_REFERENCES):
            source, source_entity = self._carried_source(doc, start, previous)  # «بحسب قولها»
        if source is None:
            return None
        sentence_start = sentence_start_of(doc, start)
        sentence_end = sentence_end_of(doc, source_end)
        after = source_end
        while after < len(doc) and (doc[after].is_quote or doc[after].norm_ in COMMAS):
            after += 1
        linked = after < len(doc) and doc[after].norm_ == "ف"
        after += linked
        if after < len(doc) and _is_complementiser(doc[after].norm_):
            content = self._content(doc, after + 1, sentence_end, False)
        elif linked and self._is_clause_initial(doc, start, sentence_start):
            while after < sentence_end and doc[after].norm_ in {"قد", "لقد"}:
                after += 1
            content = self._content(doc, after, sentence_end, False)  # «وبحسب مدريد فقد التحق …»
        elif source_end < len(doc) and doc[source_end].norm_ in DASHES:
            follow = source_end + 1
            content = self._content(doc, follow, sentence_end, follow < len(doc) and doc[follow].is_quote)
        elif (
            self._is_clause_initial(doc, start, sentence_start)
            and source_end < len(doc)
            and doc[source_end].norm_ in COMMAS
        ):
            content = self._content(doc, source_end + 1, sentence_end, False)
        else:
            content = self._preceding_clause(doc, sentence_start, start)
            repeat = (
                next((s for s in reversed(previous) if s.content.end >= content.end - 1), None) if content else None
            )
            if repeat is not None and _same_speaker(repeat, source):
                return None  # a trailing «، وفق تصريحه» repeats the clause's own source
        if content is None:
            return None
        kind_cue = Cue("", "attribution", "preposition", False, (), False, False)
        return self._build(doc, cue_span, source, content, None, kind_cue, source_entity, previous)

    # Spans ------------------------------------------------------------------------------------
    def _is_clause_initial(self, doc: Doc, start: int, sentence_start: int) -> bool:
        before = [t for t in doc[sentence_start:start] if t.norm_ not in {"و", "ف"} and not t.is_quote]
        return not before

    def _content(self, doc: Doc, begin: int, limit: int, direct: bool) -> Span | None:
        """The reported clause from ``begin``: to the clause's end or the next statement's cue."""
        while begin < limit and (doc[begin].is_space or doc[begin].norm_ in COMMAS):
            begin += 1
        if direct and begin < limit and _is_complementiser(doc[begin].norm_):
            begin += 1  # «قال: إن …»
        if begin >= limit:
            return None
        if direct and doc[begin].is_quote:
            close = _closing_quote(doc, begin, len(doc))
            if close is not None and close > begin + 1:
                return doc[begin + 1 : close]
        end = begin
        in_quote = False
        while end < limit and end - begin < MAX_CONTENT_TOKENS:
            token = doc[end]
            if token.is_quote:
                in_quote = _quote_state(token, in_quote)
            elif not in_quote and end > begin and self._ends_content(doc, end):
                break
            end += 1
        while end > begin and (doc[end - 1].norm_ in COMMAS | DASHES | {"و", "ف"} or doc[end - 1].is_space):
            end -= 1
        if end <= begin:
            return None
        span = doc[begin:end]
        if span[0].is_quote and span[-1].is_quote and not any(t.is_quote for t in span[1:-1]) and len(span) > 2:
            return doc[begin + 1 : end - 1]
        return span

    def _ends_content(self, doc: Doc, index: int) -> bool:
        """A clause boundary inside a sentence: ؛, or a comma or و/ف before the next cue, or a
        participle cue (``، مشيراً``)."""
        norm = doc[index].norm_
        if norm == "؛":
            return True
        if norm in COMMAS:
            return self._starts_new_statement(doc, index + 1)
        match = self._cue_at(doc, index)
        if match is not None and match[1].participle:
            return True
        if norm in {"و", "ف"} and index + 1 < len(doc):
            match = self._cue_at(doc, index + 1)
            return match is not None and match[1].type == "verb" and not match[1].ambiguous
        if norm in CONTRAST_LINKS:
            # «… لكن موسكو تؤكد أنه …»، «… في حين تصر روسيا على …»: another speaker's clause.
            for ahead in range(index + 1, min(index + 1 + MAX_HEADLINE_SUBJECT, len(doc))):
                if doc[ahead].is_punct:
                    break
                match = self._cue_at(doc, ahead)
                if match is not None:
                    return match[1].type == "verb" and not match[1].ambiguous
        return False

    def _starts_new_statement(self, doc: Doc, index: int) -> bool:
        """After a comma: (و/ف/كما/فيما) + a cue starts the next statement or a trailing
        attribution (also «على حد قولها»); بعدما/بينما open a clause of the narrative, not of the
        reported speech."""
        if index < len(doc) and doc[index].norm_ in NARRATIVE_CLAUSES:
            return True
        while index < len(doc) and doc[index].norm_ in CLAUSE_LINKS:
            index += 1
        if index + 1 < len(doc) and doc[index].norm_ == "علي" and doc[index + 1].norm_ == "حد":
            index += 2
        return index < len(doc) and self._cue_at(doc, index) is not None

    def _preceding_clause(self, doc: Doc, sentence_start: int, cue_start: int) -> Span | None:
        """The clause a trailing attribution points back at, without the attribution's own words
        (``، بحسب ما``، ``، كما``، ``على ما``)."""
        end = cue_start
        while end > sentence_start and (
            doc[end - 1].norm_ in TRAILING_LINKS or self._is_attribution_word(doc, end - 1)
        ):
            end -= 1
        while end > sentence_start and (doc[end - 1].norm_ in COMMAS | {"و", "ف"} | DASHES or doc[end - 1].is_quote):
            end -= 1
        begin = sentence_start
        while begin < end and (doc[begin].norm_ in {"و", "ف"} or doc[begin].is_space):
            begin += 1
        if end - begin < 2:
            return None
        return doc[begin:end]

    def _is_attribution(self, doc: Doc, statement: Statement) -> bool:
        """Whether a statement was made by an attribution phrase (بحسب X، … حسب ما أفاد X)."""
        start = statement.cue.start
        return self._is_attribution_word(doc, start) or (start > 0 and doc[start - 1].norm_ in ATTRIBUTION_LINKS)

    def _is_attribution_word(self, doc: Doc, index: int) -> bool:
        match = self._cue_at(doc, index)
        return match is not None and match[1].type == "preposition"

    def _quoted_name_close(self, doc: Doc, open_index: int, limit: int) -> int | None:
        """The closing mark of the quoted name (not quotation) that opens at ``open_index``."""
        close = _closing_quote(doc, open_index, limit)
        return close if close is not None and _is_quoted_name(doc, open_index, close, self.speaker_nouns) else None

    def _trim(self, doc: Doc, begin: int, end: int) -> Span | None:
        while begin < end and (doc[begin].is_punct or doc[begin].is_space):
            begin += 1
        while end > begin and (doc[end - 1].is_punct or doc[end - 1].is_space):
            if doc[end - 1].is_quote and any(token.is_quote for token in doc[begin : end - 1]):
                break  # the closing mark of a quoted name inside the span (فضائية "الجزيرة")
            end -= 1
        return doc[begin:end] if end > begin else None

    def _source_phrase(self, doc: Doc, begin: int, end: int, allow_long: bool = True) -> Span | None:
        """The speaker noun phrase in ``doc[begin:end]``: up to an apposition comma or a stop word."""
        stop = begin
        while stop < end:
            token = doc[stop]
            norm = token.norm_
            if stop > begin and token.is_quote:
                close = self._quoted_name_close(doc, stop, end)
                if close is None:
                    break
                stop = close + 1  # «فضائية "الجزيرة"»: a quoted name belongs to the source
                continue
            if stop > begin and (norm in COMMAS or token.is_bracket or norm in SOURCE_STOPS | RELATIVE_PRONOUNS):
                break  # a relative clause describes the speaker; it is no part of the source
            if (
                stop > begin
                and norm in ADDRESSEE_PREPOSITIONS
                and stop + 1 < end
                and (doc[stop + 1].is_quote or doc[stop + 1].ent_type_)
            ):
                break
            stop += 1
        span = self._trim(doc, begin, stop)
        if span is None or _object_like(span[0]):
            return None
        if len(span) > MAX_SOURCE_TOKENS:
            entities = [e for e in span.ents if e.label_ in SPEAKER_LABELS]
            return entities[0] if entities and allow_long else None
        return span

    def _split_source_target(self, doc: Doc, region: Span) -> tuple[Span | None, Span | None]:
        """Accusation and demand cues in VSO order: ``اتهم [source] [target] بـ…``."""
        entities = [e for e in region.ents]
        if not entities:
            return region, None  # «يطالب وزير الدفاع الإسرائيلي بطرد …»: the phrase is the speaker
        first = entities[0]
        source = first if first.start == region.start or _only_quotes(doc, region.start, first.start) else None
        if source is None:
            source = self._trim(doc, region.start, first.end)
        after = source.end
        if after < region.end and doc[after].is_bracket:  # apposition: (قسد)
            close = next((i for i in range(after + 1, region.end) if doc[i].is_bracket), after)
            after = close + 1
        return source, self._trim(doc, after, region.end)

    def _subject_before(self, doc: Doc, cue_start: int) -> Span | None:
        """SVO order: the subject at the start of the clause, right before the cue (``قسد تتهم``,
        ``وكان المرصد قد ذكر``, ``إلا أن المصدر الطبي قال``)."""
        index = cue_start
        while index > 0 and doc[index - 1].norm_ in {"قد", "لقد"}:
            index -= 1
        if index == 0:
            return None
        token = doc[index - 1]
        if token.ent_type_ in SPEAKER_LABELS + ("PLACE",):
            entity = next(e for e in doc.ents if e.start <= index - 1 < e.end)
            if entity.end == index and self._opens_clause(doc, entity.start):
                return entity
        # A bare noun phrase opening a headline-style clause before a present-tense verb.
        if doc[cue_start].norm_.startswith(PRESENT_PREFIXES):
            begin = index
            while begin > 0 and index - begin < MAX_HEADLINE_SUBJECT and not self._opens_clause(doc, begin):
                if doc[begin - 1].is_punct:
                    break
                begin -= 1
            phrase = doc[begin:index]
            if begin < index and self._opens_clause(doc, begin) and self._is_speaker_phrase(phrase):
                return phrase
        # A noun phrase between a clause opener (وكان، إلا أن) and «قد» + the verb, or a speaker phrase.
        begin = index - 1
        while begin > 0 and index - begin < MAX_SOURCE_TOKENS and not self._opens_clause(doc, begin):
            if doc[begin].is_punct or self._cue_at(doc, begin):
                return None
            begin -= 1
        opener = doc[begin - 1].norm_ if begin > 0 else ""
        phrase = doc[begin:index]
        if begin < index and opener in SUBJECT_OPENERS and self._is_speaker_phrase(phrase):
            return phrase
        return None

    def _opens_clause(self, doc: Doc, index: int) -> bool:
        """Whether a clause starts at ``index``: after a sentence end, a comma, و/ف or an opener."""
        while index > 0 and doc[index - 1].is_quote:
            index -= 1
        if index == 0:
            return True
        before = doc[index - 1]
        return (
            before.norm_ in SENTENCE_END | COMMAS | {"و", "ف", ":"} | SUBJECT_OPENERS
            or "\n" in before.text
            or before.is_space
        )

    def _reported_by(self, doc: Doc, cue_start: int) -> Span | None:
        """``نقلت الوكالة عن محافظ الحسكة قوله``: the speaker between عن and قوله."""
        if not doc[cue_start].norm_.startswith("قول"):
            return None
        begin = cue_start - 1
        while begin > 0 and cue_start - begin <= MAX_SOURCE_TOKENS and doc[begin - 1].norm_ != "عن":
            begin -= 1
        if begin > 0 and doc[begin - 1].norm_ == "عن":
            return self._trim(doc, begin, cue_start)
        return None

    def _relayed_source(self, doc: Doc, region: Span, cue: Cue) -> Span | None:
        """``نقلت وكالة سانا عن محافظ الحسكة أن …``: the source is who spoke, after عن (``عنه``
        itself when the speaker is a pronoun)."""
        if normalize(cue.lemma) != "نقل":
            return None
        pronoun = next((token for token in region if token.norm_ in PRONOUN_RELAYS), None)
        if pronoun is not None:
            return doc[pronoun.i : pronoun.i + 1]
        relay = next((token.i for token in region if token.norm_ == "عن"), None)
        if relay is None:
            return None
        # «… عن المحافظ قوله»، «عن أوغلو قوله لرؤساء التحرير»: the speaker ends at قوله.
        end = next((token.i for token in doc[relay + 1 : region.end] if token.norm_.startswith("قول")), region.end)
        return self._trim(doc, relay + 1, end)

    def _is_speaker_phrase(self, span: Span) -> bool:
        """A plausible source: it holds an entity, or opens with a speaker noun (مصدر، المسؤول)."""
        if any(token.ent_type_ for token in span):
            return True
        head = span[0].norm_
        return head in self.speaker_nouns or head.removeprefix("ال") in self.speaker_nouns

    def _region(self, doc: Doc, begin: int, end: int) -> Span | None:
        """Tokens between cue and introducer that can hold a source (not an adverbial)."""
        region = self._trim(doc, begin, end)
        if region is None or region[0].norm_ in NOT_SOURCE_START or region[0].norm_ in ADDRESSEE_PREPOSITIONS:
            return None
        return region

    def _sentence_speaker(self, doc: Doc, cue_start: int, previous: list[Statement]) -> Span | None:
        """A participle (``قائلاً``، ``مشيراً``) whose sentence has no statement yet: the first
        speaker entity of the sentence (``حذر روحاني ترامب قائلاً …`` → روحاني)."""
        sentence_start = sentence_start_of(doc, cue_start)
        if previous and previous[-1].cue.start >= sentence_start:
            return None  # the previous statement's speaker carries over
        return next(
            (e for e in doc.ents if sentence_start <= e.start and e.end <= cue_start and e.label_ in SPEAKER_LABELS),
            None,
        )

    def _carried_source(self, doc: Doc, cue_start: int, previous: list[Statement]) -> tuple[Span | None, Span | None]:
        """A dropped subject or a participle: the previous statement's speaker when it spoke in
        this sentence or the one before, else the closest speaker entity before the cue. A source
        named by an attribution phrase (وفقاً لصحيفة الحياة) is no speaker a later verb goes on with."""
        previous = [s for s in previous if not self._is_attribution(doc, s)] or previous
        sentence_start = sentence_start_of(doc, cue_start)
        window_start = sentence_start_of(doc, max(sentence_start - 1, 0))
        if previous and (self.carry == "statement" or previous[-1].cue.start >= window_start):
            last = previous[-1]
            return latest_mention(doc, last.source, cue_start), last.source_entity
        speakers = [e for e in doc.ents if e.end <= cue_start and e.label_ in SPEAKER_LABELS]
        if speakers:
            return speakers[-1], None
        return (previous[-1].source, previous[-1].source_entity) if previous else (None, None)

    def _build(
        self,
        doc: Doc,
        cue: Span,
        source: Span | None,
        content: Span,
        target: Span | None,
        cue_info: Cue,
        source_entity: Span | None,
        previous: list[Statement],
    ) -> Statement:
        if source_entity is None and source is not None:
            source_entity = resolve_source(doc, source, previous)
        return Statement(
            cue=cue,
            content=content,
            source=source,
            target=target,
            source_entity=source_entity,
            kind=statement_kind(content, cue_info.kind),
        )

    # Serialisation: the cue table is data, rebuilt from the packaged file or the saved copy.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return self.cues_path.read_bytes()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cues.jsonl").write_bytes(self.cues_path.read_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> StatementFinder:
        self.cues_path = Path(path) / "cues.jsonl"
        self._set_cues(load_cues(self.cues_path))
        return self


def sentence_end_of(doc: Doc, index: int) -> int:
    """The index of the token that ends the sentence holding ``index`` (a full stop outside
    quotation marks, or a line break)."""
    inside = False
    while index < len(doc):
        token = doc[index]
        if token.is_quote:
            inside = _quote_state(token, inside)
        if "\n" in token.text or (not inside and _ends_sentence(token)):
            return index
        index += 1
    return len(doc)


def sentence_start_of(doc: Doc, index: int) -> int:
    """The index of the first token of the sentence holding ``index``."""
    index = max(index, 0)
    while index > 0 and not _ends_sentence(doc[index - 1]) and "\n" not in doc[index - 1].text:
        index -= 1
    return index


def _ends_sentence(token) -> bool:
    """A full stop, question or exclamation mark, but not the dot of an abbreviation: after a single
    letter (د. ب. أ) or glued between letters (إن.بي.سي)."""
    if token.norm_ not in SENTENCE_END:
        return False
    if token.norm_ != "." or token.i == 0:
        return True
    doc = token.doc
    before = doc[token.i - 1]
    glued_between = not before.whitespace_ and not token.whitespace_ and token.i + 1 < len(doc)
    glued_between = glued_between and len(before) <= 3 and doc[token.i + 1].is_alpha and len(doc[token.i + 1]) <= 3
    return not ((len(before) == 1 and before.is_alpha) or glued_between)


def _closing_quote(doc: Doc, index: int, limit: int) -> int | None:
    return next((i for i in range(index + 1, min(limit, index + MAX_CONTENT_TOKENS)) if doc[i].is_quote), None)


def _is_quoted_name(doc: Doc, open_index: int, close_index: int, media_nouns: set[str]) -> bool:
    """Whether quotation marks wrap a name, not a quotation: one entity, a short phrase after
    an addressee ل or a medium noun (لـ«الشرق الأوسط»، صحيفة «ديلي صباح»), or 1–3 words."""
    entity = _entity_starting_at(doc, open_index + 1)
    if entity is not None and entity.end == close_index:
        return True
    length = close_index - open_index - 1
    before = doc[open_index - 1].norm_ if open_index > 0 else ""
    named = before in ADDRESSEE_PREPOSITIONS or before.removeprefix("ال") in media_nouns
    return 0 < length <= (MAX_NAMED_QUOTE if named else MAX_QUOTED_NAME)


def _object_like(token) -> bool:
    """A first word that cannot open a subject: a demonstrative or a pronoun (``ذلك``، ``هو``)."""
    return token.norm_ in DEMONSTRATIVES


def _relays(cue: Cue, norm: str) -> bool:
    """``نقل X عن Y قوله إن …``: عن and قوله belong to the نقل statement's source."""
    return normalize(cue.lemma) == "نقل" and (norm == "عن" or norm in PRONOUN_RELAYS or norm.startswith("قول"))


def _quote_state(token, inside: bool) -> bool:
    """Inside a quotation after this mark? A mark glued to the next word opens, one glued to the
    previous word closes (news writes “…“ and ”…” as often as “…”); otherwise it toggles, so a
    quotation opened before the span (”، وتنفيذ) cannot swallow the rest of the sentence."""
    doc = token.doc
    space_before = token.i == 0 or bool(doc[token.i - 1].whitespace_)
    space_after = bool(token.whitespace_) or token.i + 1 == len(doc) or doc[token.i + 1].is_punct
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return not inside


def _only_quotes(doc: Doc, begin: int, end: int) -> bool:
    return all(token.is_quote for token in doc[begin:end])


def _is_content_word(norm: str) -> bool:
    """A complement that is the content's first word (مسؤولية، وجود), not a particle."""
    return len(norm) > 3 and not _is_complementiser(norm) and norm not in PREPOSITION_COMPLEMENTS | {"الي"}


def _is_complementiser(norm: str) -> bool:
    return bool(COMPLEMENTISER_RE.match(norm))


def _entity_starting_at(doc: Doc, index: int) -> Span | None:
    while index < len(doc) and doc[index].is_quote:
        index += 1
    return next((e for e in doc.ents if e.start == index), None)


def _same_speaker(statement: Statement, source: Span) -> bool:
    """Whether a trailing attribution repeats a statement's own speaker (or refers back to it)."""
    if statement.source is None:  # only «وفق تصريحه» repeats a clause with no named speaker
        return source[0].norm_.startswith(SELF_REFERENCES)
    if source.text in statement.source.text or statement.source.text in source.text:
        return True
    # «وفق تصريحه», «بحسب المصدر»: a pronoun-suffixed noun or a bare back-reference.
    return not any(token.ent_type_ for token in source)


def latest_mention(doc: Doc, source: Span | None, cue_start: int) -> Span | None:
    """The closest mention before the cue of the speaker ``source`` names (GUIDELINES §2: an
    implied subject's source is the closest preceding explicit mention): a later ``أوغلو`` for an
    earlier ``رئيس الوزراء التركي أحمد داود أوغلو``, or ``source`` itself."""
    if source is None:
        return None
    named = [e for e in source.ents if e.label_ in SPEAKER_LABELS]
    if not named:
        return source
    speaker = named[-1]
    later = [
        e for e in doc.ents
        if source.end <= e.start and e.end <= cue_start and e.label_ == speaker.label_
        and ((speaker.kb_id_ and e.kb_id_ == speaker.kb_id_) or e[-1].norm_ == speaker[-1].norm_)
    ]  # fmt: skip
    return later[-1] if later else source


def resolve_source(doc: Doc, source: Span, previous: list[Statement]) -> Span | None:
    """The entity a source refers to: the speaker entity inside it, the first mention of that
    entity (``شامي`` → the earlier ``فرهاد شامي``), or the previous statement's entity for a
    back-reference such as ``المصدر``."""
    entities = [e for e in source.ents if e.label_ in SPEAKER_LABELS] or list(source.ents)
    if not entities:
        if previous and previous[-1].source_entity is not None:
            return previous[-1].source_entity
        return None
    entity = entities[-1]
    for earlier in doc.ents:
        if earlier.start >= entity.start:
            break
        same_id = entity.kb_id_ and earlier.kb_id_ == entity.kb_id_
        surname = entity.label_ == "PERSON" == earlier.label_ and earlier[-1].norm_ == entity[-1].norm_
        if same_id or surname:
            return earlier
    return entity


def statement_kind(content: Span, cue_kind: str) -> str:
    if cue_kind == "accuse":
        return "accusation"
    doc = content.doc
    enclosed = content.start > 0 and doc[content.start - 1].is_quote
    enclosed = enclosed and content.end < len(doc) and doc[content.end].is_quote
    if enclosed:
        return "direct"
    return "mixed" if any(token.is_quote for token in content) else "indirect"


@Language.factory(
    "syria_statements",
    default_config={"cues_path": None, "noun_phrase_content": True, "carry": "statement"},
    requires=["token.norm", "doc.ents"],
    assigns=["doc.spans"],
    default_score_weights={"statement_f": 1.0, "statement_p": 0.0, "statement_r": 0.0},
)
def make_statement_finder(
    nlp: Language, name: str, cues_path: str | None, noun_phrase_content: bool, carry: str
) -> StatementFinder:
    return StatementFinder(nlp, name, cues_path, noun_phrase_content, carry)
