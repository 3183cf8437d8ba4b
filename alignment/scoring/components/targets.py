"""A sub-plan's (or a plan's) coverage of the master plan's chapters, and its quantified targets
set against the master plan's."""

from __future__ import annotations

from collections import Counter

from alignment.documents.model import Document
from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.pipeline import Advance, Component
from alignment.scoring.result import Match
from alignment.scoring.subplan import ChapterCoverage, TargetCheck, check_targets, coverage


class Targets(Component):
    name = "targets"
    requires = ("document", "resolved_mode", "matches", "primary", "location")
    assigns = ("coverage", "targets")
    start, message = 0.85, ""

    def __call__(self, f: Findings, context: PlanContext, advance: Advance) -> None:
        if f.resolved_mode == "proposal":
            return
        f.coverage, targets = subplan_checks(context, f.document, f.matches, f.primary)
        # another jurisdiction's targets are not this plan's to compare
        f.targets = () if f.location.status in ("outside", "upper") else targets


def subplan_checks(
    context: PlanContext, document: Document, matches: tuple[Match, ...], primary: str | None
) -> tuple[tuple[ChapterCoverage, ...], tuple[TargetCheck, ...]]:
    plan, rules = context.plan, context.rules
    # Coverage is what the sub-plan plainly serves: a lone low-confidence match on two generic
    # words ("全国"+"影响力" → 教育品牌) covers nothing, and asks for no section's targets.
    plain = [m for m in matches if m.confidence != "low"]
    chapters = coverage(plan, plain)
    matched = {m.measure_id for m in matches}
    # A section's other measures are asked for only when the sub-plan covers two or more of
    # them: one shared theme ("老旧楼宇" → 3.2.2 孵化器) asked a 楼宇 policy for every 3.2 target.
    covered = Counter(m.measure_id.rsplit(".", 1)[0] for m in plain)
    sections = {section for section, count in covered.items() if count >= 2}
    own = {m.measure_id for m in plain}
    # Section 5.2 holds one measure per priority industry: a commerce plan that covers 5.2.2
    # is not asked for the finance industry's 700亿元 (5.2.3), unless it covers 5.2.3 too.
    # (With another plan the rule file's ids name other measures: none is set aside.)
    others = {
        measure
        for industry in rules.industries
        if industry.name != primary and context.rules_fit_plan
        for measure in industry.defining_measures
        if measure not in matched
    }
    asked = {
        measure.id
        for measure in plan.iter_measures()
        if measure.id in own or measure.id.rsplit(".", 1)[0] in sections
    }
    checks = check_targets(plan, rules, document, asked - others)
    return chapters, checks
