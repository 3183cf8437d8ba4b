"""What the document is about (:func:`alignment.scoring.subject.find_subject`)."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.subject import find_subject


class SubjectStep(Component):
    name = "subject"
    requires = ("document",)
    assigns = ("subject",)
    start, message = 0.05, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        f.subject = find_subject(f.document)
