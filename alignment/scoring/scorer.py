"""The scorer: the one place where the findings become a score, a verdict and the list of
matches a result reports. The fitted model (``Rules.verdict_model``) weighs the score's parts;
two rules sit on top of it (:func:`settled_score`); a red-line conflict decides the verdict
whatever the score."""

from __future__ import annotations

from alignment.scoring.context import PlanContext
from alignment.scoring.findings import Findings
from alignment.scoring.notes import below_plan_note, direct_fit_note, outside_note
from alignment.scoring.result import AlignmentResult, targets_below, verdict_for


def combine(f: Findings, context: PlanContext) -> AlignmentResult:
    rules = context.rules
    scoring = rules.scoring
    components = dict(f.components)
    if f.direct_margin is not None:
        components["direct_fit"] = f.direct_margin
    weaker = targets_below(f.targets)
    fitted = rules.verdict_model.score(components)
    score, override = settled_score(
        fitted, bool(f.direct), bool(weaker), scoring.strong, bool(f.outside_term), scoring.partial
    )
    warnings = f.warnings
    if f.direct:
        service = f.public_service.name if f.public_service else "公共服务"
        warnings += (direct_fit_note(f.direct, context.titles[f.direct], service, f.subject.text),)
    if weaker:
        warnings += (below_plan_note([t.indicator for t in weaker]),)
    if override == "outside_priorities":
        warnings += (outside_note(f.outside_term, f.subject.text),)
    return AlignmentResult(
        document=f.document.path,
        title=f.document.title,
        plan_title=context.plan.title,
        mode=f.resolved_mode,
        score=score,
        verdict=verdict_for(score, scoring.strong, scoring.partial, bool(f.conflicts)),
        primary_industry=f.primary,
        industries=f.industries,
        matches=f.matches[: scoring.max_matches],
        gaps=f.gaps,
        conflicts=f.conflicts,
        warnings=warnings,
        components=components,
        thresholds={
            "strong": scoring.strong,
            "partial": scoring.partial,
            "industry_threshold": scoring.industry_threshold,
            "match_threshold": scoring.match_threshold,
        },
        characters=f.document.char_count,
        sentences=len(f.sentences),
        coverage=f.coverage,
        targets=f.targets,
        location=f.location,
        ocr=f.document.ocr,
        subject=f.subject.text,
        fitted_score=round(fitted, 1),
        override=override,
    )


def settled_score(
    score: float,
    direct: bool,
    below_plan: bool,
    strong: float,
    outside: bool = False,
    partial: float = 35.0,
) -> tuple[float, str]:
    """The fitted score after the rules on top of it, and the rule that moved it ("" for none):
    a public service's direct fit is strong, a sub-plan with a target below the master plan's is
    not, a project outside the priorities is weak. Rounded as shown: the verdict follows the
    score as shown, not hidden decimals."""
    shown, override = round(score, 1), ""
    if direct and shown < strong:
        shown, override = strong, "direct_fit"
    if below_plan and shown > strong - 1:
        shown, override = strong - 1, "below_plan"
    if outside and shown > partial - 1:
        shown, override = partial - 1, "outside_priorities"
    return round(shown, 1), override
