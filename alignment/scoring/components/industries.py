"""Each priority industry's score: the share of sentences carrying its terms, and how many
distinct terms."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.industries import score_industries
from alignment.scoring.pipeline import Advance, Component


class Industries(Component):
    name = "industries"
    requires = ("document", "whole", "sentences", "locator")
    assigns = ("industries", "carrying_rows")
    start, message = 0.75, "识别重点产业"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        assert f.whole is not None and f.locator is not None
        scored = score_industries(
            f.document, f.whole, f.sentences, f.locator, context.rules.all_industries
        )
        f.industries = tuple(industry for industry, _ in scored)
        f.carrying_rows = {industry.name: rows for industry, rows in scored}
