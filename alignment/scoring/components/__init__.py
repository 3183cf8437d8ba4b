"""The analysis's components, one per module, in the order the standard pipeline runs them.

A new step is a class with ``name``, ``requires``, ``assigns``, ``start``, ``message`` and
``__call__(findings, context, advance)`` (see :mod:`alignment.scoring.pipeline`); add its fields
to :class:`~alignment.scoring.findings.Findings` and its place to :data:`STANDARD`. The scorer
(:mod:`alignment.scoring.scorer`) alone turns the findings into a verdict.
"""

from __future__ import annotations

from alignment.scoring.components.cited import Cited
from alignment.scoring.components.direct_fit import DirectFit
from alignment.scoring.components.gaps import Gaps
from alignment.scoring.components.industries import Industries
from alignment.scoring.components.location import Location
from alignment.scoring.components.primary import Primary
from alignment.scoring.components.priorities import Priorities
from alignment.scoring.components.red_lines import RedLines
from alignment.scoring.components.score_parts import ScoreParts
from alignment.scoring.components.segmentation import Segmentation
from alignment.scoring.components.sentences import Sentences
from alignment.scoring.components.service import Service
from alignment.scoring.components.similar_measures import SimilarMeasures
from alignment.scoring.components.similarity import Similarity
from alignment.scoring.components.standing import StandingStep
from alignment.scoring.components.subject import SubjectStep
from alignment.scoring.components.targets import Targets
from alignment.scoring.components.warnings import Warnings
from alignment.scoring.pipeline import Component

STANDARD: tuple[Component, ...] = (
    Sentences(),
    SubjectStep(),
    Segmentation(),
    Location(),
    Similarity(),
    SimilarMeasures(),
    StandingStep(),
    Industries(),
    RedLines(),
    Primary(),
    Service(),
    Priorities(),
    ScoreParts(),
    Cited(),
    DirectFit(),
    Gaps(),
    Warnings(),
    Targets(),
)
