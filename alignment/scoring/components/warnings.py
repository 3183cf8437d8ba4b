"""What the reader should know about the document before trusting the figures: short, outside
the district, unsure, industries held back from leading."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.notes import document_warnings, held_back, in_passing, side_tasks_noted
from alignment.scoring.pipeline import Advance, Component


class Warnings(Component):
    name = "warnings"
    requires = (
        "document",
        "sentences",
        "best",
        "resolved_mode",
        "location",
        "service",
        "industries",
        "barred",
        "passing",
        "side",
    )
    assigns = ("warnings",)
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        rules = context.rules
        warnings = document_warnings(
            f.document,
            f.sentences,
            f.best,
            f.resolved_mode,
            rules,
            context.rules_fit_plan,
            f.location,
        )
        threshold = rules.scoring.industry_threshold
        warnings += held_back(f.service, f.industries, f.barred, threshold)
        warnings += in_passing(f.industries, f.passing - f.barred, threshold)
        warnings += side_tasks_noted(
            f.industries, f.side - f.barred - f.passing, len(f.sentences), threshold
        )
        f.warnings = warnings
