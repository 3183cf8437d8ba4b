"""How much the document's sentences serve each measure: the measures' BM25 standing over the
document's own background (:mod:`alignment.scoring.measure_rank`)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class StandingStep(Component):
    name = "standing"
    requires = ("words",)
    assigns = ("standing",)
    start, message = 0.75, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        f.standing = context.ranker.standing(f.words)
