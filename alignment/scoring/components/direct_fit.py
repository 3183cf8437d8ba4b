"""A project that serves a public-service measure directly: its subject names a public service
(a school, a hospital, an elderly-care centre, an old neighbourhood's renovation), so the scorer
rates it strong without one of the five industries, as a reviewer judges it. Another place's
plan or a sub-plan is not a project; a red line leaves no service measure (components.service)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class DirectFit(Component):
    name = "direct_fit"
    requires = ("resolved_mode", "standing", "service_measure")
    assigns = ("direct", "direct_margin")
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        if f.resolved_mode != "proposal" or not context.rules_fit_plan:
            return
        margins = f.standing.margins if f.standing is not None else {}
        # How far the text itself stands out at the measure: reported, not required (a school's
        # EIA notice is about construction noise; its subject is the school).
        f.direct_margin = (
            round(margins.get(f.service_measure, 0.0), 1) if f.service_measure else 0.0
        )
        f.direct = f.service_measure
