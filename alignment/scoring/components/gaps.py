"""Gaps: the primary industry's measures a document leaves unmatched, and the cross-cutting
topics a proposal never mentions (:class:`~alignment.scoring.gaps.GapFinder`)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class Gaps(Component):
    name = "gaps"
    requires = ("whole", "resolved_mode", "primary", "matches", "matched_sims")
    assigns = ("gaps",)
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        # Gaps and coverage look at every matched measure; the result reports the strongest ones.
        assert f.whole is not None
        f.gaps = context.gaps.find(
            f.whole.text, f.resolved_mode, f.primary, f.matches, f.matched_sims
        )
