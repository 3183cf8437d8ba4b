"""A public service the document's subject names (a school, a hospital, an elderly-care centre,
an old neighbourhood's renovation: the rule file's ``[[public_services.subjects]]``) and the plan
measure serving it: of the measures the rule file lists for it, the one the document's text
stands highest at. The document serves it first, project or plan; a red line overrides."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.subject import service_of


class Service(Component):
    name = "service"
    requires = ("subject", "standing", "conflicts")
    assigns = ("public_service", "service_measure")
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        if f.conflicts or not context.rules_fit_plan:
            return
        service = service_of(f.subject, context.rules.service_subjects)
        measures = [m for m in service.measures if context.plan.has_measure(m)] if service else []
        if not measures:
            return
        scores = f.standing.scores if f.standing is not None else {}
        f.public_service = service
        f.service_measure = max(measures, key=lambda m: (scores.get(m, 0.0), -measures.index(m)))
