"""What an analysis finds about one document: the one object the components of the pipeline
(:mod:`alignment.scoring.pipeline`) read and add to, in the manner of spaCy's ``Doc`` passing
through a ``Language``. Each field is assigned by one component (named beside it) and read only
by later ones; the scorer (:mod:`alignment.scoring.scorer`) combines them into an
``AlignmentResult``."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from alignment.config import RedLine, ServiceSubject
from alignment.documents.model import Document
from alignment.scoring.lexicon import RedLineTerms
from alignment.scoring.measure_rank import Standing
from alignment.scoring.result import Conflict, Gap, IndustryScore, LocationFinding, Match
from alignment.scoring.sentences import DocSentence, DocumentText, SentenceKey, SentenceLocator
from alignment.scoring.subject import Subject
from alignment.scoring.subplan import ChapterCoverage, TargetCheck


def _empty_matrix() -> np.ndarray:
    return np.zeros((0, 0))


def _empty_vector() -> np.ndarray:
    return np.zeros(0)


@dataclass
class Findings:
    """Filled by the components in order; a field is empty until its component has run."""

    document: Document
    mode: str  # as asked: "auto", "proposal", "subplan" or "plan"
    # sentences
    whole: DocumentText | None = None
    as_plan: bool = False
    head: list[str] = field(default_factory=list)
    sentences: list[DocSentence] = field(default_factory=list)
    site: list[DocSentence] = field(default_factory=list)  # read for red lines only
    locator: SentenceLocator | None = None  # which compared sentence holds an offset
    # subject: what the document is about (its 项目名称, subject line or headline)
    subject: Subject = field(default_factory=Subject)
    # segmentation: each compared sentence's content words
    words: list[list[str]] = field(default_factory=list)
    # location (and the kind of document it decides)
    location: LocationFinding = field(default_factory=LocationFinding)
    resolved_mode: str = ""
    # similarity: sentence × plan-sentence cosine
    sims: np.ndarray = field(default_factory=_empty_matrix)
    # similar_measures: matched by similarity (threshold, two shared words)
    similar: tuple[Match, ...] = ()
    best: np.ndarray = field(default_factory=_empty_vector)  # each sentence's best match
    matched_sims: np.ndarray = field(default_factory=_empty_matrix)  # sims, non-matches zeroed
    # standing: how much the document's sentences serve each measure (BM25, measure_rank)
    standing: Standing | None = None
    # industries
    industries: tuple[IndustryScore, ...] = ()
    carrying_rows: dict[str, set[SentenceKey]] = field(default_factory=dict)  # industry → rows
    # red_lines
    red_lines: list[tuple[RedLine, RedLineTerms]] = field(default_factory=list)
    conflicts: tuple[Conflict, ...] = ()
    removing: list[Match] = field(default_factory=list)  # closing what a red line restricts
    # primary: the primary industry and what holds others back
    service: str = ""
    barred: frozenset[str] = frozenset()
    passing: frozenset[str] = frozenset()
    side: frozenset[str] = frozenset()
    primary: str | None = None
    # components: the score's parts
    components: dict[str, float] = field(default_factory=dict)
    # service: the public service the subject names and the measure serving it (or "")
    public_service: ServiceSubject | None = None
    service_measure: str = ""
    # priorities: the word of the subject that puts a project outside the plan's priorities (or "")
    outside_term: str = ""
    # cited: the measures cited, in order
    matches: tuple[Match, ...] = ()
    # direct_fit: a public-service measure the document serves directly, and how far it stands
    # out (None: not looked for, as for a plan)
    direct: str = ""
    direct_margin: float | None = None
    # gaps, warnings, targets
    gaps: tuple[Gap, ...] = ()
    warnings: tuple[str, ...] = ()
    coverage: tuple[ChapterCoverage, ...] = ()
    targets: tuple[TargetCheck, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]
