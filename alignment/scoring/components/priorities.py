"""A project whose subject is outside the plan's priorities: factory manufacturing, farming,
mining, transport infrastructure (the rule file's ``[outside_priorities]``), in none of the five
industries and no public service. A reviewer rates it weak whatever words it shares with the plan
(a stamping plant's "智能化生产" and "就业" are not the plan's measures); the scorer caps it."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component


class Priorities(Component):
    name = "priorities"
    requires = ("subject", "primary", "service_measure", "resolved_mode", "conflicts")
    assigns = ("outside_term",)
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        if f.resolved_mode != "proposal" or f.primary or f.service_measure or f.conflicts:
            return  # a red line decides first
        f.outside_term = next(
            (t for t in context.rules.outside_priorities if t in f.subject.text), ""
        )
