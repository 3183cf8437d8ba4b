"""What an analysis finds about one document, stage by stage: the one object the stages of
:class:`~alignment.scoring.analysis.Analyzer` read and add to, in the manner of spaCy's ``Doc``
passing through a ``Language`` pipeline. Each stage fills its own fields and reads only what the
stages before it filled; the last one, the scorer, combines them into an ``AlignmentResult``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from alignment.documents.model import Document
from alignment.rules import RedLine
from alignment.scoring.measure_rank import Standing
from alignment.scoring.result import Conflict, Gap, IndustryScore, LocationFinding, Match
from alignment.scoring.sentences import DocSentence, DocumentText, SentenceKey, SentenceLocator


@dataclass
class Findings:
    """Filled by the stages in order; a field is empty until its stage has run."""

    document: Document
    mode: str  # as asked: "auto", "proposal", "subplan" or "plan"
    # sentences
    whole: DocumentText | None = None
    as_plan: bool = False
    head: list[str] = field(default_factory=list)
    sentences: list[DocSentence] = field(default_factory=list)
    site: list[DocSentence] = field(default_factory=list)  # read for red lines only
    locator: SentenceLocator | None = None  # which compared sentence holds an offset
    # location (and the kind of document it decides)
    location: LocationFinding = field(default_factory=LocationFinding)
    resolved_mode: str = ""
    # similarity and measures
    sims: np.ndarray = field(default_factory=lambda: np.zeros((0, 0)))
    similar: tuple[Match, ...] = ()  # matched by similarity (threshold, two shared words)
    best: np.ndarray = field(default_factory=lambda: np.zeros(0))  # each sentence's best
    # industries
    industries: tuple[IndustryScore, ...] = ()
    carrying_rows: dict[str, set[SentenceKey]] = field(default_factory=dict)  # industry → rows
    # red lines
    red_lines: list[tuple[RedLine, Any]] = field(default_factory=list)
    conflicts: tuple[Conflict, ...] = ()
    removing: list[Match] = field(default_factory=list)  # closing what a red line restricts
    # the primary industry and what holds others back
    service: str = ""
    barred: frozenset[str] = frozenset()
    passing: frozenset[str] = frozenset()
    side: frozenset[str] = frozenset()
    primary: str | None = None
    # the score's parts
    components: dict[str, float] = field(default_factory=dict)
    # the measures cited, in order
    standing: Standing | None = None
    matches: tuple[Match, ...] = ()
    gaps: tuple[Gap, ...] = ()
    warnings: tuple[str, ...] = ()
    direct: str = ""  # a public-service measure the document serves directly (see direct_fit)
    coverage: tuple[Any, ...] = ()
    targets: tuple[Any, ...] = ()

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]
