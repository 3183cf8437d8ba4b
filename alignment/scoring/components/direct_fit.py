"""A project that serves a public-service measure directly (a school 11.1.x, an elderly-care
centre 11.3.2): the measure the document stands at first, at least ``STANDOUT`` standard
deviations above the rest, in a section the rule file names as a public service's, and matched
by similarity; it must stand ``DIRECT_FIT`` standard deviations out, a document's subject rather
than one of its topics. The scorer then rates it strong without one of the five industries, as a
reviewer judges it. Another place's plan or a sub-plan is not a project."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component

# Standard deviations a public-service measure must stand above the rest to be the document's
# subject. Measured: the real corpus's direct fits (an elderly-care park, a parking park) stand at
# 7.6 and 9.4, the written ones at 6.6-12.7; a food factory's cold-chain logistics put 8.3.2 交通
# first at 4.8. Citing a measure takes 4 (measure_rank.STANDOUT); being about it takes more.
DIRECT_FIT = 6.0


class DirectFit(Component):
    name = "direct_fit"
    requires = ("resolved_mode", "standing", "similar")
    assigns = ("direct", "direct_margin")
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        served = context.rules.public_service_measures
        if f.resolved_mode != "proposal" or not served or not context.rules_fit_plan:
            return
        margins = f.standing.margins if f.standing is not None else {}
        if not margins:
            return
        top = max(margins, key=lambda m: margins[m])
        in_service = any(top == s or top.startswith(f"{s}.") for s in served)
        # Matched by similarity, not only by the words a standout shares with the measure.
        matched = any(m.measure_id == top for m in f.similar)
        if in_service and matched and margins[top] >= DIRECT_FIT:
            f.direct = top
        f.direct_margin = round(margins[top], 1) if f.direct else 0.0
