"""Red lines the document crosses, and the measures it serves by removing what one restricts."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.lexicon import red_line_terms
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.red_lines import find_conflicts, removal_matches
from alignment.scoring.sentences import SentenceLocator


class RedLines(Component):
    name = "red_lines"
    requires = ("document", "whole", "sentences", "site", "locator", "matched_sims")
    assigns = ("red_lines", "conflicts", "removing")
    start, message = 0.85, "检查红线与差距"

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        assert f.whole is not None and f.locator is not None
        f.red_lines = [
            (rule, red_line_terms(f.whole.text, rule)) for rule in context.rules.red_lines
        ]
        # A site description crosses red lines too ("场址位于生态保护红线范围内").
        f.conflicts = find_conflicts(
            f.document,
            f.whole,
            f.locator if not f.site else SentenceLocator(f.sentences + f.site),
            f.red_lines,
            context.rules_fit_plan,
        )
        f.removing = (
            removal_matches(
                context.plan,
                f.red_lines,
                f.whole,
                f.locator,
                f.sentences,
                f.matched_sims,
                context.columns_of,
            )
            if context.rules_fit_plan
            else []
        )
