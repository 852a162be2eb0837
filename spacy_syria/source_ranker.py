"""The trainable part of the statement component: choosing each statement's source.

The rules find cues and contents well; the speaker is where they are weakest (a dropped subject,
a participle, a long apposition). Where the rules took the source from an explicit position (right
after or before the cue, after عن in relayed speech) it stands; for every other statement this
component gathers candidate sources —
the rules' choice, the previous statements' speakers, the speaker entities of the sentence and the
one before — describes each (cue, candidate) pair with a feature row, and a small MLP
(``spacy_syria.SourceRanker.v1``) scores them; the best candidate becomes the source. It is
trained with ``python -m spacy train configs/statements.cfg`` from the corpus statements.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import Model, Optimizer, set_dropout_rate
from thinc.types import Floats2d

from .gazetteer import DATA_DIR, read_word_list
from .scoring import score_statement_examples
from .statements import Statement, latest_mention, resolve_source, sentence_end_of, sentence_start_of

LABEL_FEATURES = ("PERSON", "ORG", "ARMED_GROUP", "PLACE")
MAX_PREVIOUS = 2
N_FEATURES = 18  # the length of the row SourceRanker.features builds


class SourceRanker(TrainablePipe):
    """Re-rank each statement's candidate sources with a trained scorer."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "statement_sources"):
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg: dict = {}
        self.speaker_nouns = set(read_word_list(DATA_DIR / "speaker_nouns.txt"))

    # Candidates and features -------------------------------------------------------------------
    def candidates(self, doc: Doc, statements: list[Statement], index: int) -> list[Span]:
        statement = statements[index]
        cue = statement.cue
        if statement.source is not None and _explicit(doc, statement):
            return [statement.source]  # the rules are strong here: nothing to re-rank
        found = [statement.source] if statement.source is not None else []
        found += [s.source for s in statements[max(0, index - MAX_PREVIOUS) : index] if s.source is not None]
        window_start = sentence_start_of(doc, sentence_start_of(doc, cue.start) - 1)
        window_end = sentence_end_of(doc, cue.end)
        found += [
            ent for ent in doc.ents
            if window_start <= ent.start and ent.end <= window_end and ent.label_ in LABEL_FEATURES
            and not (statement.content.start <= ent.start < statement.content.end)
        ]  # fmt: skip
        unique: dict[tuple[int, int], Span] = {}
        for span in found:
            unique.setdefault((span.start, span.end), span)
        return list(unique.values())

    def features(self, doc: Doc, statements: list[Statement], index: int, candidate: Span) -> list[float]:
        statement = statements[index]
        cue = statement.cue
        before = candidate.end <= cue.start
        distance = cue.start - candidate.end if before else max(candidate.start - cue.end, 0)
        cue_sentence = sentence_start_of(doc, cue.start)
        previous_sources = {(s.source.start, s.source.end) for s in statements[:index] if s.source is not None}
        ent = next((e for e in doc.ents if e.start == candidate.start and e.end == candidate.end), None)
        quotes_between = sum(t.is_quote for t in doc[min(candidate.end, cue.start) : max(candidate.start, cue.end)])
        rule = statement.source
        return [
            float(rule is not None and (rule.start, rule.end) == (candidate.start, candidate.end)),
            float((candidate.start, candidate.end) in previous_sources),
            float(before),
            float(distance == 0),
            min(distance / 50, 1.0),
            math.log1p(distance) / 5,
            float(candidate.start >= cue_sentence),
            float(ent is not None),
            *(float(ent is not None and ent.label_ == label) for label in LABEL_FEATURES),
            float(candidate[0].norm_.removeprefix("ال") in self.speaker_nouns),
            min(len(candidate) / 10, 1.0),
            float(rule is None),
            float(cue[0].norm_.startswith(("ي", "ت"))),
            float(quotes_between % 2 == 1),
            float(statement.content.start < cue.start),
        ]

    def _instances(self, docs: Iterable[Doc]) -> tuple[Floats2d, list[tuple[int, int, list[Span]]]]:
        """Feature rows for every (statement, candidate) pair, and the groups they form."""
        rows: list[list[float]] = []
        groups: list[tuple[int, int, list[Span]]] = []
        for doc_index, doc in enumerate(docs):
            statements = doc._.statements
            for index in range(len(statements)):
                candidates = self.candidates(doc, statements, index)
                if len(candidates) < 2:
                    continue
                groups.append((doc_index, index, candidates))
                rows += [self.features(doc, statements, index, c) for c in candidates]
        array = numpy.asarray(rows, dtype="float32").reshape(-1, N_FEATURES)
        return self.model.ops.asarray2f(array), groups

    # Prediction -----------------------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]):
        docs = list(docs)
        features, groups = self._instances(docs)
        scores = self.model.predict(features) if len(features) else self.model.ops.alloc2f(0, 1)
        return scores, groups

    def set_annotations(self, docs: Iterable[Doc], predictions) -> None:
        scores, groups = predictions
        docs = list(docs)
        flat = self.model.ops.to_numpy(scores).ravel()
        offset = 0
        changed: dict[int, list[Statement]] = {}
        for doc_index, index, candidates in groups:
            best = candidates[int(flat[offset : offset + len(candidates)].argmax())]
            offset += len(candidates)
            statements = changed.setdefault(doc_index, docs[doc_index]._.statements)
            statement = statements[index]
            best = latest_mention(docs[doc_index], best, statement.cue.start)
            if statement.source is None or (best.start, best.end) != (statement.source.start, statement.source.end):
                statement.source = best
                statement.source_entity = resolve_source(docs[doc_index], best, statements[:index])
        for doc_index, statements in changed.items():
            docs[doc_index]._.statements = statements

    # Training -------------------------------------------------------------------------------------
    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optimizer | None = None,
               losses: dict[str, float] | None = None) -> dict[str, float]:  # fmt: skip
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        features, groups = self._instances(eg.predicted for eg in examples)
        if not groups:
            return losses
        set_dropout_rate(self.model, drop)
        scores, backprop = self.model.begin_update(features)
        loss, d_scores = self._loss(examples, scores, groups)
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def _loss(self, examples: list[Example], scores: Floats2d, groups) -> tuple[float, Floats2d]:
        """Softmax cross-entropy within each statement's candidates; gold = those overlapping the
        gold source of the gold statement whose cue overlaps."""
        flat = self.model.ops.to_numpy(scores).ravel()
        gradient = numpy.zeros_like(flat)
        loss, offset = 0.0, 0
        predicted: dict[int, list[Statement]] = {}  # doc._.statements rebuilds the list: read each once
        gold_statements: dict[int, list[Statement]] = {}
        for doc_index, index, candidates in groups:
            n = len(candidates)
            if doc_index not in predicted:
                predicted[doc_index] = examples[doc_index].predicted._.statements
                gold_statements[doc_index] = examples[doc_index].reference._.statements
            gold = _gold_source(gold_statements[doc_index], predicted[doc_index][index])
            targets = numpy.asarray(
                [float(gold is not None and c.start < gold[1] and gold[0] < c.end) for c in candidates]
            )
            if targets.sum():
                probs = numpy.exp(flat[offset : offset + n] - flat[offset : offset + n].max())
                probs /= probs.sum()
                targets /= targets.sum()
                gradient[offset : offset + n] = (probs - targets) / len(groups)
                loss -= float((targets * numpy.log(probs + 1e-9)).sum())
            offset += n
        return loss, self.model.ops.asarray2f(gradient.reshape(-1, 1))

    def get_loss(self, examples: Iterable[Example], scores) -> tuple[float, Floats2d]:
        examples = list(examples)
        _, groups = self._instances(eg.predicted for eg in examples)
        return self._loss(examples, scores, groups)

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        sample = self.model.ops.alloc2f(2, N_FEATURES)
        self.model.initialize(X=sample, Y=self.model.ops.alloc2f(2, 1))

    def score(self, examples: Iterable[Example], **kwargs) -> dict[str, float]:
        return score_statement_examples(examples)


