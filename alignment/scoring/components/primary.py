"""The primary industry, and the industries held back from leading (a public service's
instruments, a passing mention, a sub-plan's side task)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.industries import (
    barred_industries,
    passing_mentions,
    primary_industry,
    side_tasks,
)
from alignment.scoring.pipeline import Advance, Component


class Primary(Component):
    name = "primary"
    requires = ("document", "industries", "sentences", "resolved_mode")
    assigns = ("service", "barred", "passing", "side", "primary")
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        rules = context.rules
        f.service, f.barred = barred_industries(
            f.document.title, rules.industries, rules.public_services
        )
        f.passing = passing_mentions(f.industries, len(f.sentences), f.document.title)
        f.side = side_tasks(f.industries) if f.resolved_mode != "proposal" else frozenset()
        f.primary = primary_industry(
            f.industries, rules.scoring.industry_threshold, f.barred | f.passing | f.side
        )
