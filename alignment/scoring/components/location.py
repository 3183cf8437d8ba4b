"""Where the document belongs, and so what kind of document it is."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.kind import find_location, kind_for
from alignment.scoring.pipeline import Advance, Component


class Location(Component):
    name = "location"
    requires = ("document", "mode", "whole", "head", "as_plan", "words")
    assigns = ("location", "resolved_mode")
    start, message = 0.45, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        assert f.whole is not None
        words = f.words
        f.location = find_location(
            f.document,
            f.whole.text,
            f.head,
            f.as_plan,
            context.rules.location,
            context.home_applies,
            lambda: (w for sentence in words for w in sentence),
        )
        f.resolved_mode = kind_for(f.mode, f.as_plan, f.location)