def _explicit(doc: Doc, statement: Statement) -> bool:
    """Whether the rules took the source from an explicit position: right after the cue (VSO),
    right before it (SVO) or after عن in relayed speech (نقل X عن Y قوله)."""
    source, cue = statement.source, statement.cue
    after = source.start >= cue.end and source.start - cue.end <= 1
    before = source.end <= cue.start and cue.start - source.end <= 1
    relayed = source.start > 0 and doc[source.start - 1].norm_ == "عن"
    return after or before or relayed


def _gold_source(gold_statements: list[Statement], statement: Statement) -> tuple[int, int] | None:
    """Token offsets of the gold source for the gold statement whose cue overlaps this one."""
    for gold in gold_statements:
        if gold.cue.start < statement.cue.end and statement.cue.start < gold.cue.end:
            return (gold.source.start, gold.source.end) if gold.source is not None else None
    return None


@Language.factory(
    "syria_statement_sources",
    default_config={"model": {"@architectures": "spacy_syria.SourceRanker.v1", "hidden_width": 32, "dropout": 0.1}},
    requires=["doc.spans", "doc.ents"],
    assigns=["doc.spans"],
    default_score_weights={"statement_f": 1.0, "source_acc": 0.0},
)
def make_source_ranker(nlp: Language, name: str, model: Model) -> SourceRanker:
    return SourceRanker(nlp.vocab, model, name)
